"""Import run queries."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, select

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.transfer.models import ImportRowError, ImportRun
from api.transfer.schemas import ImportFilters

NEWEST_FIRST = Sort("-created_at", (SortKey(ImportRun.created_at, True), SortKey(ImportRun.id, True)))


class ImportRepository(TenantRepository[ImportRun]):
    """Import runs and, below them, their failed rows."""

    model = ImportRun
    entity = "import_run"

    def filtered(self, filters: ImportFilters) -> Select:
        stmt = self.select()
        if filters.entity:
            stmt = stmt.where(ImportRun.entity == filters.entity)
        if filters.status:
            stmt = stmt.where(ImportRun.status == filters.status)
        return stmt

    async def failures(self, import_id: uuid.UUID) -> list[tuple[int, list[Any], dict[str, Any]]]:
        stmt = (select(ImportRowError.row_number, ImportRowError.cells, ImportRowError.errors)
                .where(ImportRowError.tenant_id == self.tenant_id, ImportRowError.import_id == import_id)
                .order_by(ImportRowError.row_number))
        return [tuple(row) for row in (await self.session.execute(stmt)).all()]  # type: ignore[misc]
