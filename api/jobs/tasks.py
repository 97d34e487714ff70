"""Job upkeep: re-enqueue jobs whose enqueue was lost (e.g. Redis down at commit time)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from arq import cron

from api.core.queue import task
from api.core.sweep import cross_tenant_rows
from api.jobs.models import BackgroundJob
from api.jobs.service import arq_job_id

STALE_AFTER = timedelta(minutes=1)


@task("jobs.requeue_stale")
async def requeue_stale(ctx: dict) -> int:
    cutoff = datetime.now(UTC) - STALE_AFTER
    async with ctx["db"].session() as session:
        rows = await cross_tenant_rows(
            session, [BackgroundJob.id, BackgroundJob.tenant_id, BackgroundJob.function],
            BackgroundJob.status == "pending", BackgroundJob.created_at < cutoff,
        )
    for job_id, tenant_id, function in rows:
        # arq ignores a job id that is still queued, so this never duplicates live work.
        await ctx["redis"].enqueue_job(function, str(tenant_id), str(job_id), _job_id=arq_job_id(job_id),
                                       _queue_name=ctx["settings"].queue_name)
    return len(rows)


TASKS = [requeue_stale]
CRON = [cron(requeue_stale.coroutine, name="jobs.requeue_stale.cron", minute=None, second=15,
             run_at_startup=False)]
