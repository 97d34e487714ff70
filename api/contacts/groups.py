"""Contact groups (B6): create, classify contacts into them, and act on a group in bulk (the
list's ``group_id`` filter feeds ``POST /contacts/bulk``)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from api.contacts.models import ContactGroup, ContactGroupMember
from api.contacts.repository import GROUP_SORT, ContactGroupRepository
from api.contacts.schemas import GroupCreate, GroupFilters, GroupRead, GroupUpdate
from api.contacts.service import set_link
from api.core.context import TenantContext
from api.core.crud import NamedRecords
from api.core.errors import Conflict
from api.core.links import link, unlink
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


GROUPS = NamedRecords(ContactGroupRepository, UNIQUE_NAME, _name_taken)


async def create_group(ctx: TenantContext, body: GroupCreate) -> ContactGroup:
    return await GROUPS.create(ctx, body.model_dump())


async def update_group(ctx: TenantContext, group_id: uuid.UUID, body: GroupUpdate) -> ContactGroup:
    return await GROUPS.update(ctx, group_id, body.model_dump(exclude_unset=True))


async def delete_group(ctx: TenantContext, group_id: uuid.UUID) -> None:
    """The group goes; its contacts stay (only their membership goes with it)."""
    await GROUPS.delete(ctx, group_id)


async def set_member(ctx: TenantContext, contact_id: uuid.UUID, group_id: uuid.UUID, *, member: bool) -> None:
    group = await get_group(ctx, group_id)
    await set_link(ctx, contact_id, ContactGroupMember, {"group_id": group.id}, linked=member)


# --- Set-based, for bulk actions (ids already checked to be the workspace's live contacts) -----

async def add_members(ctx: TenantContext, group_id: uuid.UUID, contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    return await link(ctx, ContactGroupMember.__table__, ("group_id", group_id), "contact_id", contact_ids,
                      entity_type="contact", action="group_added")


async def remove_members(ctx: TenantContext, group_id: uuid.UUID,
                         contact_ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
    return await unlink(ctx, ContactGroupMember.__table__, ("group_id", group_id), "contact_id", contact_ids,
                        entity_type="contact", action="group_removed")
