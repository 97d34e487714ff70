"""D2: ``GET /notifications/stream`` over real HTTP (uvicorn on 127.0.0.1) — events published by
another request, by a job and by another API process arrive; Last-Event-ID resumes from the
database; heartbeats; the stream ends when the session is revoked; disconnects release the
subscription; no token in the URL; a bounded number of streams per user."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from contextlib import asynccontextmanager

import httpx
import pytest
from sqlalchemy import update

from api.config import ROOT
from api.core.context import Principal, TenantContext, UnitOfWork
from api.core.db import bind_actor
from api.core.pubsub import hub_of
from api.identity.models import AuthSession
from api.jobs.service import run_job, start_job
from api.notifications.events import user_channel
from api.notifications.service import JobNotice
from tests.fixtures.factories.identity import make_member, make_workspace
from tests.fixtures.smtp import free_port
from tests.notifications.conftest import EventReader

STREAM = "/api/v1/notifications/stream"
BROADCASTS = "/api/v1/notifications/broadcasts"


@asynccontextmanager
async def stream(http: httpx.AsyncClient, headers: dict[str, str], last_event_id: str | None = None):
    extra = {"Last-Event-ID": last_event_id} if last_event_id else {}
    async with http.stream("GET", STREAM, headers={**headers, **extra}) as response:
        assert response.status_code == 200, (await response.aread()).decode()
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-store"
        reader = EventReader(response)
        hello = await reader.next()
        assert hello.comments == ["connected"] and hello.retry == 3000
        yield reader


async def _live_workspace(live_api):
    workspace = await make_workspace(live_api.db, live_api.http)
    member = await make_member(live_api.db, live_api.http, workspace, [])
    return workspace, member


async def test_a_broadcast_sent_by_another_request_arrives_and_no_db_connection_is_held(live_api):
    live_api.app.state.settings = live_api.settings.model_copy(update={"sse_recheck_seconds": 60})
    workspace, member = await _live_workspace(live_api)
    async with stream(live_api.http, member.headers) as events:
        await asyncio.sleep(0.3)
        assert live_api.db.engine.pool.checkedout() == 0, "an open stream holds no database connection"
        sent = await live_api.http.post(BROADCASTS, json={"kind": "system", "title": "Actualización a las 22:00"},
                                        headers=workspace.admin.headers)
        assert sent.status_code == 201
        event = await events.next_named("notification")
    data = json.loads(event.data)
    assert data["title"] == "Actualización a las 22:00" and data["kind"] == "system" and data["read"] is False
    assert event.id and event.id.isdigit()


async def test_a_job_notification_arrives_pending_then_completed(live_api, arq_pool):
    workspace, member = await _live_workspace(live_api)
    principal = Principal(tenant_id=workspace.id, user_id=member.id, permissions=frozenset())
    async with stream(live_api.http, member.headers) as events:
        async with live_api.db.sessionmaker() as session:
            bind_actor(session, workspace.id, principal.actor)
            uow = UnitOfWork(session=session)
            ctx = TenantContext(uow=uow, principal=principal, tenant_id=workspace.id, language="es")
            job = await start_job(ctx, kind="contacts.export", function="jobs.requeue_stale", payload={},
                                  notice=JobNotice(title="Exportación"))
            await session.commit()
        await uow.after_commit(arq_pool, live_api.settings.queue_name)
        pending = json.loads((await events.next_named("notification")).data)
        assert pending["job"]["status"] == "pending"

        async with run_job(live_api.db, str(workspace.id), str(job.id), redis=arq_pool) as running:
            await running.progress(50)
            running.result = {"download_url": "/files/x.zip"}
        assert json.loads((await events.next_named("job")).data) == \
            {"job_id": str(job.id), "status": "running", "progress": 0}
        assert json.loads((await events.next_named("job")).data)["progress"] == 50
        completed = json.loads((await events.next_named("notification")).data)
    assert completed["job"] == {"id": str(job.id), "status": "completed", "result": {"download_url": "/files/x.zip"},
                                "error": None}
    assert completed["read"] is False
    await arq_pool.delete(live_api.settings.queue_name)


async def test_last_event_id_resumes_with_what_was_missed(live_api):
    workspace, member = await _live_workspace(live_api)
    async with stream(live_api.http, member.headers) as events:
        await live_api.http.post(BROADCASTS, json={"title": "Primera"}, headers=workspace.admin.headers)
        first = await events.next_named("notification")
    first_id = json.loads(first.data)["id"]
    # disconnected: a new broadcast, and the first one read from another console
    await live_api.http.post(BROADCASTS, json={"title": "Segunda"}, headers=workspace.admin.headers)
    await live_api.http.post(f"/api/v1/notifications/{first_id}/read", headers=member.headers)

    async with stream(live_api.http, member.headers, last_event_id=first.id) as events:
        replayed = [json.loads((await events.next_named("notification")).data) for _ in range(2)]
    assert {(n["title"], n["read"]) for n in replayed} == {("Primera", True), ("Segunda", False)}

    async with stream(live_api.http, member.headers, last_event_id="not-a-number") as events:
        assert (await events.next(timeout=2)).comments == ["ping"], "an unreadable id replays nothing"
    too_long = await live_api.http.get(STREAM, headers={**member.headers, "Last-Event-ID": "9" * 41})
    assert too_long.status_code == 422


async def test_heartbeats_keep_an_idle_stream_alive(live_api):
    _workspace, member = await _live_workspace(live_api)
    async with stream(live_api.http, member.headers) as events:
        pings = [await events.next(timeout=2) for _ in range(2)]
    assert all(p.comments == ["ping"] and p.event is None for p in pings)


async def test_the_stream_ends_when_the_session_is_revoked(live_api):
    _workspace, member = await _live_workspace(live_api)
    async with stream(live_api.http, member.headers) as events:
        async with live_api.db.session(member.user.tenant_id) as session:
            await session.execute(update(AuthSession).where(AuthSession.user_id == member.id)
                                  .values(revoked_at=AuthSession.created_at))
        end = await events.next_named("end", timeout=5)
        assert json.loads(end.data) == {"reason": "unauthenticated"}
        with pytest.raises(EOFError):
            await events.next(timeout=3)
    assert (await live_api.http.get(STREAM, headers=member.headers)).status_code == 401


async def test_a_client_leaving_releases_its_subscription(live_api, arq_pool):
    workspace, member = await _live_workspace(live_api)
    channel = user_channel(workspace.id, member.id)
    hub = hub_of(live_api.app.state)
    async with stream(live_api.http, member.headers):
        assert hub.listener_count(channel) == 1
    deadline = time.monotonic() + 5
    while hub.listener_count(channel) or (await arq_pool.pubsub_numsub(channel))[0][1]:
        assert time.monotonic() < deadline, "the subscription outlived its client"
        await asyncio.sleep(0.1)


async def test_streams_per_user_are_bounded(live_api):
    _workspace, member = await _live_workspace(live_api)
    async with stream(live_api.http, member.headers), stream(live_api.http, member.headers):
        third = await live_api.http.get(STREAM, headers={**member.headers, "Accept-Language": "es"})
        assert third.status_code == 429 and third.json()["code"] == "too_many_streams"
        assert third.headers["retry-after"] and "2 consolas" in third.json()["detail"]


async def test_tokens_in_the_url_are_never_accepted(live_api):
    _workspace, member = await _live_workspace(live_api)
    token = member.headers["Authorization"].removeprefix("Bearer ")
    for params in ({"access_token": token}, {"token": token}, {"authorization": f"Bearer {token}"}):
        response = await live_api.http.get(STREAM, params=params)
        # refused as an unknown parameter, or as a request without a credential: never a stream
        assert response.status_code in (401, 422)
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] in ("unauthenticated", "validation_failed")


@pytest.mark.slow
async def test_an_event_published_by_one_api_process_reaches_a_stream_on_another(live_api, committed_database_url):
    workspace, member = await _live_workspace(live_api)
    port = free_port()
    env = {**os.environ, "DATABASE_URL": committed_database_url, "FICHA_QUEUE_NAME": live_api.settings.queue_name,
           "FICHA_EXPOSE_DOCS": "false"}
    other = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host",
                              "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as other_http:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if (await other_http.get("/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert other.poll() is None and time.monotonic() < deadline, "the second API process did not start"
                await asyncio.sleep(0.2)
            async with stream(other_http, member.headers) as events:
                await live_api.http.post(BROADCASTS, json={"title": "Desde el proceso A"},
                                         headers=workspace.admin.headers)
                event = await events.next_named("notification", timeout=10)
        assert json.loads(event.data)["title"] == "Desde el proceso A"
    finally:
        other.terminate()
        try:
            other.wait(10)
        except subprocess.TimeoutExpired:
            other.kill()


async def test_redis_unreachable_is_a_clear_503(app, client, admin_headers):
    import redis.asyncio

    from api.core.pubsub import PubSubHub

    unreachable = redis.asyncio.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1)
    app.state.pubsub = PubSubHub(unreachable)
    try:
        response = await client.get(STREAM, headers={**admin_headers, "Accept-Language": "en"})
    finally:
        del app.state.pubsub
        await unreachable.aclose()
    assert response.status_code == 503 and response.json()["code"] == "service_unavailable"
    assert response.headers["retry-after"] == "10"
