"""Queries for identity: tenants (global), users, roles, credentials, groups and specialists
(tenant-scoped). Every statement starts from ``self.select()``; conditional updates return
whether they matched, which is how single use is enforced under concurrency."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, String, delete, exists, func, select, update
from sqlalchemy.dialects.postgresql import array as pg_array
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.errors import NotFound
from api.core.pagination import Sort, SortKey
from api.core.repository import M, TenantRepository
from api.core.search import already_folded_contains, folded_contains
from api.identity.models import (
    AccountToken,
    AuthSession,
    IntegrationToken,
    RecoveryCode,
    RefreshToken,
    Role,
    Shift,
    Specialty,
    StaffComment,
    StaffGroup,
    StaffGroupMember,
    Tenant,
    User,
    UserMfa,
    UserPermission,
    UserRole,
    UserSpecialty,
    WorkCalendar,
    user_search_text,
)


def _by_name(column: Any) -> Sort:
    return Sort("name", (SortKey(func.lower(column)), SortKey(column.class_.id)))


USER_SORTS: dict[str, Sort] = {
    "name": Sort("name", (SortKey(func.lower(User.first_name)), SortKey(func.lower(User.last_name)),
                          SortKey(User.id))),
    "-name": Sort("-name", (SortKey(func.lower(User.first_name), True), SortKey(func.lower(User.last_name), True),
                            SortKey(User.id, True))),
    "created_at": Sort("created_at", (SortKey(User.created_at), SortKey(User.id))),
    "-created_at": Sort("-created_at", (SortKey(User.created_at, True), SortKey(User.id, True))),
}
ROLE_SORT = _by_name(Role.name)
GROUP_SORT = _by_name(StaffGroup.name)
SPECIALTY_SORT = _by_name(Specialty.name)
CALENDAR_SORT = _by_name(WorkCalendar.name)
NEWEST_TOKENS_FIRST = Sort("-created_at", (SortKey(IntegrationToken.created_at, True), SortKey(IntegrationToken.id,
                                                                                               True)))
SHIFTS_BY_DATE = Sort("starts_on", (SortKey(Shift.starts_on), SortKey(Shift.id)))
NEWEST_SESSIONS_FIRST = Sort("-created_at", (SortKey(AuthSession.created_at, True), SortKey(AuthSession.id, True)))
PINNED_THEN_NEWEST = Sort("pinned", (SortKey(StaffComment.pinned, True), SortKey(StaffComment.created_at, True),
                                     SortKey(StaffComment.id, True)))
MEMBERS_BY_NAME = USER_SORTS["name"]

# The columns a users list row needs (a hot read path: no whole entities).
USER_SUMMARY_COLUMNS = (User.id, User.first_name, User.last_name, User.email, User.status, User.is_specialist,
                        User.photo_key.is_not(None).label("has_photo"), User.last_login_at, User.created_at)
USER_REF_COLUMNS = (User.id, User.first_name, User.last_name, User.email, User.status)


def as_dicts(rows: Sequence[Any], columns: Sequence[Any]) -> list[dict[str, Any]]:
    """Keyset pages of several columns come back as tuples: name their values."""
    names = [column.key for column in columns]
    return [dict(zip(names, row, strict=True)) for row in rows]


class TenantDirectory:
    """The workspace table is global: it is how a tenant is found before anyone is signed in."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_slug(self, slug: str) -> Tenant | None:
        return (await self.session.execute(select(Tenant).where(Tenant.slug == slug))).scalar_one_or_none()

    async def by_id(self, tenant_id: uuid.UUID) -> Tenant | None:
        return await self.session.get(Tenant, tenant_id)


class NamedRepository(TenantRepository[M]):
    """A catalogue whose rows are found by name (case-insensitive) and searched by it."""

    def filtered(self, q: str | None) -> Select:
        stmt = self.select()
        return stmt.where(folded_contains(self.model.name, q)) if q else stmt  # type: ignore[attr-defined]

    async def by_name(self, name: str) -> M | None:
        stmt = self.select().where(func.lower(self.model.name) == name.lower())  # type: ignore[attr-defined]
        return (await self.session.execute(stmt)).scalar_one_or_none()


