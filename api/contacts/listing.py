"""The contacts list (B8): search, filters, keyset pages and metrics, built for a million rows
per workspace.

* Search: :mod:`api.contacts.search` (words expanded through a pg_trgm dictionary, then a GIN
  lookup of the contacts' folded words).
* Rows select exactly the columns a row shows, are never counted, and are serialised straight
  to JSON (no ORM objects, no pydantic on this path): see docs/performance.md for why.
* Metrics: :mod:`api.contacts.metrics`.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.sql.elements import ColumnElement

from api.contacts import relations
from api.contacts.models import Contact, ContactGroupMember
from api.contacts.repository import SORTS, ContactGroupRepository, ContactRepository
from api.contacts.schemas import ContactCriteria, ContactFilters
from api.contacts.search import search_condition
from api.contacts.service import average, money
from api.core.context import TenantContext
from api.core.errors import FieldError, ValidationFailed
from api.customfields import service as custom_fields

ROW_COLUMNS = (
    Contact.id, Contact.kind, Contact.status, Contact.first_name, Contact.last_name, Contact.email,
    Contact.phone, Contact.city, Contact.owner_id, Contact.review_count, Contact.rating_sum,
    Contact.sales_totals, Contact.created_at, Contact.updated_at, Contact.deleted_at,
)
ROW_KEYS = tuple(column.key for column in ROW_COLUMNS)


def _refuse_unknown(extras: dict[str, Any], loc_root: tuple[str, ...]) -> None:
    unknown = [name for name in extras if not name.startswith(custom_fields.FILTER_PREFIX)]
    if unknown:
        raise ValidationFailed([FieldError(loc=(*loc_root, name), type="extra_forbidden",
                                           msg="Extra inputs are not permitted") for name in unknown])


async def conditions(ctx: TenantContext, criteria: ContactCriteria,
                     loc_root: tuple[str, ...] = ("query",)) -> list[ColumnElement[bool]]:
    """The WHERE clauses selecting the contacts ``criteria`` describe (list, metrics, bulk)."""
    extras = dict(criteria.model_extra or {})
    _refuse_unknown(extras, loc_root)
    where: list[ColumnElement[bool]] = [
        Contact.deleted_at.is_not(None) if criteria.trashed else Contact.deleted_at.is_(None)]
    document = await custom_fields.containment_filter(ctx, "contact", extras, loc_root)
    if document:
        where.append(Contact.custom_fields.contains(document))
    if criteria.q and (searched := await search_condition(ctx, criteria.q)) is not None:
        where.append(searched)
    for name in ("kind", "status", "owner_id"):
        if (value := getattr(criteria, name)) is not None:
            where.append(getattr(Contact, name) == value)
    if criteria.city:
        where.append(func.lower(Contact.city) == criteria.city.lower())
    if criteria.created_from:
        where.append(Contact.created_at >= criteria.created_from)
    if criteria.created_to:
        where.append(Contact.created_at < criteria.created_to)
    if criteria.group_id:
        group = await ContactGroupRepository(ctx).get(criteria.group_id)
        where.append(Contact.id.in_(select(ContactGroupMember.contact_id).where(
            ContactGroupMember.tenant_id == ctx.tenant_id, ContactGroupMember.group_id == group.id)))
    for name, provider in relations.FILTERS.items():
        if (value := getattr(criteria, name, None)) is not None:
            where.append(Contact.id.in_(await provider(ctx, value)))
    return where


def _row(values: tuple[Any, ...]) -> dict[str, Any]:
    row = dict(zip(ROW_KEYS, values, strict=True))
    row["average_rating"] = average(row.pop("rating_sum"), row["review_count"])
    row["sales"] = money(row.pop("sales_totals"))
    return row


async def list_contacts(ctx: TenantContext, filters: ContactFilters) -> bytes:
    """One page of the list as JSON bytes (the shape of ``Page[ContactListItem]``)."""
    repo = ContactRepository(ctx)
    stmt = repo.select(*ROW_COLUMNS).where(*await conditions(ctx, filters))
    rows, cursor = await repo.page(stmt, SORTS[filters.sort], filters.page)
    return orjson.dumps({"items": [_row(r) for r in rows], "next_cursor": cursor}, option=orjson.OPT_UTC_Z, default=str)
