"""Audit queries, newest first."""

from __future__ import annotations

from sqlalchemy import Select

from api.audit.schemas import AuditEventFilters
from api.core.audit import AuditEvent
from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository

NEWEST_FIRST = Sort("-occurred_at", (SortKey(AuditEvent.occurred_at, True), SortKey(AuditEvent.id, True)))


class AuditRepository(TenantRepository[AuditEvent]):
    model = AuditEvent
    entity = "audit_event"

    def filtered(self, filters: AuditEventFilters) -> Select:
        stmt = self.select()
        if filters.entity_type:
            stmt = stmt.where(AuditEvent.entity_type == filters.entity_type)
        if filters.entity_id:
            stmt = stmt.where(AuditEvent.entity_id == filters.entity_id)
        if filters.actor_id:
            stmt = stmt.where(AuditEvent.actor_user_id == filters.actor_id)
        if filters.actor_type:
            stmt = stmt.where(AuditEvent.actor_type == filters.actor_type)
        if filters.action:
            stmt = stmt.where(AuditEvent.action == filters.action)
        if filters.occurred_from:
            stmt = stmt.where(AuditEvent.occurred_at >= filters.occurred_from)
        if filters.occurred_to:
            stmt = stmt.where(AuditEvent.occurred_at < filters.occurred_to)
        return stmt
