"""The application factory: lifespan (database, arq pool), middleware, errors, routers, SPA."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from arq import create_pool
from arq.connections import RedisSettings
from fastapi import APIRouter, Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import domains
from api.config import ROOT, Settings, get_settings
from api.core import health, problems
from api.core import logging as ficha_logging
from api.core import openapi as contract
from api.core.db import Database
from api.core.middleware import RequestContextMiddleware
from api.core.params import strict_query
from api.core.storage import storage_from_settings
from api.core.xml_safety import assert_defused_xml
from api.identity.authentication import authenticate

API_PREFIX = "/api/v1"


def operation_id(route: APIRoute) -> str:
    """Stable ids ``<tag>-<handler name>`` so the generated TypeScript client reads well."""
    tag = route.tags[0] if route.tags else "default"
    return f"{tag}-{route.name}"


def api_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX, dependencies=[Depends(strict_query)])
    for domain_router in domains.ROUTERS:
        router.include_router(domain_router)
    return router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    own_db = not hasattr(app.state, "db")
    if own_db:
        if not settings.database_url:
            raise RuntimeError("DATABASE_URL is not set (run `ficha dev` to use the embedded servers)")
        app.state.db = Database.from_url(settings.database_url, pool_size=settings.db_pool_size,
                                         max_overflow=settings.db_max_overflow, echo=settings.db_echo)
    own_arq = not hasattr(app.state, "arq")
    if own_arq:
        if not settings.redis_url:
            raise RuntimeError("REDIS_URL is not set (run `ficha dev` to use the embedded servers)")
        app.state.arq = await create_pool(RedisSettings.from_dsn(settings.redis_url),
                                          default_queue_name=settings.queue_name)
    try:
        yield
    finally:
        hub = getattr(app.state, "pubsub", None)
        if hub is not None:  # the process's pub/sub listeners (open notification streams)
            await hub.aclose()
            del app.state.pubsub
        if own_arq:
            await app.state.arq.aclose()
            del app.state.arq
        if own_db:
            await app.state.db.dispose()
            del app.state.db


def _mount_spa(app: FastAPI) -> None:
    """Serve the built SPA at ``/`` (deep links fall back to index.html)."""
    dist = ROOT / "frontend" / "dist"
    if not (dist / "index.html").exists():
        dist = ROOT / "frontend" / "placeholder"
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    index = dist / "index.html"

    @app.get("/{path:path}", include_in_schema=False)
    async def spa(path: str) -> FileResponse:
        if path.startswith("api/") or path == "api":
            raise StarletteHTTPException(status_code=404)
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and Path(dist.resolve()) in candidate.parents:
            return FileResponse(candidate)
        if "." in path.rsplit("/", 1)[-1]:  # a missing file (e.g. /openapi.json in production), not a page
            raise StarletteHTTPException(status_code=404)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    ficha_logging.configure(settings.log_level, settings.log_json)
    assert_defused_xml()
    docs = settings.expose_docs and not settings.is_production
    app = FastAPI(
        title="Ficha API",
        version="1.0.0",
        description="The versioned REST API of Ficha, a multi-tenant back office for customer operations. "
        "Errors are RFC 9457 problem details (application/problem+json).",
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        docs_url="/docs" if docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.settings = settings
    app.state.authenticator = authenticate
    app.state.storage = storage_from_settings(settings)
    problems.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=False,
                           allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", "Accept-Language", "X-Request-ID",
                                          "Last-Event-ID"])
    app.add_middleware(RequestContextMiddleware, trusted_proxies=settings.trusted_proxies,
                       default_language=settings.default_language, max_json_bytes=settings.max_json_body_bytes,
                       max_upload_bytes=settings.max_request_bytes)
    app.include_router(health.router)
    app.include_router(api_router())
    for extra in domains.EXTRA_ROUTERS(settings):
        app.include_router(extra)
    _mount_spa(app)
    contract.install(app)
    return app
