"""A9 profile: edit my name, culture, timezone, photo; change my password (current one needed,
other sessions end)."""

from __future__ import annotations

from tests.fixtures.factories.identity import make_member
from tests.identity.helpers import bearer, sign_in


async def test_edit_my_profile(client, workspace, admin_headers):
    response = await client.patch("/api/v1/me", headers=admin_headers,
                                  json={"first_name": "Ana", "culture": "pt", "timezone": "Europe/Lisbon"})
    assert response.status_code == 200
    me = response.json()
    assert (me["first_name"], me["culture"], me["timezone"]) == ("Ana", "pt", "Europe/Lisbon")
    for bad in ({"culture": "de"}, {"email": "new@example.com"}, {"status": "inactive"}, {"timezone": "Nowhere"}):
        assert (await client.patch("/api/v1/me", json=bad, headers=admin_headers)).status_code == 422, bad


async def test_my_photo(client, workspace, admin_headers):
    from tests.identity.test_users import _png

    assert (await client.put("/api/v1/me/photo", files={"file": ("a.png", _png(), "image/png")},
                             headers=admin_headers)).json()["has_photo"] is True
    photo = await client.get("/api/v1/me/photo", headers=admin_headers)
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png"
    assert (await client.delete("/api/v1/me/photo", headers=admin_headers)).status_code == 204
    assert (await client.get("/api/v1/me/photo", headers=admin_headers)).status_code == 404


async def test_changing_my_password_needs_the_current_one_and_ends_other_sessions(client, db, workspace):
    member = await make_member(db, client, workspace, ["users:read"])
    other_session = bearer((await sign_in(client, workspace.slug, member.user.email,
                                          member.password)).json()["access_token"])
    wrong = await client.post("/api/v1/me/password", headers=member.headers,
                              json={"current_password": "not my password", "new_password": "brand new passphrase"})
    assert wrong.status_code == 403 and wrong.json()["code"] == "current_password_incorrect"
    missing = await client.post("/api/v1/me/password", headers=member.headers,
                                json={"new_password": "brand new passphrase"})
    assert missing.status_code == 422
    weak = await client.post("/api/v1/me/password", headers=member.headers,
                             json={"current_password": member.password, "new_password": "password123"})
    assert weak.status_code == 422 and weak.json()["errors"][0]["loc"] == ["body", "new_password"]
    changed = await client.post("/api/v1/me/password", headers=member.headers,
                                json={"current_password": member.password, "new_password": "brand new passphrase"})
    assert changed.status_code == 204
    assert (await client.get("/api/v1/me", headers=member.headers)).status_code == 200, "this session stays"
    assert (await client.get("/api/v1/me", headers=other_session)).status_code == 401, "the others end"
    assert (await sign_in(client, workspace.slug, member.user.email, "brand new passphrase")).status_code == 200
    case_changed = await sign_in(client, workspace.slug, member.user.email, "BRAND NEW PASSPHRASE")
    assert case_changed.status_code == 401


async def test_wrong_current_passwords_are_throttled(client, db, workspace):
    member = await make_member(db, client, workspace, [])
    statuses = []
    for _ in range(6):
        response = await client.post("/api/v1/me/password", headers=member.headers,
                                     json={"current_password": "guess guess", "new_password": "brand new passphrase"})
        statuses.append(response.status_code)
    assert statuses == [403] * 5 + [429]
