"""Identity rules: workspaces, sign-in, sessions and effective permissions."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from api.config import get_settings
from api.core import security
from api.core.context import Principal, TenantContext
from api.core.db import Actor, bind_actor
from api.core.errors import Conflict, Unauthenticated
from api.identity import errors as _errors  # noqa: F401 - registers messages
from api.identity.models import AuthSession, RefreshToken, Role, Tenant, User, UserRole
from api.identity.repository import (
    RoleRepository,
    SessionRepository,
    TenantDirectory,
    UserRepository,
)
from api.identity.roles import BUILT_IN_ROLES, base_permissions
from api.identity.schemas import LoginRequest, MeRead, RoleRef, TokenPair

security_log = structlog.get_logger("ficha.security")

REFRESH_PREFIX = "fic_rt_"
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def now() -> datetime:
    return datetime.now(UTC)


def tenant_context(ctx: TenantContext, tenant_id: uuid.UUID) -> TenantContext:
    """Bind a public request's session to the tenant its body named (login, reset …)."""
    bind_actor(ctx.session, tenant_id, Actor.system())
    return dataclasses.replace(ctx, tenant_id=tenant_id)


async def require_users(ctx: TenantContext, user_ids: list[uuid.UUID]) -> list[User]:
    """The workspace's users with these ids, or a 404 (for other domains: owners, members)."""
    return await UserRepository(ctx).get_many(user_ids)


# --- Workspaces -------------------------------------------------------------------------------

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
    roles = {}
    for definition in BUILT_IN_ROLES.values():
        role = Role(tenant_id=tenant.id, key=definition.key, name=definition.names.get(language, definition.key),
                    built_in=True, permissions=sorted(definition.permissions),
                    optional_permissions=sorted(definition.optional_permissions))
        session.add(role)
        roles[definition.key] = role
    admin = User(tenant_id=tenant.id, email=normalise_email(admin_email), first_name=admin_first_name,
                 last_name=admin_last_name, password_hash=security.hash_password(admin_password),
                 culture=language, password_changed_at=now())
    session.add(admin)
    await session.flush()
    session.add(UserRole(tenant_id=tenant.id, user_id=admin.id, role_id=roles["administrator"].id))
    await session.flush()
    return tenant


# --- Sign-in and sessions ---------------------------------------------------------------------

async def _issue_tokens(ctx: TenantContext, user: User) -> TokenPair:
    settings = get_settings()
    moment = now()
    auth_session = AuthSession(
        tenant_id=user.tenant_id, user_id=user.id,
        expires_at=moment + timedelta(seconds=settings.refresh_token_ttl_seconds),
        ip=ctx.ip, user_agent=None,
    )
    ctx.session.add(auth_session)
    await ctx.session.flush()
    refresh = security.new_secret(REFRESH_PREFIX)
    ctx.session.add(RefreshToken(tenant_id=user.tenant_id, session_id=auth_session.id,
                                 token_hash=security.hash_secret(refresh), expires_at=auth_session.expires_at))
    access = security.encode_access_token(tenant_id=user.tenant_id, user_id=user.id,
                                          session_id=auth_session.id,
                                          ttl_seconds=settings.access_token_ttl_seconds)
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=settings.access_token_ttl_seconds)


async def login(ctx: TenantContext, body: LoginRequest) -> TokenPair:
    tenant = await TenantDirectory(ctx.session).by_slug(body.workspace)
    user = None
    if tenant is not None:
        ctx = tenant_context(ctx, tenant.id)
        user = await UserRepository(ctx).by_email(normalise_email(body.email))
    usable = user is not None and user.status == "active" and user.deleted_at is None
    # verify_password does the same work for unknown users: no timing oracle.
    valid = security.verify_password(user.password_hash if usable and user else None, body.password)
    if not (usable and valid and user):
        security_log.info("login_failed", workspace=body.workspace,
                          tenant_id=str(tenant.id) if tenant else None)
        raise Unauthenticated("invalid_login")
    if security.needs_rehash(user.password_hash or ""):
        user.password_hash = security.hash_password(body.password)
    user.last_login_at = now()
    security_log.info("login_succeeded", tenant_id=str(user.tenant_id), user_id=str(user.id))
    return await _issue_tokens(ctx, user)


async def effective_permissions(session: AsyncSession, tenant_id: uuid.UUID,
                                user_id: uuid.UUID) -> tuple[list[Role], frozenset[str]]:
    roles = await RoleRepository(session, tenant_id).roles_of(user_id)
    granted: set[str] = set()
    for role in roles:
        granted |= base_permissions(role.key, role.built_in, role.permissions)
    return roles, frozenset(granted)


async def authenticate(session: AsyncSession, credential: str) -> Principal | None:
    """Resolve a bearer credential (an access token) into a principal, checking the session
    is live and the user active on every request (so revocation is immediate)."""
    if not security.looks_like_jwt(credential):
        return None
    claims = security.decode_access_token(credential)
    if claims is None:
        return None
    try:
        tenant_id, user_id, session_id = (uuid.UUID(claims[k]) for k in ("tid", "sub", "sid"))
    except (ValueError, KeyError):
        return None
    bind_actor(session, tenant_id, Actor(type="user", user_id=user_id))
    user = await SessionRepository(session, tenant_id).live_session_user(session_id, now())
    if user is None or user.id != user_id:
        return None
    _roles, granted = await effective_permissions(session, tenant_id, user.id)
    return Principal(tenant_id=tenant_id, user_id=user.id, permissions=granted, session_id=session_id,
                     culture=user.culture)


# --- The signed-in user -----------------------------------------------------------------------

async def me(ctx: TenantContext) -> MeRead:
    assert ctx.principal is not None
    user = await UserRepository(ctx).get(ctx.principal.user_id)
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    roles, _granted = await effective_permissions(ctx.session, user.tenant_id, user.id)
    assert tenant is not None
    return MeRead(
        id=user.id, tenant_id=user.tenant_id, workspace=tenant.slug, email=user.email,
        first_name=user.first_name, last_name=user.last_name, culture=user.culture,  # type: ignore[arg-type]
        timezone=user.timezone, phone=user.phone, status=user.status, is_specialist=user.is_specialist,
        roles=[RoleRef(id=r.id, key=r.key, name=r.name) for r in roles],
        permissions=sorted(ctx.principal.permissions), created_at=user.created_at,
    )


async def workspace_region(ctx: TenantContext) -> str:
    """The workspace's default phone region (ISO 3166-1 alpha-2), for other domains' E.164 parsing."""
    tenant = await TenantDirectory(ctx.session).by_id(ctx.tenant_id) if ctx.tenant_id else None
    return tenant.default_region if tenant else "ES"
