"""``GET /notifications/stream``: a user's notifications in real time (server-sent events).

Authentication — the ``Authorization: Bearer`` header, like every route. Browsers' native
``EventSource`` cannot send headers, so the console uses a fetch-based SSE client (which can);
tokens are never accepted in the URL (ASVS 14.2.1: URLs end up in logs and histories).

The stream, in order:

1. ``retry: 3000`` and a ``: connected`` comment — the client knows it is live;
2. with ``Last-Event-ID``, every notification of the user that changed since that event (minus
   a few seconds, because a transaction that started earlier may commit later: the client
   upserts by id, so a repeat is harmless); more than 200 → one ``reset`` event (refetch);
3. live events from the user's Redis channel (:mod:`.events`), whichever API process
   published them (one Redis connection per process, see :mod:`api.core.pubsub`);
4. a ``: ping`` comment after ~15 s of silence, so proxies keep the connection open.

It ends with an ``end`` event — ``{"reason": "unauthenticated"}`` once the credential stops
being valid (it is re-checked every ``sse_recheck_seconds``: logout, revoked session, expired
access token, deactivated user), ``{"reason": "reconnect"}`` when the Redis connection was lost
or the client fell too far behind — or silently when the client disconnects. Streams hold no
database connection while open: the request's transaction ends before the first byte.

Why a handler returning a ``StreamingResponse`` rather than FastAPI's generator endpoints
(``EventSourceResponse``): the subscription and the replay must happen in the handler, inside
the request's transaction and before any byte is sent (a generator endpoint's body only runs
after the handler returned, alongside the teardown of the request's session), and the loop needs
its own credential re-check next to the heartbeat.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import orjson
from fastapi import Request
from fastapi.sse import format_sse_event
from redis.exceptions import RedisError
from starlette.responses import StreamingResponse

from api.config import Settings
from api.core.context import TenantContext
from api.core.errors import RateLimited, ServiceUnavailable
from api.core.pubsub import CONNECTION_LOST, Listener, hub_of
from api.notifications.events import event_id, item_of, notification_message, parse_event_id, user_channel
from api.notifications.repository import RecipientRepository
from api.notifications.service import now

REPLAY_LIMIT = 200
RESUME_OVERLAP = timedelta(seconds=5)
RECONNECT_MS = 3000
PING = b": ping\n\n"


def frame(message: dict[str, Any]) -> bytes:
    return format_sse_event(data_str=orjson.dumps(message["data"]).decode(), event=message["event"],
                            id=message.get("id"))


def _end(reason: str) -> bytes:
    return frame({"event": "end", "data": {"reason": reason}})


async def _replay(ctx: TenantContext, last_event_id: str | None) -> list[bytes]:
    since = parse_event_id(last_event_id)
    if since is None or ctx.user_id is None:
        return []
    rows = await RecipientRepository(ctx).changed_since(ctx.user_id, since - RESUME_OVERLAP, REPLAY_LIMIT + 1)
    if len(rows) > REPLAY_LIMIT:
        return [frame({"event": "reset", "id": event_id(now()), "data": {}})]
    return [frame(notification_message(item_of(row), row.updated_at)) for row in rows]


async def open_stream(request: Request, ctx: TenantContext, credential: str,
                      last_event_id: str | None) -> StreamingResponse:
    state = request.app.state
    settings: Settings = state.settings
    assert ctx.tenant_id is not None and ctx.user_id is not None
    hub = hub_of(state)
    channel = user_channel(ctx.tenant_id, ctx.user_id)
    if hub.listener_count(channel) >= settings.sse_max_streams_per_user:
        raise RateLimited(retry_after=30, code="too_many_streams",
                          params={"limit": settings.sse_max_streams_per_user})
    # Subscribe before reading the database, so nothing falls between the replay and the live part.
    try:
        listener = await hub.subscribe(channel)
    except RedisError as exc:
        raise ServiceUnavailable(headers={"Retry-After": "10"}) from exc
    try:
        replay = await _replay(ctx, last_event_id)
    except BaseException:
        listener.close()
        raise
    return StreamingResponse(_events(state, listener, replay, credential, settings),
                             media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})


async def _still_authenticated(state: Any, credential: str) -> bool:
    async with state.db.sessionmaker() as session:
        return await state.authenticator(session, credential) is not None


async def _events(state: Any, listener: Listener, replay: list[bytes], credential: str,
                  settings: Settings) -> AsyncIterator[bytes]:
    try:
        yield format_sse_event(comment="connected", retry=RECONNECT_MS)
        for chunk in replay:
            yield chunk
        clock = time.monotonic()
        next_ping, next_check = clock + settings.sse_heartbeat_seconds, clock + settings.sse_recheck_seconds
        while True:
            message = await listener.get(min(next_ping, next_check) - time.monotonic())
            if message is CONNECTION_LOST:
                yield _end("reconnect")
                return
            clock = time.monotonic()
            if message is not None:
                yield frame(message)
                next_ping = clock + settings.sse_heartbeat_seconds
            if clock >= next_check:
                try:
                    valid = await _still_authenticated(state, credential)
                except Exception:  # the database is unreachable: let the client come back later
                    yield _end("reconnect")
                    return
                if not valid:
                    yield _end("unauthenticated")
                    return
                next_check = time.monotonic() + settings.sse_recheck_seconds
            if clock >= next_ping:
                yield PING
                next_ping = clock + settings.sse_heartbeat_seconds
    finally:
        listener.close()
