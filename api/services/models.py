"""The service catalogue and the services of each contact."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.contacts.models import contact_fk
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


class ContactService(TenantMixin, Audited, Base):
    # Server defaults come back with the INSERT, so the audit listener can read them.
    __mapper_args__ = {"eager_defaults": True}
    __tablename__ = "contact_service"
    __audit_entity__ = "contact"
    __audit_actions__ = {"create": "service_added", "delete": "service_removed"}
    __table_args__ = (
        Index("ix_contact_service_service", "tenant_id", "service_id"),
        ForeignKeyConstraint(["tenant_id", "service_id"], ["service.tenant_id", "service.id"], ondelete="CASCADE"),
        contact_fk(),
    )

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    service_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    added_at: Mapped[datetime] = mapped_column(server_default=text("now()"))

    def audit_entity_id(self) -> uuid.UUID:
        return self.contact_id
