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


@pytest.mark.parametrize("count", [3, 120])  # a few go by INSERT, a batch by COPY: the same events
async def test_record_many_writes_one_event_per_item_either_way(db, workspace, count):
    from api.core.audit import AuditEvent, record_many
    from api.core.bulk import COPY_FROM
    from api.core.db import Actor
    from api.core.requestctx import current_client_ip, current_request_id

    assert (count >= COPY_FROM) == (count == 120)
    ids = [uuid.uuid4() for _ in range(count)]
    ip, request = current_client_ip.set("203.0.113.7"), current_request_id.set("req-bulk")
    try:
        async with db.session(workspace.id, Actor(type="user", user_id=workspace.admin.id)) as session:
            written = await record_many(session, tenant_id=workspace.id, entity_type="contact", action="update",
                                        items=[(i, {"status": {"old": "active", "new": "inactive"}}) for i in ids])
            rows = (await session.execute(select(AuditEvent).where(AuditEvent.entity_id.in_(ids)))).scalars().all()
    finally:
        current_client_ip.reset(ip)
        current_request_id.reset(request)
    assert written == count and len(rows) == count
    event = rows[0]
    assert event.changes == {"status": {"old": "active", "new": "inactive"}}
    assert event.actor_user_id == workspace.admin.id
    assert str(event.ip) == "203.0.113.7" and event.request_id == "req-bulk" and event.actor_type == "user"
