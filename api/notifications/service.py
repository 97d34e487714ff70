"""The notification center (D1) and the API other domains call to notify users and send mail.

Storage — content once, a small row per recipient (fan-out of receipts on write)
-----------------------------------------------------------------------------------
A notification's text lives once in ``notification``; each recipient gets a
``notification_recipient`` row (tenant, user, notification, kind, created_at, read_at). A
broadcast to thousands of users is one ``INSERT … SELECT`` of those narrow rows, never a copy
of the text per user. Reading stays what it is for a personal notification: the inbox is one
index range (``tenant, user, created_at``) joined by primary key to at most a page of content,
the unread count is a partial index (``WHERE read_at IS NULL``), "mark all read" is one
``UPDATE`` of that index, and a user's visibility is just "has a row" — so a broadcast to a
role reaches exactly the role's members at send time, and isolation needs no audience logic.

The alternative — one row per broadcast with its audience, plus a receipt only once read —
writes less per broadcast, but every read must re-derive the audience (role memberships at
read time, users who joined later), and "unread" becomes "visible and without a receipt", an
anti-join over every broadcast the tenant ever sent to anyone. ``bench/notifications.py``
measured both on this (loaded, 2-core) machine, 5,000 users, 5,200 broadcasts: sending to
5,000 users costs 0.2–0.33 s once (15,000–30,000 rows/s) against one row; then every console
load pays 0.2–0.6 ms (unread count, first page) instead of 7–15 ms — and the audience model's
cost grows with the tenant's history. "Mark all read" of 5,000 is the one read-side write where
fan-out is slower (0.26 s vs 0.13 s); it is rare. Figures and command: ``docs/notifications.md``.

Real time — after commit
------------------------
Every change a user should see is published to their channel (:mod:`.events`) with
``ctx.publish``, which the unit of work hands to Redis only after the transaction commits.

Other domains
-------------
* ``notify_user(ctx, user_id, title=…, body=…, kind="personal", link=…, action=…)``
* ``job_notification(ctx, job_id=…, user_id=…, notice=JobNotice(…))`` — through
  ``api.jobs.service.start_job(..., notice=…)``; ``run_job`` keeps it in step with the job.
* ``queue_mail(ctx, kind=…, to=…, subject=…, text=…)`` — every email goes through it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from api.core.context import TenantContext
from api.core.errors import NotFound
from api.identity.service import require_users
from api.notifications import errors as _errors  # noqa: F401 - registers messages
from api.notifications.events import item_of, job_message, notification_message, read_all_message, user_channel
from api.notifications.models import MailMessage, Notification, NotificationRecipient
from api.notifications.repository import INBOX_ORDER, NotificationRepository, RecipientRepository
from api.notifications.schemas import (
    SAFE_LINK,
    NotificationFilters,
    NotificationPage,
    NotificationRead,
    ReadAllResult,
)

SEND_MAIL = "notifications.send_mail"
FINISHED = ("completed", "failed")


@dataclass(frozen=True)
class JobNotice:
    """The job notification a user gets when they start a job (already in their language)."""

    title: str
    body: str = ""
    link: str | None = None
    action: str | None = None


def now() -> datetime:
    return datetime.now(UTC)


# --- Creating notifications (other domains) ---------------------------------------------------

async def create_notification(ctx: TenantContext, *, kind: str, title: str, body: str = "",
                              link: str | None = None, action: str | None = None,
                              job_id: uuid.UUID | None = None, broadcast_id: uuid.UUID | None = None,
                              created_by: uuid.UUID | None = None) -> Notification:
    """The content row, not yet delivered to anyone."""
    if link is not None and not re.match(SAFE_LINK, link):
        raise ValueError(f"unsafe notification link: {link!r}")
    notification = Notification(
        tenant_id=ctx.tenant_id, kind=kind, title=title[:200], body=body[:2000], link=link, action=action,
        job_id=job_id, job_status="pending" if job_id else None, broadcast_id=broadcast_id,
        created_by=created_by if created_by is not None else ctx.user_id,
    )
    ctx.session.add(notification)
    await ctx.session.flush()
    return notification


def announce(ctx: TenantContext, notification: Notification,
             deliveries: Sequence[tuple[uuid.UUID, datetime]]) -> None:
    """Publish a new notification to each recipient's channel after commit."""
    n = notification
    item = item_of((n.id, n.kind, n.title, n.body, n.link, n.action, n.job_id, n.job_status, n.job_result,
                    n.job_error, None, n.created_at))
    assert ctx.tenant_id is not None
    for user_id, changed_at in deliveries:
        ctx.publish(user_channel(ctx.tenant_id, user_id), notification_message(item, changed_at))


async def deliver_to(ctx: TenantContext, notification: Notification, user_id: uuid.UUID) -> None:
    recipient = NotificationRecipient(tenant_id=ctx.tenant_id, user_id=user_id, notification_id=notification.id,
                                      kind=notification.kind, created_at=notification.created_at)
    ctx.session.add(recipient)
    await ctx.session.flush()
    announce(ctx, notification, [(user_id, recipient.updated_at)])


