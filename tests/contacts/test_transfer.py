"""Contacts in spreadsheets, end to end through the API and a real worker: template, export
(filters, chunks, relations), and the set-based import (modes, rules, relations, audit)."""

from __future__ import annotations

import io
import uuid
import zipfile
from datetime import UTC, datetime

import openpyxl
import pytest
from sqlalchemy import func, select

from api.contacts.models import Contact, ContactGroupMember
from api.core.audit import AuditEvent as Event
from tests.fixtures.factories.companies import associate, make_company, make_member_of, make_project, make_service
from tests.fixtures.factories.contacts import add_to_group, make_contact, make_custom_field, make_group
from tests.fixtures.factories.identity import make_user, make_workspace
from tests.fixtures.factories.locations import make_location
from tests.fixtures.factories.transfer import xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _import(client, headers, run_jobs, settings, rows: list[list], *, mode="upsert", dry_run=False) -> dict:
    accepted = await client.post("/api/v1/imports", headers=headers,
                                 files={"file": ("contacts.xlsx", xlsx_bytes(rows), XLSX)},
                                 data={"entity": "contacts", "mode": mode, "dry_run": str(dry_run).lower()})
    assert accepted.status_code == 202, accepted.text
    await run_jobs(settings)
    return (await client.get(f"/api/v1/imports/{accepted.json()['id']}", headers=headers)).json()


async def _contacts(db, tenant_id) -> dict[str, Contact]:
    async with db.session(tenant_id) as session:
        found = (await session.execute(select(Contact).where(Contact.tenant_id == tenant_id))).scalars()
        return {c.email or c.first_name: c for c in found}


async def _errors(client, headers, run) -> list[list]:
    response = await client.get(f"/api/v1/imports/{run['id']}/errors.xlsx", headers=headers)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[c.value for c in row] for row in workbook["Errors"].iter_rows()]


async def _failed_rows(client, headers, run) -> list[list]:
    response = await client.get(f"/api/v1/imports/{run['id']}/errors.xlsx", headers=headers)
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[c.value for c in row] for row in workbook.worksheets[0].iter_rows()]


async def _export(client, headers, run_jobs, settings, **body) -> list[list[list]]:
    accepted = await client.post("/api/v1/exports", headers=headers, json={"entity": "contacts", **body})
    assert accepted.status_code == 202, accepted.text
    await run_jobs(settings)
    job = (await client.get(f"/api/v1/jobs/{accepted.json()['job_id']}", headers=headers)).json()
    assert job["status"] == "completed", job
    archive = zipfile.ZipFile(io.BytesIO((await client.get(job["result"]["download_url"])).content))
    sheets = []
    for name in sorted(archive.namelist()):
        workbook = openpyxl.load_workbook(io.BytesIO(archive.read(name)))
        sheets.append([[c.value for c in row] for row in workbook["Data"].iter_rows()])
    return sheets


# --- template -----------------------------------------------------------------------------------

async def test_the_template_has_every_field_custom_fields_and_relations(client, db, workspace, admin_headers):
    await make_custom_field(db, workspace.id, key="vip", type="select", options=["oro", "plata"],
                            labels={"es": "Nivel", "en": "Tier", "pt": "Nível"})
    response = await client.get("/api/v1/exports/template", params={"entity": "contacts"},
                                headers={**admin_headers, "Accept-Language": "pt"})
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    header = [c.value for c in workbook["Data"][1]]
    assert header[:5] == ["id", "kind", "status", "first_name", "last_name"]
    for key in ("email", "phone", "owner_id", "location_id", "latitude", "longitude", "custom.vip"):
        assert key in header
    assert header[-5:] == ["groups", "companies", "projects", "services", "owner"]
    info = {row[0]: row for row in ([c.value for c in r] for r in workbook["Info"].iter_rows())}
    assert info["Coluna"][1] == "Nome"
    assert info["custom.vip"][1] == "Nível" and info["custom.vip"][5] == "oro, plata"
    assert "E-mail" in info["owner"][2] and "vírgulas" in info["groups"][2]
    validations = workbook["Data"].data_validations.dataValidation
    assert any('"oro,plata"' in (v.formula1 or "") for v in validations)


# --- export -------------------------------------------------------------------------------------

