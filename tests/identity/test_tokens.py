"""A8 integration tokens: shown once, stored hashed, listed with last use, revocable, expiring;
they act as their user, with the user's current permissions, in the user's workspace only."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import select

from api.core import security
from api.core.audit import AuditEvent
from api.identity.models import IntegrationToken
from tests.fixtures.factories.identity import make_member, make_token, make_user
from tests.fixtures.factories.locations import make_location
from tests.identity.helpers import bearer


def _in(days: int) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def test_the_secret_is_shown_once_and_stored_hashed(client, db, workspace, admin_headers):
    url = f"/api/v1/users/{workspace.admin.id}/tokens"
    created = await client.post(url, json={"description": "CRM sync", "expires_at": _in(90)}, headers=admin_headers)
    assert created.status_code == 201, created.text
    body = created.json()
    assert re.fullmatch(r"fic_pat_[A-Za-z0-9_-]{43,}", body["token"])
    assert body["prefix"] == body["token"][:14] and body["description"] == "CRM sync"
    listed = (await client.get(url, headers=admin_headers)).json()["items"]
    assert [t["id"] for t in listed] == [body["id"]] and "token" not in listed[0]
    assert body["token"] not in str(listed)
    async with db.session(workspace.id) as session:
        stored = (await session.execute(select(IntegrationToken))).scalar_one()
        events = (await session.execute(select(AuditEvent.changes).where(
            AuditEvent.entity_type == "integration_token"))).scalars().all()
    assert stored.token_hash == security.hash_secret(body["token"])
    assert body["token"] not in str(events) and stored.token_hash not in str(events)


async def test_a_token_acts_as_its_user_with_current_permissions(client, db, workspace, admin_headers):
    reader = await make_member(db, client, workspace, ["locations:read"])
    _token, secret = await make_token(db, workspace, reader.id)
    await make_location(db, workspace.id, name="Sede")
    assert (await client.get("/api/v1/locations", headers=bearer(secret))).status_code == 200
    me = (await client.get("/api/v1/me", headers=bearer(secret))).json()
    assert me["id"] == str(reader.id) and me["via_integration_token"] is True
    assert (await client.post("/api/v1/locations", json={"name": "No"}, headers=bearer(secret))).status_code == 403
    listed = (await client.get(f"/api/v1/users/{reader.id}/tokens", headers=admin_headers)).json()["items"]
    assert listed[0]["last_used_at"] is not None


async def test_permission_changes_apply_to_tokens_at_once(client, db, workspace, admin_headers):
    agent = await make_user(db, workspace)
    _token, secret = await make_token(db, workspace, agent.id)
    url = f"/api/v1/users/{agent.id}/permissions"
    assert "conversations:transfer" not in (await client.get("/api/v1/me", headers=bearer(secret))).json()[
        "permissions"]
    await client.put(url, json={"optional_permissions": ["conversations:transfer"]}, headers=admin_headers)
    assert "conversations:transfer" in (await client.get("/api/v1/me", headers=bearer(secret))).json()["permissions"]


async def test_revoked_expired_and_deactivated_tokens_are_refused(client, db, workspace, admin_headers):
    user = await make_user(db, workspace)
    token, secret = await make_token(db, workspace, user.id, days=1)
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 200
    with time_machine.travel(timedelta(days=1, seconds=1)):
        assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 401
    await client.post(f"/api/v1/users/{user.id}/deactivate", headers=admin_headers)
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 401
    await client.post(f"/api/v1/users/{user.id}/activate", headers=admin_headers)
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 200
    revoked = await client.delete(f"/api/v1/users/{user.id}/tokens/{token.id}", headers=admin_headers)
    assert revoked.status_code == 204
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 401
    assert (await client.get("/api/v1/me", headers=bearer(secret[:-1] + "x"))).status_code == 401
    assert (await client.get(f"/api/v1/me?api_key={secret}")).status_code in (401, 422)


async def test_a_token_of_workspace_a_cannot_reach_workspace_b(client, db, workspace, other_workspace):
    _token, secret = await make_token(db, workspace, workspace.admin.id)
    theirs = await make_location(db, other_workspace.id, name="Ajena")
    foreign_user = other_workspace.admin.id
    for path in (f"/api/v1/locations/{theirs.id}", f"/api/v1/users/{foreign_user}",
                 f"/api/v1/users/{foreign_user}/tokens"):
        response = await client.get(path, headers=bearer(secret))
        assert response.status_code == 404, path
    assert (await client.delete(f"/api/v1/users/{foreign_user}", headers=bearer(secret))).status_code == 404


async def test_tokens_cannot_mint_tokens_or_change_passwords(client, db, workspace):
    _token, secret = await make_token(db, workspace, workspace.admin.id)
    mint = await client.post(f"/api/v1/users/{workspace.admin.id}/tokens",
                             json={"description": "child", "expires_at": _in(1)}, headers=bearer(secret))
    assert mint.status_code == 403 and mint.json()["code"] == "integration_token_not_allowed"
    password = await client.post("/api/v1/me/password", headers=bearer(secret),
                                 json={"current_password": workspace.admin.password, "new_password": "x" * 20})
    assert password.status_code == 403
    assert (await client.post("/api/v1/auth/logout", headers=bearer(secret))).status_code == 403


async def test_changes_made_with_a_token_are_attributed_to_it(client, db, workspace):
    token, secret = await make_token(db, workspace, workspace.admin.id)
    created = await client.post("/api/v1/locations", json={"name": "Por token"}, headers=bearer(secret))
    events = (await client.get("/api/v1/audit-events", params={"entity_id": created.json()["id"]},
                               headers=workspace.admin.headers)).json()["items"]
    assert events[0]["actor_type"] == "token" and events[0]["actor_token_id"] == str(token.id)
    assert events[0]["actor_user_id"] == str(workspace.admin.id)


async def test_own_tokens_for_everyone_others_with_tokens_manage_only(client, db, workspace, admin_headers):
    plain = await make_member(db, client, workspace, [])
    mine = await client.post(f"/api/v1/users/{plain.id}/tokens", json={"description": "mine", "expires_at": _in(5)},
                             headers=plain.headers)
    assert mine.status_code == 201
    others = await client.get(f"/api/v1/users/{workspace.admin.id}/tokens", headers=plain.headers)
    assert others.status_code == 403
    assert (await client.get(f"/api/v1/users/{plain.id}/tokens", headers=admin_headers)).status_code == 200
    manager = await make_member(db, client, workspace, ["tokens:manage"])
    escalation = await client.post(f"/api/v1/users/{workspace.admin.id}/tokens",
                                   json={"description": "x", "expires_at": _in(5)}, headers=manager.headers)
    assert escalation.status_code == 403 and escalation.json()["code"] == "privilege_escalation"
    for expires in (_in(-1), _in(400), "tomorrow"):
        bad = await client.post(f"/api/v1/users/{plain.id}/tokens", json={"description": "x", "expires_at": expires},
                                headers=plain.headers)
        assert bad.status_code == 422, expires
    assert (await client.get(f"/api/v1/users/{plain.id}/tokens")).status_code == 401
