"""Groups of staff (PRODUCT A6): agents or specialists, named, with members added and removed
in bulk. A specialists group holds specialists only. Members are validated as a whole: one
unknown or foreign id refuses the request and changes nothing."""

from __future__ import annotations

import uuid

from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, ValidationFailed, field_error
from api.core.schemas import Page
from api.identity.models import StaffGroup, StaffGroupMember
from api.identity.repository import (
    GROUP_SORT,
    MEMBERS_BY_NAME,
    USER_REF_COLUMNS,
    GroupRepository,
    MemberRepository,
    UserRepository,
    as_dicts,
)
from api.identity.schemas import (
    GroupCreate,
    GroupFilters,
    GroupMembers,
    GroupRead,
    GroupUpdate,
    MemberFilters,
    UserRef,
)

UNIQUE_NAME = "uq_staff_group_tenant_kind_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("group_name_taken", params={"name": name})


async def _read(ctx: TenantContext, group: StaffGroup) -> GroupRead:
    counts = await GroupRepository(ctx).member_counts([group.id])
    return GroupRead(id=group.id, name=group.name, kind=group.kind, description=group.description,  # type: ignore[arg-type]
                     member_count=counts.get(group.id, 0), created_at=group.created_at, updated_at=group.updated_at)


async def list_groups(ctx: TenantContext, filters: GroupFilters) -> Page[GroupRead]:
    repo = GroupRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q, filters.kind), GROUP_SORT, filters.page)
    counts = await repo.member_counts([g.id for g in items])
    return Page(items=[GroupRead(id=g.id, name=g.name, kind=g.kind, description=g.description,
                                 member_count=counts.get(g.id, 0), created_at=g.created_at, updated_at=g.updated_at)
                       for g in items], next_cursor=cursor)


async def get_group(ctx: TenantContext, group_id: uuid.UUID) -> GroupRead:
    return await _read(ctx, await GroupRepository(ctx).get(group_id))


async def create_group(ctx: TenantContext, body: GroupCreate) -> GroupRead:
    repo = GroupRepository(ctx)
    if await repo.by_name(body.kind, body.name):
        raise _name_taken(body.name)
    group = StaffGroup(tenant_id=ctx.tenant_id, name=body.name, kind=body.kind, description=body.description)
    ctx.session.add(group)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(body.name)})
    if body.member_ids:
        await _add(ctx, group, body.member_ids, ("body", "member_ids"))
    return await _read(ctx, group)


async def update_group(ctx: TenantContext, group_id: uuid.UUID, body: GroupUpdate) -> GroupRead:
    repo = GroupRepository(ctx)
    group = await repo.get(group_id, for_update=True)
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    if "name" in changes:
        other = await repo.by_name(group.kind, changes["name"])
        if other is not None and other.id != group.id:
            raise _name_taken(changes["name"])
    for field, value in changes.items():
        setattr(group, field, value)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(group.name)})
    return await _read(ctx, group)


async def delete_group(ctx: TenantContext, group_id: uuid.UUID) -> None:
    repo = GroupRepository(ctx)
    await repo.delete(await repo.get(group_id, for_update=True))


async def list_members(ctx: TenantContext, group_id: uuid.UUID, filters: MemberFilters) -> Page[UserRef]:
    group = await GroupRepository(ctx).get(group_id)
    repo = UserRepository(ctx)
    rows, cursor = await repo.page(repo.members_of(group.id), MEMBERS_BY_NAME, filters.page)
    return Page(items=[UserRef(**row) for row in as_dicts(rows, USER_REF_COLUMNS)], next_cursor=cursor)


async def _add(ctx: TenantContext, group: StaffGroup, user_ids: list[uuid.UUID], loc: tuple[str, ...]) -> None:
    users = await UserRepository(ctx).get_many(user_ids)
    if group.kind == "specialists":
        outsiders = [i for i, uid in enumerate(user_ids) if not next(u for u in users if u.id == uid).is_specialist]
        if outsiders:
            raise ValidationFailed([field_error((*loc, i), "not_a_specialist", "No es especialista",
                                                "Not a specialist", "Não é especialista") for i in outsiders],
                                   code="not_a_specialist")
    present = {m.user_id for m in await MemberRepository(ctx).existing(group.id, user_ids)}
    ctx.session.add_all([StaffGroupMember(tenant_id=ctx.tenant_id, group_id=group.id, user_id=u.id)
                         for u in users if u.id not in present])
    await ctx.session.flush()


async def add_members(ctx: TenantContext, group_id: uuid.UUID, body: GroupMembers) -> GroupRead:
    group = await GroupRepository(ctx).get(group_id, for_update=True)
    await _add(ctx, group, body.user_ids, ("body", "user_ids"))
    return await _read(ctx, group)


async def remove_members(ctx: TenantContext, group_id: uuid.UUID, body: GroupMembers) -> GroupRead:
    group = await GroupRepository(ctx).get(group_id, for_update=True)
    await UserRepository(ctx).get_many(body.user_ids)
    for member in await MemberRepository(ctx).existing(group.id, body.user_ids):
        await ctx.session.delete(member)
    await ctx.session.flush()
    return await _read(ctx, group)
