"""A1 staff users: create (invites), list (accent-insensitive search, filters, keyset pages),
read, change, (de)activate, soft delete, photo; and their rules."""

from __future__ import annotations

import io

from PIL import Image
from sqlalchemy import select

from api.core.audit import AuditEvent
from api.identity.models import User
from tests.fixtures.factories.identity import make_member, make_token, make_user
from tests.identity.helpers import bearer, sign_in

URL = "/api/v1/users"


async def _role_ids(client, headers, *keys):
    roles = {r["key"]: r["id"] for r in (await client.get("/api/v1/roles", headers=headers)).json()["items"]}
    return [roles[k] for k in keys]


def _png(size=(8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


async def test_create_read_and_update_a_user(client, workspace, admin_headers):
    roles = await _role_ids(client, admin_headers, "supervisor")
    created = await client.post(URL, headers=admin_headers, json={
        "first_name": "José", "last_name": "Pérez", "email": "Jose.Perez@Example.com", "roles": roles,
        "phone": "+34 600 11 22 33", "culture": "pt", "timezone": "America/Sao_Paulo",
        "optional_permissions": ["reports:payments"]})
    assert created.status_code == 201, created.text
    user = created.json()
    assert created.headers["location"] == f"/api/v1/users/{user['id']}"
    assert user["email"] == "jose.perez@example.com" and user["phone"] == "+34600112233"
    assert [r["key"] for r in user["roles"]] == ["supervisor"] and user["optional_permissions"] == ["reports:payments"]
    assert user["status"] == "active" and user["invitation_pending"] is True and user["mfa_enabled"] is False

    read = await client.get(f"{URL}/{user['id']}", headers=admin_headers)
    assert read.json() == user
    changed = await client.patch(f"{URL}/{user['id']}", headers=admin_headers,
                                 json={"last_name": "Pérez García", "phone": None, "is_specialist": True})
    assert changed.status_code == 200
    assert changed.json()["last_name"] == "Pérez García" and changed.json()["phone"] is None
    assert changed.json()["is_specialist"] is True


async def test_bad_input_is_refused_with_field_errors(client, workspace, admin_headers):
    roles = await _role_ids(client, admin_headers, "stakeholder")
    base = {"first_name": "Ana", "email": "ana@example.com", "roles": roles}
    cases = [
        ({**base, "phone": "12"}, "phone"),
        ({**base, "timezone": "Mars/Olympus"}, "timezone"),
        ({**base, "culture": "fr"}, "culture"),
        ({**base, "email": "not-an-email"}, "email"),
        ({**base, "roles": []}, "roles"),
        ({**base, "first_name": "x" * 101}, "first_name"),
        ({**base, "tenant_id": str(workspace.id)}, "tenant_id"),
        ({**base, "custom_fields": {"undefined_field": 1}}, "custom_fields"),
    ]
    for body, field in cases:
        response = await client.post(URL, json=body, headers={**admin_headers, "Accept-Language": "es"})
        assert response.status_code == 422, (field, response.text)
        assert any(e["loc"][-1] == field or field in e["loc"] for e in response.json()["errors"]), field
    unknown_role = await client.post(URL, json={**base, "roles": [str(workspace.id)]}, headers=admin_headers)
    assert unknown_role.status_code == 404
    malformed = await client.post(URL, content=b"{nope", headers={**admin_headers,
                                                                  "Content-Type": "application/json"})
    assert malformed.status_code == 400


async def test_emails_are_unique_among_live_users(client, db, workspace, admin_headers):
    roles = await _role_ids(client, admin_headers, "stakeholder")
    body = {"first_name": "Ana", "email": "ana@example.com", "roles": roles}
    first = (await client.post(URL, json=body, headers=admin_headers)).json()
    duplicate = await client.post(URL, json={**body, "email": "ANA@example.com"}, headers=admin_headers)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "user_email_taken"
    assert (await client.delete(f"{URL}/{first['id']}", headers=admin_headers)).status_code == 204
    again = await client.post(URL, json=body, headers=admin_headers)
    assert again.status_code == 201, "a deleted user's address can be invited again"


async def test_search_is_accent_insensitive_and_filters_combine(client, db, workspace, admin_headers):
    await make_user(db, workspace, first_name="Ramón", last_name="Núñez", email="ramon@example.com")
    await make_user(db, workspace, first_name="Ramona", last_name="Silva", email="rs@example.com",
                    role_keys=("specialist",), is_specialist=True)
    await make_user(db, workspace, first_name="Otro", last_name="Nombre", email="otro@example.com", status="inactive")

    def names(response):
        return sorted(f"{u['first_name']} {u['last_name']}" for u in response.json()["items"])

    assert names(await client.get(URL, params={"q": "ramon nunez"}, headers=admin_headers)) == ["Ramón Núñez"]
    assert names(await client.get(URL, params={"q": "NÚÑEZ"}, headers=admin_headers)) == ["Ramón Núñez"]
    assert names(await client.get(URL, params={"q": "ramo"}, headers=admin_headers)) == ["Ramona Silva",
                                                                                         "Ramón Núñez"]
    assert names(await client.get(URL, params={"q": "rs@example"}, headers=admin_headers)) == ["Ramona Silva"]
    assert names(await client.get(URL, params={"is_specialist": "true"}, headers=admin_headers)) == ["Ramona Silva"]
    assert names(await client.get(URL, params={"status": "inactive"}, headers=admin_headers)) == ["Otro Nombre"]
    [specialist_role] = await _role_ids(client, admin_headers, "specialist")
    assert names(await client.get(URL, params={"role_id": specialist_role}, headers=admin_headers)) == \
        ["Ramona Silva"]
    assert (await client.get(URL, params={"status": "gone"}, headers=admin_headers)).status_code == 422
    assert (await client.get(URL, params={"limit": 1000}, headers=admin_headers)).status_code == 422
    assert (await client.get(URL, params={"cursor": "garbage"}, headers=admin_headers)).status_code == 422
    assert (await client.get(URL, params={"colour": "red"}, headers=admin_headers)).status_code == 422


async def test_keyset_pages_walk_every_user_once(client, db, workspace, admin_headers):
    for i in range(5):
        await make_user(db, workspace, first_name=f"Page{i}", email=f"page{i}@example.com")
    seen, cursor = [], None
    while True:
        params = {"limit": 2, "sort": "-created_at", **({"cursor": cursor} if cursor else {})}
        body = (await client.get(URL, params=params, headers=admin_headers)).json()
        seen += [u["id"] for u in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 6


async def test_deactivate_and_delete_rules(client, db, workspace, admin_headers):
    me = workspace.admin.id
    assert (await client.post(f"{URL}/{me}/deactivate", headers=admin_headers)).json()["code"] == "own_account"
    assert (await client.delete(f"{URL}/{me}", headers=admin_headers)).json()["code"] == "own_account"
    other_admin = await make_user(db, workspace, role_keys=("administrator",), password="second admin phrase")
    other_headers = bearer((await sign_in(client, workspace.slug, other_admin.email,
                                          "second admin phrase")).json()["access_token"])
    assert (await client.post(f"{URL}/{me}/deactivate", headers=other_headers)).status_code == 200
    last = await client.post(f"{URL}/{other_admin.id}/deactivate", headers=admin_headers)
    assert last.status_code == 401, "the first administrator's session ended when deactivated"
    assert (await client.delete(f"{URL}/{me}", headers=other_headers)).status_code == 204
    assert (await client.post(f"{URL}/{other_admin.id}/deactivate", headers=other_headers)).status_code == 409


async def test_the_last_administrator_keeps_the_role(client, workspace, admin_headers):
    roles = await _role_ids(client, admin_headers, "stakeholder")
    response = await client.patch(f"{URL}/{workspace.admin.id}", json={"roles": roles}, headers=admin_headers)
    assert response.status_code == 409 and response.json()["code"] == "last_administrator"


async def test_soft_delete_stops_sign_in_and_tokens_and_keeps_history(client, db, workspace, admin_headers):
    user = await make_user(db, workspace, password="to be deleted soon")
    _token, secret = await make_token(db, workspace, user.id)
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 200
    assert (await client.delete(f"{URL}/{user.id}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{user.id}", headers=admin_headers)).status_code == 404
    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 401
    assert (await sign_in(client, workspace.slug, user.email, "to be deleted soon")).status_code == 401
    async with db.session(workspace.id) as session:
        row = (await session.execute(select(User).where(User.id == user.id))).scalar_one()
        events = (await session.execute(select(AuditEvent.action).where(AuditEvent.entity_id == user.id)))
        actions = events.scalars().all()
    assert row.deleted_at is not None and "trash" in actions
    assert all(u["id"] != str(user.id) for u in (await client.get(URL, headers=admin_headers)).json()["items"])


async def test_photo_upload_sniffs_the_content(client, workspace, admin_headers):
    user_url = f"{URL}/{workspace.admin.id}/photo"
    assert (await client.get(user_url, headers=admin_headers)).status_code == 404
    uploaded = await client.put(user_url, headers=admin_headers, files={"file": ("me.txt", _png(), "text/plain")})
    assert uploaded.status_code == 200 and uploaded.json()["has_photo"] is True
    photo = await client.get(user_url, headers=admin_headers)
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png" and photo.content == _png()
    fake = await client.put(user_url, headers=admin_headers,
                            files={"file": ("x.png", b"<script>alert(1)</script>", "image/png")})
    assert fake.status_code == 415 and fake.json()["code"] == "file_type_not_allowed"
    truncated = await client.put(user_url, headers=admin_headers, files={"file": ("x.png", _png()[:40], "image/png")})
    assert truncated.status_code == 422 and truncated.json()["code"] == "file_corrupt"
    huge = await client.put(user_url, headers=admin_headers,
                            files={"file": ("x.png", _png() + b"\0" * (5 * 1024 * 1024), "image/png")})
    assert huge.status_code == 413
    assert (await client.delete(user_url, headers=admin_headers)).status_code == 204
    assert (await client.get(user_url, headers=admin_headers)).status_code == 404


async def test_assigning_roles_beyond_ones_own_permissions_is_refused(client, db, workspace, admin_headers):
    manager = await make_member(db, client, workspace, ["users:write", "users:read", "roles:read"])
    [admin_role] = await _role_ids(client, admin_headers, "administrator")
    response = await client.post(URL, headers=manager.headers, json={
        "first_name": "Sneaky", "email": "sneaky@example.com", "roles": [admin_role]})
    assert response.status_code == 403 and response.json()["code"] == "privilege_escalation"


async def test_field_errors_speak_the_callers_language(client, admin_headers):
    roles = await _role_ids(client, admin_headers, "stakeholder")
    body = {"first_name": "Ana", "email": "ana@example.com", "roles": roles, "phone": "12345", "timezone": "X/Y"}
    for language, phone_word in (("es", "teléfono"), ("pt", "telefone"), ("en", "phone number")):
        response = await client.post(URL, json=body, headers={**admin_headers, "Accept-Language": language})
        errors = {e["loc"][-1]: e for e in response.json()["errors"]}
        assert errors["phone"]["type"] == "invalid_phone" and phone_word in errors["phone"]["msg"]
        assert errors["timezone"]["type"] == "invalid_timezone"
