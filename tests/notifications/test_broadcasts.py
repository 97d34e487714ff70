"""D2: administrators broadcast to everyone or to roles, now or scheduled; the cron sends a
scheduled one exactly once, even with two workers at the same moment."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from api.core import security
from api.core.db import Actor, Database
from api.identity.models import Role, User, UserRole
from api.identity.repository import RoleRepository
from api.identity.service import create_tenant
from api.notifications.models import Broadcast, NotificationRecipient
from api.notifications.tasks import send_due_broadcasts as send_due_broadcasts_task
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.notifications import make_broadcast

URL = "/api/v1/notifications/broadcasts"
send_due_broadcasts = send_due_broadcasts_task.coroutine
INBOX = "/api/v1/notifications"


async def _titles(client, member) -> list[str]:
    response = await client.get(INBOX, headers=member.headers)
    assert response.status_code == 200
    return [i["title"] for i in response.json()["items"]]


async def _role_of(db, workspace, member) -> uuid.UUID:
    async with db.session(workspace.id) as session:
        [role] = await RoleRepository(session, workspace.id).roles_of(member.id)
    return role.id


def _future(**delta) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


# --- access --------------------------------------------------------------------------------

async def test_no_credential_is_401(client):
    some = uuid.uuid4()
    for method, url in (("GET", URL), ("POST", URL), ("GET", f"{URL}/{some}"), ("POST", f"{URL}/{some}/cancel")):
        response = await client.request(method, url, json={"title": "x"})
        assert response.status_code == 401, (method, url)


async def test_without_the_broadcast_permission_is_403(client, db, workspace):
    member = await make_member(db, client, workspace, ["mail:read", "users:read"])
    scheduled = await make_broadcast(db, workspace.id)
    for method, url in (("GET", URL), ("POST", URL), ("GET", f"{URL}/{scheduled.id}"),
                        ("POST", f"{URL}/{scheduled.id}/cancel")):
        response = await client.request(method, url, json={"title": "Hola"}, headers=member.headers)
        assert response.status_code == 403, (method, url)
        assert "notifications:broadcast" in response.json()["detail"]
    still = await client.get(f"{URL}/{scheduled.id}", headers=workspace.admin.headers)
    assert still.json()["status"] == "scheduled"


async def test_another_workspaces_broadcast_is_404(client, db, workspace, other_workspace):
    theirs = await make_broadcast(db, other_workspace.id)
    for method, url in (("GET", f"{URL}/{theirs.id}"), ("POST", f"{URL}/{theirs.id}/cancel")):
        response = await client.request(method, url, headers=workspace.admin.headers)
        assert response.status_code == 404 and response.json()["code"] == "entity_not_found"
    assert (await client.get(URL, headers=workspace.admin.headers)).json()["items"] == []
    assert (await client.get(f"{URL}/{theirs.id}", headers=other_workspace.admin.headers)).json()["status"] == \
        "scheduled"


# --- sending -------------------------------------------------------------------------------

async def test_broadcast_now_reaches_every_active_user_once_and_is_audited(client, db, workspace):
    members = [await make_member(db, client, workspace, []) for _ in range(2)]
    inactive = await make_member(db, client, workspace, [])
    async with db.session(workspace.id) as session:
        user = await session.get(User, inactive.id)
        user.status = "inactive"
    body = {"kind": "system", "title": "El sistema se actualizará pronto", "body": "Hoy a las 22:00",
            "link": "/status", "action": "Detalles"}
    created = await client.post(URL, json=body, headers=workspace.admin.headers)
    assert created.status_code == 201, created.text
    broadcast = created.json()
    assert created.headers["location"] == f"{URL}/{broadcast['id']}"
    assert broadcast["status"] == "sent" and broadcast["recipient_count"] == 3 and broadcast["sent_at"]
    assert broadcast["audience"] == "everyone" and broadcast["role_ids"] == []
    for member in (workspace.admin, *members):
        page = (await client.get(INBOX, headers=member.headers)).json()
        assert [(i["kind"], i["title"], i["link"], i["action"]) for i in page["items"]] == \
            [("system", body["title"], "/status", "Detalles")]
        assert page["unread_count"] == 1
    async with db.session(workspace.id) as session:
        rows = (await session.execute(select(func.count()).select_from(NotificationRecipient))).scalar_one()
    assert rows == 3, "one narrow row per recipient, the text stored once"
    events = (await client.get("/api/v1/audit-events", params={"entity_id": broadcast["id"]},
                               headers=workspace.admin.headers)).json()["items"]
    assert [e["action"] for e in events] == ["create"]
    assert events[0]["changes"]["title"]["new"] == body["title"]


async def test_a_broadcast_to_a_role_reaches_only_its_members(client, db, workspace):
    agent = await make_member(db, client, workspace, ["contacts:read"])
    outsider = await make_member(db, client, workspace, ["contacts:read"])
    role_id = await _role_of(db, workspace, agent)
    created = await client.post(URL, json={"title": "Solo agentes", "audience": "roles", "role_ids": [str(role_id)]},
                                headers=workspace.admin.headers)
    assert created.status_code == 201, created.text
    assert created.json()["recipient_count"] == 1
    assert await _titles(client, agent) == ["Solo agentes"]
    assert await _titles(client, outsider) == []
    assert await _titles(client, workspace.admin) == []


async def test_scheduled_broadcast_waits_then_the_cron_delivers_it_once(client, db, workspace, arq_pool, settings):
    member = await make_member(db, client, workspace, [])
    send_at = datetime.now(UTC) + timedelta(minutes=30)
    created = await client.post(URL, json={"title": "Programada", "send_at": send_at.isoformat()},
                                headers=workspace.admin.headers)
    assert created.status_code == 201
    assert created.json()["status"] == "scheduled" and created.json()["recipient_count"] == 0
    worker_ctx = {"db": db, "redis": arq_pool, "settings": settings}
    assert await send_due_broadcasts(worker_ctx) == 0, "not due yet"
    assert await _titles(client, member) == []

    with time_machine.travel(send_at + timedelta(seconds=30), tick=True):
        assert await send_due_broadcasts(worker_ctx) == 1
        assert await send_due_broadcasts(worker_ctx) == 0, "a second run sends nothing again"
    assert await _titles(client, member) == ["Programada"]
    assert await _titles(client, workspace.admin) == ["Programada"]
    read = (await client.get(f"{URL}/{created.json()['id']}", headers=workspace.admin.headers)).json()
    assert read["status"] == "sent" and read["recipient_count"] == 2
    events = (await client.get("/api/v1/audit-events", params={"entity_id": read["id"]},
                               headers=workspace.admin.headers)).json()["items"]
    assert [(e["action"], e["actor_type"]) for e in reversed(events)] == [("create", "user"), ("update", "system")]
    assert events[0]["changes"]["status"] == {"old": "scheduled", "new": "sent"}


async def test_a_cancelled_broadcast_is_never_sent(client, db, workspace, arq_pool, settings):
    send_at = datetime.now(UTC) + timedelta(minutes=5)
    created = (await client.post(URL, json={"title": "Cancelada", "send_at": send_at.isoformat()},
                                 headers=workspace.admin.headers)).json()
    cancelled = await client.post(f"{URL}/{created['id']}/cancel", headers=workspace.admin.headers)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = await client.post(f"{URL}/{created['id']}/cancel", headers={**workspace.admin.headers,
                                                                          "Accept-Language": "en"})
    assert again.status_code == 409 and again.json()["code"] == "broadcast_not_scheduled"
    assert "cancelled" in again.json()["detail"]
    with time_machine.travel(send_at + timedelta(minutes=1), tick=True):
        assert await send_due_broadcasts({"db": db, "redis": arq_pool, "settings": settings}) == 0
    assert await _titles(client, workspace.admin) == []
    events = (await client.get("/api/v1/audit-events", params={"entity_id": created["id"]},
                               headers=workspace.admin.headers)).json()["items"]
    assert events[0]["action"] == "update" and events[0]["changes"]["status"]["new"] == "cancelled"


async def test_a_sent_broadcast_cannot_be_cancelled(client, admin_headers):
    sent = (await client.post(URL, json={"title": "Ya enviada"}, headers=admin_headers)).json()
    response = await client.post(f"{URL}/{sent['id']}/cancel", headers=admin_headers)
    assert response.status_code == 409 and response.json()["code"] == "broadcast_not_scheduled"


async def test_list_filters_and_pages(client, db, workspace):
    for i in range(3):
        await make_broadcast(db, workspace.id, title=f"Prog {i}")
    await client.post(URL, json={"title": "Ahora"}, headers=workspace.admin.headers)
    listed = (await client.get(URL, params={"status": "scheduled", "limit": 2},
                               headers=workspace.admin.headers)).json()
    assert len(listed["items"]) == 2 and listed["next_cursor"]
    rest = (await client.get(URL, params={"status": "scheduled", "cursor": listed["next_cursor"]},
                             headers=workspace.admin.headers)).json()
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    sent = (await client.get(URL, params={"status": "sent"}, headers=workspace.admin.headers)).json()
    assert [b["title"] for b in sent["items"]] == ["Ahora"]


# --- bad input -----------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "loc"), [
    ({"title": ""}, ["body", "title"]),
    ({"title": "x" * 201}, ["body", "title"]),
    ({"title": "x", "body": "y" * 2001}, ["body", "body"]),
    ({"body": "sin título"}, ["body", "title"]),
    ({"title": "x", "kind": "job"}, ["body", "kind"]),
    ({"title": "x", "kind": "personal"}, ["body", "kind"]),
    ({"title": "x", "link": "javascript:alert(1)"}, ["body", "link"]),
    ({"title": "x", "link": "//evil.example/phish"}, ["body", "link"]),
    ({"title": "x", "link": "http://plain.example"}, ["body", "link"]),
    ({"title": "x", "action": "a" * 41}, ["body", "action"]),
    ({"title": "x", "audience": "roles"}, ["body", "role_ids"]),
    ({"title": "x", "role_ids": ["01a2010a-d308-7274-91bf-a2eb8ec3c3b0"]}, ["body", "role_ids"]),
    ({"title": "x", "audience": "roles", "role_ids": [str(uuid.uuid4()) for _ in range(51)]}, ["body", "role_ids"]),
    ({"title": "x", "audience": "roles", "role_ids": ["nope"]}, ["body", "role_ids", 0]),
    ({"title": "x", "send_at": "2020-01-01T00:00:00Z"}, ["body", "send_at"]),
    ({"title": "x", "send_at": "2999-01-01T00:00:00Z"}, ["body", "send_at"]),
    ({"title": "x", "send_at": 1893456000}, ["body", "send_at"]),
    ({"title": "x", "send_at": "2030-01-01T00:00:00"}, ["body", "send_at"]),
    ({"title": "x", "tenant_id": "01a2010a-d308-7274-91bf-a2eb8ec3c3b0"}, ["body", "tenant_id"]),
    ({"title": "x", "status": "sent"}, ["body", "status"]),
])
async def test_bad_bodies_are_localised_422_and_change_nothing(client, admin_headers, body, loc):
    response = await client.post(URL, json=body, headers={**admin_headers, "Accept-Language": "es"})
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["title"] == "Datos no válidos"
    assert loc in [e["loc"] for e in problem["errors"]], problem["errors"]
    assert all(e["msg"] for e in problem["errors"])
    assert (await client.get(URL, headers=admin_headers)).json()["items"] == []
    assert (await client.get(INBOX, headers=admin_headers)).json()["items"] == []


async def test_unknown_or_foreign_roles_are_404(client, db, workspace, other_workspace):
    async with db.session(other_workspace.id) as session:
        [their_role] = await RoleRepository(session, other_workspace.id).roles_of(other_workspace.admin.id)
    for role_id in (their_role.id, uuid.uuid4()):
        response = await client.post(URL, json={"title": "x", "audience": "roles", "role_ids": [str(role_id)]},
                                     headers=workspace.admin.headers)
        assert response.status_code == 404 and response.json()["code"] == "entity_not_found"
    assert (await client.get(URL, headers=workspace.admin.headers)).json()["items"] == []


async def test_malformed_json_is_400(client, admin_headers):
    response = await client.post(URL, content=b'{"title": ', headers={**admin_headers,
                                                                      "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["code"] == "malformed_json"


# --- two workers, one delivery ----------------------------------------------------------------

async def test_two_crons_at_the_same_moment_deliver_once(committed_database_url, settings, arq_pool):
    db = Database.from_url(committed_database_url, pool_size=4, max_overflow=0)
    try:
        async with db.session() as session:
            tenant = await create_tenant(session, slug=f"bc-{uuid.uuid4().hex[:8]}", name="Cron",
                                         admin_email="admin@cron.test", admin_password="passphrase for test")
        async with db.session(tenant.id, Actor.system()) as session:
            role = Role(tenant_id=tenant.id, key="agents", name="Agents", permissions=[], optional_permissions=[])
            session.add(role)
            for i in range(5):
                user = User(tenant_id=tenant.id, email=f"u{i}@cron.test", first_name="U",
                            password_hash=security.hash_password("x" * 12))
                session.add(user)
                await session.flush()
                session.add(UserRole(tenant_id=tenant.id, user_id=user.id, role_id=role.id))
        broadcast = await make_broadcast(db, tenant.id, audience="roles", role_ids=[role.id],
                                         send_at=datetime.now(UTC) - timedelta(seconds=1))
        worker_ctx = {"db": db, "redis": arq_pool, "settings": settings}
        results = await asyncio.gather(*(send_due_broadcasts(worker_ctx) for _ in range(3)))
        assert sorted(results) == [0, 0, 1]
        async with db.session(tenant.id) as session:
            recipients = (await session.execute(select(func.count()).select_from(NotificationRecipient))).scalar_one()
            sent = (await session.execute(select(Broadcast).where(Broadcast.id == broadcast.id))).scalar_one()
        assert recipients == 5 and sent.status == "sent" and sent.recipient_count == 5
    finally:
        await db.dispose()
