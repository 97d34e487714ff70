"""Who may call the custom field routes.

Reading definitions is open to anyone who may read the records they describe (``contacts:read``
for contact fields, ``users:read`` for staff fields): the service checks it, since the entity is
only known from the query or the stored definition.
"""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

CustomFieldsRead = Annotated[TenantContext, Depends(Authorize())]
CustomFieldsManage = Annotated[TenantContext, Depends(Authorize("custom_fields:manage"))]
