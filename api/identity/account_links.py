"""Invitations and password resets (PRODUCT A2, A3): single-use links sent by email.

A link carries ``fic_link_`` + 256 random bits; only its SHA-256 is stored. An invitation is
valid 7 days, a reset 1 hour; issuing a new link of the same purpose supersedes the previous
one; using one is an atomic conditional update, so it works once even under concurrency.
Unknown, used, superseded and expired links each get their own clear error.

A reset sets the password and ends every session of the user; it never signs the user in, so
MFA is still asked at the next sign-in. Asking for a reset answers the same way, at the same
speed, whether or not the account exists: the request only queues a job, and the job decides.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import uuid
from datetime import timedelta

import structlog

from api.config import get_settings
from api.core import audit, quota, security
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, Database, bind_actor
from api.core.errors import AppError, Conflict
from api.core.queue import enqueue_all
from api.identity import throttle
from api.identity.authentication import ACCOUNT_LINK_PREFIX, find_account_token, now
from api.identity.emails import compose
from api.identity.errors import LINK_STATUS
from api.identity.models import AccountToken, User
from api.identity.passwords import check_new_password, personal_words
from api.identity.repository import AccountTokenRepository, SessionRepository, TenantDirectory, UserRepository
from api.identity.schemas import (
    Accepted,
    AcceptedInvitation,
    AcceptInvitationRequest,
    ForgotPasswordRequest,
    ResetPasswordRequest,
)
from api.notifications.service import queue_mail

log = structlog.get_logger("ficha.security")

SEND_PASSWORD_RESET = "identity.send_password_reset"
FORGOT_ACCEPTED = {
    "es": "Si existe una cuenta con ese correo, recibirá un enlace para restablecer la contraseña.",
    "en": "If an account with that email exists, it will receive a link to reset the password.",
    "pt": "Se existir uma conta com esse e-mail, ela receberá um link para redefinir a senha.",
}


def _ttl(purpose: str) -> int:
    settings = get_settings()
    return settings.invitation_ttl_seconds if purpose == "invitation" else settings.password_reset_ttl_seconds


async def issue_link(ctx: TenantContext, user: User, purpose: str) -> None:
    """Supersede the user's previous link of this purpose, create a new one and email it."""
    if purpose == "invitation":  # each one sends mail on the workspace's behalf: capped per day
        await quota.take(ctx.redis, tenant_id=ctx.tenant_id, user_id=ctx.user_id, action="invitation",
                         limit=get_settings().invitations_per_day, window_seconds=86400, per_workspace=True)
    moment = now()
    repo = AccountTokenRepository(ctx)
    await repo.supersede(user.id, purpose, moment)
    token = security.new_secret(ACCOUNT_LINK_PREFIX)
    ctx.session.add(AccountToken(tenant_id=ctx.tenant_id, user_id=user.id, purpose=purpose,
                                 token_hash=security.hash_secret(token),
                                 expires_at=moment + timedelta(seconds=_ttl(purpose))))
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    assert tenant is not None
    email = compose(purpose, language=user.culture, name=user.first_name, workspace=tenant.name, token=token)
    await queue_mail(ctx, kind=purpose, to=user.email, subject=email.subject, text=email.text)
    audit.record(ctx.session, tenant_id=user.tenant_id, entity_type="user", entity_id=user.id,
                 action=f"{purpose}_sent", changes={"email": {"old": None, "new": user.email}})


async def resend_invitation(ctx: TenantContext, user_id: uuid.UUID) -> None:
    user = await UserRepository(ctx).get(user_id, for_update=True)
    if user.password_hash is not None:
        raise Conflict("invitation_already_accepted")
    await issue_link(ctx, user, "invitation")


# --- Redeeming a link -------------------------------------------------------------------------------

def _link_error(purpose: str, state: str) -> AppError:
    code = f"{purpose}_{state}"
    return AppError(code, status=LINK_STATUS[code])


