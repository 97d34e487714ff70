"""Small rules every domain's create/update repeats: a PATCH may not null a required field, a
name must be free in the workspace (compared without case) — and :class:`NamedRecords`, which
puts them together for records identified by a unique name."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import AppError, ValidationFailed, field_error


class NamedRepository(Protocol):
    async def by_name(self, name: str) -> Any: ...


def refuse_nulls(changes: dict[str, Any], required: Iterable[str]) -> None:
    """422 (``missing``) for each required field a partial update tries to set to ``null``."""
    missing = [name for name in required if name in changes and changes[name] is None]
    if missing:
        raise ValidationFailed([field_error(("body", name), "missing", "Este campo es obligatorio",
                                            "This field is required", "Este campo é obrigatório") for name in missing])


async def require_free_name(repo: NamedRepository, name: str, taken: Callable[[str], AppError],
                            current_id: uuid.UUID | None = None) -> None:
    """Raise ``taken(name)`` when another record of the workspace already has this name."""
    other = await repo.by_name(name)
    if other is not None and other.id != current_id:
        raise taken(name)


def apply_changes(record: Any, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(record, name, value)


@dataclass(frozen=True)
class NamedRecords:
    """Create, change and delete a workspace's records that carry a unique name (contact groups,
    companies, projects, services …): a duplicate name is ``taken(name)`` (checked first, and
    caught on the unique index when two writes race), and a PATCH may not null ``required``."""

    repository: type  # a TenantRepository with ``by_name``
    unique_index: str
    taken: Callable[[str], AppError]
    required: tuple[str, ...] = ("name",)

    async def create(self, ctx: TenantContext, values: dict[str, Any]) -> Any:
        repo = self.repository(ctx)
        await require_free_name(repo, values["name"], self.taken)
        record = repo.model(tenant_id=ctx.tenant_id, **values)
        ctx.session.add(record)
        await flush_checked(ctx.session, {self.unique_index: self.taken(values["name"])})
        return record

    async def update(self, ctx: TenantContext, record_id: uuid.UUID, changes: dict[str, Any]) -> Any:
        repo = self.repository(ctx)
        record = await repo.get(record_id, for_update=True)
        refuse_nulls(changes, self.required)
        if "name" in changes:
            await require_free_name(repo, changes["name"], self.taken, record.id)
        apply_changes(record, changes)
        await flush_checked(ctx.session, {self.unique_index: self.taken(record.name)})
        return record

    async def delete(self, ctx: TenantContext, record_id: uuid.UUID) -> None:
        repo = self.repository(ctx)
        await repo.delete(await repo.get(record_id, for_update=True))
