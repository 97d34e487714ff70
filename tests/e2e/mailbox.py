"""An SMTP server on loopback that keeps every message it receives, for specs to read."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session


@dataclass
class CapturedMail:
    mail_from: str
    to: list[str]
    subject: str
    text: str
    html: str


def _body(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    return part.get_content() if part is not None else ""


class Mailbox:
    """The aiosmtpd handler: parses each message and keeps it in memory (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._mails: list[CapturedMail] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        message = message_from_bytes(raw if isinstance(raw, bytes) else raw.encode(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        mail = CapturedMail(
            mail_from=envelope.mail_from or "",
            to=list(envelope.rcpt_tos),
            subject=str(message.get("Subject", "")),
            text=_body(message, "plain"),
            html=_body(message, "html"),
        )
        with self._lock:
            self._mails.append(mail)
        return "250 Message accepted for delivery"

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            return [asdict(mail) for mail in self._mails]

    def clear(self) -> None:
        with self._lock:
            self._mails.clear()


def start_smtp(mailbox: Mailbox, port: int) -> Controller:
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    return controller
