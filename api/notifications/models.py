"""The mail outbox and log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, SmallInteger, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Base, IdMixin, TenantMixin, TimestampMixin


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
