"""Notification tables: the center (content + one small row per recipient), broadcasts, and
the mail outbox and log.

Why content + recipient rows (fan-out of receipts on write) — measured with
``bench/notifications.py`` and explained in :mod:`api.notifications.service`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk

KINDS = ("system", "info", "personal", "job")
JOB_STATUSES = ("pending", "running", "completed", "failed")


class MessageContent:
    """What a notification (and the broadcast that makes one) says."""

    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(2000), server_default="")
    link: Mapped[str | None] = mapped_column(String(2000))
    action: Mapped[str | None] = mapped_column(String(40))


class Notification(IdMixin, TimestampMixin, TenantMixin, MessageContent, Base):
    """What a notification says, stored once however many users receive it.

    Not audited: notifications are themselves a record of events, written by the system (or by
    an audited broadcast); auditing each one would double every write.
    """

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
        Index("ix_notification_tenant_job", "tenant_id", "job_id", postgresql_where=text("job_id IS NOT NULL")),
        CheckConstraint("kind IN ('system', 'info', 'personal', 'job')", name="kind_values"),
        CheckConstraint("job_status IS NULL OR job_status IN ('pending', 'running', 'completed', 'failed')",
                        name="job_status_values"),
        CheckConstraint("(kind = 'job') = (job_id IS NOT NULL)", name="job_kind_has_job"),
    )

    job_id: Mapped[uuid.UUID | None]
    job_status: Mapped[str | None] = mapped_column(String(16))
    job_result: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    job_error: Mapped[str | None] = mapped_column(String(500))
    broadcast_id: Mapped[uuid.UUID | None]
    created_by: Mapped[uuid.UUID | None]


class NotificationRecipient(TenantMixin, Base):
    """One user's copy of a notification: whether and when they read it.

    ``kind`` and ``created_at`` repeat the notification's so the list, its filters and its
    keyset order are served by this table's index alone; the page then joins 50 notifications
    by primary key. ``updated_at`` moves whenever the user should hear about the row again
    (created, read, its job finished): reconnecting streams resume from it, filtering the user's
    inbox range — deliberately without an index of its own, which cost ~40% of a broadcast's
    fan-out time in ``bench/notifications.py`` for a read that only reconnects make.
    """

    __tablename__ = "notification_recipient"
    __table_args__ = (
        tenant_fk("user_id", "user"),
        tenant_fk("notification_id", "notification"),
        # Notification first: one user's copy, and every copy of one notification (its job
        # finished), are both primary-key lookups.
        PrimaryKeyConstraint("tenant_id", "notification_id", "user_id"),
        # Newest first is a backward scan of this index (and of the keyset's row comparison).
        Index("ix_notification_recipient_inbox", "tenant_id", "user_id", "created_at", "notification_id"),
        Index("ix_notification_recipient_unread", "tenant_id", "user_id", postgresql_where=text("read_at IS NULL")),
        CheckConstraint("kind IN ('system', 'info', 'personal', 'job')", name="kind_values"),
    )
    __mapper_args__ = {"eager_defaults": True}

    user_id: Mapped[uuid.UUID]
    notification_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
    read_at: Mapped[datetime | None]


class Broadcast(IdMixin, TimestampMixin, TenantMixin, MessageContent, Audited, Base):
    """An administrator's message to everyone or to roles, sent now or at ``send_at``."""

    __tablename__ = "notification_broadcast"
    __audit_entity__ = "notification_broadcast"
    __table_args__ = (
        Index("ix_notification_broadcast_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_notification_broadcast_due", "send_at", postgresql_where=text("status = 'scheduled'")),
        CheckConstraint("kind IN ('system', 'info')", name="kind_values"),
        CheckConstraint("audience IN ('everyone', 'roles')", name="audience_values"),
        CheckConstraint("status IN ('scheduled', 'sent', 'cancelled')", name="status_values"),
    )

    audience: Mapped[str] = mapped_column(String(16))
    role_ids: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)), server_default="{}")
    send_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), server_default="scheduled")
    sent_at: Mapped[datetime | None]
    recipient_count: Mapped[int] = mapped_column(Integer, server_default="0")
    notification_id: Mapped[uuid.UUID | None]
    created_by: Mapped[uuid.UUID | None]


class MailMessage(IdMixin, TimestampMixin, TenantMixin, Base):
    """One email: queued by a request, sent (with retries) by the worker, kept as a log.

    Bodies can hold one-time links, so they are erased once the message is sent through SMTP
    (the log keeps who, what subject, when and how it went). The console backend keeps them,
    so a developer can read them in the dev mailbox.
    """

    __tablename__ = "mail_message"
    __table_args__ = (
        Index("ix_mail_message_tenant_created", "tenant_id", "created_at", "id"),
        Index("ix_mail_message_queued", "status", "next_attempt_at", postgresql_where=text("status = 'queued'")),
        CheckConstraint("status IN ('queued', 'sent', 'failed')", name="status_values"),
    )

    kind: Mapped[str] = mapped_column(String(40))
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    text_body: Mapped[str | None] = mapped_column(Text)
    html_body: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), server_default="queued")
    attempts: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


# The mail log's recipient filter compares without case.
Index("ix_mail_message_tenant_recipient", MailMessage.tenant_id, func.lower(MailMessage.to_address),
      MailMessage.created_at)
