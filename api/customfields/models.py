"""The custom_field table: one row per field a workspace defines for contacts or staff users."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Index, Integer, String, UniqueConstraint, false, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin

ENTITIES = ("contact", "user")
TYPES = ("text", "number", "date", "boolean", "select", "multiselect")


class CustomField(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "custom_field"
    __audit_entity__ = "custom_field"
    __table_args__ = (
        UniqueConstraint("tenant_id", "entity", "key"),
        Index("ix_custom_field_tenant_entity_position", "tenant_id", "entity", "position", "id"),
        CheckConstraint("entity IN ('contact', 'user')", name="entity_values"),
        CheckConstraint("type IN ('text', 'number', 'date', 'boolean', 'select', 'multiselect')",
                        name="type_values"),
    )

    entity: Mapped[str] = mapped_column(String(16))
    # Immutable once created: stored values are keyed by it.
    key: Mapped[str] = mapped_column(String(40))
    # Immutable once created: stored values were validated against it.
    type: Mapped[str] = mapped_column(String(16))
    labels: Mapped[dict[str, str]] = mapped_column(JSONB)
    required: Mapped[bool] = mapped_column(Boolean, server_default=false())
    options: Mapped[list[str]] = mapped_column(JSONB, server_default=text("'[]'::jsonb"))
    # "order" in the API (a reserved word in SQL).
    position: Mapped[int] = mapped_column(Integer, server_default="0")
