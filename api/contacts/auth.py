"""Who may call the contact routes.

Bulk actions need ``contacts:bulk`` plus the action's own permission (checked by the service:
e.g. ``contacts:trash`` to trash, ``projects:write`` to associate to a project).
"""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

ContactsRead = Annotated[TenantContext, Depends(Authorize("contacts:read"))]
ContactsWrite = Annotated[TenantContext, Depends(Authorize("contacts:write"))]
ContactsTrash = Annotated[TenantContext, Depends(Authorize("contacts:trash"))]
ContactsPurge = Annotated[TenantContext, Depends(Authorize("contacts:purge"))]
ContactsBulk = Annotated[TenantContext, Depends(Authorize("contacts:bulk"))]
