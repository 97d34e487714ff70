"""The tenant-scoped repository every domain's repository extends.

It filters by ``tenant_id`` explicitly (on top of the session-wide criteria in
:mod:`api.core.tenancy`), turns a missing or foreign id into a 404 ``entity_not_found``, and
runs keyset pages. Domain repositories add their own query builders on top of :meth:`select`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.core.context import TenantContext
from api.core.errors import NotFound
from api.core.models import Base, TenantMixin
from api.core.pagination import PageParams, Sort, page_of, paginate

M = TypeVar("M", bound=Base)


class TenantRepository(Generic[M]):
    model: type[M]
    entity: str  # the name used in errors and audit events

    def __init__(self, ctx: TenantContext | AsyncSession, tenant_id: uuid.UUID | None = None) -> None:
        """``Repo(ctx)`` in services; ``Repo(session, tenant_id)`` in jobs and authentication."""
        if isinstance(ctx, TenantContext):
            session, tenant_id = ctx.session, ctx.tenant_id
        else:
            session = ctx
        if tenant_id is None:
            raise RuntimeError("a tenant repository needs a tenant")
        self.session: AsyncSession = session
        self.tenant_id: uuid.UUID = tenant_id

    def select(self, *columns: Any) -> Select:
        stmt = select(*columns) if columns else select(self.model)
        model: Any = self.model
        assert issubclass(self.model, TenantMixin)
        return stmt.where(model.tenant_id == self.tenant_id)

    async def find(self, id: uuid.UUID, *, for_update: bool = False) -> M | None:
        model: Any = self.model
        stmt = self.select().where(model.id == id)
        if for_update:
            stmt = stmt.with_for_update()
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def get(self, id: uuid.UUID, *, for_update: bool = False) -> M:
        found = await self.find(id, for_update=for_update)
        if found is None:
            raise NotFound(self.entity)
        return found

    async def get_many(self, ids: Sequence[uuid.UUID]) -> list[M]:
        """All of ``ids`` or a 404 naming the entity (no partial results)."""
        unique = set(ids)
        if not unique:
            return []
        model: Any = self.model
        rows = list((await self.session.execute(self.select().where(model.id.in_(unique)))).scalars())
        if len(rows) != len(unique):
            raise NotFound(self.entity)
        return rows

    async def exists(self, **criteria: Any) -> bool:
        model: Any = self.model
        stmt = self.select(func.count()).select_from(self.model)
        for column, value in criteria.items():
            stmt = stmt.where(getattr(model, column) == value)
        return bool((await self.session.execute(stmt)).scalar_one())

    async def count(self, stmt: Select) -> int:
        """How many rows ``stmt`` matches (for jobs' progress; lists never count)."""
        return (await self.session.execute(select(func.count()).select_from(stmt.subquery()))).scalar_one()

    async def add(self, obj: M) -> M:
        self.session.add(obj)
        await self.session.flush()
        return obj

    async def delete(self, obj: M) -> None:
        await self.session.delete(obj)
        await self.session.flush()

    async def page(self, stmt: Select, sort: Sort, params: PageParams) -> tuple[list[Any], str | None]:
        """One keyset page of ``stmt``: its items and the cursor of the next page."""
        rows = (await self.session.execute(paginate(stmt, sort, params))).all()
        return page_of(rows, sort, params, width=len(stmt.column_descriptions))
