"""Service catalogue rules (B6, E1): the workspace's services (name, price, duration) and the
services associated to each contact."""

from __future__ import annotations

import uuid

from api.contacts.service import get_contact, live_contact
from api.core.context import TenantContext
from api.core.crud import apply_changes, refuse_nulls, require_free_name
from api.core.db import flush_checked
from api.core.errors import Conflict
from api.core.pagination import PageParams
from api.core.schemas import Page
from api.services import errors as _errors  # noqa: F401 - registers messages
from api.services.models import ContactService, Service
from api.services.repository import BY_NAME, ServiceRepository
from api.services.schemas import ContactServiceRead, ServiceCreate, ServiceFilters, ServiceRead, ServiceUpdate

UNIQUE_NAME = "uq_service_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("service_name_taken", params={"name": name})


async def list_services(ctx: TenantContext, filters: ServiceFilters) -> Page[ServiceRead]:
    repo = ServiceRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q, filters.active), BY_NAME, filters.page)
    return Page(items=[ServiceRead.model_validate(s) for s in items], next_cursor=cursor)


async def get_service(ctx: TenantContext, service_id: uuid.UUID) -> Service:
    return await ServiceRepository(ctx).get(service_id)


async def create_service(ctx: TenantContext, body: ServiceCreate) -> Service:
    await require_free_name(ServiceRepository(ctx), body.name, _name_taken)
    service = Service(tenant_id=ctx.tenant_id, **body.model_dump())
    ctx.session.add(service)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(body.name)})
    return service


async def update_service(ctx: TenantContext, service_id: uuid.UUID, body: ServiceUpdate) -> Service:
    repo = ServiceRepository(ctx)
    service = await repo.get(service_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    refuse_nulls(changes, ("name", "price", "currency", "duration_minutes", "active"))
    if "name" in changes:
        await require_free_name(repo, changes["name"], _name_taken, service.id)
    apply_changes(service, changes)
    await flush_checked(ctx.session, {UNIQUE_NAME: _name_taken(service.name)})
    return service


async def delete_service(ctx: TenantContext, service_id: uuid.UUID) -> None:
    repo = ServiceRepository(ctx)
    await repo.delete(await repo.get(service_id, for_update=True))


async def list_contact_services(ctx: TenantContext, contact_id: uuid.UUID,
                                page: PageParams) -> Page[ContactServiceRead]:
    contact = await get_contact(ctx, contact_id)
    repo = ServiceRepository(ctx)
    rows, cursor = await repo.page(repo.of_contact(contact.id), BY_NAME, page)
    return Page(items=[ContactServiceRead.model_validate({**ServiceRead.model_validate(service).model_dump(),
                                                          "added_at": added_at}) for service, added_at in rows],
                next_cursor=cursor)


async def add_contact_service(ctx: TenantContext, contact_id: uuid.UUID, service_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id)
    repo = ServiceRepository(ctx)
    service = await repo.get(service_id)
    if await repo.link(contact.id, service.id) is None:
        ctx.session.add(ContactService(tenant_id=ctx.tenant_id, contact_id=contact.id, service_id=service.id))
        await ctx.session.flush()


async def remove_contact_service(ctx: TenantContext, contact_id: uuid.UUID, service_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id)
    repo = ServiceRepository(ctx)
    service = await repo.get(service_id)
    link = await repo.link(contact.id, service.id)
    if link is not None:
        await ctx.session.delete(link)
        await ctx.session.flush()
