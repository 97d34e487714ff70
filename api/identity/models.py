"""Identity tables: workspaces (tenants), staff users, roles and grants, sessions and their
credentials (refresh tokens, one-time links, MFA, integration tokens), groups, and what makes a
user a specialist (specialties, calendars, shifts) plus comments on staff.

Credential tables store only hashes (SHA-256 of ≥ 256-bit secrets) or ciphertext (TOTP seeds);
the audit log records that they changed, never their values.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk


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
        UniqueConstraint("tenant_id", "id"),
        # One live user per email; a deleted user's address can be invited again.
        Index("uq_user_tenant_email", "tenant_id", "email", unique=True, postgresql_where=text("deleted_at IS NULL")),
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
    photo_key: Mapped[str | None] = mapped_column(String(200))
    photo_content_type: Mapped[str | None] = mapped_column(String(40))
    custom_fields: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    last_login_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]


def user_search_text() -> Any:
    """What the users list searches: "first last email", folded (accents and case ignored).
    ``f_user_search`` (an IMMUTABLE SQL function from migration 0002) does the folding, so the
    trigram index and the query use the very same expression."""
    return func.f_user_search(User.first_name, User.last_name, User.email)


Index("ix_user_tenant_name", User.tenant_id, func.lower(User.first_name), func.lower(User.last_name), User.id)
Index("ix_user_search_trgm", user_search_text().label("search_folded"), postgresql_using="gin",
      postgresql_ops={"search_folded": "gin_trgm_ops"})


class Role(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A named set of permissions. Built-in roles take their permissions from code
    (:mod:`api.identity.roles`), so they follow the catalogue as it grows."""

    __tablename__ = "role"
    __audit_entity__ = "role"
    __table_args__ = (
        UniqueConstraint("tenant_id", "key"),
        UniqueConstraint("tenant_id", "id"),
    )

    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(String(500), server_default="")
    built_in: Mapped[bool] = mapped_column(Boolean, server_default=false())
    permissions: Mapped[list[str]] = mapped_column(ARRAY(String(64)), server_default="{}")
    optional_permissions: Mapped[list[str]] = mapped_column(ARRAY(String(64)), server_default="{}")
    # The workspace requires MFA of this role's users (they enrol before getting a full session).
    mfa_required: Mapped[bool] = mapped_column(Boolean, server_default=false())


