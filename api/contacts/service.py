"""Contact rules: profile, address, custom fields, duplicates, conversion, trash and photo.

Services never commit: the request's unit of work does. Other domains use :func:`get_contact`,
:func:`live_contact`, :func:`require_contacts` and :func:`set_company_names`. The trash (trash,
restore, purge) is in :mod:`api.contacts.trash`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from fastapi import UploadFile
from sqlalchemy import Column, Text, Uuid, bindparam, select, update

from api.contacts import errors as _errors  # noqa: F401 - registers messages
from api.contacts.models import Contact, ContactLink
from api.contacts.repository import ContactRepository
from api.contacts.schemas import ContactCreate, ContactRead, ContactUpdate, ContactWarning
from api.core import i18n
from api.core.bulk import COPY_FROM, staging
from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, NotFound, ValidationFailed, field_error
from api.core.phones import InvalidPhone, to_e164
from api.core.storage import key_belongs_to, new_key
from api.core.uploads import IMAGE_TYPES, SniffedFile, read_upload
from api.customfields import service as custom_fields
from api.identity.service import require_users, workspace_region
from api.locations.service import get_location

UNIQUE_EMAIL = "uq_contact_tenant_email"
ADDRESS_FIELDS = ("street", "city", "state", "country", "postal_code", "latitude", "longitude")
PHOTO_MAX_BYTES = 5 * 1024 * 1024
DELETE_FILES = "contacts.delete_files"


def now() -> datetime:
    return datetime.now(UTC)


# --- Reading ----------------------------------------------------------------------------------

async def get_contact(ctx: TenantContext, contact_id: uuid.UUID) -> Contact:
    """A contact of the workspace, live or in the trash (404 otherwise)."""
    return await ContactRepository(ctx).get(contact_id)


async def live_contact(ctx: TenantContext, contact_id: uuid.UUID, *, for_update: bool = False) -> Contact:
    """A contact that may be changed: 404 if unknown, 409 if it is in the trash."""
    contact = await ContactRepository(ctx).get(contact_id, for_update=for_update)
    if contact.deleted_at is not None:
        raise Conflict("contact_in_trash")
    return contact


async def require_contacts(ctx: TenantContext, contact_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
    """The live contacts with these ids, or a 404 when any is unknown, foreign or trashed."""
    wanted = set(contact_ids)
    if await ContactRepository(ctx).existing_ids(wanted) != wanted:
        raise NotFound("contact")
    return wanted


def money(totals: Mapping[str, str]) -> list[dict[str, str]]:
    """``{"EUR": "12.50"}`` → ``[{"amount": "12.50", "currency": "EUR"}]`` (the Money shape)."""
    return [{"amount": amount, "currency": currency} for currency, amount in sorted(totals.items())]


def average(rating_sum: int, review_count: int) -> float | None:
    return round(rating_sum / review_count, 2) if review_count else None


async def read_model(ctx: TenantContext, contact: Contact,
                     warnings: list[ContactWarning] | None = None) -> ContactRead:
    fields = {name: getattr(contact, name) for name in ContactRead.model_fields
              if hasattr(Contact, name) and name not in ("sales",)}
    return ContactRead(
        **fields, has_photo=contact.photo_key is not None,
        group_ids=await ContactRepository(ctx).group_ids_of(contact.id),
        average_rating=average(contact.rating_sum, contact.review_count), sales=money(contact.sales_totals),
        warnings=warnings or [],
    )


# --- Writing ----------------------------------------------------------------------------------

def _email_taken(email: str, existing_id: uuid.UUID | None) -> Conflict:
    return Conflict("contact_email_taken", params={"email": email},
                    extra={"existing_id": str(existing_id) if existing_id else None})


async def check_email_free(ctx: TenantContext, email: str, contact_id: uuid.UUID | None) -> None:
    existing = await ContactRepository(ctx).live_by_email(email)
    if existing is not None and existing != contact_id:
        raise _email_taken(email, existing)


async def phone_e164(ctx: TenantContext, raw: str) -> str:
    """``raw`` as E.164, national numbers read in the workspace's region; 422 at ``body.phone``."""
    try:
        return to_e164(raw, await workspace_region(ctx))
    except InvalidPhone as exc:
        raise ValidationFailed([field_error(
            ("body", "phone"), "phone_invalid", "No es un número de teléfono válido",
            "Not a valid phone number", "Não é um número de telefone válido")]) from exc


