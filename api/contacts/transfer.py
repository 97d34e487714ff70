"""Contacts in spreadsheets (PRODUCT C1–C6): the columns, the export, and the adapter the
transfer machinery (``api/transfer``) calls. The set-based import is :mod:`api.contacts.importing`.

Columns: ``id``, every profile field, ``custom.<key>`` per custom field of entity ``contact``
and — in files with relations — ``groups``, ``companies``, ``projects``, ``services`` (names,
comma-separated; the packages owning them register through
:func:`api.contacts.relations.register_sheet_relation`) and ``owner`` (the advisor's email).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from sqlalchemy import func

from api.contacts.importing import OWNER_COLUMN, import_rows
from api.contacts.listing import conditions
from api.contacts.models import GENDERS, KINDS, STATUSES, Contact, ContactGroup, ContactGroupMember
from api.contacts.relations import SHEET_RELATIONS, register_sheet_relation
from api.contacts.repository import SORTS, ContactRepository
from api.contacts.schemas import ContactCriteria
from api.core.context import TenantContext
from api.core.pagination import PageParams
from api.customfields import service as custom_fields
from api.identity.service import user_emails
from api.transfer.adapters import ImportRow, Mode, RowResult
from api.transfer.columns import CUSTOM_PREFIX, Column, column, custom_column
from api.transfer.relations import SheetRelation, linked_names

register_sheet_relation(SheetRelation(
    key="groups", link=ContactGroupMember, target_column="group_id", target=ContactGroup,
    label=("Grupos", "Groups", "Grupos"), position=0))

_ADDRESS = ("(se copia de la ubicación si se deja vacía al cambiarla)", "(copied from the location when left "
            "empty while changing it)", "(copiado da localização se ficar vazio ao mudá-la)")


def _address(key: str, label: tuple[str, str, str], length: int) -> Column:
    return column(key, "text", label, tuple(f"{word} {note}" for word, note in zip(label, _ADDRESS, strict=True)),
                  max_length=length)


PROFILE_COLUMNS = [
    column("id", "id", ("Identificador", "Identifier", "Identificador"),
           ("Vacío para crear; el de Ficha para actualizar (sin él, el correo identifica al contacto)",
            "Empty to create; Ficha's id to update (without it, the email identifies the contact)",
            "Vazio para criar; o do Ficha para atualizar (sem ele, o e-mail identifica o contato)")),
    column("kind", "select", ("Tipo", "Kind", "Tipo"),
           ("customer (cliente) o lead; solo al crear: un lead se convierte desde su ficha",
            "customer or lead; only when creating: a lead is converted from its page",
            "customer (cliente) ou lead; só ao criar: um lead é convertido na sua ficha"),
           required=True, options=KINDS),
    column("status", "select", ("Estado", "Status", "Estado"),
           ("active o inactive (vacío: active)", "active or inactive (empty: active)",
            "active ou inactive (vazio: active)"), options=STATUSES),
    column("first_name", "text", ("Nombre", "First name", "Nome"), ("Nombre de pila", "Given name", "Nome próprio"),
           required=True, max_length=100),
    column("last_name", "text", ("Apellidos", "Last name", "Sobrenome"), ("Apellidos", "Family name", "Sobrenome"),
           max_length=100),
    column("email", "email", ("Correo electrónico", "Email", "E-mail"),
           ("Único entre los contactos activos; sin id, identifica al contacto",
            "Unique among live contacts; without an id, it identifies the contact",
            "Único entre os contatos ativos; sem id, identifica o contato"), max_length=254),
    column("phone", "phone", ("Teléfono", "Phone", "Telefone"),
           ("Sin prefijo de país se lee en la región del espacio de trabajo; se guarda en E.164",
            "Without a country code it is read in the workspace's region; stored as E.164",
            "Sem código do país é lido na região do espaço de trabalho; salvo em E.164"), max_length=40),
    column("document_id", "text", ("Documento", "Document", "Documento"),
           ("Documento de identidad", "Identity document", "Documento de identidade"), max_length=40),
    column("birth_date", "date", ("Fecha de nacimiento", "Birth date", "Data de nascimento"),
           ("Entre 1900-01-01 y hoy", "Between 1900-01-01 and today", "Entre 1900-01-01 e hoje")),
    column("gender", "select", ("Género", "Gender", "Gênero"), ("Género", "Gender", "Gênero"), options=GENDERS),
    column("culture", "select", ("Idioma", "Language", "Idioma"),
           ("Idioma de sus comunicaciones (vacío: es)", "Language of their messages (empty: es)",
            "Idioma das suas comunicações (vazio: es)"), options=("es", "en", "pt")),
    column("origin", "text", ("Origen", "Origin", "Origem"),
           ("Origen del lead: web, WhatsApp, recomendación…", "Lead source: web, WhatsApp, referral…",
            "Origem do lead: web, WhatsApp, indicação…"), max_length=100),
    column("center", "text", ("Centro", "Center", "Centro"), ("Centro que lo atiende", "Center serving them",
                                                              "Centro que o atende"), max_length=100),
    column("owner_id", "id", ("Asesor (id)", "Advisor (id)", "Assessor (id)"),
           ("Id del usuario del equipo asignado (o use la columna owner con su correo)",
            "Id of the assigned staff user (or use the owner column with their email)",
            "Id do usuário da equipe atribuído (ou use a coluna owner com o e-mail)")),
    column("location_id", "id", ("Ubicación (id)", "Location (id)", "Localização (id)"),
           ("Id de una ubicación: al cambiarla copia su dirección y coordenadas en las columnas vacías",
            "Id of a location: changing it copies its address and coordinates into the empty columns",
            "Id de uma localização: ao mudá-la copia endereço e coordenadas para as colunas vazias")),
    _address("street", ("Calle", "Street", "Rua"), 200),
    _address("city", ("Ciudad", "City", "Cidade"), 100),
    _address("state", ("Provincia / estado", "State", "Estado"), 100),
    _address("country", ("País", "Country", "País"), 100),
    _address("postal_code", ("Código postal", "Postal code", "CEP"), 20),
    column("latitude", "number", ("Latitud", "Latitude", "Latitude"),
           ("Entre -90 y 90, junto con la longitud", "Between -90 and 90, together with longitude",
            "Entre -90 e 90, junto com a longitude"), minimum=-90, maximum=90),
    column("longitude", "number", ("Longitud", "Longitude", "Longitude"),
           ("Entre -180 y 180, junto con la latitud", "Between -180 and 180, together with latitude",
            "Entre -180 e 180, junto com a latitude"), minimum=-180, maximum=180),
]
OWNER = column(OWNER_COLUMN, "text",  # a lookup key: any address a staff user has
                ("Asesor (correo)", "Advisor (email)", "Assessor (e-mail)"),
               ("Correo del usuario del equipo asignado como asesor; si se indica, manda sobre owner_id",
                "Email of the staff user assigned as advisor; when given, it wins over owner_id",
                "E-mail do usuário da equipe atribuído como assessor; se indicado, prevalece sobre owner_id"),
               relation=True, max_length=254)
EXPORTED = (Contact.id, Contact.created_at, *(getattr(Contact, c.key) for c in PROFILE_COLUMNS[1:]),
            Contact.custom_fields)
EXPORTED_KEYS = tuple(c.key for c in EXPORTED)
class ContactsTransfer:
    entity = "contacts"
    read_permission = "contacts:read"
    write_permission = "contacts:write"
    id_column = "id"
    filter_model = ContactCriteria

    async def columns(self, ctx: TenantContext, *, relations: bool) -> list[Column]:
        custom = [custom_column(f) for f in await custom_fields.definitions(ctx, "contact")]
        linked = [*(r.sheet_column() for r in SHEET_RELATIONS.ordered()), OWNER] if relations else []
        return [*PROFILE_COLUMNS, *custom, *linked]

    async def check_filter(self, ctx: TenantContext, filters: ContactCriteria) -> None:
        await conditions(ctx, filters, ("body", "filter"))  # unknown keys, cf.<key> values, the group

    async def count(self, ctx: TenantContext, filters: ContactCriteria) -> int:
        stmt = ContactRepository(ctx).select(func.count()).where(*await conditions(ctx, filters, ("body", "filter")))
        return (await ctx.session.execute(stmt)).scalar_one()

    async def export_batches(self, ctx: TenantContext, filters: ContactCriteria, *, relations: bool,
                             batch_size: int) -> AsyncIterator[list[dict[str, Any]]]:
        repo = ContactRepository(ctx)
        stmt = repo.select(*EXPORTED).where(*await conditions(ctx, filters, ("body", "filter")))
        cursor = None
        while True:
            rows, cursor = await repo.page(stmt, SORTS["created_at"], PageParams(limit=batch_size, cursor=cursor))
            if rows:
                yield await self._records(ctx, rows, relations=relations)
            if cursor is None:
                return

    async def _records(self, ctx: TenantContext, rows: Sequence[Any], *, relations: bool) -> list[dict[str, Any]]:
        records = []
        for row in rows:
            values = dict(zip(EXPORTED_KEYS, row, strict=True))
            values.pop("created_at")
            custom = values.pop("custom_fields") or {}
            values.update({f"{CUSTOM_PREFIX}{key}": value for key, value in custom.items()})
            records.append(values)
        if relations:
            ids = [r["id"] for r in records]
            for relation in SHEET_RELATIONS.ordered():
                names = await linked_names(ctx, relation, ids)
                for record in records:
                    record[relation.key] = names.get(record["id"], [])
            emails = await user_emails(ctx, ids=[r["owner_id"] for r in records if r["owner_id"]])
            for record in records:
                record[OWNER_COLUMN] = emails.get(record["owner_id"])
        return records

    async def apply(self, ctx: TenantContext, rows: list[ImportRow], mode: Mode) -> list[RowResult]:
        return await import_rows(ctx, rows, mode, SHEET_RELATIONS.ordered())
