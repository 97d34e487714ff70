"""Job bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from api.core.pagination import ListQuery
from api.core.schemas import ReadModel, Str100

JobStatus = Literal["pending", "running", "completed", "failed"]


class JobRead(ReadModel):
    id: uuid.UUID
    kind: str
    status: JobStatus
    progress: int
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class JobAccepted(ReadModel):
    """The answer of an operation that runs in the background (HTTP 202)."""

    job_id: uuid.UUID
    status: JobStatus = "pending"


class JobFilters(ListQuery):
    status: JobStatus | None = None
    kind: Str100 | None = None
