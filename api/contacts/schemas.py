"""Contact bodies: create, partial update, read, list rows, filters, metrics, bulk, timeline."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, EmailStr, Field, model_validator

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel, SearchTerm, Str40, Str100, Str200, Timestamp
from api.customfields.schemas import CustomFieldValues

Kind = Literal["customer", "lead"]
Status = Literal["active", "inactive"]
Gender = Literal["female", "male", "non_binary", "other", "undisclosed"]
Culture = Literal["es", "en", "pt"]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]
FirstName = Annotated[str, Field(min_length=1, max_length=100)]
Color = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$", max_length=7)]
ContactSort = Literal["name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"]
BULK_MAX_IDS = 1000


def _birth_date_is_plausible(value: date | None) -> date | None:
    if value is not None and not date(1900, 1, 1) <= value <= date.today():
        raise ValueError("the birth date must be between 1900-01-01 and today")
    return value


class ContactFields(InputModel):
    """The profile fields a create or an update may set (``null`` clears an optional one)."""

    status: Status | None = None
    first_name: FirstName | None = None
    last_name: Str100 | None = None
    email: EmailStr | None = Field(default=None, description="Unique among the workspace's live contacts")
    phone: Str40 | None = Field(default=None, description="Any common format; stored as E.164 using the "
                                "workspace's default region for national numbers")
    document_id: Str40 | None = None
    birth_date: date | None = None
    gender: Gender | None = None
    culture: Culture | None = None
    origin: Str100 | None = Field(default=None, description="Lead source, e.g. web, WhatsApp, referral")
    center: Str100 | None = None
    owner_id: uuid.UUID | None = Field(default=None, description="The assigned advisor (a staff user)")
    location_id: uuid.UUID | None = Field(default=None, description="Copies the location's address and "
                                          "coordinates (fields sent in the same body win); editable afterwards")
    street: Str200 | None = None
    city: Str100 | None = None
    state: Str100 | None = None
    country: Str100 | None = None
    postal_code: Annotated[str, Field(max_length=20)] | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    custom_fields: CustomFieldValues | None = None

    @model_validator(mode="after")
    def _plausible(self) -> ContactFields:
        _birth_date_is_plausible(self.birth_date)
        return self


class ContactCreate(ContactFields):
    kind: Kind
    first_name: FirstName  # type: ignore[assignment]


class ContactUpdate(ContactFields):
    """Only the fields sent change. ``custom_fields`` is merged key by key (``null`` clears one).
    The kind changes only through ``POST /contacts/{id}/convert``."""


class Money(ReadModel):
    amount: str = Field(description="Decimal string, e.g. \"1250.00\"")
    currency: str = Field(description="ISO 4217 code")


class ContactWarning(ReadModel):
    code: Literal["phone_duplicate"]
    message: str
    existing_ids: list[uuid.UUID]


class ContactListItem(ReadModel):
    """One row of the list: what the list shows, nothing more (lean on purpose)."""

    id: uuid.UUID
    kind: Kind
    status: Status
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    city: str | None
    owner_id: uuid.UUID | None
    review_count: int
    average_rating: float | None
    sales: list[Money]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


class ContactRead(ContactListItem):
    """The whole record: the row's fields and the rest of the profile."""

    document_id: str | None
    birth_date: date | None
    gender: Gender | None
    culture: Culture
    origin: str | None
    center: str | None
    has_photo: bool
    location_id: uuid.UUID | None
    street: str | None
    state: str | None
    country: str | None
    postal_code: str | None
    latitude: float | None
    longitude: float | None
    custom_fields: dict[str, Any]
    group_ids: list[uuid.UUID]
    converted_at: datetime | None
    warnings: list[ContactWarning] = Field(default_factory=list,
                                           description="Non-blocking findings of this write, e.g. a shared phone")


