"""GET /api/v1/audit-events: filters, paging, permission, isolation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.fixtures.factories.identity import make_member

URL = "/api/v1/audit-events"


async def _create(client, headers, name):
    response = await client.post("/api/v1/locations", json={"name": name}, headers=headers)
    assert response.status_code == 201
    return response.json()["id"]


async def test_filters_by_entity_actor_action_and_time(client, db, workspace, admin_headers):
    editor = await make_member(db, client, workspace, ["locations:write", "locations:read"])
    first = await _create(client, admin_headers, "Uno")
    second = await _create(client, editor.headers, "Dos")
    await client.patch(f"/api/v1/locations/{second}", json={"city": "Lima"}, headers=editor.headers)

    by_entity = (await client.get(URL, params={"entity_id": second}, headers=admin_headers)).json()["items"]
    assert [e["action"] for e in by_entity] == ["update", "create"]
    by_actor = (await client.get(URL, params={"actor_id": str(editor.id), "entity_type": "location"},
                                 headers=admin_headers)).json()["items"]
    assert {e["entity_id"] for e in by_actor} == {second}
    creates = (await client.get(URL, params={"action": "create", "entity_type": "location"},
                                headers=admin_headers)).json()["items"]
    assert {e["entity_id"] for e in creates} == {first, second}
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    assert (await client.get(URL, params={"occurred_from": future}, headers=admin_headers)).json()["items"] == []
    system = (await client.get(URL, params={"actor_type": "system", "entity_type": "tenant"},
                               headers=admin_headers)).json()["items"]
    assert [e["action"] for e in system] == ["create"]


async def test_paging_newest_first(client, admin_headers):
    for i in range(5):
        await _create(client, admin_headers, f"P{i}")
    pages, cursor = [], None
    while True:
        params = {"entity_type": "location", "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = (await client.get(URL, params=params, headers=admin_headers)).json()
        pages.append(body["items"])
        cursor = body["next_cursor"]
        if not cursor:
            break
    flat = [e["occurred_at"] for page in pages for e in page]
    assert len(flat) == 5 and flat == sorted(flat, reverse=True)


async def test_requires_audit_read_and_stays_in_the_workspace(client, db, workspace, other_workspace):
    nobody = await make_member(db, client, workspace, ["locations:read"])
    assert (await client.get(URL, headers=nobody.headers)).status_code == 403
    assert (await client.get(URL)).status_code == 401
    theirs = await _create(client, other_workspace.admin.headers, "Ajena")
    mine = (await client.get(URL, params={"entity_id": theirs}, headers=workspace.admin.headers)).json()
    assert mine["items"] == []


async def test_unknown_query_parameters_are_refused(client, admin_headers):
    response = await client.get(URL, params={"entity": "location"}, headers=admin_headers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "entity"]
