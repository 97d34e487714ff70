"""Queries for identity: tenants (global), users, roles and sessions (tenant-scoped)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.repository import TenantRepository
from api.identity.models import AuthSession, RefreshToken, Role, Tenant, User, UserRole


class TenantDirectory:
    """The workspace table is global: it is how a tenant is found before anyone is signed in."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_slug(self, slug: str) -> Tenant | None:
        return (await self.session.execute(select(Tenant).where(Tenant.slug == slug))).scalar_one_or_none()

    async def by_id(self, tenant_id: uuid.UUID) -> Tenant | None:
        return await self.session.get(Tenant, tenant_id)


class UserRepository(TenantRepository[User]):
    model = User
    entity = "user"

    async def by_email(self, email: str) -> User | None:
        stmt = self.select().where(User.email == email)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def active_by_id(self, user_id: uuid.UUID) -> User | None:
        stmt = self.select().where(User.id == user_id, User.status == "active", User.deleted_at.is_(None))
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def active_ids(self, role_ids: Sequence[uuid.UUID] | None = None) -> Select:
        stmt = self.select(User.id).where(User.status == "active", User.deleted_at.is_(None))
        if role_ids is not None:
            members = select(UserRole.user_id).where(UserRole.tenant_id == self.tenant_id,
                                                     UserRole.role_id.in_(role_ids))
            stmt = stmt.where(User.id.in_(members))
        return stmt


class RoleRepository(TenantRepository[Role]):
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


class SessionRepository(TenantRepository[AuthSession]):
    model = AuthSession
    entity = "session"

    async def live_session_user(self, session_id: uuid.UUID, now: datetime) -> User | None:
        """The active user of a live session, or None (revoked, expired, user inactive)."""
        stmt = (
            select(User)
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
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def revoke_all_of(self, user_id: uuid.UUID, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(AuthSession)
            .where(AuthSession.tenant_id == self.tenant_id, AuthSession.user_id == user_id,
                   AuthSession.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )


class RefreshTokenRepository(TenantRepository[RefreshToken]):
    model = RefreshToken
    entity = "refresh_token"
