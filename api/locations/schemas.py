"""Location bodies: create, partial update, read, and the list's filters."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, model_validator

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, Name, ReadModel, SearchTerm, Str100, Str200

Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
PostalCode = Annotated[str, Field(max_length=20)]

LocationSort = Literal["name", "-name", "created_at", "-created_at"]


class LocationFields(InputModel):
    street: Str200 | None = None
    city: Str100 | None = None
    state: Str100 | None = None
    country: Str100 | None = None
    postal_code: PostalCode | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class LocationCreate(LocationFields):
    name: Name

    @model_validator(mode="after")
    def _coordinates_come_in_pairs(self) -> LocationCreate:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together: give both or neither")
        return self


class LocationUpdate(LocationFields):
    """Only the fields sent are changed; ``null`` clears an optional field."""

    name: Name | None = None


class LocationRead(ReadModel):
    id: uuid.UUID
    name: str
    street: str | None
    city: str | None
    state: str | None
    country: str | None
    postal_code: str | None
    latitude: float | None
    longitude: float | None
    created_at: datetime
    updated_at: datetime


class LocationFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name; accents and case ignored")
    city: Str100 | None = Field(default=None, description="Exact city, case ignored")
    sort: LocationSort = "name"
