"""A10 history: identity changes appear in /api/v1/audit-events with field diffs and the actor;
nothing secret is ever recorded."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from api.core.audit import AuditEvent
from api.identity.models import IntegrationToken, RecoveryCode, User, UserMfa
from tests.identity.helpers import enrol

EVENTS = "/api/v1/audit-events"


async def test_changes_are_recorded_with_diffs_and_actor(client, workspace, admin_headers):
    roles = {r["key"]: r["id"] for r in (await client.get("/api/v1/roles", headers=admin_headers)).json()["items"]}
    user = (await client.post("/api/v1/users", headers=admin_headers, json={
        "first_name": "Eva", "email": "eva@example.com", "roles": [roles["conversation_agent"]]})).json()
    await client.patch(f"/api/v1/users/{user['id']}", json={"first_name": "Evangelina"}, headers=admin_headers)
    await client.put(f"/api/v1/users/{user['id']}/permissions",
                     json={"optional_permissions": ["orders:independent"]}, headers=admin_headers)
    await client.post(f"/api/v1/users/{user['id']}/deactivate", headers=admin_headers)

    events = (await client.get(EVENTS, params={"entity_id": user["id"]}, headers=admin_headers)).json()["items"]
    actions = [e["action"] for e in events]
    for expected in ("create", "role_added", "invitation_sent", "update", "permission_granted"):
        assert expected in actions, (expected, actions)
    rename = next(e for e in events if e["action"] == "update" and "first_name" in e["changes"])
    assert rename["changes"]["first_name"] == {"old": "Eva", "new": "Evangelina"}
    assert rename["actor_type"] == "user" and rename["actor_user_id"] == str(workspace.admin.id)
    status = next(e for e in events if "status" in e["changes"])
    assert status["changes"]["status"] == {"old": "active", "new": "inactive"}


async def test_role_group_and_specialty_changes_are_recorded(client, admin_headers):
    role = (await client.post("/api/v1/roles", json={"name": "Auditor", "permissions": ["audit:read"]},
                              headers=admin_headers)).json()
    group = (await client.post("/api/v1/groups", json={"name": "G", "kind": "agents"}, headers=admin_headers)).json()
    for entity_id in (role["id"], group["id"]):
        events = (await client.get(EVENTS, params={"entity_id": entity_id}, headers=admin_headers)).json()["items"]
        assert [e["action"] for e in events] == ["create"]
    assert events[0]["changes"]["name"] == {"old": None, "new": "G"}


async def test_nothing_secret_reaches_the_audit_log(client, db, workspace, admin_headers):
    secret, codes = await enrol(client, admin_headers)
    expires = (datetime.now(UTC) + timedelta(days=3)).isoformat()
    token = (await client.post(f"/api/v1/users/{workspace.admin.id}/tokens",
                               json={"description": "t", "expires_at": expires}, headers=admin_headers)).json()
    await client.delete(f"/api/v1/users/{workspace.admin.id}/tokens/{token['id']}", headers=admin_headers)
    await client.post("/api/v1/me/password", headers=admin_headers,
                      json={"current_password": workspace.admin.password, "new_password": "another fine phrase"})
    async with db.session(workspace.id) as session:
        everything = json.dumps([e.changes for e in (await session.execute(select(AuditEvent))).scalars()])
        stored_secrets = [
            (await session.execute(select(User.password_hash).where(User.id == workspace.admin.id))).scalar_one(),
            (await session.execute(select(UserMfa.secret_ciphertext))).scalar_one(),
            (await session.execute(select(IntegrationToken.token_hash))).scalar_one(),
            *(await session.execute(select(RecoveryCode.code_hash))).scalars(),
        ]
        actions = (await session.execute(select(AuditEvent.action))).scalars().all()
    for value in (secret, token["token"], *codes, "another fine phrase", *stored_secrets):
        assert value not in everything
    assert '"redacted": true' in everything
    assert {"mfa_setup_started", "mfa_recovery_codes_issued"} <= set(actions)
