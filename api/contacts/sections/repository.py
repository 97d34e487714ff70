"""Queries of the sections: each is a child of one contact, listed newest first."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select

from api.contacts.sections.models import ContactAlert, ContactComment, ContactFile, ContactNote, ContactReview
from api.core.errors import NotFound
from api.core.pagination import Sort, SortKey
from api.core.repository import TenantRepository

C = TypeVar("C", ContactComment, ContactNote, ContactAlert, ContactReview, ContactFile)


def newest_first(model: Any) -> Sort:
    return Sort("-created_at", (SortKey(model.created_at, True), SortKey(model.id, True)))


class ChildRepository(TenantRepository[C], Generic[C]):
    sort: Sort

    def of_contact(self, contact_id: uuid.UUID) -> Select:
        model: Any = self.model
        return self.select().where(model.contact_id == contact_id)

    async def get_of(self, contact_id: uuid.UUID, child_id: uuid.UUID, *, for_update: bool = False) -> C:
        """The child, only if it hangs from this contact (404 otherwise)."""
        child: Any = await self.get(child_id, for_update=for_update)
        if child.contact_id != contact_id:
            raise NotFound(self.entity)
        return child


class CommentRepository(ChildRepository[ContactComment]):
    model = ContactComment
    entity = "contact_comment"
    # Pinned first, then newest.
    sort = Sort("pinned", (SortKey(ContactComment.pinned, True), SortKey(ContactComment.created_at, True),
                           SortKey(ContactComment.id, True)))


class NoteRepository(ChildRepository[ContactNote]):
    model = ContactNote
    entity = "contact_note"
    sort = newest_first(ContactNote)


class AlertRepository(ChildRepository[ContactAlert]):
    model = ContactAlert
    entity = "contact_alert"
    sort = newest_first(ContactAlert)


class ReviewRepository(ChildRepository[ContactReview]):
    model = ContactReview
    entity = "contact_review"
    sort = newest_first(ContactReview)


class FileRepository(ChildRepository[ContactFile]):
    model = ContactFile
    entity = "contact_file"
    sort = newest_first(ContactFile)

    async def attachments_of(self, *, comment_ids: Sequence[uuid.UUID] = (),
                             note_ids: Sequence[uuid.UUID] = ()) -> list[ContactFile]:
        stmt = self.select()
        stmt = (stmt.where(ContactFile.comment_id.in_(comment_ids)) if comment_ids
                else stmt.where(ContactFile.note_id.in_(note_ids)))
        return list((await self.session.execute(stmt.order_by(ContactFile.created_at, ContactFile.id))).scalars())

    async def keys_of(self, contact_ids: Sequence[uuid.UUID]) -> list[str]:
        stmt = self.select(ContactFile.storage_key).where(ContactFile.contact_id.in_(contact_ids))
        return list((await self.session.execute(stmt)).scalars())