class ContactCriteria(InputModel):
    """Which contacts: the list's filters, also used by metrics and bulk actions.

    Additional fields filter as ``cf.<key>=<value>`` (exact value; a multiselect matches when its
    list includes the value). Any other unknown parameter is refused.
    """

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    q: SearchTerm | None = Field(default=None, description="Words of the name, email, phone, document or "
                                 "companies — prefixes, parts and small typos too; accents and case ignored "
                                 "(\"Peres\" finds \"Pérez\")")
    kind: Kind | None = None
    status: Status | None = None
    group_id: uuid.UUID | None = None
    company_id: uuid.UUID | None = None
    project_id: uuid.UUID | None = None
    city: Str100 | None = Field(default=None, description="Exact city, case ignored")
    owner_id: uuid.UUID | None = None
    created_from: Timestamp | None = None
    created_to: Timestamp | None = None
    trashed: bool = Field(default=False, description="true: the trash instead of the live contacts")


class ContactFilters(ContactCriteria, ListQuery):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    sort: ContactSort = Field(default="-created_at", description="Newest first by default: the order a search "
                              "at a million contacts stays fast in (docs/performance.md)")


class ContactMetrics(ReadModel):
    total_clients: int = Field(description="Contacts matching the filters")
    total_reviews: int
    average_rating: float | None = Field(description="Mean rating of their reviews (1–5), null without reviews")
    total_sales: list[Money] = Field(description="Accumulated sales, one entry per currency")


BulkAction = Literal["activate", "deactivate", "trash", "restore", "purge", "add_to_group", "remove_from_group",
                     "assign_owner", "associate_project"]
_ACTION_TARGETS = {"add_to_group": "group_id", "remove_from_group": "group_id", "assign_owner": "owner_id",
                   "associate_project": "project_id"}


class BulkRequest(InputModel):
    action: BulkAction
    ids: Annotated[list[uuid.UUID], Field(min_length=1, max_length=BULK_MAX_IDS)] | None = None
    filter: ContactCriteria | None = Field(default=None, description="The list's filters; over 1,000 matches "
                                           "the action runs in the background (202)")
    group_id: uuid.UUID | None = None
    owner_id: uuid.UUID | None = Field(default=None, description="assign_owner: the advisor, or null to unassign")
    project_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _one_selection_and_its_target(self) -> BulkRequest:
        if (self.ids is None) == (self.filter is None):
            raise ValueError("give either ids or filter")
        target = _ACTION_TARGETS.get(self.action)
        if target and target not in self.model_fields_set:
            raise ValueError(f"{self.action} needs {target}")
        if target and target != "owner_id" and getattr(self, target) is None:
            raise ValueError(f"{self.action} needs {target}")
        return self


class BulkResult(ReadModel):
    action: BulkAction
    matched: int = Field(description="Contacts selected")
    changed: int = Field(description="Contacts the action changed (the others already were so)")
    skipped: int = Field(default=0, description="Contacts left out, e.g. restoring onto a taken email")


class TimelineItem(ReadModel):
    kind: Literal["event", "comment", "note"]
    id: uuid.UUID
    occurred_at: datetime
    actor_user_id: uuid.UUID | None
    action: str | None = Field(description="event: what happened (create, update, trash, review_added …)")
    changes: dict[str, Any] | None = Field(description="event: changed fields, {field: {old, new}}")
    body: str | None = Field(description="comment or note: its text")
    private: bool | None = None
    priority: str | None = None
    category: str | None = None


class SaleRead(ReadModel):
    id: uuid.UUID
    amount: str
    currency: str
    source_kind: str
    source_id: uuid.UUID
    occurred_at: datetime


class GroupCreate(InputModel):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    description: Annotated[str, Field(max_length=500)] | None = None
    color: Color | None = None


class GroupUpdate(InputModel):
    name: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    description: Annotated[str, Field(max_length=500)] | None = None
    color: Color | None = None


class GroupRead(ReadModel):
    id: uuid.UUID
    name: str
    description: str | None
    color: str | None
    created_at: datetime
    updated_at: datetime


class GroupFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name; accents and case ignored")
