"""The location table."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Double, Index, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Audited, Base, IdMixin, TenantMixin, TimestampMixin
from api.core.search import folded


class Location(IdMixin, TimestampMixin, TenantMixin, Audited, Base):
    __tablename__ = "location"
    __audit_entity__ = "location"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint("longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude_range"),
        CheckConstraint("(latitude IS NULL) = (longitude IS NULL)", name="coordinates_pair"),
    )

    name: Mapped[str] = mapped_column(String(200))
    street: Mapped[str | None] = mapped_column(String(200))
    city: Mapped[str | None] = mapped_column(String(100))
    state: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)


# One name per workspace, compared without case; it also serves ?sort=name.
Index("uq_location_tenant_name", Location.tenant_id, func.lower(Location.name), unique=True)
Index("ix_location_tenant_city", Location.tenant_id, func.lower(Location.city))
Index("ix_location_tenant_created", Location.tenant_id, Location.created_at, Location.id)
# Accent-insensitive search on the name (see api.core.search).
Index(
    "ix_location_name_trgm",
    folded(Location.name).label("name_folded"),
    postgresql_using="gin",
    postgresql_ops={"name_folded": "gin_trgm_ops"},
)
