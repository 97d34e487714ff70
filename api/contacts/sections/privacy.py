"""Who sees and who changes a comment. A private comment is seen only by its author and by
holders of ``contacts:private_comments`` (the administrators); to anyone else it does not exist
(404), in lists, in the timeline and through its attachments."""

from __future__ import annotations

from typing import Any

from sqlalchemy import literal, or_

from api.contacts.sections.models import ContactComment
from api.core.context import TenantContext
from api.core.errors import Forbidden

PRIVATE_COMMENTS = "contacts:private_comments"


def visible_comments(ctx: TenantContext) -> Any:
    """SQL condition: the comments the caller may see."""
    if ctx.can(PRIVATE_COMMENTS):
        return literal(True)
    return or_(ContactComment.private.is_(False), ContactComment.author_id == ctx.user_id)


def may_see(ctx: TenantContext, comment: ContactComment) -> bool:
    return not comment.private or comment.author_id == ctx.user_id or ctx.can(PRIVATE_COMMENTS)


def require_author(ctx: TenantContext, comment: ContactComment, *, or_moderator: bool = False) -> None:
    """Text, priority and privacy are the author's; deleting and attaching also the moderators'."""
    if comment.author_id == ctx.user_id or (or_moderator and ctx.can(PRIVATE_COMMENTS)):
        return
    raise Forbidden("comment_not_author")