async def test_export_honours_the_list_filters_in_chunks_with_relations(
        client, db, workspace, admin_headers, run_jobs, settings):
    owner = await make_user(db, workspace, email="asesora@example.com")
    group = await make_group(db, workspace.id, name="VIP")
    company = await make_company(db, workspace.id, name="Acme")
    for i in range(5):
        contact = await make_contact(db, workspace.id, first_name=f"Ana{i}", email=f"ana{i}@example.com",
                                     city="Lima", owner_id=owner.id, custom_fields={"nivel": "oro"})
        await add_to_group(db, workspace.id, group.id, contact.id)
    await make_member_of(db, workspace.id, company.id, contact.id)
    await make_contact(db, workspace.id, first_name="Fuera", city="Quito")
    await make_custom_field(db, workspace.id, key="nivel")

    sheets = await _export(client, admin_headers, run_jobs, settings.model_copy(update={"export_rows_per_file": 2}),
                           filter={"city": "lima"})
    assert len(sheets) == 3 and [len(s) - 1 for s in sheets] == [2, 2, 1]
    header = sheets[0][0]
    rows = [dict(zip(header, row, strict=True)) for sheet in sheets for row in sheet[1:]]
    assert sorted(r["first_name"] for r in rows) == [f"Ana{i}" for i in range(5)]
    assert all(r["groups"] == "VIP" and r["owner"] == "asesora@example.com" and r["custom.nivel"] == "oro"
               for r in rows)
    assert [r["companies"] for r in rows if r["first_name"] == "Ana4"] == ["Acme"]

    plain = await _export(client, admin_headers, run_jobs, settings, kind="with_data_no_relations",
                          filter={"q": "ana3"})
    assert len(plain[0]) == 2 and "groups" not in plain[0][0] and "owner" not in plain[0][0]


# --- import -------------------------------------------------------------------------------------

HEADER = ["kind", "first_name", "last_name", "email", "phone", "custom.nivel", "groups", "companies", "owner"]


async def test_import_creates_contacts_with_relations_and_audit_and_is_idempotent(
        client, db, workspace, admin_headers, run_jobs, settings):
    await make_custom_field(db, workspace.id, key="nivel", type="select", options=["oro", "plata"])
    owner = await make_user(db, workspace, email="asesora@example.com")
    group = await make_group(db, workspace.id, name="VIP")
    await make_company(db, workspace.id, name="Acme")
    rows = [HEADER,
            ["customer", "Lucía", "Pérez", " Lucia@Example.COM ", "612 345 678", "oro", "vip", "Acme",
             "asesora@example.com"],
            ["lead", "Tomás", "", "tomas@example.com", "+351912345678", None, None, None, None]]
    run = await _import(client, admin_headers, run_jobs, settings, rows)
    assert (run["created"], run["failed"]) == (2, 0), run

    contacts = await _contacts(db, workspace.id)
    lucia = contacts["lucia@example.com"]
    assert lucia.phone == "+34612345678" and lucia.custom_fields == {"nivel": "oro"}
    assert lucia.owner_id == owner.id and lucia.status == "active" and lucia.culture == "es"
    assert lucia.company_names == "Acme" and "perez" in lucia.search_words and "acme" in lucia.search_words
    async with db.session(workspace.id) as session:
        members = (await session.execute(select(ContactGroupMember.contact_id)
                                         .where(ContactGroupMember.group_id == group.id))).scalars().all()
        events = (await session.execute(select(Event.action, Event.changes)
                                        .where(Event.entity_id == lucia.id))).all()
    assert members == [lucia.id]
    actions = {action: changes for action, changes in events}
    assert set(actions) == {"create", "group_added", "company_joined"}
    assert actions["create"]["email"] == {"old": None, "new": "lucia@example.com"}

    listed = await client.get("/api/v1/contacts", params={"q": "perez"}, headers=admin_headers)
    assert [c["email"] for c in listed.json()["items"]] == ["lucia@example.com"]

    again = await _import(client, admin_headers, run_jobs, settings, rows)
    assert (again["created"], again["updated"], again["unchanged"], again["failed"]) == (0, 0, 2, 0)
    assert len(await _contacts(db, workspace.id)) == 2


