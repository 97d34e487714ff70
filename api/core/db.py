"""The async engine and session factory; one ``AsyncSession`` per request or job.

A session carries who is acting in ``session.info`` (see :func:`bind_actor`): the tenant that
scopes every statement (:mod:`api.core.tenancy`) and the actor the audit log records
(:mod:`api.core.audit`).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import NullPool


def async_url(url: str) -> str:
    """Accept ``postgresql://`` / ``postgres://`` URLs and use the asyncpg driver."""
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+asyncpg://" + url[len(prefix) :]
    return url


# Per-connection PostgreSQL settings, measured on the contacts list at a million rows
# (docs/performance.md): after five runs of a prepared statement PostgreSQL may switch to a
# generic plan, which for filtered lists was 6x slower (80 ms instead of 14); and JIT compiling
# a large-estimate aggregate cost more than a second to save a few milliseconds.
SERVER_SETTINGS = {"application_name": "ficha", "plan_cache_mode": "force_custom_plan", "jit": "off"}


def make_engine(url: str, *, pool_size: int = 10, max_overflow: int = 10, echo: bool = False,
                null_pool: bool = False) -> AsyncEngine:
    kwargs: dict = {"echo": echo, "connect_args": {"server_settings": dict(SERVER_SETTINGS)}}
    if null_pool:
        kwargs["poolclass"] = NullPool
    else:
        kwargs.update(pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True)
    return create_async_engine(async_url(url), **kwargs)


def make_sessionmaker(bind) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(bind=bind, expire_on_commit=False, autoflush=True)


@dataclass(frozen=True)
class Actor:
    """Who a change is attributed to: a user, a user's integration token, or the system."""

    type: str  # "user" | "token" | "system"
    user_id: uuid.UUID | None = None
    token_id: uuid.UUID | None = None

    @classmethod
    def system(cls) -> Actor:
        return cls(type="system")


def bind_actor(session: AsyncSession, tenant_id: uuid.UUID | None, actor: Actor) -> None:
    session.info["tenant_id"] = tenant_id
    session.info["actor"] = actor


@dataclass
class Database:
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]

    @classmethod
    def from_url(cls, url: str, **kwargs) -> Database:
        engine = make_engine(url, **kwargs)
        return cls(engine=engine, sessionmaker=make_sessionmaker(engine))

    @asynccontextmanager
    async def session(self, tenant_id: uuid.UUID | None = None,
                      actor: Actor | None = None) -> AsyncIterator[AsyncSession]:
        """A session for background work: commits on success, rolls back on error."""
        async with self.sessionmaker() as session:
            bind_actor(session, tenant_id, actor or Actor.system())
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def dispose(self) -> None:
        await self.engine.dispose()


def violated_constraint(exc: Exception) -> str | None:
    """The name of the constraint an IntegrityError reports (asyncpg exposes it)."""
    orig = getattr(exc, "orig", None)
    cause = getattr(orig, "__cause__", None) or orig
    return getattr(cause, "constraint_name", None)


async def flush_checked(session: AsyncSession, errors: dict[str, Exception]) -> None:
    """Flush inside a savepoint and turn a known constraint violation into its domain error.

    Services check for conflicts before writing; this catches the race between the check and
    the write, and leaves the transaction usable.
    """
    from sqlalchemy.exc import IntegrityError

    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError as exc:
        name = violated_constraint(exc)
        if name in errors:
            raise errors[name] from exc
        raise
