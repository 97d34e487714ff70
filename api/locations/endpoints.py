"""Location routes: thin handlers that name their permission in the signature."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.schemas import Page
from api.locations import service
from api.locations.auth import LocationsRead, LocationsWrite
from api.locations.schemas import LocationCreate, LocationFilters, LocationRead, LocationUpdate

router = APIRouter(prefix="/locations", tags=["locations"])


@router.get("", response_model=Page[LocationRead], summary="List locations")
async def list_locations(ctx: LocationsRead, filters: Annotated[LocationFilters, Query()]) -> Page[LocationRead]:
    return await service.list_locations(ctx, filters)


@router.post("", response_model=LocationRead, status_code=status.HTTP_201_CREATED, summary="Create a location")
async def create_location(ctx: LocationsWrite, body: LocationCreate, response: Response) -> LocationRead:
    location = await service.create_location(ctx, body)
    response.headers["Location"] = f"/api/v1/locations/{location.id}"
    return LocationRead.model_validate(location)


@router.get("/{location_id}", response_model=LocationRead, summary="Read a location")
async def read_location(ctx: LocationsRead, location_id: uuid.UUID) -> LocationRead:
    return LocationRead.model_validate(await service.get_location(ctx, location_id))


@router.patch("/{location_id}", response_model=LocationRead, summary="Change a location")
async def update_location(ctx: LocationsWrite, location_id: uuid.UUID, body: LocationUpdate) -> LocationRead:
    return LocationRead.model_validate(await service.update_location(ctx, location_id, body))


@router.delete("/{location_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Delete a location")
async def delete_location(ctx: LocationsWrite, location_id: uuid.UUID) -> None:
    await service.delete_location(ctx, location_id)
