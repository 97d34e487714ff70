"""The mail log (D3): what was sent to whom, when and how it went — never the bodies — and a
retry for messages that failed for good."""

from __future__ import annotations

import uuid

from api.core import audit
from api.core.context import TenantContext
from api.core.errors import Conflict
from api.core.ids import new_id
from api.core.schemas import Page
from api.notifications.repository import MAIL_LOG_COLUMNS, NEWEST_MAIL, MailRepository
from api.notifications.schemas import MailLogFilters, MailLogRead
from api.notifications.service import SEND_MAIL, now

FIELDS = tuple(column.key for column in MAIL_LOG_COLUMNS)


def _entry(values) -> MailLogRead:
    return MailLogRead(**dict(zip(FIELDS, values, strict=True)))


async def list_mail_log(ctx: TenantContext, filters: MailLogFilters) -> Page[MailLogRead]:
    repo = MailRepository(ctx)
    rows, cursor = await repo.page(repo.log(filters), NEWEST_MAIL, filters.page)
    return Page(items=[_entry(row) for row in rows], next_cursor=cursor)


async def retry_mail(ctx: TenantContext, mail_id: uuid.UUID) -> MailLogRead:
    """Queue a failed message again with a fresh budget of attempts."""
    mail = await MailRepository(ctx).get(mail_id, for_update=True)
    if mail.status != "failed":
        raise Conflict("mail_not_failed", params={"status": mail.status})
    mail.status, mail.attempts, mail.next_attempt_at = "queued", 0, now()
    await ctx.session.flush()
    assert ctx.tenant_id is not None
    audit.record(ctx.session, tenant_id=ctx.tenant_id, entity_type="mail_message", entity_id=mail.id,
                 action="retry", changes={"status": {"old": "failed", "new": "queued"}})
    # arq keeps a finished job's id for an hour: the retry is a new job.
    ctx.enqueue(SEND_MAIL, str(ctx.tenant_id), str(mail.id), job_id=f"mail:{mail.id}:retry:{new_id()}")
    return _entry(tuple(getattr(mail, field) for field in FIELDS))
