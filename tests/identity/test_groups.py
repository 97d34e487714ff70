"""A6 groups of staff: CRUD, bulk members (all or none), kinds."""

from __future__ import annotations

from tests.fixtures.factories.identity import make_member, make_user

URL = "/api/v1/groups"


async def test_group_lifecycle_with_bulk_members(client, db, workspace, admin_headers):
    a, b, c = [await make_user(db, workspace, first_name=n, email=f"{n}@example.com") for n in ("ana", "bea", "cris")]
    created = await client.post(URL, headers=admin_headers, json={
        "name": "Ventas", "kind": "agents", "description": "Equipo de ventas", "member_ids": [str(a.id)]})
    assert created.status_code == 201, created.text
    group = created.json()
    assert group["member_count"] == 1 and created.headers["location"] == f"/api/v1/groups/{group['id']}"
    added = await client.post(f"{URL}/{group['id']}/members", json={"user_ids": [str(a.id), str(b.id), str(c.id)]},
                              headers=admin_headers)
    assert added.status_code == 200 and added.json()["member_count"] == 3, "adding is idempotent"
    members = (await client.get(f"{URL}/{group['id']}/members", headers=admin_headers)).json()["items"]
    assert [m["first_name"] for m in members] == ["ana", "bea", "cris"]
    removed = await client.post(f"{URL}/{group['id']}/members/remove", json={"user_ids": [str(a.id), str(c.id)]},
                                headers=admin_headers)
    assert removed.json()["member_count"] == 1
    in_group = (await client.get("/api/v1/users", params={"group_id": group["id"]}, headers=admin_headers)).json()
    assert [u["first_name"] for u in in_group["items"]] == ["bea"]
    renamed = await client.patch(f"{URL}/{group['id']}", json={"name": "Ventas Norte"}, headers=admin_headers)
    assert renamed.json()["name"] == "Ventas Norte"
    listed = (await client.get(URL, params={"kind": "agents", "q": "norte"}, headers=admin_headers)).json()["items"]
    assert [g["id"] for g in listed] == [group["id"]]
    assert (await client.delete(f"{URL}/{group['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{group['id']}", headers=admin_headers)).status_code == 404


async def test_bulk_changes_are_all_or_nothing(client, db, workspace, other_workspace, admin_headers):
    mine = await make_user(db, workspace)
    theirs = await make_user(db, other_workspace)
    group = (await client.post(URL, json={"name": "G", "kind": "agents"}, headers=admin_headers)).json()
    response = await client.post(f"{URL}/{group['id']}/members", json={"user_ids": [str(mine.id), str(theirs.id)]},
                                 headers=admin_headers)
    assert response.status_code == 404
    assert (await client.get(f"{URL}/{group['id']}", headers=admin_headers)).json()["member_count"] == 0
    assert (await client.post(f"{URL}/{group['id']}/members", json={"user_ids": []},
                              headers=admin_headers)).status_code == 422


async def test_names_are_unique_per_kind_and_specialist_groups_hold_specialists(client, db, workspace,
                                                                                admin_headers):
    await client.post(URL, json={"name": "Turno A", "kind": "agents"}, headers=admin_headers)
    duplicate = await client.post(URL, json={"name": "turno a", "kind": "agents"}, headers=admin_headers)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "group_name_taken"
    other_kind = await client.post(URL, json={"name": "Turno A", "kind": "specialists"}, headers=admin_headers)
    assert other_kind.status_code == 201
    agent = await make_user(db, workspace)
    refused = await client.post(f"{URL}/{other_kind.json()['id']}/members", json={"user_ids": [str(agent.id)]},
                                headers=admin_headers)
    assert refused.status_code == 422 and refused.json()["code"] == "not_a_specialist"
    assert (await client.post(URL, json={"name": "X", "kind": "robots"}, headers=admin_headers)).status_code == 422


async def test_groups_need_their_permissions(client, db, workspace):
    reader = await make_member(db, client, workspace, ["groups:read"])
    assert (await client.get(URL)).status_code == 401
    assert (await client.get(URL, headers=reader.headers)).status_code == 200
    assert (await client.post(URL, json={"name": "G", "kind": "agents"}, headers=reader.headers)).status_code == 403
