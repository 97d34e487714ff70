"""Audit event bodies and filters."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import Field, field_validator

from api.core.pagination import ListQuery
from api.core.schemas import ReadModel, Str40, Timestamp


class AuditEventRead(ReadModel):
    id: uuid.UUID
    occurred_at: datetime
    actor_type: Literal["user", "token", "system"]
    actor_user_id: uuid.UUID | None
    actor_token_id: uuid.UUID | None
    action: str
    entity_type: str
    entity_id: uuid.UUID
    changes: dict[str, Any] = Field(description='{field: {"old": …, "new": …}} or {field: {"redacted": true}}')
    request_id: str | None
    ip: str | None

    @field_validator("ip", mode="before")
    @classmethod
    def _ip_as_text(cls, value: Any) -> str | None:
        return None if value is None else str(value)


class AuditEventFilters(ListQuery):
    entity_type: Str40 | None = None
    entity_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = Field(default=None, description="The acting user (directly or by token)")
    actor_type: Literal["user", "token", "system"] | None = None
    action: Str40 | None = None
    occurred_from: Timestamp | None = None
    occurred_to: Timestamp | None = None
