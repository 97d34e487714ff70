"""C5: an import whose worker dies mid-way is finished by the next worker with correct totals
and no duplicates. Real processes, real Redis, a committed database; the first worker is
killed with SIGKILL (no chance to clean up) once some batches have been committed."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from arq import create_pool
from arq.connections import RedisSettings
from sqlalchemy import func, select

from api.config import ROOT
from api.core.db import Actor, Database
from api.core.storage import LocalStorage, new_key
from api.identity.repository import UserRepository
from api.identity.service import create_tenant
from api.jobs.models import BackgroundJob
from api.jobs.service import arq_job_id
from api.locations.models import Location
from api.transfer.models import ImportRun
from tests.fixtures import servers
from tests.fixtures.factories.transfer import xlsx_bytes

pytestmark = pytest.mark.slow

ROWS = 1_500
BATCH = 50
JOB_TIMEOUT = 20  # arq re-delivers a dead worker's job after its timeout + 10 s


@pytest.fixture
async def committed_database_url():
    maintenance = os.environ["DATABASE_URL"]
    name = f"ficha_imp_{uuid.uuid4().hex[:8]}"
    await servers.create_database(maintenance, name, template=os.environ[servers.TEMPLATE_ENV])
    yield servers.with_database(maintenance, name)
    await servers.drop_database(maintenance, name)


def _worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def _run_state(db: Database, tenant_id: uuid.UUID, run_id: uuid.UUID) -> ImportRun:
    async with db.session(tenant_id) as session:
        return (await session.execute(select(ImportRun).where(ImportRun.id == run_id))).scalar_one()


async def test_a_killed_worker_leaves_an_import_the_next_one_finishes(committed_database_url, tmp_path):
    queue = f"ficha:test:resume:{uuid.uuid4().hex[:8]}"
    db = Database.from_url(committed_database_url, pool_size=1, max_overflow=0)
    storage = LocalStorage(tmp_path)
    pool = await create_pool(RedisSettings.from_dsn(os.environ["REDIS_URL"]), default_queue_name=queue)
    env = {**os.environ, "DATABASE_URL": committed_database_url, "FICHA_QUEUE_NAME": queue,
           "FICHA_STORAGE_DIR": str(tmp_path), "FICHA_IMPORT_BATCH_SIZE": str(BATCH),
           "FICHA_JOB_TIMEOUT_SECONDS": str(JOB_TIMEOUT)}
    workers: list[subprocess.Popen] = []
    try:
        async with db.session() as session:
            tenant = await create_tenant(session, slug=f"imp-{uuid.uuid4().hex[:8]}", name="Resume",
                                         admin_email="admin@resume.test", admin_password="a long passphrase")
            admin = await UserRepository(session, tenant.id).by_email("admin@resume.test")
        content = xlsx_bytes([["name", "city"], *[[f"Sede {i:05d}", "Lima"] for i in range(ROWS)]])
        key = new_key(tenant.id, "imports", "xlsx")
        await storage.put(key, content)
        async with db.session(tenant.id, Actor.system()) as session:
            run = ImportRun(tenant_id=tenant.id, created_by=admin.id, entity="locations", mode="upsert",
                            dry_run=False, status="pending",
                            file_key=key, file_name="big.xlsx",
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            rows_read=0, created=0, updated=0, unchanged=0, failed=0, next_row=0)
            session.add(run)
            await session.flush()
            job = BackgroundJob(tenant_id=tenant.id, kind="transfer.import", function="transfer.import",
                                payload={"import_id": str(run.id)}, status="pending", progress=0, attempts=0,
                                created_by=admin.id)
            session.add(job)
        await pool.enqueue_job("transfer.import", str(tenant.id), str(job.id), _job_id=arq_job_id(job.id),
                               _queue_name=queue)

        workers.append(_worker(env))
        deadline = time.monotonic() + 60
        while (state := await _run_state(db, tenant.id, run.id)).next_row < 5 * BATCH:
            assert time.monotonic() < deadline, "the first worker made no progress"
            await asyncio.sleep(0.05)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(10)
        interrupted_at = (await _run_state(db, tenant.id, run.id)).next_row
        assert 0 < interrupted_at < ROWS + 1, "the import must be cut mid-way for this test to mean anything"

        workers.append(_worker(env))
        deadline = time.monotonic() + JOB_TIMEOUT + 60
        while (state := await _run_state(db, tenant.id, run.id)).status != "completed":
            assert state.status != "failed", state.report
            assert time.monotonic() < deadline, f"not finished: next_row={state.next_row}"
            await asyncio.sleep(0.2)

        assert (state.rows_read, state.created, state.failed) == (ROWS, ROWS, 0)
        async with db.session(tenant.id) as session:
            count = (await session.execute(select(func.count()).select_from(Location))).scalar_one()
            distinct = (await session.execute(select(func.count(func.distinct(Location.name))))).scalar_one()
            finished = (await session.execute(select(BackgroundJob).where(BackgroundJob.id == job.id))).scalar_one()
        assert count == distinct == ROWS
        assert finished.status == "completed" and finished.attempts == 2
        assert finished.result["created"] == ROWS
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGINT)
                try:
                    worker.wait(15)
                except subprocess.TimeoutExpired:
                    worker.kill()
        await pool.delete(queue)
        await pool.aclose()
        await db.dispose()
