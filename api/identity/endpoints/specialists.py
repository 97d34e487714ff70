"""Specialties, calendars, a specialist's specialties and shifts, and comments on staff."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from api.core.schemas import Page
from api.identity import specialists
from api.identity.auth import SpecialistsWrite, SpecialtiesRead, SpecialtiesWrite, UsersRead
from api.identity.schemas import (
    CalendarCreate,
    CalendarFilters,
    CalendarRead,
    CalendarUpdate,
    CommentCreate,
    CommentFilters,
    CommentRead,
    CommentUpdate,
    ShiftCreate,
    ShiftFilters,
    ShiftRead,
    SpecialtyCreate,
    SpecialtyFilters,
    SpecialtyRead,
    SpecialtyUpdate,
    UserRead,
    UserSpecialtiesUpdate,
)

router = APIRouter(tags=["identity"])


@router.get("/specialties", response_model=Page[SpecialtyRead], summary="List medical specialties")
async def list_specialties(ctx: SpecialtiesRead,
                           filters: Annotated[SpecialtyFilters, Query()]) -> Page[SpecialtyRead]:
    return await specialists.list_specialties(ctx, filters)


@router.post("/specialties", response_model=SpecialtyRead, status_code=status.HTTP_201_CREATED,
             summary="Create a medical specialty")
async def create_specialty(ctx: SpecialtiesWrite, body: SpecialtyCreate, response: Response) -> SpecialtyRead:
    specialty = await specialists.create_specialty(ctx, body)
    response.headers["Location"] = f"/api/v1/specialties/{specialty.id}"
    return SpecialtyRead.model_validate(specialty)


@router.get("/specialties/{specialty_id}", response_model=SpecialtyRead, summary="Read a medical specialty")
async def read_specialty(ctx: SpecialtiesRead, specialty_id: uuid.UUID) -> SpecialtyRead:
    return SpecialtyRead.model_validate(await specialists.get_specialty(ctx, specialty_id))


@router.patch("/specialties/{specialty_id}", response_model=SpecialtyRead, summary="Change a medical specialty")
async def update_specialty(ctx: SpecialtiesWrite, specialty_id: uuid.UUID, body: SpecialtyUpdate) -> SpecialtyRead:
    return SpecialtyRead.model_validate(await specialists.update_specialty(ctx, specialty_id, body))


@router.delete("/specialties/{specialty_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a medical specialty")
async def delete_specialty(ctx: SpecialtiesWrite, specialty_id: uuid.UUID) -> None:
    await specialists.delete_specialty(ctx, specialty_id)


@router.put("/users/{user_id}/specialties", response_model=UserRead, summary="Set a specialist's specialties")
async def set_user_specialties(ctx: SpecialistsWrite, user_id: uuid.UUID, body: UserSpecialtiesUpdate) -> UserRead:
    return await specialists.set_user_specialties(ctx, user_id, body)


@router.get("/calendars", response_model=Page[CalendarRead], summary="List calendars (weekly working hours)")
async def list_calendars(ctx: UsersRead, filters: Annotated[CalendarFilters, Query()]) -> Page[CalendarRead]:
    return await specialists.list_calendars(ctx, filters)


@router.post("/calendars", response_model=CalendarRead, status_code=status.HTTP_201_CREATED,
             summary="Create a calendar")
async def create_calendar(ctx: SpecialistsWrite, body: CalendarCreate, response: Response) -> CalendarRead:
    calendar = await specialists.create_calendar(ctx, body)
    response.headers["Location"] = f"/api/v1/calendars/{calendar.id}"
    return specialists.calendar_read(calendar)


@router.get("/calendars/{calendar_id}", response_model=CalendarRead, summary="Read a calendar")
async def read_calendar(ctx: UsersRead, calendar_id: uuid.UUID) -> CalendarRead:
    return specialists.calendar_read(await specialists.get_calendar(ctx, calendar_id))


@router.patch("/calendars/{calendar_id}", response_model=CalendarRead, summary="Change a calendar")
async def update_calendar(ctx: SpecialistsWrite, calendar_id: uuid.UUID, body: CalendarUpdate) -> CalendarRead:
    return specialists.calendar_read(await specialists.update_calendar(ctx, calendar_id, body))


@router.delete("/calendars/{calendar_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a calendar no shift uses")
async def delete_calendar(ctx: SpecialistsWrite, calendar_id: uuid.UUID) -> None:
    await specialists.delete_calendar(ctx, calendar_id)


@router.get("/users/{user_id}/shifts", response_model=Page[ShiftRead], summary="A specialist's shifts, by date")
async def list_shifts(ctx: UsersRead, user_id: uuid.UUID, filters: Annotated[ShiftFilters, Query()]) -> Page[ShiftRead]:
    return await specialists.list_shifts(ctx, user_id, filters)


@router.post("/users/{user_id}/shifts", response_model=ShiftRead, status_code=status.HTTP_201_CREATED,
             summary="Add a shift {from, to, calendar_id} (overlapping shifts are refused)")
async def create_shift(ctx: SpecialistsWrite, user_id: uuid.UUID, body: ShiftCreate) -> ShiftRead:
    return await specialists.create_shift(ctx, user_id, body)


@router.delete("/users/{user_id}/shifts/{shift_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a shift")
async def delete_shift(ctx: SpecialistsWrite, user_id: uuid.UUID, shift_id: uuid.UUID) -> None:
    await specialists.delete_shift(ctx, user_id, shift_id)


@router.get("/users/{user_id}/comments", response_model=Page[CommentRead],
            summary="Comments on a staff user (pinned first, then newest)")
async def list_comments(ctx: UsersRead, user_id: uuid.UUID,
                        filters: Annotated[CommentFilters, Query()]) -> Page[CommentRead]:
    return await specialists.list_comments(ctx, user_id, filters)


@router.post("/users/{user_id}/comments", response_model=CommentRead, status_code=status.HTTP_201_CREATED,
             summary="Comment on a staff user")
async def create_comment(ctx: UsersRead, user_id: uuid.UUID, body: CommentCreate) -> CommentRead:
    return await specialists.create_comment(ctx, user_id, body)


@router.patch("/users/{user_id}/comments/{comment_id}", response_model=CommentRead,
              summary="Change a comment (its author, or users:write)")
async def update_comment(ctx: UsersRead, user_id: uuid.UUID, comment_id: uuid.UUID,
                         body: CommentUpdate) -> CommentRead:
    return await specialists.update_comment(ctx, user_id, comment_id, body)


@router.delete("/users/{user_id}/comments/{comment_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Delete a comment (its author, or users:write)")
async def delete_comment(ctx: UsersRead, user_id: uuid.UUID, comment_id: uuid.UUID) -> None:
    await specialists.delete_comment(ctx, user_id, comment_id)
