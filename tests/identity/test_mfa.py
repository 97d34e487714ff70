"""A4 TOTP MFA: setup/enable/disable, login challenge, single-use codes (replay refused, even
in parallel), recovery codes once each, encrypted seeds, throttling, and MFA required by role."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from api.core import security
from api.core.audit import AuditEvent
from api.identity.models import RecoveryCode, Role, UserMfa
from tests.fixtures.factories.identity import make_token, make_user
from tests.identity.helpers import bearer, code_at, enrol, sign_in

VERIFY = "/api/v1/auth/mfa/verify"


async def _challenge(client, workspace) -> str:
    response = await sign_in(client, workspace.slug, workspace.admin.user.email, workspace.admin.password)
    body = response.json()
    assert response.status_code == 200 and body == {"mfa_required": True, "mfa_token": body["mfa_token"]}
    return body["mfa_token"]


async def test_setup_returns_a_secret_uri_and_qr_and_keeps_the_seed_encrypted(client, db, workspace, admin_headers):
    setup = await client.post("/api/v1/me/mfa/setup", headers=admin_headers)
    assert setup.status_code == 200
    body = setup.json()
    assert len(body["secret"]) == 32, "160-bit seed"
    assert body["otpauth_uri"].startswith("otpauth://totp/") and "issuer=Ficha" in body["otpauth_uri"]
    assert body["qr_svg"].lstrip().startswith("<?xml") and "<svg" in body["qr_svg"]
    async with db.session(workspace.id) as session:
        stored = (await session.execute(select(UserMfa))).scalar_one()
    assert body["secret"] not in stored.secret_ciphertext and stored.secret_ciphertext.startswith("v1:")
    assert security.decrypt_field(stored.secret_ciphertext, f"user_mfa:{workspace.admin.id}") == body["secret"]
    with pytest.raises(security.DecryptionError):  # bound to its row
        security.decrypt_field(stored.secret_ciphertext, f"user_mfa:{workspace.id}")


async def test_enable_needs_a_valid_code_and_gives_ten_hashed_recovery_codes(client, db, workspace, admin_headers):
    assert (await client.post("/api/v1/me/mfa/enable", json={"code": "123456"},
                              headers=admin_headers)).json()["code"] == "mfa_setup_missing"
    secret = (await client.post("/api/v1/me/mfa/setup", headers=admin_headers)).json()["secret"]
    wrong = await client.post("/api/v1/me/mfa/enable", json={"code": "000000" if code_at(secret) != "000000"
                                                              else "111111"}, headers=admin_headers)
    assert wrong.status_code == 401 and wrong.json()["code"] == "mfa_code_invalid"
    assert (await client.post("/api/v1/me/mfa/enable", json={"code": "12345"},
                              headers=admin_headers)).status_code == 422
    enabled = await client.post("/api/v1/me/mfa/enable", json={"code": code_at(secret)}, headers=admin_headers)
    codes = enabled.json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    async with db.session(workspace.id) as session:
        hashes = (await session.execute(select(RecoveryCode.code_hash))).scalars().all()
    assert len(hashes) == 10 and not set(codes) & set(hashes)
    me = (await client.get("/api/v1/me", headers=admin_headers)).json()
    assert me["mfa_enabled"] is True
    assert (await client.post("/api/v1/me/mfa/setup", headers=admin_headers)).status_code == 409


async def test_login_of_an_mfa_user_needs_the_second_step(client, workspace, admin_headers):
    secret, _codes = await enrol(client, admin_headers)
    token = await _challenge(client, workspace)
    assert (await client.get("/api/v1/me", headers=bearer(token))).status_code == 401, "not an access token"
    verified = await client.post(VERIFY, json={"mfa_token": token, "code": code_at(secret, 1)})
    assert verified.status_code == 200 and "access_token" in verified.json()
    assert (await client.get("/api/v1/me", headers=bearer(verified.json()["access_token"]))).status_code == 200
    again = await client.post(VERIFY, json={"mfa_token": token, "code": code_at(secret, 1)})
    assert again.status_code == 401


async def test_a_totp_code_is_accepted_once_and_replays_are_audited(client, db, workspace, admin_headers):
    secret, _codes = await enrol(client, admin_headers)  # used the current step
    replay = await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                             "code": code_at(secret)}, headers={"Accept-Language": "en"})
    assert replay.status_code == 401 and replay.json()["code"] == "mfa_code_already_used"
    older = await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                            "code": code_at(secret, -1)})
    assert older.status_code == 401, "a code older than the last accepted one is a replay too"
    too_old = await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                              "code": code_at(secret, -2)})
    assert too_old.status_code == 401 and too_old.json()["code"] == "mfa_code_invalid"
    async with db.session(workspace.id) as session:
        actions = (await session.execute(select(AuditEvent.action).where(
            AuditEvent.action == "mfa_replay_rejected"))).scalars().all()
    assert len(actions) == 2, "the rejection is kept even though the request failed"


async def test_parallel_requests_with_one_code_admit_exactly_one(committed):
    client, workspace = committed.client, committed.workspace
    secret, _codes = await enrol(client, workspace.admin.headers)
    tokens = [await _challenge(client, workspace) for _ in range(3)]
    code = code_at(secret, 1)
    results = await asyncio.gather(*[client.post(VERIFY, json={"mfa_token": t, "code": code}) for t in tokens])
    assert sorted(r.status_code for r in results) == [200, 401, 401]


async def test_each_recovery_code_works_once(client, workspace, admin_headers):
    _secret, codes = await enrol(client, admin_headers)
    first = await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                            "recovery_code": codes[2].upper().replace("-", " ")})
    assert first.status_code == 200, "case and separators do not matter"
    second = await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                             "recovery_code": codes[2]})
    assert second.status_code == 401 and second.json()["code"] == "mfa_code_invalid"
    both = await client.post(VERIFY, json={"mfa_token": "x", "code": "123456", "recovery_code": codes[3]})
    assert both.status_code == 422


async def test_regenerating_recovery_codes_invalidates_the_old_ones(client, workspace, admin_headers):
    secret, old = await enrol(client, admin_headers)
    fresh = await client.post("/api/v1/me/mfa/recovery-codes", json={"code": code_at(secret, 1)},
                              headers=admin_headers)
    assert fresh.status_code == 200
    assert (await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                            "recovery_code": old[0]})).status_code == 401
    assert (await client.post(VERIFY, json={"mfa_token": await _challenge(client, workspace),
                                            "recovery_code": fresh.json()["recovery_codes"][0]})).status_code == 200


async def test_wrong_codes_are_throttled_and_kill_the_step_token(client, workspace, admin_headers):
    secret, _codes = await enrol(client, admin_headers)
    token = await _challenge(client, workspace)
    wrong = "000000" if code_at(secret, 1) != "000000" else "111111"
    statuses = [(await client.post(VERIFY, json={"mfa_token": token, "code": wrong})).status_code for _ in range(6)]
    assert statuses == [401] * 5 + [429]
    assert (await client.post(VERIFY, json={"mfa_token": token, "code": code_at(secret, 1)})).status_code == 429


async def test_disable_needs_a_current_code(client, db, workspace, admin_headers):
    assert (await client.post("/api/v1/me/mfa/disable", json={"code": "123456"},
                              headers=admin_headers)).status_code == 409
    secret, _codes = await enrol(client, admin_headers)
    assert (await client.post("/api/v1/me/mfa/disable", json={"code": "abcdef"},
                              headers=admin_headers)).status_code == 422
    assert (await client.post("/api/v1/me/mfa/disable", json={"code": code_at(secret, 1)},
                              headers=admin_headers)).status_code == 204
    async with db.session(workspace.id) as session:
        assert (await session.execute(select(UserMfa))).scalars().all() == []
        assert (await session.execute(select(RecoveryCode))).scalars().all() == []
    login = await sign_in(client, workspace.slug, workspace.admin.user.email, workspace.admin.password)
    assert "access_token" in login.json()


async def test_a_role_can_require_mfa_users_enrol_before_a_full_session(client, db, workspace, admin_headers):
    roles = (await client.get("/api/v1/roles", headers=admin_headers)).json()["items"]
    agent = next(r for r in roles if r["key"] == "conversation_agent")
    changed = await client.patch(f"/api/v1/roles/{agent['id']}", json={"mfa_required": True}, headers=admin_headers)
    assert changed.status_code == 200 and changed.json()["mfa_required"] is True
    user = await make_user(db, workspace, password="agent passphrase here")
    login = (await sign_in(client, workspace.slug, user.email, "agent passphrase here")).json()
    assert login["mfa_enrollment_required"] is True
    headers = bearer(login["access_token"])
    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200 and me.json()["permissions"] == [] and me.json()["mfa_enrollment_required"]
    blocked = await client.get("/api/v1/locations", headers=headers)
    assert blocked.status_code == 403 and blocked.json()["code"] == "mfa_enrolment_required"
    assert (await client.patch("/api/v1/me", json={"first_name": "X"}, headers=headers)).status_code == 403
    secret, _codes = await enrol(client, headers)
    me = (await client.get("/api/v1/me", headers=headers)).json()
    assert me["mfa_enrollment_required"] is False and "conversations:read" in me["permissions"]
    assert (await client.post("/api/v1/me/mfa/disable", json={"code": code_at(secret, 1)},
                              headers=headers)).json()["code"] == "mfa_required_by_role"


async def test_integration_tokens_cannot_touch_mfa(client, db, workspace):
    _token, secret = await make_token(db, workspace, workspace.admin.id)
    for path in ("/api/v1/me/mfa/setup", "/api/v1/me/mfa/enable", "/api/v1/me/mfa/disable",
                 "/api/v1/me/mfa/recovery-codes"):
        response = await client.post(path, json={"code": "123456"}, headers=bearer(secret))
        assert response.status_code == 403 and response.json()["code"] == "integration_token_not_allowed", path


async def test_mfa_routes_need_a_credential(client):
    for path in ("/api/v1/me/mfa/setup", "/api/v1/me/mfa/enable", "/api/v1/me/mfa/disable"):
        assert (await client.post(path, json={"code": "123456"})).status_code == 401


async def test_a_tampered_or_foreign_mfa_token_is_refused(client, workspace, other_workspace):
    secret, _codes = await enrol(client, other_workspace.admin.headers)
    token = await _challenge(client, other_workspace)
    for bad in (token[:-2] + "xx", "not-a-token", security.encode_access_token(
            tenant_id=workspace.id, user_id=workspace.admin.id, session_id=workspace.id, ttl_seconds=60)):
        response = await client.post(VERIFY, json={"mfa_token": bad, "code": code_at(secret, 1)})
        assert response.status_code == 401 and response.json()["code"] == "mfa_token_invalid"


async def test_role_flag_is_stored_per_workspace(db, workspace, other_workspace, client, admin_headers):
    roles = (await client.get("/api/v1/roles", headers=admin_headers)).json()["items"]
    admin_role = next(r for r in roles if r["key"] == "administrator")
    await client.patch(f"/api/v1/roles/{admin_role['id']}", json={"mfa_required": True}, headers=admin_headers)
    async with db.session(other_workspace.id) as session:
        flags = (await session.execute(select(Role.mfa_required).where(Role.key == "administrator"))).scalars().all()
    assert flags == [False]
