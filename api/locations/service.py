"""Location rules. Services never commit: the request's unit of work does."""

from __future__ import annotations

import uuid

from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, ValidationFailed, field_error
from api.core.schemas import Page
from api.locations import errors as _errors  # noqa: F401 - registers messages
from api.locations.models import Location
from api.locations.repository import SORTS, LocationRepository
from api.locations.schemas import LocationCreate, LocationFilters, LocationRead, LocationUpdate


def _name_taken(name: str) -> Conflict:
    return Conflict("location_name_taken", params={"name": name})


async def list_locations(ctx: TenantContext, filters: LocationFilters) -> Page[LocationRead]:
    repo = LocationRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters), SORTS[filters.sort], filters.page)
    return Page(items=[LocationRead.model_validate(i) for i in items], next_cursor=cursor)


async def get_location(ctx: TenantContext, location_id: uuid.UUID) -> Location:
    return await LocationRepository(ctx).get(location_id)


async def locations_by_id(ctx: TenantContext, location_ids: set[uuid.UUID]) -> dict[uuid.UUID, Location]:
    """The workspace's locations among these ids (unknown or foreign ids are simply absent): one
    query for a whole import batch of another domain."""
    return {location.id: location for location in await LocationRepository(ctx).matching(list(location_ids), [])}


async def create_location(ctx: TenantContext, body: LocationCreate) -> Location:
    repo = LocationRepository(ctx)
    if await repo.by_name(body.name):
        raise _name_taken(body.name)
    location = Location(tenant_id=ctx.tenant_id, **body.model_dump())
    ctx.session.add(location)
    await flush_checked(ctx.session, {"uq_location_tenant_name": _name_taken(body.name)})
    return location


async def update_location(ctx: TenantContext, location_id: uuid.UUID, body: LocationUpdate) -> Location:
    repo = LocationRepository(ctx)
    location = await repo.get(location_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    if "name" in changes:
        if changes["name"] is None:
            raise ValidationFailed([field_error(("body", "name"), "missing", "El nombre es obligatorio",
                                                "The name is required", "O nome é obrigatório")])
        other = await repo.by_name(changes["name"])
        if other is not None and other.id != location.id:
            raise _name_taken(changes["name"])
    latitude = changes.get("latitude", location.latitude)
    longitude = changes.get("longitude", location.longitude)
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        raise ValidationFailed(
            [field_error(("body", missing), "coordinates_incomplete",
                         "La latitud y la longitud van juntas", "Latitude and longitude go together",
                         "Latitude e longitude andam juntas")],
            code="coordinates_incomplete",
        )
    for field, value in changes.items():
        setattr(location, field, value)
    await flush_checked(ctx.session, {"uq_location_tenant_name": _name_taken(location.name)})
    return location


async def delete_location(ctx: TenantContext, location_id: uuid.UUID) -> None:
    repo = LocationRepository(ctx)
    await repo.delete(await repo.get(location_id, for_update=True))