def delete_stored_files(ctx: TenantContext, keys: Sequence[str]) -> None:
    """Remove stored files once the transaction commits (a rollback keeps them)."""
    if keys:
        ctx.enqueue(DELETE_FILES, str(ctx.tenant_id), list(keys))


async def _phone_warnings(ctx: TenantContext, phone: str | None, contact_id: uuid.UUID) -> list[ContactWarning]:
    if not phone:
        return []
    others = await ContactRepository(ctx).ids_with_phone(phone, excluding=contact_id)
    if not others:
        return []
    texts = {"es": "Otro contacto tiene el mismo teléfono", "en": "Another contact has the same phone",
             "pt": "Outro contato tem o mesmo telefone"}
    return [ContactWarning(code="phone_duplicate", message=texts[i18n.current_language.get()], existing_ids=others)]


async def _normalise(ctx: TenantContext, changes: dict[str, Any], contact: Contact | None) -> dict[str, Any]:
    """Validate and normalise the profile fields being set (shared by create and update)."""
    if changes.get("email"):
        changes["email"] = changes["email"].strip().lower()
        await check_email_free(ctx, changes["email"], contact.id if contact else None)
    if changes.get("phone"):
        changes["phone"] = await phone_e164(ctx, changes["phone"])
    if changes.get("owner_id"):
        await require_users(ctx, [changes["owner_id"]])
    if changes.get("location_id") and (contact is None or changes["location_id"] != contact.location_id):
        location = await get_location(ctx, changes["location_id"])
        for name in ADDRESS_FIELDS:
            changes.setdefault(name, getattr(location, name))
    latitude = changes.get("latitude", contact.latitude if contact else None)
    longitude = changes.get("longitude", contact.longitude if contact else None)
    if (latitude is None) != (longitude is None):
        missing = "longitude" if longitude is None else "latitude"
        raise ValidationFailed([field_error(
            ("body", missing), "coordinates_incomplete", "La latitud y la longitud van juntas",
            "Latitude and longitude go together", "Latitude e longitude andam juntas")])
    return changes


async def create_contact(ctx: TenantContext, body: ContactCreate) -> ContactRead:
    changes = await _normalise(ctx, body.model_dump(exclude_unset=True, exclude={"custom_fields"}), None)
    values = await custom_fields.validate_values(ctx, "contact", body.custom_fields or {}, partial=False)
    contact = Contact(tenant_id=ctx.tenant_id, **{k: v for k, v in changes.items() if v is not None},
                      custom_fields=values)
    ctx.session.add(contact)
    await flush_contact(ctx, contact)
    return await read_model(ctx, contact, await _phone_warnings(ctx, contact.phone, contact.id))


async def flush_contact(ctx: TenantContext, contact: Contact) -> None:
    try:
        await flush_checked(ctx.session, {UNIQUE_EMAIL: _email_taken(contact.email or "", None)})
    except Conflict as conflict:  # lost a race with another write: name the winner
        conflict.extra["existing_id"] = str(await ContactRepository(ctx).live_by_email(contact.email or ""))
        raise


async def update_contact(ctx: TenantContext, contact_id: uuid.UUID, body: ContactUpdate) -> ContactRead:
    contact = await live_contact(ctx, contact_id, for_update=True)
    changes = body.model_dump(exclude_unset=True, exclude={"custom_fields"})
    if "first_name" in changes and changes["first_name"] is None:
        raise ValidationFailed([field_error(("body", "first_name"), "missing", "El nombre es obligatorio",
                                            "The first name is required", "O nome é obrigatório")])
    for name in ("status", "culture", "last_name"):
        if name in changes and changes[name] is None:
            changes.pop(name)
    changes = await _normalise(ctx, changes, contact)
    if body.custom_fields:
        validated = await custom_fields.validate_values(ctx, "contact", body.custom_fields, partial=True)
        contact.custom_fields = custom_fields.merge_values(contact.custom_fields, validated)
    for name, value in changes.items():
        setattr(contact, name, value)
    await flush_contact(ctx, contact)
    warnings = await _phone_warnings(ctx, contact.phone, contact.id) if "phone" in changes else []
    return await read_model(ctx, contact, warnings)


async def convert_contact(ctx: TenantContext, contact_id: uuid.UUID) -> ContactRead:
    """A lead becomes a customer: same id, same history (the change is one more audit event)."""
    contact = await live_contact(ctx, contact_id, for_update=True)
    if contact.kind != "lead":
        raise Conflict("contact_not_a_lead")
    contact.kind, contact.converted_at = "customer", now()
    await flush_contact(ctx, contact)
    return await read_model(ctx, contact)


