"""Reading the audit log."""

from __future__ import annotations

from api.audit.repository import NEWEST_FIRST, AuditRepository
from api.audit.schemas import AuditEventFilters, AuditEventRead
from api.core.context import TenantContext
from api.core.schemas import Page


async def list_events(ctx: TenantContext, filters: AuditEventFilters) -> Page[AuditEventRead]:
    repo = AuditRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters), NEWEST_FIRST, filters.page)
    return Page(items=[AuditEventRead.model_validate(e) for e in items], next_cursor=cursor)
