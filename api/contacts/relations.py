"""How packages that relate contacts to their own records plug into the contacts list.

Companies and projects depend on contacts (they link contacts), so contacts cannot import them.
Instead they register, at import time:

* a **filter**: ``company_id=<id>`` on the list → the ids of that company's contacts (the
  provider answers 404 for an id of another workspace);
* a **bulk action**: ``associate_project`` → link a batch of contact ids to the project named in
  the request, with the permission the action needs;
* a **spreadsheet column** (:class:`api.transfer.relations.SheetRelation`): ``companies`` → the
  names of a contact's companies in contact imports and exports (:mod:`api.contacts.transfer`).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Select

from api.core.context import TenantContext
from api.transfer.relations import SheetRelations

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


FILTERS: dict[str, FilterProvider] = {}
BULK_LINKS: dict[str, BulkLink] = {}
SHEET_RELATIONS = SheetRelations()


def register_filter(name: str, provider: FilterProvider) -> None:
    FILTERS[name] = provider


def register_bulk_link(action: str, link: BulkLink) -> None:
    BULK_LINKS[action] = link

register_sheet_relation = SHEET_RELATIONS.register
