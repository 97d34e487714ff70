"""The trash (B9): a trashed contact keeps everything and leaves the lists; restoring brings it
back (unless its email now belongs to another live contact: 409 with that contact's id);
purging deletes it for good, with its sections, and removes its stored files after the commit."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from api.contacts.models import Contact
from api.contacts.repository import ContactRepository
from api.contacts.schemas import ContactRead
from api.contacts.sections.files import file_keys_of
from api.contacts.service import check_email_free, delete_stored_files, flush_contact, now, read_model
from api.core.context import TenantContext
from api.core.errors import Conflict


async def trash_contact(ctx: TenantContext, contact_id: uuid.UUID) -> None:
    contact = await ContactRepository(ctx).get(contact_id, for_update=True)
    if contact.deleted_at is None:
        contact.deleted_at = now()
        await ctx.session.flush()


async def restore_contact(ctx: TenantContext, contact_id: uuid.UUID) -> ContactRead:
    contact = await ContactRepository(ctx).get(contact_id, for_update=True)
    if contact.deleted_at is not None:
        if contact.email:
            await check_email_free(ctx, contact.email, contact.id)
        contact.deleted_at = None
        await flush_contact(ctx, contact)
    return await read_model(ctx, contact)


async def purge_contact(ctx: TenantContext, contact_id: uuid.UUID) -> None:
    repo = ContactRepository(ctx)
    contact = await repo.get(contact_id, for_update=True)
    if contact.deleted_at is None:
        raise Conflict("contact_not_in_trash")
    keys = await stored_file_keys(ctx, [contact.id])
    await repo.delete(contact)
    delete_stored_files(ctx, keys)


async def stored_file_keys(ctx: TenantContext, contact_ids: Sequence[uuid.UUID]) -> list[str]:
    """Every stored file of these contacts: photos, files and attachments."""
    photos = ContactRepository(ctx).select(Contact.photo_key).where(
        Contact.id.in_(contact_ids), Contact.photo_key.is_not(None))
    return [*(await ctx.session.execute(photos)).scalars(), *await file_keys_of(ctx, contact_ids)]
