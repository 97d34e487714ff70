"""Custom field bodies: definitions, and the shape a record's values take in JSON."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictFloat, StrictInt, StringConstraints, model_validator

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel

Entity = Literal["contact", "user"]
FieldType = Literal["text", "number", "date", "boolean", "select", "multiselect"]
FieldKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$", max_length=40)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Option = Annotated[str, StringConstraints(min_length=1, max_length=100)]

MAX_FIELDS_PER_ENTITY = 100
MAX_OPTIONS = 100
MAX_TEXT_LENGTH = 1000

# A value as it travels in a record's ``custom_fields`` object; its definition decides which
# of these it must be (a date is an ISO ``YYYY-MM-DD`` string).
CustomFieldValue = (
    StrictBool | StrictInt | StrictFloat | Annotated[str, StringConstraints(max_length=MAX_TEXT_LENGTH)]
    | Annotated[list[Option], Field(max_length=MAX_OPTIONS)] | None
)
CustomFieldValues = Annotated[
    dict[FieldKey, CustomFieldValue],
    Field(max_length=MAX_FIELDS_PER_ENTITY,
          description="Additional fields by key; validated against the workspace's definitions"),
]


class Labels(InputModel):
    es: Label
    en: Label
    pt: Label


class _Options(InputModel):
    @model_validator(mode="after")
    def _options_are_distinct(self):
        options = getattr(self, "options", None)
        if options and len(set(options)) != len(options):
            raise ValueError("options must be distinct")
        return self


class CustomFieldCreate(_Options):
    entity: Entity
    key: FieldKey = Field(description="Stable identifier used in values and filters (cf.<key>); immutable")
    type: FieldType = Field(description="Immutable once created")
    labels: Labels
    required: bool = False
    options: Annotated[list[Option], Field(max_length=MAX_OPTIONS)] = Field(
        default_factory=list, description="Allowed values of select and multiselect fields")
    order: int = Field(default=0, ge=0, le=10_000, description="Position in forms and exports")

    @model_validator(mode="after")
    def _options_match_the_type(self) -> CustomFieldCreate:
        if self.type in ("select", "multiselect") and not self.options:
            raise ValueError("select and multiselect fields need at least one option")
        if self.type not in ("select", "multiselect") and self.options:
            raise ValueError("only select and multiselect fields take options")
        return self


class CustomFieldUpdate(_Options):
    """Labels, requiredness, options and order may change; key and type may not."""

    labels: Labels | None = None
    required: bool | None = None
    options: Annotated[list[Option], Field(min_length=1, max_length=MAX_OPTIONS)] | None = None
    order: int | None = Field(default=None, ge=0, le=10_000)


class CustomFieldRead(ReadModel):
    id: uuid.UUID
    entity: Entity
    key: str
    type: FieldType
    labels: dict[str, str]
    required: bool
    options: list[str]
    order: int = Field(validation_alias="position")
    created_at: datetime
    updated_at: datetime


class CustomFieldFilters(ListQuery):
    entity: Entity = Field(description="Whose fields: contacts' or staff users'")
