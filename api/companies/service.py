"""Company rules (B5): companies, their members and their one administrator.

The names of a contact's companies are part of the contact's search text: every change of
membership or of a company's name hands the affected contacts' names to contacts
(:func:`api.contacts.service.set_company_names`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select

from api.companies import errors as _errors  # noqa: F401 - registers messages
from api.companies.models import Company, CompanyMember
from api.companies.repository import COMPANY_SORT, MEMBER_SORT, CompanyRepository
from api.companies.schemas import CompanyCreate, CompanyFilters, CompanyRead, CompanyUpdate, MemberPut, MemberRead
from api.contacts import relations
from api.contacts.service import contact_summaries, live_contact, phone_e164, set_company_names
from api.core.context import TenantContext
from api.core.crud import NamedRecords
from api.core.errors import Conflict, NotFound
from api.core.pagination import PageParams
from api.core.schemas import Page
from api.transfer.relations import SheetRelation

UNIQUE_NAME = "uq_company_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("company_name_taken", params={"name": name})


async def refresh_company_names(ctx: TenantContext, contact_ids: Sequence[uuid.UUID]) -> None:
    names = await CompanyRepository(ctx).names_by_contact(contact_ids)
    await set_company_names(ctx, {cid: names.get(cid, "") for cid in contact_ids})


async def _normalise(ctx: TenantContext, changes: dict) -> dict:
    if changes.get("email"):
        changes["email"] = changes["email"].strip().lower()
    if changes.get("phone"):
        changes["phone"] = await phone_e164(ctx, changes["phone"])
    return changes


async def list_companies(ctx: TenantContext, filters: CompanyFilters) -> Page[CompanyRead]:
    repo = CompanyRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q, filters.contact_id), COMPANY_SORT, filters.page)
    return Page(items=[CompanyRead.model_validate(c) for c in items], next_cursor=cursor)


async def get_company(ctx: TenantContext, company_id: uuid.UUID) -> Company:
    return await CompanyRepository(ctx).get(company_id)


COMPANIES = NamedRecords(CompanyRepository, UNIQUE_NAME, _name_taken)


async def create_company(ctx: TenantContext, body: CompanyCreate) -> Company:
    return await COMPANIES.create(ctx, await _normalise(ctx, body.model_dump()))


async def update_company(ctx: TenantContext, company_id: uuid.UUID, body: CompanyUpdate) -> Company:
    former_name = (await get_company(ctx, company_id)).name
    company = await COMPANIES.update(ctx, company_id, await _normalise(ctx, body.model_dump(exclude_unset=True)))
    if company.name != former_name:
        await refresh_company_names(ctx, await CompanyRepository(ctx).member_ids(company.id))
    return company


async def delete_company(ctx: TenantContext, company_id: uuid.UUID) -> None:
    members = await CompanyRepository(ctx).member_ids(company_id)
    await COMPANIES.delete(ctx, company_id)
    await refresh_company_names(ctx, members)


# --- Members ------------------------------------------------------------------------------------

async def list_members(ctx: TenantContext, company_id: uuid.UUID, page: PageParams) -> Page[MemberRead]:
    repo = CompanyRepository(ctx)
    company = await repo.get(company_id)
    items, cursor = await repo.page(repo.members().where(CompanyMember.company_id == company.id), MEMBER_SORT, page)
    people = await contact_summaries(ctx, [m.contact_id for m in items])
    return Page(items=[MemberRead(contact_id=m.contact_id, is_admin=m.is_admin, joined_at=m.added_at,
                                  **people[m.contact_id]) for m in items], next_cursor=cursor)


async def put_member(ctx: TenantContext, company_id: uuid.UUID, contact_id: uuid.UUID, body: MemberPut) -> None:
    """Add the contact to the company (or change its role). Making it the admin demotes the
    previous admin: a company has at most one."""
    repo = CompanyRepository(ctx)
    company = await repo.get(company_id)
    contact = await live_contact(ctx, contact_id)
    member = await repo.member(company.id, contact.id)
    if body.is_admin:
        current = await repo.admin_of(company.id)
        if current is not None and current.contact_id != contact.id:
            current.is_admin = False
            await ctx.session.flush()
    if member is None:
        ctx.session.add(CompanyMember(tenant_id=ctx.tenant_id, company_id=company.id, contact_id=contact.id,
                                      is_admin=body.is_admin))
        await ctx.session.flush()
        await refresh_company_names(ctx, [contact.id])
    elif member.is_admin != body.is_admin:
        member.is_admin = body.is_admin
        await ctx.session.flush()


async def remove_member(ctx: TenantContext, company_id: uuid.UUID, contact_id: uuid.UUID) -> None:
    repo = CompanyRepository(ctx)
    company = await repo.get(company_id)
    member = await repo.member(company.id, contact_id)
    if member is None:
        raise NotFound("company_member")
    await ctx.session.delete(member)
    await ctx.session.flush()
    await refresh_company_names(ctx, [contact_id])


async def _contacts_of_company(ctx: TenantContext, company_id: uuid.UUID):
    company = await get_company(ctx, company_id)
    return select(CompanyMember.contact_id).where(CompanyMember.tenant_id == ctx.tenant_id,
                                                  CompanyMember.company_id == company.id)


relations.register_filter("company_id", _contacts_of_company)
relations.register_sheet_relation(SheetRelation(
    key="companies", link=CompanyMember, target_column="company_id", target=Company,
    label=("Compañías", "Companies", "Empresas"), position=1, after_change=refresh_company_names))
