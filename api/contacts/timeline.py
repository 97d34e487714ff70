"""A contact's timeline (B10): its audit events, comments and notes as one feed, newest first,
keyset-paged. Events include what is filed under the contact (alerts, reviews, files, groups,
sales, companies, projects — see each model's audit attribution); private comments appear only
to their author and to holders of ``contacts:private_comments``."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, String, and_, literal, null, select, union_all
from sqlalchemy.dialects.postgresql import JSONB

from api.contacts.schemas import TimelineItem
from api.contacts.sections.models import ContactComment, ContactNote
from api.contacts.sections.privacy import visible_comments
from api.contacts.service import get_contact
from api.core.audit import AuditEvent
from api.core.context import TenantContext
from api.core.pagination import PageParams, Sort, SortKey, page_of, paginate
from api.core.schemas import Page


def _nothing(type_: Any) -> Any:
    return null().cast(type_)


def _feed(ctx: TenantContext, contact_id: uuid.UUID) -> Any:
    events = select(
        literal("event").label("kind"), AuditEvent.id, AuditEvent.occurred_at,
        AuditEvent.actor_user_id.label("actor_user_id"), AuditEvent.action.label("action"),
        AuditEvent.changes.label("changes"), _nothing(String).label("body"), _nothing(Boolean).label("private"),
        _nothing(String).label("priority"), _nothing(String).label("category"),
    ).where(AuditEvent.tenant_id == ctx.tenant_id, AuditEvent.entity_type == "contact",
            AuditEvent.entity_id == contact_id)
    comments = select(
        literal("comment"), ContactComment.id, ContactComment.created_at, ContactComment.author_id,
        _nothing(String), _nothing(JSONB), ContactComment.body, ContactComment.private, ContactComment.priority,
        _nothing(String),
    ).where(and_(ContactComment.tenant_id == ctx.tenant_id, ContactComment.contact_id == contact_id,
                 visible_comments(ctx)))
    notes = select(
        literal("note"), ContactNote.id, ContactNote.created_at, ContactNote.author_id, _nothing(String),
        _nothing(JSONB), ContactNote.body, _nothing(Boolean), _nothing(String), ContactNote.category,
    ).where(ContactNote.tenant_id == ctx.tenant_id, ContactNote.contact_id == contact_id)
    return union_all(events, comments, notes).subquery("feed")


async def timeline(ctx: TenantContext, contact_id: uuid.UUID, page: PageParams) -> Page[TimelineItem]:
    contact = await get_contact(ctx, contact_id)
    feed = _feed(ctx, contact.id)
    newest_first = Sort("-occurred_at", (SortKey(feed.c.occurred_at, True), SortKey(feed.c.id, True)))
    stmt = select(*feed.c)
    rows = (await ctx.session.execute(paginate(stmt, newest_first, page))).all()
    items, cursor = page_of(rows, newest_first, page, width=len(feed.c))
    return Page(items=[TimelineItem(**dict(zip(feed.c.keys(), row, strict=True))) for row in items],
                next_cursor=cursor)
