"""Service catalogue bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated

from pydantic import Field, WithJsonSchema, field_serializer

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel, SearchTerm

ServiceName = Annotated[str, Field(min_length=1, max_length=200)]
Price = Annotated[
    Decimal, Field(ge=0, max_digits=12, decimal_places=2, description="Decimal, e.g. \"45.00\""),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0},
                              {"type": "string", "pattern": r"^\d{1,10}(\.\d{1,2})?$", "maxLength": 13}]}),
]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", max_length=3, description="ISO 4217")]
Minutes = Annotated[int, Field(ge=1, le=1440, description="Duration in minutes")]
Description = Annotated[str, Field(max_length=1000)]


class ServiceCreate(InputModel):
    name: ServiceName
    description: Description | None = None
    price: Price
    currency: Currency
    duration_minutes: Minutes
    active: bool = True


class ServiceUpdate(InputModel):
    name: ServiceName | None = None
    description: Description | None = None
    price: Price | None = None
    currency: Currency | None = None
    duration_minutes: Minutes | None = None
    active: bool | None = None


class ServiceRead(ReadModel):
    id: uuid.UUID
    name: str
    description: str | None
    price: Decimal
    currency: str
    duration_minutes: int
    active: bool
    created_at: datetime
    updated_at: datetime

    @field_serializer("price")
    def _money(self, price: Decimal) -> str:
        return f"{price:.2f}"


class ServiceFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name; accents and case ignored")
    active: bool | None = None


class ContactServiceRead(ServiceRead):
    added_at: datetime
