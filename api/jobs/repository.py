"""Job queries."""

from __future__ import annotations

import uuid

from sqlalchemy import Select

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.jobs.models import BackgroundJob
from api.jobs.schemas import JobFilters

NEWEST_FIRST = Sort("-created_at", (SortKey(BackgroundJob.created_at, True), SortKey(BackgroundJob.id, True)))


class JobRepository(TenantRepository[BackgroundJob]):
    model = BackgroundJob
    entity = "background_job"

    def of_user(self, user_id: uuid.UUID, filters: JobFilters) -> Select:
        stmt = self.select().where(BackgroundJob.created_by == user_id)
        if filters.status:
            stmt = stmt.where(BackgroundJob.status == filters.status)
        if filters.kind:
            stmt = stmt.where(BackgroundJob.kind == filters.kind)
        return stmt
