"""The ceiling for bench/contacts_read.py: the same SQL the API runs for a scenario, through a
bare asyncpg pool behind a bare Starlette route — no authentication, no ORM, no validation — with
rows serialised to JSON the same way (orjson).

Run by contacts_read.py with BENCH_QUERIES (a pickle of {scenario: [(sql, params), …]}),
BENCH_DSN and BENCH_POOL.
"""

from __future__ import annotations

import os
import pickle
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from api.core.db import SERVER_SETTINGS

QUERIES: dict[str, list[tuple[str, tuple]]] = pickle.loads(Path(os.environ["BENCH_QUERIES"]).read_bytes())
STATE: dict[str, asyncpg.Pool] = {}


def _endpoint(name: str):
    statements = QUERIES[name]

    async def endpoint(_request: Request) -> Response:
        async with STATE["pool"].acquire() as conn:
            results = [[dict(row) for row in await conn.fetch(sql, *params)] for sql, params in statements]
        return Response(orjson.dumps(results, default=str, option=orjson.OPT_UTC_Z), media_type="application/json")

    return endpoint


@asynccontextmanager
async def lifespan(_app: Starlette):
    size = int(os.environ.get("BENCH_POOL", "16"))
    # The same connection settings as the API's (api.core.db.SERVER_SETTINGS).
    STATE["pool"] = await asyncpg.create_pool(os.environ["BENCH_DSN"], min_size=size, max_size=size,
                                              server_settings=dict(SERVER_SETTINGS))
    yield
    await STATE["pool"].close()


async def healthz(_request: Request) -> Response:
    return Response(b"ok")


app = Starlette(routes=[Route("/healthz", healthz), *(Route(f"/{name}", _endpoint(name)) for name in QUERIES)],
                lifespan=lifespan)
