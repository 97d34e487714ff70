"""Who may see jobs: any signed-in user sees their own (the service enforces ownership)."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

JobsOwn = Annotated[TenantContext, Depends(Authorize())]
