"""D3: the mail log — filters, never the bodies, retry of failed messages through the one
sender — and the rule that every email in the code goes through that sender."""

from __future__ import annotations

import ast
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from api.config import ROOT
from tests.fixtures.factories.identity import make_member
from tests.fixtures.factories.notifications import make_mail

URL = "/api/v1/mail-log"
SECRET_BODY = "https://ficha.test/accept?token=very-secret"


async def _entries(client, headers, **params) -> list[dict]:
    response = await client.get(URL, params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert SECRET_BODY not in response.text
    return response.json()["items"]


# --- access --------------------------------------------------------------------------------

async def test_no_credential_is_401(client):
    assert (await client.get(URL)).status_code == 401
    assert (await client.post(f"{URL}/{uuid.uuid4()}/retry")).status_code == 401


async def test_permissions_read_and_retry_are_separate(client, db, workspace):
    failed = await make_mail(db, workspace.id)
    nobody = await make_member(db, client, workspace, ["notifications:broadcast"])
    reader = await make_member(db, client, workspace, ["mail:read"])
    assert (await client.get(URL, headers=nobody.headers)).status_code == 403
    assert len(await _entries(client, reader.headers)) == 1
    denied = await client.post(f"{URL}/{failed.id}/retry", headers=reader.headers)
    assert denied.status_code == 403 and "mail:retry" in denied.json()["detail"]
    assert (await _entries(client, reader.headers))[0]["status"] == "failed"


async def test_another_workspaces_mail_is_404_and_invisible(client, db, workspace, other_workspace):
    theirs = await make_mail(db, other_workspace.id, to_address="theirs@example.com")
    response = await client.post(f"{URL}/{theirs.id}/retry", headers=workspace.admin.headers)
    assert response.status_code == 404 and response.json()["code"] == "entity_not_found"
    assert await _entries(client, workspace.admin.headers) == []
    [entry] = await _entries(client, other_workspace.admin.headers)
    assert entry["status"] == "failed"


# --- the log -------------------------------------------------------------------------------

async def test_the_log_shows_everything_but_bodies_and_filters(client, db, workspace):
    await make_mail(db, workspace.id, kind="invitation", to_address="Ana@Example.com", text_body=SECRET_BODY,
                    html_body=f"<a href='{SECRET_BODY}'>go</a>")
    await make_mail(db, workspace.id, kind="password_reset", to_address="luis@example.com", status="sent",
                    attempts=1, last_error=None, sent_at=datetime.now(UTC))
    await make_mail(db, workspace.id, kind="invitation", to_address="eva@example.com", status="queued",
                    attempts=0, last_error=None)
    headers = workspace.admin.headers
    everything = await _entries(client, headers)
    assert len(everything) == 3
    assert set(everything[0]) == {"id", "kind", "to_address", "subject", "status", "attempts", "last_error",
                                  "next_attempt_at", "sent_at", "created_at", "updated_at"}
    assert [e["to_address"] for e in await _entries(client, headers, status="failed")] == ["Ana@Example.com"]
    assert {e["to_address"] for e in await _entries(client, headers, kind="invitation")} == \
        {"Ana@Example.com", "eva@example.com"}
    assert [e["kind"] for e in await _entries(client, headers, recipient="ana@EXAMPLE.com")] == ["invitation"]
    soon = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    assert await _entries(client, headers, created_from=soon) == []
    assert len(await _entries(client, headers, created_to=soon)) == 3
    first = await client.get(URL, params={"limit": 2}, headers=headers)
    second = await client.get(URL, params={"cursor": first.json()["next_cursor"]}, headers=headers)
    ids = [e["id"] for e in first.json()["items"] + second.json()["items"]]
    assert len(ids) == len(set(ids)) == 3


@pytest.mark.parametrize(("params", "loc"), [
    ({"status": "bounced"}, ["query", "status"]),
    ({"kind": "k" * 41}, ["query", "kind"]),
    ({"recipient": "r" * 255}, ["query", "recipient"]),
    ({"created_from": "ayer"}, ["query", "created_from"]),
    ({"body": "x"}, ["query", "body"]),
])
async def test_bad_filters_are_422(client, admin_headers, params, loc):
    response = await client.get(URL, params=params, headers=admin_headers)
    assert response.status_code == 422
    assert loc in [e["loc"] for e in response.json()["errors"]]


# --- retry ---------------------------------------------------------------------------------

async def test_a_failed_mail_is_retried_and_sent_once(client, db, workspace, smtp_server, run_jobs, settings):
    failed = await make_mail(db, workspace.id, subject="Tu invitación", text_body="Entra en Ficha")
    retried = await client.post(f"{URL}/{failed.id}/retry", headers=workspace.admin.headers)
    assert retried.status_code == 200, retried.text
    assert retried.json()["status"] == "queued" and retried.json()["attempts"] == 0
    again = await client.post(f"{URL}/{failed.id}/retry", headers={**workspace.admin.headers,
                                                                     "Accept-Language": "pt"})
    assert again.status_code == 409 and again.json()["code"] == "mail_not_failed"
    assert again.json()["title"] == "O e-mail não falhou"

    await run_jobs(settings.model_copy(update={"smtp_port": smtp_server.port}))
    [message] = smtp_server.wait_for(1)
    assert message["Subject"] == "Tu invitación" and "Entra en Ficha" in smtp_server.text_of(message)
    [entry] = await _entries(client, workspace.admin.headers)
    assert entry["status"] == "sent" and entry["attempts"] == 1 and entry["sent_at"]
    events = (await client.get("/api/v1/audit-events", params={"entity_id": str(failed.id)},
                               headers=workspace.admin.headers)).json()["items"]
    assert [(e["action"], e["actor_user_id"]) for e in events] == [("retry", str(workspace.admin.id))]


async def test_only_failed_mail_can_be_retried(client, db, workspace):
    for status in ("sent", "queued"):
        mail = await make_mail(db, workspace.id, status=status)
        response = await client.post(f"{URL}/{mail.id}/retry", headers=workspace.admin.headers)
        assert response.status_code == 409 and response.json()["code"] == "mail_not_failed"
    assert (await client.post(f"{URL}/{uuid.uuid4()}/retry", headers=workspace.admin.headers)).status_code == 404
    assert (await client.post(f"{URL}/not-an-id/retry", headers=workspace.admin.headers)).status_code == 422


# --- one sender ----------------------------------------------------------------------------

MAIL_LIBRARIES = {"smtplib", "aiosmtplib", "email.mime", "sendgrid", "mailgun"}
THE_SENDER = ROOT / "api" / "notifications" / "mailer.py"


@pytest.mark.parametrize("path", sorted((ROOT / "api").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_email_goes_through_the_one_sender(path):
    """Only the mailer talks SMTP; everything else calls notifications.service.queue_mail."""
    if path == THE_SENDER:
        return
    for node in ast.walk(ast.parse(path.read_text())):
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        for module in modules:
            assert not any(module == lib or module.startswith(f"{lib}.") for lib in MAIL_LIBRARIES), \
                f"{path.relative_to(ROOT)} sends mail itself ({module}): use notifications.service.queue_mail"
