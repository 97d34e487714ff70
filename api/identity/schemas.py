"""Request and response bodies of identity."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, StringConstraints

from api.core.schemas import InputModel, ReadModel

WorkspaceSlug = Annotated[str, StringConstraints(min_length=2, max_length=40, to_lower=True)]
Password = Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=False)]
Culture = Literal["es", "en", "pt"]


class LoginRequest(InputModel):
    workspace: WorkspaceSlug = Field(description="The workspace's slug")
    email: Annotated[str, StringConstraints(min_length=3, max_length=254)]
    password: Password


class TokenPair(ReadModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires")


class RoleRef(ReadModel):
    id: uuid.UUID
    key: str
    name: str


class MeRead(ReadModel):
    id: uuid.UUID
    tenant_id: uuid.UUID
    workspace: str
    email: EmailStr | str
    first_name: str
    last_name: str
    culture: Culture
    timezone: str | None
    phone: str | None
    status: str
    is_specialist: bool
    roles: list[RoleRef]
    permissions: list[str]
    created_at: datetime
