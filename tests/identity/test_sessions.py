"""A3 sessions: short access tokens, rotating refresh tokens with reuse detection, logout,
immediate revocation, and login throttling (slowed, then locked; 429 + Retry-After)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import time_machine
from sqlalchemy import select

from api.identity.models import AuthSession
from tests.fixtures.factories.identity import make_member, make_user
from tests.identity.helpers import bearer, sign_in

REFRESH = "/api/v1/auth/refresh"


async def _login(client, workspace):
    response = await sign_in(client, workspace.slug, workspace.admin.user.email, workspace.admin.password)
    assert response.status_code == 200, response.text
    return response.json()


async def test_refresh_rotates_and_reuse_revokes_the_whole_family(client, workspace):
    first = await _login(client, workspace)
    second = (await client.post(REFRESH, json={"refresh_token": first["refresh_token"]})).json()
    assert second["refresh_token"] != first["refresh_token"] and second["access_token"] != first["access_token"]
    assert (await client.get("/api/v1/me", headers=bearer(second["access_token"]))).status_code == 200

    replay = await client.post(REFRESH, json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and replay.json()["code"] == "refresh_token_invalid"
    # The family is dead: the newest refresh token and the live access token too.
    assert (await client.post(REFRESH, json={"refresh_token": second["refresh_token"]})).status_code == 401
    assert (await client.get("/api/v1/me", headers=bearer(second["access_token"]))).status_code == 401
    # Other sessions of the same user are not touched.
    assert (await client.get("/api/v1/me", headers=workspace.admin.headers)).status_code == 200


async def test_concurrent_refreshes_with_one_token_yield_at_most_one_pair(committed):
    client = committed.client
    pair = await _login(client, committed.workspace)
    results = await asyncio.gather(*[client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})
                                     for _ in range(3)])
    statuses = sorted(r.status_code for r in results)
    assert statuses in ([200, 401, 401], [401, 401, 401]), statuses
    # A concurrent second use counts as reuse: the family is revoked, whoever won.
    winner = next((r.json() for r in results if r.status_code == 200), None)
    if winner:
        assert (await client.get("/api/v1/me", headers=bearer(winner["access_token"]))).status_code == 401


async def test_unknown_and_malformed_refresh_tokens(client):
    for token in ("fic_rt_" + "a" * 43, "nonsense", "eyJhbGciOi.x.y"):
        response = await client.post(REFRESH, json={"refresh_token": token})
        assert response.status_code == 401, token
    assert (await client.post(REFRESH, json={"refresh_token": "x" * 201})).status_code == 422
    assert (await client.post(REFRESH, json={"refresh_token": "x", "extra": 1})).status_code == 422


async def test_refresh_tokens_expire_when_idle_and_at_the_session_end(client, workspace, settings):
    pair = await _login(client, workspace)
    with time_machine.travel(timedelta(hours=25)):
        assert (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})).status_code == 401
    pair = await _login(client, workspace)
    token = pair["refresh_token"]
    for half_day in range(1, 70):  # used twice a day, it still ends with the session (30 days)
        with time_machine.travel(timedelta(hours=12 * half_day)):
            response = await client.post(REFRESH, json={"refresh_token": token})
            if response.status_code != 200:
                break
            token = response.json()["refresh_token"]
    assert response.status_code == 401 and half_day == 60


async def test_access_tokens_live_at_most_fifteen_minutes(client, workspace):
    pair = await _login(client, workspace)
    assert pair["expires_in"] <= 900
    with time_machine.travel(timedelta(minutes=15, seconds=5)):
        assert (await client.get("/api/v1/me", headers=bearer(pair["access_token"]))).status_code == 401


async def test_logout_ends_the_session_at_once(client, workspace):
    pair = await _login(client, workspace)
    headers = bearer(pair["access_token"])
    assert (await client.post("/api/v1/auth/logout", headers=headers)).status_code == 204
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 401
    assert (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})).status_code == 401
    assert (await client.post("/api/v1/auth/logout")).status_code == 401


async def test_a_deactivated_users_live_token_is_refused_on_the_next_request(client, db, workspace, admin_headers):
    user = await make_user(db, workspace, password="staff member passphrase")
    pair = (await sign_in(client, workspace.slug, user.email, "staff member passphrase")).json()
    assert (await client.get("/api/v1/me", headers=bearer(pair["access_token"]))).status_code == 200
    assert (await client.post(f"/api/v1/users/{user.id}/deactivate", headers=admin_headers)).status_code == 200
    assert (await client.get("/api/v1/me", headers=bearer(pair["access_token"]))).status_code == 401
    assert (await client.post(REFRESH, json={"refresh_token": pair["refresh_token"]})).status_code == 401
    assert (await client.post(f"/api/v1/users/{user.id}/activate", headers=admin_headers)).status_code == 200
    assert (await client.get("/api/v1/me", headers=bearer(pair["access_token"]))).status_code == 401, \
        "reactivation does not revive ended sessions"
    async with db.session(workspace.id) as session:
        reasons = (await session.execute(select(AuthSession.revoked_reason)
                                          .where(AuthSession.user_id == user.id))).scalars().all()
    assert reasons == ["deactivated"]


async def test_failed_logins_are_slowed_then_locked_even_for_the_right_password(client, workspace):
    email, good = workspace.admin.user.email, workspace.admin.password
    for _ in range(5):
        assert (await sign_in(client, workspace.slug, email, "wrong password!")).status_code == 401
    locked = await sign_in(client, workspace.slug, email, good)
    assert locked.status_code == 429
    assert locked.headers["content-type"] == "application/problem+json"
    assert locked.json()["code"] == "login_throttled" and 0 < int(locked.headers["retry-after"]) <= 30
    with time_machine.travel(timedelta(seconds=31)):
        assert (await sign_in(client, workspace.slug, email, "wrong again!!")).status_code == 401
        doubled = await sign_in(client, workspace.slug, email, good)
        assert doubled.status_code == 429 and 30 < int(doubled.headers["retry-after"]) <= 60
    with time_machine.travel(timedelta(seconds=100)):
        assert (await sign_in(client, workspace.slug, email, good)).status_code == 200


async def test_unknown_accounts_are_throttled_exactly_like_real_ones(client, workspace):
    statuses = [(await sign_in(client, workspace.slug, "ghost@example.com", "whatever pass")).status_code
                for _ in range(6)]
    assert statuses == [401] * 5 + [429]


async def test_no_more_than_a_hundred_failures_an_hour_per_account(client, workspace):
    """Even from many addresses (X-Forwarded-For is ignored without trusted proxies), the
    account takes at most a handful of failures per hour: the rest are refused unchecked."""
    email, failures = workspace.admin.user.email, 0
    for minute in range(0, 60, 2):
        with time_machine.travel(timedelta(minutes=minute)):
            for i in range(4):
                response = await sign_in(client, workspace.slug, email, "wrong password!")
                failures += response.status_code == 401
                assert response.status_code in (401, 429), (minute, i)
    assert failures < 100


async def test_i_can_list_and_end_my_sessions(client, db, workspace):
    member = await make_member(db, client, workspace, [])
    other = (await sign_in(client, workspace.slug, member.user.email, member.password)).json()
    listed = (await client.get("/api/v1/me/sessions", headers=member.headers)).json()["items"]
    assert len(listed) == 2 and [s["current"] for s in listed] == [False, True]
    assert all("token" not in key for s in listed for key in s)
    ended = await client.delete(f"/api/v1/me/sessions/{listed[0]['id']}", headers=member.headers)
    assert ended.status_code == 204
    assert (await client.get("/api/v1/me", headers=bearer(other["access_token"]))).status_code == 401
    assert (await client.get("/api/v1/me", headers=member.headers)).status_code == 200
    admins_session = (await client.get("/api/v1/me/sessions", headers=workspace.admin.headers)).json()["items"][0]
    theirs = await client.delete(f"/api/v1/me/sessions/{admins_session['id']}", headers=member.headers)
    assert theirs.status_code == 404, "someone else's session is not mine to end"


async def test_an_administrator_signs_a_user_out_everywhere(client, db, workspace, admin_headers):
    member = await make_member(db, client, workspace, [])
    refused = await client.post(f"/api/v1/users/{workspace.admin.id}/sessions/revoke", headers=member.headers)
    assert refused.status_code == 403
    assert (await client.post(f"/api/v1/users/{member.id}/sessions/revoke", headers=admin_headers)).status_code == 204
    assert (await client.get("/api/v1/me", headers=member.headers)).status_code == 401
    events = (await client.get("/api/v1/audit-events", params={"entity_id": str(member.id)},
                               headers=admin_headers)).json()["items"]
    assert events[0]["action"] == "sessions_ended"
