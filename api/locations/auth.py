"""Who may call the location routes."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

LocationsRead = Annotated[TenantContext, Depends(Authorize("locations:read"))]
LocationsWrite = Annotated[TenantContext, Depends(Authorize("locations:write"))]
