"""Notification queries. Every statement starts from ``self.select()`` (tenant-scoped) or names
the tenant explicitly; the hot paths (the inbox page, the unread count) select exact columns."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, literal, select, update

from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.notifications.models import Broadcast, MailMessage, Notification, NotificationRecipient
from api.notifications.schemas import BroadcastFilters, MailLogFilters, NotificationFilters

Recipient = NotificationRecipient

INBOX_ORDER = Sort("-created_at", (SortKey(Recipient.created_at, True), SortKey(Recipient.notification_id, True)))
NEWEST_BROADCASTS = Sort("-created_at", (SortKey(Broadcast.created_at, True), SortKey(Broadcast.id, True)))
NEWEST_MAIL = Sort("-created_at", (SortKey(MailMessage.created_at, True), SortKey(MailMessage.id, True)))

# What a notification item shows: the recipient's read state and the notification's content.
ITEM_COLUMNS = (
    Recipient.notification_id.label("id"), Notification.kind, Notification.title, Notification.body,
    Notification.link, Notification.action, Notification.job_id, Notification.job_status,
    Notification.job_result, Notification.job_error, Recipient.read_at, Recipient.created_at,
    Recipient.updated_at,
)
ITEM_FIELDS = ("id", "kind", "title", "body", "link", "action", "job_id", "job_status", "job_result", "job_error",
               "read_at", "created_at", "updated_at")

# Retention deletes in chunks so one workspace's backlog never holds long locks.
PURGE_CHUNK = 5000

# The mail log never reads bodies (they can hold one-time links).
MAIL_LOG_COLUMNS = (
    MailMessage.id, MailMessage.kind, MailMessage.to_address, MailMessage.subject, MailMessage.status,
    MailMessage.attempts, MailMessage.last_error, MailMessage.next_attempt_at, MailMessage.sent_at,
    MailMessage.created_at, MailMessage.updated_at,
)


class NotificationRepository(TenantRepository[Notification]):
    model = Notification
    entity = "notification"

    async def set_job_state(self, job_id: uuid.UUID, values: dict[str, Any]) -> list[uuid.UUID]:
        """Copy a job's state onto its notifications; the ids of those changed."""
        stmt = (update(Notification).where(Notification.tenant_id == self.tenant_id, Notification.job_id == job_id)
                .values(**values).returning(Notification.id))
        return list((await self.session.execute(stmt)).scalars())

    async def purge_created_before(self, cutoff: datetime) -> int:
        """Delete up to PURGE_CHUNK notifications created before ``cutoff`` (their per-user
        copies go with them); how many."""
        return await _purge_chunk(self, Notification.created_at < cutoff)


async def _purge_chunk(repo: TenantRepository[Any], *conditions: Any) -> int:
    model = repo.model
    chunk = repo.select(model.id).where(*conditions).limit(PURGE_CHUNK)
    stmt = delete(model).where(model.tenant_id == repo.tenant_id, model.id.in_(chunk.scalar_subquery()))
    return (await repo.session.execute(stmt)).rowcount or 0


