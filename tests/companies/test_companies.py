"""Companies and projects (B5): members and the one company admin; contacts and staff associated
to projects one by one and in bulk; both as filters of the contacts list."""

from __future__ import annotations

import pytest

from tests.fixtures.factories.companies import associate, make_company, make_member_of, make_project
from tests.fixtures.factories.contacts import make_contact
from tests.fixtures.factories.identity import make_member

COMPANIES = "/api/v1/companies"
PROJECTS = "/api/v1/projects"
CONTACTS = "/api/v1/contacts"


async def test_access(client, db, workspace, other_workspace):
    company = await make_company(db, workspace.id)
    project = await make_project(db, workspace.id)
    for url in (COMPANIES, f"{COMPANIES}/{company.id}", PROJECTS, f"{PROJECTS}/{project.id}/users"):
        assert (await client.get(url)).status_code == 401
    contacts_only = await make_member(db, client, workspace, ["contacts:read", "contacts:write"])
    readers = await make_member(db, client, workspace, ["companies:read", "projects:read"])
    assert (await client.get(COMPANIES, headers=contacts_only.headers)).status_code == 403
    assert (await client.get(PROJECTS, headers=contacts_only.headers)).status_code == 403
    assert (await client.get(COMPANIES, headers=readers.headers)).status_code == 200
    denied = await client.post(COMPANIES, json={"name": "X"}, headers=readers.headers)
    assert denied.status_code == 403 and "companies:write" in denied.json()["detail"]
    denied = await client.post(f"{PROJECTS}/{project.id}/contacts", json={"contact_ids": [str(company.id)]},
                               headers=readers.headers)
    assert denied.status_code == 403 and "projects:write" in denied.json()["detail"]
    theirs = await make_company(db, other_workspace.id)
    assert (await client.get(f"{COMPANIES}/{theirs.id}", headers=workspace.admin.headers)).status_code == 404


