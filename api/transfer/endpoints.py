"""Import and export routes."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Query, Response, status
from fastapi.responses import StreamingResponse

from api.core.context import Public
from api.core.schemas import Page
from api.core.uploads import content_disposition
from api.jobs.schemas import JobAccepted
from api.transfer import service
from api.transfer.auth import Exporter, Importer
from api.transfer.schemas import Entity, ExportRequest, ImportAccepted, ImportFilters, ImportForm, ImportRead

router = APIRouter(tags=["transfer"])

XLSX = service.XLSX
_FILE = {"content": {XLSX: {"schema": {"type": "string", "format": "binary"}}}}
_ZIP = {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}


@router.get("/exports/template", response_class=Response, responses={200: _FILE},
            summary="The empty template (.xlsx) to create records and their relations")
async def download_template(ctx: Importer, entity: Annotated[Entity, Query()]) -> Response:
    content, name = await service.template(ctx, entity)
    return Response(content, media_type=XLSX, headers={"Content-Disposition": content_disposition(name)})


@router.post("/exports", response_model=JobAccepted, status_code=status.HTTP_202_ACCEPTED,
             summary="Export records with data (a zip of .xlsx files) in the background")
async def create_export(ctx: Exporter, body: ExportRequest) -> JobAccepted:
    job = await service.start_export(ctx, body)
    return JobAccepted(job_id=job.id)


@router.get("/exports/{job_id}/download", response_class=StreamingResponse, responses={200: _ZIP},
            summary="Download a finished export through its time-limited link")
async def download_export(
    ctx: Public, job_id: uuid.UUID, tenant: uuid.UUID | None = None, expires: int | None = None,
    signature: Annotated[str | None, Query(max_length=128)] = None,
) -> StreamingResponse:
    stream, name = await service.export_file(ctx, job_id, tenant, expires, signature)
    return StreamingResponse(stream, media_type="application/zip",
                             headers={"Content-Disposition": content_disposition(name)})


@router.post("/imports", response_model=ImportAccepted, status_code=status.HTTP_202_ACCEPTED,
             summary="Import an .xlsx or .csv file in the background")
async def create_import(ctx: Importer,
                        form: Annotated[ImportForm, Form(media_type="multipart/form-data")]) -> ImportAccepted:
    run = await service.start_import(ctx, form.file, form.entity, form.mode, form.dry_run)
    assert run.job_id is not None
    return ImportAccepted(id=run.id, job_id=run.job_id)


@router.get("/imports", response_model=Page[ImportRead], summary="My imports, newest first")
async def list_imports(ctx: Importer, filters: Annotated[ImportFilters, Query()]) -> Page[ImportRead]:
    items, cursor = await service.list_imports(ctx, filters)
    return Page(items=items, next_cursor=cursor)


@router.get("/imports/{import_id}", response_model=ImportRead, summary="An import's status and counts")
async def read_import(ctx: Importer, import_id: uuid.UUID) -> ImportRead:
    return await service.get_import(ctx, import_id)


@router.get("/imports/{import_id}/errors.xlsx", response_class=Response, responses={200: _FILE},
            summary="The failed rows with their values and the reason per cell")
async def download_import_errors(ctx: Importer, import_id: uuid.UUID) -> Response:
    content, name = await service.import_errors(ctx, import_id)
    return Response(content, media_type=XLSX, headers={"Content-Disposition": content_disposition(name)})
