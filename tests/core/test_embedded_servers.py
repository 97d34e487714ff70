"""The newcomer's path, on every run: boot the embedded PostgreSQL and Redis from the wheels,
migrate a database on them and use both — even when the suite itself runs on real servers."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest
import redis

from api.core import embedded
from tests.fixtures import servers

pytestmark = pytest.mark.slow


def test_embedded_postgres_and_redis_boot_and_serve(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("embedded")
    postgres = embedded.start_postgres(data_dir / "pg")
    redis_server = embedded.start_redis(data_dir / "redis", persist=False)
    try:
        asyncio.run(embedded.ensure_database(postgres.url("postgres"), "ficha_newcomer"))
        url = postgres.url("ficha_newcomer")
        servers.migrate(url)

        async def tables() -> list[str]:
            conn = await asyncpg.connect(servers.libpq_url(url))
            try:
                rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                assert await conn.fetchval("SELECT f_unaccent('Pérez Ñandú')") == "Perez Nandu"
                return [r["tablename"] for r in rows]
            finally:
                await conn.close()

        assert {"tenant", "user", "location", "audit_event"} <= set(asyncio.run(tables()))
        client = redis.Redis(unix_socket_path=str(redis_server.socket))
        assert client.ping()
        client.set("ficha:newcomer", "1")
        assert client.get("ficha:newcomer") == b"1"
    finally:
        redis_server.stop()
        postgres.stop()