class UserRepository(TenantRepository[User]):
    model = User
    entity = "user"

    def live(self, *columns: Any) -> Select:
        return self.select(*columns).where(User.deleted_at.is_(None))

    async def find(self, id: uuid.UUID, *, for_update: bool = False) -> User | None:
        """Deleted users are gone for the API (their history stays in the audit log)."""
        stmt = self.live().where(User.id == id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def get_many(self, ids: Sequence[uuid.UUID]) -> list[User]:
        users = await super().get_many(ids)
        if any(u.deleted_at is not None for u in users):
            raise NotFound(self.entity)
        return users

    async def by_email(self, email: str) -> User | None:
        stmt = self.live().where(User.email == email)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def active_by_id(self, user_id: uuid.UUID) -> User | None:
        stmt = self.live().where(User.id == user_id, User.status == "active")
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def active_ids(self, role_ids: Sequence[uuid.UUID] | None = None) -> Select:
        stmt = self.live(User.id).where(User.status == "active")
        if role_ids is not None:
            members = select(UserRole.user_id).where(UserRole.tenant_id == self.tenant_id,
                                                     UserRole.role_id.in_(role_ids))
            stmt = stmt.where(User.id.in_(members))
        return stmt

    def summaries(self, *, q: str | None, role_id: uuid.UUID | None, group_id: uuid.UUID | None,
                  status: str | None, is_specialist: bool | None, specialty_id: uuid.UUID | None) -> Select:
        stmt = self.live(*USER_SUMMARY_COLUMNS)
        if q:
            stmt = stmt.where(already_folded_contains(user_search_text(), q))
        if status:
            stmt = stmt.where(User.status == status)
        if is_specialist is not None:
            stmt = stmt.where(User.is_specialist.is_(is_specialist))
        if role_id:
            stmt = stmt.where(exists().where(UserRole.user_id == User.id, UserRole.role_id == role_id))
        if group_id:
            stmt = stmt.where(exists().where(StaffGroupMember.user_id == User.id,
                                             StaffGroupMember.group_id == group_id))
        if specialty_id:
            stmt = stmt.where(exists().where(UserSpecialty.user_id == User.id,
                                             UserSpecialty.specialty_id == specialty_id))
        return stmt

    def members_of(self, group_id: uuid.UUID) -> Select:
        return self.live(*USER_REF_COLUMNS).join(StaffGroupMember, StaffGroupMember.user_id == User.id).where(
            StaffGroupMember.group_id == group_id)

    async def refs(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Any]:
        if not ids:
            return {}
        rows = await self.session.execute(self.select(*USER_REF_COLUMNS).where(User.id.in_(set(ids))))
        return {row.id: row for row in rows}

    async def lock(self, user_id: uuid.UUID) -> None:
        """Serialise changes to one user's credentials or shifts (row lock until commit)."""
        await self.session.execute(self.select(User.id).where(User.id == user_id).with_for_update())


class RoleRepository(NamedRepository[Role]):
    model = Role
    entity = "role"

    async def by_key(self, key: str) -> Role | None:
        return (await self.session.execute(self.select().where(Role.key == key))).scalar_one_or_none()

    async def roles_of(self, user_id: uuid.UUID) -> list[Role]:
        stmt = (
            self.select()
            .join(UserRole, UserRole.role_id == Role.id)
            .where(UserRole.user_id == user_id)
            .order_by(Role.name)
        )
        return list((await self.session.execute(stmt)).scalars())

    async def refs_of_users(self, user_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
        if not user_ids:
            return {}
        stmt = (self.select(UserRole.user_id, Role.id, Role.key, Role.name)
                .join(UserRole, UserRole.role_id == Role.id)
                .where(UserRole.user_id.in_(list(user_ids))).order_by(Role.name))
        found: dict[uuid.UUID, list[Any]] = {}
        for row in await self.session.execute(stmt):
            found.setdefault(row.user_id, []).append(row)
        return found

    async def holders(self, role_id: uuid.UUID) -> int:
        stmt = (select(func.count()).select_from(UserRole).join(User, User.id == UserRole.user_id)
                .where(UserRole.tenant_id == self.tenant_id, UserRole.role_id == role_id,
                       User.deleted_at.is_(None)))
        return (await self.session.execute(stmt)).scalar_one()

    async def active_holders(self, key: str) -> list[uuid.UUID]:
        stmt = (select(User.id).join(UserRole, UserRole.user_id == User.id).join(Role, Role.id == UserRole.role_id)
                .where(Role.tenant_id == self.tenant_id, Role.key == key, User.status == "active",
                       User.deleted_at.is_(None)))
        return list((await self.session.execute(stmt)).scalars())

    async def requires_mfa(self, user_id: uuid.UUID) -> bool:
        stmt = self.select(func.count()).select_from(Role).join(UserRole, UserRole.role_id == Role.id).where(
            UserRole.user_id == user_id, Role.mfa_required.is_(True))
        return bool((await self.session.execute(stmt)).scalar_one())


class UserRoleRepository(TenantRepository[UserRole]):
    model = UserRole
    entity = "user"

    async def of(self, user_id: uuid.UUID) -> list[UserRole]:
        return list((await self.session.execute(self.select().where(UserRole.user_id == user_id))).scalars())


class GrantRepository(TenantRepository[UserPermission]):
    model = UserPermission
    entity = "user"

    async def of(self, user_id: uuid.UUID) -> list[UserPermission]:
        stmt = self.select().where(UserPermission.user_id == user_id).order_by(UserPermission.permission)
        return list((await self.session.execute(stmt)).scalars())


class SessionRepository(TenantRepository[AuthSession]):
    model = AuthSession
    entity = "session"

    async def live_session_user(self, session_id: uuid.UUID, now: datetime) -> tuple[User, bool] | None:
        """The active user of a live session and whether it is restricted, or None."""
        stmt = (
            select(User, AuthSession.restricted)
            .join(AuthSession, AuthSession.user_id == User.id)
            .where(
                AuthSession.tenant_id == self.tenant_id,
                AuthSession.id == session_id,
                AuthSession.revoked_at.is_(None),
                AuthSession.expires_at > now,
                User.status == "active",
                User.deleted_at.is_(None),
            )
        )
        row = (await self.session.execute(stmt)).one_or_none()
        return (row[0], row[1]) if row else None

    async def credential_row(self, session_id: uuid.UUID, user_id: uuid.UUID, now: datetime) -> Any | None:
        """Everything authentication needs, in one round trip: the session's user (if the session
        is live and the user active), whether the session is restricted, the user's roles
        ``[key, built_in, permissions, optional_permissions]`` and optional grants."""
        roles = (
            select(func.coalesce(func.jsonb_agg(func.jsonb_build_array(
                Role.key, Role.built_in, Role.permissions, Role.optional_permissions)), func.jsonb_build_array()))
            .join(UserRole, UserRole.role_id == Role.id)
            .where(UserRole.tenant_id == self.tenant_id, Role.tenant_id == self.tenant_id, UserRole.user_id == User.id)
            .scalar_subquery()
        )
        grants = (
            select(func.coalesce(func.array_agg(UserPermission.permission), pg_array([], type_=String(64))))
            .where(UserPermission.tenant_id == self.tenant_id, UserPermission.user_id == User.id)
            .scalar_subquery()
        )
        stmt = (
            select(User.id, User.culture, AuthSession.restricted, roles.label("roles"), grants.label("grants"))
            .join(AuthSession, AuthSession.user_id == User.id)
            .where(
                AuthSession.tenant_id == self.tenant_id,
                AuthSession.id == session_id,
                AuthSession.user_id == user_id,
                AuthSession.revoked_at.is_(None),
                AuthSession.expires_at > now,
                User.status == "active",
                User.deleted_at.is_(None),
            )
        )
        return (await self.session.execute(stmt)).one_or_none()

    async def revoke(self, session_id: uuid.UUID, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(AuthSession).where(AuthSession.tenant_id == self.tenant_id, AuthSession.id == session_id,
                                      AuthSession.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason))

    async def revoke_all_of(self, user_id: uuid.UUID, now: datetime, reason: str,
                            keep: uuid.UUID | None = None) -> int:
        stmt = (update(AuthSession)
                .where(AuthSession.tenant_id == self.tenant_id, AuthSession.user_id == user_id,
                       AuthSession.revoked_at.is_(None))
                .values(revoked_at=now, revoked_reason=reason))
        if keep is not None:
            stmt = stmt.where(AuthSession.id != keep)
        return (await self.session.execute(stmt)).rowcount  # type: ignore[attr-defined]

    def live_of(self, user_id: uuid.UUID, now: datetime) -> Select:
        return self.select().where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None),
                                   AuthSession.expires_at > now)

    async def lift_restriction(self, session_id: uuid.UUID) -> None:
        await self.session.execute(update(AuthSession).where(
            AuthSession.tenant_id == self.tenant_id, AuthSession.id == session_id).values(restricted=False))


