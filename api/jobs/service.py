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

from api.core.context import TenantContext
from api.core.db import Actor, Database
from api.core.errors import NotFound
from api.core.schemas import Page
from api.jobs import errors as _errors  # noqa: F401 - registers messages
from api.jobs.models import BackgroundJob
from api.jobs.repository import NEWEST_FIRST, JobRepository
from api.jobs.schemas import JobFilters, JobRead

log = structlog.get_logger("ficha.jobs")


def arq_job_id(job_id: uuid.UUID) -> str:
    """arq refuses a second job with the same id while the first is queued or running."""
    return f"job:{job_id}"


async def start_job(ctx: TenantContext, *, kind: str, function: str, payload: dict[str, Any]) -> BackgroundJob:
    """Record a job and queue ``function(tenant_id, job_id)`` to run after the commit."""
    job = BackgroundJob(tenant_id=ctx.tenant_id, kind=kind, function=function, payload=payload,
                        created_by=ctx.user_id, status="pending", progress=0, attempts=0)
    ctx.session.add(job)
    await ctx.session.flush()
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
    so the API sees it while the task's work is still uncommitted."""

    db: Database
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

    async def progress(self, percent: float) -> None:
        value = max(0, min(99, int(percent)))
        if value == self._last_progress:
            return
        self._last_progress = value
        await _set(self.db, self.tenant_id, self.id, progress=value)


async def _set(db: Database, tenant_id: uuid.UUID, job_id: uuid.UUID, **values: Any) -> None:
    async with db.session(tenant_id) as session:
        await session.execute(
            update(BackgroundJob).where(BackgroundJob.tenant_id == tenant_id, BackgroundJob.id == job_id)
            .values(**values)
        )


@asynccontextmanager
async def run_job(db: Database, tenant_id: str, job_id: str) -> AsyncIterator[RunningJob | None]:
    """Mark the job running, yield its handle, then completed (with ``handle.result``) or
    failed. Yields None when the job is already finished (a duplicate delivery)."""
    tid, jid = uuid.UUID(tenant_id), uuid.UUID(job_id)
    async with db.session(tid) as session:
        job = await JobRepository(session, tid).find(jid, for_update=True)
        if job is None or job.status in ("completed", "failed"):
            handle = None
        else:
            job.status, job.started_at, job.attempts = "running", datetime.now(UTC), job.attempts + 1
            handle = RunningJob(db=db, tenant_id=tid, id=jid, kind=job.kind, payload=dict(job.payload),
                                created_by=job.created_by, attempts=job.attempts)
    if handle is None:
        yield None
        return
    structlog.contextvars.bind_contextvars(job_id=job_id, tenant_id=tenant_id)
    try:
        yield handle
    except Retry:
        await _set(db, tid, jid, status="pending")
        raise
    except Exception as exc:
        log.exception("job_failed", kind=handle.kind)
        await _set(db, tid, jid, status="failed", error=f"{type(exc).__name__}: {exc}"[:2000],
                   finished_at=datetime.now(UTC))
        raise
    await _set(db, tid, jid, status="completed", progress=100, result=handle.result,
               finished_at=datetime.now(UTC))
