"""Who may call the notification routes."""

from typing import Annotated

from fastapi import Depends

from api.core.context import Authorize, TenantContext

# Every signed-in user has a notification center; the service only ever shows them their own.
NotificationsOwn = Annotated[TenantContext, Depends(Authorize())]
Broadcaster = Annotated[TenantContext, Depends(Authorize("notifications:broadcast"))]
MailLogReader = Annotated[TenantContext, Depends(Authorize("mail:read"))]
MailRetrier = Annotated[TenantContext, Depends(Authorize("mail:retry"))]
