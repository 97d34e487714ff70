"""Sending mail in the background: retries with exponential backoff, a log row per message,
and a sweep that re-enqueues messages whose job was lost."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import structlog
from arq import cron
from arq.worker import Retry

from api.config import Settings
from api.core.queue import task
from api.core.repository import TenantRepository
from api.core.sweep import cross_tenant_rows
from api.notifications.mailer import build_message, deliver
from api.notifications.models import MailMessage
from api.notifications.service import SEND_MAIL, mail_job_id

log = structlog.get_logger("ficha.mail")


class MailRepository(TenantRepository[MailMessage]):
    model = MailMessage
    entity = "mail_message"

    async def lock_queued(self, mail_id: uuid.UUID) -> MailMessage | None:
        stmt = (self.select().where(MailMessage.id == mail_id, MailMessage.status == "queued")
                .with_for_update(skip_locked=True))
        return (await self.session.execute(stmt)).scalar_one_or_none()


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
    if retry_in is not None:
        raise Retry(defer=retry_in)
    return "sent"


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


TASKS = [send_mail, sweep_mail]
CRON = [cron(sweep_mail.coroutine, name="notifications.sweep_mail.cron", second=45, run_at_startup=False)]
