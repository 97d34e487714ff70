"""Reviews of a contact (B7): a rating from 1 to 5 and an opinion. The contact's review count
and rating sum (list rows, metrics) follow by trigger."""

from __future__ import annotations

import uuid

from api.contacts.sections.common import add_child, change_child, list_children, remove_child
from api.contacts.sections.models import ContactReview
from api.contacts.sections.repository import ReviewRepository
from api.contacts.sections.schemas import ReviewCreate, ReviewRead, ReviewUpdate
from api.core.context import TenantContext
from api.core.pagination import PageParams
from api.core.schemas import Page


async def list_reviews(ctx: TenantContext, contact_id: uuid.UUID, page: PageParams) -> Page[ReviewRead]:
    items, cursor = await list_children(ctx, ReviewRepository(ctx), contact_id, page)
    return Page(items=[ReviewRead.model_validate(r) for r in items], next_cursor=cursor)


async def create_review(ctx: TenantContext, contact_id: uuid.UUID, body: ReviewCreate) -> ReviewRead:
    review = await add_child(ctx, ContactReview, contact_id, recorded_by=ctx.user_id, **body.model_dump())
    return ReviewRead.model_validate(review)


async def update_review(ctx: TenantContext, contact_id: uuid.UUID, review_id: uuid.UUID,
                        body: ReviewUpdate) -> ReviewRead:
    review = await change_child(ctx, ReviewRepository(ctx), contact_id, review_id,
                                body.model_dump(exclude_unset=True), required=("rating",))
    return ReviewRead.model_validate(review)


async def delete_review(ctx: TenantContext, contact_id: uuid.UUID, review_id: uuid.UUID) -> None:
    await remove_child(ctx, ReviewRepository(ctx), contact_id, review_id)
