"""Job routes: a user follows the work they started."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from api.core.schemas import Page
from api.jobs import service
from api.jobs.auth import JobsOwn
from api.jobs.schemas import JobFilters, JobRead

router = APIRouter(prefix="/jobs", tags=["jobs"])


@router.get("", response_model=Page[JobRead], summary="My background jobs, newest first")
async def list_jobs(ctx: JobsOwn, filters: Annotated[JobFilters, Query()]) -> Page[JobRead]:
    return await service.list_my_jobs(ctx, filters)


@router.get("/{job_id}", response_model=JobRead, summary="A background job's status, progress and result")
async def read_job(ctx: JobsOwn, job_id: uuid.UUID) -> JobRead:
    return await service.get_job(ctx, job_id)
