"""Location queries. Every statement starts from ``self.select()`` (tenant-scoped)."""

from __future__ import annotations

from sqlalchemy import Select, func

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.core.search import folded_contains
from api.locations.models import Location
from api.locations.schemas import LocationFilters

SORTS: dict[str, Sort] = {
    "name": Sort("name", (SortKey(func.lower(Location.name)), SortKey(Location.id))),
    "-name": Sort("-name", (SortKey(func.lower(Location.name), True), SortKey(Location.id, True))),
    "created_at": Sort("created_at", (SortKey(Location.created_at), SortKey(Location.id))),
    "-created_at": Sort("-created_at", (SortKey(Location.created_at, True), SortKey(Location.id, True))),
}


class LocationRepository(TenantRepository[Location]):
    model = Location
    entity = "location"

    def filtered(self, filters: LocationFilters) -> Select:
        stmt = self.select()
        if filters.q:
            stmt = stmt.where(folded_contains(Location.name, filters.q))
        if filters.city:
            stmt = stmt.where(func.lower(Location.city) == filters.city.lower())
        return stmt

    async def by_name(self, name: str) -> Location | None:
        stmt = self.select().where(func.lower(Location.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()
