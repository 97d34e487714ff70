"""Notification bodies: the center's items and filters, broadcasts, and the mail log."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, Page, ReadModel, Str40, Timestamp

NotificationKind = Literal["system", "info", "personal", "job"]
BroadcastKind = Literal["system", "info"]
JobStatus = Literal["pending", "running", "completed", "failed"]
BroadcastStatus = Literal["scheduled", "sent", "cancelled"]
MailStatus = Literal["queued", "sent", "failed"]

# A link is a path inside the console ("/contacts/…") or an https URL: never javascript:, data:,
# nor "//host" or "/\\host" (which browsers read as another site).
SAFE_LINK = r"^(/([^/\\\s][^\s\\]*)?|https://[^\s/\\]+(/[^\s\\]*)?)$"

Title = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Body = Annotated[str, StringConstraints(max_length=2000)]
Link = Annotated[str, StringConstraints(max_length=2000, pattern=SAFE_LINK)]


class JobSummary(ReadModel):
    id: uuid.UUID
    status: JobStatus
    result: dict[str, Any] | None = Field(description="The job's result once completed (e.g. a download URL)")
    error: str | None


class NotificationRead(ReadModel):
    id: uuid.UUID
    kind: NotificationKind
    title: str
    body: str
    link: str | None
    action: str | None = Field(description="A short label for the link, e.g. “Descargar”")
    job: JobSummary | None = Field(description="Job notifications: the job's state (pending → completed/failed)")
    read: bool
    read_at: datetime | None
    created_at: datetime


class NotificationPage(Page[NotificationRead]):
    unread_count: int = Field(description="The user's unread notifications (all kinds, ignoring the filters)")


class NotificationFilters(ListQuery):
    kind: NotificationKind | None = None
    read: bool | None = Field(default=None, description="true: only read ones; false: only unread ones")
    created_from: Timestamp | None = Field(default=None, description="Created at or after")
    created_to: Timestamp | None = Field(default=None, description="Created before")


class ReadAllResult(ReadModel):
    marked_read: int = Field(description="How many notifications were unread and are now read")


class BroadcastCreate(InputModel):
    kind: BroadcastKind = "info"
    title: Title
    body: Body = ""
    link: Link | None = None
    action: Str40 | None = None
    audience: Literal["everyone", "roles"] = "everyone"
    role_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50,
                                      description="The roles whose members receive it (audience `roles`)")
    send_at: Timestamp | None = Field(default=None, description="When to send it (within a year); now when omitted")


class BroadcastRead(ReadModel):
    id: uuid.UUID
    kind: BroadcastKind
    title: str
    body: str
    link: str | None
    action: str | None
    audience: Literal["everyone", "roles"]
    role_ids: list[uuid.UUID]
    send_at: datetime
    status: BroadcastStatus
    sent_at: datetime | None
    recipient_count: int
    created_by: uuid.UUID | None
    created_at: datetime


class BroadcastFilters(ListQuery):
    status: BroadcastStatus | None = None


class MailLogRead(ReadModel):
    """One email's log entry. Bodies are never returned (they can hold one-time links)."""

    id: uuid.UUID
    kind: str
    to_address: str
    subject: str
    status: MailStatus
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    sent_at: datetime | None
    created_at: datetime
    updated_at: datetime


class MailLogFilters(ListQuery):
    status: MailStatus | None = None
    kind: Str40 | None = Field(default=None, description="e.g. invitation, password_reset")
    recipient: Annotated[str, StringConstraints(max_length=254)] | None = Field(
        default=None, description="The recipient's address (case ignored)")
    created_from: Timestamp | None = Field(default=None, description="Queued at or after")
    created_to: Timestamp | None = Field(default=None, description="Queued before")
