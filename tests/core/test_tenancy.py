"""The session-wide tenant scope (api.core.tenancy), tested on its own: without the
repositories' explicit filters, a plain ORM query still sees only the bound tenant."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from api.core.db import Actor, bind_actor
from api.core.tenancy import CrossTenantWriteError, UnscopedQueryError
from api.locations.models import Location
from tests.fixtures.factories.locations import make_location


async def test_plain_queries_see_only_the_bound_tenant(db, workspace, other_workspace):
    mine = await make_location(db, workspace.id, name="Mine")
    theirs = await make_location(db, other_workspace.id, name="Theirs")
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        names = (await session.execute(select(Location.name))).scalars().all()
        assert "Mine" in names and "Theirs" not in names
        assert await session.get(Location, theirs.id) is None
        assert (await session.execute(select(Location).where(Location.id == mine.id))).scalar_one()


async def test_bulk_update_and_delete_are_scoped(db, workspace, other_workspace):
    theirs = await make_location(db, other_workspace.id, name="Untouchable")
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        await session.execute(update(Location).values(city="Hacked"))
        await session.execute(delete(Location).where(Location.id == theirs.id))
        await session.commit()
    async with db.session(other_workspace.id) as session:
        row = await session.get(Location, theirs.id)
        assert row is not None and row.city == "Madrid"


async def test_unbound_session_cannot_read_tenant_data(db):
    async with db.sessionmaker() as session:
        with pytest.raises(UnscopedQueryError):
            await session.execute(select(Location))


async def test_writing_into_another_tenant_is_refused(db, workspace, other_workspace):
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        session.add(Location(tenant_id=other_workspace.id, name="Smuggled"))
        with pytest.raises(CrossTenantWriteError):
            await session.flush()
