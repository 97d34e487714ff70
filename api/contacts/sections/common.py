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
from api.core.errors import ValidationFailed, field_error
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


def refuse_nulls(changes: dict[str, Any], required: Iterable[str]) -> None:
    missing = [name for name in required if name in changes and changes[name] is None]
    if missing:
        raise ValidationFailed([field_error(("body", name), "missing", "Este campo es obligatorio",
                                            "This field is required", "Este campo é obrigatório") for name in missing])


async def change_child(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID, child_id: uuid.UUID,
                       changes: dict[str, Any], required: Iterable[str]) -> Any:
    child = await child_of_live_contact(ctx, repo, contact_id, child_id)
    refuse_nulls(changes, required)
    for name, value in changes.items():
        setattr(child, name, value)
    await ctx.session.flush()
    return child


async def remove_child(ctx: TenantContext, repo: ChildRepository, contact_id: uuid.UUID,
                       child_id: uuid.UUID) -> None:
    await repo.delete(await child_of_live_contact(ctx, repo, contact_id, child_id))
