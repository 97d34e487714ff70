"""Contacts (B1–B3, B10): create, read, change, duplicates, phones, address from a location,
geolocation, owner, conversion of a lead — and every bad input, refused without changes."""

from __future__ import annotations

import pytest

from tests.fixtures.factories.contacts import make_contact
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.locations import make_location

URL = "/api/v1/contacts"
FOREIGN = "01a2010a-d308-7274-91bf-a2eb8ec3c3b0"


async def _create(client, headers, **body):
    response = await client.post(URL, json={"kind": "customer", "first_name": "Ana", **body}, headers=headers)
    return response


async def _live_count(client, headers) -> int:
    return len((await client.get(URL, params={"limit": 200}, headers=headers)).json()["items"])


# --- access --------------------------------------------------------------------------------

async def test_no_credential_is_401(client):
    for method, url in (("GET", URL), ("POST", URL), ("GET", f"{URL}/{FOREIGN}"), ("PATCH", f"{URL}/{FOREIGN}"),
                        ("POST", f"{URL}/{FOREIGN}/convert"), ("GET", f"{URL}/metrics"), ("POST", f"{URL}/bulk")):
        response = await client.request(method, url, json={})
        assert response.status_code == 401, (method, url)
        assert response.json()["code"] == "unauthenticated"


async def test_missing_permission_is_403(client, db, workspace):
    nobody = await make_member(db, client, workspace, [])
    reader = await make_member(db, client, workspace, ["contacts:read"])
    contact = await make_contact(db, workspace.id)
    assert (await client.get(URL, headers=nobody.headers)).status_code == 403
    assert (await client.get(f"{URL}/{contact.id}", headers=nobody.headers)).status_code == 403
    assert (await client.get(URL, headers=reader.headers)).status_code == 200
    for method, url in (("POST", URL), ("PATCH", f"{URL}/{contact.id}"), ("POST", f"{URL}/{contact.id}/convert")):
        response = await client.request(method, url, json={"kind": "lead", "first_name": "X"}, headers=reader.headers)
        assert response.status_code == 403, (method, url)
        assert "contacts:write" in response.json()["detail"]


async def test_another_workspaces_contact_is_404(client, db, workspace, other_workspace):
    theirs = await make_contact(db, other_workspace.id, first_name="Ajeno")
    for method in ("GET", "PATCH"):
        response = await client.request(method, f"{URL}/{theirs.id}", json={"city": "X"},
                                         headers=workspace.admin.headers)
        assert response.status_code == 404
        assert response.json()["code"] == "entity_not_found"
    listed = (await client.get(URL, params={"q": "Ajeno"}, headers=workspace.admin.headers)).json()["items"]
    assert listed == []


# --- create / read / update ------------------------------------------------------------------

