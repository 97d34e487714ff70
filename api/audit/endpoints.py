"""Audit routes."""

from typing import Annotated

from fastapi import APIRouter, Query

from api.audit import service
from api.audit.auth import AuditRead
from api.audit.schemas import AuditEventFilters, AuditEventRead
from api.core.schemas import Page

router = APIRouter(prefix="/audit-events", tags=["audit"])


@router.get("", response_model=Page[AuditEventRead], summary="Search the audit log, newest first")
async def list_audit_events(ctx: AuditRead, filters: Annotated[AuditEventFilters, Query()]) -> Page[AuditEventRead]:
    return await service.list_events(ctx, filters)
