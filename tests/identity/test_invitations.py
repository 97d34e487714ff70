"""A2 invitations and A3 password resets: single-use links by email over real SMTP (aiosmtpd),
followed end to end to set a password and sign in."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from sqlalchemy import select

from api.core import security
from api.identity.models import AccountToken
from tests.fixtures.factories.identity import make_user
from tests.identity.helpers import code_at, enrol, link_token, sign_in

NEW_PASSWORD = "correct horse battery staple"


async def _invite(client, admin_headers, workspace, **extra) -> dict:
    roles = (await client.get("/api/v1/roles", headers=admin_headers)).json()["items"]
    agent = next(r for r in roles if r["key"] == "conversation_agent")
    body = {"first_name": "Lucía", "last_name": "Gómez", "email": f"lucia.{workspace.slug}@example.com",
            "roles": [agent["id"]], **extra}
    response = await client.post("/api/v1/users", json=body, headers=admin_headers)
    assert response.status_code == 201, response.text
    return response.json()


async def _deliver(run_jobs, settings, smtp_server, count):
    await run_jobs(settings.model_copy(update={"smtp_port": smtp_server.port}))
    return smtp_server.wait_for(count)


async def test_invited_user_follows_the_link_sets_a_password_and_signs_in(
        client, db, workspace, admin_headers, smtp_server, run_jobs, settings):
    user = await _invite(client, admin_headers, workspace, culture="en")
    assert user["invitation_pending"] is True
    [message] = await _deliver(run_jobs, settings, smtp_server, 1)
    assert message["To"] == user["email"] and "Invitation to" in message["Subject"]
    text = smtp_server.text_of(message)
    assert f"{settings.public_url}/accept-invitation?token=" in text and "7 days" in text
    token = link_token(text)
    assert token.startswith("fic_link_") and len(token) >= len("fic_link_") + 43  # ≥ 256 bits

    async with db.session(workspace.id) as session:
        stored = (await session.execute(select(AccountToken.token_hash))).scalars().all()
    assert stored == [security.hash_secret(token)], "only the SHA-256 of the link is stored"

    # The invited user cannot sign in before accepting.
    assert (await sign_in(client, workspace.slug, user["email"], NEW_PASSWORD)).status_code == 401
    accepted = await client.post("/api/v1/auth/invitations/accept", json={"token": token, "password": NEW_PASSWORD})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == {"workspace": workspace.slug, "email": user["email"]}
    assert accepted.headers["referrer-policy"] == "no-referrer"
    signed_in = await sign_in(client, workspace.slug, user["email"], NEW_PASSWORD)
    assert signed_in.status_code == 200 and "access_token" in signed_in.json()

    again = await client.post("/api/v1/auth/invitations/accept", json={"token": token, "password": NEW_PASSWORD},
                              headers={"Accept-Language": "en"})
    assert again.status_code == 410 and again.json()["code"] == "invitation_used"
    assert again.headers["content-type"] == "application/problem+json"


async def test_expired_unknown_and_superseded_links_get_clear_errors(
        client, workspace, admin_headers, smtp_server, run_jobs, settings):
    user = await _invite(client, admin_headers, workspace)
    [first] = await _deliver(run_jobs, settings, smtp_server, 1)
    old = link_token(smtp_server.text_of(first))
    assert "Invitación" in first["Subject"], "the workspace's language (es) by default"

    resent = await client.post(f"/api/v1/users/{user['id']}/invitation", headers=admin_headers)
    assert resent.status_code == 202
    messages = await _deliver(run_jobs, settings, smtp_server, 2)
    new = link_token(smtp_server.text_of(messages[1]))
    assert new != old

    refused = await client.post("/api/v1/auth/invitations/accept", json={"token": old, "password": NEW_PASSWORD})
    assert refused.status_code == 410 and refused.json()["code"] == "invitation_superseded"
    unknown = await client.post("/api/v1/auth/invitations/accept",
                                json={"token": "fic_link_" + "x" * 43, "password": NEW_PASSWORD})
    assert unknown.status_code == 400 and unknown.json()["code"] == "invitation_invalid"

    with time_machine.travel(timedelta(days=7, seconds=1)):
        late = await client.post("/api/v1/auth/invitations/accept", json={"token": new, "password": NEW_PASSWORD})
    assert late.status_code == 410 and late.json()["code"] == "invitation_expired"
    with time_machine.travel(timedelta(days=6, hours=23)):
        in_time = await client.post("/api/v1/auth/invitations/accept",
                                    json={"token": new, "password": NEW_PASSWORD})
    assert in_time.status_code == 200


async def test_weak_passwords_are_refused_and_the_link_survives(
        client, workspace, admin_headers, smtp_server, run_jobs, settings):
    await _invite(client, admin_headers, workspace)
    [message] = await _deliver(run_jobs, settings, smtp_server, 1)
    token = link_token(smtp_server.text_of(message))
    for weak in ("short", "1234567890", "contraseña123", "aaaaaaaaaaaa", "lucia.gomez1"):
        response = await client.post("/api/v1/auth/invitations/accept", json={"token": token, "password": weak},
                                     headers={"Accept-Language": "pt"})
        assert response.status_code == 422, weak
        assert response.json()["code"] == "weak_password"
        assert response.json()["errors"][0]["loc"] == ["body", "password"]
    long_one = "ñandú " * 21 + "fin"
    assert (await client.post("/api/v1/auth/invitations/accept",
                              json={"token": token, "password": long_one})).status_code == 200


async def test_resending_to_a_user_who_already_accepted_is_a_conflict(client, db, workspace, admin_headers):
    user = await make_user(db, workspace, password="a perfectly fine passphrase")
    response = await client.post(f"/api/v1/users/{user.id}/invitation", headers=admin_headers)
    assert response.status_code == 409 and response.json()["code"] == "invitation_already_accepted"


async def test_forgot_answers_alike_and_the_reset_link_works_once(
        client, db, workspace, smtp_server, run_jobs, settings):
    admin = workspace.admin.user
    known = await client.post("/api/v1/auth/password/forgot", json={"workspace": workspace.slug, "email": admin.email})
    unknown = await client.post("/api/v1/auth/password/forgot",
                                json={"workspace": workspace.slug, "email": "nobody@example.com"})
    nowhere = await client.post("/api/v1/auth/password/forgot", json={"workspace": "no-such-ws", "email": admin.email})
    assert known.status_code == unknown.status_code == nowhere.status_code == 202
    assert known.json() == unknown.json() == nowhere.json()

    [message] = await _deliver(run_jobs, settings, smtp_server, 1)
    assert message["To"] == admin.email and "/reset-password?token=" in smtp_server.text_of(message)
    token = link_token(smtp_server.text_of(message))
    old_headers = workspace.admin.headers
    reset = await client.post("/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD})
    assert reset.status_code == 204, reset.text
    assert (await client.get("/api/v1/me", headers=old_headers)).status_code == 401, "sessions end on reset"
    assert (await sign_in(client, workspace.slug, admin.email, workspace.admin.password)).status_code == 401
    assert (await sign_in(client, workspace.slug, admin.email, NEW_PASSWORD)).status_code == 200
    again = await client.post("/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD})
    assert again.status_code == 410 and again.json()["code"] == "password_reset_used"
    invitation_token_as_reset = await client.post("/api/v1/auth/invitations/accept",
                                                  json={"token": token, "password": NEW_PASSWORD})
    assert invitation_token_as_reset.status_code == 400


async def test_reset_links_last_one_hour(client, workspace, smtp_server, run_jobs, settings):
    await client.post("/api/v1/auth/password/forgot",
                      json={"workspace": workspace.slug, "email": workspace.admin.user.email})
    [message] = await _deliver(run_jobs, settings, smtp_server, 1)
    token = link_token(smtp_server.text_of(message))
    with time_machine.travel(timedelta(hours=1, seconds=1)):
        late = await client.post("/api/v1/auth/password/reset", json={"token": token, "password": NEW_PASSWORD})
    assert late.status_code == 410 and late.json()["code"] == "password_reset_expired"


async def test_a_reset_never_bypasses_mfa(client, workspace, smtp_server, run_jobs, settings):
    secret, _codes = await enrol(client, workspace.admin.headers)
    await client.post("/api/v1/auth/password/forgot",
                      json={"workspace": workspace.slug, "email": workspace.admin.user.email})
    [message] = await _deliver(run_jobs, settings, smtp_server, 1)
    reset = await client.post("/api/v1/auth/password/reset",
                              json={"token": link_token(smtp_server.text_of(message)), "password": NEW_PASSWORD})
    assert reset.status_code == 204 and reset.content == b"", "a reset does not sign in"
    login = await sign_in(client, workspace.slug, workspace.admin.user.email, NEW_PASSWORD)
    assert login.json()["mfa_required"] is True and "access_token" not in login.json()
    verified = await client.post("/api/v1/auth/mfa/verify",
                                 json={"mfa_token": login.json()["mfa_token"], "code": code_at(secret, 1)})
    assert verified.status_code == 200


async def test_forgot_is_throttled_per_address(client, workspace):
    body = {"workspace": workspace.slug, "email": "someone@example.com"}
    statuses = [(await client.post("/api/v1/auth/password/forgot", json=body)).status_code for _ in range(7)]
    assert statuses[:5] == [202] * 5 and statuses[5] == 429
    limited = await client.post("/api/v1/auth/password/forgot", json=body)
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0


async def test_accept_is_throttled_per_ip(client):
    statuses = []
    for _ in range(32):
        response = await client.post("/api/v1/auth/invitations/accept",
                                     json={"token": "fic_link_guess", "password": NEW_PASSWORD})
        statuses.append(response.status_code)
    assert statuses[:30] == [400] * 30 and statuses[-1] == 429


async def test_invitations_are_capped_per_workspace_per_day(
        client, db, workspace, other_workspace, admin_headers, monkeypatch, settings):
    from api.identity import account_links

    monkeypatch.setattr(account_links, "get_settings", lambda: settings.model_copy(update={"invitations_per_day": 2}))
    first = await _invite(client, admin_headers, workspace)
    assert (await client.post(f"/api/v1/users/{first['id']}/invitation", headers=admin_headers)).status_code == 202
    roles = (await client.get("/api/v1/roles", headers=admin_headers)).json()["items"]
    refused = await client.post("/api/v1/users", headers=admin_headers, json={
        "first_name": "Otra", "last_name": "Persona", "email": f"otra.{workspace.slug}@example.com",
        "roles": [roles[0]["id"]]})
    assert refused.status_code == 429 and refused.json()["code"] == "quota_exceeded"
    assert 0 < int(refused.headers["retry-after"]) <= 86400
    # Refused as a whole: the user was not created either.
    found = await client.get("/api/v1/users", params={"q": "otra"}, headers=admin_headers)
    assert found.json()["items"] == []
    # The cap is the workspace's: another workspace still invites.
    await _invite(client, other_workspace.admin.headers, other_workspace)
