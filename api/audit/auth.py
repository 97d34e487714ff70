"""Who may read the audit log."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

AuditRead = Annotated[TenantContext, Depends(Authorize("audit:read"))]
