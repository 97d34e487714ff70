"""Additional fields on staff users (PRODUCT B4): validated on every write of a user, merged key
by key on updates, and removed from every user when their definition goes."""

from __future__ import annotations

URL = "/api/v1/users"
LABELS = {"es": "Turno", "en": "Shift", "pt": "Turno"}


async def _role_ids(client, headers, *keys):
    roles = {r["key"]: r["id"] for r in (await client.get("/api/v1/roles", headers=headers)).json()["items"]}
    return [roles[k] for k in keys]


async def _define(client, headers, **body):
    payload = {"entity": "user", "key": "shift", "type": "select", "labels": LABELS,
               "options": ["morning", "evening"], **body}
    response = await client.post("/api/v1/custom-fields", json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_staff_custom_fields_are_validated_stored_merged_and_purged(client, admin_headers):
    shift = await _define(client, admin_headers, required=True)
    await _define(client, admin_headers, key="badge", type="number", options=[], required=False)
    roles = await _role_ids(client, admin_headers, "supervisor")
    base = {"first_name": "Lía", "last_name": "Núñez", "email": "lia@example.com", "roles": roles}

    missing = await client.post(URL, json=base, headers=admin_headers)
    assert missing.status_code == 422
    assert {"loc": ["body", "custom_fields", "shift"], "type": "missing"} in [
        {"loc": e["loc"], "type": e["type"]} for e in missing.json()["errors"]]
    for values, key in (({"shift": "night"}, "shift"), ({"shift": "morning", "nope": 1}, "nope"),
                        ({"shift": "morning", "badge": "abc"}, "badge")):
        refused = await client.post(URL, json={**base, "custom_fields": values}, headers=admin_headers)
        assert refused.status_code == 422, values
        assert ["body", "custom_fields", key] in [e["loc"] for e in refused.json()["errors"]]
    assert (await client.get(URL, params={"q": "lia"}, headers=admin_headers)).json()["items"] == []

    created = await client.post(URL, json={**base, "custom_fields": {"shift": "morning", "badge": 7}},
                                headers=admin_headers)
    assert created.status_code == 201, created.text
    user = created.json()
    assert user["custom_fields"] == {"shift": "morning", "badge": 7}

    patched = await client.patch(f"{URL}/{user['id']}", json={"custom_fields": {"badge": None}},
                                 headers=admin_headers)
    assert patched.status_code == 200 and patched.json()["custom_fields"] == {"shift": "morning"}
    cleared = await client.patch(f"{URL}/{user['id']}", json={"custom_fields": {"shift": None}},
                                 headers=admin_headers)
    assert cleared.status_code == 422

    assert (await client.delete(f"/api/v1/custom-fields/{shift['id']}", headers=admin_headers)).status_code == 204
    after = (await client.get(f"{URL}/{user['id']}", headers=admin_headers)).json()
    assert after["custom_fields"] == {}
