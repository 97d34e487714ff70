"""Starting jobs from requests, and running them in the worker with durable progress."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import structlog
from arq.worker import Retry
from sqlalchemy import update

from api.core.context import TenantContext, task_context
from api.core.db import Actor, Database
from api.core.errors import Forbidden, NotFound
from api.core.schemas import Page
from api.identity.service import principal_of_user
from api.jobs import errors as _errors  # noqa: F401 - registers messages
from api.jobs.models import BackgroundJob
from api.jobs.repository import NEWEST_FIRST, JobRepository
from api.jobs.schemas import JobFilters, JobRead
from api.notifications import service as notifications

log = structlog.get_logger("ficha.jobs")


def arq_job_id(job_id: uuid.UUID) -> str:
    """arq refuses a second job with the same id while the first is queued or running."""
    return f"job:{job_id}"


async def start_job(ctx: TenantContext, *, kind: str, function: str, payload: dict[str, Any],
                    notice: notifications.JobNotice | None = None) -> BackgroundJob:
    """Record a job and queue ``function(tenant_id, job_id)`` to run after the commit.

    With a ``notice``, the user who started it gets a job notification, pending until
    :func:`run_job` marks it completed (with the job's result) or failed.
    """
    job = BackgroundJob(tenant_id=ctx.tenant_id, kind=kind, function=function, payload=payload,
                        created_by=ctx.user_id, status="pending", progress=0, attempts=0)
    ctx.session.add(job)
    await ctx.session.flush()
    if notice is not None and ctx.user_id is not None:
        await notifications.job_notification(ctx, job_id=job.id, user_id=ctx.user_id, notice=notice)
    ctx.enqueue(function, str(ctx.tenant_id), str(job.id), job_id=arq_job_id(job.id))
    return job


async def get_job(ctx: TenantContext, job_id: uuid.UUID) -> JobRead:
    job = await JobRepository(ctx).get(job_id)
    # A job is its creator's; workspace settings managers may look at anyone's.
    if job.created_by != ctx.user_id and not ctx.can("settings:manage"):
        raise NotFound("background_job")
    return JobRead.model_validate(job)


async def list_my_jobs(ctx: TenantContext, filters: JobFilters) -> Page[JobRead]:
    assert ctx.user_id is not None
    repo = JobRepository(ctx)
    items, cursor = await repo.page(repo.of_user(ctx.user_id, filters), NEWEST_FIRST, filters.page)
    return Page(items=[JobRead.model_validate(j) for j in items], next_cursor=cursor)


# --- Worker side ------------------------------------------------------------------------------

@dataclass
class RunningJob:
    """Handle given to a task: its payload, and progress reported in its own short transactions
    so the API sees it while the task's work is still uncommitted (and, with Redis, the user's
    open consoles hear it as ``job`` events)."""

    db: Database
    redis: Any
    tenant_id: uuid.UUID
    id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    created_by: uuid.UUID | None
    attempts: int
    result: dict[str, Any] = field(default_factory=dict)
    _last_progress: int = -1

    @property
    def actor(self) -> Actor:
        return Actor(type="user", user_id=self.created_by) if self.created_by else Actor.system()

    @asynccontextmanager
    async def acting(self, *, storage: Any = None, language: str = "es") -> AsyncIterator[TenantContext]:
        """A unit of work acting as the user who started the job, with that user's *current*
        permissions (so a job cannot do what its user may no longer do)."""
        async with self.db.sessionmaker() as session:
            principal = (await principal_of_user(session, self.tenant_id, self.created_by)
                         if self.created_by else None)
        if self.created_by is not None and principal is None:
            raise Forbidden("job_user_inactive")
        async with task_context(self.db, self.tenant_id, redis=self.redis, principal=principal,
                                language=language, storage=storage) as ctx:  # type: ignore[arg-type]
            yield ctx

    async def progress(self, percent: float) -> None:
        value = max(0, min(99, int(percent)))
        if value == self._last_progress:
            return
        self._last_progress = value
        async with task_context(self.db, self.tenant_id, redis=self.redis) as ctx:
            await _set(ctx, self.id, progress=value)
            if self.created_by is not None:
                notifications.publish_job_progress(ctx, job_id=self.id, user_id=self.created_by,
                                                   status="running", progress=value)

    async def finish(self, status: str, *, result: dict[str, Any] | None = None, error: str | None = None) -> None:
        """Record the end (or a retry: ``pending``) and bring the job's notification along."""
        values: dict[str, Any] = {"status": status}
        if status in ("completed", "failed"):
            values |= {"finished_at": datetime.now(UTC), "result": result, "error": error}
        if status == "completed":
            values["progress"] = 100
        async with task_context(self.db, self.tenant_id, redis=self.redis) as ctx:
            await _set(ctx, self.id, **values)
            await notifications.job_changed(ctx, job_id=self.id, user_id=self.created_by, status=status,
                                            progress=values.get("progress", max(self._last_progress, 0)),
                                            result=result, error=error)


async def _set(ctx: TenantContext, job_id: uuid.UUID, **values: Any) -> None:
    await ctx.session.execute(
        update(BackgroundJob).where(BackgroundJob.tenant_id == ctx.tenant_id, BackgroundJob.id == job_id)
        .values(**values)
    )


@asynccontextmanager
async def run_job(db: Database, tenant_id: str, job_id: str, *, redis: Any = None) -> AsyncIterator[RunningJob | None]:
    """Mark the job running, yield its handle, then completed (with ``handle.result``) or
    failed. Yields None when the job is already finished (a duplicate delivery).

    Pass the worker's ``ctx["redis"]`` so the user's open consoles follow along in real time;
    the job's notification (if :func:`start_job` got a notice) is kept in step either way.
    """
    tid, jid = uuid.UUID(tenant_id), uuid.UUID(job_id)
    async with task_context(db, tid, redis=redis) as ctx:
        job = await JobRepository(ctx).find(jid, for_update=True)
        if job is None or job.status in ("completed", "failed"):
            handle = None
        else:
            job.status, job.started_at, job.attempts = "running", datetime.now(UTC), job.attempts + 1
            handle = RunningJob(db=db, redis=redis, tenant_id=tid, id=jid, kind=job.kind, payload=dict(job.payload),
                                created_by=job.created_by, attempts=job.attempts)
            await notifications.job_changed(ctx, job_id=jid, user_id=job.created_by, status="running")
    if handle is None:
        yield None
        return
    structlog.contextvars.bind_contextvars(job_id=job_id, tenant_id=tenant_id)
    try:
        yield handle
    except Retry:
        await handle.finish("pending")
        raise
    except Exception as exc:
        log.exception("job_failed", kind=handle.kind)
        await handle.finish("failed", error=f"{type(exc).__name__}: {exc}"[:2000])
        raise
    await handle.finish("completed", result=handle.result)
