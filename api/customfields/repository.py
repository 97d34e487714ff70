"""Custom field queries."""

from __future__ import annotations

from sqlalchemy import Select, func

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.customfields.models import CustomField

BY_POSITION = Sort("order", (SortKey(CustomField.position), SortKey(CustomField.id)))


class CustomFieldRepository(TenantRepository[CustomField]):
    model = CustomField
    entity = "custom_field"

    def of_entity(self, entity: str) -> Select:
        return self.select().where(CustomField.entity == entity)

    async def definitions(self, entity: str) -> list[CustomField]:
        stmt = self.of_entity(entity).order_by(*BY_POSITION.order_by())
        return list((await self.session.execute(stmt)).scalars())

    async def by_key(self, entity: str, key: str) -> CustomField | None:
        stmt = self.of_entity(entity).where(CustomField.key == key)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def count(self, entity: str) -> int:
        stmt = self.select(func.count()).select_from(CustomField).where(CustomField.entity == entity)
        return (await self.session.execute(stmt)).scalar_one()
