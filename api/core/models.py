"""Declarative base and the mixins every table is built from.

* ``IdMixin`` — a UUIDv7 primary key assigned in Python (so audit rows can name new objects
  before the INSERT is flushed).
* ``TimestampMixin`` — ``created_at`` / ``updated_at`` kept by the database.
* ``TenantMixin`` — ``tenant_id``; every statement on such a model is scoped by
  :mod:`api.core.tenancy`, and its indexes lead with ``tenant_id``.
* ``Audited`` — changes are written to ``audit_event`` by :mod:`api.core.audit`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from sqlalchemy import DateTime, ForeignKey, ForeignKeyConstraint, MetaData, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from api.core.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime(timezone=True), uuid.UUID: UUID(as_uuid=True)}


class IdMixin:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)


class TimestampMixin:
    # Fetch server-set timestamps in the same statement (RETURNING), so reading them after a
    # flush never needs another round trip (which async sessions cannot do implicitly).
    __mapper_args__ = {"eager_defaults": True}

    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class TenantMixin:
    @declared_attr
    def tenant_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(ForeignKey("tenant.id", ondelete="CASCADE"), nullable=False)


def tenant_fk(column: str, target: str, ondelete: str = "CASCADE") -> ForeignKeyConstraint:
    """A reference to another row *of the same workspace*: ``(tenant_id, column)`` →
    ``target(tenant_id, id)`` (the target declares ``UniqueConstraint("tenant_id", "id")``). The
    database itself refuses a row pointing into another workspace, whatever the code does.
    ``SET NULL`` clears only ``column`` (PostgreSQL 15's column list), never ``tenant_id``."""
    action = f"SET NULL ({column})" if ondelete == "SET NULL" else ondelete
    return ForeignKeyConstraint(["tenant_id", column], [f"{target}.tenant_id", f"{target}.id"], ondelete=action)


class Audited:
    """Marks a model whose every change is recorded in the audit log.

    ``__audit_entity__`` names the entity in events (defaults to the table name);
    ``__audit_redact__`` lists columns whose values are never written (only that they changed);
    ``__audit_ignore__`` lists columns not worth an event on their own (e.g. ``last_used_at``).
    """

    __audit_entity__: ClassVar[str | None] = None
    __audit_redact__: ClassVar[frozenset[str]] = frozenset()
    __audit_ignore__: ClassVar[frozenset[str]] = frozenset()
