"""TOTP multi-factor authentication (PRODUCT A4; ASVS 6.5).

* Seeds: 160 random bits (``pyotp.random_base32``), kept encrypted (AES-GCM, bound to the
  user's row); shown only during setup.
* A code is checked against the server's clock with one step of drift either way, and is
  accepted once: the last accepted time step is stored and moved forward by a conditional
  update, so a replay — even two parallel requests with one code — fails.
* Ten recovery codes of 120 random bits each, shown once, stored as SHA-256 (ASVS 6.5.2 allows
  a plain hash at ≥ 112 bits; a password hash would make each check 10 × slower for nothing),
  each usable once.
* Wrong codes are throttled per user and per IP (see :mod:`api.identity.throttle`).
"""

from __future__ import annotations

import base64
import secrets
import uuid
from io import BytesIO

import pyotp
import qrcode
import qrcode.image.svg
import structlog
from pyotp.utils import strings_equal

from api.core import audit, security
from api.core.context import TenantContext
from api.core.errors import Conflict, Unauthenticated
from api.identity import throttle
from api.identity.authentication import now
from api.identity.models import RecoveryCode, UserMfa
from api.identity.repository import (
    MfaRepository,
    RecoveryCodeRepository,
    RoleRepository,
    SessionRepository,
    TenantDirectory,
    UserRepository,
)
from api.identity.schemas import MfaSetup, RecoveryCodes

log = structlog.get_logger("ficha.security")

ISSUER = "Ficha"
RECOVERY_CODE_COUNT = 10
VALID_WINDOW = 1  # one 30-second step of clock drift either way (RFC 6238 §5.2)


def _seed_context(user_id: uuid.UUID) -> str:
    return f"user_mfa:{user_id}"


def _totp(mfa: UserMfa) -> pyotp.TOTP:
    return pyotp.TOTP(security.decrypt_field(mfa.secret_ciphertext, _seed_context(mfa.user_id)))


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


def new_recovery_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(15)).decode().lower()  # 120 bits, 24 characters
    return "-".join(raw[i:i + 4] for i in range(0, 24, 4))


def guard_for(ctx: TenantContext, user_id: uuid.UUID, *extra: throttle.Subject) -> throttle.Throttle:
    return throttle.Throttle(ctx.redis, throttle.account("mfa", str(user_id)), throttle.client_ip("mfa", ctx.ip),
                             *extra)


async def check_totp(ctx: TenantContext, mfa: UserMfa, code: str) -> None:
    """Accept ``code`` once, or raise 401 (a replay is audited, and the audit kept)."""
    totp = _totp(mfa)
    moment = now().timestamp()
    current = totp.timecode(moment)
    step = next((current + i for i in range(-VALID_WINDOW, VALID_WINDOW + 1)
                 if strings_equal(code, totp.generate_otp(current + i))), None)
    if step is None:
        raise Unauthenticated("mfa_code_invalid")
    if not await MfaRepository(ctx).accept_step(mfa.user_id, step):
        log.warning("mfa_replay_rejected", user_id=str(mfa.user_id))
        audit.record(ctx.session, tenant_id=mfa.tenant_id, entity_type="user", entity_id=mfa.user_id,
                     action="mfa_replay_rejected")
        raise Unauthenticated("mfa_code_already_used", keep_changes=True)


async def check_recovery_code(ctx: TenantContext, user_id: uuid.UUID, code: str) -> None:
    digest = security.hash_secret(normalise_recovery_code(code))
    if not await RecoveryCodeRepository(ctx).consume(user_id, digest, now()):
        raise Unauthenticated("mfa_code_invalid")
    audit.record(ctx.session, tenant_id=ctx.tenant_id, entity_type="user", entity_id=user_id,  # type: ignore[arg-type]
                 action="mfa_recovery_code_used")


