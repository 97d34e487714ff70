"""Specialists (PRODUCT A7): the workspace's medical specialties, each specialist's
specialties, calendars (named weekly working hours), shifts ``{from, to, calendar}`` that never
overlap for one specialist (an exclusion constraint guarantees it, whatever the race), and
comments on staff users (priority; private ones seen by their author and ``users:write``;
pinned first)."""

from __future__ import annotations

import uuid
from typing import Any

from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, Forbidden, NotFound, ValidationFailed, field_error
from api.core.schemas import Page
from api.identity.models import Shift, Specialty, StaffComment, UserSpecialty, WorkCalendar
from api.identity.repository import (
    CALENDAR_SORT,
    PINNED_THEN_NEWEST,
    SHIFTS_BY_DATE,
    SPECIALTY_SORT,
    CalendarRepository,
    CommentRepository,
    ShiftRepository,
    SpecialtyRepository,
    UserRepository,
    UserSpecialtyRepository,
)
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
    UserRef,
    UserSpecialtiesUpdate,
)
from api.identity.users import ensure_specialist, user_read


def _taken(code: str, name: str) -> Conflict:
    return Conflict(code, params={"name": name})


async def _add_named(ctx: TenantContext, repo: Any, obj: Any, code: str, unique_index: str) -> Any:
    """Add a catalogue row whose name must be unique (checked, then guarded by the index)."""
    if await repo.by_name(obj.name):
        raise _taken(code, obj.name)
    ctx.session.add(obj)
    await flush_checked(ctx.session, {unique_index: _taken(code, obj.name)})
    return obj


async def _rename_check(repo: Any, obj: Any, name: str | None, code: str) -> None:
    if name is not None:
        other = await repo.by_name(name)
        if other is not None and other.id != obj.id:
            raise _taken(code, name)


# --- Specialties --------------------------------------------------------------------------------------

async def list_specialties(ctx: TenantContext, filters: SpecialtyFilters) -> Page[SpecialtyRead]:
    repo = SpecialtyRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q), SPECIALTY_SORT, filters.page)
    return Page(items=[SpecialtyRead.model_validate(s) for s in items], next_cursor=cursor)


async def get_specialty(ctx: TenantContext, specialty_id: uuid.UUID) -> Specialty:
    return await SpecialtyRepository(ctx).get(specialty_id)


async def create_specialty(ctx: TenantContext, body: SpecialtyCreate) -> Specialty:
    specialty = Specialty(tenant_id=ctx.tenant_id, name=body.name, description=body.description)
    return await _add_named(ctx, SpecialtyRepository(ctx), specialty, "specialty_name_taken",
                            "uq_specialty_tenant_name")


async def update_specialty(ctx: TenantContext, specialty_id: uuid.UUID, body: SpecialtyUpdate) -> Specialty:
    repo = SpecialtyRepository(ctx)
    specialty = await repo.get(specialty_id, for_update=True)
    changes = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    await _rename_check(repo, specialty, changes.get("name"), "specialty_name_taken")
    for field, value in changes.items():
        setattr(specialty, field, value)
    await flush_checked(ctx.session, {"uq_specialty_tenant_name": _taken("specialty_name_taken", specialty.name)})
    return specialty


async def delete_specialty(ctx: TenantContext, specialty_id: uuid.UUID) -> None:
    repo = SpecialtyRepository(ctx)
    await repo.delete(await repo.get(specialty_id, for_update=True))


async def set_user_specialties(ctx: TenantContext, user_id: uuid.UUID, body: UserSpecialtiesUpdate) -> UserRead:
    user = await ensure_specialist(ctx, user_id)
    wanted = {s.id for s in await SpecialtyRepository(ctx).get_many(body.specialty_ids)}
    current = {link.specialty_id: link for link in await UserSpecialtyRepository(ctx).of(user.id)}
    for specialty_id, link in current.items():
        if specialty_id not in wanted:
            await ctx.session.delete(link)
    ctx.session.add_all([UserSpecialty(tenant_id=ctx.tenant_id, user_id=user.id, specialty_id=s)
                         for s in wanted - current.keys()])
    await ctx.session.flush()
    return await user_read(ctx, user)