class RecipientRepository(TenantRepository[NotificationRecipient]):
    """Per-user copies. Rows are keyed by (tenant, user, notification): a user reaches only their
    own, so another user's notification id is simply not found."""

    model = NotificationRecipient
    entity = "notification"

    def items(self) -> Select:
        return (self.select(*ITEM_COLUMNS)
                .join(Notification, Notification.id == Recipient.notification_id))

    def inbox(self, user_id: uuid.UUID, filters: NotificationFilters) -> Select:
        stmt = self.items().where(Recipient.user_id == user_id)
        if filters.kind:
            stmt = stmt.where(Recipient.kind == filters.kind)
        if filters.read is not None:
            stmt = stmt.where(Recipient.read_at.is_not(None) if filters.read else Recipient.read_at.is_(None))
        if filters.created_from:
            stmt = stmt.where(Recipient.created_at >= filters.created_from)
        if filters.created_to:
            stmt = stmt.where(Recipient.created_at < filters.created_to)
        return stmt

    async def item(self, user_id: uuid.UUID, notification_id: uuid.UUID) -> Any:
        stmt = self.items().where(Recipient.user_id == user_id, Recipient.notification_id == notification_id)
        return (await self.session.execute(stmt)).one_or_none()

    async def copies_of(self, notification_ids: Sequence[uuid.UUID]) -> list[Any]:
        """Every user's item of these notifications (the user id last)."""
        stmt = self.items().add_columns(Recipient.user_id).where(Recipient.notification_id.in_(notification_ids))
        return list((await self.session.execute(stmt)).all())

    async def changed_since(self, user_id: uuid.UUID, since: datetime, limit: int) -> list[Any]:
        stmt = (self.items().where(Recipient.user_id == user_id, Recipient.updated_at > since)
                .order_by(Recipient.updated_at, Recipient.notification_id).limit(limit))
        return list((await self.session.execute(stmt)).all())

    async def unread_count(self, user_id: uuid.UUID) -> int:
        stmt = self.select(func.count()).where(Recipient.user_id == user_id, Recipient.read_at.is_(None))
        return (await self.session.execute(stmt)).scalar_one()

    async def fan_out(self, notification: Notification, user_ids: Select) -> list[tuple[uuid.UUID, datetime]]:
        """One row per user of ``user_ids`` (a ``SELECT id``), in one ``INSERT … SELECT``."""
        ids = user_ids.subquery()
        rows = (
            Recipient.__table__.c.tenant_id, Recipient.__table__.c.user_id,
            Recipient.__table__.c.notification_id, Recipient.__table__.c.kind, Recipient.__table__.c.created_at,
        )
        source = select(literal(self.tenant_id), ids.c.id, literal(notification.id), literal(notification.kind),
                        literal(notification.created_at))
        stmt = (insert(Recipient.__table__).from_select(rows, source)
                .returning(Recipient.__table__.c.user_id, Recipient.__table__.c.updated_at))
        return [(row[0], row[1]) for row in (await self.session.execute(stmt)).all()]

    async def mark_read(self, user_id: uuid.UUID, notification_id: uuid.UUID, moment: datetime) -> bool:
        """False when it was read already (its first read time stays)."""
        stmt = (update(Recipient)
                .where(Recipient.tenant_id == self.tenant_id, Recipient.user_id == user_id,
                       Recipient.notification_id == notification_id, Recipient.read_at.is_(None))
                .values(read_at=moment).returning(Recipient.notification_id))
        return (await self.session.execute(stmt)).first() is not None

    async def mark_all_read(self, user_id: uuid.UUID, moment: datetime) -> int:
        stmt = (update(Recipient)
                .where(Recipient.tenant_id == self.tenant_id, Recipient.user_id == user_id,
                       Recipient.read_at.is_(None))
                .values(read_at=moment).returning(Recipient.notification_id))
        return len((await self.session.execute(stmt)).all())

    async def mark_unread(self, notification_ids: Sequence[uuid.UUID]) -> None:
        """Every copy of these notifications becomes unread again (e.g. their job finished)."""
        await self.session.execute(
            update(Recipient)
            .where(Recipient.tenant_id == self.tenant_id, Recipient.notification_id.in_(notification_ids))
            .values(read_at=None)
        )


class BroadcastRepository(TenantRepository[Broadcast]):
    model = Broadcast
    entity = "notification_broadcast"

    def filtered(self, filters: BroadcastFilters) -> Select:
        stmt = self.select()
        if filters.status:
            stmt = stmt.where(Broadcast.status == filters.status)
        return stmt

    async def exists_titled(self, title: str) -> bool:
        stmt = self.select(Broadcast.id).where(Broadcast.title == title).limit(1)
        return (await self.session.execute(stmt)).first() is not None

    async def claim_due(self, broadcast_id: uuid.UUID, moment: datetime) -> Broadcast | None:
        """Lock a due, still scheduled broadcast; None when another worker holds or sent it."""
        stmt = (self.select().where(Broadcast.id == broadcast_id, Broadcast.status == "scheduled",
                                    Broadcast.send_at <= moment)
                .with_for_update(skip_locked=True))
        return (await self.session.execute(stmt)).scalar_one_or_none()


class MailRepository(TenantRepository[MailMessage]):
    model = MailMessage
    entity = "mail_message"

    async def lock_queued(self, mail_id: uuid.UUID) -> MailMessage | None:
        stmt = (self.select().where(MailMessage.id == mail_id, MailMessage.status == "queued")
                .with_for_update(skip_locked=True))
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def purge_finished_before(self, cutoff: datetime) -> int:
        """Delete up to PURGE_CHUNK sent or failed messages created before ``cutoff``; queued ones
        stay whatever their age (they are still being delivered)."""
        return await _purge_chunk(self, MailMessage.status.in_(("sent", "failed")), MailMessage.created_at < cutoff)

    def log(self, filters: MailLogFilters) -> Select:
        stmt = self.select(*MAIL_LOG_COLUMNS)
        if filters.status:
            stmt = stmt.where(MailMessage.status == filters.status)
        if filters.kind:
            stmt = stmt.where(MailMessage.kind == filters.kind)
        if filters.recipient:
            stmt = stmt.where(func.lower(MailMessage.to_address) == filters.recipient.lower())
        if filters.created_from:
            stmt = stmt.where(MailMessage.created_at >= filters.created_from)
        if filters.created_to:
            stmt = stmt.where(MailMessage.created_at < filters.created_to)
        return stmt
