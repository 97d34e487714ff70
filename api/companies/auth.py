"""Who may call the company and project routes."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

CompaniesRead = Annotated[TenantContext, Depends(Authorize("companies:read"))]
CompaniesWrite = Annotated[TenantContext, Depends(Authorize("companies:write"))]
ProjectsRead = Annotated[TenantContext, Depends(Authorize("projects:read"))]
ProjectsWrite = Annotated[TenantContext, Depends(Authorize("projects:write"))]
