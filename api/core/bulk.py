"""Set-based writes of many rows through a temporary staging table filled with ``COPY``.

``COPY`` is PostgreSQL's fastest way in (one round trip, binary format, no per-row statement);
a staging table then lets a domain move the rows with ordinary SQLAlchemy Core statements —
``INSERT … SELECT``, ``UPDATE … FROM``, ``DELETE … USING`` — so generated columns, constraints
and statement triggers see one statement per batch instead of one per row, and tenant scoping
stays in the domain's own ``WHERE`` clauses (no raw SQL outside ``api/core``).

Usage::

    async with staging(session, [Column("id", Uuid), Column("name", Text)], records) as rows:
        await session.execute(insert(target).from_select(["id", "name"], select(rows.c.id, rows.c.name)))

The table is temporary, private to the session's connection, lives inside the current
transaction (``ON COMMIT DROP``; a rollback or a rolled-back savepoint removes it as well) and is
dropped when the block ends, so several staging tables can follow each other in one
transaction. Records are sequences in the order of ``columns``, holding what asyncpg's binary
``COPY`` expects for each type: ``uuid.UUID`` for uuid, ``str`` for text, ``datetime``/``date``,
``float``/``int``/``Decimal`` for numbers, and JSON already serialised to ``str`` for JSONB.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Column, MetaData, Table
from sqlalchemy.ext.asyncio import AsyncSession


def _staging_table(columns: Sequence[Column[Any]]) -> Table:
    name = f"staging_{uuid.uuid4().hex}"
    return Table(name, MetaData(), *(Column(c.name, c.type) for c in columns),
                 prefixes=["TEMPORARY"], postgresql_on_commit="DROP")


@asynccontextmanager
async def staging(session: AsyncSession, columns: Sequence[Column[Any]],
                  records: Iterable[Sequence[Any]]) -> AsyncIterator[Table]:
    """A temporary table with ``columns`` holding ``records`` (COPY'd in), as a Core ``Table``."""
    table = _staging_table(columns)
    connection = await session.connection()
    await connection.run_sync(table.create)
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection  # the asyncpg connection, inside the session's transaction
    assert driver is not None
    await driver.copy_records_to_table(table.name, records=list(records), columns=[c.name for c in columns])
    yield table
    # Not reached when the block raised: the transaction (or savepoint) is being rolled back and
    # takes the table with it; dropping here would fail on an aborted transaction.
    await connection.run_sync(table.drop)
