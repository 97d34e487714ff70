"""Boot Ficha for the browser tests (Playwright's ``webServer``).

    .venv/bin/python -m tests.e2e.server

1. PostgreSQL and Redis: ``DATABASE_URL``/``REDIS_URL`` when set, else the embedded servers in
   ``.data/e2e`` (the same helpers the pytest suite uses, ``tests/fixtures/servers.py``);
2. a fresh database ``ficha_e2e_<id>``, migrated, with a workspace whose credentials come from
   the environment (Playwright passes them; see ``frontend/e2e/support/env.ts``);
3. an SMTP catcher on loopback (``FICHA_MAIL_BACKEND=smtp``) and a JSON control endpoint for
   specs (mails, session revocation), see ``control.py``;
4. the arq worker (``api.worker.make_worker`` via ``ficha worker``) and uvicorn serving
   ``api.main.create_app`` with the built console (``frontend/dist``).

Everything listens on 127.0.0.1 only. SIGTERM/SIGINT (Playwright's graceful shutdown) or the
time limit stop it; the database is dropped and the embedded servers stopped on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _env(name: str, default: str) -> str:
    return os.environ.get(name) or default


PORT = int(_env("FICHA_E2E_PORT", "8765"))
CONTROL_PORT = int(_env("FICHA_E2E_CONTROL_PORT", "8766"))
SMTP_PORT = int(_env("FICHA_E2E_SMTP_PORT", "8767"))
MAX_SECONDS = float(_env("FICHA_E2E_MAX_SECONDS", "1800"))  # never outlive a forgotten run
RUN_ID = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"


def log(message: str) -> None:
    print(f"[e2e server] {message}", flush=True)


def configure_environment() -> None:
    """Test settings, before anything reads them (``get_settings`` is cached)."""
    os.environ.update({
        "FICHA_ENVIRONMENT": "test",
        "FICHA_SECRET_KEY": "e2e-secret-key-for-browser-tests-only-0123456789abcdef",
        "FICHA_ARGON2_TIME_COST": "1",
        "FICHA_ARGON2_MEMORY_COST": "8192",
        "FICHA_ARGON2_PARALLELISM": "1",
        "FICHA_MAIL_BACKEND": "smtp",
        "FICHA_SMTP_HOST": "127.0.0.1",
        "FICHA_SMTP_PORT": str(SMTP_PORT),
        "FICHA_LOG_LEVEL": _env("FICHA_LOG_LEVEL", "WARNING"),
        "FICHA_HOST": "127.0.0.1",
        "FICHA_PORT": str(PORT),
        "FICHA_PUBLIC_URL": f"http://127.0.0.1:{PORT}",
        # Its own queue: a worker of another run on a shared Redis never takes these jobs.
        "FICHA_QUEUE_NAME": f"ficha:e2e:{RUN_ID}",
        "FICHA_TEST_DATA_DIR": _env("FICHA_TEST_DATA_DIR", str(ROOT / ".data" / "e2e")),
    })


def credentials():
    from tests.e2e.seed import Credentials

    return Credentials(
        workspace=_env("FICHA_E2E_WORKSPACE", "e2e"),
        admin_email=_env("FICHA_E2E_ADMIN_EMAIL", "admin@e2e.test"),
        admin_password=_env("FICHA_E2E_ADMIN_PASSWORD", "e2e admin passphrase"),
        reader_email=_env("FICHA_E2E_READER_EMAIL", "lectora@e2e.test"),
        reader_password=_env("FICHA_E2E_READER_PASSWORD", "e2e reader passphrase"),
        mfa_email=_env("FICHA_E2E_MFA_EMAIL", "mfa@e2e.test"),
        mfa_password=_env("FICHA_E2E_MFA_PASSWORD", "e2e mfa passphrase"),
    )


async def serve_until_stopped(stop_requested: asyncio.Event) -> None:
    import uvicorn

    from api.config import get_settings
    from api.main import create_app

    get_settings.cache_clear()
    config = uvicorn.Config(create_app(get_settings()), host="127.0.0.1", port=PORT, log_level="warning",
                            access_log=False, log_config=None, lifespan="on")
    server = uvicorn.Server(config)
    loop = asyncio.get_running_loop()

    async def stop_when_asked() -> None:
        try:
            await asyncio.wait_for(stop_requested.wait(), timeout=MAX_SECONDS)
        except TimeoutError:
            log(f"time limit ({MAX_SECONDS:.0f} s) reached: stopping")
        server.should_exit = True

    watcher = loop.create_task(stop_when_asked())
    try:
        await server.serve()
    finally:
        watcher.cancel()


def start_worker() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], cwd=ROOT, env=os.environ.copy())


def stop_worker(worker: subprocess.Popen | None) -> None:
    if worker is None or worker.poll() is not None:
        return
    worker.send_signal(signal.SIGINT)
    try:
        worker.wait(10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(5)


def main() -> None:
    started = time.monotonic()
    if not (ROOT / "frontend" / "dist" / "index.html").exists():
        sys.exit("[e2e server] frontend/dist is missing: build the console first (cd frontend && npm run build)")
    configure_environment()

    from tests.e2e.control import start_control
    from tests.e2e.mailbox import Mailbox, start_smtp
    from tests.e2e.seed import seed
    from tests.fixtures import servers

    test_servers = servers.start()
    maintenance_url = test_servers.database_url
    database = f"ficha_e2e_{RUN_ID}"
    database_url = servers.with_database(maintenance_url, database)
    smtp = control = worker = None
    created = False
    # Playwright stops us with SIGTERM; uvicorn takes over the signals while it serves and
    # re-raises them afterwards, so these handlers must only ask to stop, never exit.
    stop_requested: asyncio.Event | None = None
    loop: asyncio.AbstractEventLoop | None = None

    def request_stop(signum: int, _frame: object) -> None:
        if loop is None or stop_requested is None:
            raise KeyboardInterrupt  # still starting: abandon the start-up, `finally` cleans up
        with contextlib.suppress(RuntimeError):  # the loop has already finished: stopping anyway
            loop.call_soon_threadsafe(stop_requested.set)

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        asyncio.run(servers.create_database(maintenance_url, database))
        created = True
        servers.migrate(database_url)
        os.environ["DATABASE_URL"] = database_url
        asyncio.run(seed(database_url, credentials()))
        mailbox = Mailbox()
        smtp = start_smtp(mailbox, SMTP_PORT)
        control = start_control(CONTROL_PORT, mailbox, database_url)
        worker = start_worker()
        log(f"ready in {time.monotonic() - started:.1f} s: http://127.0.0.1:{PORT} "
            f"(control :{CONTROL_PORT}, smtp :{SMTP_PORT}, database {database})")

        async def run() -> None:
            nonlocal loop, stop_requested
            loop = asyncio.get_running_loop()
            stop_requested = asyncio.Event()
            await serve_until_stopped(stop_requested)

        asyncio.run(run())
    finally:
        log("stopping")
        stop_worker(worker)
        if control is not None:
            control.shutdown()
        if smtp is not None:
            smtp.stop()
        if created:
            try:
                asyncio.run(servers.drop_database(maintenance_url, database))
            except Exception as exc:  # never hide the real failure behind a cleanup error
                log(f"could not drop {database}: {exc}")
        test_servers.stop()
        log("stopped")


if __name__ == "__main__":
    main()