# --- Photo ------------------------------------------------------------------------------------

async def set_photo(ctx: TenantContext, contact_id: uuid.UUID, upload: UploadFile) -> ContactRead:
    contact = await live_contact(ctx, contact_id, for_update=True)
    image: SniffedFile = await read_upload(upload, max_bytes=PHOTO_MAX_BYTES, allowed=IMAGE_TYPES)
    key = new_key(ctx.tenant_id, "contact-photos", image.extension)
    await ctx.store_file(key, image.data)
    if contact.photo_key:
        delete_stored_files(ctx, [contact.photo_key])
    contact.photo_key, contact.photo_content_type = key, image.content_type
    await flush_contact(ctx, contact)
    return await read_model(ctx, contact)


async def photo_of(ctx: TenantContext, contact_id: uuid.UUID) -> tuple[str, str]:
    """The photo's storage key and content type (404 when the contact has none)."""
    contact = await get_contact(ctx, contact_id)
    key = contact.photo_key
    if not key or not key_belongs_to(key, ctx.tenant_id) or not await ctx.storage.exists(key):
        raise NotFound("contact_photo")
    return contact.photo_key, contact.photo_content_type or "application/octet-stream"


async def delete_photo(ctx: TenantContext, contact_id: uuid.UUID) -> None:
    contact = await live_contact(ctx, contact_id, for_update=True)
    if contact.photo_key:
        delete_stored_files(ctx, [contact.photo_key])
        contact.photo_key = contact.photo_content_type = None
        await ctx.session.flush()


# --- For other packages -----------------------------------------------------------------------

async def set_link(ctx: TenantContext, contact_id: uuid.UUID, link: type[ContactLink], target: dict[str, uuid.UUID],
                   *, linked: bool) -> None:
    """Link a live contact to a record (``target``, e.g. ``{"group_id": id}``, already checked to
    be the workspace's) or unlink it; doing what is already done changes nothing. Through the
    ORM, so the change is audited under the contact."""
    contact = await live_contact(ctx, contact_id)
    key = {"tenant_id": ctx.tenant_id, "contact_id": contact.id, **target}
    existing = (await ctx.session.execute(select(link).filter_by(**key))).scalar_one_or_none()
    if linked and existing is None:
        ctx.session.add(link(**key))
    elif not linked and existing is not None:
        await ctx.session.delete(existing)
    await ctx.session.flush()


async def set_company_names(ctx: TenantContext, names: Mapping[uuid.UUID, str]) -> None:
    """Companies tell contacts the names of each contact's companies (part of search_text)."""
    if not names:
        return
    table = Contact.__table__
    if len(names) >= COPY_FROM:  # an import batch: one UPDATE … FROM a COPY'd staging table
        async with staging(ctx.session, [Column("contact_id", Uuid), Column("names", Text)], names.items()) as rows:
            await ctx.session.execute(
                update(table).where(table.c.tenant_id == ctx.tenant_id, table.c.id == rows.c.contact_id)
                .values(company_names=rows.c.names, updated_at=table.c.updated_at))
        return
    stmt = (update(table)
            .where(table.c.tenant_id == ctx.tenant_id, table.c.id == bindparam("contact_id"))
            .values(company_names=bindparam("names"), updated_at=table.c.updated_at))
    await ctx.session.execute(stmt, [{"contact_id": cid, "names": text} for cid, text in names.items()])


async def _purge_custom_field(ctx: TenantContext, key: str) -> None:
    """A deleted custom field takes its values with it (not an edit of the contacts: not audited
    per contact; the field's own deletion is the audited event)."""
    table = Contact.__table__
    await ctx.session.execute(
        update(table)
        .where(table.c.tenant_id == ctx.tenant_id, table.c.custom_fields.has_key(key))
        .values(custom_fields=table.c.custom_fields.op("-")(key), updated_at=table.c.updated_at)
    )


custom_fields.register_value_store("contact", _purge_custom_field)


async def contact_summaries(ctx: TenantContext, contact_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, dict[str, Any]]:
    """Name and email of these contacts, for other packages' listings (members, associations)."""
    if not contact_ids:
        return {}
    stmt = ContactRepository(ctx).select(Contact.id, Contact.first_name, Contact.last_name, Contact.email).where(
        Contact.id.in_(set(contact_ids)))
    return {row.id: {"first_name": row.first_name, "last_name": row.last_name, "email": row.email}
            for row in (await ctx.session.execute(stmt)).all()}
