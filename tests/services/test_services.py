"""The services catalogue (B6): name, price, duration; services associated to a contact."""

from __future__ import annotations

import pytest

from tests.fixtures.factories.companies import make_service
from tests.fixtures.factories.contacts import make_contact
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/services"


async def test_access(client, db, workspace, other_workspace):
    assert (await client.get(URL)).status_code == 401
    reader = await make_member(db, client, workspace, ["services:read"])
    assert (await client.get(URL, headers=reader.headers)).status_code == 200
    denied = await client.post(URL, json={"name": "x", "price": "1", "currency": "EUR", "duration_minutes": 5},
                               headers=reader.headers)
    assert denied.status_code == 403 and "services:write" in denied.json()["detail"]
    theirs = await make_service(db, other_workspace.id)
    for method in ("GET", "PATCH", "DELETE"):
        response = await client.request(method, f"{URL}/{theirs.id}", json={"active": False},
                                        headers=workspace.admin.headers)
        assert response.status_code == 404


async def test_catalogue_and_contact_services(client, db, workspace, other_workspace, admin_headers):
    created = await client.post(URL, headers=admin_headers, json={
        "name": "Limpieza facial", "price": "45.5", "currency": "EUR", "duration_minutes": 60})
    assert created.status_code == 201, created.text
    service = created.json()
    assert service["price"] == "45.50" and service["active"] is True
    duplicate = await client.post(URL, headers=admin_headers, json={
        "name": "LIMPIEZA FACIAL", "price": "1", "currency": "EUR", "duration_minutes": 5})
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "service_name_taken"
    changed = await client.patch(f"{URL}/{service['id']}", json={"price": "50", "active": False},
                                 headers=admin_headers)
    assert changed.json()["price"] == "50.00"
    assert [s["name"] for s in (await client.get(URL, params={"q": "facial", "active": "false"},
                                                 headers=admin_headers)).json()["items"]] == ["Limpieza facial"]
    contact = await make_contact(db, workspace.id)
    link = f"/api/v1/contacts/{contact.id}/services/{service['id']}"
    assert (await client.put(link, headers=admin_headers)).status_code == 204
    assert (await client.put(link, headers=admin_headers)).status_code == 204
    listed = (await client.get(f"/api/v1/contacts/{contact.id}/services", headers=admin_headers)).json()["items"]
    assert [(s["id"], s["price"]) for s in listed] == [(service["id"], "50.00")] and listed[0]["added_at"]
    theirs = await make_service(db, other_workspace.id)
    assert (await client.put(f"/api/v1/contacts/{contact.id}/services/{theirs.id}",
                             headers=admin_headers)).status_code == 404
    assert (await client.delete(link, headers=admin_headers)).status_code == 204
    assert (await client.get(f"/api/v1/contacts/{contact.id}/services", headers=admin_headers)).json()["items"] == []
    events = (await client.get("/api/v1/audit-events", params={"entity_id": str(contact.id)},
                               headers=admin_headers)).json()["items"]
    assert [e["action"] for e in events] == ["service_removed", "service_added", "create"]


@pytest.mark.parametrize(("body", "loc"), [
    ({"price": "-1"}, ["body", "price"]), ({"price": "1.234"}, ["body", "price"]),
    ({"currency": "euro"}, ["body", "currency"]), ({"duration_minutes": 0}, ["body", "duration_minutes"]),
    ({"duration_minutes": 1441}, ["body", "duration_minutes"]), ({"name": ""}, ["body", "name"]),
])
async def test_bad_services_are_422(client, admin_headers, body, loc):
    payload = {"name": "Masaje", "price": "30", "currency": "EUR", "duration_minutes": 30, **body}
    response = await client.post(URL, json=payload, headers=admin_headers)
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == loc
