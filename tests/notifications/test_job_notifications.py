"""Job notifications: a job started with a notice shows pending, then completed with the job's
result (or failed), becomes unread again when it finishes, and every move is published."""

from __future__ import annotations

import pytest
from arq.worker import Retry

from api.core.context import Principal, TenantContext, UnitOfWork
from api.core.db import bind_actor
from api.jobs.service import run_job, start_job
from api.notifications.events import user_channel
from api.notifications.service import JobNotice
from tests.fixtures.pubsub import drain

INBOX = "/api/v1/notifications"


async def _start(db, workspace, arq_pool, settings, notice: JobNotice | None) -> str:
    principal = Principal(tenant_id=workspace.id, user_id=workspace.admin.id, permissions=frozenset())
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, principal.actor)
        uow = UnitOfWork(session=session)
        ctx = TenantContext(uow=uow, principal=principal, tenant_id=workspace.id, language="es", redis=arq_pool)
        job = await start_job(ctx, kind="contacts.export", function="jobs.requeue_stale", payload={}, notice=notice)
        await session.commit()
    await uow.after_commit(arq_pool, settings.queue_name)
    await arq_pool.delete(settings.queue_name)  # these tests run the job by hand
    return str(job.id)


@pytest.fixture
async def channel(arq_pool, workspace):
    pubsub = arq_pool.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(user_channel(workspace.id, workspace.admin.id))
    yield pubsub
    await pubsub.aclose()


async def test_a_job_notification_goes_pending_then_completed_with_the_result(client, db, workspace, arq_pool,
                                                                             settings, channel):
    job_id = await _start(db, workspace, arq_pool, settings, JobNotice(title="Exportación de contactos",
                                                                       link="/jobs", action="Abrir"))
    [pending] = (await client.get(INBOX, headers=workspace.admin.headers)).json()["items"]
    assert pending["kind"] == "job" and pending["title"] == "Exportación de contactos"
    assert pending["job"] == {"id": job_id, "status": "pending", "result": None, "error": None}
    await client.post(f"{INBOX}/{pending['id']}/read", headers=workspace.admin.headers)
    created = await drain(channel)
    assert [m["event"] for m in created] == ["notification", "notification"]  # created, then read

    async with run_job(db, str(workspace.id), job_id, redis=arq_pool) as running:
        assert running is not None
        [item] = (await client.get(INBOX, headers=workspace.admin.headers)).json()["items"]
        assert item["job"]["status"] == "running"
        await running.progress(40)
        running.result = {"download_url": "/api/v1/files/export.zip", "rows": 3}
    page = (await client.get(INBOX, headers=workspace.admin.headers)).json()
    [done] = page["items"]
    assert done["job"] == {"id": job_id, "status": "completed",
                           "result": {"download_url": "/api/v1/files/export.zip", "rows": 3}, "error": None}
    assert done["read"] is False and page["unread_count"] == 1, "finishing is news: unread again"

    events = await drain(channel)
    assert [(m["event"], m["data"].get("status"), m["data"].get("progress")) for m in events if m["event"] == "job"] \
        == [("job", "running", 0), ("job", "running", 40), ("job", "completed", 100)]
    [finished] = [m for m in events if m["event"] == "notification"]
    assert finished["data"]["job"]["status"] == "completed" and finished["id"].isdigit()


async def test_a_failed_job_fails_its_notification(client, db, workspace, arq_pool, settings):
    job_id = await _start(db, workspace, arq_pool, settings, JobNotice(title="Importación"))
    with pytest.raises(ValueError, match="bad header"):
        async with run_job(db, str(workspace.id), job_id, redis=arq_pool):
            raise ValueError("bad header")
    [item] = (await client.get(INBOX, headers=workspace.admin.headers)).json()["items"]
    assert item["job"]["status"] == "failed" and "bad header" in item["job"]["error"]
    assert item["job"]["result"] is None


async def test_a_retried_job_shows_pending_again(client, db, workspace, arq_pool, settings):
    job_id = await _start(db, workspace, arq_pool, settings, JobNotice(title="Importación"))
    with pytest.raises(Retry):
        async with run_job(db, str(workspace.id), job_id):
            raise Retry(defer=1)
    [item] = (await client.get(INBOX, headers=workspace.admin.headers)).json()["items"]
    assert item["job"]["status"] == "pending"
    job = (await client.get(f"/api/v1/jobs/{job_id}", headers=workspace.admin.headers)).json()
    assert job["status"] == "pending"


async def test_a_job_without_a_notice_notifies_nobody(client, db, workspace, arq_pool, settings):
    job_id = await _start(db, workspace, arq_pool, settings, None)
    async with run_job(db, str(workspace.id), job_id) as running:
        assert running is not None
    assert (await client.get(INBOX, headers=workspace.admin.headers)).json()["items"] == []
    assert (await client.get(f"/api/v1/jobs/{job_id}", headers=workspace.admin.headers)).json()["status"] == \
        "completed"
