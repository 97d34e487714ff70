"""Signing in and staying signed in (PRODUCT A3, A4; ASVS V6, V7).

* Login: throttled per account and per IP; the same answer and the same work (an argon2
  verification) for a wrong password, an unknown user and an unknown workspace.
* A user with MFA gets ``{"mfa_required": true, "mfa_token"}`` (a 5-minute signed token of its
  own kind, single use, dead after 5 wrong codes) and completes with ``/auth/mfa/verify``.
* A user whose role requires MFA but who has not enrolled gets a *restricted* session: it can
  read ``/me`` and enrol, nothing else, until ``/me/mfa/enable`` lifts the restriction.
* A session = a refresh-token family. Refreshing rotates the token; presenting a used one
  again (stolen, or replayed) revokes the whole session. Access tokens live ≤ 15 minutes
  but name their session, which is checked on every request: revocation is immediate.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta

import structlog

from api.config import get_settings
from api.core import audit, security
from api.core.context import TenantContext
from api.core.db import Actor, bind_actor
from api.core.errors import Forbidden, NotFound, Unauthenticated
from api.core.schemas import Page
from api.identity import mfa, throttle
from api.identity.authentication import REFRESH_TOKEN_PREFIX, find_refresh_token, now
from api.identity.models import AuthSession, RefreshToken, User
from api.identity.repository import (
    NEWEST_SESSIONS_FIRST,
    MfaRepository,
    RefreshTokenRepository,
    RoleRepository,
    SessionRepository,
    TenantDirectory,
    UserRepository,
)
from api.identity.schemas import (
    LoginRequest,
    MfaChallenge,
    MfaVerifyRequest,
    SessionFilters,
    SessionRead,
    TokenPair,
)

log = structlog.get_logger("ficha.security")

MFA_TOKEN_TYPE = "mfa"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def bind_tenant(ctx: TenantContext, tenant_id: uuid.UUID, actor: Actor | None = None) -> TenantContext:
    """Bind a public request's session to the tenant its credential named (login, refresh …)."""
    bind_actor(ctx.session, tenant_id, actor or Actor.system())
    return dataclasses.replace(ctx, tenant_id=tenant_id)


def _refresh_expiry(session: AuthSession) -> object:
    idle = now() + timedelta(seconds=get_settings().session_idle_timeout_seconds)
    return min(idle, session.expires_at)


async def _new_refresh_token(ctx: TenantContext, auth_session: AuthSession) -> str:
    refresh = security.new_secret(REFRESH_TOKEN_PREFIX)
    ctx.session.add(RefreshToken(tenant_id=auth_session.tenant_id, session_id=auth_session.id,
                                 token_hash=security.hash_secret(refresh),
                                 expires_at=_refresh_expiry(auth_session)))
    await ctx.session.flush()
    return refresh


def _pair(auth_session: AuthSession, refresh: str) -> TokenPair:
    ttl = get_settings().access_token_ttl_seconds
    access = security.encode_access_token(tenant_id=auth_session.tenant_id, user_id=auth_session.user_id,
                                          session_id=auth_session.id, ttl_seconds=ttl)
    return TokenPair(access_token=access, refresh_token=refresh, expires_in=ttl,
                     mfa_enrollment_required=auth_session.restricted)


async def start_session(ctx: TenantContext, user: User, *, restricted: bool = False) -> TokenPair:
    moment = now()
    auth_session = AuthSession(tenant_id=user.tenant_id, user_id=user.id, restricted=restricted, ip=ctx.ip,
                               expires_at=moment + timedelta(seconds=get_settings().refresh_token_ttl_seconds))
    ctx.session.add(auth_session)
    await ctx.session.flush()
    user.last_login_at = moment
    log.info("session_started", tenant_id=str(user.tenant_id), user_id=str(user.id), restricted=restricted)
    return _pair(auth_session, await _new_refresh_token(ctx, auth_session))


async def login(ctx: TenantContext, body: LoginRequest) -> TokenPair | MfaChallenge:
    email = normalise_email(body.email)
    account = throttle.account("password", body.workspace, email)
    guard = throttle.Throttle(ctx.redis, account, throttle.client_ip("password", ctx.ip))
    await guard.ensure_allowed()
    tenant = await TenantDirectory(ctx.session).by_slug(body.workspace)
    user = None
    if tenant is not None:
        ctx = bind_tenant(ctx, tenant.id)
        user = await UserRepository(ctx).by_email(email)
    usable = user is not None and user.status == "active"
    # verify_password does the same work for unknown users: no timing oracle.
    valid = security.verify_password(user.password_hash if usable and user else None, body.password)
    if not (usable and valid and user):
        await guard.failed()
        log.info("login_failed", workspace=body.workspace, tenant_id=str(tenant.id) if tenant else None)
        raise Unauthenticated("invalid_login")
    await guard.succeeded(account)
    ctx = bind_tenant(ctx, user.tenant_id, Actor(type="user", user_id=user.id))
    if security.needs_rehash(user.password_hash or ""):
        user.password_hash = security.hash_password(body.password)
    if await MfaRepository(ctx).enabled_for(user.id):
        token = security.encode_signed_token(
            MFA_TOKEN_TYPE, {"sub": str(user.id), "tid": str(user.tenant_id), "jti": uuid.uuid4().hex},
            ttl_seconds=get_settings().mfa_token_ttl_seconds)
        log.info("login_mfa_challenge", tenant_id=str(user.tenant_id), user_id=str(user.id))
        return MfaChallenge(mfa_token=token)
    restricted = await RoleRepository(ctx).requires_mfa(user.id)
    return await start_session(ctx, user, restricted=restricted)


