"""The per-process pub/sub hub: many local listeners over one Redis connection, messages
routed by channel, idle channels unsubscribed, and every listener told when the connection
breaks (so its client resumes from the database instead of silently missing messages)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
import structlog.testing

from api.core.pubsub import CONNECTION_LOST, Publication, PubSubHub, publish_all


def _channel() -> str:
    return f"t:{uuid.uuid4()}:test:{uuid.uuid4().hex[:6]}"


@pytest.fixture
async def hub(arq_pool):
    hub = PubSubHub(arq_pool, max_queued=3)
    yield hub
    await hub.aclose()


async def _subscribers(redis, channel: str) -> int:
    [(_name, count)] = await redis.pubsub_numsub(channel)
    return count


async def test_listeners_share_one_subscription_and_get_their_channels_messages(hub, arq_pool):
    one, other = _channel(), _channel()
    first, second, third = await hub.subscribe(one), await hub.subscribe(one), await hub.subscribe(other)
    assert await _subscribers(arq_pool, one) == 1, "one Redis subscription per channel and process"
    await publish_all(arq_pool, [Publication(one, {"n": 1}), Publication(other, {"n": 2})])
    assert await first.get(2) == {"n": 1} and await second.get(2) == {"n": 1}
    assert await third.get(2) == {"n": 2}
    assert await third.get(0.2) is None

    first.close()
    assert hub.listener_count(one) == 1
    second.close()
    third.close()
    for _ in range(40):
        if await _subscribers(arq_pool, one) == 0 and await _subscribers(arq_pool, other) == 0:
            break
        await asyncio.sleep(0.1)
    assert await _subscribers(arq_pool, one) == 0, "the last listener leaving unsubscribes"


async def test_a_listener_that_falls_behind_is_ended_not_grown(hub, arq_pool):
    channel = _channel()
    slow = await hub.subscribe(channel)
    await publish_all(arq_pool, [Publication(channel, {"n": i}) for i in range(10)])
    for _ in range(20):
        if slow.closed:
            break
        await asyncio.sleep(0.05)
    assert slow.closed and await slow.get(1) is CONNECTION_LOST
    assert hub.listener_count(channel) == 0


async def test_every_listener_is_told_when_the_connection_breaks(hub, arq_pool):
    a, b = await hub.subscribe(_channel()), await hub.subscribe(_channel())
    await hub._pubsub.connection.disconnect()
    assert await a.get(3) is CONNECTION_LOST and await b.get(3) is CONNECTION_LOST
    # and the hub starts afresh for the next listener
    channel = _channel()
    fresh = await hub.subscribe(channel)
    await publish_all(arq_pool, [Publication(channel, {"ok": True})])
    assert await fresh.get(3) == {"ok": True}


async def test_publishing_without_redis_or_with_redis_down_is_logged_not_raised():
    class Down:
        def pipeline(self, **kwargs):
            raise ConnectionError("redis is down")

    with structlog.testing.capture_logs() as logs:
        await publish_all(None, [Publication("t:x:y", {"a": 1})])
        await publish_all(Down(), [Publication("t:x:y", {"a": 1})])
        await publish_all(Down(), [])  # nothing to publish: Redis is not even asked
    assert [entry["event"] for entry in logs] == ["publish_skipped_no_redis", "publish_failed"]
