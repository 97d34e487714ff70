"""Roles and permissions (PRODUCT A5): the catalogue, custom roles, per-user optional grants,
and the effective permissions of a user.

Effective permissions = the union of the user's roles' base permissions + the optional
permissions granted to the user that one of those roles offers (a grant whose role was taken
away stops counting at once, and is pruned). Deny by default.

Nobody can hand out more than they hold: creating or editing a role, assigning roles and
granting optional permissions are refused (403 ``privilege_escalation``) when they would give
someone a permission the caller lacks.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from api.core import permissions as catalogue
from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, Forbidden, ValidationFailed, field_error
from api.core.schemas import Page
from api.identity import errors as _errors  # noqa: F401 - registers messages
from api.identity.models import Role, UserPermission
from api.identity.repository import ROLE_SORT, GrantRepository, RoleRepository, UserRepository
from api.identity.roles import BUILT_IN_ROLES, base_permissions, optional_permissions
from api.identity.schemas import (
    PermissionRead,
    RoleCreate,
    RoleFilters,
    RoleRead,
    RoleUpdate,
    UserPermissionsRead,
)


@dataclass(frozen=True)
class Access:
    roles: list[Role]
    permissions: frozenset[str]  # effective
    granted: frozenset[str]  # optional permissions granted and still offered
    offered: frozenset[str]  # optional permissions the roles offer


def role_permissions(role: Role) -> tuple[frozenset[str], frozenset[str]]:
    return (base_permissions(role.key, role.built_in, role.permissions),
            optional_permissions(role.key, role.built_in, role.optional_permissions))


def combine(roles: list[Role], grants: set[str]) -> Access:
    base: set[str] = set()
    offered: set[str] = set()
    for role in roles:
        role_base, role_optional = role_permissions(role)
        base |= role_base
        offered |= role_optional
    granted = frozenset(grants & offered)
    return Access(roles=roles, permissions=frozenset(base | granted), granted=granted, offered=frozenset(offered))


async def user_access(session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID) -> Access:
    roles = await RoleRepository(session, tenant_id).roles_of(user_id)
    grants = {g.permission for g in await GrantRepository(session, tenant_id).of(user_id)}
    return combine(roles, grants)


def role_read(role: Role) -> RoleRead:
    base, optional = role_permissions(role)
    return RoleRead(id=role.id, key=role.key, name=role.name, description=role.description, built_in=role.built_in,
                    permissions=sorted(base), optional_permissions=sorted(optional), mfa_required=role.mfa_required,
                    created_at=role.created_at, updated_at=role.updated_at)


def ensure_grantable(ctx: TenantContext, wanted: set[str] | frozenset[str]) -> None:
    """Refuse to give anyone a permission the caller does not hold."""
    assert ctx.principal is not None
    missing = set(wanted) - ctx.principal.permissions
    if missing:
        raise Forbidden("privilege_escalation", params={"permission": ", ".join(sorted(missing))},
                        extra={"permissions": sorted(missing)})


def _check_known(keys: list[str], field: str) -> None:
    unknown = [(i, k) for i, k in enumerate(keys) if not catalogue.is_known(k)]
    if unknown:
        raise ValidationFailed(
            [field_error(("body", field, i), "unknown_permission", f"Permiso desconocido: {k}",
                         f"Unknown permission: {k}", f"Permissão desconhecida: {k}") for i, k in unknown],
            code="unknown_permission")


# --- The catalogue --------------------------------------------------------------------------------

def list_permissions(ctx: TenantContext) -> Page[PermissionRead]:
    items = [PermissionRead(key=p.key, domain=p.domain, description=p.description[ctx.language])
             for p in catalogue.CATALOGUE]
    return Page(items=items, next_cursor=None)


# --- Roles ----------------------------------------------------------------------------------------

def _key_from_name(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    key = re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_")
    if not key or not key[0].isalpha():
        key = f"role_{key}".rstrip("_")
    return key[:56]


def _key_taken(key: str) -> Conflict:
    return Conflict("role_key_taken", params={"key": key})


async def list_roles(ctx: TenantContext, filters: RoleFilters) -> Page[RoleRead]:
    repo = RoleRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q), ROLE_SORT, filters.page)
    return Page(items=[role_read(r) for r in items], next_cursor=cursor)


async def get_role(ctx: TenantContext, role_id: uuid.UUID) -> RoleRead:
    return role_read(await RoleRepository(ctx).get(role_id))


async def create_role(ctx: TenantContext, body: RoleCreate) -> RoleRead:
    _check_known(body.permissions, "permissions")
    _check_known(body.optional_permissions, "optional_permissions")
    ensure_grantable(ctx, set(body.permissions) | set(body.optional_permissions))
    repo = RoleRepository(ctx)
    if body.key:
        key = body.key
        if await repo.by_key(key) or key in BUILT_IN_ROLES:
            raise _key_taken(key)
    else:
        base_key, key, n = _key_from_name(body.name), _key_from_name(body.name), 1
        while await repo.by_key(key) or key in BUILT_IN_ROLES:
            n += 1
            key = f"{base_key}_{n}"
    base = sorted(set(body.permissions))
    role = Role(tenant_id=ctx.tenant_id, key=key, name=body.name, description=body.description, built_in=False,
                permissions=base, optional_permissions=sorted(set(body.optional_permissions) - set(base)),
                mfa_required=body.mfa_required)
    ctx.session.add(role)
    await flush_checked(ctx.session, {"uq_role_tenant_id_key": _key_taken(key)})
    return role_read(role)


async def update_role(ctx: TenantContext, role_id: uuid.UUID, body: RoleUpdate) -> RoleRead:
    role = await RoleRepository(ctx).get(role_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    for field in ("name", "description", "mfa_required"):
        if field in changes and changes[field] is None:
            raise ValidationFailed([field_error(("body", field), "missing", "No puede ser nulo",
                                                "Cannot be null", "Não pode ser nulo")])
    touches_permissions = {"permissions", "optional_permissions"} & changes.keys()
    if touches_permissions and role.built_in:
        raise Conflict("built_in_role_fixed")
    for field in touches_permissions:
        if changes[field] is None:
            changes[field] = []
        _check_known(changes[field], field)
        ensure_grantable(ctx, set(changes[field]) - set(getattr(role, field)))
    if "permissions" in changes:
        changes["permissions"] = sorted(set(changes["permissions"]))
    base = set(changes.get("permissions", role.permissions))
    if touches_permissions:
        changes["optional_permissions"] = sorted(set(changes.get("optional_permissions",
                                                                 role.optional_permissions)) - base)
    for field, value in changes.items():
        setattr(role, field, value)
    await ctx.session.flush()
    return role_read(role)


async def delete_role(ctx: TenantContext, role_id: uuid.UUID) -> None:
    repo = RoleRepository(ctx)
    role = await repo.get(role_id, for_update=True)
    if role.built_in:
        raise Conflict("built_in_role_fixed")
    holders = await repo.holders(role.id)
    if holders:
        raise Conflict("role_in_use", params={"count": holders})
    await repo.delete(role)


# --- Optional permissions of a user ---------------------------------------------------------------

def permissions_read(access: Access) -> UserPermissionsRead:
    return UserPermissionsRead(optional_permissions=sorted(access.granted), offered=sorted(access.offered),
                               effective=sorted(access.permissions))


async def read_user_permissions(ctx: TenantContext, user_id: uuid.UUID) -> UserPermissionsRead:
    user = await UserRepository(ctx).get(user_id)
    return permissions_read(await user_access(ctx.session, ctx.tenant_id, user.id))  # type: ignore[arg-type]


async def set_user_permissions(ctx: TenantContext, user_id: uuid.UUID, wanted: list[str]) -> UserPermissionsRead:
    users = UserRepository(ctx)
    user = await users.get(user_id)
    await users.lock(user.id)
    _check_known(wanted, "optional_permissions")
    access = await user_access(ctx.session, ctx.tenant_id, user.id)  # type: ignore[arg-type]
    not_offered = sorted(set(wanted) - access.offered)
    if not_offered:
        raise ValidationFailed(
            [field_error(("body", "optional_permissions", wanted.index(p)), "permission_not_optional",
                         f"Ningún rol del usuario ofrece {p}", f"None of the user's roles offers {p}",
                         f"Nenhum papel do usuário oferece {p}") for p in not_offered],
            code="permission_not_optional")
    await replace_grants(ctx, user.id, set(wanted))
    return permissions_read(await user_access(ctx.session, ctx.tenant_id, user.id))  # type: ignore[arg-type]


async def replace_grants(ctx: TenantContext, user_id: uuid.UUID, wanted: set[str]) -> None:
    """Make the user's grants exactly ``wanted`` (added rows and removed rows are audited)."""
    repo = GrantRepository(ctx)
    current = {g.permission: g for g in await repo.of(user_id)}
    ensure_grantable(ctx, wanted - current.keys())
    for permission, grant in current.items():
        if permission not in wanted:
            await ctx.session.delete(grant)
    for permission in sorted(wanted - current.keys()):
        ctx.session.add(UserPermission(tenant_id=ctx.tenant_id, user_id=user_id, permission=permission))
    await ctx.session.flush()


async def prune_grants(ctx: TenantContext, user_id: uuid.UUID) -> None:
    """After a role change: drop grants no remaining role offers."""
    access = await user_access(ctx.session, ctx.tenant_id, user_id)  # type: ignore[arg-type]
    for grant in await GrantRepository(ctx).of(user_id):
        if grant.permission not in access.offered:
            await ctx.session.delete(grant)
    await ctx.session.flush()
