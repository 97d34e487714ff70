"""Import and export through the API, end to end with the worker (locations as the entity)."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from api.transfer.links import download_path
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.locations import make_location
from tests.fixtures.factories.transfer import xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _names(client, headers) -> list[str]:
    response = await client.get("/api/v1/locations", params={"limit": 200}, headers=headers)
    return sorted(i["name"] for i in response.json()["items"])


async def _import(client, headers, content: bytes, *, mode="create", dry_run=False, name="sites.xlsx",
                  content_type=XLSX):
    return await client.post("/api/v1/imports", headers=headers,
                             files={"file": (name, content, content_type)},
                             data={"entity": "locations", "mode": mode, "dry_run": str(dry_run).lower()})


async def _finished_import(client, headers, run_jobs, settings, content: bytes, **kwargs) -> dict:
    accepted = await _import(client, headers, content, **kwargs)
    assert accepted.status_code == 202, accepted.text
    await run_jobs(settings)
    return (await client.get(f"/api/v1/imports/{accepted.json()['id']}", headers=headers)).json()


# --- templates ------------------------------------------------------------------------------

async def test_the_empty_template_downloads_at_once_in_the_users_language(client, admin_headers):
    response = await client.get("/api/v1/exports/template", params={"entity": "locations"},
                                headers={**admin_headers, "Accept-Language": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"] == XLSX
    assert response.headers["content-disposition"].startswith('attachment; filename="locations-template.xlsx"')
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [c.value for c in workbook["Data"][1]][:3] == ["id", "name", "street"]
    info = [[c.value for c in row] for row in workbook["Info"].iter_rows()]
    assert info[0][0] == "Column" and info[2][:2] == ["name", "Name"] and info[2][3] == "Yes"


async def test_template_permissions_and_entity(client, db, workspace, admin_headers):
    assert (await client.get("/api/v1/exports/template", params={"entity": "planets"},
                             headers=admin_headers)).status_code == 422
    importer_only = await make_member(db, client, workspace, ["transfer:import"])
    response = await client.get("/api/v1/exports/template", params={"entity": "locations"},
                                headers=importer_only.headers)
    assert response.status_code == 403 and "locations:write" in response.json()["detail"]
    assert (await client.get("/api/v1/exports/template", params={"entity": "locations"})).status_code == 401


# --- exports --------------------------------------------------------------------------------

async def test_export_runs_in_the_background_and_downloads_a_zip_of_chunks(
        client, db, workspace, admin_headers, run_jobs, settings):
    for i in range(7):
        await make_location(db, workspace.id, name=f"Sede {i}", city="Lima")
    await make_location(db, workspace.id, name='=HYPERLINK("http://evil","clic")', city="Lima")
    await make_location(db, workspace.id, name="Fuera del filtro", city="Quito")
    accepted = await client.post("/api/v1/exports", headers=admin_headers,
                                 json={"entity": "locations", "kind": "with_data", "filter": {"city": "lima"}})
    assert accepted.status_code == 202
    job_id = accepted.json()["job_id"]
    assert (await client.get(f"/api/v1/jobs/{job_id}", headers=admin_headers)).json()["status"] == "pending"

    await run_jobs(settings.model_copy(update={"export_rows_per_file": 3}))
    job = (await client.get(f"/api/v1/jobs/{job_id}", headers=admin_headers)).json()
    assert job["status"] == "completed" and job["progress"] == 100
    assert job["result"]["rows"] == 8 and job["result"]["files"] == 3

    download = await client.get(job["result"]["download_url"])  # the link itself is the credential
    assert download.status_code == 200 and download.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = sorted(archive.namelist())
    assert len(names) == 3 and all(n.endswith(".xlsx") for n in names)
    exported = []
    for name in names:
        workbook = openpyxl.load_workbook(io.BytesIO(archive.read(name)))
        assert workbook.sheetnames == ["Data", "Info"]
        rows = list(workbook["Data"].iter_rows(values_only=False))
        assert [c.value for c in rows[0]][:2] == ["id", "name"]
        assert len(rows) - 1 <= 3
        for row in rows[1:]:
            exported.append(row[1].value)
            assert row[1].data_type == "s"
    assert len(exported) == 8 and "Fuera del filtro" not in exported
    assert '=HYPERLINK("http://evil","clic")' in exported


async def test_export_links_are_signed_and_expire(client, db, workspace, admin_headers, run_jobs, settings):
    accepted = await client.post("/api/v1/exports", headers=admin_headers, json={"entity": "locations"})
    job_id = accepted.json()["job_id"]
    await run_jobs(settings)
    url = (await client.get(f"/api/v1/jobs/{job_id}", headers=admin_headers)).json()["result"]["download_url"]
    assert (await client.get(url)).status_code == 200
    assert (await client.get(url.replace("signature=", "signature=0"))).status_code == 404
    assert (await client.get(url.split("?")[0], headers=admin_headers)).status_code == 404
    expired = download_path(workspace.id, job_id, ttl_seconds=-1)
    assert (await client.get(expired)).status_code == 404


async def test_export_filters_are_validated_and_permissions_checked(client, db, workspace, admin_headers):
    bad = await client.post("/api/v1/exports", headers=admin_headers,
                            json={"entity": "locations", "filter": {"city": "x" * 500}})
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == ["body", "filter", "city"]
    unknown = await client.post("/api/v1/exports", headers=admin_headers,
                                json={"entity": "locations", "filter": {"planet": "Mars"}})
    assert unknown.status_code == 422
    exporter_only = await make_member(db, client, workspace, ["transfer:export"])
    response = await client.post("/api/v1/exports", headers=exporter_only.headers, json={"entity": "locations"})
    assert response.status_code == 403


# --- imports --------------------------------------------------------------------------------

GOOD_AND_BAD = [
    ["name", "city", "latitude", "longitude"],
    ["Sede Norte", "Lima", -12.04, -77.03],
    ["Sede Sur", "Lima", None, None],
    ["Sede Rota", "Lima", "norte", -77.0],      # a cell that is not a number
    ["Sede Media", "Lima", -12.0, None],         # breaks a rule: coordinates come in pairs
    ["Sede Norte", "Cusco", None, None],         # a duplicate inside the file (create mode)
    [None, None, None, None],                    # an empty row is skipped
]


async def test_import_applies_good_rows_and_reports_bad_ones_cell_by_cell(
        client, db, workspace, admin_headers, run_jobs, settings):
    run = await _finished_import(client, admin_headers, run_jobs, settings, xlsx_bytes(GOOD_AND_BAD))
    assert run["status"] == "completed"
    assert (run["rows_read"], run["created"], run["updated"], run["unchanged"], run["failed"]) == (5, 2, 0, 0, 3)
    assert await _names(client, admin_headers) == ["Sede Norte", "Sede Sur"]

    report = await client.get(run["errors_url"], headers={**admin_headers, "Accept-Language": "en"})
    assert report.status_code == 200 and report.headers["content-type"] == XLSX
    workbook = openpyxl.load_workbook(io.BytesIO(report.content))
    data = [[c.value for c in row] for row in workbook["Data"].iter_rows()]
    assert data[0] == GOOD_AND_BAD[0]
    assert data[1:] == [["Sede Rota", "Lima", "norte", -77], ["Sede Media", "Lima", -12, None],
                        ["Sede Norte", "Cusco", None, None]]
    reasons = [[c.value for c in row] for row in workbook["Errors"].iter_rows(min_row=2)]
    assert reasons == [[4, "latitude", "norte", "Not a number"],
                       [5, "longitude", None, "Latitude and longitude go together"],
                       [6, "name", "Sede Norte", "A location with this name already exists"]]

    events = (await client.get("/api/v1/audit-events", params={"entity_type": "location", "action": "create"},
                               headers=admin_headers)).json()["items"]
    assert len(events) == 2 and events[0]["actor_user_id"] == str(workspace.admin.id)


async def test_reimporting_the_same_file_creates_no_duplicates(
        client, db, workspace, admin_headers, run_jobs, settings):
    content = xlsx_bytes(GOOD_AND_BAD[:3])
    first = await _finished_import(client, admin_headers, run_jobs, settings, content, mode="upsert")
    again = await _finished_import(client, admin_headers, run_jobs, settings, content, mode="upsert")
    assert (first["created"], first["unchanged"]) == (2, 0)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    assert await _names(client, admin_headers) == ["Sede Norte", "Sede Sur"]


async def test_update_mode_changes_by_id_and_refuses_unknown_records(
        client, db, workspace, admin_headers, run_jobs, settings):
    location = await make_location(db, workspace.id, name="Antigua", city="Lima")
    content = xlsx_bytes([["id", "city"], [str(location.id), "Arequipa"],
                          ["01a2010a-d308-7274-91bf-a2eb8ec3c3b0", "Lima"]])
    run = await _finished_import(client, admin_headers, run_jobs, settings, content, mode="update")
    assert (run["updated"], run["failed"]) == (1, 1)
    detail = (await client.get(f"/api/v1/locations/{location.id}", headers=admin_headers)).json()
    assert detail["city"] == "Arequipa" and detail["name"] == "Antigua"


async def test_a_dry_run_reports_without_changing_anything(client, admin_headers, run_jobs, settings):
    run = await _finished_import(client, admin_headers, run_jobs, settings, xlsx_bytes(GOOD_AND_BAD), dry_run=True)
    assert run["dry_run"] is True and (run["created"], run["failed"]) == (2, 3)
    assert await _names(client, admin_headers) == []


async def test_csv_files_import_too(client, admin_headers, run_jobs, settings):
    content = "name;city\nClínica Ñuñoa;Santiago\n".encode()
    run = await _finished_import(client, admin_headers, run_jobs, settings, content, name="sites.csv",
                                 content_type="text/csv")
    assert run["created"] == 1 and await _names(client, admin_headers) == ["Clínica Ñuñoa"]


async def test_a_bad_header_fails_fast_with_a_report(client, admin_headers, run_jobs, settings):
    content = xlsx_bytes([["nombre", "city", "city"], ["x", "y", "z"]])
    accepted = await _import(client, admin_headers, content)
    await run_jobs(settings)
    run = (await client.get(f"/api/v1/imports/{accepted.json()['id']}", headers=admin_headers)).json()
    assert run["status"] == "failed" and run["created"] == 0
    assert run["report"]["report"] == {"unknown_columns": ["nombre"], "missing_columns": ["name"],
                                       "duplicated_columns": ["city"], "blank_header_positions": []}
    job = (await client.get(f"/api/v1/jobs/{accepted.json()['job_id']}", headers=admin_headers)).json()
    assert job["status"] == "failed"


@pytest.mark.parametrize(("content", "name", "status", "code"), [
    (b"%PDF-1.7 pretending", "sites.xlsx", 415, "file_type_not_allowed"),
    (b"", "sites.xlsx", 422, "file_empty"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "sites.csv", 415, "file_type_not_allowed"),
])
async def test_hostile_uploads_are_refused_at_the_door(client, admin_headers, content, name, status, code):
    response = await _import(client, admin_headers, content, name=name)
    assert response.status_code == status and response.json()["code"] == code
    assert (await client.get("/api/v1/imports", headers=admin_headers)).json()["items"] == []


async def test_import_permissions_and_ownership(client, db, workspace, admin_headers, run_jobs, settings):
    reader = await make_member(db, client, workspace, ["transfer:import", "locations:read"])
    assert (await _import(client, reader.headers, xlsx_bytes(GOOD_AND_BAD))).status_code == 403
    writer = await make_member(db, client, workspace, ["transfer:import", "locations:write"])
    accepted = await _import(client, writer.headers, xlsx_bytes(GOOD_AND_BAD[:2]))
    assert accepted.status_code == 202
    other = await make_member(db, client, workspace, ["transfer:import", "locations:write"])
    assert (await client.get(f"/api/v1/imports/{accepted.json()['id']}", headers=other.headers)).status_code == 404
    assert len((await client.get("/api/v1/imports", headers=writer.headers)).json()["items"]) == 1
    no_errors = await client.get(f"/api/v1/imports/{accepted.json()['id']}/errors.xlsx", headers=writer.headers)
    assert no_errors.status_code == 404


async def test_the_file_name_and_content_must_agree(client, admin_headers):
    csv_named_xlsx = await _import(client, admin_headers, b"name,city\nA,B\n", name="sites.xlsx")
    workbook_named_csv = await _import(client, admin_headers, xlsx_bytes([["name"], ["A"]]), name="sites.csv")
    assert csv_named_xlsx.status_code == workbook_named_csv.status_code == 415


async def test_exports_and_imports_notify_their_user(client, admin_headers, run_jobs, settings):
    export = await client.post("/api/v1/exports", headers={**admin_headers, "Accept-Language": "pt"},
                               json={"entity": "locations"})
    pending = (await client.get("/api/v1/notifications", headers=admin_headers)).json()["items"]
    [notice] = [n for n in pending if n["job"] and n["job"]["id"] == export.json()["job_id"]]
    assert notice["kind"] == "job" and notice["job"]["status"] == "pending"
    assert notice["title"] == "Exportação de localizações" and notice["action"] == "Baixar"
    accepted = await _import(client, admin_headers, xlsx_bytes(GOOD_AND_BAD[:2]))
    await run_jobs(settings)
    items = (await client.get("/api/v1/notifications", params={"kind": "job"}, headers=admin_headers)).json()["items"]
    by_job = {n["job"]["id"]: n for n in items}
    done = by_job[export.json()["job_id"]]["job"]
    assert done["status"] == "completed" and done["result"]["download_url"].startswith("/api/v1/exports/")
    imported = by_job[accepted.json()["job_id"]]
    assert imported["job"]["status"] == "completed" and imported["job"]["result"]["created"] == 1
    assert imported["link"] == f"/transfer/imports/{accepted.json()['id']}"


async def test_a_job_acts_with_its_users_current_permissions(client, db, workspace, run_jobs, settings):
    writer = await make_member(db, client, workspace, ["transfer:import", "locations:write", "locations:read"])
    accepted = await _import(client, writer.headers, xlsx_bytes(GOOD_AND_BAD[:2]))
    # The user is deactivated before the worker gets to the job: it must not act for them.
    await client.post(f"/api/v1/users/{writer.id}/deactivate", headers=workspace.admin.headers)
    await run_jobs(settings)
    job = (await client.get(f"/api/v1/jobs/{accepted.json()['job_id']}", headers=workspace.admin.headers)).json()
    assert job["status"] == "failed"
    assert await _names(client, workspace.admin.headers) == []


async def test_exports_are_rate_limited_per_user(client, db, workspace, admin_headers, monkeypatch, settings):
    from api.transfer import service

    monkeypatch.setattr(service, "get_settings", lambda: settings.model_copy(update={"exports_per_hour": 2}))
    for _ in range(2):
        assert (await client.post("/api/v1/exports", headers=admin_headers,
                                  json={"entity": "locations"})).status_code == 202
    refused = await client.post("/api/v1/exports", headers=admin_headers, json={"entity": "locations"})
    assert refused.status_code == 429 and refused.json()["code"] == "quota_exceeded"
    assert 0 < int(refused.headers["retry-after"]) <= 3600
    colleague = await make_member(db, client, workspace, ["transfer:export", "locations:read"])
    assert (await client.post("/api/v1/exports", headers=colleague.headers,
                              json={"entity": "locations"})).status_code == 202