async def test_create_read_update_with_audit(client, admin_headers):
    body = {"kind": "lead", "first_name": "María José", "last_name": "Pérez Gómez",
            "email": " Maria.Perez@Example.COM ",
            "phone": "612 345 678", "document_id": "12345678Z", "birth_date": "1990-04-12", "gender": "female",
            "culture": "es", "origin": "web", "center": "Madrid Centro", "street": "Calle Mayor 1",
            "city": "Madrid", "country": "España", "postal_code": "28013", "latitude": 40.4168, "longitude": -3.7038}
    created = await client.post(URL, json=body, headers=admin_headers)
    assert created.status_code == 201, created.text
    contact = created.json()
    assert created.headers["location"] == f"{URL}/{contact['id']}"
    assert contact["email"] == "maria.perez@example.com"
    assert contact["phone"] == "+34612345678"
    assert contact["status"] == "active" and contact["kind"] == "lead"
    assert contact["custom_fields"] == {} and contact["group_ids"] == [] and contact["warnings"] == []
    assert contact["review_count"] == 0 and contact["average_rating"] is None and contact["sales"] == []

    read = await client.get(f"{URL}/{contact['id']}", headers=admin_headers)
    assert read.status_code == 200 and read.json() == contact

    patched = await client.patch(f"{URL}/{contact['id']}", headers=admin_headers,
                                 json={"city": "Sevilla", "street": None, "status": "inactive"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["city"] == "Sevilla" and patched.json()["street"] is None
    assert patched.json()["status"] == "inactive" and patched.json()["first_name"] == "María José"

    events = (await client.get("/api/v1/audit-events", params={"entity_id": contact["id"]},
                               headers=admin_headers)).json()["items"]
    assert [e["action"] for e in events] == ["update", "create"]
    assert events[0]["changes"] == {"city": {"old": "Madrid", "new": "Sevilla"},
                                    "street": {"old": "Calle Mayor 1", "new": None},
                                    "status": {"old": "active", "new": "inactive"}}


async def test_owner_is_a_staff_user_of_the_workspace(client, db, workspace, other_workspace, admin_headers):
    advisor = await make_member(db, client, workspace, [])
    created = await _create(client, admin_headers, owner_id=str(advisor.id))
    assert created.status_code == 201 and created.json()["owner_id"] == str(advisor.id)
    foreign = await _create(client, admin_headers, owner_id=str(other_workspace.admin.id))
    assert foreign.status_code == 404 and foreign.json()["code"] == "entity_not_found"
    cleared = await client.patch(f"{URL}/{created.json()['id']}", json={"owner_id": None}, headers=admin_headers)
    assert cleared.json()["owner_id"] is None


async def test_duplicate_email_is_409_with_the_existing_id(client, admin_headers):
    first = await _create(client, admin_headers, email="dup@example.com")
    before = await _live_count(client, admin_headers)
    for language, word in (("es", "Ya existe"), ("en", "already exists"), ("pt", "Já existe")):
        response = await _create(client, {**admin_headers, "Accept-Language": language}, email="DUP@example.com ")
        assert response.status_code == 409
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["code"] == "contact_email_taken" and word in problem["detail"]
        assert problem["existing_id"] == first.json()["id"]
    assert await _live_count(client, admin_headers) == before
    other = await _create(client, admin_headers, email="other@example.com")
    moved = await client.patch(f"{URL}/{other.json()['id']}", json={"email": "dup@example.com"}, headers=admin_headers)
    assert moved.status_code == 409 and moved.json()["existing_id"] == first.json()["id"]


async def test_same_email_in_another_workspace_is_fine(client, admin_headers, other_workspace):
    assert (await _create(client, admin_headers, email="shared@example.com")).status_code == 201
    assert (await _create(client, other_workspace.admin.headers, email="shared@example.com")).status_code == 201


async def test_duplicate_phone_is_a_warning(client, admin_headers):
    first = await _create(client, admin_headers, phone="+34 699 111 222")
    second = await _create(client, {**admin_headers, "Accept-Language": "en"}, phone="699111222", first_name="Bea")
    assert second.status_code == 201
    [warning] = second.json()["warnings"]
    assert warning["code"] == "phone_duplicate" and warning["existing_ids"] == [first.json()["id"]]
    assert warning["message"] == "Another contact has the same phone"


@pytest.mark.parametrize("phone", ["123", "not a phone", "+99 1234"])
async def test_an_invalid_phone_is_422(client, admin_headers, phone):
    before = await _live_count(client, admin_headers)
    response = await _create(client, {**admin_headers, "Accept-Language": "es"}, phone=phone)
    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["body", "phone"], "msg": "No es un número de teléfono válido",
                                          "type": "phone_invalid"}]
    assert await _live_count(client, admin_headers) == before


async def test_a_national_number_uses_the_workspaces_region(client, admin_headers):
    created = await _create(client, admin_headers, phone="(11) 91234-5678")
    assert created.status_code == 422  # not a Spanish number: the workspace's region is ES
    assert (await _create(client, admin_headers, phone="+55 11 91234-5678")).json()["phone"] == "+5511912345678"


async def test_choosing_a_location_copies_its_address_which_stays_editable(client, db, workspace, admin_headers):
    site = await make_location(db, workspace.id, name="Sede", street="Av. Paulista 1578", city="São Paulo",
                               state="SP", country="Brasil", postal_code="01310-200", latitude=-23.56, longitude=-46.65)
    created = await _create(client, admin_headers, location_id=str(site.id), postal_code="01310-999")
    contact = created.json()
    assert contact["location_id"] == str(site.id)
    assert (contact["street"], contact["city"], contact["state"], contact["country"]) == (
        "Av. Paulista 1578", "São Paulo", "SP", "Brasil")
    assert contact["postal_code"] == "01310-999"  # what the body says wins
    assert (contact["latitude"], contact["longitude"]) == (-23.56, -46.65)
    edited = await client.patch(f"{URL}/{contact['id']}", json={"street": "Rua Augusta 5"}, headers=admin_headers)
    assert edited.json()["street"] == "Rua Augusta 5" and edited.json()["location_id"] == str(site.id)


