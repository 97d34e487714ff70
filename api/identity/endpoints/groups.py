"""Groups of staff and their members."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.schemas import Page
from api.identity import groups
from api.identity.auth import GroupsRead, GroupsWrite
from api.identity.schemas import GroupCreate, GroupFilters, GroupMembers, GroupRead, GroupUpdate, MemberFilters, UserRef

router = APIRouter(prefix="/groups", tags=["identity"])


@router.get("", response_model=Page[GroupRead], summary="List groups of staff")
async def list_groups(ctx: GroupsRead, filters: Annotated[GroupFilters, Query()]) -> Page[GroupRead]:
    return await groups.list_groups(ctx, filters)


@router.post("", response_model=GroupRead, status_code=status.HTTP_201_CREATED, summary="Create a group")
async def create_group(ctx: GroupsWrite, body: GroupCreate, response: Response) -> GroupRead:
    group = await groups.create_group(ctx, body)
    response.headers["Location"] = f"/api/v1/groups/{group.id}"
    return group


@router.get("/{group_id}", response_model=GroupRead, summary="Read a group")
async def read_group(ctx: GroupsRead, group_id: uuid.UUID) -> GroupRead:
    return await groups.get_group(ctx, group_id)


@router.patch("/{group_id}", response_model=GroupRead, summary="Rename or describe a group")
async def update_group(ctx: GroupsWrite, group_id: uuid.UUID, body: GroupUpdate) -> GroupRead:
    return await groups.update_group(ctx, group_id, body)


@router.delete("/{group_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a group")
async def delete_group(ctx: GroupsWrite, group_id: uuid.UUID) -> None:
    await groups.delete_group(ctx, group_id)


@router.get("/{group_id}/members", response_model=Page[UserRef], summary="List a group's members")
async def list_group_members(ctx: GroupsRead, group_id: uuid.UUID,
                             filters: Annotated[MemberFilters, Query()]) -> Page[UserRef]:
    return await groups.list_members(ctx, group_id, filters)


@router.post("/{group_id}/members", response_model=GroupRead, summary="Add members in bulk (all or none)")
async def add_group_members(ctx: GroupsWrite, group_id: uuid.UUID, body: GroupMembers) -> GroupRead:
    return await groups.add_members(ctx, group_id, body)


@router.post("/{group_id}/members/remove", response_model=GroupRead, summary="Remove members in bulk")
async def remove_group_members(ctx: GroupsWrite, group_id: uuid.UUID, body: GroupMembers) -> GroupRead:
    return await groups.remove_members(ctx, group_id, body)
