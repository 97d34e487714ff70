"""Import runs and their failed rows."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Index, Integer, String, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Base, IdMixin, TenantMixin, TimestampMixin, tenant_fk


class ImportRun(IdMixin, TimestampMixin, TenantMixin, Base):
    """One uploaded file being imported. ``next_row`` is the resume point: every batch commits
    its rows, its counts and the new ``next_row`` together, so a worker that dies mid-way is
    replaced by one that continues where the last commit left off."""

    __tablename__ = "import_run"
    __table_args__ = (
        UniqueConstraint("tenant_id", "id"),
        Index("ix_import_run_tenant_created", "tenant_id", "created_at", "id"),
        CheckConstraint("status IN ('pending', 'running', 'completed', 'failed')", name="status_values"),
        CheckConstraint("mode IN ('create', 'update', 'upsert')", name="mode_values"),
    )

    entity: Mapped[str] = mapped_column(String(40))
    mode: Mapped[str] = mapped_column(String(10))
    dry_run: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    status: Mapped[str] = mapped_column(String(16), server_default="pending")
    language: Mapped[str] = mapped_column(String(2), server_default="es")
    file_key: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    rows_read: Mapped[int] = mapped_column(Integer, server_default="0")
    created: Mapped[int] = mapped_column(Integer, server_default="0")
    updated: Mapped[int] = mapped_column(Integer, server_default="0")
    unchanged: Mapped[int] = mapped_column(Integer, server_default="0")
    failed: Mapped[int] = mapped_column(Integer, server_default="0")
    total_rows: Mapped[int | None] = mapped_column(Integer)
    next_row: Mapped[int] = mapped_column(Integer, server_default="0")
    header: Mapped[list[str] | None] = mapped_column(JSONB)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    job_id: Mapped[uuid.UUID | None]
    created_by: Mapped[uuid.UUID | None]
    finished_at: Mapped[datetime | None]


class ImportRowError(IdMixin, TenantMixin, Base):
    """A row that was not applied: its original cells and the reason per cell."""

    __tablename__ = "import_row_error"
    __table_args__ = (
        Index("ix_import_row_error_run_row", "tenant_id", "import_id", "row_number"),
        tenant_fk("import_id", "import_run"),
    )

    import_id: Mapped[uuid.UUID]
    row_number: Mapped[int] = mapped_column(Integer)
    cells: Mapped[list[Any]] = mapped_column(JSONB)
    errors: Mapped[dict[str, Any]] = mapped_column(JSONB)  # {column: {"es":…, "en":…, "pt":…}}
