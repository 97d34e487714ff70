"""Who may transfer data. The entity's own permission is checked too (by the service):
exporting contacts needs contacts:read, importing them contacts:write."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

Exporter = Annotated[TenantContext, Depends(Authorize("transfer:export"))]
Importer = Annotated[TenantContext, Depends(Authorize("transfer:import"))]
