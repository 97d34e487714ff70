"""A real API server on 127.0.0.1 (uvicorn, in this event loop) over a committed database, and a
small server-sent-events reader: streams cannot be tested through ASGITransport, which buffers
whole responses."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
import uvicorn

from api.config import Settings
from api.core.db import Database
from api.main import create_app
from tests.fixtures.smtp import free_port


@dataclass
class LiveApi:
    url: str
    db: Database
    app: object
    settings: Settings
    http: httpx.AsyncClient


def live_settings(database_url: str, **overrides) -> Settings:
    return Settings(environment="test", database_url=database_url, redis_url=os.environ["REDIS_URL"],
                    queue_name=f"ficha:test:live:{uuid.uuid4().hex[:8]}", expose_docs=False, mail_backend="smtp",
                    sse_heartbeat_seconds=0.5, sse_recheck_seconds=0.5, sse_max_streams_per_user=2, **overrides)


@pytest.fixture
async def live_api(committed_database_url, arq_pool) -> AsyncIterator[LiveApi]:
    settings = live_settings(committed_database_url)
    db = Database.from_url(committed_database_url, pool_size=4, max_overflow=2)
    app = create_app(settings)
    app.state.db, app.state.arq = db, arq_pool
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning",
                                           access_log=False))
    serving = asyncio.create_task(server.serve())
    while not server.started:
        assert not serving.done(), "uvicorn did not start"
        await asyncio.sleep(0.02)
    url = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        yield LiveApi(url=url, db=db, app=app, settings=settings, http=http)
    server.should_exit = server.force_exit = True  # the test's streams are closed already
    await asyncio.wait_for(serving, 10)
    hub = getattr(app.state, "pubsub", None)
    if hub is not None:
        await hub.aclose()
    await db.dispose()


@dataclass
class Event:
    event: str | None = None
    data: str = ""
    id: str | None = None
    comments: list[str] = field(default_factory=list)
    retry: int | None = None


class EventReader:
    """Reads a text/event-stream response event by event (comments included), per the spec's
    parsing rules for the fields Ficha sends."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self._lines = response.aiter_lines()

    async def next(self, timeout: float = 5.0) -> Event:
        async with asyncio.timeout(timeout):
            event = Event()
            async for line in self._lines:
                if line == "":
                    if event.event or event.data or event.comments or event.retry is not None:
                        return event
                    continue
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "":
                    event.comments.append(value)
                elif name == "event":
                    event.event = value
                elif name == "data":
                    event.data = f"{event.data}\n{value}" if event.data else value
                elif name == "id":
                    event.id = value
                elif name == "retry":
                    event.retry = int(value)
            raise EOFError("the stream ended")

    async def next_named(self, name: str, timeout: float = 5.0) -> Event:
        """The next event called ``name``, skipping pings and other events."""
        async with asyncio.timeout(timeout):
            while True:
                event = await self.next(timeout)
                if event.event == name:
                    return event
