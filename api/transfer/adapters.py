"""What an entity provides to be imported and exported (implemented in its own domain)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from pydantic import BaseModel

from api.core.context import TenantContext
from api.transfer.columns import Column

Mode = Literal["create", "update", "upsert"]
Outcome = Literal["created", "updated", "unchanged", "failed"]


@dataclass
class ImportRow:
    number: int  # the row's number in the sheet (the header is row 1)
    values: dict[str, Any]  # parsed cell values by column key (only the columns in the file)


@dataclass
class RowResult:
    number: int
    outcome: Outcome
    errors: dict[str, dict[str, str]] = field(default_factory=dict)  # {column: {es, en, pt}}


def row_error(number: int, column: str, es: str, en: str, pt: str) -> RowResult:
    return RowResult(number=number, outcome="failed", errors={column: {"es": es, "en": en, "pt": pt}})


class TransferAdapter(Protocol):
    entity: str  # the `entity` value in the API ("contacts", "users", "locations")
    read_permission: str  # needed (with transfer:export) to export
    write_permission: str  # needed (with transfer:import) to import
    id_column: str  # the column that identifies a record for updates
    filter_model: type[BaseModel]  # the list's filters, accepted in export requests

    # Every method gets a TenantContext acting as the user who started the job, with that
    # user's current permissions, so adapters can call their domain's services and rules.

    async def columns(self, ctx: TenantContext, *, relations: bool) -> list[Column]:
        """Every column, custom fields included; relation columns only when ``relations``."""
        ...

    async def check_filter(self, ctx: TenantContext, filters: BaseModel) -> None:
        """Refuse, when the export is requested, filters the model alone cannot judge (unknown
        custom fields, another workspace's group …) with a 422/404 located under body.filter."""
        ...

    async def count(self, ctx: TenantContext, filters: BaseModel) -> int:
        """How many records an export of ``filters`` will hold (for progress)."""
        ...

    def export_batches(self, ctx: TenantContext, filters: BaseModel, *, relations: bool,
                       batch_size: int) -> AsyncIterator[list[dict[str, Any]]]:
        """The matching records as dicts keyed by column key, in batches, in a stable order."""
        ...

    async def apply(self, ctx: TenantContext, rows: list[ImportRow], mode: Mode) -> list[RowResult]:
        """Apply parsed rows (one result per row). A row and its relations are applied together
        or not at all: rows that break a rule come back ``failed`` and change nothing. Called
        inside a transaction; an exception makes the pipeline retry the rows one by one."""
        ...
