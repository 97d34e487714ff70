"""A user's integration tokens (their own, or anyone's with tokens:manage)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from api.core.schemas import Page
from api.identity import tokens
from api.identity.auth import Authenticated, Interactive
from api.identity.schemas import (
    IntegrationTokenCreate,
    IntegrationTokenCreated,
    IntegrationTokenFilters,
    IntegrationTokenRead,
)

router = APIRouter(prefix="/users/{user_id}/tokens", tags=["identity"])


@router.get("", response_model=Page[IntegrationTokenRead], summary="List a user's integration tokens")
async def list_tokens(ctx: Authenticated, user_id: uuid.UUID,
                      filters: Annotated[IntegrationTokenFilters, Query()]) -> Page[IntegrationTokenRead]:
    return await tokens.list_tokens(ctx, user_id, filters)


@router.post("", response_model=IntegrationTokenCreated, status_code=status.HTTP_201_CREATED,
             summary="Create an integration token (the secret is in this answer only)")
async def create_token(ctx: Interactive, user_id: uuid.UUID, body: IntegrationTokenCreate) -> IntegrationTokenCreated:
    return await tokens.create_token(ctx, user_id, body)


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke an integration token")
async def revoke_token(ctx: Authenticated, user_id: uuid.UUID, token_id: uuid.UUID) -> None:
    await tokens.revoke_token(ctx, user_id, token_id)
