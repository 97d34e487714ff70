"""Business-flow quotas (API6, ASVS 2.1.3): at most N of an action per user — or per workspace —
per window.

A fixed-window counter in Redis (``INCR`` + ``EXPIRE``) per workspace, user (unless the quota is
the workspace's) and action. Beyond
the quota the caller gets 429 with ``Retry-After`` (the seconds left in the window). Quotas
protect the system from automation, not security boundaries, so an unreachable Redis lets the
action through (and logs it) rather than blocking every user.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import structlog
from redis.exceptions import RedisError

from api.config import get_settings
from api.core.errors import RateLimited

log = structlog.get_logger("ficha.quota")


async def take(redis: Any, *, tenant_id: uuid.UUID, user_id: uuid.UUID | None, action: str, limit: int,
               window_seconds: int = 3600, per_workspace: bool = False) -> None:
    """Count one ``action`` for the user (or, ``per_workspace``, for the whole workspace); raise
    :class:`RateLimited` past ``limit`` per window. A per-user quota does not apply to the
    system (no user)."""
    if redis is None or limit <= 0 or (user_id is None and not per_workspace):
        return
    now = int(time.time())
    window = now // window_seconds
    subject = "" if per_workspace else f"u:{user_id}:"
    key = f"{get_settings().redis_namespace}t:{tenant_id}:{subject}quota:{action}:{window}"
    try:
        count = await redis.incr(key)
        if count == 1:
            await redis.expire(key, window_seconds)
    except RedisError:
        log.warning("quota_unavailable", action=action)
        return
    if count > limit:
        retry_after = (window + 1) * window_seconds - now
        log.info("quota_exceeded", action=action, limit=limit)
        raise RateLimited(retry_after=max(1, retry_after), code="quota_exceeded", params={"limit": limit})
