"""Staff users in spreadsheets through the API and a real worker: template, export with
relations, import through identity's rules (invitations over real SMTP, only when committed)."""

from __future__ import annotations

import io
import zipfile

import openpyxl
from sqlalchemy import select

from api.core.audit import AuditEvent
from api.identity.models import StaffGroup, User
from tests.fixtures.factories.companies import make_project
from tests.fixtures.factories.contacts import make_custom_field
from tests.fixtures.factories.identity import make_user
from tests.fixtures.factories.transfer import xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = ["first_name", "last_name", "email", "roles", "optional_permissions", "groups", "projects"]


async def _import(client, headers, run_jobs, settings, rows, *, mode="upsert", dry_run=False) -> dict:
    accepted = await client.post("/api/v1/imports", headers=headers,
                                 files={"file": ("staff.xlsx", xlsx_bytes(rows), XLSX)},
                                 data={"entity": "users", "mode": mode, "dry_run": str(dry_run).lower()})
    assert accepted.status_code == 202, accepted.text
    await run_jobs(settings)
    return (await client.get(f"/api/v1/imports/{accepted.json()['id']}", headers=headers)).json()


async def _errors(client, headers, run) -> dict[tuple[int, str], str]:
    response = await client.get(f"/api/v1/imports/{run['id']}/errors.xlsx", headers=headers)
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return {(r[0], r[1]): r[3] for r in list(workbook["Errors"].iter_rows(values_only=True))[1:]}


async def _user(client, headers, email) -> dict:
    found = (await client.get("/api/v1/users", params={"q": email}, headers=headers)).json()["items"]
    return (await client.get(f"/api/v1/users/{found[0]['id']}", headers=headers)).json()


async def _group(db, workspace, name) -> StaffGroup:
    async with db.session(workspace.id) as session:
        group = StaffGroup(tenant_id=workspace.id, name=name, kind="agents")
        session.add(group)
    return group


