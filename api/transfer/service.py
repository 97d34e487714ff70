"""Starting exports and imports from requests; serving their files."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

from fastapi import UploadFile
from pydantic import ValidationError
from sqlalchemy import Select

from api.config import get_settings
from api.core import quota
from api.core.context import TenantContext
from api.core.db import Actor, bind_actor
from api.core.errors import AppError, FieldError, NotFound, ValidationFailed
from api.core.storage import new_key
from api.core.uploads import read_upload
from api.jobs.models import BackgroundJob
from api.jobs.repository import JobRepository
from api.jobs.service import start_job
from api.notifications.service import JobNotice
from api.transfer import errors as _errors  # noqa: F401 - registers messages
from api.transfer.links import link_is_valid
from api.transfer.models import ImportRun
from api.transfer.registry import adapter_for
from api.transfer.repository import NEWEST_FIRST, ImportRepository
from api.transfer.schemas import ExportRequest, ImportFilters, ImportRead
from api.transfer.writing import errors_workbook, template_workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_TYPES = frozenset({XLSX, "text/csv", "text/plain"})
EXPORT_TASK = "transfer.export"
IMPORT_TASK = "transfer.import"


async def template(ctx: TenantContext, entity: str) -> tuple[bytes, str]:
    adapter = adapter_for(entity, ("query", "entity"))
    ctx.require(adapter.write_permission)
    columns = await adapter.columns(ctx, relations=True)
    return template_workbook(columns, ctx.language), f"{adapter.entity}-template.xlsx"


EXPORT_TITLES = {"es": "Exportación de {entity}", "en": "Export of {entity}", "pt": "Exportação de {entity}"}
IMPORT_TITLES = {"es": "Importación de {entity}", "en": "Import of {entity}", "pt": "Importação de {entity}"}
DOWNLOAD_LABELS = {"es": "Descargar", "en": "Download", "pt": "Baixar"}
REPORT_LABELS = {"es": "Ver informe", "en": "View report", "pt": "Ver relatório"}
ENTITY_NAMES = {
    "locations": {"es": "ubicaciones", "en": "locations", "pt": "localizações"},
    "contacts": {"es": "clientes y leads", "en": "customers and leads", "pt": "clientes e leads"},
    "users": {"es": "usuarios", "en": "users", "pt": "usuários"},
}


def _entity_name(entity: str, ctx: TenantContext) -> str:
    return ENTITY_NAMES.get(entity, {}).get(ctx.language, entity)


def _text(texts: dict[str, str], language: str, **params: str) -> str:
    return texts[language].format(**params)


async def _validated_filter(ctx: TenantContext, adapter: Any, raw: dict[str, Any]) -> dict[str, Any]:
    try:
        filters = adapter.filter_model.model_validate(raw)
    except ValidationError as exc:
        raise ValidationFailed([
            FieldError(loc=("body", "filter", *[str(p) for p in e["loc"]]), type=e["type"], msg=e["msg"])
            for e in exc.errors()
        ]) from exc
    await adapter.check_filter(ctx, filters)  # what the model alone cannot tell (e.g. custom fields)
    return filters.model_dump(mode="json", exclude_none=True)


async def start_export(ctx: TenantContext, body: ExportRequest) -> BackgroundJob:
    adapter = adapter_for(body.entity)
    ctx.require(adapter.read_permission)
    filters = await _validated_filter(ctx, adapter, body.filter)  # a refused filter takes no quota
    await quota.take(ctx.redis, tenant_id=ctx.tenant_id, user_id=ctx.user_id, action="export",  # type: ignore[arg-type]
                     limit=get_settings().exports_per_hour)
    payload = {"entity": adapter.entity, "kind": body.kind, "filter": filters, "language": ctx.language}
    notice = JobNotice(title=_text(EXPORT_TITLES, ctx.language, entity=_entity_name(adapter.entity, ctx)),
                       action=_text(DOWNLOAD_LABELS, ctx.language))
    return await start_job(ctx, kind=EXPORT_TASK, function=EXPORT_TASK, payload=payload, notice=notice)


async def export_file(ctx: TenantContext, job_id: uuid.UUID, tenant_id: uuid.UUID | None, expires: int | None,
                      signature: str | None) -> tuple[AsyncIterator[bytes], str]:
    """The zip of a finished export, for a valid signed link (anything else is a 404)."""
    if tenant_id is None or expires is None or not signature or not link_is_valid(tenant_id, job_id, expires,
                                                                                    signature):
        raise NotFound("export")
    bind_actor(ctx.session, tenant_id, Actor.system())
    job = await JobRepository(ctx.session, tenant_id).find(job_id)
    if job is None or job.kind != EXPORT_TASK or job.status != "completed" or not job.result:
        raise NotFound("export")
    return ctx.storage.stream(job.result["file_key"]), job.result["file_name"]


async def start_import(ctx: TenantContext, upload: UploadFile, entity: str, mode: str, dry_run: bool) -> ImportRun:
    adapter = adapter_for(entity)
    ctx.require(adapter.write_permission)
    settings = get_settings()
    await quota.take(ctx.redis, tenant_id=ctx.tenant_id, user_id=ctx.user_id, action="import",  # type: ignore[arg-type]
                     limit=settings.imports_per_hour)
    sniffed = await read_upload(upload, max_bytes=settings.import_max_bytes, allowed=IMPORT_TYPES)
    # The name and the content must agree: an .xlsx that is text, or a .csv that is a workbook, is refused.
    extension = sniffed.filename.rsplit(".", 1)[-1].lower() if "." in sniffed.filename else ""
    expected = "xlsx" if sniffed.content_type == XLSX else "csv"
    if extension != expected:
        raise AppError("file_type_not_allowed", status=415, params={"detected": sniffed.content_type},
                       errors=[FieldError(loc=("body", "file"), type="file_type_not_allowed",
                                          msg="The file name and its content do not agree")])
    key = new_key(ctx.tenant_id, "imports", "xlsx" if sniffed.content_type == XLSX else "csv")  # type: ignore[arg-type]
    await ctx.store_file(key, sniffed.data)
    run = ImportRun(tenant_id=ctx.tenant_id, entity=adapter.entity, mode=mode, dry_run=dry_run, status="pending",
                    language=ctx.language, file_key=key, file_name=sniffed.filename,
                    content_type=sniffed.content_type, created_by=ctx.user_id, rows_read=0, created=0, updated=0,
                    unchanged=0, failed=0, next_row=0)
    ctx.session.add(run)
    await ctx.session.flush()
    notice = JobNotice(title=_text(IMPORT_TITLES, ctx.language, entity=_entity_name(adapter.entity, ctx)),
                       body=sniffed.filename, link=f"/transfer/imports/{run.id}",
                       action=_text(REPORT_LABELS, ctx.language))
    job = await start_job(ctx, kind=IMPORT_TASK, function=IMPORT_TASK, payload={"import_id": str(run.id)},
                          notice=notice)
    run.job_id = job.id
    return run


def _visible(ctx: TenantContext, run: ImportRun) -> ImportRun:
    if run.created_by != ctx.user_id and not ctx.can("settings:manage"):
        raise NotFound("import_run")
    return run


def read_model(run: ImportRun) -> ImportRead:
    return ImportRead.model_validate({
        **{k: getattr(run, k) for k in ImportRead.model_fields if hasattr(run, k) and k != "errors_url"},
        "errors_url": f"/api/v1/imports/{run.id}/errors.xlsx" if run.failed else None,
    })


async def get_import(ctx: TenantContext, import_id: uuid.UUID) -> ImportRead:
    return read_model(_visible(ctx, await ImportRepository(ctx).get(import_id)))


async def list_imports(ctx: TenantContext, filters: ImportFilters) -> tuple[list[ImportRead], str | None]:
    repo = ImportRepository(ctx)
    stmt: Select = repo.filtered(filters)
    if not ctx.can("settings:manage"):
        stmt = stmt.where(ImportRun.created_by == ctx.user_id)
    items, cursor = await repo.page(stmt, NEWEST_FIRST, filters.page)
    return [read_model(run) for run in items], cursor


async def import_errors(ctx: TenantContext, import_id: uuid.UUID) -> tuple[bytes, str]:
    """The failed rows as a workbook, written now in the requester's language."""
    repo = ImportRepository(ctx)
    run = _visible(ctx, await repo.get(import_id))
    failures = await repo.failures(run.id) if run.failed else []
    if not failures:
        raise AppError("import_has_no_errors", status=404)
    rows = [(number, cells, {key: texts.get(ctx.language) or texts.get("en", "") for key, texts in errors.items()})
            for number, cells, errors in failures]
    content = await asyncio.to_thread(errors_workbook, run.header or [], rows, ctx.language)
    return content, f"{run.file_name.rsplit('.', 1)[0]}-errors.xlsx"