async def test_update_and_upsert_change_fields_and_replace_relations(
        client, db, workspace, admin_headers, run_jobs, settings):
    old_group, new_group = await make_group(db, workspace.id, name="Antiguo"), await make_group(db, workspace.id,
                                                                                                name="Nuevo")
    contact = await make_contact(db, workspace.id, first_name="Ana", email="ana@example.com", city="Lima")
    await add_to_group(db, workspace.id, old_group.id, contact.id)
    location = await make_location(db, workspace.id, name="Sede", street="Av. Sol 1", city="Cusco",
                                   latitude=-13.5, longitude=-71.9)
    rows = [["id", "first_name", "location_id", "city", "groups"],
            [str(contact.id), "Ana María", str(location.id), None, "Nuevo"]]
    run = await _import(client, admin_headers, run_jobs, settings, rows, mode="update")
    assert (run["updated"], run["failed"]) == (1, 0), run
    updated = (await _contacts(db, workspace.id))["ana@example.com"]
    assert (updated.first_name, updated.street, updated.city, updated.latitude) == ("Ana María", "Av. Sol 1",
                                                                                     "Cusco", -13.5)
    async with db.session(workspace.id) as session:
        groups = (await session.execute(select(ContactGroupMember.group_id)
                                        .where(ContactGroupMember.contact_id == contact.id))).scalars().all()
        events = dict((await session.execute(select(Event.action, Event.changes).where(
            Event.entity_id == contact.id, Event.action.in_(["update", "group_removed"])))).all())
    assert groups == [new_group.id]
    assert events["update"]["first_name"] == {"old": "Ana", "new": "Ana María"} and "last_name" not in events["update"]
    assert events["group_removed"] == {"group_id": {"old": str(old_group.id), "new": None}}

    upsert = await _import(client, admin_headers, run_jobs, settings,
                           [["kind", "first_name", "email"], ["customer", "Ana M.", "ANA@example.com"],
                            ["customer", "Nuevo", "nuevo@example.com"]], mode="upsert")
    assert (upsert["created"], upsert["updated"]) == (1, 1)
    assert (await _contacts(db, workspace.id))["ana@example.com"].first_name == "Ana M."


async def test_bad_rows_fail_with_reasons_and_write_nothing(
        client, db, workspace, admin_headers, run_jobs, settings):
    await make_custom_field(db, workspace.id, key="nivel", type="select", options=["oro", "plata"])
    await make_group(db, workspace.id, name="VIP")
    await make_contact(db, workspace.id, first_name="Ya", email="taken@example.com")
    other = await make_workspace(db, client)
    foreign_location = await make_location(db, other.id, name="Ajena")
    foreign_contact = await make_contact(db, other.id, first_name="Ajeno", email="ajeno@example.com")
    header = ["id", "kind", "first_name", "email", "location_id", "custom.nivel", "groups", "owner", "owner_id",
              "phone"]
    rows = [header,
            [None, "customer", "Bien", "bien@example.com", None, "oro", "VIP", None, None, "+34612345678"],
            [None, "customer", "Malo", "no-es-correo", None, None, None, None, None, None],
            [None, "customer", "Repetido", "bien@example.com", None, None, None, None, None, None],
            [None, "customer", "Tomado", "taken@example.com", None, None, None, None, None, None],
            [None, "customer", "SinDueño", "x1@example.com", None, None, None, "nadie@example.com", None, None],
            [None, "customer", "SinGrupo", "x2@example.com", None, None, "VIP, Fantasma", None, None, None],
            [None, "customer", "Raro", "x3@example.com", None, "bronce", "VIP", None, None, None],
            [None, "customer", "Ajena", "x4@example.com", str(foreign_location.id), None, "VIP", None, None, None],
            [str(foreign_contact.id), "customer", "Ajeno", "x5@example.com", None, None, None, None, None, None],
            [None, "customer", "DueñoAjeno", "x6@example.com", None, None, "VIP", None, str(other.admin.id), None],
            [None, "customer", "Teléfono", "x7@example.com", None, None, "VIP", None, None, "12"]]
    run = await _import(client, admin_headers, run_jobs, settings, rows, mode="create")
    assert (run["created"], run["failed"]) == (1, 10), run

    contacts = await _contacts(db, workspace.id)
    assert set(contacts) == {"taken@example.com", "bien@example.com"}
    async with db.session(workspace.id) as session:
        members = (await session.execute(select(func.count()).select_from(ContactGroupMember)
                                         .where(ContactGroupMember.tenant_id == workspace.id))).scalar_one()
    assert members == 1

    errors = await _errors(client, {**admin_headers, "Accept-Language": "en"}, run)
    reasons = {(row[0], row[1]): row[3] for row in errors[1:]}
    assert reasons[(3, "email")] == "Invalid email address"
    assert reasons[(4, "email")] == "Repeated email: already in row 2"
    assert reasons[(5, "email")] == "This contact already exists (use update)"
    assert reasons[(6, "owner")] == "No staff user has this email"
    assert reasons[(7, "groups")] == "Not found: Fantasma"
    assert reasons[(8, "custom.nivel")] == "Value not allowed; use: oro, plata"
    assert reasons[(9, "location_id")] == "No location has this identifier"
    assert reasons[(10, "id")] == "No contact has this identifier"
    assert reasons[(11, "owner_id")] == "No user has this identifier"
    assert reasons[(12, "phone")] == "Not a valid phone number"
    failed_rows = await _failed_rows(client, admin_headers, run)
    assert failed_rows[0] == header and len(failed_rows) == 11
    assert failed_rows[1][3] == "no-es-correo" and failed_rows[-1][9] == "12"  # the cells as they were
    assert errors[0][:4] == ["Row", "Column", "Value", "Reason"]


