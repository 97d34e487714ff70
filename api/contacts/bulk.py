"""Bulk actions on contacts (B9): on a list of ids or on the list's filter.

Up to :data:`SYNC_LIMIT` contacts run in the request (200 with counts); more run as a
background job with progress (202). Every action changes only the contacts not already so
(activating an active contact is not a change), so a job that runs twice ends the same. Each
change is a set-based statement over a batch, with one audit event per contact changed written
by :func:`api.core.audit.record_many` (the ORM's audit listener does not see bulk statements).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from api.contacts import groups, relations
from api.contacts.listing import conditions
from api.contacts.models import Contact
from api.contacts.repository import ContactRepository
from api.contacts.schemas import BULK_MAX_IDS, BulkRequest, BulkResult, ContactCriteria
from api.contacts.service import delete_stored_files, now
from api.contacts.trash import stored_file_keys
from api.core.audit import jsonable, record_many
from api.core.context import TenantContext
from api.core.errors import NotFound
from api.identity.service import require_users
from api.jobs.models import BackgroundJob
from api.jobs.service import start_job

SYNC_LIMIT = 1000
BATCH = 1000
TASK = "contacts.bulk"
PERMISSIONS = {
    "activate": "contacts:write", "deactivate": "contacts:write", "assign_owner": "contacts:write",
    "add_to_group": "contacts:write", "remove_from_group": "contacts:write",
    "trash": "contacts:trash", "restore": "contacts:trash", "purge": "contacts:purge",
}
ON_TRASHED = frozenset({"restore", "purge"})


@dataclass
class Outcome:
    changed: int = 0
    skipped: int = 0

    def add(self, other: Outcome) -> None:
        self.changed += other.changed
        self.skipped += other.skipped


# --- The actions, one batch of ids at a time ---------------------------------------------------

async def _previous(ctx: TenantContext, ids: Sequence[uuid.UUID], column, *, trashed: bool,
                    differing_from: object) -> dict[uuid.UUID, object]:
    """The current value of ``column`` for the batch's contacts it would change (rows locked)."""
    stmt = (ContactRepository(ctx).select(Contact.id, column)
            .where(Contact.id.in_(ids), Contact.deleted_at.is_not(None) if trashed else Contact.deleted_at.is_(None),
                   column.is_distinct_from(differing_from))
            .with_for_update())
    return {row[0]: row[1] for row in (await ctx.session.execute(stmt)).all()}


async def _set_column(ctx: TenantContext, ids: Sequence[uuid.UUID], name: str, value: object, *,
                      trashed: bool = False, action: str = "update") -> Outcome:
    column = getattr(Contact, name)
    previous = await _previous(ctx, ids, column, trashed=trashed, differing_from=value)
    if previous:
        await ctx.session.execute(update(Contact).where(Contact.tenant_id == ctx.tenant_id,
                                                        Contact.id.in_(list(previous)))
                                  .values({name: value}).execution_options(synchronize_session=False))
        await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type="contact", action=action,
                          items=[(cid, {name: {"old": jsonable(old), "new": jsonable(value)}})
                                 for cid, old in previous.items()])
    return Outcome(changed=len(previous))


async def _restore(ctx: TenantContext, ids: Sequence[uuid.UUID], _request: BulkRequest) -> Outcome:
    """Restore, except contacts whose email another live contact (or an earlier one of the same
    batch) has taken meanwhile: those stay in the trash and count as skipped."""
    repo = ContactRepository(ctx)
    trashed = (await ctx.session.execute(
        repo.select(Contact.id, Contact.email, Contact.deleted_at)
        .where(Contact.id.in_(ids), Contact.deleted_at.is_not(None)).order_by(Contact.id).with_for_update()
    )).all()
    emails = {email for _id, email, _at in trashed if email}
    taken = set((await ctx.session.execute(repo.select(Contact.email).where(
        Contact.email.in_(emails), Contact.deleted_at.is_(None)))).scalars()) if emails else set()
    chosen: dict[uuid.UUID, datetime] = {}
    for contact_id, email, deleted_at in trashed:
        if email and email in taken:
            continue
        taken.add(email)
        chosen[contact_id] = deleted_at
    if chosen:
        await ctx.session.execute(
            update(Contact).where(Contact.tenant_id == ctx.tenant_id, Contact.id.in_(list(chosen)))
            .values(deleted_at=None).execution_options(synchronize_session=False))
        await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type="contact", action="restore",
                          items=[(cid, {"deleted_at": {"old": jsonable(at), "new": None}})
                                 for cid, at in chosen.items()])
    return Outcome(changed=len(chosen), skipped=len(trashed) - len(chosen))