# --- Calendars ------------------------------------------------------------------------------------------

def calendar_read(calendar: WorkCalendar) -> CalendarRead:
    return CalendarRead.model_validate(calendar)


def _hours(body: Any) -> list[dict[str, Any]]:
    return [h.model_dump(mode="json") for h in body.hours]


async def list_calendars(ctx: TenantContext, filters: CalendarFilters) -> Page[CalendarRead]:
    repo = CalendarRepository(ctx)
    items, cursor = await repo.page(repo.filtered(filters.q), CALENDAR_SORT, filters.page)
    return Page(items=[calendar_read(c) for c in items], next_cursor=cursor)


async def get_calendar(ctx: TenantContext, calendar_id: uuid.UUID) -> WorkCalendar:
    return await CalendarRepository(ctx).get(calendar_id)


async def create_calendar(ctx: TenantContext, body: CalendarCreate) -> WorkCalendar:
    calendar = WorkCalendar(tenant_id=ctx.tenant_id, name=body.name, hours=_hours(body))
    return await _add_named(ctx, CalendarRepository(ctx), calendar, "calendar_name_taken",
                            "uq_work_calendar_tenant_name")


async def update_calendar(ctx: TenantContext, calendar_id: uuid.UUID, body: CalendarUpdate) -> WorkCalendar:
    repo = CalendarRepository(ctx)
    calendar = await repo.get(calendar_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    if changes.get("name") is not None:
        await _rename_check(repo, calendar, changes["name"], "calendar_name_taken")
        calendar.name = changes["name"]
    if changes.get("hours") is not None:
        calendar.hours = _hours(body)
    await flush_checked(ctx.session, {"uq_work_calendar_tenant_name": _taken("calendar_name_taken",
                                                                             calendar.name)})
    return calendar


async def delete_calendar(ctx: TenantContext, calendar_id: uuid.UUID) -> None:
    repo = CalendarRepository(ctx)
    calendar = await repo.get(calendar_id, for_update=True)
    if await repo.in_use(calendar.id):
        raise Conflict("calendar_in_use")
    await repo.delete(calendar)


# --- Shifts -------------------------------------------------------------------------------------------------

async def _shift_read(ctx: TenantContext, shift: Shift,
                      calendars: dict[uuid.UUID, WorkCalendar] | None = None) -> ShiftRead:
    calendar = (calendars or {}).get(shift.calendar_id) or await CalendarRepository(ctx).get(shift.calendar_id)
    return ShiftRead(id=shift.id, user_id=shift.user_id, starts_on=shift.starts_on, ends_on=shift.ends_on,
                     calendar=calendar_read(calendar), created_at=shift.created_at)


async def list_shifts(ctx: TenantContext, user_id: uuid.UUID, filters: ShiftFilters) -> Page[ShiftRead]:
    user = await UserRepository(ctx).get(user_id)
    repo = ShiftRepository(ctx)
    items, cursor = await repo.page(repo.of(user.id), SHIFTS_BY_DATE, filters.page)
    calendars = {c.id: c for c in await CalendarRepository(ctx).get_many([s.calendar_id for s in items])}
    return Page(items=[await _shift_read(ctx, s, calendars) for s in items], next_cursor=cursor)


def _overlap() -> Conflict:
    return Conflict("shift_overlap")


async def create_shift(ctx: TenantContext, user_id: uuid.UUID, body: ShiftCreate) -> ShiftRead:
    user = await ensure_specialist(ctx, user_id)
    calendar = await CalendarRepository(ctx).get(body.calendar_id)
    repo = ShiftRepository(ctx)
    if await repo.overlapping(user.id, body.starts_on, body.ends_on):
        raise _overlap()
    shift = Shift(tenant_id=ctx.tenant_id, user_id=user.id, calendar_id=calendar.id, starts_on=body.starts_on,
                  ends_on=body.ends_on)
    ctx.session.add(shift)
    await flush_checked(ctx.session, {"ex_shift_no_overlap": _overlap()})
    return await _shift_read(ctx, shift, {calendar.id: calendar})


async def delete_shift(ctx: TenantContext, user_id: uuid.UUID, shift_id: uuid.UUID) -> None:
    user = await UserRepository(ctx).get(user_id)
    repo = ShiftRepository(ctx)
    shift = await repo.get(shift_id, for_update=True)
    if shift.user_id != user.id:
        raise NotFound(repo.entity)
    await repo.delete(shift)


# --- Comments on staff ----------------------------------------------------------------------------------

async def _comment_read(ctx: TenantContext, comments: list[StaffComment]) -> list[CommentRead]:
    authors = await UserRepository(ctx).refs([c.author_id for c in comments if c.author_id])
    return [CommentRead(id=c.id, user_id=c.user_id, body=c.body, priority=c.priority,  # type: ignore[arg-type]
                        private=c.private, pinned=c.pinned, created_at=c.created_at, updated_at=c.updated_at,
                        author=UserRef(**authors[c.author_id]._mapping) if c.author_id in authors else None)
            for c in comments]


async def list_comments(ctx: TenantContext, user_id: uuid.UUID, filters: CommentFilters) -> Page[CommentRead]:
    user = await UserRepository(ctx).get(user_id)
    repo = CommentRepository(ctx)
    stmt = repo.visible(user.id, ctx.user_id, ctx.can("users:write"))  # type: ignore[arg-type]
    items, cursor = await repo.page(stmt, PINNED_THEN_NEWEST, filters.page)
    return Page(items=await _comment_read(ctx, items), next_cursor=cursor)


async def create_comment(ctx: TenantContext, user_id: uuid.UUID, body: CommentCreate) -> CommentRead:
    user = await UserRepository(ctx).get(user_id)
    comment = StaffComment(tenant_id=ctx.tenant_id, user_id=user.id, author_id=ctx.user_id, **body.model_dump())
    ctx.session.add(comment)
    await ctx.session.flush()
    return (await _comment_read(ctx, [comment]))[0]


async def _own_comment(ctx: TenantContext, user_id: uuid.UUID, comment_id: uuid.UUID) -> StaffComment:
    user = await UserRepository(ctx).get(user_id)
    repo = CommentRepository(ctx)
    comment = await repo.get(comment_id, for_update=True)
    visible = not comment.private or comment.author_id == ctx.user_id or ctx.can("users:write")
    if comment.user_id != user.id or not visible:
        raise NotFound(repo.entity)
    if comment.author_id != ctx.user_id and not ctx.can("users:write"):
        raise Forbidden("comment_not_yours")
    return comment


async def update_comment(ctx: TenantContext, user_id: uuid.UUID, comment_id: uuid.UUID,
                         body: CommentUpdate) -> CommentRead:
    comment = await _own_comment(ctx, user_id, comment_id)
    changes = body.model_dump(exclude_unset=True)
    if any(v is None for v in changes.values()):
        raise ValidationFailed([field_error(("body", k), "missing", "No puede ser nulo", "Cannot be null",
                                            "Não pode ser nulo") for k, v in changes.items() if v is None])
    for field, value in changes.items():
        setattr(comment, field, value)
    await ctx.session.flush()
    return (await _comment_read(ctx, [comment]))[0]


async def delete_comment(ctx: TenantContext, user_id: uuid.UUID, comment_id: uuid.UUID) -> None:
    comment = await _own_comment(ctx, user_id, comment_id)
    await ctx.session.delete(comment)
    await ctx.session.flush()
