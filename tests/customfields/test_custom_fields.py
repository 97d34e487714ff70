"""Additional fields (B4): definitions for contacts and staff, validation of values on every
contact write, ``cf.<key>`` filters on the list, and cleanup when a definition goes."""

from __future__ import annotations

import pytest

from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, bind_actor
from api.core.errors import ValidationFailed
from api.customfields import service
from tests.fixtures.factories.contacts import make_contact, make_custom_field
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/custom-fields"
CONTACTS = "/api/v1/contacts"
LABELS = {"es": "Plan", "en": "Plan", "pt": "Plano"}


async def _define(client, headers, **body):
    payload = {"entity": "contact", "key": "plan", "type": "select", "labels": LABELS,
               "options": ["basic", "premium"], **body}
    response = await client.post(URL, json=payload, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


# --- access --------------------------------------------------------------------------------

async def test_access_rules(client, db, workspace, other_workspace):
    assert (await client.get(URL, params={"entity": "contact"})).status_code == 401
    assert (await client.post(URL, json={})).status_code == 401
    contact_reader = await make_member(db, client, workspace, ["contacts:read"])
    nobody = await make_member(db, client, workspace, [])
    field = await make_custom_field(db, workspace.id)
    staff_field = await make_custom_field(db, workspace.id, entity="user")
    assert (await client.get(URL, params={"entity": "contact"}, headers=contact_reader.headers)).status_code == 200
    assert (await client.get(f"{URL}/{field.id}", headers=contact_reader.headers)).status_code == 200
    for url, params in ((URL, {"entity": "user"}), (f"{URL}/{staff_field.id}", {})):
        denied = await client.get(url, params=params, headers=contact_reader.headers)
        assert denied.status_code == 403 and "users:read" in denied.json()["detail"]
    assert (await client.get(URL, params={"entity": "contact"}, headers=nobody.headers)).status_code == 403
    for method, url in (("POST", URL), ("PATCH", f"{URL}/{field.id}"), ("DELETE", f"{URL}/{field.id}")):
        response = await client.request(method, url, json={"order": 1}, headers=contact_reader.headers)
        assert response.status_code == 403 and "custom_fields:manage" in response.json()["detail"]
    theirs = await make_custom_field(db, other_workspace.id)
    for method in ("GET", "PATCH", "DELETE"):
        response = await client.request(method, f"{URL}/{theirs.id}", json={"order": 1},
                                         headers=workspace.admin.headers)
        assert response.status_code == 404


# --- definitions ---------------------------------------------------------------------------

async def test_define_list_change_delete_with_audit(client, admin_headers):
    plan = await _define(client, admin_headers, order=2)
    vip = await _define(client, admin_headers, key="vip", type="boolean", options=[], order=1,
                        labels={"es": "VIP", "en": "VIP", "pt": "VIP"}, required=True)
    await _define(client, admin_headers, key="team_size", entity="user", type="number", options=[])
    listed = (await client.get(URL, params={"entity": "contact"}, headers=admin_headers)).json()["items"]
    assert [f["key"] for f in listed] == ["vip", "plan"]
    assert listed[0]["required"] is True and listed[1]["options"] == ["basic", "premium"]
    changed = await client.patch(f"{URL}/{plan['id']}", headers=admin_headers,
                                 json={"options": ["basic", "plus", "premium"], "order": 0,
                                       "labels": {"es": "Plan contratado", "en": "Plan", "pt": "Plano"}})
    assert changed.status_code == 200
    assert changed.json()["options"] == ["basic", "plus", "premium"] and changed.json()["order"] == 0
    assert (await client.delete(f"{URL}/{vip['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{vip['id']}", headers=admin_headers)).status_code == 404
    events = (await client.get("/api/v1/audit-events", params={"entity_id": plan["id"]},
                               headers=admin_headers)).json()["items"]
    assert [e["action"] for e in events] == ["update", "create"]
    assert events[0]["changes"]["position"] == {"old": 2, "new": 0}


@pytest.mark.parametrize(("body", "loc"), [
    ({"key": "Plan"}, ["body", "key"]),
    ({"key": "1plan"}, ["body", "key"]),
    ({"type": "color"}, ["body", "type"]),
    ({"entity": "company"}, ["body", "entity"]),
    ({"options": []}, ["body"]),
    ({"type": "text"}, ["body"]),
    ({"options": ["a", "a"]}, ["body"]),
    ({"labels": {"es": "Plan", "en": "Plan"}}, ["body", "labels", "pt"]),
    ({"options": ["x" * 101]}, ["body", "options", 0]),
    ({"order": -1}, ["body", "order"]),
])
async def test_invalid_definitions_are_422(client, admin_headers, body, loc):
    payload = {"entity": "contact", "key": "plan", "type": "select", "labels": LABELS, "options": ["a"], **body}
    response = await client.post(URL, json=payload, headers=admin_headers)
    assert response.status_code == 422, response.text
    assert loc in [e["loc"] for e in response.json()["errors"]]
    assert (await client.get(URL, params={"entity": "contact"}, headers=admin_headers)).json()["items"] == []


async def test_key_is_unique_per_entity_and_immutable(client, admin_headers):
    field = await _define(client, admin_headers)
    duplicate = await client.post(URL, headers={**admin_headers, "Accept-Language": "en"}, json={
        "entity": "contact", "key": "plan", "type": "text", "labels": LABELS})
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "custom_field_key_taken"
    assert "plan" in duplicate.json()["detail"]
    await _define(client, admin_headers, entity="user")  # the same key for staff is another field
    for change in ({"key": "other"}, {"type": "text"}, {"entity": "user"}):
        response = await client.patch(f"{URL}/{field['id']}", json=change, headers=admin_headers)
        assert response.status_code == 422 and response.json()["errors"][0]["type"] == "extra_forbidden"
    boolean = await _define(client, admin_headers, key="vip", type="boolean", options=[])
    no_options = await client.patch(f"{URL}/{boolean['id']}", json={"options": ["x"]}, headers=admin_headers)
    assert no_options.status_code == 422 and no_options.json()["errors"][0]["loc"] == ["body", "options"]


# --- values on contact writes --------------------------------------------------------------

@pytest.fixture
async def fields(client, admin_headers):
    await _define(client, admin_headers, key="plan", type="select", options=["basic", "premium"])
    await _define(client, admin_headers, key="tags", type="multiselect", options=["a", "b", "c"])
    await _define(client, admin_headers, key="score", type="number", options=[])
    await _define(client, admin_headers, key="since", type="date", options=[])
    await _define(client, admin_headers, key="vip", type="boolean", options=[])
    await _define(client, admin_headers, key="note", type="text", options=[])
    await _define(client, admin_headers, key="member", type="text", options=[], required=True)


async def test_values_are_validated_and_stored(client, admin_headers, fields):
    values = {"plan": "premium", "tags": ["b", "a", "b"], "score": 7.5, "since": "2024-02-29", "vip": True,
              "note": "Prefiere WhatsApp", "member": "M-1"}
    created = await client.post(CONTACTS, headers=admin_headers,
                                json={"kind": "customer", "first_name": "Ana", "custom_fields": values})
    assert created.status_code == 201, created.text
    assert created.json()["custom_fields"] == {**values, "tags": ["b", "a"]}
    contact_id = created.json()["id"]
    patched = await client.patch(f"{CONTACTS}/{contact_id}", headers=admin_headers,
                                 json={"custom_fields": {"score": 9, "note": None}})
    assert patched.status_code == 200
    assert patched.json()["custom_fields"] == {"plan": "premium", "tags": ["b", "a"], "score": 9,
                                               "since": "2024-02-29", "vip": True, "member": "M-1"}


@pytest.mark.parametrize(("values", "key", "error_type"), [
    ({"unknown": 1}, "unknown", "custom_field_unknown"),
    ({"plan": "gold"}, "plan", "custom_field_option"),
    ({"plan": 1}, "plan", "custom_field_type"),
    ({"tags": ["a", "z"]}, "tags", "custom_field_option"),
    ({"tags": "a"}, "tags", "custom_field_type"),
    ({"score": "7"}, "score", "custom_field_type"),
    ({"score": True}, "score", "custom_field_type"),
    ({"since": "2024-02-30"}, "since", "custom_field_type"),
    ({"since": "yesterday"}, "since", "custom_field_type"),
    ({"vip": "yes"}, "vip", "custom_field_type"),
    ({"note": 12}, "note", "custom_field_type"),
])
async def test_bad_values_are_422_at_the_fields_loc(client, admin_headers, fields, values, key, error_type):
    body = {"kind": "lead", "first_name": "Ana", "custom_fields": {"member": "M-1", **values}}
    response = await client.post(CONTACTS, json=body, headers={**admin_headers, "Accept-Language": "pt"})
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert errors[0]["type"] == error_type
    assert errors[0]["loc"][:3] == ["body", "custom_fields", key]
    assert errors[0]["msg"] and "Must" not in errors[0]["msg"]  # Portuguese, not English
    assert (await client.get(CONTACTS, headers=admin_headers)).json()["items"] == []


async def test_required_fields(client, db, workspace, admin_headers, fields):
    missing = await client.post(CONTACTS, json={"kind": "lead", "first_name": "Ana"}, headers=admin_headers)
    assert missing.status_code == 422
    assert missing.json()["errors"] == [{"loc": ["body", "custom_fields", "member"], "type": "missing",
                                         "msg": "Este campo adicional es obligatorio"}]
    contact = await make_contact(db, workspace.id, custom_fields={"member": "M-2"})
    cleared = await client.patch(f"{CONTACTS}/{contact.id}", json={"custom_fields": {"member": None}},
                                 headers=admin_headers)
    assert cleared.status_code == 422 and cleared.json()["errors"][0]["type"] == "missing"
    # A PATCH that does not touch custom fields does not need them.
    assert (await client.patch(f"{CONTACTS}/{contact.id}", json={"city": "Lima"},
                               headers=admin_headers)).status_code == 200


async def test_validate_values_for_staff_users(db, workspace):
    await make_custom_field(db, workspace.id, entity="user", key="badge", type="number")
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=workspace.id, language="es")
        assert await service.validate_values(ctx, "user", {"badge": 3}, partial=False) == {"badge": 3}
        with pytest.raises(ValidationFailed) as caught:
            await service.validate_values(ctx, "user", {"badge": "x", "plan": 1}, partial=True)
        assert [e.loc for e in caught.value.errors] == [("body", "custom_fields", "badge"),
                                                         ("body", "custom_fields", "plan")]


