"""Project rules (B5): projects, and the contacts and staff associated to them — one by one or in
bulk ("associate mode"), and from the contacts list's bulk action ``associate_project``.

Associations are set-based (``INSERT … ON CONFLICT DO NOTHING`` / ``DELETE … RETURNING``), so
only real changes count and each gets one audit event, filed under the contact or the user.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from api.companies import errors as _errors  # noqa: F401 - registers messages
from api.companies.models import Project, ProjectContact, ProjectUser
from api.companies.repository import PROJECT_SORT, PROJECT_USER_SORT, ProjectRepository
from api.companies.schemas import ProjectCreate, ProjectFilters, ProjectRead, ProjectUpdate, ProjectUserRead
from api.contacts import relations
from api.contacts.service import require_contacts
from api.core.context import TenantContext
from api.core.crud import NamedRecords
from api.core.errors import Conflict
from api.core.links import link, unlink
from api.core.pagination import PageParams
from api.core.schemas import Page
from api.identity import transfer as identity_transfer
from api.identity.service import require_users
from api.transfer.relations import SheetRelation

UNIQUE_NAME = "uq_project_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("project_name_taken", params={"name": name})


async def list_projects(ctx: TenantContext, filters: ProjectFilters) -> Page[ProjectRead]:
    repo = ProjectRepository(ctx)
    stmt = repo.filtered(filters.q, filters.active, filters.contact_id, filters.user_id)
    items, cursor = await repo.page(stmt, PROJECT_SORT, filters.page)
    return Page(items=[ProjectRead.model_validate(p) for p in items], next_cursor=cursor)


async def get_project(ctx: TenantContext, project_id: uuid.UUID) -> Project:
    return await ProjectRepository(ctx).get(project_id)


PROJECTS = NamedRecords(ProjectRepository, UNIQUE_NAME, _name_taken, required=("name", "active"))


async def create_project(ctx: TenantContext, body: ProjectCreate) -> Project:
    return await PROJECTS.create(ctx, body.model_dump())


async def update_project(ctx: TenantContext, project_id: uuid.UUID, body: ProjectUpdate) -> Project:
    return await PROJECTS.update(ctx, project_id, body.model_dump(exclude_unset=True))


async def delete_project(ctx: TenantContext, project_id: uuid.UUID) -> None:
    await PROJECTS.delete(ctx, project_id)


# --- Associations -------------------------------------------------------------------------------

CONTACTS = ProjectContact.__table__
USERS = ProjectUser.__table__


async def link_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    """Associate contacts already known to be the workspace's; returns the ones newly associated."""
    return await link(ctx, CONTACTS, ("project_id", project_id), "contact_id", contact_ids,
                      entity_type="contact", action="project_associated")


async def associate_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    return len(await link_contacts(ctx, project.id, sorted(await require_contacts(ctx, contact_ids))))


async def disassociate_contacts(ctx: TenantContext, project_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    return len(await unlink(ctx, CONTACTS, ("project_id", project.id), "contact_id", contact_ids,
                            entity_type="contact", action="project_disassociated"))


async def associate_users(ctx: TenantContext, project_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    users = await require_users(ctx, list(set(user_ids)))
    return len(await link(ctx, USERS, ("project_id", project.id), "user_id", sorted(u.id for u in users),
                          entity_type="user", action="project_associated"))


async def disassociate_users(ctx: TenantContext, project_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> int:
    project = await get_project(ctx, project_id)
    return len(await unlink(ctx, USERS, ("project_id", project.id), "user_id", user_ids,
                            entity_type="user", action="project_disassociated"))


async def list_project_users(ctx: TenantContext, project_id: uuid.UUID, page: PageParams) -> Page[ProjectUserRead]:
    repo = ProjectRepository(ctx)
    project = await repo.get(project_id)
    items, cursor = await repo.page(repo.users(project.id), PROJECT_USER_SORT, page)
    return Page(items=[ProjectUserRead(user_id=u.user_id, added_at=u.added_at) for u in items], next_cursor=cursor)


async def _contacts_of_project(ctx: TenantContext, project_id: uuid.UUID):
    project = await get_project(ctx, project_id)
    return select(ProjectContact.contact_id).where(ProjectContact.tenant_id == ctx.tenant_id,
                                                   ProjectContact.project_id == project.id)


relations.register_filter("project_id", _contacts_of_project)
relations.register_bulk_link("associate_project", relations.BulkLink(
    permission="projects:write", target="project_id", check_target=get_project, apply=link_contacts))
relations.register_sheet_relation(SheetRelation(
    key="projects", link=ProjectContact, target_column="project_id", target=Project,
    label=("Proyectos", "Projects", "Projetos"), position=2))
identity_transfer.register_sheet_relation(SheetRelation(
    key="projects", link=ProjectUser, target_column="project_id", target=Project, owner_column="user_id",
    label=("Proyectos", "Projects", "Projetos"), position=3, attach=associate_users, detach=disassociate_users))
