"""Locations in spreadsheets: the reference import/export adapter (see api/transfer).

Volumes are small (sites of a business), so rows go through the ORM and the audit listener
records each change; high-volume adapters (contacts) use set-based SQL and write their audit
events explicitly.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from api.core.context import TenantContext
from api.core.pagination import PageParams
from api.locations.models import Location
from api.locations.repository import SORTS, LocationRepository
from api.locations.schemas import LocationSearch
from api.transfer.adapters import ImportRow, Mode, RowResult, row_error
from api.transfer.columns import Column, Kind, column

FIELDS = ("name", "street", "city", "state", "country", "postal_code", "latitude", "longitude")


def _c(key: str, kind: Kind, es: str, en: str, pt: str, meaning: tuple[str, str, str], **extra: Any) -> Column:
    return column(key, kind, (es, en, pt), meaning, **extra)


COLUMNS = [
    _c("id", "id", "Identificador", "Identifier", "Identificador",
       ("Vacío para crear; el de Ficha para actualizar", "Empty to create; Ficha's id to update",
        "Vazio para criar; o do Ficha para atualizar")),
    _c("name", "text", "Nombre", "Name", "Nome", ("Nombre único de la ubicación", "Unique name of the location",
                                                  "Nome único da localização"), required=True, max_length=200),
    _c("street", "text", "Calle", "Street", "Rua", ("Dirección: calle y número", "Address: street and number",
                                                    "Endereço: rua e número"), max_length=200),
    _c("city", "text", "Ciudad", "City", "Cidade", ("Ciudad", "City", "Cidade"), max_length=100),
    _c("state", "text", "Provincia / estado", "State", "Estado", ("Provincia, región o estado", "State or region",
                                                                  "Estado ou região"), max_length=100),
    _c("country", "text", "País", "Country", "País", ("País", "Country", "País"), max_length=100),
    _c("postal_code", "text", "Código postal", "Postal code", "CEP", ("Código postal", "Postal code", "CEP"),
       max_length=20),
    _c("latitude", "number", "Latitud", "Latitude", "Latitude", ("Entre -90 y 90, junto con la longitud",
       "Between -90 and 90, together with longitude", "Entre -90 e 90, junto com a longitude"),
       minimum=-90, maximum=90),
    _c("longitude", "number", "Longitud", "Longitude", "Longitude", ("Entre -180 y 180, junto con la latitud",
       "Between -180 and 180, together with latitude", "Entre -180 e 180, junto com a latitude"),
       minimum=-180, maximum=180),
]


class LocationsTransfer:
    entity = "locations"
    read_permission = "locations:read"
    write_permission = "locations:write"
    id_column = "id"
    filter_model = LocationSearch

    async def columns(self, ctx: TenantContext, *, relations: bool) -> list[Column]:
        return list(COLUMNS)

    async def check_filter(self, ctx: TenantContext, filters: LocationSearch) -> None:
        return None  # the model says it all

    async def count(self, ctx: TenantContext, filters: LocationSearch) -> int:
        repo = LocationRepository(ctx)
        return await repo.count(repo.filtered(filters))

    async def export_batches(self, ctx: TenantContext, filters: LocationSearch, *, relations: bool,
                             batch_size: int) -> AsyncIterator[list[dict[str, Any]]]:
        repo = LocationRepository(ctx)
        cursor = None
        while True:
            items, cursor = await repo.page(repo.filtered(filters), SORTS["created_at"],
                                            PageParams(limit=batch_size, cursor=cursor))
            if items:
                yield [{"id": item.id, **{f: getattr(item, f) for f in FIELDS}} for item in items]
            if cursor is None:
                return

    async def apply(self, ctx: TenantContext, rows: list[ImportRow], mode: Mode) -> list[RowResult]:
        repo = LocationRepository(ctx)
        session, tenant_id = ctx.session, ctx.tenant_id
        assert tenant_id is not None
        ids = [row.values["id"] for row in rows if row.values.get("id")]
        names = [row.values["name"] for row in rows if row.values.get("name")]
        known = await repo.matching(ids, names)
        by_id = {location.id: location for location in known}
        by_name = {location.name.lower(): location for location in known}
        results = [self._apply_one(tenant_id, row, mode, by_id, by_name, session) for row in rows]
        await session.flush()
        return results

    def _apply_one(self, tenant_id: uuid.UUID, row: ImportRow, mode: Mode, by_id: dict[uuid.UUID, Location],
                   by_name: dict[str, Location], session: AsyncSession) -> RowResult:
        values = {k: (float(v) if k in ("latitude", "longitude") and v is not None else v)
                  for k, v in row.values.items() if k in FIELDS}
        target = None
        if row.values.get("id"):
            target = by_id.get(row.values["id"])
            if target is None:
                return row_error(row.number, "id", "No existe una ubicación con este identificador",
                                 "No location has this identifier", "Não existe localização com este identificador")
        elif values.get("name"):
            target = by_name.get(values["name"].lower())
        if target is None and mode == "update":
            return row_error(row.number, "id" if "id" in row.values else "name", "No existe: nada que actualizar",
                             "Not found: nothing to update", "Não existe: nada para atualizar")
        if target is not None and mode == "create":
            return row_error(row.number, "name", "Ya existe una ubicación con este nombre",
                             "A location with this name already exists", "Já existe uma localização com este nome")
        merged = {f: values.get(f, getattr(target, f) if target else None) for f in FIELDS}
        if not merged["name"]:
            return row_error(row.number, "name", "Obligatorio para crear", "Required to create",
                             "Obrigatório para criar")
        if (merged["latitude"] is None) != (merged["longitude"] is None):
            return row_error(row.number, "longitude" if merged["longitude"] is None else "latitude",
                             "Latitud y longitud van juntas", "Latitude and longitude go together",
                             "Latitude e longitude andam juntas")
        holder = by_name.get(merged["name"].lower())
        if holder is not None and holder is not target:
            return row_error(row.number, "name", "Ya existe una ubicación con este nombre",
                             "A location with this name already exists", "Já existe uma localização com este nome")
        if target is None:
            target = Location(tenant_id=tenant_id, **merged)
            session.add(target)
            by_name[merged["name"].lower()] = target
            return RowResult(number=row.number, outcome="created")
        changed = {f: v for f, v in merged.items() if getattr(target, f) != v}
        if "name" in changed:
            by_name.pop(target.name.lower(), None)
            by_name[merged["name"].lower()] = target
        for field, value in changed.items():
            setattr(target, field, value)
        return RowResult(number=row.number, outcome="updated" if changed else "unchanged")
