"""Set-based association rows (a contact in a group, a contact or a user in a project …):
link or unlink many ids in one statement, count only real changes, and write one audit event per
changed id — the ORM's audit listener does not see these statements."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, delete
from sqlalchemy.dialects.postgresql import insert

from api.core.audit import record_many
from api.core.context import TenantContext


async def _audit(ctx: TenantContext, entity_type: str, action: str, target: tuple[str, uuid.UUID],
                 ids: list[uuid.UUID], *, linked: bool) -> None:
    name, value = target
    change = {name: {"old": None, "new": str(value)} if linked else {"old": str(value), "new": None}}
    await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type=entity_type, action=action,
                      items=[(i, change) for i in ids])


async def link(ctx: TenantContext, table: Table, target: tuple[str, uuid.UUID], column: str,
               ids: Sequence[uuid.UUID], *, entity_type: str, action: str) -> list[uuid.UUID]:
    """Insert ``(tenant, target, id)`` rows that do not exist yet; returns the ids newly linked.
    The ids must already be known to be the workspace's."""
    if not ids:
        return []
    name, value = target
    rows: list[dict[str, Any]] = [{"tenant_id": ctx.tenant_id, name: value, column: i} for i in ids]
    stmt = insert(table).values(rows).on_conflict_do_nothing().returning(table.c[column])
    added = list((await ctx.session.execute(stmt)).scalars())
    await _audit(ctx, entity_type, action, target, added, linked=True)
    return added


async def unlink(ctx: TenantContext, table: Table, target: tuple[str, uuid.UUID], column: str,
                 ids: Sequence[uuid.UUID], *, entity_type: str, action: str) -> list[uuid.UUID]:
    """Delete the rows linking these ids to the target; returns the ids that were linked."""
    if not ids:
        return []
    name, value = target
    stmt = (delete(table)
            .where(table.c.tenant_id == ctx.tenant_id, table.c[name] == value, table.c[column].in_(set(ids)))
            .returning(table.c[column]))
    removed = list((await ctx.session.execute(stmt)).scalars())
    await _audit(ctx, entity_type, action, target, removed, linked=False)
    return removed
