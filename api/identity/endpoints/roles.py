"""The permission catalogue and roles."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.schemas import Page
from api.identity import access
from api.identity.auth import RolesRead, RolesWrite
from api.identity.schemas import PermissionRead, RoleCreate, RoleFilters, RoleRead, RoleUpdate

router = APIRouter(tags=["identity"])


@router.get("/permissions", response_model=Page[PermissionRead], summary="The permission catalogue")
async def list_permissions(ctx: RolesRead) -> Page[PermissionRead]:
    return access.list_permissions(ctx)


@router.get("/roles", response_model=Page[RoleRead], summary="List roles (built-in and custom)")
async def list_roles(ctx: RolesRead, filters: Annotated[RoleFilters, Query()]) -> Page[RoleRead]:
    return await access.list_roles(ctx, filters)


@router.post("/roles", response_model=RoleRead, status_code=status.HTTP_201_CREATED, summary="Create a custom role")
async def create_role(ctx: RolesWrite, body: RoleCreate, response: Response) -> RoleRead:
    role = await access.create_role(ctx, body)
    response.headers["Location"] = f"/api/v1/roles/{role.id}"
    return role


@router.get("/roles/{role_id}", response_model=RoleRead, summary="Read a role")
async def read_role(ctx: RolesRead, role_id: uuid.UUID) -> RoleRead:
    return await access.get_role(ctx, role_id)


@router.patch("/roles/{role_id}", response_model=RoleRead,
              summary="Change a role (a built-in role: only its name, description and MFA requirement)")
async def update_role(ctx: RolesWrite, role_id: uuid.UUID, body: RoleUpdate) -> RoleRead:
    return await access.update_role(ctx, role_id, body)


@router.delete("/roles/{role_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete an unused custom role")
async def delete_role(ctx: RolesWrite, role_id: uuid.UUID) -> None:
    await access.delete_role(ctx, role_id)