async def notify_user(ctx: TenantContext, user_id: uuid.UUID, *, title: str, body: str = "",
                      kind: str = "personal", link: str | None = None, action: str | None = None) -> Notification:
    """Notify one user of the workspace (404 for a user of another workspace). Job
    notifications come from :func:`job_notification` instead."""
    if kind not in ("system", "info", "personal"):
        raise ValueError(f"notify_user sends system, info or personal notifications, not {kind!r}")
    await require_users(ctx, [user_id])
    notification = await create_notification(ctx, kind=kind, title=title, body=body, link=link, action=action)
    await deliver_to(ctx, notification, user_id)
    return notification


async def job_notification(ctx: TenantContext, *, job_id: uuid.UUID, user_id: uuid.UUID,
                           notice: JobNotice) -> Notification:
    """A pending job notification; :func:`job_changed` moves it to completed or failed."""
    notification = await create_notification(ctx, kind="job", title=notice.title, body=notice.body,
                                              link=notice.link, action=notice.action, job_id=job_id)
    await deliver_to(ctx, notification, user_id)
    return notification


async def job_changed(ctx: TenantContext, *, job_id: uuid.UUID, user_id: uuid.UUID | None, status: str,
                      progress: int = 0, result: dict[str, Any] | None = None, error: str | None = None) -> None:
    """Keep a job's notifications in step with it. When the job finishes they become unread
    again (the user has news) and are republished; every move is also a ``job`` event."""
    assert ctx.tenant_id is not None
    values: dict[str, Any] = {"job_status": status}
    if status in FINISHED:
        values |= {"job_result": result, "job_error": error[:500] if error else None}
    changed = await NotificationRepository(ctx).set_job_state(job_id, values)
    if changed and status in FINISHED:
        recipients = RecipientRepository(ctx)
        await recipients.mark_unread(changed)
        for *columns, recipient_id in await recipients.copies_of(changed):
            ctx.publish(user_channel(ctx.tenant_id, recipient_id), notification_message(item_of(columns), columns[-1]))
    if user_id is not None:
        publish_job_progress(ctx, job_id=job_id, user_id=user_id, status=status, progress=progress)


def publish_job_progress(ctx: TenantContext, *, job_id: uuid.UUID, user_id: uuid.UUID, status: str,
                         progress: int) -> None:
    assert ctx.tenant_id is not None
    ctx.publish(user_channel(ctx.tenant_id, user_id), job_message(job_id, status, progress))


# --- The signed-in user's notification center ------------------------------------------------

def _me(ctx: TenantContext) -> uuid.UUID:
    assert ctx.user_id is not None
    return ctx.user_id


async def list_notifications(ctx: TenantContext, filters: NotificationFilters) -> NotificationPage:
    repo = RecipientRepository(ctx)
    rows, cursor = await repo.page(repo.inbox(_me(ctx), filters), INBOX_ORDER, filters.page)
    return NotificationPage(items=[item_of(row) for row in rows], next_cursor=cursor,
                            unread_count=await repo.unread_count(_me(ctx)))


async def get_notification(ctx: TenantContext, notification_id: uuid.UUID) -> NotificationRead:
    row = await RecipientRepository(ctx).item(_me(ctx), notification_id)
    if row is None:
        raise NotFound("notification")
    return item_of(row)


async def mark_read(ctx: TenantContext, notification_id: uuid.UUID) -> NotificationRead:
    """Idempotent: a notification read before keeps its first read time."""
    repo = RecipientRepository(ctx)
    user_id = _me(ctx)
    marked = await repo.mark_read(user_id, notification_id, now())
    row = await repo.item(user_id, notification_id)
    if row is None:
        raise NotFound("notification")
    if marked:  # the user's other open consoles follow
        assert ctx.tenant_id is not None
        ctx.publish(user_channel(ctx.tenant_id, user_id), notification_message(item_of(row), row.updated_at))
    return item_of(row)


async def mark_all_read(ctx: TenantContext) -> ReadAllResult:
    moment = now()
    marked = await RecipientRepository(ctx).mark_all_read(_me(ctx), moment)
    if marked:
        assert ctx.tenant_id is not None
        ctx.publish(user_channel(ctx.tenant_id, _me(ctx)), read_all_message(moment))
    return ReadAllResult(marked_read=marked)


# --- Mail -------------------------------------------------------------------------------------

def mail_job_id(mail_id: object) -> str:
    return f"mail:{mail_id}"


async def queue_mail(ctx: TenantContext, *, kind: str, to: str, subject: str, text: str,
                     html: str | None = None) -> MailMessage:
    """Queue an email. It is sent only if the surrounding transaction commits."""
    mail = MailMessage(tenant_id=ctx.tenant_id, kind=kind, to_address=to, subject=subject[:300],
                       text_body=text, html_body=html, status="queued", attempts=0,
                       next_attempt_at=now())
    ctx.session.add(mail)
    await ctx.session.flush()
    ctx.enqueue(SEND_MAIL, str(ctx.tenant_id), str(mail.id), job_id=mail_job_id(mail.id))
    return mail
