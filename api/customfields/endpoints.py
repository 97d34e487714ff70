"""Custom field routes: definitions of the additional fields of contacts and staff users."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.openapi import FORBIDDEN_RESPONSE
from api.core.schemas import Page
from api.customfields import service
from api.customfields.auth import CustomFieldsManage, CustomFieldsRead
from api.customfields.schemas import CustomFieldCreate, CustomFieldFilters, CustomFieldRead, CustomFieldUpdate

router = APIRouter(prefix="/custom-fields", tags=["custom-fields"])


@router.get("", response_model=Page[CustomFieldRead], responses=FORBIDDEN_RESPONSE,
            summary="List the additional fields of contacts or staff users, in form order")
async def list_custom_fields(ctx: CustomFieldsRead,
                             filters: Annotated[CustomFieldFilters, Query()]) -> Page[CustomFieldRead]:
    return await service.list_fields(ctx, filters)


@router.post("", response_model=CustomFieldRead, status_code=status.HTTP_201_CREATED,
             summary="Define an additional field")
async def create_custom_field(ctx: CustomFieldsManage, body: CustomFieldCreate, response: Response) -> CustomFieldRead:
    field = await service.create_field(ctx, body)
    response.headers["Location"] = f"/api/v1/custom-fields/{field.id}"
    return CustomFieldRead.model_validate(field)


@router.get("/{field_id}", response_model=CustomFieldRead, responses=FORBIDDEN_RESPONSE,
            summary="Read an additional field")
async def read_custom_field(ctx: CustomFieldsRead, field_id: uuid.UUID) -> CustomFieldRead:
    return CustomFieldRead.model_validate(await service.get_field(ctx, field_id))


@router.patch("/{field_id}", response_model=CustomFieldRead,
              summary="Change an additional field's labels, requiredness, options or order")
async def update_custom_field(ctx: CustomFieldsManage, field_id: uuid.UUID,
                              body: CustomFieldUpdate) -> CustomFieldRead:
    return CustomFieldRead.model_validate(await service.update_field(ctx, field_id, body))


@router.delete("/{field_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete an additional field and the values stored under it")
async def delete_custom_field(ctx: CustomFieldsManage, field_id: uuid.UUID) -> None:
    await service.delete_field(ctx, field_id)