class UserRole(TenantMixin, Audited, Base):
    __tablename__ = "user_role"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "role_added", "delete": "role_removed"}
    __table_args__ = (
        Index("ix_user_role_tenant_role", "tenant_id", "role_id"),
        tenant_fk("user_id", "user"),
        tenant_fk("role_id", "role"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    role_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id


class UserPermission(TenantMixin, Audited, Base):
    """An optional permission granted to one user (it must be offered by one of their roles)."""

    __tablename__ = "user_permission"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "permission_granted", "delete": "permission_revoked"}
    __table_args__ = (
        Index("ix_user_permission_tenant_user", "tenant_id", "user_id"),
        tenant_fk("user_id", "user"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    permission: Mapped[str] = mapped_column(String(64), primary_key=True)

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id


class AuthSession(IdMixin, TenantMixin, Base):
    """One login (a refresh-token family). Access tokens name it; revoking it ends them at once."""

    __tablename__ = "auth_session"
    __table_args__ = (
        Index("ix_auth_session_tenant_user", "tenant_id", "user_id"),
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("user_id", "user"),
    )

    user_id: Mapped[uuid.UUID]
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(32))
    ip: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(300))
    # Only MFA enrolment is allowed until the user enrols (see Principal.restricted).
    restricted: Mapped[bool] = mapped_column(Boolean, server_default=false())


class RefreshToken(IdMixin, TenantMixin, Base):
    """A refresh token of a session, stored as its SHA-256. Each use rotates it."""

    __tablename__ = "refresh_token"
    __table_args__ = (
        tenant_fk("session_id", "auth_session"),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class AccountToken(IdMixin, TenantMixin, Base):
    """A single-use link sent by email: an invitation (7 days) or a password reset (1 hour).
    Issuing a new one of the same purpose supersedes the previous one."""

    __tablename__ = "account_token"
    __table_args__ = (
        tenant_fk("user_id", "user"),
        Index("ix_account_token_tenant_user", "tenant_id", "user_id", "purpose"),
        CheckConstraint("purpose IN ('invitation', 'password_reset')", name="purpose_values"),
    )

    user_id: Mapped[uuid.UUID]
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    superseded_at: Mapped[datetime | None]


class UserMfa(TenantMixin, Audited, Base):
    """A user's TOTP factor: the seed (encrypted), when it was confirmed, and the last time step
    accepted (a code is accepted once: later codes must have a greater step)."""

    __tablename__ = "user_mfa"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "mfa_setup_started", "delete": "mfa_disabled"}
    __audit_ignore__ = frozenset({"last_totp_step"})
    __table_args__ = (
        tenant_fk("user_id", "user"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    secret_ciphertext: Mapped[str] = mapped_column(String(200))
    enabled_at: Mapped[datetime | None]
    last_totp_step: Mapped[int] = mapped_column(BigInteger, server_default="0")
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id


class RecoveryCode(IdMixin, TenantMixin, Base):
    """One MFA recovery code (120 random bits), stored as SHA-256, usable once."""

    __tablename__ = "recovery_code"
    __table_args__ = (
        Index("ix_recovery_code_tenant_user", "tenant_id", "user_id", "code_hash"),
        tenant_fk("user_id", "user"),
    )

    user_id: Mapped[uuid.UUID]
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]


class IntegrationToken(IdMixin, TenantMixin, Audited, Base):
    """A personal access token: acts as its user, with the user's current permissions."""

    __tablename__ = "integration_token"
    __audit_entity__ = "integration_token"
    __audit_ignore__ = frozenset({"last_used_at"})
    __table_args__ = (
        Index("ix_integration_token_tenant_user", "tenant_id", "user_id", "created_at"),
        tenant_fk("user_id", "user"),
        tenant_fk("created_by", "user", "SET NULL"),
    )

    user_id: Mapped[uuid.UUID]
    description: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class StaffGroup(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A group of staff (agents or specialists) used to route work."""

    __tablename__ = "staff_group"
    __audit_entity__ = "staff_group"
    __table_args__ = (
        CheckConstraint("kind IN ('agents', 'specialists')", name="kind_values"),
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(String(500), server_default="")


Index("uq_staff_group_tenant_kind_name", StaffGroup.tenant_id, StaffGroup.kind, func.lower(StaffGroup.name),
      unique=True)


class StaffGroupMember(TenantMixin, Audited, Base):
    __tablename__ = "staff_group_member"
    __audit_entity__ = "staff_group"
    __audit_actions__ = {"create": "member_added", "delete": "member_removed"}
    __table_args__ = (
        Index("ix_staff_group_member_tenant_user", "tenant_id", "user_id"),
        tenant_fk("group_id", "staff_group"),
        tenant_fk("user_id", "user"),
    )

    group_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)

    def audit_entity_id(self) -> uuid.UUID:
        return self.group_id


class Specialty(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A medical specialty of the workspace's catalogue (cardiology, paediatrics …)."""

    __tablename__ = "specialty"
    __audit_entity__ = "specialty"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(500), server_default="")


Index("uq_specialty_tenant_name", Specialty.tenant_id, func.lower(Specialty.name), unique=True)


class UserSpecialty(TenantMixin, Audited, Base):
    __tablename__ = "user_specialty"
    __audit_entity__ = "user"
    __audit_actions__ = {"create": "specialty_added", "delete": "specialty_removed"}
    __table_args__ = (
        Index("ix_user_specialty_tenant_specialty", "tenant_id", "specialty_id"),
        tenant_fk("user_id", "user"),
        tenant_fk("specialty_id", "specialty"),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    specialty_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)

    def audit_entity_id(self) -> uuid.UUID:
        return self.user_id


class WorkCalendar(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """Named weekly working hours: ``[{"weekday": 0-6, "start": "HH:MM", "end": "HH:MM"}]``."""

    __tablename__ = "work_calendar"
    __audit_entity__ = "work_calendar"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
    )

    name: Mapped[str] = mapped_column(String(200))
    hours: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))


Index("uq_work_calendar_tenant_name", WorkCalendar.tenant_id, func.lower(WorkCalendar.name), unique=True)


class Shift(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A specialist works ``calendar``'s hours from ``starts_on`` to ``ends_on`` (inclusive).
    A user's shifts never overlap: the database refuses it, whatever the race."""

    __tablename__ = "shift"
    __audit_entity__ = "shift"
    __table_args__ = (
        tenant_fk("user_id", "user"),
        tenant_fk("calendar_id", "work_calendar", "RESTRICT"),
        CheckConstraint("starts_on <= ends_on", name="date_order"),
        ExcludeConstraint(
            (text("tenant_id"), "="), (text("user_id"), "="),
            (text("daterange(starts_on, ends_on, '[]')"), "&&"),
            name="ex_shift_no_overlap", using="gist",
        ),
        Index("ix_shift_tenant_calendar", "tenant_id", "calendar_id"),
    )

    user_id: Mapped[uuid.UUID]
    calendar_id: Mapped[uuid.UUID]
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class StaffComment(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    """A comment on a staff user. Private ones are seen by their author and by ``users:write``."""

    __tablename__ = "staff_comment"
    __audit_entity__ = "staff_comment"
    __table_args__ = (
        tenant_fk("user_id", "user"),
        tenant_fk("author_id", "user", "SET NULL"),
        CheckConstraint("priority IN ('low', 'normal', 'high')", name="priority_values"),
        Index("ix_staff_comment_tenant_user", "tenant_id", "user_id", "pinned", "created_at"),
    )

    user_id: Mapped[uuid.UUID]
    author_id: Mapped[uuid.UUID | None]
    body: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(8), server_default="normal")
    private: Mapped[bool] = mapped_column(Boolean, server_default=false())
    pinned: Mapped[bool] = mapped_column(Boolean, server_default=false())
