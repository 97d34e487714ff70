"""The service catalogue and the services of each contact."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.contacts.models import ContactLink, contact_fk
from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin


class Service(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "service"
    __audit_entity__ = "service"
    __table_args__ = (
        Index("uq_service_tenant_name", "tenant_id", text("lower(name)"), unique=True),
        UniqueConstraint("tenant_id", "id"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("currency ~ '^[A-Z]{3}$'", name="currency_format"),
        CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="duration_range"),
    )

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(String(1000))
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())


class ContactService(ContactLink, Base):
    __tablename__ = "contact_service"
    __audit_actions__ = {"create": "service_added", "delete": "service_removed"}
    __table_args__ = (
        PrimaryKeyConstraint("tenant_id", "contact_id", "service_id"),
        Index("ix_contact_service_service", "tenant_id", "service_id"),
        ForeignKeyConstraint(["tenant_id", "service_id"], ["service.tenant_id", "service.id"], ondelete="CASCADE"),
        contact_fk(),
    )

    service_id: Mapped[uuid.UUID]
