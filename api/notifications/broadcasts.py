"""Broadcasts (D2): an administrator's notification to everyone or to roles, now or scheduled.

A broadcast sent now is delivered inside the request (one ``INSERT … SELECT`` of recipient
rows, then a publish per recipient after commit). A scheduled one waits as ``scheduled`` until
the per-minute cron (:func:`send_due`) claims it with ``FOR UPDATE SKIP LOCKED`` and sends it
in the same transaction that marks it ``sent``: two workers running the cron at once never
deliver it twice, and a worker dying mid-way leaves it ``scheduled`` for the next minute.

Recipients are the audience's active users at the moment of sending: someone who joins a role
afterwards does not receive earlier broadcasts (like an email list).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from api.core.context import TenantContext
from api.core.errors import Conflict, ValidationFailed, field_error
from api.core.ids import new_id
from api.core.schemas import Page
from api.identity.service import active_user_ids, require_roles
from api.notifications.models import Broadcast
from api.notifications.repository import NEWEST_BROADCASTS, BroadcastRepository, RecipientRepository
from api.notifications.schemas import BroadcastCreate, BroadcastFilters, BroadcastRead
from api.notifications.service import announce, create_notification, now

MAX_SCHEDULE_AHEAD = timedelta(days=366)


def _check(body: BroadcastCreate, moment: datetime) -> None:
    errors = []
    if body.audience == "roles" and not body.role_ids:
        errors.append(field_error(("body", "role_ids"), "missing", "Indique al menos un rol",
                                  "Give at least one role", "Indique pelo menos um papel"))
    if body.audience == "everyone" and body.role_ids:
        errors.append(field_error(("body", "role_ids"), "not_allowed",
                                  "Los roles solo se indican con la audiencia «roles»",
                                  "Roles are only given with the audience “roles”",
                                  "Os papéis só são indicados com o público “roles”"))
    if body.send_at is not None and body.send_at <= moment:
        errors.append(field_error(("body", "send_at"), "in_the_past", "La fecha de envío debe ser futura",
                                  "The send time must be in the future", "A data de envio deve ser futura"))
    if body.send_at is not None and body.send_at > moment + MAX_SCHEDULE_AHEAD:
        errors.append(field_error(("body", "send_at"), "too_far", "Como máximo con un año de antelación",
                                  "At most one year ahead", "No máximo com um ano de antecedência"))
    if errors:
        raise ValidationFailed(errors)


async def create_broadcast(ctx: TenantContext, body: BroadcastCreate) -> Broadcast:
    moment = now()
    _check(body, moment)
    if body.role_ids:
        await require_roles(ctx, body.role_ids)
    broadcast = Broadcast(
        id=new_id(), tenant_id=ctx.tenant_id, kind=body.kind, title=body.title, body=body.body, link=body.link,
        action=body.action, audience=body.audience, role_ids=sorted(set(body.role_ids)),
        send_at=body.send_at or moment, status="scheduled", recipient_count=0, created_by=ctx.user_id,
    )
    if body.send_at is None:
        await send(ctx, broadcast, moment)
    ctx.session.add(broadcast)
    await ctx.session.flush()
    return broadcast


async def send(ctx: TenantContext, broadcast: Broadcast, moment: datetime) -> int:
    """Deliver a broadcast to its audience and mark it sent; the number of recipients."""
    notification = await create_notification(
        ctx, kind=broadcast.kind, title=broadcast.title, body=broadcast.body, link=broadcast.link,
        action=broadcast.action, broadcast_id=broadcast.id, created_by=broadcast.created_by,
    )
    audience = active_user_ids(ctx, broadcast.role_ids if broadcast.audience == "roles" else None)
    deliveries = await RecipientRepository(ctx).fan_out(notification, audience)
    announce(ctx, notification, deliveries)
    broadcast.status, broadcast.sent_at = "sent", moment
    broadcast.recipient_count, broadcast.notification_id = len(deliveries), notification.id
    return len(deliveries)


async def send_if_due(ctx: TenantContext, broadcast_id: uuid.UUID, moment: datetime) -> int | None:
    """The cron's step for one broadcast: None when it is not due, already sent, cancelled or
    being sent by another worker right now."""
    broadcast = await BroadcastRepository(ctx).claim_due(broadcast_id, moment)
    if broadcast is None:
        return None
    count = await send(ctx, broadcast, moment)
    await ctx.session.flush()
    return count


async def list_broadcasts(ctx: TenantContext, filters: BroadcastFilters) -> Page[BroadcastRead]:
    repo = BroadcastRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters), NEWEST_BROADCASTS, filters.page)
    return Page(items=[BroadcastRead.model_validate(b) for b in items], next_cursor=cursor)


async def get_broadcast(ctx: TenantContext, broadcast_id: uuid.UUID) -> Broadcast:
    return await BroadcastRepository(ctx).get(broadcast_id)


async def cancel_broadcast(ctx: TenantContext, broadcast_id: uuid.UUID) -> Broadcast:
    broadcast = await BroadcastRepository(ctx).get(broadcast_id, for_update=True)
    if broadcast.status != "scheduled":
        raise Conflict("broadcast_not_scheduled", params={"status": broadcast.status})
    broadcast.status = "cancelled"
    await ctx.session.flush()
    return broadcast