# --- filters -------------------------------------------------------------------------------

async def _names(client, headers, **params) -> list[str]:
    response = await client.get(CONTACTS, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return sorted(item["first_name"] for item in response.json()["items"])


async def test_lists_filter_by_additional_fields(client, db, workspace, admin_headers, fields):
    for name, values in (("Ana", {"plan": "premium", "tags": ["a", "b"], "score": 7, "vip": True,
                                  "since": "2024-01-01", "note": "Rojo"}),
                         ("Bea", {"plan": "basic", "tags": ["b"], "score": 7.0, "vip": False}),
                         ("Cris", {"plan": "premium", "tags": ["c"]})):
        await make_contact(db, workspace.id, first_name=name, custom_fields={"member": "M", **values})
    assert await _names(client, admin_headers, **{"cf.plan": "premium"}) == ["Ana", "Cris"]
    assert await _names(client, admin_headers, **{"cf.tags": "b"}) == ["Ana", "Bea"]
    assert await _names(client, admin_headers, **{"cf.score": "7"}) == ["Ana", "Bea"]
    assert await _names(client, admin_headers, **{"cf.vip": "true"}) == ["Ana"]
    assert await _names(client, admin_headers, **{"cf.vip": "0"}) == ["Bea"]
    assert await _names(client, admin_headers, **{"cf.since": "2024-01-01"}) == ["Ana"]
    assert await _names(client, admin_headers, **{"cf.note": "Rojo"}) == ["Ana"]
    assert await _names(client, admin_headers, **{"cf.plan": "premium", "cf.tags": "c"}) == ["Cris"]


@pytest.mark.parametrize(("params", "loc", "error_type"), [
    ({"cf.nope": "1"}, ["query", "cf.nope"], "custom_field_unknown"),
    ({"cf.plan": "gold"}, ["query", "cf.plan"], "custom_field_option"),
    ({"cf.score": "lots"}, ["query", "cf.score"], "custom_field_type"),
    ({"cf.vip": "maybe"}, ["query", "cf.vip"], "custom_field_type"),
    ({"cf.since": "2024-13-01"}, ["query", "cf.since"], "custom_field_type"),
    ({"colour": "red"}, ["query", "colour"], "extra_forbidden"),
])
async def test_bad_filters_are_422(client, admin_headers, fields, params, loc, error_type):
    for url in (CONTACTS, f"{CONTACTS}/metrics"):
        response = await client.get(url, params=params, headers=admin_headers)
        assert response.status_code == 422, (url, response.text)
        assert response.json()["errors"][0]["loc"] == loc and response.json()["errors"][0]["type"] == error_type


async def test_deleting_a_definition_removes_its_values(client, db, workspace, admin_headers):
    field = await _define(client, admin_headers, key="legacy", type="text", options=[])
    contact = await make_contact(db, workspace.id, custom_fields={"legacy": "x"})
    assert (await client.delete(f"{URL}/{field['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{CONTACTS}/{contact.id}", headers=admin_headers)).json()["custom_fields"] == {}
    # The key can be defined again with another type: no old value comes back.
    await _define(client, admin_headers, key="legacy", type="number", options=[])
    assert (await client.get(f"{CONTACTS}/{contact.id}", headers=admin_headers)).json()["custom_fields"] == {}
