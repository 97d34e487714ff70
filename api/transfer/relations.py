"""Relation columns of spreadsheets: the names of the records a row is linked to.

A :class:`SheetRelation` describes a link table (``contact_group_member``, ``project_user`` …)
between the row's record (``owner_column``: ``contact_id``, ``user_id``) and a named record of
the workspace (``target``, with a ``name`` unique per workspace, case ignored). The domain that
owns the link registers it with the adapter that lists it (contacts: ``api.contacts.relations``;
staff users: ``api.identity.transfer``), so adapters never import the packages that depend on
them. The helpers below read a whole batch in one query each.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from api.core.context import TenantContext
from api.transfer.columns import Column, column


@dataclass(frozen=True)
class SheetRelation:
    key: str  # the column key, e.g. "companies"
    link: type  # the link model, e.g. CompanyMember
    target_column: str  # its column naming the record, e.g. "company_id"
    target: type  # the named model, e.g. Company
    label: tuple[str, str, str]  # es, en, pt
    position: int  # where the column goes among the relation columns
    owner_column: str = "contact_id"  # the link's column naming the row's record
    # Called with the records whose links changed (e.g. to refresh contacts' company names).
    after_change: Callable[[TenantContext, Sequence[uuid.UUID]], Awaitable[None]] | None = None
    # Low-volume adapters link through the owning domain's rules: (ctx, target id, record ids).
    attach: Callable[[TenantContext, uuid.UUID, list[uuid.UUID]], Awaitable[object]] | None = None
    detach: Callable[[TenantContext, uuid.UUID, list[uuid.UUID]], Awaitable[object]] | None = None

    def sheet_column(self) -> Column:
        es, en, pt = self.label
        return column(self.key, "list", self.label,
                      (f"{es}: sus nombres, separados por comas; sustituye a los actuales (vacío: ninguno)",
                       f"{en}: their names, comma-separated; replaces the current ones (empty: none)",
                       f"{pt}: os nomes, separados por vírgulas; substitui os atuais (vazio: nenhum)"),
                      relation=True)


class SheetRelations:
    """The relation columns of one entity's files, registered at import time by the packages
    that own the links; ``through_services``: the adapter links through the owning package's
    rules, so each relation must say how to ``attach``/``detach``."""

    def __init__(self, *, through_services: bool = False) -> None:
        self._by_key: dict[str, SheetRelation] = {}
        self._through_services = through_services

    def register(self, relation: SheetRelation) -> None:
        if self._through_services:
            assert relation.attach is not None and relation.detach is not None, relation.key
        self._by_key[relation.key] = relation

    def ordered(self) -> list[SheetRelation]:
        return sorted(self._by_key.values(), key=lambda r: r.position)


async def linked_names(ctx: TenantContext, relation: SheetRelation,
                       owner_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The names each record is linked to, sorted (exports)."""
    link: Any = relation.link
    target: Any = relation.target
    owner = getattr(link, relation.owner_column)
    stmt = (select(owner, target.name)
            .join(target, getattr(link, relation.target_column) == target.id)
            .where(link.tenant_id == ctx.tenant_id, owner.in_(owner_ids))
            .order_by(func.lower(target.name)))
    names: dict[uuid.UUID, list[str]] = {}
    for owner_id, name in (await ctx.session.execute(stmt)).all():
        names.setdefault(owner_id, []).append(name)
    return names


async def ids_by_name(ctx: TenantContext, relation: SheetRelation, names: set[str]) -> dict[str, uuid.UUID]:
    """``{lower(name): id}`` of the workspace's targets having these names (imports)."""
    if not names:
        return {}
    target: Any = relation.target
    lowered = {name.lower() for name in names}
    stmt = select(target.id, func.lower(target.name)).where(target.tenant_id == ctx.tenant_id,
                                                            func.lower(target.name).in_(lowered))
    return {name: target_id for target_id, name in (await ctx.session.execute(stmt)).all()}


async def current_links(ctx: TenantContext, relation: SheetRelation,
                        owner_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, set[uuid.UUID]]:
    """``{record id: {target ids}}`` as the link table holds them now (imports)."""
    if not owner_ids:
        return {}
    link: Any = relation.link
    owner = getattr(link, relation.owner_column)
    stmt = select(owner, getattr(link, relation.target_column)).where(link.tenant_id == ctx.tenant_id,
                                                                      owner.in_(owner_ids))
    current: dict[uuid.UUID, set[uuid.UUID]] = {}
    for owner_id, target_id in (await ctx.session.execute(stmt)).all():
        current.setdefault(owner_id, set()).add(target_id)
    return current


def names_not_found(wanted: Sequence[str], known: dict[str, uuid.UUID]) -> dict[str, str] | None:
    """The cell's reason (es, en, pt) when some of its names match nothing, else None."""
    unknown = [name for name in wanted if name.lower() not in known]
    if not unknown:
        return None
    listed = ", ".join(unknown)
    return {"es": f"No existe: {listed}", "en": f"Not found: {listed}", "pt": f"Não existe: {listed}"}
