"""Integration tokens (PRODUCT A8; ASVS 11.5.1, 13.3.4, 10.4.9).

``fic_pat_`` + 256 random bits, shown once at creation, stored as SHA-256; listed with their
prefix, description, dates and last use; revocable; they expire (at most a year ahead).
A token acts as its user with the user's current permissions (see ``authentication.py``).

Users manage their own tokens; ``tokens:manage`` manages anyone's — but never a token for a
user holding permissions the manager lacks (a token would let them act beyond their rights).
Tokens cannot mint tokens (only a signed-in session can).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from api.core import security
from api.core.context import TenantContext
from api.core.errors import Conflict, NotFound, ValidationFailed, field_error
from api.core.schemas import Page
from api.identity.access import ensure_grantable, user_access
from api.identity.authentication import INTEGRATION_TOKEN_PREFIX, now
from api.identity.models import IntegrationToken, User
from api.identity.repository import NEWEST_TOKENS_FIRST, IntegrationTokenRepository, UserRepository
from api.identity.schemas import (
    IntegrationTokenCreate,
    IntegrationTokenCreated,
    IntegrationTokenFilters,
    IntegrationTokenRead,
)

MAX_ACTIVE_TOKENS = 50
MAX_LIFETIME = timedelta(days=366)
SHOWN_PREFIX = len(INTEGRATION_TOKEN_PREFIX) + 6


async def _owner(ctx: TenantContext, user_id: uuid.UUID) -> User:
    """The token owner: the caller, or (with ``tokens:manage``) any user of the workspace."""
    if user_id != ctx.user_id:
        ctx.require("tokens:manage")
    return await UserRepository(ctx).get(user_id)


async def list_tokens(ctx: TenantContext, user_id: uuid.UUID,
                      filters: IntegrationTokenFilters) -> Page[IntegrationTokenRead]:
    owner = await _owner(ctx, user_id)
    repo = IntegrationTokenRepository(ctx)
    items, cursor = await repo.page(repo.of(owner.id, filters.include_revoked), NEWEST_TOKENS_FIRST, filters.page)
    return Page(items=[IntegrationTokenRead.model_validate(t) for t in items], next_cursor=cursor)


async def create_token(ctx: TenantContext, user_id: uuid.UUID, body: IntegrationTokenCreate) -> IntegrationTokenCreated:
    owner = await _owner(ctx, user_id)
    await UserRepository(ctx).lock(owner.id)
    if owner.id != ctx.user_id:
        ensure_grantable(ctx, (await user_access(ctx.session, ctx.tenant_id, owner.id)).permissions)  # type: ignore[arg-type]
    moment = now()
    if not moment < body.expires_at <= moment + MAX_LIFETIME:
        raise ValidationFailed([field_error(
            ("body", "expires_at"), "expires_at_range", "Debe ser futura y como máximo dentro de un año",
            "Must be in the future and at most a year ahead", "Deve ser futura e no máximo daqui a um ano")])
    repo = IntegrationTokenRepository(ctx)
    if await repo.active_count(owner.id, moment) >= MAX_ACTIVE_TOKENS:
        raise Conflict("too_many_tokens", params={"max": MAX_ACTIVE_TOKENS})
    secret = security.new_secret(INTEGRATION_TOKEN_PREFIX)
    token = IntegrationToken(tenant_id=ctx.tenant_id, user_id=owner.id, description=body.description,
                             prefix=secret[:SHOWN_PREFIX], token_hash=security.hash_secret(secret),
                             created_by=ctx.user_id, created_at=moment, expires_at=body.expires_at)
    await repo.add(token)
    return IntegrationTokenCreated(**IntegrationTokenRead.model_validate(token).model_dump(), token=secret)


async def revoke_token(ctx: TenantContext, user_id: uuid.UUID, token_id: uuid.UUID) -> None:
    owner = await _owner(ctx, user_id)
    repo = IntegrationTokenRepository(ctx)
    token = await repo.get(token_id, for_update=True)
    if token.user_id != owner.id:
        raise NotFound("integration_token")  # the same answer as an unknown id
    if token.revoked_at is None:
        token.revoked_at = now()
        await ctx.session.flush()
