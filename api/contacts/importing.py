"""Contact imports, set-based (PRODUCT C4–C5): one batch of parsed rows in a handful of
statements, whatever its size.

1. **Look up**, one query each: the batch's contacts (by id, and the live ones by email; locked
   until the batch commits), the owners, the locations, the related records by name and the
   current links of the matched contacts.
2. **Decide** each row in Python with the API's rules — the values the contact will have and the
   links it will have, or a reason per failing cell (a failed row writes nothing, its relations
   included): email normalised and unique (in the file and among live contacts), phone as
   E.164 in the workspace's region, custom fields checked against their definitions, owner and
   location of this workspace, relation names that exist, the kind set only on creation, the
   birth date plausible, coordinates in pairs; a location copies its address into empty cells,
   as the API does.
3. **Write**: COPY the new and the changed contacts into staging tables (:mod:`api.core.bulk`),
   then ``INSERT … SELECT`` / ``UPDATE … FROM``; the link tables the same way; one audit event per
   created or updated contact (its changed fields) and per link added or removed
   (:func:`api.core.audit.record_many`, with the actions the ORM would record). Derived columns
   follow by themselves: search words and sort name are generated columns, metric deltas and the
   search dictionary are statement triggers; company names are refreshed by the companies
   package's hook.

Rows match on ``id``, else on the normalised email, so importing the same file again finds every
contact as it is: ``unchanged``, no duplicates.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import orjson
from sqlalchemy import Column, Uuid, and_, delete, func, insert, literal, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from api.contacts.models import Contact
from api.contacts.repository import ContactRepository
from api.contacts.service import ADDRESS_FIELDS
from api.core.audit import record_many
from api.core.bulk import staging
from api.core.context import TenantContext
from api.core.errors import ValidationFailed
from api.core.ids import new_id
from api.core.phones import InvalidPhone, to_e164
from api.customfields import service as custom_fields
from api.customfields.models import CustomField
from api.identity.service import user_emails, workspace_region
from api.locations.models import Location
from api.locations.service import locations_by_id
from api.transfer.adapters import ImportRow, Mode, RowResult
from api.transfer.columns import CUSTOM_PREFIX, custom_values
from api.transfer.relations import SheetRelation, current_links, ids_by_name, names_not_found

OWNER_COLUMN = "owner"
STORED = ("kind", "status", "first_name", "last_name", "email", "phone", "document_id", "birth_date", "gender",
          "culture", "origin", "center", "owner_id", "location_id", *ADDRESS_FIELDS)
DEFAULTS: dict[str, Any] = {"status": "active", "culture": "es", "last_name": ""}
KEPT_WHEN_BLANK = ("kind", "status", "culture", "last_name")  # as a PATCH with null: the value stays
EARLIEST_BIRTH = date(1900, 1, 1)
_LOOKED_UP = (Contact.id, Contact.deleted_at, Contact.custom_fields, *(getattr(Contact, f) for f in STORED))
Texts = tuple[str, str, str]


@dataclass
class Lookups:
    fields: dict[str, CustomField]
    region: str
    by_id: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)  # live or trashed
    by_email: dict[str, dict[str, Any]] = field(default_factory=dict)  # live only
    users: dict[uuid.UUID, str] = field(default_factory=dict)  # id → email
    user_ids: dict[str, uuid.UUID] = field(default_factory=dict)  # email → id (the same users)
    locations: dict[uuid.UUID, Location] = field(default_factory=dict)
    targets: dict[str, dict[str, uuid.UUID]] = field(default_factory=dict)  # relation → lower(name) → id
    links: dict[str, dict[uuid.UUID, set[uuid.UUID]]] = field(default_factory=dict)  # relation → contact → ids


@dataclass
class Change:
    number: int
    contact_id: uuid.UUID
    created: bool
    record: dict[str, Any]  # every stored field and custom_fields, as the contact will be
    diff: dict[str, dict[str, Any]]  # {field: {old, new}} for the audit event
    links: dict[str, tuple[set[uuid.UUID], set[uuid.UUID]]]  # relation → (added, removed)

    @property
    def changed(self) -> bool:
        return self.created or bool(self.diff) or any(a or r for a, r in self.links.values())


@dataclass
class Claims:
    """What earlier rows of the batch took: a second row for the same contact or email fails."""

    emails: dict[str, tuple[int, uuid.UUID]] = field(default_factory=dict)
    contacts: dict[uuid.UUID, int] = field(default_factory=dict)


async def import_rows(ctx: TenantContext, rows: list[ImportRow], mode: Mode,
                      relations: Sequence[SheetRelation]) -> list[RowResult]:
    present = [r for r in relations if any(r.key in row.values for row in rows)]
    look = await _look_up(ctx, rows, present)
    claims = Claims()
    results: list[RowResult] = []
    changes: list[Change] = []
    for row in rows:
        decided = _decide(row, mode, look, present, claims)
        if isinstance(decided, RowResult):
            results.append(decided)
            continue
        outcome = "created" if decided.created else "updated" if decided.changed else "unchanged"
        results.append(RowResult(number=row.number, outcome=outcome))  # type: ignore[arg-type]
        if decided.changed:
            changes.append(decided)
    await _write(ctx, changes, present)
    return results


# --- 1. Look up ---------------------------------------------------------------------------------

async def _look_up(ctx: TenantContext, rows: list[ImportRow], relations: Sequence[SheetRelation]) -> Lookups:
    look = Lookups(fields={f.key: f for f in await custom_fields.definitions(ctx, "contact")},
                   region=await workspace_region(ctx))
    ids = {row.values["id"] for row in rows if row.values.get("id")}
    emails = {row.values["email"] for row in rows if row.values.get("email")}
    if ids or emails:
        stmt = (ContactRepository(ctx).select(*_LOOKED_UP)
                .where(or_(Contact.id.in_(ids), and_(Contact.email.in_(emails), Contact.deleted_at.is_(None))))
                .with_for_update())
        for contact in (await ctx.session.execute(stmt)).mappings():
            record = dict(contact)
            look.by_id[record["id"]] = record
            if record["deleted_at"] is None and record["email"]:
                look.by_email[record["email"]] = record
    owner_ids = {row.values["owner_id"] for row in rows if row.values.get("owner_id")}
    owner_emails = {row.values[OWNER_COLUMN].strip().lower() for row in rows if row.values.get(OWNER_COLUMN)}
    look.users = await user_emails(ctx, ids=list(owner_ids), emails=list(owner_emails))
    look.user_ids = {email: user_id for user_id, email in look.users.items()}
    look.locations = await locations_by_id(ctx, {row.values["location_id"] for row in rows
                                                 if row.values.get("location_id")})
    matched = list(look.by_id)
    for relation in relations:
        names = {name for row in rows for name in row.values.get(relation.key) or ()}
        look.targets[relation.key] = await ids_by_name(ctx, relation, names)
        look.links[relation.key] = await current_links(ctx, relation, matched)
    return look


# --- 2. Decide ----------------------------------------------------------------------------------

class _Row:
    """One row being decided: its values and the reasons collected so far, per column."""

    def __init__(self, row: ImportRow) -> None:
        self.number, self.values = row.number, row.values
        self.errors: dict[str, dict[str, str]] = {}

    def fail(self, column: str, es: str, en: str, pt: str) -> None:
        self.errors.setdefault(column, {"es": es, "en": en, "pt": pt})

    def given(self, key: str) -> bool:
        return key in self.values

    def result(self) -> RowResult:
        return RowResult(number=self.number, outcome="failed", errors=self.errors)


def _decide(row: ImportRow, mode: Mode, look: Lookups, relations: Sequence[SheetRelation],
            claims: Claims) -> Change | RowResult:
    r = _Row(row)
    current = _target(r, mode, look, claims)
    if r.errors:
        return r.result()
    record = dict(current) if current else {name: DEFAULTS.get(name) for name in STORED}
    record.pop("deleted_at", None)
    contact_id = current["id"] if current else new_id()
    record["id"] = contact_id
    _profile(r, record, current, look)
    record["custom_fields"] = _custom(r, current, look)
    links = {relation.key: _links(r, relation, contact_id, look) for relation in relations if r.given(relation.key)}
    _unique_email(r, record.get("email"), contact_id, look, claims)
    if r.errors:
        return r.result()
    claims.contacts[contact_id] = row.number
    if record.get("email"):
        claims.emails[record["email"]] = (row.number, contact_id)
    return Change(number=row.number, contact_id=contact_id, created=current is None, record=record,
                  diff=_diff(current, record), links=links)


def _target(r: _Row, mode: Mode, look: Lookups, claims: Claims) -> dict[str, Any] | None:
    """The contact the row is about (None: a new one), by id else by email."""
    current = None
    if r.values.get("id"):
        current = look.by_id.get(r.values["id"])
        if current is None:
            r.fail("id", "No hay ningún contacto con este identificador", "No contact has this identifier",
                   "Não há contato com este identificador")
            return None
        if current["deleted_at"] is not None:
            r.fail("id", "Este contacto está en la papelera", "This contact is in the trash",
                   "Este contato está na lixeira")
            return None
    elif r.values.get("email"):
        current = look.by_email.get(r.values["email"])
    if current is None and mode == "update":
        r.fail("id" if r.given("id") else "email", "No existe: nada que actualizar", "Not found: nothing to update",
               "Não existe: nada para atualizar")
    if current is not None and mode == "create":
        r.fail("id" if r.values.get("id") else "email", "Ya existe este contacto (use actualizar)",
               "This contact already exists (use update)", "Este contato já existe (use atualizar)")
    if current is not None and current["id"] in claims.contacts:
        earlier = claims.contacts[current["id"]]
        r.fail("id" if r.values.get("id") else "email", f"El mismo contacto ya está en la fila {earlier}",
               f"The same contact is already in row {earlier}", f"O mesmo contato já está na linha {earlier}")
    return current


def _profile(r: _Row, record: dict[str, Any], current: dict[str, Any] | None, look: Lookups) -> None:
    values = r.values
    for name in STORED:
        if name in values and not (values[name] is None and name in KEPT_WHEN_BLANK):
            record[name] = values[name]
    if current is None and not record.get("kind"):
        r.fail("kind", "Obligatorio para crear", "Required to create", "Obrigatório para criar")
    if current is not None and values.get("kind") and values["kind"] != current["kind"]:
        r.fail("kind", "El tipo no cambia al importar: un lead se convierte desde su ficha",
               "The kind does not change by import: a lead is converted from its page",
               "O tipo não muda por importação: um lead é convertido na sua ficha")
    if not record.get("first_name"):
        r.fail("first_name", "El nombre es obligatorio", "The first name is required", "O nome é obrigatório")
    if values.get("phone"):
        try:
            record["phone"] = to_e164(values["phone"], look.region)
        except InvalidPhone:
            r.fail("phone", "No es un número de teléfono válido", "Not a valid phone number",
                   "Não é um número de telefone válido")
    birth = record.get("birth_date")
    if values.get("birth_date") and not EARLIEST_BIRTH <= birth <= date.today():  # type: ignore[operator]
        r.fail("birth_date", "Debe estar entre 1900-01-01 y hoy", "Must be between 1900-01-01 and today",
               "Deve estar entre 1900-01-01 e hoje")
    _owner(r, record, look)
    _location(r, record, current, look)
    for name in ("latitude", "longitude"):
        if isinstance(record.get(name), Decimal):
            record[name] = float(record[name])
    if (record.get("latitude") is None) != (record.get("longitude") is None):
        missing = "longitude" if record.get("longitude") is None else "latitude"
        r.fail(missing, "La latitud y la longitud van juntas", "Latitude and longitude go together",
               "Latitude e longitude andam juntas")


def _owner(r: _Row, record: dict[str, Any], look: Lookups) -> None:
    """``owner`` (an email), when the row has one, decides; else ``owner_id``."""
    by_id = r.values.get("owner_id")
    email = (r.values.get(OWNER_COLUMN) or "").strip().lower()
    if email:
        owner = look.user_ids.get(email)
        if owner is None:
            r.fail(OWNER_COLUMN, "No hay ningún usuario del equipo con este correo", "No staff user has this email",
                   "Não há usuário da equipe com este e-mail")
        record["owner_id"] = owner
    elif by_id and by_id not in look.users:
        r.fail("owner_id", "No hay ningún usuario con este identificador", "No user has this identifier",
               "Não há usuário com este identificador")
    elif r.given(OWNER_COLUMN) and not r.given("owner_id"):
        record["owner_id"] = None


def _location(r: _Row, record: dict[str, Any], current: dict[str, Any] | None, look: Lookups) -> None:
    location_id = r.values.get("location_id")
    if not location_id:
        return
    location = look.locations.get(location_id)
    if location is None:
        r.fail("location_id", "No hay ninguna ubicación con este identificador", "No location has this identifier",
               "Não há localização com este identificador")
    elif current is None or current["location_id"] != location_id:
        for name in ADDRESS_FIELDS:  # the row's own address wins, as fields sent with it do in the API
            if r.values.get(name) is None:
                record[name] = getattr(location, name)


def _custom(r: _Row, current: dict[str, Any] | None, look: Lookups) -> dict[str, Any]:
    given = custom_values(r.values)
    stored = dict(current["custom_fields"]) if current else {}
    try:
        checked = custom_fields.check_values(look.fields, given, partial=current is not None, loc=())
    except ValidationFailed as invalid:
        for error in invalid.errors:
            r.fail(f"{CUSTOM_PREFIX}{error.loc[0]}", error.msgs["es"], error.msgs["en"], error.msgs["pt"])
        return stored
    return custom_fields.merge_values(stored, checked) if current else checked


def _links(r: _Row, relation: SheetRelation, contact_id: uuid.UUID,
           look: Lookups) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    known = look.targets[relation.key]
    reason = names_not_found(r.values[relation.key], known)
    if reason:
        r.fail(relation.key, reason["es"], reason["en"], reason["pt"])
        return set(), set()
    wanted = {known[name.lower()] for name in r.values[relation.key]}
    now = look.links.get(relation.key, {}).get(contact_id, set())
    return wanted - now, now - wanted


def _unique_email(r: _Row, email: str | None, contact_id: uuid.UUID, look: Lookups, claims: Claims) -> None:
    if not email:
        return
    holder = look.by_email.get(email)
    if holder is not None and holder["id"] != contact_id:
        r.fail("email", "Otro contacto ya tiene este correo", "Another contact already has this email",
               "Outro contato já tem este e-mail")
    elif email in claims.emails and claims.emails[email][1] != contact_id:
        earlier = claims.emails[email][0]
        r.fail("email", f"Correo repetido: ya está en la fila {earlier}",
               f"Repeated email: already in row {earlier}", f"E-mail repetido: já está na linha {earlier}")


def _diff(current: dict[str, Any] | None, record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{field: {old, new}} of what changes (for a new contact: every field with a value)."""
    diff = {}
    for name in (*STORED, "custom_fields"):
        old = current[name] if current else None
        new = record.get(name)
        if old != new and not (current is None and new in (None, {}, [])):
            diff[name] = {"old": old, "new": new}  # record_many makes them JSON
    return diff