async def test_company_crud_members_and_search_by_company(client, db, workspace, admin_headers):
    created = await client.post(COMPANIES, headers=admin_headers, json={
        "name": "Clínica Estética Peñalver", "email": "Info@Penalver.ES", "phone": "912 345 678"})
    assert created.status_code == 201, created.text
    company = created.json()
    assert company["email"] == "info@penalver.es" and company["phone"] == "+34912345678"
    duplicate = await client.post(COMPANIES, json={"name": "clínica estética peñalver"}, headers=admin_headers)
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "company_name_taken"
    ana = await make_contact(db, workspace.id, first_name="Ana", last_name="Uno")
    beto = await make_contact(db, workspace.id, first_name="Beto", last_name="Dos")
    for contact, admin in ((ana, True), (beto, False)):
        response = await client.put(f"{COMPANIES}/{company['id']}/members/{contact.id}", json={"is_admin": admin},
                                    headers=admin_headers)
        assert response.status_code == 204
    members = (await client.get(f"{COMPANIES}/{company['id']}/members", headers=admin_headers)).json()["items"]
    assert [(m["first_name"], m["is_admin"]) for m in members] == [("Ana", True), ("Beto", False)]
    # Searching contacts by company name, accents ignored; filtering by company.
    found = (await client.get(CONTACTS, params={"q": "penalver"}, headers=admin_headers)).json()["items"]
    assert sorted(c["first_name"] for c in found) == ["Ana", "Beto"]
    in_company = (await client.get(CONTACTS, params={"company_id": company["id"]}, headers=admin_headers)).json()
    assert len(in_company["items"]) == 2
    # Handing over the admin role: one admin at a time.
    await client.put(f"{COMPANIES}/{company['id']}/members/{beto.id}", json={"is_admin": True}, headers=admin_headers)
    members = (await client.get(f"{COMPANIES}/{company['id']}/members", headers=admin_headers)).json()["items"]
    assert [(m["first_name"], m["is_admin"]) for m in members] == [("Ana", False), ("Beto", True)]
    # Renaming the company renames it in the contacts' search text.
    await client.patch(f"{COMPANIES}/{company['id']}", json={"name": "Grupo Nova"}, headers=admin_headers)
    assert (await client.get(CONTACTS, params={"q": "penalver"}, headers=admin_headers)).json()["items"] == []
    assert len((await client.get(CONTACTS, params={"q": "grupo nova"}, headers=admin_headers)).json()["items"]) == 2
    assert (await client.delete(f"{COMPANIES}/{company['id']}/members/{ana.id}", headers=admin_headers)).status_code \
        == 204
    assert len((await client.get(CONTACTS, params={"q": "grupo nova"}, headers=admin_headers)).json()["items"]) == 1
    listed = (await client.get(COMPANIES, params={"contact_id": str(beto.id)}, headers=admin_headers)).json()["items"]
    assert [c["name"] for c in listed] == ["Grupo Nova"]
    assert (await client.delete(f"{COMPANIES}/{company['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(CONTACTS, params={"q": "grupo nova"}, headers=admin_headers)).json()["items"] == []
    events = (await client.get("/api/v1/audit-events", params={"entity_id": str(beto.id)},
                               headers=admin_headers)).json()["items"]
    assert {"company_joined", "company_role_changed"} <= {e["action"] for e in events}


async def test_foreign_members_and_companies_are_404(client, db, workspace, other_workspace, admin_headers):
    company = await make_company(db, workspace.id)
    theirs = await make_contact(db, other_workspace.id)
    response = await client.put(f"{COMPANIES}/{company.id}/members/{theirs.id}", json={}, headers=admin_headers)
    assert response.status_code == 404
    their_company = await make_company(db, other_workspace.id)
    mine = await make_contact(db, workspace.id)
    await make_member_of(db, other_workspace.id, their_company.id, theirs.id)
    assert (await client.put(f"{COMPANIES}/{their_company.id}/members/{mine.id}", json={},
                             headers=admin_headers)).status_code == 404
    assert (await client.get(CONTACTS, params={"company_id": str(their_company.id)},
                             headers=admin_headers)).status_code == 404


@pytest.mark.parametrize(("body", "loc"), [
    ({"name": ""}, ["body", "name"]), ({"name": "x" * 201}, ["body", "name"]),
    ({"name": "ok", "email": "nope"}, ["body", "email"]), ({"name": "ok", "phone": "12"}, ["body", "phone"]),
    ({"name": "ok", "owner": "x"}, ["body", "owner"]),
])
async def test_bad_companies_are_422(client, admin_headers, body, loc):
    response = await client.post(COMPANIES, json=body, headers=admin_headers)
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == loc


async def test_projects_associate_mode(client, db, workspace, other_workspace, admin_headers):
    created = await client.post(PROJECTS, json={"name": "Proyecto Norte"}, headers=admin_headers)
    project = created.json()
    contacts = [await make_contact(db, workspace.id) for _ in range(3)]
    ids = [str(c.id) for c in contacts]
    url = f"{PROJECTS}/{project['id']}"
    assert (await client.post(f"{url}/contacts", json={"contact_ids": ids}, headers=admin_headers)).json() == {
        "changed": 3}
    assert (await client.post(f"{url}/contacts", json={"contact_ids": ids[:1]}, headers=admin_headers)).json() == {
        "changed": 0}
    assert len((await client.get(CONTACTS, params={"project_id": project["id"]}, headers=admin_headers)).json()[
        "items"]) == 3
    assert (await client.post(f"{url}/contacts/disassociate", json={"contact_ids": ids[:2]},
                              headers=admin_headers)).json() == {"changed": 2}
    assert (await client.delete(f"{url}/contacts/{ids[2]}", headers=admin_headers)).status_code == 204
    assert (await client.get(CONTACTS, params={"project_id": project["id"]}, headers=admin_headers)).json()[
        "items"] == []
    events = (await client.get("/api/v1/audit-events", params={"entity_id": ids[0]}, headers=admin_headers)).json()
    assert [e["action"] for e in events["items"]][:2] == ["project_disassociated", "project_associated"]
    theirs = await make_contact(db, other_workspace.id)
    foreign = await client.post(f"{url}/contacts", json={"contact_ids": [ids[0], str(theirs.id)]},
                                headers=admin_headers)
    assert foreign.status_code == 404
    assert (await client.get(CONTACTS, params={"project_id": project["id"]}, headers=admin_headers)).json()[
        "items"] == []
    # Staff
    advisor = await make_member(db, client, workspace, [])
    staff = {"user_ids": [str(advisor.id), str(workspace.admin.id)]}
    assert (await client.post(f"{url}/users", json=staff, headers=admin_headers)).json() == {"changed": 2}
    users = (await client.get(f"{url}/users", headers=admin_headers)).json()["items"]
    assert {u["user_id"] for u in users} == set(staff["user_ids"])
    mine = (await client.get(PROJECTS, params={"user_id": str(advisor.id)}, headers=admin_headers)).json()["items"]
    assert [p["name"] for p in mine] == ["Proyecto Norte"]
    assert (await client.post(f"{url}/users", json={"user_ids": [str(other_workspace.admin.id)]},
                              headers=admin_headers)).status_code == 404
    assert (await client.delete(f"{url}/users/{advisor.id}", headers=admin_headers)).status_code == 204
    assert (await client.post(f"{url}/users/disassociate", json=staff, headers=admin_headers)).json() == {
        "changed": 1}


async def test_bulk_associate_to_project(client, db, workspace, other_workspace, admin_headers):
    project = await make_project(db, workspace.id)
    for _ in range(4):
        await make_contact(db, workspace.id, city="Braga")
    already = await make_contact(db, workspace.id, city="Braga")
    await associate(db, workspace.id, project.id, already.id)
    body = {"action": "associate_project", "project_id": str(project.id), "filter": {"city": "braga"}}
    response = await client.post(f"{CONTACTS}/bulk", json=body, headers=admin_headers)
    assert response.json() == {"action": "associate_project", "matched": 5, "changed": 4, "skipped": 0}
    no_projects = await make_member(db, client, workspace, ["contacts:read", "contacts:bulk", "contacts:write"])
    denied = await client.post(f"{CONTACTS}/bulk", json=body, headers=no_projects.headers)
    assert denied.status_code == 403 and "projects:write" in denied.json()["detail"]
    theirs = await make_project(db, other_workspace.id)
    foreign = await client.post(f"{CONTACTS}/bulk", json={**body, "project_id": str(theirs.id)}, headers=admin_headers)
    assert foreign.status_code == 404
