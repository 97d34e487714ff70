"""The arq worker: every domain's tasks and cron jobs, with a database and settings in ctx.

Run it with ``ficha worker``. Tasks receive ``ctx`` with ``db`` (:class:`Database`),
``settings`` and ``redis`` (arq's pool, to enqueue follow-up work).
"""

from __future__ import annotations

from typing import Any

from arq.connections import RedisSettings
from arq.worker import Worker

from api import domains
from api.config import Settings, get_settings
from api.core import logging as ficha_logging
from api.core.db import Database
from api.core.storage import storage_from_settings
from api.core.xml_safety import assert_defused_xml


def collect() -> tuple[list, list]:
    functions, crons = [], []
    for module in domains.task_modules():
        functions.extend(getattr(module, "TASKS", []))
        crons.extend(getattr(module, "CRON", []))
    return functions, crons


async def startup(ctx: dict[str, Any]) -> None:
    settings: Settings = ctx.get("settings") or get_settings()
    ctx["settings"] = settings
    ctx.setdefault("storage", storage_from_settings(settings))
    if "db" not in ctx:
        assert settings.database_url, "DATABASE_URL is not set"
        ctx["db"] = Database.from_url(settings.database_url, pool_size=5, max_overflow=5)
        ctx["own_db"] = True


async def shutdown(ctx: dict[str, Any]) -> None:
    if ctx.get("own_db"):
        await ctx["db"].dispose()


def make_worker(settings: Settings | None = None, *, burst: bool = False,
                ctx: dict[str, Any] | None = None, redis_pool: Any = None) -> Worker:
    settings = settings or get_settings()
    functions, crons = collect()
    assert settings.redis_url or redis_pool is not None, "REDIS_URL is not set"
    return Worker(
        functions=functions,
        cron_jobs=crons if not burst else None,
        redis_settings=RedisSettings.from_dsn(settings.redis_url) if settings.redis_url else None,
        redis_pool=redis_pool,
        queue_name=settings.queue_name,
        on_startup=startup,
        on_shutdown=shutdown,
        ctx={"settings": settings, **(ctx or {})},
        burst=burst,
        poll_delay=settings.worker_poll_delay,
        job_timeout=settings.job_timeout_seconds,
        keep_result=3600,
        max_jobs=10,
        handle_signals=not burst,
    )


def run() -> None:
    settings = get_settings()
    ficha_logging.configure(settings.log_level, settings.log_json)
    assert_defused_xml()
    make_worker(settings).run()
