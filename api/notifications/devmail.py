"""A development-only mailbox: with the console mail backend, read what Ficha "sent".

Mounted only when FICHA_ENVIRONMENT=development and FICHA_MAIL_BACKEND=console, outside the
versioned API and the contract. It lists the newest messages of every workspace.
"""

from __future__ import annotations

import html

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import true

from api.core.sweep import cross_tenant_rows
from api.notifications.models import MailMessage

router = APIRouter(include_in_schema=False)


@router.get("/dev/mailbox", response_class=HTMLResponse)
async def dev_mailbox(request: Request) -> HTMLResponse:
    async with request.app.state.db.sessionmaker() as session:
        rows = await cross_tenant_rows(session, [MailMessage], true(),
                                       order_by=[MailMessage.created_at.desc()], limit=50)
    mails = [row[0] for row in rows]
    articles = "".join(
        f"<article><h2>{html.escape(m.subject)}</h2><p><b>To:</b> {html.escape(m.to_address)} · "
        f"<b>Status:</b> {m.status} · {m.created_at:%Y-%m-%d %H:%M:%S}</p>"
        f"<pre>{html.escape(m.text_body or '')}</pre></article>"
        for m in mails
    )
    page = ("<!doctype html><meta charset=utf-8><title>Ficha dev mailbox</title><h1>Dev mailbox</h1>"
            f"<p>The newest 50 messages caught by the console backend.</p>{articles or '<p>Empty.</p>'}")
    return HTMLResponse(page)

