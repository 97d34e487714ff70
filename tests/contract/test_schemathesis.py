"""Property-based API testing (schemathesis) over every operation of the contract, with an
administrator's token, in positive and negative modes: no 5xx, responses conform to the schema,
bad input is refused, auth is never ignored. Bounded (a few examples per operation) so it fits
in `make test`; raise SCHEMATHESIS_EXAMPLES for a deeper run.

Requests change data, so this runs on its own committed database, through the app's real
lifespan (Starlette's TestClient), not inside the per-test transaction.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.python.asgi import get_client

from api.config import Settings
from api.core.db import Database
from api.identity.service import create_tenant
from api.main import create_app
from tests.fixtures import servers

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "12"))
APP = create_app(Settings(environment="test", expose_docs=True))
# Loaded from the dict (no request, so the app's lifespan has not started yet: schemathesis
# starts it once, at the first call, after the fixture below has pointed the app at its database).
SCHEMA = schemathesis.openapi.from_dict(APP.openapi())
SCHEMA.app = APP
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
PASSWORD = "schemathesis passphrase"
# Operations that end the caller's own session get a session of their own, so the shared one
# stays valid for every other operation.
ENDS_THE_SESSION = {"POST /api/v1/auth/logout"}


@pytest.fixture(scope="module")
def api(run_id):
    maintenance = os.environ["DATABASE_URL"]
    name = f"ficha_st_{uuid.uuid4().hex[:8]}"
    asyncio.run(servers.create_database(maintenance, name, template=os.environ[servers.TEMPLATE_ENV]))
    url = servers.with_database(maintenance, name)

    async def seed() -> None:
        db = Database.from_url(url, pool_size=1, max_overflow=0)
        async with db.session() as session:
            await create_tenant(session, slug="fuzz", name="Fuzz", admin_email="admin@fuzz.test",
                                admin_password=PASSWORD)
        await db.dispose()

    asyncio.run(seed())
    APP.state.settings = Settings(environment="test", database_url=url, redis_url=os.environ["REDIS_URL"],
                                  queue_name=f"ficha:test:{run_id}:schemathesis", expose_docs=True,
                                  db_pool_size=2, db_max_overflow=2)
    with get_client(APP) as client:
        def sign_in() -> dict[str, str]:
            token = client.post("/api/v1/auth/login", json={"workspace": "fuzz", "email": "admin@fuzz.test",
                                                            "password": PASSWORD}).json()["access_token"]
            return {"Authorization": f"Bearer {token}"}

        yield client, sign_in
    asyncio.run(servers.drop_database(maintenance, name))


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["positive", "negative"])
@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_operation_conforms(api, operation, mode):
    client, sign_in = api
    shared = sign_in()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def check(case):
        headers = sign_in() if operation.label in ENDS_THE_SESSION else shared
        case.call_and_validate(session=client, headers=headers)

    try:
        check()
    except Unsatisfiable:
        if mode is GenerationMode.NEGATIVE:
            pytest.skip("the operation takes no input that could be made invalid")
        raise
