"""Redis pub/sub: messages published after commit, and one subscriber connection per process.

Publishing — a request (or a job) calls ``ctx.publish(channel, message)``; the message is kept
in the unit of work and handed to Redis only after the transaction commits (next to the queued
jobs), so a listener never hears about data it cannot read yet, and a rollback drops it.
Publishing is best effort: a Redis failure is logged, never raised, because whatever was
published is already in the database (listeners that missed it catch up from there).

Subscribing — :class:`PubSubHub` multiplexes every local listener (e.g. each open
server-sent-events stream) over a single Redis connection per process: it SUBSCRIBEs to a
channel when its first local listener arrives and UNSUBSCRIBEs when the last one leaves. So N
open consoles cost one Redis connection per API process, not N, and a message published by
any process reaches the listeners of every process. If the connection is lost, every listener
is told (:data:`CONNECTION_LOST`) and ends; clients reconnect and resume from the database.

Channel names are chosen by the domain and start with ``t:{tenant_id}:`` (tenant-prefixed keys).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import structlog

log = structlog.get_logger("ficha.pubsub")

CONNECTION_LOST = object()  # delivered to listeners when the shared connection breaks
_POLL_SECONDS = 0.5


@dataclass(frozen=True)
class Publication:
    channel: str
    message: dict[str, Any]


async def publish_all(redis: Any, publications: Sequence[Publication]) -> None:
    """Publish committed messages in one pipelined round trip; failures are logged only."""
    if not publications:
        return
    if redis is None:
        log.warning("publish_skipped_no_redis", count=len(publications))
        return
    try:
        async with redis.pipeline(transaction=False) as pipe:
            for publication in publications:
                pipe.publish(publication.channel, orjson.dumps(publication.message))
            await pipe.execute()
    except Exception:  # Redis down: listeners catch up from the database when they reconnect
        log.exception("publish_failed", count=len(publications))


class Listener:
    """One local subscriber of one channel: an async queue of decoded messages."""

    def __init__(self, hub: PubSubHub, channel: str, max_queued: int) -> None:
        self.hub = hub
        self.channel = channel
        self.queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=max_queued)
        self.closed = False

    def deliver(self, item: Any) -> None:
        try:
            self.queue.put_nowait(item)
        except asyncio.QueueFull:  # a listener that cannot keep up is ended, not allowed to grow
            self.hub.detach(self)
            self.end()

    def end(self) -> None:
        """Tell the consumer to stop (it reconnects and catches up from the database)."""
        self.closed = True
        while not self.queue.empty():
            self.queue.get_nowait()
        self.queue.put_nowait(CONNECTION_LOST)

    async def get(self, wait: float) -> Any:
        """The next message, :data:`CONNECTION_LOST`, or None after ``wait`` seconds."""
        try:
            return await asyncio.wait_for(self.queue.get(), timeout=max(0.0, wait))
        except TimeoutError:
            return None

    def close(self) -> None:
        """Leave the channel. Synchronous on purpose: it runs in ``finally`` blocks of cancelled
        streams, where awaiting is not possible; the hub unsubscribes on its next poll."""
        if not self.closed:
            self.closed = True
            self.hub.detach(self)


class PubSubHub:
    """Every local listener of this process, over one Redis pub/sub connection."""

    def __init__(self, redis: Any, *, max_queued: int = 256) -> None:
        self.redis = redis
        self.max_queued = max_queued
        self._pubsub: Any = None
        self._listeners: dict[str, set[Listener]] = {}
        self._to_unsubscribe: set[str] = set()
        self._reader: asyncio.Task | None = None
        self._lock = asyncio.Lock()

    def listener_count(self, channel: str) -> int:
        return len(self._listeners.get(channel, ()))

    async def subscribe(self, channel: str) -> Listener:
        listener = Listener(self, channel, self.max_queued)
        async with self._lock:
            if self._pubsub is None:
                self._pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
            if channel not in self._listeners:
                await self._pubsub.subscribe(channel)
                self._listeners[channel] = set()
            self._to_unsubscribe.discard(channel)
            self._listeners[channel].add(listener)
            if self._reader is None or self._reader.done():
                self._reader = asyncio.create_task(self._read(), name="ficha-pubsub-reader")
        return listener

    def detach(self, listener: Listener) -> None:
        listeners = self._listeners.get(listener.channel)
        if listeners is None:
            return
        listeners.discard(listener)
        if not listeners:
            del self._listeners[listener.channel]
            self._to_unsubscribe.add(listener.channel)

    async def _unsubscribe_idle(self) -> None:
        async with self._lock:
            idle = [c for c in self._to_unsubscribe if c not in self._listeners]
            self._to_unsubscribe.clear()
            if idle and self._pubsub is not None:
                await self._pubsub.unsubscribe(*idle)

    async def _read(self) -> None:
        try:
            while self._listeners or self._to_unsubscribe:
                await self._unsubscribe_idle()
                if not self._pubsub.connection.is_connected:
                    # redis-py would reconnect silently and messages of the gap would be lost:
                    # end the listeners instead, so their clients resume from the database.
                    raise ConnectionError("pub/sub connection closed")
                message = await self._pubsub.get_message(ignore_subscribe_messages=True, timeout=_POLL_SECONDS)
                if message is None or message.get("type") != "message":
                    continue
                channel = message["channel"]
                channel = channel.decode() if isinstance(channel, bytes) else channel
                try:
                    data = orjson.loads(message["data"])
                except orjson.JSONDecodeError:
                    log.warning("pubsub_message_not_json", channel=channel)
                    continue
                for listener in list(self._listeners.get(channel, ())):
                    listener.deliver(data)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("pubsub_connection_lost")
            await self._drop_everyone()

    async def _drop_everyone(self) -> None:
        """The connection broke: end every listener (they resume from the database) and start
        afresh on the next subscribe."""
        async with self._lock:
            for listeners in self._listeners.values():
                for listener in listeners:
                    listener.end()
            self._listeners.clear()
            self._to_unsubscribe.clear()
            pubsub, self._pubsub = self._pubsub, None
        if pubsub is not None:
            with contextlib.suppress(Exception):
                await pubsub.aclose()

    async def aclose(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
            self._reader = None
        await self._drop_everyone()


def hub_of(state: Any) -> PubSubHub:
    """The process's hub, created on first use from the app's Redis pool."""
    hub = getattr(state, "pubsub", None)
    if hub is None:
        hub = PubSubHub(state.arq)
        state.pubsub = hub
    return hub
