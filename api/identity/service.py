"""Identity's entry points for the rest of Ficha: creating workspaces, validating user and role
ids (other domains call :func:`require_users` for owners, members, assignees …) and selecting
active users (broadcast audiences). ``authenticate`` lives in :mod:`api.identity.authentication`
(re-exported here for callers of the foundation's name)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlalchemy import Select, or_
from sqlalchemy.ext.asyncio import AsyncSession

from api.core import security
from api.core.context import TenantContext
from api.core.db import Actor, bind_actor
from api.core.errors import Conflict
from api.identity import errors as _errors  # noqa: F401 - registers messages
from api.identity.authentication import (
    authenticate,  # noqa: F401 - the foundation's import path
    now,
    principal_of_user,  # noqa: F401 - background jobs act as their user
)
from api.identity.models import Role, Tenant, User, UserRole
from api.identity.repository import RoleRepository, TenantDirectory, UserRepository
from api.identity.roles import ADMINISTRATOR, BUILT_IN_ROLES
from api.identity.sessions import normalise_email

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")


async def require_users(ctx: TenantContext, user_ids: list[uuid.UUID]) -> list[User]:
    """The workspace's users with these ids, or a 404 (for other domains: owners, members)."""
    return await UserRepository(ctx).get_many(user_ids)


async def user_emails(ctx: TenantContext, *, ids: Sequence[uuid.UUID] = (),
                      emails: Sequence[str] = ()) -> dict[uuid.UUID, str]:
    """``{id: email}`` of the workspace's live users having any of these ids or (normalised)
    emails, in one query — for other domains' imports and exports (owners by email)."""
    if not ids and not emails:
        return {}
    stmt = UserRepository(ctx).live(User.id, User.email).where(
        or_(User.id.in_(set(ids)), User.email.in_({normalise_email(e) for e in emails})))
    return {row.id: row.email for row in (await ctx.session.execute(stmt)).all()}


async def require_roles(ctx: TenantContext, role_ids: Sequence[uuid.UUID]) -> list[Role]:
    """The workspace's roles with these ids, or a 404 (for other domains: audiences)."""
    return await RoleRepository(ctx).get_many(role_ids)


def active_user_ids(ctx: TenantContext, role_ids: Sequence[uuid.UUID] | None = None) -> Select:
    """A ``SELECT id`` of the workspace's active users — only members of ``role_ids`` when
    given — for other domains' set-based writes (e.g. a broadcast's ``INSERT … SELECT``)."""
    return UserRepository(ctx).active_ids(role_ids)


async def ensure_built_in_roles(session: AsyncSession, tenant: Tenant) -> dict[str, Role]:
    """A row for every built-in role in the workspace (idempotent)."""
    repo = RoleRepository(session, tenant.id)
    roles = {}
    for definition in BUILT_IN_ROLES.values():
        role = await repo.by_key(definition.key)
        if role is None:
            role = Role(tenant_id=tenant.id, key=definition.key, built_in=True,
                        name=definition.names.get(tenant.default_language, definition.key),
                        permissions=sorted(definition.permissions),
                        optional_permissions=sorted(definition.optional_permissions))
            session.add(role)
        roles[definition.key] = role
    await session.flush()
    return roles


async def create_tenant(session: AsyncSession, *, slug: str, name: str, admin_email: str,
                        admin_password: str, admin_first_name: str = "Admin",
                        admin_last_name: str = "", language: str = "es", region: str = "ES") -> Tenant:
    """Create a workspace, its built-in roles and its first administrator."""
    slug = slug.strip().lower()
    if not SLUG.match(slug):
        raise ValueError("the slug must be 2-40 characters: a-z, 0-9 and '-'")
    if await TenantDirectory(session).by_slug(slug):
        raise Conflict("workspace_slug_taken", params={"slug": slug})
    tenant = Tenant(slug=slug, name=name, default_language=language, default_region=region)
    session.add(tenant)
    await session.flush()
    bind_actor(session, tenant.id, Actor.system())
    roles = await ensure_built_in_roles(session, tenant)
    admin = User(tenant_id=tenant.id, email=normalise_email(admin_email), first_name=admin_first_name,
                 last_name=admin_last_name, password_hash=security.hash_password(admin_password),
                 culture=language, password_changed_at=now())
    session.add(admin)
    await session.flush()
    session.add(UserRole(tenant_id=tenant.id, user_id=admin.id, role_id=roles[ADMINISTRATOR.key].id))
    await session.flush()
    return tenant


async def workspace_region(ctx: TenantContext) -> str:
    """The workspace's default phone region (ISO 3166-1 alpha-2), for other domains' E.164 parsing."""
    tenant = await TenantDirectory(ctx.session).by_id(ctx.tenant_id) if ctx.tenant_id else None
    return tenant.default_region if tenant else "ES"
