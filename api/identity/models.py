"""Identity tables: workspaces (tenants), staff users, roles and login sessions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin


class Tenant(IdMixin, TimestampMixin, Audited, Base):
    """A workspace. Every other table hangs from one (``tenant_id``)."""

    __tablename__ = "tenant"
    __audit_entity__ = "tenant"
    __table_args__ = (CheckConstraint("slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'", name="slug_format"),)

    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    default_language: Mapped[str] = mapped_column(String(2), server_default="es")
    default_region: Mapped[str] = mapped_column(String(2), server_default="ES")
    timezone: Mapped[str] = mapped_column(String(64), server_default="Europe/Madrid")
    settings: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))


class User(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A staff user of a workspace. Deleting is soft: history stays, login stops."""

    __tablename__ = "user"
    __audit_entity__ = "user"
    __audit_redact__ = frozenset({"password_hash"})
    __audit_ignore__ = frozenset({"last_login_at"})
    __table_args__ = (
        Index("uq_user_tenant_email", "tenant_id", "email", unique=True),
        Index("ix_user_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("status IN ('active', 'inactive')", name="status_values"),
        CheckConstraint("culture IN ('es', 'en', 'pt')", name="culture_values"),
    )

    email: Mapped[str] = mapped_column(String(254))  # stored normalised (lower-case)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), server_default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), server_default="active")
    culture: Mapped[str] = mapped_column(String(2), server_default="es")
    timezone: Mapped[str | None] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(20))
    is_specialist: Mapped[bool] = mapped_column(Boolean, server_default=false())
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]


class Role(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A named set of permissions. Built-in roles take their permissions from code
    (:mod:`api.identity.roles`), so they follow the catalogue as it grows."""

    __tablename__ = "role"
    __audit_entity__ = "role"
    __table_args__ = (UniqueConstraint("tenant_id", "key"),)

    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(500), server_default="")
    built_in: Mapped[bool] = mapped_column(Boolean, server_default=false())
    permissions: Mapped[list[str]] = mapped_column(ARRAY(String(64)), server_default="{}")
    optional_permissions: Mapped[list[str]] = mapped_column(ARRAY(String(64)), server_default="{}")


class UserRole(TenantMixin, Audited, Base):
    __tablename__ = "user_role"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "role_added", "delete": "role_removed"}

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), primary_key=True)

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id


class AuthSession(IdMixin, TenantMixin, Base):
    """One login (a refresh-token family). Access tokens name it; revoking it ends them at once."""

    __tablename__ = "auth_session"
    __table_args__ = (Index("ix_auth_session_tenant_user", "tenant_id", "user_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(32))
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))


class RefreshToken(IdMixin, TenantMixin, Base):
    """A refresh token of a session, stored as its SHA-256. Each use rotates it."""

    __tablename__ = "refresh_token"

    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("auth_session.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
