"""Mail transports: SMTP (aiosmtplib) in production and tests, the console in development."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import aiosmtplib
import structlog

from api.config import Settings

log = structlog.get_logger("ficha.mail")


def build_message(settings: Settings, *, to: str, subject: str, text: str | None, html: str | None,
                  message_id: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(idstring=message_id, domain="ficha.local")
    message.set_content(text or "")
    if html:
        message.add_alternative(html, subtype="html")
    return message


async def deliver(settings: Settings, message: EmailMessage) -> None:
    """Send one message; raises on any transport failure (the task retries with backoff)."""
    if settings.mail_backend == "console":
        log.info("mail_caught_by_console_backend", to=message["To"], subject=message["Subject"],
                 hint="read it at /dev/mailbox")
        return
    await aiosmtplib.send(
        message,
        hostname=settings.smtp_host,
        port=settings.smtp_port,
        username=settings.smtp_username,
        password=settings.smtp_password.get_secret_value() if settings.smtp_password else None,
        start_tls=settings.smtp_starttls,
        timeout=settings.smtp_timeout_seconds,
    )
