"""Who may call identity's routes.

``Interactive…`` guards also refuse integration tokens: a token cannot mint tokens, nor touch
MFA or passwords (ASVS / checklist E2). ``Enrolling`` admits a restricted session (one that
must enrol in MFA before anything else).
"""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext
from api.core.errors import Forbidden


def _interactive(authorize: Authorize):
    async def signed_in_session(ctx: Annotated[TenantContext, Depends(authorize)]) -> TenantContext:
        if ctx.principal is not None and ctx.principal.token_id is not None:
            raise Forbidden("integration_token_not_allowed")
        return ctx

    return signed_in_session


Me = Annotated[TenantContext, Depends(Authorize(allow_restricted=True))]
Authenticated = Annotated[TenantContext, Depends(Authorize())]
Interactive = Annotated[TenantContext, Depends(_interactive(Authorize()))]
Enrolling = Annotated[TenantContext, Depends(_interactive(Authorize(allow_restricted=True)))]

UsersRead = Annotated[TenantContext, Depends(Authorize("users:read"))]
UsersWrite = Annotated[TenantContext, Depends(Authorize("users:write"))]
UsersDelete = Annotated[TenantContext, Depends(Authorize("users:delete"))]
RolesRead = Annotated[TenantContext, Depends(Authorize("roles:read"))]
RolesWrite = Annotated[TenantContext, Depends(Authorize("roles:write"))]
GroupsRead = Annotated[TenantContext, Depends(Authorize("groups:read"))]
GroupsWrite = Annotated[TenantContext, Depends(Authorize("groups:write"))]
SpecialtiesRead = Annotated[TenantContext, Depends(Authorize("specialties:read"))]
SpecialtiesWrite = Annotated[TenantContext, Depends(Authorize("specialties:write"))]
SpecialistsWrite = Annotated[TenantContext, Depends(Authorize("specialists:write"))]
