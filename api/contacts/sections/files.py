"""Files and images of a contact, and the attachments of its comments and notes (B7).

Uploads are checked by content (``api.core.uploads``: sniffed type, size limit, images opened
with Pillow), stored under a server-made key ``tenants/<id>/contact-files/<uuid7>.<ext>`` and
served as attachments with a sanitised name and ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from fastapi import UploadFile

from api.contacts.sections.models import ContactFile
from api.contacts.sections.privacy import may_see, require_author
from api.contacts.sections.repository import CommentRepository, FileRepository
from api.contacts.sections.schemas import FileFilters, FileRead
from api.contacts.service import delete_stored_files, get_contact, live_contact
from api.core.context import TenantContext
from api.core.errors import NotFound
from api.core.schemas import Page
from api.core.storage import key_belongs_to, new_key
from api.core.uploads import DOCUMENT_TYPES, IMAGE_TYPES, read_upload

FILE_MAX_BYTES = 10 * 1024 * 1024


def file_read(file: ContactFile) -> FileRead:
    return FileRead(id=file.id, contact_id=file.contact_id, comment_id=file.comment_id, note_id=file.note_id,
                    filename=file.filename, content_type=file.content_type, size=file.size,
                    is_image=file.content_type in IMAGE_TYPES, uploaded_by=file.uploaded_by,
                    created_at=file.created_at)


async def file_keys_of(ctx: TenantContext, contact_ids: Sequence[uuid.UUID]) -> list[str]:
    return await FileRepository(ctx).keys_of(contact_ids)


async def list_files(ctx: TenantContext, contact_id: uuid.UUID, filters: FileFilters) -> Page[FileRead]:
    contact = await get_contact(ctx, contact_id)
    repo = FileRepository(ctx)
    stmt = repo.of_contact(contact.id).where(ContactFile.comment_id.is_(None), ContactFile.note_id.is_(None))
    if filters.kind == "image":
        stmt = stmt.where(ContactFile.content_type.in_(IMAGE_TYPES))
    elif filters.kind == "file":
        stmt = stmt.where(ContactFile.content_type.not_in(IMAGE_TYPES))
    items, cursor = await repo.page(stmt, repo.sort, filters.page)
    return Page(items=[file_read(f) for f in items], next_cursor=cursor)


async def store(ctx: TenantContext, contact_id: uuid.UUID, upload: UploadFile, *,
                comment_id: uuid.UUID | None = None, note_id: uuid.UUID | None = None) -> ContactFile:
    sniffed = await read_upload(upload, max_bytes=FILE_MAX_BYTES, allowed=DOCUMENT_TYPES)
    key = new_key(ctx.tenant_id, "contact-files", sniffed.extension)
    await ctx.store_file(key, sniffed.data)
    file = ContactFile(tenant_id=ctx.tenant_id, contact_id=contact_id, comment_id=comment_id, note_id=note_id,
                       filename=sniffed.filename, content_type=sniffed.content_type, size=sniffed.size,
                       storage_key=key, uploaded_by=ctx.user_id)
    ctx.session.add(file)
    await ctx.session.flush()
    return file


async def upload_file(ctx: TenantContext, contact_id: uuid.UUID, upload: UploadFile) -> FileRead:
    contact = await live_contact(ctx, contact_id)
    return file_read(await store(ctx, contact.id, upload))


async def _file(ctx: TenantContext, contact_id: uuid.UUID, file_id: uuid.UUID) -> ContactFile:
    """A file of the contact the caller may see (a private comment's attachment is hidden too)."""
    file = await FileRepository(ctx).get_of(contact_id, file_id)
    if file.comment_id is not None:
        comment = await CommentRepository(ctx).get(file.comment_id)
        if not may_see(ctx, comment):
            raise NotFound("contact_file")
    return file


async def file_for_download(ctx: TenantContext, contact_id: uuid.UUID, file_id: uuid.UUID) -> ContactFile:
    contact = await get_contact(ctx, contact_id)
    file = await _file(ctx, contact.id, file_id)
    if not key_belongs_to(file.storage_key, ctx.tenant_id) or not await ctx.storage.exists(file.storage_key):
        raise NotFound("contact_file")  # the row outlived its bytes (e.g. storage restored from an older copy)
    return file


async def delete_file(ctx: TenantContext, contact_id: uuid.UUID, file_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id)
    file = await _file(ctx, contact.id, file_id)
    if file.comment_id is not None:
        require_author(ctx, await CommentRepository(ctx).get(file.comment_id), or_moderator=True)
    await FileRepository(ctx).delete(file)
    delete_stored_files(ctx, [file.storage_key])


async def attachments(ctx: TenantContext, *, comment_ids: Sequence[uuid.UUID] = (),
                      note_ids: Sequence[uuid.UUID] = ()) -> dict[uuid.UUID, list[FileRead]]:
    """The attachments of these comments (or notes), by parent id."""
    by_parent: dict[uuid.UUID, list[FileRead]] = defaultdict(list)
    if comment_ids or note_ids:
        for file in await FileRepository(ctx).attachments_of(comment_ids=comment_ids, note_ids=note_ids):
            by_parent[file.comment_id or file.note_id].append(file_read(file))  # type: ignore[index]
    return by_parent


async def delete_with_attachments(ctx: TenantContext, repo: Any, parent: Any, *,
                                  comment_ids: Sequence[uuid.UUID] = (), note_ids: Sequence[uuid.UUID] = ()) -> None:
    """Delete a comment or a note; its attachments' rows go with it and their bytes after the commit."""
    files = await FileRepository(ctx).attachments_of(comment_ids=comment_ids, note_ids=note_ids)
    await repo.delete(parent)
    delete_stored_files(ctx, [f.storage_key for f in files])
