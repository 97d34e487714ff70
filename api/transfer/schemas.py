"""Transfer bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from fastapi import UploadFile
from pydantic import BaseModel, ConfigDict, Field

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel

Entity = Literal["locations", "contacts", "users"]  # grows as domains register adapters (api/transfer/registry.py)
ExportKind = Literal["with_data", "with_data_no_relations"]
ImportMode = Literal["create", "update", "upsert"]


class ExportRequest(InputModel):
    entity: Entity
    kind: ExportKind = "with_data"
    filter: dict[str, Any] = Field(default_factory=dict, max_length=50,
                                   description="The same filters as the entity's list (without paging)")


class ImportForm(BaseModel):
    """The multipart form of an import; unknown form fields are refused."""

    model_config = ConfigDict(extra="forbid")

    file: UploadFile = Field(description="An .xlsx (first sheet) or .csv whose header row holds field keys")
    entity: Entity
    mode: ImportMode = "upsert"
    dry_run: bool = False


class ImportAccepted(ReadModel):
    id: uuid.UUID
    job_id: uuid.UUID
    status: Literal["pending"] = "pending"


class ImportRead(ReadModel):
    id: uuid.UUID
    entity: str
    mode: ImportMode
    dry_run: bool
    status: Literal["pending", "running", "completed", "failed"]
    file_name: str
    total_rows: int | None
    rows_read: int
    created: int
    updated: int
    unchanged: int
    failed: int
    report: dict[str, Any] | None = Field(description="Why a file was refused as a whole (e.g. header problems)")
    errors_url: str | None = Field(description="The workbook of failed rows, when there are any")
    job_id: uuid.UUID | None
    created_at: datetime
    finished_at: datetime | None


class ImportFilters(ListQuery):
    entity: Entity | None = None
    status: Literal["pending", "running", "completed", "failed"] | None = None
