"""Location queries. Every statement starts from ``self.select()`` (tenant-scoped)."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, or_

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.core.search import folded_contains
from api.locations.models import Location
from api.locations.schemas import LocationSearch

SORTS: dict[str, Sort] = {
    "name": Sort("name", (SortKey(func.lower(Location.name)), SortKey(Location.id))),
    "-name": Sort("-name", (SortKey(func.lower(Location.name), True), SortKey(Location.id, True))),
    "created_at": Sort("created_at", (SortKey(Location.created_at), SortKey(Location.id))),
    "-created_at": Sort("-created_at", (SortKey(Location.created_at, True), SortKey(Location.id, True))),
}


class LocationRepository(TenantRepository[Location]):
    model = Location
    entity = "location"

    def filtered(self, filters: LocationSearch) -> Select:
        stmt = self.select()
        if filters.q:
            stmt = stmt.where(folded_contains(Location.name, filters.q))
        if filters.city:
            stmt = stmt.where(func.lower(Location.city) == filters.city.lower())
        return stmt

    async def matching(self, ids: list[uuid.UUID], names: list[str]) -> list[Location]:
        """Locations with any of these ids or (case-insensitive) names: one query per import batch."""
        if not ids and not names:
            return []
        stmt = self.select().where(or_(Location.id.in_(ids), func.lower(Location.name).in_([n.lower() for n in names])))
        return list((await self.session.execute(stmt)).scalars())

    async def by_name(self, name: str) -> Location | None:
        stmt = self.select().where(func.lower(Location.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()
