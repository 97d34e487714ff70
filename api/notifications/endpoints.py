"""Notification routes: the user's center and its stream, broadcasts, and the mail log."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials
from starlette.responses import StreamingResponse

from api.core.context import bearer_scheme
from api.core.schemas import Page
from api.notifications import broadcasts, mail_log, service, stream
from api.notifications.auth import Broadcaster, MailLogReader, MailRetrier, NotificationsOwn
from api.notifications.schemas import (
    BroadcastCreate,
    BroadcastFilters,
    BroadcastRead,
    MailLogFilters,
    MailLogRead,
    NotificationFilters,
    NotificationPage,
    NotificationRead,
    ReadAllResult,
)

router = APIRouter(prefix="/notifications", tags=["notifications"])
mail_router = APIRouter(prefix="/mail-log", tags=["mail"])

STREAM_DOC = {
    200: {
        "description": "Server-sent events: `notification`, `read_all`, `job`, `reset` and `end` "
                       "(see docs/notifications.md); `: ping` comments every ~15 s",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
}


@router.get("", response_model=NotificationPage, summary="My notifications, newest first, with my unread count")
async def list_notifications(ctx: NotificationsOwn,
                             filters: Annotated[NotificationFilters, Query()]) -> NotificationPage:
    return await service.list_notifications(ctx, filters)


@router.post("/read-all", response_model=ReadAllResult, summary="Mark all my notifications read")
async def mark_all_notifications_read(ctx: NotificationsOwn) -> ReadAllResult:
    return await service.mark_all_read(ctx)


@router.get("/stream", response_class=StreamingResponse, responses=STREAM_DOC,  # type: ignore[arg-type]
            summary="My notifications in real time (server-sent events; Authorization header, never the URL)")
async def stream_notifications(
    ctx: NotificationsOwn, request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials, Depends(bearer_scheme)],
    last_event_id: Annotated[str | None, Header(max_length=40, description="Resume after this event")] = None,
) -> StreamingResponse:
    return await stream.open_stream(request, ctx, credentials.credentials, last_event_id)


@router.post("/broadcasts", response_model=BroadcastRead, status_code=status.HTTP_201_CREATED,
             summary="Broadcast a notification to everyone or to roles, now or at send_at")
async def create_broadcast(ctx: Broadcaster, body: BroadcastCreate, response: Response) -> BroadcastRead:
    broadcast = await broadcasts.create_broadcast(ctx, body)
    response.headers["Location"] = f"/api/v1/notifications/broadcasts/{broadcast.id}"
    return BroadcastRead.model_validate(broadcast)


@router.get("/broadcasts", response_model=Page[BroadcastRead], summary="Broadcasts, newest first")
async def list_broadcasts(ctx: Broadcaster, filters: Annotated[BroadcastFilters, Query()]) -> Page[BroadcastRead]:
    return await broadcasts.list_broadcasts(ctx, filters)


@router.get("/broadcasts/{broadcast_id}", response_model=BroadcastRead, summary="Read a broadcast")
async def read_broadcast(ctx: Broadcaster, broadcast_id: uuid.UUID) -> BroadcastRead:
    return BroadcastRead.model_validate(await broadcasts.get_broadcast(ctx, broadcast_id))


@router.post("/broadcasts/{broadcast_id}/cancel", response_model=BroadcastRead,
             summary="Cancel a scheduled broadcast")
async def cancel_broadcast(ctx: Broadcaster, broadcast_id: uuid.UUID) -> BroadcastRead:
    return BroadcastRead.model_validate(await broadcasts.cancel_broadcast(ctx, broadcast_id))


@router.get("/{notification_id}", response_model=NotificationRead, summary="Read one of my notifications")
async def read_notification(ctx: NotificationsOwn, notification_id: uuid.UUID) -> NotificationRead:
    return await service.get_notification(ctx, notification_id)


@router.post("/{notification_id}/read", response_model=NotificationRead, summary="Mark one of my notifications read")
async def mark_notification_read(ctx: NotificationsOwn, notification_id: uuid.UUID) -> NotificationRead:
    return await service.mark_read(ctx, notification_id)


@mail_router.get("", response_model=Page[MailLogRead], summary="The mail log, newest first (never the bodies)")
async def list_mail_log(ctx: MailLogReader, filters: Annotated[MailLogFilters, Query()]) -> Page[MailLogRead]:
    return await mail_log.list_mail_log(ctx, filters)


@mail_router.post("/{mail_id}/retry", response_model=MailLogRead, summary="Send a failed email again")
async def retry_mail(ctx: MailRetrier, mail_id: uuid.UUID) -> MailLogRead:
    return await mail_log.retry_mail(ctx, mail_id)
