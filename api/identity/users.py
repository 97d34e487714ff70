"""Staff users (PRODUCT A1): list, create (which invites), read, change, (de)activate, delete,
and their photo.

Deleting is soft: the row stays (the audit log names it) but the user disappears from the API,
cannot sign in, and loses every session, integration token and pending link. Deactivating ends
the user's sessions at once. The workspace always keeps one active administrator, and nobody
deactivates or deletes themselves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from fastapi import File, UploadFile
from sqlalchemy import update

from api.core import storage as file_storage
from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, NotFound, ValidationFailed, field_error
from api.core.schemas import Page
from api.core.uploads import IMAGE_TYPES, read_upload
from api.customfields import service as custom_fields
from api.identity import access, account_links, sessions
from api.identity.access import ensure_grantable, role_permissions, user_access
from api.identity.authentication import now
from api.identity.models import Role, User, UserRole
from api.identity.repository import (
    USER_SORTS,
    USER_SUMMARY_COLUMNS,
    AccountTokenRepository,
    IntegrationTokenRepository,
    MfaRepository,
    RoleRepository,
    SpecialtyRepository,
    TenantDirectory,
    UserRepository,
    UserRoleRepository,
    as_dicts,
)
from api.identity.roles import ADMINISTRATOR
from api.identity.schemas import (
    RoleRef,
    SpecialtyRef,
    UserCreate,
    UserFilters,
    UserRead,
    UserSummary,
    UserUpdate,
)

PHOTO_MAX_BYTES = 5 * 1024 * 1024
# The upload parameter, with its size limit in the contract (the server enforces it anyway).
PHOTO_FILE = File(..., description="An image (JPEG, PNG, WebP or GIF), at most 5 MB",
                  json_schema_extra={"maxLength": PHOTO_MAX_BYTES})


def _email_taken(email: str) -> Conflict:
    return Conflict("user_email_taken", params={"email": email})


async def user_read(ctx: TenantContext, user: User) -> UserRead:
    granted = await user_access(ctx.session, ctx.tenant_id, user.id)  # type: ignore[arg-type]
    specialties = await SpecialtyRepository(ctx).of_user(user.id)
    return UserRead(
        id=user.id, first_name=user.first_name, last_name=user.last_name, email=user.email, phone=user.phone,
        culture=user.culture, timezone=user.timezone, status=user.status,  # type: ignore[arg-type]
        is_specialist=user.is_specialist, has_photo=user.photo_key is not None,
        roles=[RoleRef(id=r.id, key=r.key, name=r.name) for r in granted.roles],
        optional_permissions=sorted(granted.granted),
        specialties=[SpecialtyRef(id=s.id, name=s.name) for s in specialties],
        custom_fields=dict(user.custom_fields or {}),
        invitation_pending=user.password_hash is None,
        mfa_enabled=await MfaRepository(ctx).enabled_for(user.id),
        last_login_at=user.last_login_at, created_at=user.created_at, updated_at=user.updated_at,
    )


async def list_users(ctx: TenantContext, filters: UserFilters) -> Page[UserSummary]:
    repo = UserRepository(ctx)
    stmt = repo.summaries(q=filters.q, role_id=filters.role_id, group_id=filters.group_id, status=filters.status,
                          is_specialist=filters.is_specialist, specialty_id=filters.specialty_id)
    rows, cursor = await repo.page(stmt, USER_SORTS[filters.sort], filters.page)
    found = as_dicts(rows, USER_SUMMARY_COLUMNS)
    roles = await RoleRepository(ctx).refs_of_users([r["id"] for r in found])
    items = [UserSummary(**row, roles=[RoleRef(id=x.id, key=x.key, name=x.name) for x in roles.get(row["id"], [])])
             for row in found]
    return Page(items=items, next_cursor=cursor)


async def get_user(ctx: TenantContext, user_id: uuid.UUID) -> UserRead:
    return await user_read(ctx, await UserRepository(ctx).get(user_id))


@dataclass(frozen=True)
class _RoleChange:
    added: list[Role]
    removed: list[UserRole]


async def _role_change(ctx: TenantContext, current: list[UserRole], wanted_ids: list[uuid.UUID]) -> _RoleChange:
    wanted = {r.id: r for r in await RoleRepository(ctx).get_many(wanted_ids)}
    held = {link.role_id for link in current}
    added = [role for role_id, role in wanted.items() if role_id not in held]
    for role in added:  # nobody hands out a role carrying permissions they lack
        ensure_grantable(ctx, role_permissions(role)[0])
    return _RoleChange(added=added, removed=[link for link in current if link.role_id not in wanted])


async def _ensure_an_administrator_remains(ctx: TenantContext, user_id: uuid.UUID) -> None:
    holders = await RoleRepository(ctx).active_holders(ADMINISTRATOR.key)
    if holders == [user_id]:
        raise Conflict("last_administrator")


async def create_user(ctx: TenantContext, body: UserCreate) -> UserRead:
    repo = UserRepository(ctx)
    email = sessions.normalise_email(str(body.email))
    if await repo.by_email(email):
        raise _email_taken(email)
    change = await _role_change(ctx, [], body.roles)
    values = await custom_fields.validate_values(ctx, "user", body.custom_fields or {}, partial=False)
    tenant = await TenantDirectory(ctx.session).by_id(ctx.tenant_id)  # type: ignore[arg-type]
    user = User(tenant_id=ctx.tenant_id, email=email, first_name=body.first_name, last_name=body.last_name,
                phone=body.phone, culture=body.culture or (tenant.default_language if tenant else "es"),
                timezone=body.timezone, is_specialist=body.is_specialist, status="active", custom_fields=values)
    ctx.session.add(user)
    await flush_checked(ctx.session, {"uq_user_tenant_email": _email_taken(email)})
    ctx.session.add_all([UserRole(tenant_id=ctx.tenant_id, user_id=user.id, role_id=r.id) for r in change.added])
    await ctx.session.flush()
    if body.optional_permissions:
        await access.set_user_permissions(ctx, user.id, body.optional_permissions)
    await account_links.issue_link(ctx, user, "invitation")
    return await user_read(ctx, user)


async def update_user(ctx: TenantContext, user_id: uuid.UUID, body: UserUpdate) -> UserRead:
    repo = UserRepository(ctx)
    user = await repo.get(user_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    for required in ("first_name", "last_name", "email", "roles", "culture", "is_specialist"):
        if required in changes and changes[required] is None:
            raise ValidationFailed([field_error(("body", required), "missing", "No puede ser nulo",
                                                "Cannot be null", "Não pode ser nulo")])
    if "custom_fields" in changes:
        validated = await custom_fields.validate_values(ctx, "user", changes.pop("custom_fields") or {}, partial=True)
        changes["custom_fields"] = custom_fields.merge_values(user.custom_fields or {}, validated)
    if "email" in changes:
        changes["email"] = sessions.normalise_email(str(changes["email"]))
        other = await repo.by_email(changes["email"])
        if other is not None and other.id != user.id:
            raise _email_taken(changes["email"])
    if "roles" in changes:
        links = await UserRoleRepository(ctx).of(user.id)
        change = await _role_change(ctx, links, changes.pop("roles"))
        admin_roles = await _admin_role_ids(ctx)
        if any(link.role_id in admin_roles for link in change.removed):
            await _ensure_an_administrator_remains(ctx, user.id)
        for link in change.removed:
            await ctx.session.delete(link)
        ctx.session.add_all([UserRole(tenant_id=ctx.tenant_id, user_id=user.id, role_id=r.id)
                             for r in change.added])
        await ctx.session.flush()
        await access.prune_grants(ctx, user.id)
    for field, value in changes.items():
        setattr(user, field, value)
    await flush_checked(ctx.session, {"uq_user_tenant_email": _email_taken(user.email)})
    return await user_read(ctx, user)


async def _admin_role_ids(ctx: TenantContext) -> set[uuid.UUID]:
    role = await RoleRepository(ctx).by_key(ADMINISTRATOR.key)
    return {role.id} if role else set()


async def _target_other_than_me(ctx: TenantContext, user_id: uuid.UUID) -> User:
    user = await UserRepository(ctx).get(user_id, for_update=True)
    if ctx.user_id == user.id:
        raise Conflict("own_account")
    return user


async def set_status(ctx: TenantContext, user_id: uuid.UUID, status: str) -> UserRead:
    user = await _target_other_than_me(ctx, user_id)
    if status == "inactive" and user.status == "active":
        await _ensure_an_administrator_remains(ctx, user.id)
        await sessions.end_sessions(ctx, user.id, "deactivated")
    user.status = status
    await ctx.session.flush()
    return await user_read(ctx, user)


async def delete_user(ctx: TenantContext, user_id: uuid.UUID) -> None:
    user = await _target_other_than_me(ctx, user_id)
    if user.status == "active":
        await _ensure_an_administrator_remains(ctx, user.id)
    moment = now()
    await sessions.end_sessions(ctx, user.id, "deleted")
    await AccountTokenRepository(ctx).retire_all_of(user.id, moment)
    for token in await IntegrationTokenRepository(ctx).live_of(user.id):
        token.revoked_at = moment
    user.status, user.deleted_at = "inactive", moment
    await ctx.session.flush()


# --- Photos -------------------------------------------------------------------------------------------

async def store_photo(ctx: TenantContext, user_id: uuid.UUID, upload: UploadFile) -> UserRead:
    user = await UserRepository(ctx).get(user_id, for_update=True)
    photo = await read_upload(upload, max_bytes=PHOTO_MAX_BYTES, allowed=IMAGE_TYPES, field="file")
    key = file_storage.new_key(ctx.tenant_id, "user-photos", photo.extension)  # type: ignore[arg-type]
    await ctx.store_file(key, photo.data)
    previous = user.photo_key
    user.photo_key, user.photo_content_type = key, photo.content_type
    await ctx.session.flush()
    if previous and file_storage.key_belongs_to(previous, ctx.tenant_id):  # type: ignore[arg-type]
        ctx.remove_file_after_commit(previous)
    return await user_read(ctx, user)


async def remove_photo(ctx: TenantContext, user_id: uuid.UUID) -> None:
    user = await UserRepository(ctx).get(user_id, for_update=True)
    previous = user.photo_key
    user.photo_key = user.photo_content_type = None
    await ctx.session.flush()
    if previous and file_storage.key_belongs_to(previous, ctx.tenant_id):  # type: ignore[arg-type]
        ctx.remove_file_after_commit(previous)


async def read_photo(ctx: TenantContext, user_id: uuid.UUID) -> tuple[bytes, str]:
    user = await UserRepository(ctx).get(user_id)
    if not user.photo_key or not file_storage.key_belongs_to(user.photo_key, ctx.tenant_id):  # type: ignore[arg-type]
        raise NotFound("user_photo")
    return await ctx.storage.read(user.photo_key), user.photo_content_type or "application/octet-stream"


async def ensure_specialist(ctx: TenantContext, user_id: uuid.UUID) -> User:
    user = await UserRepository(ctx).get(user_id)
    if not user.is_specialist:
        raise ValidationFailed([field_error(("path", "user_id"), "not_a_specialist", "No es especialista",
                                            "Not a specialist", "Não é especialista")], code="not_a_specialist")
    return user


async def _purge_custom_field(ctx: TenantContext, key: str) -> None:
    """A deleted additional field takes its values with it (the field's deletion is the audited
    event, not an edit of each user)."""
    table = User.__table__
    await ctx.session.execute(
        update(table)
        .where(table.c.tenant_id == ctx.tenant_id, table.c.custom_fields.has_key(key))
        .values(custom_fields=table.c.custom_fields.op("-")(key), updated_at=table.c.updated_at)
    )


custom_fields.register_value_store("user", _purge_custom_field)
