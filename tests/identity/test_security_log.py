"""Security events go to structured logs (ASVS 16.3.1), and no secret ever does (16.2.5)."""

from __future__ import annotations

import json

from api.core import logging as ficha_logging
from tests.fixtures.factories.identity import make_token
from tests.identity.helpers import bearer, code_at, enrol, sign_in


async def test_security_events_are_logged_and_secrets_are_not(client, db, workspace, capsys):
    email, password = workspace.admin.user.email, workspace.admin.password
    ficha_logging.configure("INFO", json=True)
    try:
        await sign_in(client, workspace.slug, email, "a wrong password")
        pair = (await sign_in(client, workspace.slug, email, password)).json()
        rotated = (await client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})).json()
        await client.post("/api/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
        secret, codes = await enrol(client, workspace.admin.headers)
        challenge = (await sign_in(client, workspace.slug, email, password)).json()["mfa_token"]
        await client.post("/api/v1/auth/mfa/verify", json={"mfa_token": challenge, "code": code_at(secret)})
        _token, integration = await make_token(db, workspace, workspace.admin.id)
        await client.get("/api/v1/me", headers=bearer(integration))
    finally:
        output = capsys.readouterr().out
        with capsys.disabled():  # log to the real stream again, not to this test's closing buffer
            ficha_logging.configure("WARNING", json=True)
    records = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    events = {r["event"] for r in records}
    assert {"login_failed", "session_started", "refresh_token_reuse", "mfa_replay_rejected"} <= events
    failed = next(r for r in records if r["event"] == "login_failed")
    assert failed["tenant_id"] == str(workspace.id) and failed["timestamp"].endswith("Z") and failed["request_id"]
    for value in (password, pair["access_token"], pair["refresh_token"], rotated["refresh_token"], secret,
                  challenge, integration, *codes):
        assert value not in output
