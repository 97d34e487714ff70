"""How a request becomes a :class:`TenantContext`: session, principal, permission, jobs.

Every route under ``/api/v1`` depends on exactly one of:

* ``Authorize(permission, …)`` — authenticates the bearer credential, checks the permission(s)
  and binds the tenant and actor to the session (each domain names these in its ``auth.py``);
* ``Public`` — for the few routes that need no credential (login, password reset …).

A meta-test walks ``app.routes`` and fails for any route with neither. The session dependency
commits after the handler returns and *then* enqueues the jobs and publishes the pub/sub
messages the handler queued; :func:`task_context` gives background tasks the same unit of work.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

import structlog
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from api.core import i18n
from api.core.db import Actor, Database, bind_actor
from api.core.errors import AppError, Forbidden, Unauthenticated
from api.core.pubsub import Publication, publish_all
from api.core.queue import JobBuffer, enqueue_all
from api.core.requestctx import current_client_ip, current_request_id

log = structlog.get_logger("ficha.storage")


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: a staff user, directly or through an integration token."""

    tenant_id: uuid.UUID
    user_id: uuid.UUID
    permissions: frozenset[str]
    session_id: uuid.UUID | None = None
    token_id: uuid.UUID | None = None
    culture: str = "es"
    # A session that may only finish enrolling in MFA (the workspace requires it for one of the
    # user's roles): refused everywhere except routes that say ``Authorize(allow_restricted=True)``.
    restricted: bool = False

    @property
    def actor(self) -> Actor:
        if self.token_id is not None:
            return Actor(type="token", user_id=self.user_id, token_id=self.token_id)
        return Actor(type="user", user_id=self.user_id)

    def has(self, permission: str) -> bool:
        return permission in self.permissions


# An authenticator turns a bearer credential into a Principal (or None); identity provides it.
Authenticator = Callable[[AsyncSession, str], Awaitable[Principal | None]]


@dataclass
class UnitOfWork:
    """A transaction and what must happen only once it commits: jobs to enqueue, messages to
    publish and superseded files to remove (all dropped on rollback) — and the files it stored,
    removed if it rolls back, so storage never keeps a file no row points to."""

    session: AsyncSession
    jobs: JobBuffer = field(default_factory=JobBuffer)
    publications: list[Publication] = field(default_factory=list)
    storage: Any = None
    stored: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)

    def discard(self) -> None:
        self.jobs.clear()
        self.publications.clear()
        self.superseded.clear()

    async def savepoint(self) -> Savepoint:
        """A nested transaction whose rollback also drops what was queued, stored or superseded
        since it began (e.g. one import row: its invitation must not leave if the row is undone)."""
        marks = (len(self.jobs.jobs), len(self.publications), len(self.stored), len(self.superseded))
        return Savepoint(self, await self.session.begin_nested(), marks)

    async def rolled_back(self) -> None:
        """After a rollback: drop what waited for the commit and remove the files stored."""
        self.discard()
        await self._remove(self.stored)

    async def after_commit(self, redis: Any, queue_name: str | None) -> None:
        await enqueue_all(redis, self.jobs.jobs, queue_name)
        await publish_all(redis, self.publications)
        await self._remove(self.superseded)

    async def _remove(self, keys: list[str]) -> None:
        # Best effort: the transaction's outcome stands; a file left behind only wastes space.
        for key in keys:
            try:
                await self.storage.delete(key)
            except Exception:
                log.warning("stored_file_not_removed", key=key, exc_info=True)
        keys.clear()


@dataclass
class Savepoint:
    uow: UnitOfWork
    nested: Any  # AsyncSessionTransaction
    marks: tuple[int, int, int, int]

    async def commit(self) -> None:
        await self.nested.commit()

    async def rollback(self) -> None:
        await self.nested.rollback()
        jobs, publications, stored, superseded = self.marks
        del self.uow.jobs.jobs[jobs:]
        del self.uow.publications[publications:]
        del self.uow.superseded[superseded:]
        undone = self.uow.stored[stored:]
        del self.uow.stored[stored:]
        await self.uow._remove(undone)


@dataclass
class TenantContext:
    """What a service needs to act: the session, who acts, for which tenant, and a job buffer."""

    uow: UnitOfWork
    principal: Principal | None
    tenant_id: uuid.UUID | None
    language: i18n.Language
    request_id: str | None = None
    ip: str | None = None
    redis: Any = None  # arq's Redis pool: rate limits, pub/sub (None in some jobs)
    storage: Any = None  # api.core.storage.Storage

    @property
    def session(self) -> AsyncSession:
        return self.uow.session

    @property
    def user_id(self) -> uuid.UUID | None:
        return self.principal.user_id if self.principal else None

    def enqueue(self, function: str, *args: Any, job_id: str | None = None, **kwargs: Any) -> None:
        """Queue a job to be enqueued after commit (dropped on rollback)."""
        self.uow.jobs.add(function, *args, job_id=job_id, **kwargs)

    def publish(self, channel: str, message: dict[str, Any]) -> None:
        """Queue a Redis pub/sub message to be published after commit (dropped on rollback)."""
        self.uow.publications.append(Publication(channel, message))

    async def store_file(self, key: str, data: bytes) -> None:
        """Write a file that rows of this transaction will point to (removed if it rolls back)."""
        await self.storage.put(key, data)
        self.uow.stored.append(key)

    def remove_file_after_commit(self, key: str) -> None:
        """A file no row points to any more once this transaction commits (kept if it rolls back)."""
        self.uow.superseded.append(key)

    def require(self, permission: str) -> None:
        if self.principal is None or not self.principal.has(permission):
            raise Forbidden(params={"permission": permission})

    def can(self, permission: str) -> bool:
        return self.principal is not None and self.principal.has(permission)