async def test_a_dry_run_changes_nothing(client, db, workspace, admin_headers, run_jobs, settings):
    await make_group(db, workspace.id, name="VIP")
    run = await _import(client, admin_headers, run_jobs, settings,
                        [["kind", "first_name", "email", "groups"], ["lead", "Eva", "eva@example.com", "VIP"]],
                        dry_run=True)
    assert run["dry_run"] is True and run["created"] == 1
    assert await _contacts(db, workspace.id) == {}
    async with db.session(workspace.id) as session:
        assert (await session.execute(select(func.count()).select_from(Event).where(
            Event.tenant_id == workspace.id, Event.entity_type == "contact"))).scalar_one() == 0


async def test_kind_and_trashed_contacts_follow_the_apis_rules(
        client, db, workspace, admin_headers, run_jobs, settings):
    lead = await make_contact(db, workspace.id, kind="lead", first_name="Leo", email="leo@example.com")
    trashed = await make_contact(db, workspace.id, first_name="Ida", email="ida@example.com",
                                 deleted_at=datetime.now(UTC))
    run = await _import(client, admin_headers, run_jobs, settings,
                        [["id", "kind", "first_name"], [str(lead.id), "customer", "Leo"],
                         [str(trashed.id), None, "Ida"], [str(uuid.uuid4()), None, "X"]], mode="update")
    assert (run["updated"], run["failed"]) == (0, 3)
    errors = await _errors(client, {**admin_headers, "Accept-Language": "es"}, run)
    assert {(r[0], r[1]) for r in errors[1:]} == {(2, "kind"), (3, "id"), (4, "id")}


@pytest.mark.parametrize("kind", ["with_data", "with_data_no_relations"])
async def test_an_export_imports_back_unchanged(client, db, workspace, admin_headers, run_jobs, settings, kind):
    group = await make_group(db, workspace.id, name="VIP")
    project = await make_project(db, workspace.id, name="Piloto")
    service = await make_service(db, workspace.id, name="Masaje")
    contact = await make_contact(db, workspace.id, first_name="Ana", email="ana@example.com", phone="+34612345678",
                                 latitude=1.5, longitude=2.5, birth_date=None)
    await add_to_group(db, workspace.id, group.id, contact.id)
    await associate(db, workspace.id, project.id, contact.id)
    [sheet] = await _export(client, admin_headers, run_jobs, settings, kind=kind)
    assert service  # the catalogue exists; the contact simply has no service
    run = await _import(client, admin_headers, run_jobs, settings, sheet, mode="update")
    assert (run["unchanged"], run["updated"], run["failed"]) == (1, 0, 0), run
    sheet[1][sheet[0].index("first_name")] = "Ana María"
    run = await _import(client, admin_headers, run_jobs, settings, sheet, mode="update")
    assert run["updated"] == 1


async def test_contacts_transfers_need_the_contacts_permissions(client, db, workspace):
    from tests.fixtures.factories.identity import make_member

    transfer_only = await make_member(db, client, workspace, ["transfer:import", "transfer:export"])
    headers = transfer_only.headers
    template = await client.get("/api/v1/exports/template", params={"entity": "contacts"}, headers=headers)
    export = await client.post("/api/v1/exports", headers=headers, json={"entity": "contacts"})
    imported = await client.post("/api/v1/imports", headers=headers, data={"entity": "contacts", "mode": "create"},
                                 files={"file": ("c.xlsx", xlsx_bytes([["kind", "first_name"]]), XLSX)})
    assert (template.status_code, export.status_code, imported.status_code) == (403, 403, 403)
    readers = await make_member(db, client, workspace, ["transfer:export", "contacts:read"])
    assert (await client.post("/api/v1/exports", headers=readers.headers,
                              json={"entity": "contacts", "filter": {"planet": "Mars"}})).status_code == 422
    assert (await client.post("/api/v1/exports", headers=readers.headers,
                              json={"entity": "contacts", "filter": {"city": "Lima"}})).status_code == 202
