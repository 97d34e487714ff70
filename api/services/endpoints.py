"""Service catalogue routes, and the services of a contact."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.contacts.auth import ContactsRead, ContactsWrite
from api.core.pagination import ListQuery
from api.core.schemas import Page
from api.services import service
from api.services.auth import ServicesRead, ServicesWrite
from api.services.schemas import ContactServiceRead, ServiceCreate, ServiceFilters, ServiceRead, ServiceUpdate

router = APIRouter(tags=["services"])
NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("/services", response_model=Page[ServiceRead], summary="List the services catalogue")
async def list_services(ctx: ServicesRead, filters: Annotated[ServiceFilters, Query()]) -> Page[ServiceRead]:
    return await service.list_services(ctx, filters)


@router.post("/services", response_model=ServiceRead, status_code=status.HTTP_201_CREATED,
             summary="Add a service to the catalogue")
async def create_service(ctx: ServicesWrite, body: ServiceCreate, response: Response) -> ServiceRead:
    created = await service.create_service(ctx, body)
    response.headers["Location"] = f"/api/v1/services/{created.id}"
    return ServiceRead.model_validate(created)


@router.get("/services/{service_id}", response_model=ServiceRead, summary="Read a service")
async def read_service(ctx: ServicesRead, service_id: uuid.UUID) -> ServiceRead:
    return ServiceRead.model_validate(await service.get_service(ctx, service_id))


@router.patch("/services/{service_id}", response_model=ServiceRead, summary="Change a service")
async def update_service(ctx: ServicesWrite, service_id: uuid.UUID, body: ServiceUpdate) -> ServiceRead:
    return ServiceRead.model_validate(await service.update_service(ctx, service_id, body))


@router.delete("/services/{service_id}", status_code=NO_CONTENT, summary="Remove a service from the catalogue")
async def delete_service(ctx: ServicesWrite, service_id: uuid.UUID) -> None:
    await service.delete_service(ctx, service_id)


@router.get("/contacts/{contact_id}/services", response_model=Page[ContactServiceRead],
            summary="The services associated to a contact")
async def list_contact_services(ctx: ContactsRead, contact_id: uuid.UUID,
                                query: Annotated[ListQuery, Query()]) -> Page[ContactServiceRead]:
    return await service.list_contact_services(ctx, contact_id, query.page)


@router.put("/contacts/{contact_id}/services/{service_id}", status_code=NO_CONTENT,
            summary="Associate a service to a contact")
async def add_contact_service(ctx: ContactsWrite, contact_id: uuid.UUID, service_id: uuid.UUID) -> None:
    await service.set_contact_service(ctx, contact_id, service_id, linked=True)


@router.delete("/contacts/{contact_id}/services/{service_id}", status_code=NO_CONTENT,
               summary="Remove a service from a contact")
async def remove_contact_service(ctx: ContactsWrite, contact_id: uuid.UUID, service_id: uuid.UUID) -> None:
    await service.set_contact_service(ctx, contact_id, service_id, linked=False)
