"""Background work: sending mail (retries with exponential backoff, a log row per message, a
sweep that re-enqueues messages whose job was lost) and sending scheduled broadcasts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from arq import cron
from arq.worker import Retry

from api.config import Settings
from api.core.context import task_context
from api.core.queue import task
from api.core.sweep import cross_tenant_rows
from api.notifications import broadcasts
from api.notifications.mailer import build_message, deliver
from api.notifications.models import Broadcast, MailMessage, Notification
from api.notifications.repository import PURGE_CHUNK, MailRepository, NotificationRepository
from api.notifications.service import SEND_MAIL, mail_job_id

log = structlog.get_logger("ficha.mail")


def backoff_seconds(attempt: int) -> int:
    """5 s, 30 s, 3 min, 18 min, then hourly."""
    return min(3600, 5 * 6 ** max(0, attempt - 1))


@task(SEND_MAIL, max_tries=50)
async def send_mail(ctx: dict, tenant_id: str, mail_id: str) -> str:
    settings: Settings = ctx["settings"]
    tid = uuid.UUID(tenant_id)
    retry_in: int | None = None
    async with ctx["db"].session(tid) as session:
        mail = await MailRepository(session, tid).lock_queued(uuid.UUID(mail_id))
        if mail is None:
            return "skipped"  # already sent, failed for good, or being sent by another worker
        message = build_message(settings, to=mail.to_address, subject=mail.subject, text=mail.text_body,
                                html=mail.html_body, message_id=mail_id)
        mail.attempts += 1
        try:
            await deliver(settings, message)
        except Exception as exc:  # any transport failure is retried
            mail.last_error = f"{type(exc).__name__}: {exc}"[:500]
            if mail.attempts >= settings.mail_max_attempts:
                mail.status = "failed"
                log.warning("mail_failed", mail_id=mail_id, attempts=mail.attempts)
            else:
                retry_in = backoff_seconds(mail.attempts)
                mail.next_attempt_at = datetime.now(UTC) + timedelta(seconds=retry_in)
        else:
            mail.status, mail.sent_at, mail.last_error = "sent", datetime.now(UTC), None
            if settings.mail_backend == "smtp":
                mail.text_body = mail.html_body = None  # one-time links do not outlive delivery
        status = mail.status
    if retry_in is not None:
        raise Retry(defer=retry_in)
    return status


@task("notifications.sweep_mail")
async def sweep_mail(ctx: dict) -> int:
    cutoff = datetime.now(UTC) - timedelta(minutes=1)
    async with ctx["db"].session() as session:
        rows = await cross_tenant_rows(session, [MailMessage.id, MailMessage.tenant_id],
                                MailMessage.status == "queued", MailMessage.next_attempt_at < cutoff)
    for mail_id, tenant_id in rows:
        await ctx["redis"].enqueue_job(SEND_MAIL, str(tenant_id), str(mail_id), _job_id=mail_job_id(mail_id),
                                       _queue_name=ctx["settings"].queue_name)
    return len(rows)


@task("notifications.send_due_broadcasts")
async def send_due_broadcasts(ctx: dict) -> int:
    """Send every scheduled broadcast whose time has come; each in its own transaction, claimed
    with a row lock, so a second worker running this at the same moment skips it."""
    moment = datetime.now(UTC)
    async with ctx["db"].session() as session:
        due = await cross_tenant_rows(session, [Broadcast.id, Broadcast.tenant_id],
                                      Broadcast.status == "scheduled", Broadcast.send_at <= moment,
                                      order_by=[Broadcast.send_at])
    sent = 0
    for broadcast_id, tenant_id in due:
        async with task_context(ctx["db"], tenant_id, redis=ctx.get("redis")) as tctx:
            count = await broadcasts.send_if_due(tctx, broadcast_id, moment)
        if count is not None:
            sent += 1
            log.info("broadcast_sent", tenant_id=str(tenant_id), broadcast_id=str(broadcast_id), recipients=count)
    return sent


async def _purge_notifications(session: Any, tenant_id: uuid.UUID, cutoff: datetime) -> int:
    return await NotificationRepository(session, tenant_id).purge_created_before(cutoff)


async def _purge_mail_log(session: Any, tenant_id: uuid.UUID, cutoff: datetime) -> int:
    return await MailRepository(session, tenant_id).purge_finished_before(cutoff)


@task("notifications.purge_expired")
async def purge_expired(ctx: dict) -> int:
    """Retention: notifications and finished mail log rows past their settings' age are deleted,
    workspace by workspace, in chunks each committed on its own. How many rows went."""
    settings: Settings = ctx["settings"]
    moment = datetime.now(UTC)
    purges = (
        (Notification, moment - timedelta(days=settings.notification_retention_days), _purge_notifications),
        (MailMessage, moment - timedelta(days=settings.mail_log_retention_days), _purge_mail_log),
    )
    removed = 0
    for model, cutoff, purge in purges:
        async with ctx["db"].session() as session:
            tenants = await cross_tenant_rows(session, [model.tenant_id], model.created_at < cutoff,
                                              distinct=True, limit=100_000)
        for (tenant_id,) in tenants:
            count = PURGE_CHUNK
            while count == PURGE_CHUNK:  # a full chunk: there may be more
                async with ctx["db"].session(tenant_id) as session:
                    count = await purge(session, tenant_id, cutoff)
                removed += count
    if removed:
        log.info("retention_purged", rows=removed)
    return removed


TASKS = [send_mail, sweep_mail, send_due_broadcasts, purge_expired]
CRON = [
    cron(sweep_mail.coroutine, name="notifications.sweep_mail.cron", second=45, run_at_startup=False),
    cron(send_due_broadcasts.coroutine, name="notifications.send_due_broadcasts.cron", second=0,
         run_at_startup=True),
    cron(purge_expired.coroutine, name="notifications.purge_expired.cron", hour=3, minute=17, second=0,
         run_at_startup=False),
]
