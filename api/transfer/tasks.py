"""Export and import jobs. Their time limit is the worker's (FICHA_JOB_TIMEOUT_SECONDS): it also
bounds how long arq waits before re-delivering the job of a worker that died."""

from __future__ import annotations

from api.core.queue import task
from api.jobs.service import run_job
from api.transfer.exporting import export_to_storage
from api.transfer.importing import Importer
from api.transfer.service import EXPORT_TASK, IMPORT_TASK


@task(EXPORT_TASK)
async def export_records(ctx: dict, tenant_id: str, job_id: str) -> None:
    async with run_job(ctx["db"], tenant_id, job_id, redis=ctx.get("redis")) as job:
        if job is not None:
            job.result = await export_to_storage(ctx["db"], ctx["storage"], ctx["settings"], job)


@task(IMPORT_TASK)
async def import_records(ctx: dict, tenant_id: str, job_id: str) -> None:
    async with run_job(ctx["db"], tenant_id, job_id, redis=ctx.get("redis")) as job:
        if job is not None:
            job.result = await Importer(ctx["db"], ctx["storage"], ctx["settings"], job).run()


TASKS = [export_records, import_records]
