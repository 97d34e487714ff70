"""api.core.bulk: COPY into a temporary staging table, move rows with Core statements."""

from __future__ import annotations

import uuid

import orjson
import pytest
from sqlalchemy import Column, Integer, Text, Uuid, func, select
from sqlalchemy.dialects.postgresql import JSONB

from api.core.bulk import staging

COLUMNS = [Column("id", Uuid), Column("name", Text), Column("size", Integer), Column("extra", JSONB)]


async def test_rows_are_copied_in_and_the_table_is_dropped_after_the_block(db):
    records = [(uuid.uuid4(), f"n{i}", i, orjson.dumps({"i": i}).decode()) for i in range(500)]
    async with db.session() as session:
        async with staging(session, COLUMNS, iter(records)) as rows:
            stmt = select(func.sum(rows.c.size), func.max(rows.c.extra["i"].as_integer()))
            total, extra = (await session.execute(stmt)).one()
            assert (total, extra) == (sum(range(500)), 499)
            name = rows.name
        exists = (await session.execute(select(func.to_regclass(f"pg_temp.{name}")))).scalar_one()
        assert exists is None


async def test_two_staging_tables_in_one_transaction_do_not_collide(db):
    async with (db.session() as session, staging(session, COLUMNS[:2], [(uuid.uuid4(), "a")]) as first,
                staging(session, COLUMNS[:2], [(uuid.uuid4(), "b"), (uuid.uuid4(), "c")]) as second):
        assert first.name != second.name
        assert (await session.execute(select(func.count()).select_from(second))).scalar_one() == 2


async def test_a_failing_block_leaves_the_table_to_the_rollback(db):
    async with db.session() as session:
        savepoint = await session.begin_nested()
        names = []

        async def fail_inside() -> None:
            async with staging(session, COLUMNS[:2], [(uuid.uuid4(), "a")]) as rows:
                names.append(rows.name)
                raise RuntimeError

        with pytest.raises(RuntimeError):
            await fail_inside()
        name = names[0]
        await savepoint.rollback()
        assert (await session.execute(select(func.to_regclass(f"pg_temp.{name}")))).scalar_one() is None
