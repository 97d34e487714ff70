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
