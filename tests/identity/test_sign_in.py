"""Sign-in and /me: the minimal identity the foundation proves (the rest is issue #3)."""

from __future__ import annotations

from datetime import UTC, datetime

import jwt
from sqlalchemy import update

from api.core import permissions
from api.core.security import JWT_ALGORITHM
from api.identity.models import AuthSession, User


async def test_login_returns_a_token_pair(client, workspace):
    response = await client.post("/api/v1/auth/login", json={
        "workspace": workspace.slug, "email": workspace.admin.user.email.upper(), "password": workspace.admin.password})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 900
    assert body["refresh_token"].startswith("fic_rt_")


async def test_me_lists_the_administrators_permissions(client, workspace):
    response = await client.get("/api/v1/me", headers=workspace.admin.headers)
    assert response.status_code == 200
    me = response.json()
    assert me["tenant_id"] == str(workspace.id)
    assert me["workspace"] == workspace.slug
    assert set(me["permissions"]) == set(permissions.KEYS)
    assert [r["key"] for r in me["roles"]] == ["administrator"]


async def test_wrong_password_unknown_user_and_unknown_workspace_look_the_same(client, workspace):
    attempts = [
        {"workspace": workspace.slug, "email": workspace.admin.user.email, "password": "wrong password"},
        {"workspace": workspace.slug, "email": "nobody@example.com", "password": "wrong password"},
        {"workspace": "no-such-workspace", "email": workspace.admin.user.email, "password": "x"},
    ]
    bodies = []
    for attempt in attempts:
        response = await client.post("/api/v1/auth/login", json=attempt, headers={"Accept-Language": "en"})
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        body = response.json()
        bodies.append((body["code"], body["title"], body["detail"]))
    assert len(set(bodies)) == 1 and bodies[0][0] == "invalid_login"


async def test_inactive_or_deleted_users_cannot_sign_in(client, db, workspace):
    async with db.session(workspace.id) as session:
        await session.execute(update(User).where(User.id == workspace.admin.id).values(status="inactive"))
    response = await client.post("/api/v1/auth/login", json={
        "workspace": workspace.slug, "email": workspace.admin.user.email, "password": workspace.admin.password})
    assert response.status_code == 401


async def test_missing_malformed_and_forged_tokens_are_refused(client, workspace):
    assert (await client.get("/api/v1/me")).status_code == 401
    assert (await client.get("/api/v1/me", headers={"Authorization": "Bearer nonsense"})).status_code == 401
    assert (await client.get("/api/v1/me", headers={"Authorization": "Basic abc"})).status_code == 401
    token = workspace.admin.headers["Authorization"].split()[1]
    claims = jwt.decode(token, options={"verify_signature": False})
    forged = jwt.encode(claims, "not-the-server-key-0123456789-0123456789", algorithm=JWT_ALGORITHM)
    response = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
    none_alg = jwt.encode(claims, key="", algorithm="none")
    assert (await client.get("/api/v1/me", headers={"Authorization": f"Bearer {none_alg}"})).status_code == 401


async def test_a_revoked_session_stops_its_access_token_at_once(client, db, workspace):
    async with db.session(workspace.id) as session:
        await session.execute(update(AuthSession).where(AuthSession.user_id == workspace.admin.id)
                              .values(revoked_at=datetime.now(UTC)))
    assert (await client.get("/api/v1/me", headers=workspace.admin.headers)).status_code == 401


async def test_a_deactivated_user_is_refused_on_the_next_request(client, db, workspace):
    assert (await client.get("/api/v1/me", headers=workspace.admin.headers)).status_code == 200
    async with db.session(workspace.id) as session:
        await session.execute(update(User).where(User.id == workspace.admin.id).values(status="inactive"))
    assert (await client.get("/api/v1/me", headers=workspace.admin.headers)).status_code == 401


async def test_password_hashes_are_argon2id_and_never_audited(db, client, workspace):
    from sqlalchemy import select

    from api.core.audit import AuditEvent

    assert workspace.admin.user.password_hash.startswith("$argon2id$")
    async with db.session(workspace.id) as session:
        events = (await session.execute(select(AuditEvent).where(AuditEvent.entity_type == "user"))).scalars().all()
    assert events, "creating the administrator is audited"
    for event in events:
        assert event.changes.get("password_hash", {"redacted": True}) == {"redacted": True}
        assert "$argon2" not in str(event.changes)
