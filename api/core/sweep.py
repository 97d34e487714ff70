"""Cross-tenant reads for cron sweeps (and the dev mailbox): the one place (with authentication) allowed to read
tenant tables without a tenant, and only to find work to hand back to the queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.tenancy import UNSCOPED


async def cross_tenant_rows(session: AsyncSession, columns: Sequence[Any], *conditions: Any,
                            order_by: Sequence[Any] = (), limit: int = 500, distinct: bool = False) -> list[Any]:
    """Rows across all tenants matching ``conditions`` (e.g. pending and older than a minute);
    ``distinct`` for "which tenants have such rows"."""
    stmt = select(*columns).where(*conditions).order_by(*order_by).limit(limit)
    if distinct:
        stmt = stmt.distinct()
    stmt = stmt.execution_options(**{UNSCOPED: True})
    return list((await session.execute(stmt)).all())
