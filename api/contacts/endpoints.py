"""Contact routes: thin handlers that name their permission in the signature."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse, StreamingResponse

from api.contacts import bulk, groups, listing, metrics, sales, service, timeline, trash
from api.contacts.auth import ContactsBulk, ContactsPurge, ContactsRead, ContactsTrash, ContactsWrite
from api.contacts.schemas import (
    BulkRequest,
    BulkResult,
    ContactCreate,
    ContactCriteria,
    ContactFilters,
    ContactListItem,
    ContactMetrics,
    ContactRead,
    ContactUpdate,
    GroupCreate,
    GroupFilters,
    GroupRead,
    GroupUpdate,
    SaleRead,
    TimelineItem,
)
from api.core.pagination import ListQuery
from api.core.schemas import Page
from api.core.uploads import EXTENSIONS, content_disposition, upload_of
from api.jobs.schemas import JobAccepted

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.get("", response_model=Page[ContactListItem], summary="List customers and leads: search, filters, "
            "keyset pages (additional fields filter as cf.<key>=<value>)")
async def list_contacts(ctx: ContactsRead, filters: Annotated[ContactFilters, Query()]) -> Response:
    return Response(await listing.list_contacts(ctx, filters), media_type="application/json")


@router.post("", response_model=ContactRead, status_code=status.HTTP_201_CREATED,
             summary="Create a customer or a lead (a duplicate email is a 409 naming the existing contact)")
async def create_contact(ctx: ContactsWrite, body: ContactCreate, response: Response) -> ContactRead:
    contact = await service.create_contact(ctx, body)
    response.headers["Location"] = f"/api/v1/contacts/{contact.id}"
    return contact


@router.get("/metrics", response_model=ContactMetrics,
            summary="Total clients, reviews, average rating and sales of the contacts the filters select")
async def contact_metrics(ctx: ContactsRead, criteria: Annotated[ContactCriteria, Query()]) -> ContactMetrics:
    return await metrics.metrics(ctx, criteria)


@router.post("/bulk", response_model=BulkResult, responses={202: {"model": JobAccepted,
             "description": "More than 1,000 contacts: the action runs in the background"}},
             summary="Act on many contacts at once (by ids or by the list's filters)")
async def bulk_contacts(ctx: ContactsBulk, body: BulkRequest) -> BulkResult | JSONResponse:
    outcome = await bulk.run(ctx, body)
    if isinstance(outcome, BulkResult):
        return outcome
    accepted = JobAccepted(job_id=outcome.id)
    return JSONResponse(accepted.model_dump(mode="json"), status_code=status.HTTP_202_ACCEPTED,
                        headers={"Location": f"/api/v1/jobs/{outcome.id}"})


@router.get("/{contact_id}", response_model=ContactRead, summary="Read a contact (live or in the trash)")
async def read_contact(ctx: ContactsRead, contact_id: uuid.UUID) -> ContactRead:
    return await service.read_model(ctx, await service.get_contact(ctx, contact_id))


@router.patch("/{contact_id}", response_model=ContactRead, summary="Change a contact")
async def update_contact(ctx: ContactsWrite, contact_id: uuid.UUID, body: ContactUpdate) -> ContactRead:
    return await service.update_contact(ctx, contact_id, body)


@router.post("/{contact_id}/convert", response_model=ContactRead,
             summary="Turn a lead into a customer, keeping its id and history")
async def convert_contact(ctx: ContactsWrite, contact_id: uuid.UUID) -> ContactRead:
    return await service.convert_contact(ctx, contact_id)


@router.post("/{contact_id}/trash", status_code=status.HTTP_204_NO_CONTENT, summary="Move a contact to the trash")
async def trash_contact(ctx: ContactsTrash, contact_id: uuid.UUID) -> None:
    await trash.trash_contact(ctx, contact_id)


@router.post("/{contact_id}/restore", response_model=ContactRead, summary="Bring a contact back from the trash")
async def restore_contact(ctx: ContactsTrash, contact_id: uuid.UUID) -> ContactRead:
    return await trash.restore_contact(ctx, contact_id)


@router.delete("/{contact_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a contact in the trash permanently, with all its records and files")
async def purge_contact(ctx: ContactsPurge, contact_id: uuid.UUID) -> None:
    await trash.purge_contact(ctx, contact_id)


@router.put("/{contact_id}/photo", response_model=ContactRead,
            summary="Set the contact's photo (JPEG, PNG, WebP or GIF up to 5 MB; checked by content)")
async def set_contact_photo(ctx: ContactsWrite, contact_id: uuid.UUID,
                            file: upload_of(service.PHOTO_MAX_BYTES, "The image")) -> ContactRead:
    return await service.set_photo(ctx, contact_id, file)


@router.get("/{contact_id}/photo", response_class=StreamingResponse, summary="Download the contact's photo",
            responses={200: {"content": {"image/*": {}}, "description": "The image"}})
async def read_contact_photo(ctx: ContactsRead, contact_id: uuid.UUID) -> StreamingResponse:
    key, content_type = await service.photo_of(ctx, contact_id)
    name = f"photo-{contact_id}.{EXTENSIONS.get(content_type, 'bin')}"
    return StreamingResponse(ctx.storage.stream(key), media_type=content_type,
                             headers={"Content-Disposition": content_disposition(name, inline=True)})


@router.delete("/{contact_id}/photo", status_code=status.HTTP_204_NO_CONTENT, summary="Remove the contact's photo")
async def delete_contact_photo(ctx: ContactsWrite, contact_id: uuid.UUID) -> None:
    await service.delete_photo(ctx, contact_id)


@router.get("/{contact_id}/timeline", response_model=Page[TimelineItem],
            summary="The contact's history: audit events, comments and notes, newest first")
async def read_contact_timeline(ctx: ContactsRead, contact_id: uuid.UUID,
                                query: Annotated[ListQuery, Query()]) -> Page[TimelineItem]:
    return await timeline.timeline(ctx, contact_id, query.page)


@router.get("/{contact_id}/sales", response_model=Page[SaleRead], summary="The contact's sales, newest first")
async def list_contact_sales(ctx: ContactsRead, contact_id: uuid.UUID,
                             query: Annotated[ListQuery, Query()]) -> Page[SaleRead]:
    return await sales.list_sales(ctx, contact_id, query.page)


@router.put("/{contact_id}/groups/{group_id}", status_code=status.HTTP_204_NO_CONTENT,
            summary="Put the contact in a group")
async def add_contact_to_group(ctx: ContactsWrite, contact_id: uuid.UUID, group_id: uuid.UUID) -> None:
    await groups.set_member(ctx, contact_id, group_id, member=True)


@router.delete("/{contact_id}/groups/{group_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Take the contact out of a group")
async def remove_contact_from_group(ctx: ContactsWrite, contact_id: uuid.UUID, group_id: uuid.UUID) -> None:
    await groups.set_member(ctx, contact_id, group_id, member=False)


groups_router = APIRouter(prefix="/contact-groups", tags=["contact-groups"])


@groups_router.get("", response_model=Page[GroupRead], summary="List contact groups")
async def list_contact_groups(ctx: ContactsRead, filters: Annotated[GroupFilters, Query()]) -> Page[GroupRead]:
    return await groups.list_groups(ctx, filters)


@groups_router.post("", response_model=GroupRead, status_code=status.HTTP_201_CREATED,
                    summary="Create a contact group")
async def create_contact_group(ctx: ContactsWrite, body: GroupCreate, response: Response) -> GroupRead:
    group = await groups.create_group(ctx, body)
    response.headers["Location"] = f"/api/v1/contact-groups/{group.id}"
    return GroupRead.model_validate(group)


@groups_router.get("/{group_id}", response_model=GroupRead, summary="Read a contact group")
async def read_contact_group(ctx: ContactsRead, group_id: uuid.UUID) -> GroupRead:
    return GroupRead.model_validate(await groups.get_group(ctx, group_id))


@groups_router.patch("/{group_id}", response_model=GroupRead, summary="Change a contact group")
async def update_contact_group(ctx: ContactsWrite, group_id: uuid.UUID, body: GroupUpdate) -> GroupRead:
    return GroupRead.model_validate(await groups.update_group(ctx, group_id, body))


@groups_router.delete("/{group_id}", status_code=status.HTTP_204_NO_CONTENT,
                      summary="Delete a contact group (its contacts stay)")
async def delete_contact_group(ctx: ContactsWrite, group_id: uuid.UUID) -> None:
    await groups.delete_group(ctx, group_id)
