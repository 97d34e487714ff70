"""A real ``ficha worker`` process against the real Redis and a real (committed) database:
a request-style transaction queues a mail, the worker process picks the job from Redis and
delivers it to the loopback SMTP server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from arq import create_pool
from arq.connections import RedisSettings
from sqlalchemy import select

from api.config import ROOT
from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, Database, bind_actor
from api.core.queue import enqueue_all
from api.identity.service import create_tenant
from api.notifications import service
from api.notifications.models import MailMessage

pytestmark = pytest.mark.slow


async def test_worker_process_delivers_a_queued_mail(committed_database_url, smtp_server):
    queue = f"ficha:test:worker:{uuid.uuid4().hex[:8]}"
    db = Database.from_url(committed_database_url, pool_size=1, max_overflow=0)
    pool = await create_pool(RedisSettings.from_dsn(os.environ["REDIS_URL"]), default_queue_name=queue)
    env = {**os.environ, "DATABASE_URL": committed_database_url, "FICHA_QUEUE_NAME": queue,
           "FICHA_MAIL_BACKEND": "smtp", "FICHA_SMTP_HOST": "127.0.0.1", "FICHA_SMTP_PORT": str(smtp_server.port)}
    worker = subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        async with db.session() as session:
            tenant = await create_tenant(session, slug=f"wrk-{uuid.uuid4().hex[:8]}", name="Worker",
                                         admin_email="admin@worker.test", admin_password="passphrase for test")
            bind_actor(session, tenant.id, Actor.system())
            ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=tenant.id, language="es")
            mail = await service.queue_mail(ctx, kind="test", to="lead@example.com", subject="Bienvenida",
                                            text="Hola desde el worker")
        await enqueue_all(pool, ctx.uow.jobs.jobs, queue)

        [message] = smtp_server.wait_for(1, timeout=30)
        assert message["Subject"] == "Bienvenida"
        deadline = time.monotonic() + 10
        while True:
            async with db.session(tenant.id) as session:
                row = (await session.execute(select(MailMessage).where(MailMessage.id == mail.id))).scalar_one()
            if row.status == "sent" or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert row.status == "sent" and row.attempts == 1
    finally:
        worker.send_signal(signal.SIGINT)
        try:
            worker.wait(15)
        except subprocess.TimeoutExpired:
            worker.kill()
        await pool.delete(queue)
        await pool.aclose()
        await db.dispose()
    assert worker.returncode is not None
