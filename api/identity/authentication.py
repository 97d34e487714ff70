"""Credential resolution: turning what a client presents into a principal or a tenant.

This is the only domain module allowed to read tenant tables before a tenant is known
(``ficha_unscoped``; see ``tests/core/test_house_rules.py``): a presented secret is looked up by
its SHA-256, and the row found names the tenant; everything after that is tenant-scoped.

* Access tokens (JWT): the session they name is checked on every request, so logout,
  deactivation and password changes end them at once.
* Integration tokens (``fic_pat_…``): act as their user, in their user's workspace, with the
  user's *current* permissions; expired, revoked or an inactive user → not authenticated.
* Refresh tokens and one-time account links are found the same way (by hash) for their flows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core import security
from api.core.context import Principal
from api.core.db import Actor, bind_actor
from api.core.tenancy import UNSCOPED
from api.identity.access import combine, user_access
from api.identity.models import AccountToken, IntegrationToken, RefreshToken
from api.identity.repository import IntegrationTokenRepository, SessionRepository, UserRepository

INTEGRATION_TOKEN_PREFIX = "fic_pat_"
REFRESH_TOKEN_PREFIX = "fic_rt_"
ACCOUNT_LINK_PREFIX = "fic_link_"


class RoleGrant(NamedTuple):
    """The parts of a role that decide permissions (read without loading Role objects)."""

    key: str
    built_in: bool
    permissions: list[str]
    optional_permissions: list[str]


def now() -> datetime:
    return datetime.now(UTC)


async def authenticate(session: AsyncSession, credential: str) -> Principal | None:
    """Resolve a bearer credential into a principal (or None: not authenticated)."""
    if credential.startswith(INTEGRATION_TOKEN_PREFIX):
        return await _integration_token_principal(session, credential)
    if not security.looks_like_jwt(credential):
        return None
    claims = security.decode_access_token(credential)
    if claims is None:
        return None
    try:
        tenant_id, user_id, session_id = (uuid.UUID(claims[k]) for k in ("tid", "sub", "sid"))
    except (ValueError, KeyError, TypeError):
        return None
    bind_actor(session, tenant_id, Actor(type="user", user_id=user_id))
    # One round trip per request: this runs before every authenticated handler.
    row = await SessionRepository(session, tenant_id).credential_row(session_id, user_id, now())
    if row is None:
        return None
    if row.restricted:
        permissions: frozenset[str] = frozenset()
    else:
        roles = [RoleGrant(key, built_in, permissions, optional) for key, built_in, permissions, optional in row.roles]
        permissions = combine(roles, set(row.grants)).permissions  # type: ignore[arg-type]
    return Principal(tenant_id=tenant_id, user_id=row.id, permissions=permissions, session_id=session_id,
                     culture=row.culture, restricted=row.restricted)


async def _integration_token_principal(session: AsyncSession, credential: str) -> Principal | None:
    digest = security.hash_secret(credential)
    stmt = (select(IntegrationToken.id, IntegrationToken.tenant_id, IntegrationToken.user_id,
                   IntegrationToken.token_hash, IntegrationToken.expires_at, IntegrationToken.revoked_at)
            .where(IntegrationToken.token_hash == digest).execution_options(**{UNSCOPED: True}))
    row = (await session.execute(stmt)).one_or_none()
    moment = now()
    if row is None or not security.secrets_match(row.token_hash, credential):
        return None
    if row.revoked_at is not None or row.expires_at <= moment:
        return None
    bind_actor(session, row.tenant_id, Actor(type="token", user_id=row.user_id, token_id=row.id))
    user = await UserRepository(session, row.tenant_id).active_by_id(row.user_id)
    if user is None:
        return None
    await IntegrationTokenRepository(session, row.tenant_id).touch(row.id, moment)
    access = await user_access(session, row.tenant_id, user.id)
    return Principal(tenant_id=row.tenant_id, user_id=user.id, permissions=access.permissions, token_id=row.id,
                     culture=user.culture)


@dataclass(frozen=True)
class PresentedRefreshToken:
    id: uuid.UUID
    tenant_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: datetime
    used_at: datetime | None


async def find_refresh_token(session: AsyncSession, token: str) -> PresentedRefreshToken | None:
    if not token.startswith(REFRESH_TOKEN_PREFIX):
        return None
    stmt = (select(RefreshToken.id, RefreshToken.tenant_id, RefreshToken.session_id, RefreshToken.token_hash,
                   RefreshToken.expires_at, RefreshToken.used_at)
            .where(RefreshToken.token_hash == security.hash_secret(token)).execution_options(**{UNSCOPED: True}))
    row = (await session.execute(stmt)).one_or_none()
    if row is None or not security.secrets_match(row.token_hash, token):
        return None
    return PresentedRefreshToken(id=row.id, tenant_id=row.tenant_id, session_id=row.session_id,
                                 expires_at=row.expires_at, used_at=row.used_at)


async def find_account_token(session: AsyncSession, token: str) -> AccountToken | None:
    """The one-time link row for ``token`` (any state: the caller explains which it is in)."""
    if not token.startswith(ACCOUNT_LINK_PREFIX):
        return None
    stmt = (select(AccountToken).where(AccountToken.token_hash == security.hash_secret(token))
            .execution_options(**{UNSCOPED: True}))
    found = (await session.execute(stmt)).scalar_one_or_none()
    if found is None or not security.secrets_match(found.token_hash, token):
        return None
    return found


async def principal_of_user(session: AsyncSession, tenant_id: uuid.UUID, user_id: uuid.UUID) -> Principal | None:
    """The principal a background job acts as on behalf of the user who started it: that user's
    *current* permissions (a user deactivated or stripped of a permission meanwhile is refused)."""
    bind_actor(session, tenant_id, Actor(type="user", user_id=user_id))
    user = await UserRepository(session, tenant_id).active_by_id(user_id)
    if user is None:
        return None
    access = await user_access(session, tenant_id, user.id)
    return Principal(tenant_id=tenant_id, user_id=user.id, permissions=access.permissions, culture=user.culture)
