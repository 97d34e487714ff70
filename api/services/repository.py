"""Service catalogue queries."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.core.search import folded_contains
from api.services.models import ContactService, Service

BY_NAME = Sort("name", (SortKey(func.lower(Service.name)), SortKey(Service.id)))


class ServiceRepository(TenantRepository[Service]):
    model = Service
    entity = "service"

    def filtered(self, q: str | None, active: bool | None) -> Select:
        stmt = self.select()
        if q:
            stmt = stmt.where(folded_contains(Service.name, q))
        if active is not None:
            stmt = stmt.where(Service.active.is_(active))
        return stmt

    async def by_name(self, name: str) -> Service | None:
        stmt = self.select().where(func.lower(Service.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    def of_contact(self, contact_id: uuid.UUID) -> Select:
        return (self.select(Service, ContactService.added_at)
                .join(ContactService, (ContactService.tenant_id == Service.tenant_id)
                      & (ContactService.service_id == Service.id))
                .where(ContactService.contact_id == contact_id))
