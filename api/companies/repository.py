"""Company and project queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Select, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from api.companies.models import Company, CompanyMember, Project, ProjectContact, ProjectUser
from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.core.search import folded_contains

COMPANY_SORT = Sort("name", (SortKey(func.lower(Company.name)), SortKey(Company.id)))
PROJECT_SORT = Sort("name", (SortKey(func.lower(Project.name)), SortKey(Project.id)))
MEMBER_SORT = Sort("joined_at", (SortKey(CompanyMember.added_at), SortKey(CompanyMember.contact_id)))
PROJECT_USER_SORT = Sort("added_at", (SortKey(ProjectUser.added_at), SortKey(ProjectUser.user_id)))


class CompanyRepository(TenantRepository[Company]):
    model = Company
    entity = "company"

    def filtered(self, q: str | None, contact_id: uuid.UUID | None) -> Select:
        stmt = self.select()
        if q:
            stmt = stmt.where(folded_contains(Company.name, q))
        if contact_id:
            stmt = stmt.where(Company.id.in_(self.members().with_only_columns(CompanyMember.company_id)
                                             .where(CompanyMember.contact_id == contact_id)))
        return stmt

    async def by_name(self, name: str) -> Company | None:
        stmt = self.select().where(func.lower(Company.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def members(self) -> Select:
        return select(CompanyMember).where(CompanyMember.tenant_id == self.tenant_id)

    async def member(self, company_id: uuid.UUID, contact_id: uuid.UUID) -> CompanyMember | None:
        return await self.session.get(CompanyMember, (self.tenant_id, company_id, contact_id))

    async def admin_of(self, company_id: uuid.UUID) -> CompanyMember | None:
        stmt = self.members().where(CompanyMember.company_id == company_id, CompanyMember.is_admin.is_(True))
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def member_ids(self, company_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = (self.members().with_only_columns(CompanyMember.contact_id)
                .where(CompanyMember.company_id == company_id))
        return list((await self.session.execute(stmt)).scalars())

    async def names_by_contact(self, contact_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        names = func.string_agg(Company.name, aggregate_order_by(literal(" "), Company.name))
        stmt = (select(CompanyMember.contact_id, names)
                .join(Company, (Company.tenant_id == CompanyMember.tenant_id)
                      & (Company.id == CompanyMember.company_id))
                .where(CompanyMember.tenant_id == self.tenant_id, CompanyMember.contact_id.in_(contact_ids))
                .group_by(CompanyMember.contact_id))
        return {row[0]: row[1] for row in (await self.session.execute(stmt)).all()}


class ProjectRepository(TenantRepository[Project]):
    model = Project
    entity = "project"

    def filtered(self, q: str | None, active: bool | None, contact_id: uuid.UUID | None,
                 user_id: uuid.UUID | None) -> Select:
        stmt = self.select()
        if q:
            stmt = stmt.where(folded_contains(Project.name, q))
        if active is not None:
            stmt = stmt.where(Project.active.is_(active))
        if contact_id:
            stmt = stmt.where(Project.id.in_(select(ProjectContact.project_id).where(
                ProjectContact.tenant_id == self.tenant_id, ProjectContact.contact_id == contact_id)))
        if user_id:
            stmt = stmt.where(Project.id.in_(select(ProjectUser.project_id).where(
                ProjectUser.tenant_id == self.tenant_id, ProjectUser.user_id == user_id)))
        return stmt

    async def by_name(self, name: str) -> Project | None:
        stmt = self.select().where(func.lower(Project.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def users(self, project_id: uuid.UUID) -> Select:
        return select(ProjectUser).where(ProjectUser.tenant_id == self.tenant_id, ProjectUser.project_id == project_id)
