"""D3: every email goes through the outbox: queued with the transaction, sent by a real arq
job over real SMTP (aiosmtpd on loopback), retried with backoff, logged."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from api.core.context import TenantContext, UnitOfWork
from api.core.db import Actor, bind_actor
from api.notifications import service
from api.notifications.models import MailMessage
from api.notifications.tasks import backoff_seconds


async def _queue(db, workspace, subject="Hola", text="Cuerpo con enlace secreto") -> tuple[uuid.UUID, list]:
    async with db.session(workspace.id) as session:
        bind_actor(session, workspace.id, Actor.system())
        ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=workspace.id, language="es")
        mail = await service.queue_mail(ctx, kind="test", to="ana@example.com", subject=subject, text=text)
        jobs = list(ctx.uow.jobs.jobs)
    return mail.id, jobs


async def _enqueue(arq_pool, settings, jobs):
    from api.core.queue import enqueue_all

    await enqueue_all(arq_pool, jobs, settings.queue_name)


async def _mail(db, workspace, mail_id) -> MailMessage:
    async with db.session(workspace.id) as session:
        return (await session.execute(select(MailMessage).where(MailMessage.id == mail_id))).scalar_one()


async def test_queued_mail_is_sent_over_smtp_and_scrubbed(db, client, workspace, smtp_server, run_jobs,
                                                          arq_pool, settings):
    mail_id, jobs = await _queue(db, workspace)
    assert [j.function for j in jobs] == ["notifications.send_mail"]
    await _enqueue(arq_pool, settings, jobs)
    await run_jobs(settings.model_copy(update={"smtp_port": smtp_server.port}))

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "ana@example.com"
    assert message["Subject"] == "Hola"
    assert "Cuerpo con enlace secreto" in smtp_server.text_of(message)
    mail = await _mail(db, workspace, mail_id)
    assert mail.status == "sent" and mail.attempts == 1 and mail.sent_at is not None
    assert mail.text_body is None, "one-time links must not outlive delivery"


async def test_a_temporary_failure_is_retried_with_backoff(db, client, workspace, smtp_server, run_jobs,
                                                           arq_pool, settings):
    smtp_server.fail_next = 1
    mail_id, jobs = await _queue(db, workspace)
    await _enqueue(arq_pool, settings, jobs)
    await run_jobs(settings.model_copy(update={"smtp_port": smtp_server.port}))
    mail = await _mail(db, workspace, mail_id)
    assert mail.status == "queued" and mail.attempts == 1 and "451" in (mail.last_error or "")
    assert smtp_server.messages == []
    assert backoff_seconds(1) == 5 and backoff_seconds(2) == 30 and backoff_seconds(9) == 3600


async def test_sending_twice_sends_once(db, client, workspace, smtp_server, run_jobs, arq_pool, settings):
    mail_id, jobs = await _queue(db, workspace)
    await _enqueue(arq_pool, settings, jobs)
    test_settings = settings.model_copy(update={"smtp_port": smtp_server.port})
    await run_jobs(test_settings)
    # arq delivers at least once: a second delivery of the same job must be a no-op.
    await arq_pool.enqueue_job("notifications.send_mail", str(workspace.id), str(mail_id),
                               _queue_name=settings.queue_name)
    await run_jobs(test_settings)
    assert len(smtp_server.wait_for(1)) == 1


async def test_mail_is_not_sent_when_the_transaction_rolls_back(db, workspace):
    async with db.sessionmaker() as session:
        bind_actor(session, workspace.id, Actor.system())
        ctx = TenantContext(uow=UnitOfWork(session=session), principal=None, tenant_id=workspace.id, language="es")
        await service.queue_mail(ctx, kind="test", to="x@example.com", subject="s", text="t")
        await session.rollback()
    async with db.session(workspace.id) as session:
        assert (await session.execute(select(MailMessage))).scalars().all() == []