class RefreshTokenRepository(TenantRepository[RefreshToken]):
    model = RefreshToken
    entity = "refresh_token"

    async def mark_used(self, token_id: uuid.UUID, now: datetime) -> bool:
        """Use a refresh token once: False if it was already used (a concurrent or replayed use)."""
        result = await self.session.execute(
            update(RefreshToken).where(RefreshToken.tenant_id == self.tenant_id, RefreshToken.id == token_id,
                                       RefreshToken.used_at.is_(None)).values(used_at=now))
        return result.rowcount == 1  # type: ignore[attr-defined]


class AccountTokenRepository(TenantRepository[AccountToken]):
    model = AccountToken
    entity = "account_token"

    async def supersede(self, user_id: uuid.UUID, purpose: str, now: datetime) -> None:
        await self.session.execute(
            update(AccountToken).where(AccountToken.tenant_id == self.tenant_id, AccountToken.user_id == user_id,
                                       AccountToken.purpose == purpose, AccountToken.used_at.is_(None),
                                       AccountToken.superseded_at.is_(None))
            .values(superseded_at=now))

    async def consume(self, token_id: uuid.UUID, now: datetime) -> bool:
        result = await self.session.execute(
            update(AccountToken).where(AccountToken.tenant_id == self.tenant_id, AccountToken.id == token_id,
                                       AccountToken.used_at.is_(None), AccountToken.superseded_at.is_(None),
                                       AccountToken.expires_at > now)
            .values(used_at=now))
        return result.rowcount == 1  # type: ignore[attr-defined]

    async def retire_all_of(self, user_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(AccountToken).where(AccountToken.tenant_id == self.tenant_id, AccountToken.user_id == user_id,
                                       AccountToken.used_at.is_(None), AccountToken.superseded_at.is_(None))
            .values(superseded_at=now))


