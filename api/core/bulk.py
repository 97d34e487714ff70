"""Set-based writes of many rows through a temporary staging table filled with ``COPY``.

``COPY`` is PostgreSQL's fastest way in (one round trip, binary format, no per-row statement);
a staging table then lets a domain move the rows with ordinary SQLAlchemy Core statements —
``INSERT … SELECT``, ``UPDATE … FROM``, ``DELETE … USING`` — so generated columns, constraints
and statement triggers see one statement per batch instead of one per row, and tenant scoping
stays in the domain's own ``WHERE`` clauses (no raw SQL outside ``api/core``).

Usage::

    async with staging(session, [Column("id", Uuid), Column("name", Text)], records) as rows:
        await session.execute(insert(target).from_select(["id", "name"], select(rows.c.id, rows.c.name)))

Rows that need no transformation on the way in — audit events, say — can be copied straight
into their table with :func:`copy_into`.

The table is temporary, private to the session's connection, lives inside the current
transaction (``ON COMMIT DROP``; a rollback or a rolled-back savepoint removes it as well) and is
dropped when the block ends, so several staging tables can follow each other in one
transaction. Records are sequences in the order of ``columns``, holding what asyncpg's binary
``COPY`` expects for each type: ``uuid.UUID`` for uuid, ``str`` for text, ``datetime``/``date``,
``float``/``int``/``Decimal`` for numbers, and JSON already serialised to ``str`` for JSONB.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

import orjson
from sqlalchemy import JSON, Column, MetaData, Table
from sqlalchemy.ext.asyncio import AsyncSession

# From this many rows a COPY (one round trip, binary) beats an executemany or a multi-row
# INSERT; below it, creating a staging table costs more than it saves.
COPY_FROM = 50


def _staging_table(columns: Sequence[Column[Any]]) -> Table:
    name = f"staging_{uuid.uuid4().hex}"
    return Table(name, MetaData(), *(Column(c.name, c.type) for c in columns),
                 prefixes=["TEMPORARY"], postgresql_on_commit="DROP")


async def _driver(session: AsyncSession) -> Any:
    """The session's asyncpg connection, inside the session's transaction."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    assert raw.driver_connection is not None
    return raw.driver_connection


async def copy_into(session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """COPY ``rows`` (dicts keyed by column name, all with the same keys) into ``table``; JSON
    values are serialised here. Defaults, ORM events and the audit listener do not run: the
    caller provides every value (see :func:`api.core.audit.record_many`)."""
    if not rows:
        return
    columns = list(rows[0])
    as_json = {name for name in columns if isinstance(table.c[name].type, JSON)}  # JSONB is a JSON
    records = [tuple(orjson.dumps(row[name]).decode() if name in as_json else row[name] for name in columns)
               for row in rows]
    await (await _driver(session)).copy_records_to_table(table.name, records=records, columns=columns,
                                                         schema_name=table.schema)


@asynccontextmanager
async def staging(session: AsyncSession, columns: Sequence[Column[Any]],
                  records: Iterable[Sequence[Any]]) -> AsyncIterator[Table]:
    """A temporary table with ``columns`` holding ``records`` (COPY'd in), as a Core ``Table``."""
    table = _staging_table(columns)
    connection = await session.connection()
    await connection.run_sync(table.create)
    await (await _driver(session)).copy_records_to_table(table.name, records=list(records),
                                                         columns=[c.name for c in columns])
    yield table
    # Not reached when the block raised: the transaction (or savepoint) is being rolled back and
    # takes the table with it; dropping here would fail on an aborted transaction.
    await connection.run_sync(table.drop)
