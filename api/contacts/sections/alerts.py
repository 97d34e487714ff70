"""Alerts on a contact (B7): type, priority, description, active or not."""

from __future__ import annotations

import uuid

from api.contacts.sections.common import add_child, change_child, list_children, remove_child
from api.contacts.sections.models import ContactAlert
from api.contacts.sections.repository import AlertRepository
from api.contacts.sections.schemas import AlertCreate, AlertFilters, AlertRead, AlertUpdate
from api.core.context import TenantContext
from api.core.schemas import Page


async def list_alerts(ctx: TenantContext, contact_id: uuid.UUID, filters: AlertFilters) -> Page[AlertRead]:
    where = [] if filters.active is None else [ContactAlert.active.is_(filters.active)]
    items, cursor = await list_children(ctx, AlertRepository(ctx), contact_id, filters.page, *where)
    return Page(items=[AlertRead.model_validate(a) for a in items], next_cursor=cursor)


async def create_alert(ctx: TenantContext, contact_id: uuid.UUID, body: AlertCreate) -> AlertRead:
    return AlertRead.model_validate(await add_child(ctx, ContactAlert, contact_id, **body.model_dump()))


async def update_alert(ctx: TenantContext, contact_id: uuid.UUID, alert_id: uuid.UUID,
                       body: AlertUpdate) -> AlertRead:
    alert = await change_child(ctx, AlertRepository(ctx), contact_id, alert_id, body.model_dump(exclude_unset=True),
                               required=("type", "priority", "description", "active"))
    return AlertRead.model_validate(alert)


async def delete_alert(ctx: TenantContext, contact_id: uuid.UUID, alert_id: uuid.UUID) -> None:
    await remove_child(ctx, AlertRepository(ctx), contact_id, alert_id)
