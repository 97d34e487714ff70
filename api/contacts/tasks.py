"""Background work of contacts: bulk actions over more than 1,000 contacts, removing the stored
files of purged contacts (after the commit that purged them), and folding the metric deltas
(every minute). All are safe to run twice: a bulk action changes only what is not yet changed,
deleting a missing file is a no-op, and folding folded rows changes nothing."""

from __future__ import annotations

import uuid
from typing import Any

from arq import cron
from sqlalchemy import func, select

from api.contacts import bulk, metrics
from api.contacts.models import ContactMetricDelta
from api.contacts.schemas import BulkRequest
from api.core.context import TenantContext, UnitOfWork
from api.core.queue import enqueue_all, task
from api.core.storage import key_belongs_to, storage_from_settings
from api.core.sweep import cross_tenant_rows
from api.jobs.service import RunningJob, run_job

COMPACT_AFTER = 20  # delta rows a workspace gathers before they are folded


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


@task(bulk.TASK)
async def bulk_in_background(ctx: dict[str, Any], tenant_id: str, job_id: str) -> None:
    async with run_job(ctx["db"], tenant_id, job_id, redis=ctx.get("redis")) as job:
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


@task("contacts.compact_metrics")
async def compact_metrics(ctx: dict[str, Any]) -> int:
    """Fold the metric deltas of the workspaces that gathered a few (see api.contacts.metrics)."""
    delta = ContactMetricDelta
    busy = select(delta.tenant_id).group_by(delta.tenant_id).having(func.count() >= COMPACT_AFTER).subquery()
    async with ctx["db"].session() as session:
        tenants = [row[0] for row in await cross_tenant_rows(session, [busy.c.tenant_id])]
    for tenant_id in tenants:
        async with ctx["db"].session(tenant_id) as session:
            await metrics.compact(session, tenant_id)
    return len(tenants)


TASKS = [bulk_in_background, delete_files, compact_metrics]
CRON = [cron(compact_metrics.coroutine, name="contacts.compact_metrics.cron", minute=None, second=40,
             run_at_startup=False)]
