"""Company and project bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel, SearchTerm, Str40, Str200

CompanyName = Annotated[str, Field(min_length=1, max_length=200)]
Description = Annotated[str, Field(max_length=1000)]
ContactIds = Annotated[list[uuid.UUID], Field(min_length=1, max_length=1000)]
UserIds = Annotated[list[uuid.UUID], Field(min_length=1, max_length=1000)]


class CompanyCreate(InputModel):
    name: CompanyName
    tax_id: Str40 | None = None
    email: EmailStr | None = None
    phone: Str40 | None = Field(default=None,
                                description="Stored as E.164 (the workspace's region for national numbers)")
    website: Str200 | None = None
    description: Description | None = None


class CompanyUpdate(InputModel):
    name: CompanyName | None = None
    tax_id: Str40 | None = None
    email: EmailStr | None = None
    phone: Str40 | None = None
    website: Str200 | None = None
    description: Description | None = None


class CompanyRead(ReadModel):
    id: uuid.UUID
    name: str
    tax_id: str | None
    email: str | None
    phone: str | None
    website: str | None
    description: str | None
    created_at: datetime
    updated_at: datetime


class CompanyFilters(ListQuery):
    q: SearchTerm | None = Field(default=None, description="Part of the name; accents and case ignored")
    contact_id: uuid.UUID | None = Field(default=None, description="Only the companies of this contact")


class MemberPut(InputModel):
    is_admin: bool = Field(default=False, description="true makes this member the company's one administrator "
                           "(the previous one stays a member)")


class MemberRead(ReadModel):
    contact_id: uuid.UUID
    first_name: str
    last_name: str
    email: str | None
    is_admin: bool
    joined_at: datetime


class ProjectCreate(InputModel):
    name: CompanyName
    description: Description | None = None
    active: bool = True


class ProjectUpdate(InputModel):
    name: CompanyName | None = None
    description: Description | None = None
    active: bool | None = None


class ProjectRead(ReadModel):
    id: uuid.UUID
    name: str
    description: str | None
    active: bool
    created_at: datetime
    updated_at: datetime


class ProjectFilters(ListQuery):
    q: SearchTerm | None = None
    active: bool | None = None
    contact_id: uuid.UUID | None = Field(default=None, description="Only the projects of this contact")
    user_id: uuid.UUID | None = Field(default=None, description="Only the projects of this staff user")


class ContactAssociation(InputModel):
    contact_ids: ContactIds


class UserAssociation(InputModel):
    user_ids: UserIds


class AssociationResult(ReadModel):
    changed: int = Field(description="Associations created or removed (the others already were so)")


class ProjectUserRead(ReadModel):
    user_id: uuid.UUID
    added_at: datetime
