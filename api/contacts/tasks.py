"""Background work of contacts: bulk actions over more than 1,000 contacts, and removing the
stored files of purged contacts (after the commit that purged them). Both are safe to run
twice: a bulk action changes only what is not yet changed, and deleting a missing file is a no-op."""

from __future__ import annotations

import uuid
from typing import Any

from api.contacts import bulk
from api.contacts.schemas import BulkRequest
from api.core.context import TenantContext, UnitOfWork
from api.core.queue import enqueue_all, task
from api.core.storage import key_belongs_to, storage_from_settings
from api.jobs.service import RunningJob, run_job


async def _batches(ctx: dict[str, Any], job: RunningJob, request: BulkRequest) -> dict[str, Any]:
    db, settings = ctx["db"], ctx["settings"]

    async def in_transaction(work):
        async with db.session(job.tenant_id, job.actor) as session:
            uow = UnitOfWork(session=session)
            result = await work(TenantContext(uow=uow, principal=None, tenant_id=job.tenant_id, language="es"))
        await enqueue_all(ctx.get("redis"), uow.jobs.jobs, settings.queue_name)
        return result

    total = await in_transaction(lambda tctx: bulk.count_matches(tctx, request))
    outcome, matched, last = bulk.Outcome(), 0, None
    while True:
        async def step(tctx, after=last):
            ids = await bulk.select_ids(tctx, request, after=after)
            return ids, await bulk.apply(tctx, request, ids)

        ids, done = await in_transaction(step)
        if not ids:
            break
        matched, last = matched + len(ids), ids[-1]
        outcome.add(done)
        await job.progress(100 * matched / max(total, 1))
    return {"action": request.action, "matched": matched, "changed": outcome.changed, "skipped": outcome.skipped}


@task(bulk.TASK, timeout=6 * 3600)
async def bulk_in_background(ctx: dict[str, Any], tenant_id: str, job_id: str) -> None:
    async with run_job(ctx["db"], tenant_id, job_id) as job:
        if job is None:
            return
        request = BulkRequest.model_validate(job.payload["request"])
        job.result = await _batches(ctx, job, request)


@task("contacts.delete_files")
async def delete_files(ctx: dict[str, Any], tenant_id: str, keys: list[str]) -> int:
    storage = ctx.get("storage") or storage_from_settings(ctx["settings"])
    tenant = uuid.UUID(tenant_id)
    deleted = 0
    for key in keys:
        if key_belongs_to(key, tenant):  # a key of another workspace is never touched
            await storage.delete(key)
            deleted += 1
    return deleted


TASKS = [bulk_in_background, delete_files]