class MfaRepository(TenantRepository[UserMfa]):
    model = UserMfa
    entity = "user"

    async def of(self, user_id: uuid.UUID) -> UserMfa | None:
        stmt = self.select().where(UserMfa.user_id == user_id)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def enabled_for(self, user_id: uuid.UUID) -> bool:
        stmt = self.select(func.count()).where(UserMfa.user_id == user_id, UserMfa.enabled_at.is_not(None))
        return bool((await self.session.execute(stmt)).scalar_one())

    async def enabled_among(self, user_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        stmt = self.select(UserMfa.user_id).where(UserMfa.user_id.in_(list(user_ids)),
                                                  UserMfa.enabled_at.is_not(None))
        return set((await self.session.execute(stmt)).scalars())

    async def accept_step(self, user_id: uuid.UUID, step: int) -> bool:
        """Record ``step`` as the last accepted time step, only if it is newer: False is a replay."""
        result = await self.session.execute(
            update(UserMfa).where(UserMfa.tenant_id == self.tenant_id, UserMfa.user_id == user_id,
                                  UserMfa.last_totp_step < step).values(last_totp_step=step))
        return result.rowcount == 1  # type: ignore[attr-defined]


class RecoveryCodeRepository(TenantRepository[RecoveryCode]):
    model = RecoveryCode
    entity = "recovery_code"

    async def consume(self, user_id: uuid.UUID, code_hash: str, now: datetime) -> bool:
        result = await self.session.execute(
            update(RecoveryCode).where(RecoveryCode.tenant_id == self.tenant_id, RecoveryCode.user_id == user_id,
                                       RecoveryCode.code_hash == code_hash, RecoveryCode.used_at.is_(None))
            .values(used_at=now))
        return result.rowcount == 1  # type: ignore[attr-defined]

    async def forget_all(self, user_id: uuid.UUID) -> None:
        await self.session.execute(delete(RecoveryCode).where(RecoveryCode.tenant_id == self.tenant_id,
                                                              RecoveryCode.user_id == user_id))


class IntegrationTokenRepository(TenantRepository[IntegrationToken]):
    model = IntegrationToken
    entity = "integration_token"

    def of(self, user_id: uuid.UUID, include_revoked: bool) -> Select:
        stmt = self.select().where(IntegrationToken.user_id == user_id)
        return stmt if include_revoked else stmt.where(IntegrationToken.revoked_at.is_(None))

    async def active_count(self, user_id: uuid.UUID, now: datetime) -> int:
        stmt = self.select(func.count()).where(IntegrationToken.user_id == user_id,
                                               IntegrationToken.revoked_at.is_(None),
                                               IntegrationToken.expires_at > now)
        return (await self.session.execute(stmt)).scalar_one()

    async def live_of(self, user_id: uuid.UUID) -> list[IntegrationToken]:
        stmt = self.select().where(IntegrationToken.user_id == user_id, IntegrationToken.revoked_at.is_(None))
        return list((await self.session.execute(stmt)).scalars())

    async def touch(self, token_id: uuid.UUID, now: datetime, every_seconds: int = 60) -> None:
        """Record the last use, at most once a minute (a write per request would be wasteful)."""
        await self.session.execute(
            update(IntegrationToken).where(
                IntegrationToken.tenant_id == self.tenant_id, IntegrationToken.id == token_id,
                (IntegrationToken.last_used_at.is_(None))
                | (IntegrationToken.last_used_at < now - timedelta(seconds=every_seconds)))
            .values(last_used_at=now))


class GroupRepository(TenantRepository[StaffGroup]):
    model = StaffGroup
    entity = "staff_group"

    def filtered(self, q: str | None, kind: str | None) -> Select:
        stmt = self.select()
        if q:
            stmt = stmt.where(folded_contains(StaffGroup.name, q))
        if kind:
            stmt = stmt.where(StaffGroup.kind == kind)
        return stmt

    async def by_name(self, kind: str, name: str) -> StaffGroup | None:
        stmt = self.select().where(StaffGroup.kind == kind, func.lower(StaffGroup.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def member_counts(self, group_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not group_ids:
            return {}
        stmt = (select(StaffGroupMember.group_id, func.count())
                .join(User, User.id == StaffGroupMember.user_id)
                .where(StaffGroupMember.tenant_id == self.tenant_id, StaffGroupMember.group_id.in_(list(group_ids)),
                       User.deleted_at.is_(None))
                .group_by(StaffGroupMember.group_id))
        return {gid: count for gid, count in await self.session.execute(stmt)}


class MemberRepository(TenantRepository[StaffGroupMember]):
    model = StaffGroupMember
    entity = "staff_group"

    async def existing(self, group_id: uuid.UUID, user_ids: Sequence[uuid.UUID]) -> list[StaffGroupMember]:
        stmt = self.select().where(StaffGroupMember.group_id == group_id,
                                   StaffGroupMember.user_id.in_(list(user_ids)))
        return list((await self.session.execute(stmt)).scalars())

    async def of_user(self, user_id: uuid.UUID) -> list[StaffGroupMember]:
        return list((await self.session.execute(self.select().where(StaffGroupMember.user_id == user_id))).scalars())


class SpecialtyRepository(NamedRepository[Specialty]):
    model = Specialty
    entity = "specialty"

    async def of_user(self, user_id: uuid.UUID) -> list[Specialty]:
        stmt = (self.select().join(UserSpecialty, UserSpecialty.specialty_id == Specialty.id)
                .where(UserSpecialty.user_id == user_id).order_by(func.lower(Specialty.name)))
        return list((await self.session.execute(stmt)).scalars())


class UserSpecialtyRepository(TenantRepository[UserSpecialty]):
    model = UserSpecialty
    entity = "user"

    async def of(self, user_id: uuid.UUID) -> list[UserSpecialty]:
        return list((await self.session.execute(self.select().where(UserSpecialty.user_id == user_id))).scalars())


class CalendarRepository(NamedRepository[WorkCalendar]):
    model = WorkCalendar
    entity = "work_calendar"

    async def in_use(self, calendar_id: uuid.UUID) -> bool:
        stmt = select(func.count()).select_from(Shift).where(Shift.tenant_id == self.tenant_id,
                                                             Shift.calendar_id == calendar_id)
        return bool((await self.session.execute(stmt)).scalar_one())


class ShiftRepository(TenantRepository[Shift]):
    model = Shift
    entity = "shift"

    def of(self, user_id: uuid.UUID) -> Select:
        return self.select().where(Shift.user_id == user_id)

    async def overlapping(self, user_id: uuid.UUID, starts_on: Any, ends_on: Any) -> bool:
        stmt = self.select(func.count()).where(Shift.user_id == user_id, Shift.starts_on <= ends_on,
                                               Shift.ends_on >= starts_on)
        return bool((await self.session.execute(stmt)).scalar_one())


class CommentRepository(TenantRepository[StaffComment]):
    model = StaffComment
    entity = "staff_comment"

    def visible(self, user_id: uuid.UUID, viewer_id: uuid.UUID, sees_private: bool) -> Select:
        stmt = self.select().where(StaffComment.user_id == user_id)
        if not sees_private:
            stmt = stmt.where((StaffComment.private.is_(False)) | (StaffComment.author_id == viewer_id))
        return stmt
