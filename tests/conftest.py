"""The test harness (see ARCHITECTURE.md, "Tests").

* Real PostgreSQL and Redis: from DATABASE_URL/REDIS_URL, or embedded (tests/fixtures/servers.py).
* A template database migrated once per run; each xdist worker clones it.
* Each test runs inside an outer transaction that is rolled back; the app's sessions join it
  through savepoints (``join_transaction_mode="create_savepoint"``), so commits inside the
  app are real commits of savepoints and nothing leaks between tests.
* Jobs enqueued by requests go to a real arq queue (one per worker); ``run_jobs()`` runs them
  with a real arq Worker in burst mode, on the test's connection.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import AsyncIterator

import pytest
from arq import create_pool
from arq.connections import RedisSettings
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.config import Settings
from api.core.db import Database, make_engine
from api.main import create_app
from tests.fixtures import servers

os.environ.setdefault("FICHA_ENVIRONMENT", "test")
TEST_ENV = {
    "FICHA_ENVIRONMENT": "test",
    "FICHA_ARGON2_TIME_COST": "1",
    "FICHA_ARGON2_MEMORY_COST": "8192",
    "FICHA_ARGON2_PARALLELISM": "1",
    "FICHA_LOG_LEVEL": "WARNING",
    "FICHA_MAIL_BACKEND": "smtp",
    "FICHA_SECRET_KEY": "test-secret-key-for-the-ficha-suite-only-0123456789",
    # Each test process keeps its login-throttling counters apart (the Redis server is shared).
    "FICHA_REDIS_NAMESPACE": f"ficha:test:{uuid.uuid4().hex[:8]}:",
}
os.environ.update(TEST_ENV)


def _is_controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _is_controller(config) and servers.TEMPLATE_ENV not in os.environ:
        config._ficha_servers = servers.start()  # type: ignore[attr-defined]
        config._ficha_template = servers.prepare_template(config._ficha_servers)  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    test_servers = getattr(config, "_ficha_servers", None)
    template = getattr(config, "_ficha_template", None)
    if test_servers is not None:
        if template:
            servers.execute(test_servers.database_url, f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')
        test_servers.stop()


def worker_name() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "solo")


@pytest.fixture(scope="session")
def run_id() -> str:
    return os.environ[servers.RUN_ID_ENV]


@pytest.fixture(scope="session")
def settings(run_id: str, tmp_path_factory) -> Settings:
    return Settings(
        storage_dir=tmp_path_factory.mktemp("files"),
        database_url=None,
        redis_url=os.environ["REDIS_URL"],
        queue_name=f"ficha:test:{run_id}:{worker_name()}",
        mail_backend="smtp",
        smtp_port=1,  # overridden by tests that run an SMTP server
        expose_docs=True,
        environment="test",
    )


@pytest.fixture(scope="session")
async def worker_database_url(run_id: str) -> AsyncIterator[str]:
    maintenance = os.environ["DATABASE_URL"]
    name = f"ficha_t_{run_id}_{worker_name()}"
    await servers.create_database(maintenance, name, template=os.environ[servers.TEMPLATE_ENV])
    yield servers.with_database(maintenance, name)
    await servers.drop_database(maintenance, name)


@pytest.fixture(scope="session")
async def engine(worker_database_url: str):
    engine = make_engine(worker_database_url, pool_size=2, max_overflow=2)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def arq_pool(settings: Settings):
    pool = await create_pool(RedisSettings.from_dsn(settings.redis_url), default_queue_name=settings.queue_name)
    yield pool
    await pool.delete(settings.queue_name)
    await pool.aclose()


@pytest.fixture
async def db(engine) -> AsyncIterator[Database]:
    """A Database whose sessions all join one outer transaction, rolled back after the test."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        sessionmaker = async_sessionmaker(bind=connection, join_transaction_mode="create_savepoint",
                                          expire_on_commit=False)
        yield Database(engine=engine, sessionmaker=sessionmaker)
        if transaction.is_active:
            await transaction.rollback()


@pytest.fixture
async def session(db: Database) -> AsyncIterator[AsyncSession]:
    async with db.sessionmaker() as session:
        yield session


@pytest.fixture(scope="session")
def app(settings: Settings, arq_pool):
    application = create_app(settings)
    application.state.arq = arq_pool
    return application


@pytest.fixture
async def client(app, db: Database, arq_pool, settings: Settings) -> AsyncIterator[AsyncClient]:
    app.state.db = db
    await arq_pool.delete(settings.queue_name)  # no job from an earlier test
    await forget_throttling(arq_pool)  # every test signs in from 127.0.0.1: start with clean counters
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as http:
        yield http
    del app.state.db


async def forget_throttling(redis) -> None:
    keys = [key async for key in redis.scan_iter(match=f"{os.environ['FICHA_REDIS_NAMESPACE']}*", count=500)]
    if keys:
        await redis.delete(*keys)


@pytest.fixture
def run_jobs(db: Database, arq_pool, settings: Settings, app):
    """Run every queued job (and the jobs they queue) with a real arq worker, then return."""
    from api.worker import make_worker

    async def run(test_settings: Settings | None = None, rounds: int = 50) -> int:
        """Run the jobs that are due now (deferred retries stay queued) and return how many ran."""
        # The worker uses the test's database connection and the same storage as the API.
        worker = make_worker(test_settings or settings, burst=True, ctx={"db": db, "storage": app.state.storage},
                             redis_pool=arq_pool)
        worker.max_jobs = 1  # one connection under the test transaction: jobs take turns
        worker.ctx["redis"] = arq_pool
        await worker.on_startup(worker.ctx)
        for _ in range(rounds):
            await worker._poll_iteration()
            await asyncio.gather(*worker.tasks.values())
            due = await arq_pool.zcount(worker.queue_name, 0, int(time.time() * 1000))
            if due == 0:
                break
        return worker.jobs_complete + worker.jobs_failed + worker.jobs_retried

    return run


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]


pytest_plugins = ["tests.fixtures.workspaces", "tests.fixtures.smtp", "tests.fixtures.databases"]
