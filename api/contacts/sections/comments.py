"""Comments on a contact (B7): general or about an appointment, with a priority, optionally
private, pinned first, with attachments."""

from __future__ import annotations

import uuid

from fastapi import UploadFile

from api.contacts.sections.common import add_child, child_of_live_contact, list_children
from api.contacts.sections.files import attachments, delete_with_attachments, file_read, store
from api.contacts.sections.models import ContactComment
from api.contacts.sections.privacy import may_see, require_author, visible_comments
from api.contacts.sections.repository import CommentRepository
from api.contacts.sections.schemas import CommentCreate, CommentRead, CommentUpdate, FileRead
from api.core.context import TenantContext
from api.core.crud import apply_changes, refuse_nulls
from api.core.errors import NotFound
from api.core.pagination import PageParams
from api.core.schemas import Page


def _read(comment: ContactComment, files: list[FileRead]) -> CommentRead:
    return CommentRead(id=comment.id, contact_id=comment.contact_id, author_id=comment.author_id, body=comment.body,
                       priority=comment.priority, private=comment.private, pinned=comment.pinned,  # type: ignore[arg-type]
                       appointment_id=comment.appointment_id, attachments=files, created_at=comment.created_at,
                       updated_at=comment.updated_at)


async def list_comments(ctx: TenantContext, contact_id: uuid.UUID, page: PageParams) -> Page[CommentRead]:
    items, cursor = await list_children(ctx, CommentRepository(ctx), contact_id, page, visible_comments(ctx))
    files = await attachments(ctx, comment_ids=[c.id for c in items])
    return Page(items=[_read(c, files.get(c.id, [])) for c in items], next_cursor=cursor)


async def create_comment(ctx: TenantContext, contact_id: uuid.UUID, body: CommentCreate) -> CommentRead:
    comment = await add_child(ctx, ContactComment, contact_id, author_id=ctx.user_id, **body.model_dump())
    return _read(comment, [])


async def _visible(ctx: TenantContext, contact_id: uuid.UUID, comment_id: uuid.UUID) -> ContactComment:
    comment = await child_of_live_contact(ctx, CommentRepository(ctx), contact_id, comment_id)
    if not may_see(ctx, comment):
        raise NotFound("contact_comment")
    return comment


async def update_comment(ctx: TenantContext, contact_id: uuid.UUID, comment_id: uuid.UUID,
                         body: CommentUpdate) -> CommentRead:
    comment = await _visible(ctx, contact_id, comment_id)
    changes = body.model_dump(exclude_unset=True)
    refuse_nulls(changes, ("body", "priority", "private", "pinned"))
    if changes.keys() - {"pinned"}:
        require_author(ctx, comment)
    apply_changes(comment, changes)
    await ctx.session.flush()
    return _read(comment, (await attachments(ctx, comment_ids=[comment.id])).get(comment.id, []))


async def delete_comment(ctx: TenantContext, contact_id: uuid.UUID, comment_id: uuid.UUID) -> None:
    comment = await _visible(ctx, contact_id, comment_id)
    require_author(ctx, comment, or_moderator=True)
    await delete_with_attachments(ctx, CommentRepository(ctx), comment, comment_ids=[comment.id])


async def attach_to_comment(ctx: TenantContext, contact_id: uuid.UUID, comment_id: uuid.UUID,
                            upload: UploadFile) -> FileRead:
    comment = await _visible(ctx, contact_id, comment_id)
    require_author(ctx, comment, or_moderator=True)
    return file_read(await store(ctx, comment.contact_id, upload, comment_id=comment.id))
