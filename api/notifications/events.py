"""What a console hears in real time: channel names, event ids and message shapes.

Every user has one Redis channel, ``t:{tenant_id}:u:{user_id}:notifications`` (tenant-prefixed
like every key). Messages are ``{"event", "id", "data"}`` and become server-sent events as is:

* ``notification`` — a notification was created or changed for this user (new, read, its job
  finished). ``data`` is the item as ``GET /notifications`` lists it; the client upserts by id.
* ``read_all`` — every notification up to ``data.read_at`` is now read.
* ``job`` — a job of this user moved: ``{"job_id", "status", "progress"}`` (no event id:
  progress is transient and not replayed).

An event id is the time (µs since the epoch) at which the user's copy last changed, so a
reconnecting client's ``Last-Event-ID`` says where to resume (see :mod:`.stream`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from api.notifications.repository import ITEM_FIELDS
from api.notifications.schemas import JobSummary, NotificationRead

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def user_channel(tenant_id: uuid.UUID, user_id: uuid.UUID) -> str:
    return f"t:{tenant_id}:u:{user_id}:notifications"


def event_id(moment: datetime) -> str:
    return str((moment - EPOCH) // MICROSECOND)


def parse_event_id(value: str | None) -> datetime | None:
    """The moment an event id names; None for a missing or unreadable one."""
    if not value or not value.isdigit() or len(value) > 20:
        return None
    try:
        return EPOCH + int(value) * MICROSECOND
    except OverflowError:
        return None


def item_of(values: Sequence[Any]) -> NotificationRead:
    """A notification item from the columns of ``repository.ITEM_COLUMNS``, in order."""
    row = dict(zip(ITEM_FIELDS, values, strict=False))
    job = None
    if row["job_id"] is not None:
        job = JobSummary(id=row["job_id"], status=row["job_status"] or "pending", result=row["job_result"],
                         error=row["job_error"])
    return NotificationRead(
        id=row["id"], kind=row["kind"], title=row["title"], body=row["body"], link=row["link"],
        action=row["action"], job=job, read=row["read_at"] is not None, read_at=row["read_at"],
        created_at=row["created_at"],
    )


def notification_message(item: NotificationRead, changed_at: datetime) -> dict[str, Any]:
    return {"event": "notification", "id": event_id(changed_at), "data": item.model_dump(mode="json")}


def read_all_message(read_at: datetime) -> dict[str, Any]:
    return {"event": "read_all", "id": event_id(read_at), "data": {"read_at": read_at.isoformat()}}


def job_message(job_id: uuid.UUID, status: str, progress: int) -> dict[str, Any]:
    return {"event": "job", "id": None, "data": {"job_id": str(job_id), "status": status, "progress": progress}}
