"""The background_job table."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, Integer, SmallInteger, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from api.core.models import Base, IdMixin, TenantMixin, TimestampMixin

STATUSES = ("pending", "running", "completed", "failed")


class BackgroundJob(IdMixin, TimestampMixin, TenantMixin, Base):
    __tablename__ = "background_job"
    __table_args__ = (
        Index("ix_background_job_tenant_creator", "tenant_id", "created_by", "created_at"),
        Index("ix_background_job_pending", "status", "created_at", postgresql_where=text("status = 'pending'")),
        CheckConstraint("status IN ('pending', 'running', 'completed', 'failed')", name="status_values"),
        CheckConstraint("progress BETWEEN 0 AND 100", name="progress_range"),
    )

    kind: Mapped[str] = mapped_column(String(64))
    function: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    status: Mapped[str] = mapped_column(String(16), server_default="pending")
    progress: Mapped[int] = mapped_column(SmallInteger, server_default="0")
    result: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    created_by: Mapped[uuid.UUID | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
