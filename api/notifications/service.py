"""Queueing mail from any domain: a row in the outbox, and a job after the commit."""

from __future__ import annotations

from datetime import UTC, datetime

from api.core.context import TenantContext
from api.notifications.models import MailMessage

SEND_MAIL = "notifications.send_mail"


def mail_job_id(mail_id: object) -> str:
    return f"mail:{mail_id}"


async def queue_mail(ctx: TenantContext, *, kind: str, to: str, subject: str, text: str,
                     html: str | None = None) -> MailMessage:
    """Queue an email. It is sent only if the surrounding transaction commits."""
    mail = MailMessage(tenant_id=ctx.tenant_id, kind=kind, to_address=to, subject=subject[:300],
                       text_body=text, html_body=html, status="queued", attempts=0,
                       next_attempt_at=datetime.now(UTC))
    ctx.session.add(mail)
    await ctx.session.flush()
    ctx.enqueue(SEND_MAIL, str(ctx.tenant_id), str(mail.id), job_id=mail_job_id(mail.id))
    return mail
