"""What every section does the same way: list a contact's children, add one to a live contact,
change or remove one that hangs from it (another contact's child is a 404)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from api.contacts.sections import errors as _errors  # noqa: F401 - registers messages
from api.contacts.sections.repository import ChildRepository
from api.contacts.service import get_contact, live_contact
from api.core.context import TenantContext
from api.core.crud import apply_changes, refuse_nulls
from api.core.pagination import PageParams


async def list_children(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID, page: PageParams,
                        *where: Any) -> tuple[list[Any], str | None]:
    contact = await get_contact(ctx, contact_id)
    return await repo.page(repo.of_contact(contact.id).where(*where), repo.sort, page)


async def add_child(ctx: TenantContext, model: type, contact_id: uuid.UUID, **values: Any) -> Any:
    contact = await live_contact(ctx, contact_id)
    child = model(tenant_id=ctx.tenant_id, contact_id=contact.id, **values)
    ctx.session.add(child)
    await ctx.session.flush()
    return child


async def child_of_live_contact(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID,
                                child_id: uuid.UUID) -> Any:
    contact = await live_contact(ctx, contact_id)
    return await repo.get_of(contact.id, child_id, for_update=True)


async def change_child(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID, child_id: uuid.UUID,
                       changes: dict[str, Any], required: Iterable[str]) -> Any:
    child = await child_of_live_contact(ctx, repo, contact_id, child_id)
    refuse_nulls(changes, required)
    apply_changes(child, changes)
    await ctx.session.flush()
    return child


async def remove_child(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID,
                       child_id: uuid.UUID) -> None:
    await repo.delete(await child_of_live_contact(ctx, repo, contact_id, child_id))
