"""Internal notes on a contact (B7): category, keywords, a date and attachments."""

from __future__ import annotations

import uuid

from fastapi import UploadFile
from sqlalchemy import any_, literal

from api.contacts.sections.common import add_child, change_child, child_of_live_contact, list_children
from api.contacts.sections.files import attachments, delete_with_attachments, file_read, store
from api.contacts.sections.models import ContactNote
from api.contacts.sections.repository import NoteRepository
from api.contacts.sections.schemas import FileRead, NoteCreate, NoteFilters, NoteRead, NoteUpdate
from api.core.context import TenantContext
from api.core.schemas import Page


def _read(note: ContactNote, files: list[FileRead]) -> NoteRead:
    return NoteRead(id=note.id, contact_id=note.contact_id, author_id=note.author_id, category=note.category,
                    keywords=list(note.keywords), body=note.body, noted_on=note.noted_on, attachments=files,
                    created_at=note.created_at, updated_at=note.updated_at)


async def list_notes(ctx: TenantContext, contact_id: uuid.UUID, filters: NoteFilters) -> Page[NoteRead]:
    where = []
    if filters.category:
        where.append(ContactNote.category == filters.category)
    if filters.keyword:
        where.append(literal(filters.keyword) == any_(ContactNote.keywords))
    items, cursor = await list_children(ctx, NoteRepository(ctx), contact_id, filters.page, *where)
    files = await attachments(ctx, note_ids=[n.id for n in items])
    return Page(items=[_read(n, files.get(n.id, [])) for n in items], next_cursor=cursor)


async def create_note(ctx: TenantContext, contact_id: uuid.UUID, body: NoteCreate) -> NoteRead:
    values = body.model_dump(exclude_none=True)
    values["keywords"] = list(dict.fromkeys(values.get("keywords", [])))
    return _read(await add_child(ctx, ContactNote, contact_id, author_id=ctx.user_id, **values), [])


async def update_note(ctx: TenantContext, contact_id: uuid.UUID, note_id: uuid.UUID, body: NoteUpdate) -> NoteRead:
    changes = body.model_dump(exclude_unset=True)
    if changes.get("keywords") is not None:
        changes["keywords"] = list(dict.fromkeys(changes["keywords"]))
    note = await change_child(ctx, NoteRepository(ctx), contact_id, note_id, changes,
                              required=("body", "keywords", "noted_on"))
    return _read(note, (await attachments(ctx, note_ids=[note.id])).get(note.id, []))


async def delete_note(ctx: TenantContext, contact_id: uuid.UUID, note_id: uuid.UUID) -> None:
    repo = NoteRepository(ctx)
    note = await child_of_live_contact(ctx, repo, contact_id, note_id)
    await delete_with_attachments(ctx, repo, note, note_ids=[note.id])


async def attach_to_note(ctx: TenantContext, contact_id: uuid.UUID, note_id: uuid.UUID,
                         upload: UploadFile) -> FileRead:
    note = await child_of_live_contact(ctx, NoteRepository(ctx), contact_id, note_id)
    return file_read(await store(ctx, note.contact_id, upload, note_id=note.id))