# --- 3. Write -----------------------------------------------------------------------------------

_CONTACT = Contact.__table__
_STAGED = [_CONTACT.c.id, *(_CONTACT.c[name] for name in STORED), _CONTACT.c.custom_fields]
_PAIR = [Column("contact_id", Uuid), Column("target_id", Uuid)]


def _staged_record(change: Change) -> tuple[Any, ...]:
    record = change.record
    return (change.contact_id, *(record.get(name) for name in STORED),
            orjson.dumps(record["custom_fields"]).decode())


async def _write(ctx: TenantContext, changes: list[Change], relations: Sequence[SheetRelation]) -> None:
    session, tenant_id = ctx.session, ctx.tenant_id
    tenant = literal(tenant_id, type_=_CONTACT.c.tenant_id.type)
    names = [c.name for c in _STAGED]
    created = [c for c in changes if c.created]
    updated = [c for c in changes if not c.created and c.diff]
    if created:
        async with staging(session, _STAGED, map(_staged_record, created)) as rows:
            await session.execute(insert(_CONTACT).from_select(
                ["tenant_id", *names], select(tenant, *(rows.c[name] for name in names))))
        await record_many(session, tenant_id=tenant_id, entity_type="contact", action="create",  # type: ignore[arg-type]
                          items=[(c.contact_id, c.diff) for c in created])
    if updated:
        async with staging(session, _STAGED, map(_staged_record, updated)) as rows:
            await session.execute(
                update(_CONTACT)
                .where(_CONTACT.c.tenant_id == tenant_id, _CONTACT.c.id == rows.c.id)
                .values({**{name: rows.c[name] for name in names[1:]}, "updated_at": func.now()}))
        await record_many(session, tenant_id=tenant_id, entity_type="contact", action="update",  # type: ignore[arg-type]
                          items=[(c.contact_id, c.diff) for c in updated])
    for relation in relations:
        await _write_links(ctx, relation, changes)


