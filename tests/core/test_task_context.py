"""Background tasks get a request's unit of work: their jobs and pub/sub messages leave only
after the commit, and a failure drops both."""

from __future__ import annotations

import uuid

import pytest

from api.core.context import task_context
from api.notifications.events import user_channel
from tests.fixtures.pubsub import drain


async def _failing_task(db, workspace, arq_pool, channel) -> None:
    async with task_context(db, workspace.id, redis=arq_pool) as ctx:
        ctx.enqueue("notifications.sweep_mail", job_id=f"task-context-failed:{uuid.uuid4()}")
        ctx.publish(channel, {"event": "x", "data": {"n": 1}})
        raise RuntimeError("the task failed")


async def test_jobs_and_messages_leave_after_commit_and_not_after_a_failure(db, workspace, arq_pool, settings):
    channel = user_channel(workspace.id, workspace.admin.id)
    pubsub = arq_pool.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(channel)
    await arq_pool.delete(settings.queue_name)
    job_id = f"task-context-ok:{uuid.uuid4()}"  # arq remembers job ids for a while
    try:
        with pytest.raises(RuntimeError):
            await _failing_task(db, workspace, arq_pool, channel)
        assert await drain(pubsub, seconds=0.3) == []
        assert await arq_pool.zcard(settings.queue_name) == 0

        async with task_context(db, workspace.id, redis=arq_pool) as ctx:
            assert ctx.tenant_id == workspace.id and ctx.session.info["tenant_id"] == workspace.id
            ctx.enqueue("notifications.sweep_mail", job_id=job_id)
            ctx.publish(channel, {"event": "x", "data": {"n": 2}})
        assert await drain(pubsub, seconds=0.5) == [{"event": "x", "data": {"n": 2}}]
        assert [job.job_id for job in await arq_pool.queued_jobs(queue_name=settings.queue_name)] == \
            [job_id], "the pool's default queue is the worker's own"
    finally:
        await pubsub.aclose()
        await arq_pool.delete(settings.queue_name, f"arq:job:{job_id}")


async def test_a_rolled_back_savepoint_drops_only_what_it_queued(db, workspace, tmp_path):
    from api.core.storage import LocalStorage, new_key

    storage = LocalStorage(tmp_path)
    kept_key, undone_key = new_key(workspace.id, "test-files", "txt"), new_key(workspace.id, "test-files", "txt")
    async with task_context(db, workspace.id, storage=storage) as ctx:
        ctx.enqueue("notifications.sweep_mail", job_id="before")
        ctx.publish("t:channel", {"n": 1})
        await ctx.store_file(kept_key, b"kept")
        savepoint = await ctx.uow.savepoint()
        ctx.enqueue("notifications.sweep_mail", job_id="inside")
        ctx.publish("t:channel", {"n": 2})
        await ctx.store_file(undone_key, b"undone")
        ctx.remove_file_after_commit(kept_key)
        await savepoint.rollback()
        assert [job.job_id for job in ctx.uow.jobs.jobs] == ["before"]
        assert [p.message for p in ctx.uow.publications] == [{"n": 1}]
        assert ctx.uow.superseded == [] and ctx.uow.stored == [kept_key]
        assert not await storage.exists(undone_key) and await storage.exists(kept_key)
