"""The tenant-isolation sweep (API1 / BOLA): with two workspaces, every route that takes an id,
called by workspace A's administrator with workspace B's id, answers 404 and changes nothing.

It walks the real route table, so every new route with a path parameter is swept; a parameter
without a factory in ``tests/fixtures/factories/*.py`` fails the test until one is added.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from api.config import Settings
from api.core.audit import AuditEvent
from api.core.routes import api_routes
from api.core.tenancy import UNSCOPED
from api.main import create_app
from tests.fixtures.ids import id_factories
from tests.fixtures.openapi_bodies import request_kwargs

_APP = create_app(Settings(environment="test"))
_SCHEMA = _APP.openapi()
SWEPT = sorted(
    (method, route.path)
    for route in api_routes(_APP)
    if "{" in route.path
    for method in route.methods - {"HEAD"}
)
PARAM = re.compile(r"{(\w+)}")


async def _audit_count(db) -> int:
    async with db.sessionmaker() as session:
        stmt = select(func.count()).select_from(AuditEvent).execution_options(**{UNSCOPED: True})
        return (await session.execute(stmt)).scalar_one()


@pytest.mark.parametrize(("method", "path"), SWEPT, ids=[f"{m} {p}" for m, p in SWEPT])
async def test_foreign_ids_are_not_found(method, path, client, db, workspace, other_workspace):
    factories = id_factories()
    ids: dict = {}
    for param in PARAM.findall(path):
        assert param in factories, f"add an ID_FACTORIES entry for {param!r} (route {method} {path})"
        ids[param] = await factories[param](db, other_workspace, ids)
    url = path.format(**ids)
    before_b = await client.get(url, headers=other_workspace.admin.headers) if method != "GET" else None
    events_before = await _audit_count(db)

    kwargs = request_kwargs(_SCHEMA, method, path, upload=("x.txt", b"x", "text/plain"))
    response = await client.request(method, url, headers=workspace.admin.headers, **kwargs)

    assert response.status_code == 404, f"{method} {url}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await _audit_count(db) == events_before, "a refused request wrote to the audit log"
    if before_b is not None and before_b.status_code == 200:
        after_b = await client.get(url, headers=other_workspace.admin.headers)
        assert after_b.json() == before_b.json(), "workspace B's record changed"
