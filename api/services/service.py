"""Service catalogue rules (B6, E1): the workspace's services (name, price, duration) and the
services associated to each contact."""

from __future__ import annotations

import uuid

from api.contacts import relations
from api.contacts.service import get_contact, set_link
from api.core.context import TenantContext
from api.core.crud import NamedRecords
from api.core.errors import Conflict
from api.core.pagination import PageParams
from api.core.schemas import Page
from api.services import errors as _errors  # noqa: F401 - registers messages
from api.services.models import ContactService, Service
from api.services.repository import BY_NAME, ServiceRepository
from api.services.schemas import ContactServiceRead, ServiceCreate, ServiceFilters, ServiceRead, ServiceUpdate
from api.transfer.relations import SheetRelation

UNIQUE_NAME = "uq_service_tenant_name"


def _name_taken(name: str) -> Conflict:
    return Conflict("service_name_taken", params={"name": name})


async def list_services(ctx: TenantContext, filters: ServiceFilters) -> Page[ServiceRead]:
    repo = ServiceRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q, filters.active), BY_NAME, filters.page)
    return Page(items=[ServiceRead.model_validate(s) for s in items], next_cursor=cursor)


async def get_service(ctx: TenantContext, service_id: uuid.UUID) -> Service:
    return await ServiceRepository(ctx).get(service_id)


SERVICES = NamedRecords(ServiceRepository, UNIQUE_NAME, _name_taken,
                        required=("name", "price", "currency", "duration_minutes", "active"))


async def create_service(ctx: TenantContext, body: ServiceCreate) -> Service:
    return await SERVICES.create(ctx, body.model_dump())


async def update_service(ctx: TenantContext, service_id: uuid.UUID, body: ServiceUpdate) -> Service:
    return await SERVICES.update(ctx, service_id, body.model_dump(exclude_unset=True))


async def delete_service(ctx: TenantContext, service_id: uuid.UUID) -> None:
    await SERVICES.delete(ctx, service_id)


async def list_contact_services(ctx: TenantContext, contact_id: uuid.UUID,
                                page: PageParams) -> Page[ContactServiceRead]:
    contact = await get_contact(ctx, contact_id)
    repo = ServiceRepository(ctx)
    rows, cursor = await repo.page(repo.of_contact(contact.id), BY_NAME, page)
    return Page(items=[ContactServiceRead.model_validate({**ServiceRead.model_validate(service).model_dump(),
                                                          "added_at": added_at}) for service, added_at in rows],
                next_cursor=cursor)


async def set_contact_service(ctx: TenantContext, contact_id: uuid.UUID, service_id: uuid.UUID, *,
                              linked: bool) -> None:
    service = await get_service(ctx, service_id)
    await set_link(ctx, contact_id, ContactService, {"service_id": service.id}, linked=linked)


relations.register_sheet_relation(SheetRelation(
    key="services", link=ContactService, target_column="service_id", target=Service,
    label=("Servicios", "Services", "Serviços"), position=3))
