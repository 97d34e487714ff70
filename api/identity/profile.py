"""The signed-in user's own profile (PRODUCT A9): read (with effective permissions), edit,
photo, password change (current password required; every other session ends)."""

from __future__ import annotations

from api.core import security
from api.core.context import TenantContext
from api.core.errors import Forbidden
from api.identity import sessions, throttle
from api.identity.access import user_access
from api.identity.authentication import now
from api.identity.passwords import check_new_password, personal_words
from api.identity.repository import MfaRepository, RoleRepository, TenantDirectory, UserRepository
from api.identity.schemas import MeRead, PasswordChange, ProfileUpdate, RoleRef


async def me(ctx: TenantContext) -> MeRead:
    assert ctx.principal is not None
    user = await UserRepository(ctx).get(ctx.principal.user_id)
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    granted = await user_access(ctx.session, user.tenant_id, user.id)
    assert tenant is not None
    return MeRead(
        id=user.id, tenant_id=user.tenant_id, workspace=tenant.slug, email=user.email,
        first_name=user.first_name, last_name=user.last_name, culture=user.culture,  # type: ignore[arg-type]
        timezone=user.timezone, phone=user.phone, status=user.status, is_specialist=user.is_specialist,
        has_photo=user.photo_key is not None,
        roles=[RoleRef(id=r.id, key=r.key, name=r.name) for r in granted.roles],
        optional_permissions=sorted(granted.granted), permissions=sorted(ctx.principal.permissions),
        mfa_enabled=await MfaRepository(ctx).enabled_for(user.id),
        mfa_required=await RoleRepository(ctx).requires_mfa(user.id),
        mfa_enrollment_required=ctx.principal.restricted,
        via_integration_token=ctx.principal.token_id is not None, created_at=user.created_at,
    )


async def update_profile(ctx: TenantContext, body: ProfileUpdate) -> MeRead:
    assert ctx.principal is not None
    user = await UserRepository(ctx).get(ctx.principal.user_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    for field, value in changes.items():
        if value is None and field in ("first_name", "last_name", "culture"):
            continue  # a required field cannot be cleared; null means "leave it"
        setattr(user, field, value)
    await ctx.session.flush()
    return await me(ctx)


async def change_password(ctx: TenantContext, body: PasswordChange) -> None:
    assert ctx.principal is not None
    user = await UserRepository(ctx).get(ctx.principal.user_id, for_update=True)
    account = throttle.account("password_change", str(user.id))
    guard = throttle.Throttle(ctx.redis, account, throttle.client_ip("password_change", ctx.ip))
    await guard.ensure_allowed()
    if not security.verify_password(user.password_hash, body.current_password):
        await guard.failed()
        raise Forbidden("current_password_incorrect")
    await guard.succeeded(account)
    tenant = await TenantDirectory(ctx.session).by_id(user.tenant_id)
    check_new_password(body.new_password, field="new_password",
                       personal=personal_words(user.email, user.first_name, user.last_name,
                                               tenant.slug if tenant else None))
    user.password_hash = security.hash_password(body.new_password)
    user.password_changed_at = now()
    await ctx.session.flush()
    await sessions.end_sessions(ctx, user.id, "password_changed", keep=ctx.principal.session_id)