async def _purge(ctx: TenantContext, ids: Sequence[uuid.UUID], _request: BulkRequest) -> Outcome:
    keys = await stored_file_keys(ctx, ids)
    table = Contact.__table__
    purged = list((await ctx.session.execute(
        table.delete().where(table.c.tenant_id == ctx.tenant_id, table.c.id.in_(ids), table.c.deleted_at.is_not(None))
        .returning(table.c.id))).scalars())
    await record_many(ctx.session, tenant_id=ctx.tenant_id, entity_type="contact", action="delete",
                      items=[(cid, {}) for cid in purged])
    delete_stored_files(ctx, keys)
    return Outcome(changed=len(purged))


async def _in_group(ctx: TenantContext, ids: Sequence[uuid.UUID], request: BulkRequest) -> Outcome:
    assert request.group_id is not None
    change = groups.add_members if request.action == "add_to_group" else groups.remove_members
    return Outcome(changed=len(await change(ctx, request.group_id, ids)))


async def _link(ctx: TenantContext, ids: Sequence[uuid.UUID], request: BulkRequest) -> Outcome:
    link = relations.BULK_LINKS[request.action]
    return Outcome(changed=len(await link.apply(ctx, getattr(request, link.target), ids)))


Action = Callable[[TenantContext, Sequence[uuid.UUID], BulkRequest], Awaitable[Outcome]]
ACTIONS: dict[str, Action] = {
    "activate": lambda ctx, ids, _r: _set_column(ctx, ids, "status", "active"),
    "deactivate": lambda ctx, ids, _r: _set_column(ctx, ids, "status", "inactive"),
    "trash": lambda ctx, ids, _r: _set_column(ctx, ids, "deleted_at", now(), action="trash"),
    "assign_owner": lambda ctx, ids, r: _set_column(ctx, ids, "owner_id", r.owner_id),
    "restore": _restore,
    "purge": _purge,
    "add_to_group": _in_group,
    "remove_from_group": _in_group,
}


async def apply(ctx: TenantContext, request: BulkRequest, ids: Sequence[uuid.UUID]) -> Outcome:
    action = ACTIONS.get(request.action, _link)
    return await action(ctx, ids, request) if ids else Outcome()


# --- Selecting, checking and dispatching -------------------------------------------------------

async def check(ctx: TenantContext, request: BulkRequest) -> None:
    """The action's own permission, and its target (group, owner, project) in this workspace."""
    link = relations.BULK_LINKS.get(request.action)
    ctx.require(link.permission if link else PERMISSIONS[request.action])
    if request.group_id and request.action in ("add_to_group", "remove_from_group"):
        await groups.get_group(ctx, request.group_id)
    if request.action == "assign_owner" and request.owner_id is not None:
        await require_users(ctx, [request.owner_id])
    if link:
        await link.check_target(ctx, getattr(request, link.target))


def criteria_of(request: BulkRequest) -> ContactCriteria:
    """The filter, scoped to the trash for restore and purge and to live contacts otherwise."""
    assert request.filter is not None
    return request.filter.model_copy(update={"trashed": request.action in ON_TRASHED})


async def select_ids(ctx: TenantContext, request: BulkRequest, *, after: uuid.UUID | None = None,
                     limit: int = BATCH) -> list[uuid.UUID]:
    stmt = ContactRepository(ctx).select(Contact.id).where(
        *await conditions(ctx, criteria_of(request), loc_root=("body", "filter")))
    if after is not None:
        stmt = stmt.where(Contact.id > after)
    return list((await ctx.session.execute(stmt.order_by(Contact.id).limit(limit))).scalars())


async def count_matches(ctx: TenantContext, request: BulkRequest) -> int:
    stmt = ContactRepository(ctx).select(Contact.id).where(
        *await conditions(ctx, criteria_of(request), loc_root=("body", "filter")))
    return (await ctx.session.execute(select(func.count()).select_from(stmt.subquery()))).scalar_one()


async def _ids_in_scope(ctx: TenantContext, request: BulkRequest) -> list[uuid.UUID]:
    """The listed ids, all of which must be the workspace's (404 otherwise, nothing changed)."""
    assert request.ids is not None
    wanted = set(request.ids)
    repo = ContactRepository(ctx)
    if await repo.existing_ids(wanted, trashed=None) != wanted:
        raise NotFound("contact")
    return sorted(await repo.existing_ids(wanted, trashed=request.action in ON_TRASHED))


async def run(ctx: TenantContext, request: BulkRequest) -> BulkResult | BackgroundJob:
    await check(ctx, request)
    if request.ids is not None:
        ids = await _ids_in_scope(ctx, request)
        matched = len(set(request.ids))
    else:
        ids = await select_ids(ctx, request, limit=SYNC_LIMIT + 1)
        matched = len(ids)
        if matched > SYNC_LIMIT:
            return await start_job(ctx, kind=TASK, function=TASK,
                                   payload={"request": request.model_dump(mode="json", exclude_unset=True)})
    outcome = await apply(ctx, request, ids)
    return BulkResult(action=request.action, matched=matched, changed=outcome.changed, skipped=outcome.skipped)


assert BULK_MAX_IDS == SYNC_LIMIT  # a list of ids never needs a job
