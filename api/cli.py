"""The ``ficha`` command: dev | api | worker | migrate | create-tenant | demo-data | openapi."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import subprocess
import sys

from api.config import ROOT, Settings, get_settings

DEV_DATABASE = "ficha"


def _settings() -> Settings:
    get_settings.cache_clear()
    return get_settings()


def _dev_secret(settings: Settings) -> None:
    """In development, keep one random signing key under .data/ so sessions survive restarts."""
    if "FICHA_SECRET_KEY" in os.environ or settings.environment != "development":
        return
    path = settings.data_dir / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    os.environ["FICHA_SECRET_KEY"] = path.read_text().strip()


def _refuse_default_secret(settings: Settings) -> None:
    if settings.is_production and settings.secret_key.get_secret_value().startswith("dev-insecure"):
        sys.exit("FICHA_SECRET_KEY must be set in production")


def migrate(revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    command.upgrade(config, revision)


async def _with_session(fn):
    from api.core.db import Database

    settings = _settings()
    assert settings.database_url, "DATABASE_URL is not set"
    db = Database.from_url(settings.database_url, pool_size=2, max_overflow=0)
    try:
        async with db.session() as session:
            return await fn(session)
    finally:
        await db.dispose()


def create_tenant(args: argparse.Namespace) -> None:
    from api.identity.service import create_tenant as create

    async def run(session):
        tenant = await create(session, slug=args.slug, name=args.name, admin_email=args.admin_email,
                              admin_password=args.admin_password, language=args.language,
                              region=args.region)
        return tenant.id

    print(asyncio.run(_with_session(run)))


def demo_data(settings: Settings) -> dict[str, str]:
    from api.demo import load_demo

    return asyncio.run(_with_session(lambda session: load_demo(session, settings.data_dir)))


def _print_credentials(creds: dict[str, str], url: str) -> None:
    line = "─" * 64
    print(f"\n{line}\n  Ficha is starting on {url}\n"
          f"  Workspace: {creds['workspace']}\n  Email:     {creds['email']}\n"
          f"  Password:  {creds['password']}\n"
          f"  API docs:  {url}/docs    Dev mailbox: {url}/dev/mailbox\n{line}\n", flush=True)


def serve_api(settings: Settings) -> None:
    import uvicorn

    uvicorn.run("api.main:create_app", factory=True, host=settings.host, port=settings.port,
                proxy_headers=False, access_log=False, log_config=None, loop="uvloop", http="httptools")


def dev() -> None:
    """Everything a newcomer needs, in one process tree; Ctrl-C stops all of it."""
    from api.core import embedded

    os.environ.setdefault("FICHA_LOG_JSON", "false")  # people read these logs; production keeps JSON
    settings = _settings()
    _dev_secret(settings)
    servers, _env = embedded.provide(
        settings.data_dir, DEV_DATABASE,
        want_postgres=not settings.database_url, want_redis=not settings.redis_url,
    )
    worker: subprocess.Popen | None = None
    try:
        settings = _settings()
        migrate()
        creds = demo_data(settings)
        worker = subprocess.Popen([sys.executable, "-m", "api.cli", "worker"], env=os.environ.copy())
        _print_credentials(creds, f"http://{settings.host}:{settings.port}")
        serve_api(settings)
    finally:
        if worker and worker.poll() is None:
            worker.send_signal(signal.SIGINT)
            try:
                worker.wait(10)
            except subprocess.TimeoutExpired:
                worker.kill()
        servers.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="ficha", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("dev", help="embedded servers (if needed) + migrate + demo + API + worker")
    commands.add_parser("api", help="serve the API (uvicorn)")
    commands.add_parser("worker", help="run the arq worker")
    migrate_cmd = commands.add_parser("migrate", help="apply database migrations")
    migrate_cmd.add_argument("revision", nargs="?", default="head")
    tenant = commands.add_parser("create-tenant", help="create a workspace and its administrator")
    tenant.add_argument("--slug", required=True)
    tenant.add_argument("--name", required=True)
    tenant.add_argument("--admin-email", required=True)
    tenant.add_argument("--admin-password", required=True)
    tenant.add_argument("--language", default="es", choices=["es", "en", "pt"])
    tenant.add_argument("--region", default="ES", help="default phone region (ISO 3166-1 alpha-2)")
    commands.add_parser("demo-data", help="create (or refresh) the demo workspace and print its credentials")
    commands.add_parser("openapi", help="print the OpenAPI contract")
    args = parser.parse_args(argv)

    settings = _settings()
    _refuse_default_secret(settings)
    if args.command == "dev":
        dev()
    elif args.command == "api":
        serve_api(settings)
    elif args.command == "worker":
        from api.worker import run

        run()
    elif args.command == "migrate":
        migrate(args.revision)
    elif args.command == "create-tenant":
        create_tenant(args)
    elif args.command == "demo-data":
        creds = demo_data(settings)
        print(json.dumps(creds, indent=2))
    elif args.command == "openapi":
        print(openapi_json())


def openapi_json() -> str:
    from api.main import create_app

    os.environ.setdefault("FICHA_LOG_LEVEL", "WARNING")
    schema = create_app(Settings(expose_docs=True, environment="test")).openapi()
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False)


if __name__ == "__main__":
    main()

