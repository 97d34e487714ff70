"""Locations: the reference slice. Access, CRUD, search, paging, audit and every bad input."""

from __future__ import annotations

import pytest

from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.locations import make_location

URL = "/api/v1/locations"


async def _names(client, headers, **params) -> list[str]:
    response = await client.get(URL, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


async def _count(client, headers) -> int:
    return len(await _names(client, headers, limit=200))


# --- access --------------------------------------------------------------------------------

async def test_no_credential_is_401(client):
    for method, url in (("GET", URL), ("POST", URL), ("GET", f"{URL}/01a2010a-d308-7274-91bf-a2eb8ec3c3b0")):
        response = await client.request(method, url, json={"name": "x"})
        assert response.status_code == 401
        assert response.json()["code"] == "unauthenticated"


async def test_missing_permission_is_403(client, db, workspace):
    nobody = await make_member(db, client, workspace, [])
    reader = await make_member(db, client, workspace, ["locations:read"])
    location = await make_location(db, workspace.id)
    assert (await client.get(URL, headers=nobody.headers)).status_code == 403
    assert (await client.get(URL, headers=reader.headers)).status_code == 200
    for method, url in (("POST", URL), ("PATCH", f"{URL}/{location.id}"), ("DELETE", f"{URL}/{location.id}")):
        response = await client.request(method, url, json={"name": "Nope"}, headers=reader.headers)
        assert response.status_code == 403, (method, response.text)
        assert response.json()["code"] == "forbidden"
        assert "locations:write" in response.json()["detail"]


async def test_another_workspaces_location_is_404_and_invisible(client, db, workspace, other_workspace):
    theirs = await make_location(db, other_workspace.id, name="Their place")
    headers = workspace.admin.headers
    for method in ("GET", "PATCH", "DELETE"):
        response = await client.request(method, f"{URL}/{theirs.id}", json={"city": "X"}, headers=headers)
        assert response.status_code == 404
        assert response.json()["code"] == "entity_not_found"
    assert "Their place" not in await _names(client, headers)


# --- create / read / update / delete --------------------------------------------------------

async def test_create_read_update_delete_with_audit(client, admin_headers):
    body = {"name": "Sede Peñalolén", "street": "Av. Grecia 8735", "city": "Santiago", "country": "Chile",
            "postal_code": "7910000", "latitude": -33.4869, "longitude": -70.5392}
    created = await client.post(URL, json=body, headers=admin_headers)
    assert created.status_code == 201, created.text
    location = created.json()
    assert created.headers["location"] == f"{URL}/{location['id']}"
    assert {k: location[k] for k in body} == body

    read = await client.get(f"{URL}/{location['id']}", headers=admin_headers)
    assert read.json() == location

    patched = await client.patch(f"{URL}/{location['id']}", json={"city": "Santiago de Chile", "street": None},
                                 headers=admin_headers)
    assert patched.status_code == 200
    assert patched.json()["city"] == "Santiago de Chile" and patched.json()["street"] is None
    assert patched.json()["name"] == body["name"]
    assert patched.json()["updated_at"] >= location["updated_at"]

    deleted = await client.delete(f"{URL}/{location['id']}", headers=admin_headers)
    assert deleted.status_code == 204
    assert (await client.get(f"{URL}/{location['id']}", headers=admin_headers)).status_code == 404

    events = (await client.get("/api/v1/audit-events", params={"entity_id": location["id"]},
                               headers=admin_headers)).json()["items"]
    assert [e["action"] for e in events] == ["delete", "update", "create"]
    update = events[1]
    assert update["changes"] == {"city": {"old": "Santiago", "new": "Santiago de Chile"},
                                 "street": {"old": "Av. Grecia 8735", "new": None}}
    assert update["actor_type"] == "user" and update["entity_type"] == "location"
    assert update["request_id"] and update["ip"]


async def test_duplicate_name_is_a_localised_409(client, admin_headers):
    assert (await client.post(URL, json={"name": "Centro"}, headers=admin_headers)).status_code == 201
    before = await _count(client, admin_headers)
    for language, word in (("es", "Ya existe"), ("en", "already exists"), ("pt", "Já existe")):
        response = await client.post(URL, json={"name": "CENTRO"},
                                     headers={**admin_headers, "Accept-Language": language})
        assert response.status_code == 409
        assert response.json()["code"] == "location_name_taken"
        assert word in response.json()["detail"]
    assert await _count(client, admin_headers) == before


async def test_rename_onto_an_existing_name_is_409(client, db, workspace, admin_headers):
    await make_location(db, workspace.id, name="Norte")
    south = await make_location(db, workspace.id, name="Sur")
    response = await client.patch(f"{URL}/{south.id}", json={"name": "norte"}, headers=admin_headers)
    assert response.status_code == 409
    same = await client.patch(f"{URL}/{south.id}", json={"name": "SUR"}, headers=admin_headers)
    assert same.status_code == 200 and same.json()["name"] == "SUR"


async def test_coordinates_come_in_pairs(client, db, workspace, admin_headers):
    response = await client.post(URL, json={"name": "Half", "latitude": 10}, headers=admin_headers)
    assert response.status_code == 422
    located = await make_location(db, workspace.id, latitude=1.0, longitude=2.0)
    response = await client.patch(f"{URL}/{located.id}", json={"longitude": None}, headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["code"] == "coordinates_incomplete"
    assert response.json()["errors"][0]["loc"] == ["body", "longitude"]
    cleared = await client.patch(f"{URL}/{located.id}", json={"latitude": None, "longitude": None},
                                 headers=admin_headers)
    assert cleared.status_code == 200 and cleared.json()["latitude"] is None


# --- bad input: problem+json with a stable code, and nothing changes ------------------------

@pytest.mark.parametrize(("body", "loc", "error_type"), [
    ({"name": ""}, ["body", "name"], "string_too_short"),
    ({"name": "x" * 201}, ["body", "name"], "string_too_long"),
    ({"name": "ok", "city": "c" * 101}, ["body", "city"], "string_too_long"),
    ({"name": 12}, ["body", "name"], "string_type"),
    ({"name": "ok", "latitude": "north", "longitude": 1}, ["body", "latitude"], "float_parsing"),
    ({"name": "ok", "latitude": 91, "longitude": 1}, ["body", "latitude"], "less_than_equal"),
    ({"name": "ok", "longitude": -181, "latitude": 1}, ["body", "longitude"], "greater_than_equal"),
    ({"name": "ok", "tenant_id": "01a2010a-d308-7274-91bf-a2eb8ec3c3b0"}, ["body", "tenant_id"], "extra_forbidden"),
    ({}, ["body", "name"], "missing"),
])
async def test_invalid_bodies_are_422_with_field_errors(client, admin_headers, body, loc, error_type):
    before = await _count(client, admin_headers)
    response = await client.post(URL, json=body, headers={**admin_headers, "Accept-Language": "es"})
    assert response.status_code == 422
    problem = response.json()
    assert response.headers["content-type"] == "application/problem+json"
    assert problem["code"] == "validation_failed" and problem["title"] == "Datos no válidos"
    assert {"loc": loc, "type": error_type} in [{"loc": e["loc"], "type": e["type"]} for e in problem["errors"]]
    assert all(e["msg"] for e in problem["errors"])
    assert await _count(client, admin_headers) == before


async def test_malformed_json_is_400(client, admin_headers):
    response = await client.post(URL, content=b'{"name": "x",', headers={**admin_headers,
                                 "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_json"


async def test_a_nul_byte_is_refused_cleanly(client, admin_headers):
    response = await client.post(URL, json={"name": "bad\u0000name"}, headers=admin_headers)
    assert response.status_code == 422


async def test_an_oversize_body_is_413(client, admin_headers):
    response = await client.post(URL, content=b'{"name": "' + b"x" * 1_100_000 + b'"}',
                                 headers={**admin_headers, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


async def test_a_malformed_id_is_422(client, admin_headers):
    response = await client.get(f"{URL}/not-a-uuid", headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "location_id"]


# --- the list: search, filters, sort, keyset paging ----------------------------------------

async def test_search_ignores_accents_and_case_and_filters_by_city(client, db, workspace, admin_headers):
    for name, city in (("Clínica Ñuñoa", "Santiago"), ("Consulta Peñalolén", "Santiago"),
                       ("Sede São Paulo", "São Paulo"), ("Sede 100%_real", "Lima")):
        await make_location(db, workspace.id, name=name, city=city)
    assert await _names(client, admin_headers, q="nunoa") == ["Clínica Ñuñoa"]
    assert await _names(client, admin_headers, q="PEÑALOLEN") == ["Consulta Peñalolén"]
    assert await _names(client, admin_headers, q="sao") == ["Sede São Paulo"]
    assert await _names(client, admin_headers, q="%_") == ["Sede 100%_real"]
    assert await _names(client, admin_headers, q="zzz") == []
    assert sorted(await _names(client, admin_headers, city="santiago")) == ["Clínica Ñuñoa", "Consulta Peñalolén"]


async def test_keyset_pages_cover_everything_once_in_every_order(client, db, workspace, admin_headers):
    names = [f"Sitio {i:02d}" for i in range(7)]
    for name in reversed(names):
        await make_location(db, workspace.id, name=name)
    for sort, expected in (("name", names), ("-name", names[::-1]),
                           ("created_at", names[::-1]), ("-created_at", names)):
        seen, cursor = [], None
        while True:
            params = {"limit": 3, "sort": sort, **({"cursor": cursor} if cursor else {})}
            page = (await client.get(URL, params=params, headers=admin_headers)).json()
            assert len(page["items"]) <= 3
            seen += [i["name"] for i in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert seen == expected, sort


@pytest.mark.parametrize("params", [
    {"cursor": "garbage!!"}, {"cursor": "eyJzIjoibmFtZSJ9"}, {"limit": 0}, {"limit": 201},
    {"sort": "street"}, {"q": "q" * 201},
])
async def test_bad_list_parameters_are_422(client, admin_headers, params):
    response = await client.get(URL, params=params, headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["code"] in ("validation_failed", "invalid_cursor")


async def test_a_cursor_from_another_sort_is_refused(client, db, workspace, admin_headers):
    for i in range(3):
        await make_location(db, workspace.id, name=f"L{i}")
    page = (await client.get(URL, params={"limit": 1, "sort": "name"}, headers=admin_headers)).json()
    response = await client.get(URL, params={"cursor": page["next_cursor"], "sort": "-created_at"},
                                headers=admin_headers)
    assert response.status_code == 422 and response.json()["code"] == "invalid_cursor"
