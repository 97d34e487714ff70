"""Bulk actions and the trash (B9): by ids or by filter, synchronous up to 1,000 contacts and a
background job beyond; trash, restore, purge — each with its own permission."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from api.contacts.models import Contact
from tests.fixtures.factories.contacts import add_to_group, make_contact, make_file, make_group
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/contacts"
BULK = f"{URL}/bulk"


async def _bulk(client, headers, **body):
    return await client.post(BULK, json=body, headers=headers)


async def _events(client, headers, contact_id) -> list[str]:
    items = (await client.get("/api/v1/audit-events", params={"entity_id": str(contact_id)},
                              headers=headers)).json()["items"]
    return [e["action"] for e in items]


# --- access --------------------------------------------------------------------------------

async def test_bulk_needs_bulk_and_the_actions_permission(client, db, workspace):
    contact = await make_contact(db, workspace.id)
    body = {"action": "trash", "ids": [str(contact.id)]}
    assert (await client.post(BULK, json=body)).status_code == 401
    writer = await make_member(db, client, workspace, ["contacts:read", "contacts:write", "contacts:trash"])
    denied = await client.post(BULK, json=body, headers=writer.headers)
    assert denied.status_code == 403 and "contacts:bulk" in denied.json()["detail"]
    bulker = await make_member(db, client, workspace, ["contacts:bulk", "contacts:write"])
    denied = await client.post(BULK, json=body, headers=bulker.headers)
    assert denied.status_code == 403 and "contacts:trash" in denied.json()["detail"]
    allowed = await client.post(BULK, json={"action": "deactivate", "ids": [str(contact.id)]}, headers=bulker.headers)
    assert allowed.status_code == 200


async def test_another_workspaces_ids_fail_the_whole_request(client, db, workspace, other_workspace, admin_headers):
    mine = await make_contact(db, workspace.id)
    theirs = await make_contact(db, other_workspace.id)
    response = await _bulk(client, admin_headers, action="deactivate", ids=[str(mine.id), str(theirs.id)])
    assert response.status_code == 404
    assert (await client.get(f"{URL}/{mine.id}", headers=admin_headers)).json()["status"] == "active"
    theirs_after = (await client.get(f"{URL}/{theirs.id}", headers=other_workspace.admin.headers)).json()
    assert theirs_after["status"] == "active"


@pytest.mark.parametrize(("body", "loc"), [
    ({"action": "activate"}, ["body"]),
    ({"action": "activate", "ids": [], "filter": {}}, ["body", "ids"]),
    ({"action": "activate", "ids": ["x"]}, ["body", "ids", 0]),
    ({"action": "explode", "filter": {}}, ["body", "action"]),
    ({"action": "add_to_group", "filter": {}}, ["body"]),
    ({"action": "associate_project", "filter": {}}, ["body"]),
    ({"action": "assign_owner", "filter": {}}, ["body"]),
    ({"action": "activate", "ids": [str(uuid.uuid4()) for _ in range(1001)]}, ["body", "ids"]),
    ({"action": "activate", "filter": {"colour": "red"}}, ["body", "filter", "colour"]),
    ({"action": "activate", "filter": {"cf.nope": "x"}}, ["body", "filter", "cf.nope"]),
    ({"action": "activate", "filter": {"kind": "vip"}}, ["body", "filter", "kind"]),
])
async def test_bad_bulk_requests_are_422(client, admin_headers, body, loc):
    response = await client.post(BULK, json=body, headers=admin_headers)
    assert response.status_code == 422, response.text
    assert loc in [e["loc"] for e in response.json()["errors"]]


# --- synchronous actions ---------------------------------------------------------------------

async def test_activate_and_deactivate_by_ids_count_only_real_changes(client, db, workspace, admin_headers):
    active = await make_contact(db, workspace.id)
    inactive = await make_contact(db, workspace.id, status="inactive")
    ids = [str(active.id), str(inactive.id)]
    response = await _bulk(client, admin_headers, action="deactivate", ids=ids)
    assert response.json() == {"action": "deactivate", "matched": 2, "changed": 1, "skipped": 0}
    assert await _events(client, admin_headers, active.id) == ["update", "create"]
    assert await _events(client, admin_headers, inactive.id) == ["create"]
    again = await _bulk(client, admin_headers, action="activate", ids=ids)
    assert again.json()["changed"] == 2
    event = (await client.get("/api/v1/audit-events", params={"entity_id": str(inactive.id)},
                              headers=admin_headers)).json()["items"][0]
    assert event["changes"] == {"status": {"old": "inactive", "new": "active"}}
    assert event["actor_user_id"] == str(workspace.admin.id) and event["request_id"]


async def test_groups_and_owner_by_filter(client, db, workspace, other_workspace, admin_headers):
    group = await make_group(db, workspace.id)
    advisor = await make_member(db, client, workspace, [])
    in_lima = [await make_contact(db, workspace.id, city="Lima") for _ in range(3)]
    await make_contact(db, workspace.id, city="Quito")
    added = await _bulk(client, admin_headers, action="add_to_group", group_id=str(group.id), filter={"city": "lima"})
    assert added.json()["changed"] == 3
    again = await _bulk(client, admin_headers, action="add_to_group", group_id=str(group.id), filter={"city": "lima"})
    assert again.json() == {"action": "add_to_group", "matched": 3, "changed": 0, "skipped": 0}
    members = (await client.get(URL, params={"group_id": str(group.id)}, headers=admin_headers)).json()["items"]
    assert sorted(m["id"] for m in members) == sorted(str(c.id) for c in in_lima)
    assert "group_added" in await _events(client, admin_headers, in_lima[0].id)
    owned = await _bulk(client, admin_headers, action="assign_owner", owner_id=str(advisor.id),
                        filter={"group_id": str(group.id)})
    assert owned.json()["changed"] == 3
    assert len((await client.get(URL, params={"owner_id": str(advisor.id)}, headers=admin_headers)).json()[
        "items"]) == 3
    unassigned = await _bulk(client, admin_headers, action="assign_owner", owner_id=None, ids=[str(in_lima[0].id)])
    assert unassigned.json()["changed"] == 1
    removed = await _bulk(client, admin_headers, action="remove_from_group", group_id=str(group.id),
                          ids=[str(c.id) for c in in_lima[:2]])
    assert removed.json()["changed"] == 2
    theirs = await make_group(db, other_workspace.id)
    foreign = await _bulk(client, admin_headers, action="add_to_group", group_id=str(theirs.id), filter={})
    assert foreign.status_code == 404
    foreign_owner = await _bulk(client, admin_headers, action="assign_owner", owner_id=str(other_workspace.admin.id),
                                filter={})
    assert foreign_owner.status_code == 404


async def test_trash_restore_and_purge_in_bulk(client, db, workspace, admin_headers, storage, run_jobs):
    doomed = [await make_contact(db, workspace.id, city="Cádiz", email=f"c{i}@example.com") for i in range(3)]
    trashed = await _bulk(client, admin_headers, action="trash", filter={"city": "cádiz"})
    assert trashed.json()["changed"] == 3
    assert (await client.get(URL, params={"city": "cádiz"}, headers=admin_headers)).json()["items"] == []
    assert len((await client.get(URL, params={"trashed": "true"}, headers=admin_headers)).json()["items"]) == 3
    # Meanwhile another live contact took one of the emails: that one stays in the trash.
    await make_contact(db, workspace.id, email="c0@example.com")
    restored = await _bulk(client, admin_headers, action="restore", filter={"city": "cádiz"})
    assert restored.json() == {"action": "restore", "matched": 3, "changed": 2, "skipped": 1}
    assert await _events(client, admin_headers, doomed[1].id) == ["restore", "trash", "create"]
    await make_file(db, workspace.id, doomed[0].id, storage_key=f"tenants/{workspace.id}/contact-files/x.pdf")
    await storage.put(f"tenants/{workspace.id}/contact-files/x.pdf", b"%PDF-1.4")
    purged = await _bulk(client, admin_headers, action="purge", ids=[str(c.id) for c in doomed])
    assert purged.json() == {"action": "purge", "matched": 3, "changed": 1, "skipped": 0}  # only the trashed one
    assert (await client.get(f"{URL}/{doomed[0].id}", headers=admin_headers)).status_code == 404
    await run_jobs()
    assert not await storage.exists(f"tenants/{workspace.id}/contact-files/x.pdf")


async def test_over_a_thousand_runs_in_the_background(client, db, workspace, admin_headers, run_jobs):
    now = datetime.now(UTC)
    async with db.session(workspace.id) as session:
        await session.execute(insert(Contact), [
            {"id": uuid.uuid4(), "tenant_id": workspace.id, "kind": "lead", "first_name": f"Masivo {i}",
             "city": "Vigo", "created_at": now, "updated_at": now} for i in range(1205)])
    response = await _bulk(client, admin_headers, action="deactivate", filter={"city": "vigo", "kind": "lead"})
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    assert response.headers["location"] == f"/api/v1/jobs/{job_id}"
    assert (await client.get(f"/api/v1/jobs/{job_id}", headers=admin_headers)).json()["status"] == "pending"
    assert await run_jobs() >= 1
    job = (await client.get(f"/api/v1/jobs/{job_id}", headers=admin_headers)).json()
    assert job["status"] == "completed" and job["progress"] == 100
    assert job["result"] == {"action": "deactivate", "matched": 1205, "changed": 1205, "skipped": 0}
    assert (await client.get(f"{URL}/metrics", params={"city": "vigo", "status": "active"},
                             headers=admin_headers)).json()["total_clients"] == 0
    events = (await client.get("/api/v1/audit-events", params={"action": "update", "entity_type": "contact",
                                                               "limit": 200}, headers=admin_headers)).json()
    assert len(events["items"]) == 200 and events["next_cursor"]


# --- one contact at a time -------------------------------------------------------------------

async def test_trash_restore_purge_one(client, db, workspace, admin_headers):
    trasher = await make_member(db, client, workspace, ["contacts:read", "contacts:trash"])
    contact = await make_contact(db, workspace.id, email="uno@example.com")
    assert (await client.delete(f"{URL}/{contact.id}", headers=trasher.headers)).status_code == 403
    assert (await client.post(f"{URL}/{contact.id}/trash", headers=trasher.headers)).status_code == 204
    assert (await client.post(f"{URL}/{contact.id}/trash", headers=trasher.headers)).status_code == 204
    detail = (await client.get(f"{URL}/{contact.id}", headers=trasher.headers)).json()
    assert detail["deleted_at"] is not None
    taken = await make_contact(db, workspace.id, email="uno@example.com")
    conflict = await client.post(f"{URL}/{contact.id}/restore", headers=trasher.headers)
    assert conflict.status_code == 409 and conflict.json()["existing_id"] == str(taken.id)
    assert (await client.post(f"{URL}/{taken.id}/trash", headers=trasher.headers)).status_code == 204
    restored = await client.post(f"{URL}/{contact.id}/restore", headers=trasher.headers)
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    assert await _events(client, admin_headers, contact.id) == ["restore", "trash", "create"]
    live = await client.delete(f"{URL}/{contact.id}", headers=admin_headers)
    assert live.status_code == 409 and live.json()["code"] == "contact_not_in_trash"
    assert (await client.delete(f"{URL}/{taken.id}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{taken.id}", headers=admin_headers)).status_code == 404


async def test_groups_crud_and_membership(client, db, workspace, other_workspace, admin_headers):
    groups_url = "/api/v1/contact-groups"
    created = await client.post(groups_url, json={"name": "Clientes VIP", "color": "#ffaa00"}, headers=admin_headers)
    assert created.status_code == 201
    group = created.json()
    duplicate = await client.post(groups_url, json={"name": "clientes vip"}, headers=admin_headers)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "contact_group_name_taken"
    assert (await client.post(groups_url, json={"name": "x", "color": "red"}, headers=admin_headers)).status_code == 422
    renamed = await client.patch(f"{groups_url}/{group['id']}", json={"description": "Top 100"}, headers=admin_headers)
    assert renamed.json()["description"] == "Top 100"
    assert [g["name"] for g in (await client.get(groups_url, params={"q": "vip"}, headers=admin_headers)).json()[
        "items"]] == ["Clientes VIP"]
    contact = await make_contact(db, workspace.id)
    member_url = f"{URL}/{contact.id}/groups/{group['id']}"
    assert (await client.put(member_url, headers=admin_headers)).status_code == 204
    assert (await client.put(member_url, headers=admin_headers)).status_code == 204  # idempotent
    assert (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()["group_ids"] == [group["id"]]
    assert await _events(client, admin_headers, contact.id) == ["group_added", "create"]
    theirs = await make_group(db, other_workspace.id)
    assert (await client.put(f"{URL}/{contact.id}/groups/{theirs.id}", headers=admin_headers)).status_code == 404
    assert (await client.delete(member_url, headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()["group_ids"] == []
    other = await make_contact(db, workspace.id)
    await add_to_group(db, workspace.id, uuid.UUID(group["id"]), other.id)
    assert (await client.delete(f"{groups_url}/{group['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{other.id}", headers=admin_headers)).status_code == 200