async def verify_factor(ctx: TenantContext, user_id: uuid.UUID, *, code: str | None,
                        recovery_code: str | None, guard: throttle.Throttle) -> None:
    """Check a TOTP or recovery code of a user with MFA on, counting failures in ``guard``."""
    await guard.ensure_allowed()
    mfa = await MfaRepository(ctx).of(user_id)
    try:
        if mfa is None or mfa.enabled_at is None:
            raise Unauthenticated("mfa_code_invalid")
        if code is not None:
            await check_totp(ctx, mfa, code)
        else:
            await check_recovery_code(ctx, user_id, recovery_code or "")
    except Unauthenticated:
        await guard.failed()
        log.info("mfa_failed", user_id=str(user_id))
        raise


async def _issue_recovery_codes(ctx: TenantContext, user_id: uuid.UUID) -> list[str]:
    repo = RecoveryCodeRepository(ctx)
    await repo.forget_all(user_id)
    codes = [new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    ctx.session.add_all([RecoveryCode(tenant_id=ctx.tenant_id, user_id=user_id,
                                      code_hash=security.hash_secret(normalise_recovery_code(c))) for c in codes])
    audit.record(ctx.session, tenant_id=ctx.tenant_id, entity_type="user", entity_id=user_id,  # type: ignore[arg-type]
                 action="mfa_recovery_codes_issued")
    await ctx.session.flush()
    return codes


# --- The signed-in user's own factor ------------------------------------------------------------

async def setup(ctx: TenantContext) -> MfaSetup:
    assert ctx.principal is not None
    user = await UserRepository(ctx).get(ctx.principal.user_id)
    repo = MfaRepository(ctx)
    mfa = await repo.of(user.id)
    if mfa is not None and mfa.enabled_at is not None:
        raise Conflict("mfa_already_enabled")
    secret = pyotp.random_base32(32)  # 160 bits
    ciphertext = security.encrypt_field(secret, _seed_context(user.id))
    if mfa is None:
        ctx.session.add(UserMfa(tenant_id=ctx.tenant_id, user_id=user.id, secret_ciphertext=ciphertext,
                                last_totp_step=0))
    else:
        mfa.secret_ciphertext, mfa.last_totp_step = ciphertext, 0
    await ctx.session.flush()
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    issuer = f"{ISSUER} ({tenant.name})" if tenant else ISSUER
    uri = pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)
    return MfaSetup(secret=secret, otpauth_uri=uri, qr_svg=_qr_svg(uri))


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


async def enable(ctx: TenantContext, code: str) -> RecoveryCodes:
    assert ctx.principal is not None
    user_id = ctx.principal.user_id
    mfa = await MfaRepository(ctx).of(user_id)
    if mfa is None:
        raise Conflict("mfa_setup_missing")
    if mfa.enabled_at is not None:
        raise Conflict("mfa_already_enabled")
    guard = guard_for(ctx, user_id)
    await guard.ensure_allowed()
    try:
        await check_totp(ctx, mfa, code)
    except Unauthenticated:
        await guard.failed()
        raise
    mfa.enabled_at = now()
    codes = await _issue_recovery_codes(ctx, user_id)
    if ctx.principal.restricted and ctx.principal.session_id:
        await SessionRepository(ctx).lift_restriction(ctx.principal.session_id)
    return RecoveryCodes(recovery_codes=codes)


async def disable(ctx: TenantContext, code: str) -> None:
    assert ctx.principal is not None
    user_id = ctx.principal.user_id
    repo = MfaRepository(ctx)
    mfa = await repo.of(user_id)
    if mfa is None or mfa.enabled_at is None:
        raise Conflict("mfa_not_enabled")
    await verify_factor(ctx, user_id, code=code, recovery_code=None, guard=guard_for(ctx, user_id))
    if await RoleRepository(ctx).requires_mfa(user_id):
        raise Conflict("mfa_required_by_role")
    await RecoveryCodeRepository(ctx).forget_all(user_id)
    await ctx.session.delete(mfa)
    await ctx.session.flush()


async def regenerate_recovery_codes(ctx: TenantContext, code: str) -> RecoveryCodes:
    assert ctx.principal is not None
    user_id = ctx.principal.user_id
    if not await MfaRepository(ctx).enabled_for(user_id):
        raise Conflict("mfa_not_enabled")
    await verify_factor(ctx, user_id, code=code, recovery_code=None, guard=guard_for(ctx, user_id))
    return RecoveryCodes(recovery_codes=await _issue_recovery_codes(ctx, user_id))
