"""Tables of the sections around a contact.

Audit: alerts, reviews and standalone files file their events under the contact (so the
contact's timeline tells them); comments and notes are their own entities (they *are* timeline
items, and a private comment's text must not surface through the contact's events), and so are
the attachments of a comment or a note.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    ARRAY,
    Boolean,
    CheckConstraint,
    Date,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.contacts.models import contact_fk
from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk

PRIORITIES = ("low", "normal", "high", "urgent")
_PRIORITY_CHECK = "priority IN ('low', 'normal', 'high', 'urgent')"


class _OfContact:
    contact_id: Mapped[uuid.UUID]  # with contact_fk() in each table's arguments


def _now() -> datetime:
    return datetime.now(UTC)


class _TimelineItem(TimestampMixin):
    """Comments and notes share the timeline with audit events, whose times come from the
    application's clock: theirs do too (the database's now() is the transaction's start)."""

    created_at: Mapped[datetime] = mapped_column(default=_now, server_default=func.now())


class ContactComment(IdMixin, _TimelineItem, TenantMixin, _OfContact, Audited, Base):
    """A comment: general, or on an appointment (``appointment_id``, once appointments exist).
    A private one is seen only by its author and holders of ``contacts:private_comments``."""

    __tablename__ = "contact_comment"
    __audit_entity__ = "contact_comment"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("author_id", "user", "SET NULL"),
        Index("ix_contact_comment_tenant_contact", "tenant_id", "contact_id", "pinned", "created_at", "id"),
        contact_fk(),
        CheckConstraint(_PRIORITY_CHECK, name="priority_values"),
    )

    author_id: Mapped[uuid.UUID | None]
    body: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16), server_default="normal")
    private: Mapped[bool] = mapped_column(Boolean, server_default=false())
    pinned: Mapped[bool] = mapped_column(Boolean, server_default=false())
    appointment_id: Mapped[uuid.UUID | None]


class ContactNote(IdMixin, _TimelineItem, TenantMixin, _OfContact, Audited, Base):
    __tablename__ = "contact_note"
    __audit_entity__ = "contact_note"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
        tenant_fk("author_id", "user", "SET NULL"),
        Index("ix_contact_note_tenant_contact", "tenant_id", "contact_id", "created_at", "id"),
        contact_fk(),
    )

    author_id: Mapped[uuid.UUID | None]
    category: Mapped[str | None] = mapped_column(String(100))
    keywords: Mapped[list[str]] = mapped_column(ARRAY(String(50)), server_default="{}")
    body: Mapped[str] = mapped_column(Text)
    noted_on: Mapped[date] = mapped_column(Date, server_default=text("CURRENT_DATE"))


class ContactAlert(IdMixin, TimestampMixin, TenantMixin, _OfContact, Audited, Base):
    __tablename__ = "contact_alert"
    __audit_entity__ = "contact"
    __audit_actions__ = {"create": "alert_added", "update": "alert_changed", "delete": "alert_removed"}
    __table_args__ = (
        Index("ix_contact_alert_tenant_contact", "tenant_id", "contact_id", "created_at", "id"),
        contact_fk(),
        CheckConstraint(_PRIORITY_CHECK, name="priority_values"),
    )

    type: Mapped[str] = mapped_column(String(50))
    priority: Mapped[str] = mapped_column(String(16), server_default="normal")
    description: Mapped[str] = mapped_column(String(1000))
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())

    def audit_entity_id(self) -> uuid.UUID:
        return self.contact_id


class ContactReview(IdMixin, TimestampMixin, TenantMixin, _OfContact, Audited, Base):
    """The contact's rating (1–5) and opinion. Triggers keep the contact's counters."""

    __tablename__ = "contact_review"
    __audit_entity__ = "contact"
    __audit_actions__ = {"create": "review_added", "update": "review_changed", "delete": "review_removed"}
    __table_args__ = (
        tenant_fk("recorded_by", "user", "SET NULL"),
        Index("ix_contact_review_tenant_contact", "tenant_id", "contact_id", "created_at", "id"),
        contact_fk(),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )

    rating: Mapped[int] = mapped_column(SmallInteger)
    text: Mapped[str | None] = mapped_column(String(2000))
    recorded_by: Mapped[uuid.UUID | None]

    def audit_entity_id(self) -> uuid.UUID:
        return self.contact_id


class ContactFile(IdMixin, TenantMixin, _OfContact, Audited, Base):
    """A file or image of the contact, or an attachment of one of its comments or notes. The
    bytes are in storage under a server-made key; the name is only for display and downloads."""

    # Server defaults come back with the INSERT, so the audit listener can read them.
    __mapper_args__ = {"eager_defaults": True}
    __tablename__ = "contact_file"
    __audit_actions__ = {"create": "file_added", "delete": "file_removed"}
    __table_args__ = (
        tenant_fk("comment_id", "contact_comment"),
        tenant_fk("note_id", "contact_note"),
        tenant_fk("uploaded_by", "user", "SET NULL"),
        Index("ix_contact_file_tenant_contact", "tenant_id", "contact_id", "created_at", "id"),
        contact_fk(),
        Index("ix_contact_file_comment", "comment_id", postgresql_where=text("comment_id IS NOT NULL")),
        Index("ix_contact_file_note", "note_id", postgresql_where=text("note_id IS NOT NULL")),
        CheckConstraint("comment_id IS NULL OR note_id IS NULL", name="one_parent"),
    )

    comment_id: Mapped[uuid.UUID | None]
    note_id: Mapped[uuid.UUID | None]
    filename: Mapped[str] = mapped_column(String(150))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(200))
    uploaded_by: Mapped[uuid.UUID | None]
    created_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_type(self) -> str:
        return "contact_comment" if self.comment_id else "contact_note" if self.note_id else "contact"

    def audit_entity_id(self) -> uuid.UUID:
        return self.comment_id or self.note_id or self.contact_id
