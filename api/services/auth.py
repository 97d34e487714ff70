"""Who may call the service catalogue routes. Associating services to a contact is a change to
the contact (``contacts:write``); reading them, ``contacts:read``."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

ServicesRead = Annotated[TenantContext, Depends(Authorize("services:read"))]
ServicesWrite = Annotated[TenantContext, Depends(Authorize("services:write"))]
