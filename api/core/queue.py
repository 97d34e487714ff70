"""Background work on arq: jobs are queued during a request and handed to Redis only after
the transaction commits, so a job never sees uncommitted data and a rollback drops them.

Tasks are declared with :func:`task` (names ``domain.verb``), take primitive arguments (ids),
reload their rows and must be safe to run twice (arq delivers at least once). Work that must
not be lost if Redis is unreachable between commit and enqueue also keeps a row in PostgreSQL
that a cron sweep re-enqueues (see ``api/jobs`` and the mail outbox in ``api/notifications``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import structlog
from arq.connections import ArqRedis
from arq.worker import Function, func

log = structlog.get_logger("ficha.queue")


@dataclass(frozen=True)
class QueuedJob:
    function: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    job_id: str | None = None
    defer_by: timedelta | None = None


@dataclass
class JobBuffer:
    """Jobs waiting for the transaction to commit."""

    jobs: list[QueuedJob] = field(default_factory=list)

    def add(self, function: str, *args: Any, job_id: str | None = None,
            defer_by: timedelta | None = None, **kwargs: Any) -> None:
        self.jobs.append(QueuedJob(function, args, kwargs, job_id, defer_by))

    def clear(self) -> None:
        self.jobs.clear()


async def enqueue_all(redis: ArqRedis | None, jobs: list[QueuedJob], queue_name: str | None) -> None:
    """Hand committed jobs to arq (``queue_name`` None: the pool's default queue). A failure is
    logged, not raised: the data is committed and the jobs' own rows are swept again by cron."""
    for job in jobs:
        if redis is None:
            log.warning("job_not_enqueued_no_redis", function=job.function)
            continue
        try:
            await redis.enqueue_job(
                job.function, *job.args, _job_id=job.job_id, _queue_name=queue_name,
                _defer_by=job.defer_by, **job.kwargs,
            )
        except Exception:  # Redis down: the sweep will pick it up
            log.exception("job_enqueue_failed", function=job.function, job_id=job.job_id)


def task(name: str, *, timeout: int | None = None, max_tries: int | None = None) -> Callable[[Callable], Function]:
    """Declare an arq task named ``domain.verb``."""

    def decorate(coroutine: Callable) -> Function:
        return func(coroutine, name=name, timeout=timeout, max_tries=max_tries)

    return decorate
