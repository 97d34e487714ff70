"""A small JSON endpoint on loopback through which specs read mail and steer the server.

* ``GET /mails`` — every message the SMTP catcher received (oldest first);
* ``DELETE /mails`` — forget them;
* ``POST /sessions/revoke`` — revoke every sign-in session, as if they had expired
  (to test that an expired session returns to sign-in and back);
* ``GET /health``.
"""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import asyncpg

from tests.e2e.mailbox import Mailbox
from tests.fixtures.servers import libpq_url


async def _revoke_sessions(database_url: str) -> int:
    conn = await asyncpg.connect(libpq_url(database_url))
    try:
        status = await conn.execute(
            "UPDATE auth_session SET revoked_at = now(), revoked_reason = 'e2e' WHERE revoked_at IS NULL"
        )
    finally:
        await conn.close()
    return int(status.split()[-1])


def start_control(port: int, mailbox: Mailbox, database_url: str) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def _json(self, status: int, body: Any) -> None:
            payload = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self) -> None:
            if self.path == "/mails":
                self._json(200, mailbox.all())
            elif self.path == "/health":
                self._json(200, {"status": "ok"})
            else:
                self._json(404, {"error": "not found"})

        def do_DELETE(self) -> None:
            if self.path == "/mails":
                mailbox.clear()
                self._json(200, {"cleared": True})
            else:
                self._json(404, {"error": "not found"})

        def do_POST(self) -> None:
            if self.path == "/sessions/revoke":
                self._json(200, {"revoked": asyncio.run(_revoke_sessions(database_url))})
            else:
                self._json(404, {"error": "not found"})

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, name="e2e-control", daemon=True).start()
    return server
