"""Contact groups (B6): create, classify contacts into them, and act on a group in bulk (the
list's ``group_id`` filter feeds ``POST /contacts/bulk``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert

from api.contacts.models import ContactGroup, ContactGroupMember
from api.contacts.repository import GROUP_SORT, ContactGroupRepository
from api.contacts.schemas import GroupCreate, GroupFilters, GroupRead, GroupUpdate
from api.contacts.service import live_contact
from api.core.audit import record_many
from api.core.context import TenantContext
from api.core.crud import apply_changes, refuse_nulls, require_free_name
from api.core.db import flush_checked
from api.core.errors import Conflict
from api.core.schemas import Page

UNIQUE_NAME = "uq_contact_group_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("contact_group_name_taken", params={"name": name})


async def list_groups(ctx: TenantContext, filters: GroupFilters) -> Page[GroupRead]:
    repo = ContactGroupRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q), GROUP_SORT, filters.page)
    return Page(items=[GroupRead.model_validate(g) for g in items], next_cursor=cursor)


async def get_group(ctx: TenantContext, group_id: uuid.UUID) -> ContactGroup:
    return await ContactGroupRepository(ctx).get(group_id)


async def create_group(ctx: TenantContext, body: GroupCreate) -> ContactGroup:
    await require_free_name(ContactGroupRepository(ctx), body.name, _name_taken)
    group = ContactGroup(tenant_id=ctx.tenant_id, **body.model_dump())
    ctx.session.add(group)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(body.name)})
    return group


async def update_group(ctx: TenantContext, group_id: uuid.UUID, body: GroupUpdate) -> ContactGroup:
    repo = ContactGroupRepository(ctx)
    group = await repo.get(group_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    refuse_nulls(changes, ("name",))
    if "name" in changes:
        await require_free_name(repo, changes["name"], _name_taken, group.id)
    apply_changes(group, changes)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(group.name)})
    return group


async def delete_group(ctx: TenantContext, group_id: uuid.UUID) -> None:
    """The group goes; its contacts stay (only their membership goes with it)."""
    repo = ContactGroupRepository(ctx)
    await repo.delete(await repo.get(group_id, for_update=True))


async def add_member(ctx: TenantContext, contact_id: uuid.UUID, group_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id)
    repo = ContactGroupRepository(ctx)
    group = await repo.get(group_id)
    if await repo.member(group.id, contact.id) is None:
        ctx.session.add(ContactGroupMember(tenant_id=ctx.tenant_id, group_id=group.id, contact_id=contact.id))
        await ctx.session.flush()


async def remove_member(ctx: TenantContext, contact_id: uuid.UUID, group_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id)
    repo = ContactGroupRepository(ctx)
    group = await repo.get(group_id)
    member = await repo.member(group.id, contact.id)
    if member is not None:
        await ctx.session.delete(member)
        await ctx.session.flush()


# --- Set-based, for bulk actions (ids already checked to be the workspace's live contacts) -----

async def add_members(ctx: TenantContext, group_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    table = ContactGroupMember.__table__
    stmt = (insert(table)
            .values([{"tenant_id": ctx.tenant_id, "group_id": group_id, "contact_id": cid} for cid in contact_ids])
            .on_conflict_do_nothing()
            .returning(table.c.contact_id))
    added = list((await ctx.session.execute(stmt)).scalars()) if contact_ids else []
    await _audit(ctx, "group_added", group_id, added, adding=True)
    return added


async def remove_members(ctx: TenantContext, group_id: uuid.UUID,
                         contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    table = ContactGroupMember.__table__
    stmt = (delete(table)
            .where(table.c.tenant_id == ctx.tenant_id, table.c.group_id == group_id,
                   table.c.contact_id.in_(contact_ids))
            .returning(table.c.contact_id))
    removed = list((await ctx.session.execute(stmt)).scalars()) if contact_ids else []
    await _audit(ctx, "group_removed", group_id, removed, adding=False)
    return removed


async def _audit(ctx: TenantContext, action: str, group_id: uuid.UUID, contact_ids: list[uuid.UUID],
                 *, adding: bool) -> None:
    change = {"group_id": {"old": None, "new": str(group_id)} if adding else {"old": str(group_id), "new": None}}
    await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type="contact", action=action,
                      items=[(cid, change) for cid in contact_ids])
