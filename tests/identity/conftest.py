"""Identity fixtures: a committed database for the few tests that race requests against each
other (the per-test transaction shares one connection, so it cannot run requests in parallel)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from httpx import ASGITransport, AsyncClient

from api.core.db import Database
from tests.conftest import forget_throttling
from tests.fixtures import servers
from tests.fixtures.factories.identity import Workspace, make_workspace


@dataclass
class Committed:
    client: AsyncClient
    db: Database
    workspace: Workspace


@pytest.fixture
async def committed(app, arq_pool) -> AsyncIterator[Committed]:
    maintenance = os.environ["DATABASE_URL"]
    name = f"ficha_race_{uuid.uuid4().hex[:8]}"
    await servers.create_database(maintenance, name, template=os.environ[servers.TEMPLATE_ENV])
    db = Database.from_url(servers.with_database(maintenance, name), pool_size=4, max_overflow=4)
    app.state.db = db
    await forget_throttling(arq_pool)
    try:
        async with AsyncClient(transport=ASGITransport(app=app, raise_app_exceptions=False),
                               base_url="http://test") as http:
            yield Committed(client=http, db=db, workspace=await make_workspace(db, http))
    finally:
        del app.state.db
        await db.dispose()
        await servers.drop_database(maintenance, name)
