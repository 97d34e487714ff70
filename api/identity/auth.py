"""Who may call identity's routes."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

Me = Annotated[TenantContext, Depends(Authorize())]
