"""Contact queries. Every statement starts from ``self.select()`` (tenant-scoped)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import Select, func, select

from api.contacts.models import Contact, ContactGroup, ContactGroupMember
from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository
from api.core.search import folded_contains


def _sorts(name: str, *columns) -> dict[str, Sort]:
    ascending = Sort(name, tuple(SortKey(c) for c in (*columns, Contact.id)))
    descending = Sort(f"-{name}", tuple(SortKey(c, True) for c in (*columns, Contact.id)))
    return {ascending.name: ascending, descending.name: descending}


SORTS: dict[str, Sort] = {
    **_sorts("name", Contact.sort_name),
    **_sorts("created_at", Contact.created_at),
    **_sorts("updated_at", Contact.updated_at),
}


class ContactRepository(TenantRepository[Contact]):
    model = Contact
    entity = "contact"

    async def live_by_email(self, email: str) -> uuid.UUID | None:
        stmt = self.select(Contact.id).where(Contact.email == email, Contact.deleted_at.is_(None))
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def ids_with_phone(self, phone: str, *, excluding: uuid.UUID | None = None) -> list[uuid.UUID]:
        stmt = self.select(Contact.id).where(Contact.phone == phone, Contact.deleted_at.is_(None))
        if excluding is not None:
            stmt = stmt.where(Contact.id != excluding)
        return list((await self.session.execute(stmt.order_by(Contact.id).limit(20))).scalars())

    async def existing_ids(self, ids: Sequence[uuid.UUID], *, trashed: bool | None = False) -> set[uuid.UUID]:
        stmt = self.select(Contact.id).where(Contact.id.in_(set(ids)))
        if trashed is not None:
            stmt = stmt.where(Contact.deleted_at.is_not(None) if trashed else Contact.deleted_at.is_(None))
        return set((await self.session.execute(stmt)).scalars())

    async def group_ids_of(self, contact_id: uuid.UUID) -> list[uuid.UUID]:
        stmt = (select(ContactGroupMember.group_id)
                .where(ContactGroupMember.tenant_id == self.tenant_id, ContactGroupMember.contact_id == contact_id)
                .order_by(ContactGroupMember.added_at, ContactGroupMember.group_id))
        return list((await self.session.execute(stmt)).scalars())


GROUP_SORT = Sort("name", (SortKey(func.lower(ContactGroup.name)), SortKey(ContactGroup.id)))


class ContactGroupRepository(TenantRepository[ContactGroup]):
    model = ContactGroup
    entity = "contact_group"

    def filtered(self, q: str | None) -> Select:
        stmt = self.select()
        return stmt.where(folded_contains(ContactGroup.name, q)) if q else stmt

    async def by_name(self, name: str) -> ContactGroup | None:
        stmt = self.select().where(func.lower(ContactGroup.name) == name.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()
