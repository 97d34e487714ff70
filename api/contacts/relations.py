"""How packages that relate contacts to their own records plug into the contacts list.

Companies and projects depend on contacts (they link contacts), so contacts cannot import them.
Instead they register, at import time:

* a **filter**: ``company_id=<id>`` on the list → the ids of that company's contacts (the
  provider answers 404 for an id of another workspace);
* a **bulk action**: ``associate_project`` → link a batch of contact ids to the project named in
  the request, with the permission the action needs;
* a **spreadsheet column** (:class:`SheetRelation`): ``companies`` → the names of a contact's
  companies in contact imports and exports (:mod:`api.contacts.transfer`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select

from api.core.context import TenantContext

# (ctx, related id) → a SELECT of contact ids
FilterProvider = Callable[[TenantContext, uuid.UUID], Awaitable[Select]]
# (ctx, target id, contact ids) → the ids actually changed
LinkAction = Callable[[TenantContext, uuid.UUID, Sequence[uuid.UUID]], Awaitable[list[uuid.UUID]]]


@dataclass(frozen=True)
class BulkLink:
    permission: str
    target: str  # the body field naming the target, e.g. "project_id"
    check_target: Callable[[TenantContext, uuid.UUID], Awaitable[object]]  # 404 for a foreign id
    apply: LinkAction


@dataclass(frozen=True)
class SheetRelation:
    """A relation column of contact spreadsheets: the names of the records a contact is linked
    to, through a link table (a :class:`~api.contacts.models.ContactLink`) whose target has a
    ``name`` unique per workspace (case ignored)."""

    key: str  # the column key, e.g. "companies"
    link: type  # the link model, e.g. CompanyMember
    target_column: str  # its column naming the record, e.g. "company_id"
    target: type  # the named model, e.g. Company
    label: tuple[str, str, str]  # es, en, pt
    position: int  # where the column goes among the relation columns
    # Called with the contacts whose links changed, e.g. to refresh their company names.
    after_change: Callable[[TenantContext, Sequence[uuid.UUID]], Awaitable[None]] | None = None


FILTERS: dict[str, FilterProvider] = {}
BULK_LINKS: dict[str, BulkLink] = {}
SHEET_RELATIONS: dict[str, SheetRelation] = {}


def register_filter(name: str, provider: FilterProvider) -> None:
    FILTERS[name] = provider


def register_bulk_link(action: str, link: BulkLink) -> None:
    BULK_LINKS[action] = link


def register_sheet_relation(relation: SheetRelation) -> None:
    SHEET_RELATIONS[relation.key] = relation