async def test_the_template_lists_fields_custom_fields_and_relations(client, admin_headers):
    response = await client.get("/api/v1/exports/template", params={"entity": "users"},
                                headers={**admin_headers, "Accept-Language": "en"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    header = [c.value for c in workbook["Data"][1]]
    assert header[:4] == ["id", "first_name", "last_name", "email"]
    assert header[-4:] == ["roles", "optional_permissions", "groups", "projects"]
    info = {row[0]: row for row in workbook["Info"].iter_rows(values_only=True)}
    assert "Role keys" in info["roles"][2] and info["roles"][3] == "Yes"


async def test_import_creates_invites_and_links_then_is_idempotent(
        client, db, workspace, admin_headers, run_jobs, settings, smtp_server):
    await _group(db, workspace, "Turno mañana")
    await make_project(db, workspace.id, name="Piloto")
    await make_custom_field(db, workspace.id, entity="user", key="sede", type="select", options=["Norte", "Sur"])
    rows = [[*HEADER, "custom.sede"], ["Marta", "Ruiz", "marta@example.com", "conversation_agent",
                                       "conversations:transfer", "turno mañana", "Piloto", "norte"]]
    mail_settings = settings.model_copy(update={"smtp_port": smtp_server.port})
    run = await _import(client, admin_headers, run_jobs, mail_settings, rows)
    assert (run["created"], run["failed"]) == (1, 0), run
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "marta@example.com"

    user = await _user(client, admin_headers, "marta@example.com")
    assert [r["key"] for r in user["roles"]] == ["conversation_agent"]
    assert user["optional_permissions"] == ["conversations:transfer"] and user["invitation_pending"] is True
    assert user["custom_fields"] == {"sede": "Norte"}
    async with db.session(workspace.id) as session:
        actions = set((await session.execute(select(AuditEvent.action).where(
            AuditEvent.tenant_id == workspace.id, AuditEvent.entity_type.in_(["user", "staff_group"])))).scalars())
    assert {"create", "member_added", "project_associated"} <= actions

    again = await _import(client, admin_headers, run_jobs, mail_settings, rows)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 1), again

    changed = [[*HEADER, "custom.sede"], ["Marta", "Ruiz Gil", "marta@example.com", "conversation_agent", "", "", "",
                                          "Sur"]]
    run = await _import(client, admin_headers, run_jobs, mail_settings, changed, mode="update")
    assert run["updated"] == 1
    user = await _user(client, admin_headers, "marta@example.com")
    assert user["last_name"] == "Ruiz Gil" and user["optional_permissions"] == []
    assert user["custom_fields"] == {"sede": "Sur"}
    assert len(smtp_server.messages) == 1  # updates invite nobody


async def test_rows_breaking_the_apis_rules_fail_and_change_nothing(
        client, db, workspace, admin_headers, run_jobs, settings, smtp_server):
    colleague = await make_user(db, workspace, email="colega@example.com")
    rows = [["id", "first_name", "email", "status", "roles", "optional_permissions"],
            [None, "Sin", "sin-rol@example.com", None, "", ""],
            [None, "Rara", "rara@example.com", None, "no_such_role", ""],
            [None, "Extra", "extra@example.com", None, "conversation_agent", "payments:reconcile"],
            [None, "Mala", "no-es-correo", None, "conversation_agent", ""],
            [str(workspace.admin.id), "Admin", workspace.admin.user.email, "inactive", "administrator", ""],
            [str(colleague.id), "Colega", "colega@example.com", "inactive", "conversation_agent", ""]]
    mail_settings = settings.model_copy(update={"smtp_port": smtp_server.port})
    run = await _import(client, admin_headers, run_jobs, mail_settings, rows)
    assert (run["failed"], run["updated"], run["created"]) == (5, 1, 0), run
    errors = await _errors(client, {**admin_headers, "Accept-Language": "en"}, run)
    assert set(errors) == {(2, "roles"), (3, "roles"), (4, "optional_permissions"), (5, "email"), (6, "status")}
    assert errors[(4, "optional_permissions")] == "None of the user's roles offers payments:reconcile"
    async with db.session(workspace.id) as session:
        emails = set((await session.execute(select(User.email).where(User.tenant_id == workspace.id))).scalars())
        status = (await session.execute(select(User.status).where(User.id == workspace.admin.id))).scalar_one()
    assert not emails & {"sin-rol@example.com", "rara@example.com", "extra@example.com"}
    assert status == "active"
    await run_jobs(mail_settings)
    assert smtp_server.messages == []  # failed rows invite nobody


async def test_a_dry_run_sends_no_invitation(client, db, workspace, admin_headers, run_jobs, settings, smtp_server):
    mail_settings = settings.model_copy(update={"smtp_port": smtp_server.port})
    run = await _import(client, admin_headers, run_jobs, mail_settings,
                        [HEADER[:4], ["Eva", "Sol", "eva@example.com", "conversation_agent"]], dry_run=True)
    assert run["created"] == 1
    await run_jobs(mail_settings)
    assert smtp_server.messages == []
    assert (await client.get("/api/v1/users", params={"q": "eva@example.com"},
                             headers=admin_headers)).json()["items"] == []


async def test_export_with_relations_reads_back(client, db, workspace, admin_headers, run_jobs, settings):
    group = await _group(db, workspace, "Noche")
    await make_user(db, workspace, email="noche@example.com", first_name="Nico")
    user = await make_user(db, workspace, email="otro@example.com", first_name="Otro")
    await client.post(f"/api/v1/groups/{group.id}/members", json={"user_ids": [str(user.id)]}, headers=admin_headers)
    accepted = await client.post("/api/v1/exports", headers=admin_headers,
                                 json={"entity": "users", "filter": {"q": "otro"}})
    assert accepted.status_code == 202, accepted.text
    await run_jobs(settings)
    job = (await client.get(f"/api/v1/jobs/{accepted.json()['job_id']}", headers=admin_headers)).json()
    archive = zipfile.ZipFile(io.BytesIO((await client.get(job["result"]["download_url"])).content))
    [name] = archive.namelist()
    rows = list(openpyxl.load_workbook(io.BytesIO(archive.read(name)))["Data"].iter_rows(values_only=True))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2 and record["email"] == "otro@example.com"
    assert record["roles"] == "conversation_agent" and record["groups"] == "Noche"

    run = await _import(client, admin_headers, run_jobs, settings, [list(r) for r in rows], mode="update")
    assert (run["unchanged"], run["failed"]) == (1, 0), run


async def test_staff_transfers_need_the_users_permissions(client, db, workspace):
    from tests.fixtures.factories.identity import make_member

    transfer_only = await make_member(db, client, workspace, ["transfer:import", "transfer:export"])
    headers = transfer_only.headers
    template = await client.get("/api/v1/exports/template", params={"entity": "users"}, headers=headers)
    export = await client.post("/api/v1/exports", headers=headers, json={"entity": "users"})
    imported = await client.post("/api/v1/imports", headers=headers, data={"entity": "users", "mode": "create"},
                                 files={"file": ("u.xlsx", xlsx_bytes([["first_name", "email"]]), XLSX)})
    assert (template.status_code, export.status_code, imported.status_code) == (403, 403, 403)
