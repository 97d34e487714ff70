"""Bodies of the sections: comments, notes, alerts, reviews and files."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field

from api.core.pagination import ListQuery
from api.core.schemas import InputModel, ReadModel, Str100

Priority = Literal["low", "normal", "high", "urgent"]
CommentBody = Annotated[str, Field(min_length=1, max_length=5000)]
NoteBody = Annotated[str, Field(min_length=1, max_length=10000)]
Keyword = Annotated[str, Field(min_length=1, max_length=50)]
Keywords = Annotated[list[Keyword], Field(max_length=20)]
AlertType = Annotated[str, Field(min_length=1, max_length=50, description="e.g. medical, payment, vip")]
AlertDescription = Annotated[str, Field(min_length=1, max_length=1000)]
Rating = Annotated[int, Field(ge=1, le=5)]
ReviewText = Annotated[str, Field(max_length=2000)]


class FileRead(ReadModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    comment_id: uuid.UUID | None
    note_id: uuid.UUID | None
    filename: str
    content_type: str
    size: int
    is_image: bool
    uploaded_by: uuid.UUID | None
    created_at: datetime


class CommentCreate(InputModel):
    body: CommentBody
    priority: Priority = "normal"
    private: bool = Field(default=False, description="Seen only by its author and by holders of "
                          "contacts:private_comments")
    pinned: bool = Field(default=False, description="Pinned comments come first")
    appointment_id: uuid.UUID | None = Field(default=None, description="The appointment it is about, if any")


class CommentUpdate(InputModel):
    """Text, priority and privacy change only by the author; anyone who may write can (un)pin."""

    body: CommentBody | None = None
    priority: Priority | None = None
    private: bool | None = None
    pinned: bool | None = None


class CommentRead(ReadModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    author_id: uuid.UUID | None
    body: str
    priority: Priority
    private: bool
    pinned: bool
    appointment_id: uuid.UUID | None
    attachments: list[FileRead]
    created_at: datetime
    updated_at: datetime


class NoteCreate(InputModel):
    body: NoteBody
    category: Str100 | None = None
    keywords: Keywords = Field(default_factory=list)
    noted_on: date | None = Field(default=None, description="The note's date; today when omitted")


class NoteUpdate(InputModel):
    body: NoteBody | None = None
    category: Str100 | None = None
    keywords: Keywords | None = None
    noted_on: date | None = None


class NoteRead(ReadModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    author_id: uuid.UUID | None
    category: str | None
    keywords: list[str]
    body: str
    noted_on: date
    attachments: list[FileRead]
    created_at: datetime
    updated_at: datetime


class NoteFilters(ListQuery):
    category: Str100 | None = None
    keyword: Keyword | None = None


class AlertCreate(InputModel):
    type: AlertType
    priority: Priority = "normal"
    description: AlertDescription
    active: bool = True


class AlertUpdate(InputModel):
    type: AlertType | None = None
    priority: Priority | None = None
    description: AlertDescription | None = None
    active: bool | None = None


class AlertRead(ReadModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    type: str
    priority: Priority
    description: str
    active: bool
    created_at: datetime
    updated_at: datetime


class AlertFilters(ListQuery):
    active: bool | None = None


class ReviewCreate(InputModel):
    rating: Rating
    text: ReviewText | None = None


class ReviewUpdate(InputModel):
    rating: Rating | None = None
    text: ReviewText | None = None


class ReviewRead(ReadModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    rating: int
    text: str | None
    recorded_by: uuid.UUID | None
    created_at: datetime
    updated_at: datetime


class FileFilters(ListQuery):
    kind: Literal["file", "image"] | None = Field(default=None, description="Only images, or only other files")