async def unit_of_work(request: Request) -> AsyncIterator[UnitOfWork]:
    """One session per request: commit after the handler, then enqueue its jobs."""
    state = request.app.state
    async with state.db.sessionmaker() as session:
        bind_actor(session, None, Actor.system())
        uow = UnitOfWork(session=session, storage=getattr(state, "storage", None))
        try:
            yield uow
        except AppError as exc:
            if not exc.keep_changes:
                await session.rollback()
                await uow.rolled_back()
                raise
            # The refusal is also a fact worth keeping (e.g. a failed attempt's audit event).
            await session.commit()
            await uow.after_commit(getattr(state, "arq", None), state.settings.queue_name)
            raise
        except BaseException:
            await session.rollback()
            await uow.rolled_back()
            raise
        await session.commit()
    await uow.after_commit(getattr(state, "arq", None), state.settings.queue_name)


UnitOfWorkDep = Annotated[UnitOfWork, Depends(unit_of_work, scope="function")]

bearer_scheme = HTTPBearer(auto_error=False, description="An access token or an integration token")


async def current_principal(
    request: Request,
    uow: UnitOfWorkDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise Unauthenticated()
    authenticator: Authenticator = request.app.state.authenticator
    principal = await authenticator(uow.session, credentials.credentials)
    if principal is None:
        raise Unauthenticated("invalid_credential")
    structlog.contextvars.bind_contextvars(tenant_id=str(principal.tenant_id), user_id=str(principal.user_id))
    return principal


def _context(request: Request, uow: UnitOfWork, principal: Principal | None) -> TenantContext:
    tenant_id = principal.tenant_id if principal else None
    bind_actor(uow.session, tenant_id, principal.actor if principal else Actor.system())
    state = request.app.state
    return TenantContext(
        uow=uow,
        principal=principal,
        tenant_id=tenant_id,
        language=i18n.current_language.get(),
        request_id=current_request_id.get(),
        ip=current_client_ip.get(),
        redis=getattr(state, "arq", None),
        storage=getattr(state, "storage", None),
    )


class Authorize:
    """Dependency: an authenticated principal holding every permission named.

    ``Authorize()`` with no permission admits any authenticated user (e.g. ``/me``). A
    restricted principal (MFA enrolment pending) is refused unless ``allow_restricted``.
    """

    def __init__(self, *permissions: str, allow_restricted: bool = False) -> None:
        self.permissions = permissions
        self.allow_restricted = allow_restricted

    def __repr__(self) -> str:
        return f"Authorize{self.permissions!r}" + (" (restricted sessions too)" if self.allow_restricted else "")

    async def __call__(
        self, request: Request, uow: UnitOfWorkDep, principal: Annotated[Principal, Depends(current_principal)]
    ) -> TenantContext:
        if principal.restricted and not self.allow_restricted:
            raise Forbidden("mfa_enrolment_required")
        for permission in self.permissions:
            if not principal.has(permission):
                structlog.get_logger("ficha.security").info(
                    "authorization_denied", permission=permission
                )
                raise Forbidden(params={"permission": permission})
        return _context(request, uow, principal)


@asynccontextmanager
async def task_context(db: Database, tenant_id: uuid.UUID, *, redis: Any = None, actor: Actor | None = None,
                       language: i18n.Language = "es", principal: Principal | None = None,
                       storage: Any = None) -> AsyncIterator[TenantContext]:
    """A unit of work for background tasks, like a request's: one transaction for the tenant,
    committed on success; then its queued jobs go to the ``redis`` pool's default queue (the
    worker's own) and its publications are published. With a ``principal`` (the user who started
    the job, see ``identity.authentication.principal_of_user``) services apply the same rules
    as in that user's requests."""
    async with db.sessionmaker() as session:
        bind_actor(session, tenant_id, principal.actor if principal else actor or Actor.system())
        uow = UnitOfWork(session=session, storage=storage)
        try:
            yield TenantContext(uow=uow, principal=principal, tenant_id=tenant_id, language=language, redis=redis,
                                storage=storage)
        except BaseException:
            await session.rollback()
            await uow.rolled_back()
            raise
        await session.commit()
    await uow.after_commit(redis, None)


async def public_context(request: Request, uow: UnitOfWorkDep) -> TenantContext:
    """Dependency for routes that need no credential; the meta-test knows this name."""
    return _context(request, uow, None)


Public = Annotated[TenantContext, Depends(public_context)]
Authenticated = Annotated[TenantContext, Depends(Authorize())]
