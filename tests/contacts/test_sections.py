"""Around the record (B7): comments (private, pinned, attachments), notes, alerts, reviews and
files — with their access rules and hostile uploads."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.fixtures.factories.contacts import make_comment, make_contact
from tests.fixtures.factories.identity import make_member

URL = "/api/v1/contacts"


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
async def contact(db, workspace):
    return await make_contact(db, workspace.id, first_name="Ficha")


# --- access --------------------------------------------------------------------------------

SECTION_ROUTES = [("GET", "comments", None), ("POST", "comments", {"body": "x"}), ("GET", "notes", None),
                  ("POST", "notes", {"body": "x"}), ("GET", "alerts", None),
                  ("POST", "alerts", {"type": "x", "description": "x"}), ("GET", "reviews", None),
                  ("POST", "reviews", {"rating": 3}), ("GET", "files", None)]


async def test_sections_need_a_credential_and_the_permission(client, db, workspace, other_workspace, contact):
    reader = await make_member(db, client, workspace, ["contacts:read"])
    nobody = await make_member(db, client, workspace, [])
    theirs = await make_contact(db, other_workspace.id)
    for method, section, body in SECTION_ROUTES:
        url = f"{URL}/{contact.id}/{section}"
        assert (await client.request(method, url, json=body)).status_code == 401
        assert (await client.request(method, url, json=body, headers=nobody.headers)).status_code == 403
        expected = 200 if method == "GET" else 403
        assert (await client.request(method, url, json=body, headers=reader.headers)).status_code == expected
        foreign = await client.request(method, f"{URL}/{theirs.id}/{section}", json=body,
                                       headers=workspace.admin.headers)
        assert foreign.status_code == 404, (method, section)


# --- comments ------------------------------------------------------------------------------

async def test_comments_private_pinned_and_authors(client, db, workspace, contact, admin_headers):
    writer = await make_member(db, client, workspace, ["contacts:read", "contacts:write"])
    url = f"{URL}/{contact.id}/comments"
    general = await client.post(url, json={"body": "Primera visita", "priority": "high"}, headers=writer.headers)
    assert general.status_code == 201 and general.json()["author_id"] == str(writer.id)
    secret = await client.post(url, json={"body": "Deuda pendiente", "private": True}, headers=admin_headers)
    await client.post(url, json={"body": "Importante", "pinned": True}, headers=writer.headers)
    seen_by_writer = [c["body"] for c in (await client.get(url, headers=writer.headers)).json()["items"]]
    assert seen_by_writer == ["Importante", "Primera visita"]  # pinned first; the private one is hidden
    seen_by_admin = [c["body"] for c in (await client.get(url, headers=admin_headers)).json()["items"]]
    assert seen_by_admin == ["Importante", "Deuda pendiente", "Primera visita"]
    secret_url = f"{url}/{secret.json()['id']}"
    assert (await client.patch(secret_url, json={"pinned": True}, headers=writer.headers)).status_code == 404
    assert (await client.delete(secret_url, headers=writer.headers)).status_code == 404
    # Pinning is open to writers; the text is its author's.
    mine = f"{url}/{general.json()['id']}"
    assert (await client.patch(mine, json={"pinned": True}, headers=admin_headers)).json()["pinned"] is True
    edit = await client.patch(mine, json={"body": "Otro texto"}, headers={**admin_headers, "Accept-Language": "en"})
    assert edit.status_code == 403 and edit.json()["code"] == "comment_not_author"
    assert (await client.patch(mine, json={"body": "Corregido"}, headers=writer.headers)).json()["body"] == "Corregido"
    # The author's or a moderator's to delete.
    assert (await client.delete(mine, headers=admin_headers)).status_code == 204


@pytest.mark.parametrize(("body", "loc"), [
    ({"body": ""}, ["body", "body"]), ({"body": "x" * 5001}, ["body", "body"]),
    ({"body": "ok", "priority": "critical"}, ["body", "priority"]),
    ({"body": "ok", "private": "sí"}, ["body", "private"]),
    ({"body": "ok", "author_id": "01a2010a-d308-7274-91bf-a2eb8ec3c3b0"}, ["body", "author_id"]),
])
async def test_bad_comments_are_422(client, contact, admin_headers, body, loc):
    response = await client.post(f"{URL}/{contact.id}/comments", json=body, headers=admin_headers)
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == loc


async def test_private_comments_stay_private_in_the_timeline_and_attachments(client, db, workspace, contact,
                                                                          admin_headers, storage):
    writer = await make_member(db, client, workspace, ["contacts:read", "contacts:write"])
    secret = await make_comment(db, workspace.id, contact.id, body="Solo admins", private=True,
                                author_id=workspace.admin.id)
    attached = await client.post(f"{URL}/{contact.id}/comments/{secret.id}/attachments",
                                 files={"file": ("deuda.pdf", PDF, "application/pdf")}, headers=admin_headers)
    assert attached.status_code == 201
    file_url = f"{URL}/{contact.id}/files/{attached.json()['id']}"
    assert (await client.get(file_url, headers=admin_headers)).status_code == 200
    assert (await client.get(file_url, headers=writer.headers)).status_code == 404
    writers_feed = (await client.get(f"{URL}/{contact.id}/timeline", headers=writer.headers)).json()["items"]
    assert all(item.get("body") != "Solo admins" for item in writers_feed)
    admins_feed = (await client.get(f"{URL}/{contact.id}/timeline", headers=admin_headers)).json()["items"]
    assert any(item["body"] == "Solo admins" and item["private"] for item in admins_feed)


# --- notes ---------------------------------------------------------------------------------

async def test_notes_with_category_keywords_date_and_attachments(client, contact, admin_headers, storage):
    url = f"{URL}/{contact.id}/notes"
    created = await client.post(url, headers=admin_headers, json={
        "body": "Tratamiento facial", "category": "clínica", "keywords": ["piel", "piel", "láser"],
        "noted_on": "2026-11-01"})
    assert created.status_code == 201
    note = created.json()
    assert note["keywords"] == ["piel", "láser"] and note["noted_on"] == "2026-11-01"
    await client.post(url, json={"body": "Sin categoría"}, headers=admin_headers)
    assert [n["body"] for n in (await client.get(url, params={"keyword": "láser"}, headers=admin_headers)).json()[
        "items"]] == ["Tratamiento facial"]
    assert len((await client.get(url, params={"category": "clínica"}, headers=admin_headers)).json()["items"]) == 1
    attached = await client.post(f"{url}/{note['id']}/attachments", headers=admin_headers,
                                 files={"file": ("foto.png", png(), "image/png")})
    assert attached.status_code == 201 and attached.json()["is_image"] and attached.json()["note_id"] == note["id"]
    listed = (await client.get(url, headers=admin_headers)).json()["items"]
    assert [a["id"] for a in listed[-1]["attachments"]] == [attached.json()["id"]]
    changed = await client.patch(f"{url}/{note['id']}", json={"keywords": [], "category": None}, headers=admin_headers)
    assert changed.json()["keywords"] == [] and changed.json()["category"] is None
    assert (await client.patch(f"{url}/{note['id']}", json={"body": None}, headers=admin_headers)).status_code == 422
    assert (await client.delete(f"{url}/{note['id']}", headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{contact.id}/files/{attached.json()['id']}",
                             headers=admin_headers)).status_code == 404


# --- alerts and reviews ----------------------------------------------------------------------

async def test_alerts(client, contact, admin_headers):
    url = f"{URL}/{contact.id}/alerts"
    alert = (await client.post(url, json={"type": "medical", "priority": "urgent", "description": "Alergia al látex"},
                               headers=admin_headers)).json()
    assert alert["active"] is True
    off = await client.patch(f"{url}/{alert['id']}", json={"active": False}, headers=admin_headers)
    assert off.json()["active"] is False
    assert (await client.get(url, params={"active": "true"}, headers=admin_headers)).json()["items"] == []
    assert len((await client.get(url, params={"active": "false"}, headers=admin_headers)).json()["items"]) == 1
    bad = await client.post(url, json={"type": "", "description": "x"}, headers=admin_headers)
    assert bad.status_code == 422
    events = (await client.get(f"{URL}/{contact.id}/timeline", headers=admin_headers)).json()["items"]
    assert [e["action"] for e in events if e["kind"] == "event"][:2] == ["alert_changed", "alert_added"]


@pytest.mark.parametrize("rating", [0, 6, 2.5, "five"])
async def test_review_ratings_are_1_to_5(client, contact, admin_headers, rating):
    response = await client.post(f"{URL}/{contact.id}/reviews", json={"rating": rating}, headers=admin_headers)
    assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["body", "rating"]


async def test_reviews_feed_the_contacts_counters(client, contact, admin_headers):
    url = f"{URL}/{contact.id}/reviews"
    for rating in (5, 3):
        response = await client.post(url, json={"rating": rating, "text": "Muy bien"}, headers=admin_headers)
        assert response.status_code == 201
    assert [r["rating"] for r in (await client.get(url, headers=admin_headers)).json()["items"]] == [3, 5]
    detail = (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()
    assert detail["review_count"] == 2 and detail["average_rating"] == 4.0


# --- files ---------------------------------------------------------------------------------

async def test_upload_list_download_delete(client, contact, admin_headers, storage, run_jobs):
    url = f"{URL}/{contact.id}/files"
    uploaded = await client.post(url, files={"file": ("../../etc/Informe\r\nSet-Cookie: x.pdf", PDF, "image/png")},
                                 headers=admin_headers)
    assert uploaded.status_code == 201, uploaded.text
    file = uploaded.json()
    assert file["content_type"] == "application/pdf" and file["size"] == len(PDF) and not file["is_image"]
    assert "/" not in file["filename"] and "\r" not in file["filename"]
    image = (await client.post(url, files={"file": ("a.png", png(), "image/png")}, headers=admin_headers)).json()
    assert [f["id"] for f in (await client.get(url, params={"kind": "image"}, headers=admin_headers)).json()[
        "items"]] == [image["id"]]
    download = await client.get(f"{url}/{file['id']}", headers=admin_headers)
    assert download.status_code == 200 and download.content == PDF
    assert download.headers["content-type"] == "application/pdf"
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["content-disposition"].startswith("attachment; filename=")
    assert "\r" not in download.headers["content-disposition"]
    [stored] = [p for p in (storage.root).rglob("*.pdf")]
    assert f"tenants/{contact.tenant_id}/contact-files/" in str(stored)
    assert (await client.delete(f"{url}/{file['id']}", headers=admin_headers)).status_code == 204
    await run_jobs()
    assert not stored.exists()


@pytest.mark.parametrize(("name", "data", "code", "status"), [
    ("big.pdf", b"%PDF-1.4" + b"x" * (10 * 1024 * 1024), "file_too_large", 413),
    ("fake.png", b"\x89PNG\r\n\x1a\n" + b"not really" * 50, "file_corrupt", 422),
    ("tool.exe", b"MZ\x90\x00" + b"\x00" * 200, "file_type_not_allowed", 415),
    ("empty.txt", b"", "file_empty", 422),
])
async def test_hostile_uploads_are_refused(client, contact, admin_headers, storage, name, data, code, status):
    response = await client.post(f"{URL}/{contact.id}/files", files={"file": (name, data, "image/png")},
                                 headers=admin_headers)
    assert response.status_code == status, response.text
    assert response.json()["code"] == code
    assert (await client.get(f"{URL}/{contact.id}/files", headers=admin_headers)).json()["items"] == []
    assert not list(storage.root.rglob("*.*")) if storage.root.exists() else True


async def test_photo(client, contact, admin_headers, storage):
    url = f"{URL}/{contact.id}/photo"
    assert (await client.get(url, headers=admin_headers)).status_code == 404
    refused = await client.put(url, files={"file": ("cv.pdf", PDF, "application/pdf")}, headers=admin_headers)
    assert refused.status_code == 415
    done = await client.put(url, files={"file": ("me.png", png(), "image/png")}, headers=admin_headers)
    assert done.status_code == 200 and done.json()["has_photo"] is True
    photo = await client.get(url, headers=admin_headers)
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/png" and photo.content == png()
    assert (await client.delete(url, headers=admin_headers)).status_code == 204
    assert (await client.get(f"{URL}/{contact.id}", headers=admin_headers)).json()["has_photo"] is False


async def test_a_trashed_contact_is_read_only(client, contact, admin_headers):
    await client.post(f"{URL}/{contact.id}/trash", headers=admin_headers)
    assert (await client.get(f"{URL}/{contact.id}/comments", headers=admin_headers)).status_code == 200
    response = await client.post(f"{URL}/{contact.id}/comments", json={"body": "x"}, headers=admin_headers)
    assert response.status_code == 409 and response.json()["code"] == "contact_in_trash"