async def _write_links(ctx: TenantContext, relation: SheetRelation, changes: list[Change]) -> None:
    session, tenant_id = ctx.session, ctx.tenant_id
    added = [(c.contact_id, t) for c in changes for t in c.links.get(relation.key, (set(), set()))[0]]
    removed = [(c.contact_id, t) for c in changes for t in c.links.get(relation.key, (set(), set()))[1]]
    if not added and not removed:
        return
    table: Any = relation.link.__table__  # type: ignore[attr-defined]
    target = table.c[relation.target_column]
    actions = relation.link.__audit_actions__  # type: ignore[attr-defined]
    if removed:
        async with staging(session, _PAIR, removed) as pairs:
            await session.execute(delete(table).where(table.c.tenant_id == tenant_id,
                                                      table.c.contact_id == pairs.c.contact_id,
                                                      target == pairs.c.target_id))
        await record_many(session, tenant_id=tenant_id, entity_type="contact", action=actions["delete"],  # type: ignore[arg-type]
                          items=[(cid, {relation.target_column: {"old": str(t), "new": None}}) for cid, t in removed])
    if added:
        async with staging(session, _PAIR, added) as pairs:
            await session.execute(pg_insert(table).from_select(
                ["tenant_id", "contact_id", relation.target_column],
                select(literal(tenant_id, type_=table.c.tenant_id.type), pairs.c.contact_id, pairs.c.target_id),
            ).on_conflict_do_nothing())
        await record_many(session, tenant_id=tenant_id, entity_type="contact", action=actions["create"],  # type: ignore[arg-type]
                          items=[(cid, {relation.target_column: {"old": None, "new": str(t)}}) for cid, t in added])
    if relation.after_change is not None:
        await relation.after_change(ctx, sorted({cid for cid, _ in (*added, *removed)}))