async def _redeem(ctx: TenantContext, token: str, purpose: str) -> tuple[TenantContext, User]:
    """Check and use a link: the bound context and its user, or the precise error."""
    guard = throttle.Throttle(ctx.redis, throttle.client_ip(purpose, ctx.ip))
    await guard.ensure_allowed()
    found = await find_account_token(ctx.session, token)
    moment = now()
    state = None
    if found is None or found.purpose != purpose:
        state = "invalid"
    elif found.used_at is not None:
        state = "used"
    elif found.superseded_at is not None:
        state = "superseded"
    elif found.expires_at <= moment:
        state = "expired"
    if state is None and found is not None:
        bound = dataclasses.replace(ctx, tenant_id=found.tenant_id)
        bind_actor(ctx.session, found.tenant_id, Actor(type="user", user_id=found.user_id))
        user = await UserRepository(bound).find(found.user_id, for_update=True)
        if user is None:
            state = "invalid"
        elif not await AccountTokenRepository(bound).consume(found.id, moment):
            state = "used"  # a concurrent use won the race
        else:
            return bound, user
    await guard.failed()
    log.info("account_link_refused", purpose=purpose, state=state)
    raise _link_error(purpose, state or "invalid")


async def _set_password(ctx: TenantContext, user: User, password: str, reason: str) -> None:
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    check_new_password(password, personal=personal_words(user.email, user.first_name, user.last_name,
                                                         tenant.slug if tenant else None))
    user.password_hash = security.hash_password(password)
    user.password_changed_at = now()
    await SessionRepository(ctx).revoke_all_of(user.id, now(), reason)
    await ctx.session.flush()


async def accept_invitation(ctx: TenantContext, body: AcceptInvitationRequest) -> AcceptedInvitation:
    bound, user = await _redeem(ctx, body.token, "invitation")
    await _set_password(bound, user, body.password, "invitation_accepted")
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    assert tenant is not None
    audit.record(ctx.session, tenant_id=user.tenant_id, entity_type="user", entity_id=user.id,
                 action="invitation_accepted")
    return AcceptedInvitation(workspace=tenant.slug, email=user.email)


async def reset_password(ctx: TenantContext, body: ResetPasswordRequest) -> None:
    bound, user = await _redeem(ctx, body.token, "password_reset")
    await _set_password(bound, user, body.password, "password_reset")
    audit.record(ctx.session, tenant_id=user.tenant_id, entity_type="user", entity_id=user.id,
                 action="password_reset")


async def request_password_reset(ctx: TenantContext, body: ForgotPasswordRequest) -> Accepted:
    """Same answer, same work, for every address: the job looks the account up."""
    email = body.email.strip().lower()
    guard = throttle.Throttle(ctx.redis, throttle.account("password_forgot", body.workspace, email),
                              throttle.client_ip("password_forgot", ctx.ip))
    await guard.ensure_allowed()
    await guard.failed()  # every request counts: this bounds the mail one address can receive
    bucket = int(time.time() // 60)
    digest = hashlib.sha256(f"{body.workspace}\x1f{email}".encode()).hexdigest()[:32]
    ctx.enqueue(SEND_PASSWORD_RESET, body.workspace, email, job_id=f"pwreset:{digest}:{bucket}")
    return Accepted(detail=FORGOT_ACCEPTED[ctx.language])


async def send_password_reset(db: Database, redis: object, queue_name: str, workspace: str, email: str) -> bool:
    """(In the worker.) Email a reset link if the workspace has an active user with this email."""
    async with db.session() as session:
        tenant = await TenantDirectory(session).by_slug(workspace)
        if tenant is None:
            return False
        bind_actor(session, tenant.id, Actor.system())
        ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=tenant.id,
                            language=tenant.default_language, redis=redis)  # type: ignore[arg-type]
        user = await UserRepository(ctx).by_email(email)
        if user is None or user.status != "active":
            return False
        await issue_link(ctx, user, "password_reset")
    await enqueue_all(redis, ctx.uow.jobs.jobs, queue_name)  # type: ignore[arg-type]
    return True