async def verify_mfa(ctx: TenantContext, body: MfaVerifyRequest) -> TokenPair:
    claims = security.decode_signed_token(body.mfa_token, MFA_TOKEN_TYPE, ("sub", "tid", "jti"))
    try:
        user_id, tenant_id = uuid.UUID(claims["sub"]), uuid.UUID(claims["tid"])  # type: ignore[index]
        jti = str(claims["jti"])  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        raise Unauthenticated("mfa_token_invalid") from None
    step_token = throttle.short_lived_token("mfa", jti)
    guard = mfa.guard_for(ctx, user_id, step_token)
    await guard.ensure_allowed()
    ctx = bind_tenant(ctx, tenant_id, Actor(type="user", user_id=user_id))
    user = await UserRepository(ctx).active_by_id(user_id)
    if user is None:
        raise Unauthenticated("mfa_token_invalid")
    await mfa.verify_factor(ctx, user_id, code=body.code, recovery_code=body.recovery_code, guard=guard)
    if not await throttle.claim_once(ctx.redis, step_token, get_settings().mfa_token_ttl_seconds + 60):
        raise Unauthenticated("mfa_token_invalid")
    await guard.succeeded(throttle.account("mfa", str(user_id)))
    return await start_session(ctx, user)


async def refresh(ctx: TenantContext, token: str) -> TokenPair:
    presented = await find_refresh_token(ctx.session, token)
    if presented is None:
        raise Unauthenticated("refresh_token_invalid")
    ctx = bind_tenant(ctx, presented.tenant_id)
    moment = now()
    sessions = SessionRepository(ctx)
    if presented.used_at is not None or not await RefreshTokenRepository(ctx).mark_used(presented.id, moment):
        # A rotated token came back: whoever holds the family may be an attacker. End it.
        await sessions.revoke(presented.session_id, moment, "refresh_reuse")
        log.warning("refresh_token_reuse", tenant_id=str(presented.tenant_id), session_id=str(presented.session_id))
        raise Unauthenticated("refresh_token_invalid", keep_changes=True)
    auth_session = await sessions.find(presented.session_id)
    if presented.expires_at <= moment or auth_session is None:
        raise Unauthenticated("refresh_token_invalid")
    live = await sessions.live_session_user(auth_session.id, moment)
    if live is None:
        raise Unauthenticated("refresh_token_invalid")
    bind_actor(ctx.session, ctx.tenant_id, Actor(type="user", user_id=auth_session.user_id))
    return _pair(auth_session, await _new_refresh_token(ctx, auth_session))


async def logout(ctx: TenantContext) -> None:
    assert ctx.principal is not None
    if ctx.principal.session_id is None:
        raise Forbidden("integration_token_not_allowed")
    await SessionRepository(ctx).revoke(ctx.principal.session_id, now(), "logout")
    log.info("logout", user_id=str(ctx.principal.user_id))


async def list_my_sessions(ctx: TenantContext, filters: SessionFilters) -> Page[SessionRead]:
    """My live sessions (ASVS 7.5.2), newest first."""
    assert ctx.principal is not None
    repo = SessionRepository(ctx)
    items, cursor = await repo.page(repo.live_of(ctx.principal.user_id, now()), NEWEST_SESSIONS_FIRST,
                                    filters.page)
    return Page(items=[SessionRead(id=s.id, created_at=s.created_at, expires_at=s.expires_at, ip=s.ip,
                                   restricted=s.restricted, current=s.id == ctx.principal.session_id)
                       for s in items], next_cursor=cursor)


async def end_my_session(ctx: TenantContext, session_id: uuid.UUID) -> None:
    assert ctx.principal is not None
    repo = SessionRepository(ctx)
    found = await repo.get(session_id)
    if found.user_id != ctx.principal.user_id:
        raise NotFound(repo.entity)
    await repo.revoke(found.id, now(), "ended_by_user")


async def end_user_sessions(ctx: TenantContext, user_id: uuid.UUID) -> None:
    """An administrator signs a user out everywhere (ASVS 7.4.5)."""
    user = await UserRepository(ctx).get(user_id)
    await end_sessions(ctx, user.id, "ended_by_administrator")
    audit.record(ctx.session, tenant_id=user.tenant_id, entity_type="user", entity_id=user.id,
                 action="sessions_ended")


async def end_sessions(ctx: TenantContext, user_id: uuid.UUID, reason: str, keep: uuid.UUID | None = None) -> None:
    count = await SessionRepository(ctx).revoke_all_of(user_id, now(), reason, keep=keep)
    if count:
        log.info("sessions_revoked", user_id=str(user_id), reason=reason, count=count)