async def test_another_workspaces_location_is_404(client, db, other_workspace, admin_headers):
    theirs = await make_location(db, other_workspace.id)
    response = await _create(client, admin_headers, location_id=str(theirs.id))
    assert response.status_code == 404 and response.json()["code"] == "entity_not_found"


async def test_geolocation_is_validated(client, db, workspace, admin_headers):
    for body, loc in (({"latitude": 91, "longitude": 0}, "latitude"), ({"latitude": 0, "longitude": 181}, "longitude"),
                      ({"latitude": 10}, "longitude"), ({"longitude": 10}, "latitude")):
        response = await _create(client, admin_headers, **body)
        assert response.status_code == 422, body
        assert response.json()["errors"][0]["loc"] == ["body", loc]
    located = await make_contact(db, workspace.id, latitude=1.0, longitude=2.0)
    half = await client.patch(f"{URL}/{located.id}", json={"latitude": None}, headers=admin_headers)
    assert half.status_code == 422


async def test_convert_a_lead_keeps_its_id_and_history(client, admin_headers):
    lead = (await _create(client, admin_headers, kind="lead")).json()
    converted = await client.post(f"{URL}/{lead['id']}/convert", headers=admin_headers)
    assert converted.status_code == 200
    assert converted.json()["id"] == lead["id"] and converted.json()["kind"] == "customer"
    assert converted.json()["converted_at"] is not None
    again = await client.post(f"{URL}/{lead['id']}/convert", headers=admin_headers)
    assert again.status_code == 409 and again.json()["code"] == "contact_not_a_lead"
    events = (await client.get("/api/v1/audit-events", params={"entity_id": lead["id"]},
                               headers=admin_headers)).json()["items"]
    assert events[0]["changes"]["kind"] == {"old": "lead", "new": "customer"}
    assert [e["action"] for e in events] == ["update", "create"]


# --- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "loc", "error_type"), [
    ({"first_name": ""}, ["body", "first_name"], "string_too_short"),
    ({"first_name": "x" * 101}, ["body", "first_name"], "string_too_long"),
    ({"kind": "prospect"}, ["body", "kind"], "literal_error"),
    ({"status": "deleted"}, ["body", "status"], "literal_error"),
    ({"email": "not-an-email"}, ["body", "email"], "value_error"),
    ({"birth_date": "1850-01-01"}, ["body"], "value_error"),
    ({"gender": "x"}, ["body", "gender"], "literal_error"),
    ({"culture": "fr"}, ["body", "culture"], "literal_error"),
    ({"owner_id": "nope"}, ["body", "owner_id"], "uuid_parsing"),
    ({"tenant_id": FOREIGN}, ["body", "tenant_id"], "extra_forbidden"),
    ({"custom_fields": {"Bad Key": 1}}, ["body", "custom_fields", "Bad Key", "[key]"], "string_pattern_mismatch"),
])
async def test_invalid_bodies_are_422(client, admin_headers, body, loc, error_type):
    before = await _live_count(client, admin_headers)
    response = await _create(client, admin_headers, **body)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "validation_failed"
    assert {"loc": loc, "type": error_type} in [{"loc": e["loc"], "type": e["type"]} for e in problem["errors"]]
    assert await _live_count(client, admin_headers) == before


async def test_missing_required_fields_and_malformed_json(client, admin_headers):
    response = await client.post(URL, json={}, headers=admin_headers)
    assert {tuple(e["loc"]) for e in response.json()["errors"]} == {("body", "kind"), ("body", "first_name")}
    malformed = await client.post(URL, content=b'{"kind":',
                                  headers={**admin_headers, "Content-Type": "application/json"})
    assert malformed.status_code == 400 and malformed.json()["code"] == "malformed_json"
    nulled = await client.patch(f"{URL}/{FOREIGN}", json={"kind": "lead"}, headers=admin_headers)
    assert nulled.status_code == 422  # the kind changes only through /convert


async def test_first_name_cannot_be_cleared_and_trashed_contacts_cannot_change(client, db, workspace, admin_headers):
    contact = await make_contact(db, workspace.id)
    response = await client.patch(f"{URL}/{contact.id}", json={"first_name": None}, headers=admin_headers)
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["body", "first_name"]
    assert (await client.post(f"{URL}/{contact.id}/trash", headers=admin_headers)).status_code == 204
    response = await client.patch(f"{URL}/{contact.id}", json={"city": "X"}, headers=admin_headers)
    assert response.status_code == 409 and response.json()["code"] == "contact_in_trash"
