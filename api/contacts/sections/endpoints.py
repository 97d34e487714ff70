"""Routes of the sections of a contact: /contacts/{contact_id}/comments|notes|alerts|reviews|files."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status
from fastapi.responses import StreamingResponse

from api.contacts.auth import ContactsRead, ContactsWrite
from api.contacts.sections import alerts, comments, files, notes, reviews
from api.contacts.sections.files import FILE_MAX_BYTES
from api.contacts.sections.schemas import (
    AlertCreate,
    AlertFilters,
    AlertRead,
    AlertUpdate,
    CommentCreate,
    CommentRead,
    CommentUpdate,
    FileFilters,
    FileRead,
    NoteCreate,
    NoteFilters,
    NoteRead,
    NoteUpdate,
    ReviewCreate,
    ReviewRead,
    ReviewUpdate,
)
from api.core.pagination import ListQuery
from api.core.schemas import Page
from api.core.uploads import content_disposition, upload_of

router = APIRouter(prefix="/contacts/{contact_id}")
Upload = upload_of(FILE_MAX_BYTES)
CREATED = status.HTTP_201_CREATED
NO_CONTENT = status.HTTP_204_NO_CONTENT

# --- Comments ----------------------------------------------------------------------------------


@router.get("/comments", response_model=Page[CommentRead], tags=["contact-comments"],
            summary="The contact's comments the caller may see, pinned first, then newest")
async def list_contact_comments(ctx: ContactsRead, contact_id: uuid.UUID,
                                query: Annotated[ListQuery, Query()]) -> Page[CommentRead]:
    return await comments.list_comments(ctx, contact_id, query.page)


@router.post("/comments", response_model=CommentRead, status_code=CREATED, tags=["contact-comments"],
             summary="Comment on a contact")
async def create_contact_comment(ctx: ContactsWrite, contact_id: uuid.UUID, body: CommentCreate) -> CommentRead:
    return await comments.create_comment(ctx, contact_id, body)


@router.patch("/comments/{comment_id}", response_model=CommentRead, tags=["contact-comments"],
              summary="Change a comment (text, priority, privacy: its author; pinning: any writer)")
async def update_contact_comment(ctx: ContactsWrite, contact_id: uuid.UUID, comment_id: uuid.UUID,
                                 body: CommentUpdate) -> CommentRead:
    return await comments.update_comment(ctx, contact_id, comment_id, body)


@router.delete("/comments/{comment_id}", status_code=NO_CONTENT, tags=["contact-comments"],
               summary="Delete a comment (its author, or a holder of contacts:private_comments)")
async def delete_contact_comment(ctx: ContactsWrite, contact_id: uuid.UUID, comment_id: uuid.UUID) -> None:
    await comments.delete_comment(ctx, contact_id, comment_id)


@router.post("/comments/{comment_id}/attachments", response_model=FileRead, status_code=CREATED,
             tags=["contact-comments"], summary="Attach a file to a comment (up to 10 MB, checked by content)")
async def attach_to_contact_comment(ctx: ContactsWrite, contact_id: uuid.UUID, comment_id: uuid.UUID,
                                    file: Upload) -> FileRead:
    return await comments.attach_to_comment(ctx, contact_id, comment_id, file)


# --- Notes -------------------------------------------------------------------------------------


@router.get("/notes", response_model=Page[NoteRead], tags=["contact-notes"],
            summary="The contact's notes, newest first")
async def list_contact_notes(ctx: ContactsRead, contact_id: uuid.UUID,
                             filters: Annotated[NoteFilters, Query()]) -> Page[NoteRead]:
    return await notes.list_notes(ctx, contact_id, filters)


@router.post("/notes", response_model=NoteRead, status_code=CREATED, tags=["contact-notes"], summary="Add a note")
async def create_contact_note(ctx: ContactsWrite, contact_id: uuid.UUID, body: NoteCreate) -> NoteRead:
    return await notes.create_note(ctx, contact_id, body)


@router.patch("/notes/{note_id}", response_model=NoteRead, tags=["contact-notes"], summary="Change a note")
async def update_contact_note(ctx: ContactsWrite, contact_id: uuid.UUID, note_id: uuid.UUID,
                              body: NoteUpdate) -> NoteRead:
    return await notes.update_note(ctx, contact_id, note_id, body)


@router.delete("/notes/{note_id}", status_code=NO_CONTENT, tags=["contact-notes"], summary="Delete a note")
async def delete_contact_note(ctx: ContactsWrite, contact_id: uuid.UUID, note_id: uuid.UUID) -> None:
    await notes.delete_note(ctx, contact_id, note_id)


@router.post("/notes/{note_id}/attachments", response_model=FileRead, status_code=CREATED, tags=["contact-notes"],
             summary="Attach a file to a note (up to 10 MB, checked by content)")
async def attach_to_contact_note(ctx: ContactsWrite, contact_id: uuid.UUID, note_id: uuid.UUID,
                                 file: Upload) -> FileRead:
    return await notes.attach_to_note(ctx, contact_id, note_id, file)


# --- Alerts ------------------------------------------------------------------------------------


@router.get("/alerts", response_model=Page[AlertRead], tags=["contact-alerts"], summary="The contact's alerts")
async def list_contact_alerts(ctx: ContactsRead, contact_id: uuid.UUID,
                              filters: Annotated[AlertFilters, Query()]) -> Page[AlertRead]:
    return await alerts.list_alerts(ctx, contact_id, filters)


@router.post("/alerts", response_model=AlertRead, status_code=CREATED, tags=["contact-alerts"],
             summary="Add an alert")
async def create_contact_alert(ctx: ContactsWrite, contact_id: uuid.UUID, body: AlertCreate) -> AlertRead:
    return await alerts.create_alert(ctx, contact_id, body)


@router.patch("/alerts/{alert_id}", response_model=AlertRead, tags=["contact-alerts"],
              summary="Change an alert (e.g. deactivate it)")
async def update_contact_alert(ctx: ContactsWrite, contact_id: uuid.UUID, alert_id: uuid.UUID,
                               body: AlertUpdate) -> AlertRead:
    return await alerts.update_alert(ctx, contact_id, alert_id, body)


@router.delete("/alerts/{alert_id}", status_code=NO_CONTENT, tags=["contact-alerts"], summary="Delete an alert")
async def delete_contact_alert(ctx: ContactsWrite, contact_id: uuid.UUID, alert_id: uuid.UUID) -> None:
    await alerts.delete_alert(ctx, contact_id, alert_id)


# --- Reviews -----------------------------------------------------------------------------------


@router.get("/reviews", response_model=Page[ReviewRead], tags=["contact-reviews"],
            summary="The contact's reviews, newest first")
async def list_contact_reviews(ctx: ContactsRead, contact_id: uuid.UUID,
                               query: Annotated[ListQuery, Query()]) -> Page[ReviewRead]:
    return await reviews.list_reviews(ctx, contact_id, query.page)


@router.post("/reviews", response_model=ReviewRead, status_code=CREATED, tags=["contact-reviews"],
             summary="Record a review (rating 1–5 and text)")
async def create_contact_review(ctx: ContactsWrite, contact_id: uuid.UUID, body: ReviewCreate) -> ReviewRead:
    return await reviews.create_review(ctx, contact_id, body)


@router.patch("/reviews/{review_id}", response_model=ReviewRead, tags=["contact-reviews"], summary="Change a review")
async def update_contact_review(ctx: ContactsWrite, contact_id: uuid.UUID, review_id: uuid.UUID,
                                body: ReviewUpdate) -> ReviewRead:
    return await reviews.update_review(ctx, contact_id, review_id, body)


@router.delete("/reviews/{review_id}", status_code=NO_CONTENT, tags=["contact-reviews"], summary="Delete a review")
async def delete_contact_review(ctx: ContactsWrite, contact_id: uuid.UUID, review_id: uuid.UUID) -> None:
    await reviews.delete_review(ctx, contact_id, review_id)


# --- Files -------------------------------------------------------------------------------------


@router.get("/files", response_model=Page[FileRead], tags=["contact-files"],
            summary="The contact's files and images (attachments are listed with their comment or note)")
async def list_contact_files(ctx: ContactsRead, contact_id: uuid.UUID,
                             filters: Annotated[FileFilters, Query()]) -> Page[FileRead]:
    return await files.list_files(ctx, contact_id, filters)


@router.post("/files", response_model=FileRead, status_code=CREATED, tags=["contact-files"],
             summary="Upload a file or image (up to 10 MB; the type is read from the content)")
async def upload_contact_file(ctx: ContactsWrite, contact_id: uuid.UUID, file: Upload) -> FileRead:
    return await files.upload_file(ctx, contact_id, file)


@router.get("/files/{file_id}", response_class=StreamingResponse, tags=["contact-files"],
            summary="Download a file (or an attachment)",
            responses={200: {"content": {"application/octet-stream": {}}, "description": "The file"}})
async def download_contact_file(ctx: ContactsRead, contact_id: uuid.UUID, file_id: uuid.UUID) -> StreamingResponse:
    file = await files.file_for_download(ctx, contact_id, file_id)
    return StreamingResponse(ctx.storage.stream(file.storage_key), media_type=file.content_type,
                             headers={"Content-Disposition": content_disposition(file.filename)})


@router.delete("/files/{file_id}", status_code=NO_CONTENT, tags=["contact-files"], summary="Delete a file")
async def delete_contact_file(ctx: ContactsWrite, contact_id: uuid.UUID, file_id: uuid.UUID) -> None:
    await files.delete_file(ctx, contact_id, file_id)
