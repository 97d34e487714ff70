"""Retention: the daily purge deletes notifications and finished mail log rows past their age,
in every workspace, and keeps everything else (recent rows, mail still being delivered)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from api.notifications import repository
from api.notifications.models import MailMessage, Notification, NotificationRecipient
from api.notifications.tasks import purge_expired as purge_expired_task
from tests.fixtures.factories.notifications import make_mail, notify

purge_expired = purge_expired_task.coroutine


async def _age(db, model, row, days: int) -> None:
    async with db.session(row.tenant_id) as session:
        await session.execute(update(model).where(model.tenant_id == row.tenant_id, model.id == row.id)
                              .values(created_at=datetime.now(UTC) - timedelta(days=days)))


async def _ids(db, tenant_id, model) -> set:
    async with db.session(tenant_id) as session:
        return set((await session.execute(select(model.id).where(model.tenant_id == tenant_id))).scalars())


async def test_old_rows_go_in_every_workspace_and_the_rest_stays(
        db, workspace, other_workspace, arq_pool, settings, monkeypatch):
    monkeypatch.setattr(repository, "PURGE_CHUNK", 1)  # several chunks per workspace
    from api.notifications import tasks
    monkeypatch.setattr(tasks, "PURGE_CHUNK", 1)
    kept, gone = {}, {}
    for ws in (workspace, other_workspace):
        old = [await notify(db, ws.id, ws.admin.id, title=f"Vieja {n}") for n in range(3)]
        for row in old:
            await _age(db, Notification, row, 181)
        recent = await notify(db, ws.id, ws.admin.id, title="Reciente")
        old_sent = await make_mail(db, ws.id, status="sent", attempts=1, last_error=None)
        old_failed = await make_mail(db, ws.id)
        old_queued = await make_mail(db, ws.id, status="queued", attempts=2)
        recent_failed = await make_mail(db, ws.id)
        for row in (old_sent, old_failed, old_queued):
            await _age(db, MailMessage, row, 91)
        kept[ws.id] = ({recent.id}, {old_queued.id, recent_failed.id})
        gone[ws.id] = {row.id for row in old} | {old_sent.id, old_failed.id}

    worker_ctx = {"db": db, "redis": arq_pool, "settings": settings}
    assert await purge_expired(worker_ctx) == 2 * 5
    for ws in (workspace, other_workspace):
        assert await _ids(db, ws.id, Notification) == kept[ws.id][0]
        assert await _ids(db, ws.id, MailMessage) == kept[ws.id][1]
        async with db.session(ws.id) as session:
            copies = (await session.execute(select(NotificationRecipient.notification_id).where(
                NotificationRecipient.tenant_id == ws.id))).scalars().all()
        assert set(copies) == kept[ws.id][0], "per-user copies go with their notification"
    assert await purge_expired(worker_ctx) == 0, "nothing left to purge"
