"""Custom field rules: managing definitions, validating values, and filtering lists by them.

Other domains use three functions:

* :func:`validate_values` on every write of a record's ``custom_fields`` (contacts now, staff
  users after the merge): unknown key, wrong type, option not allowed or a required field
  missing → 422 with ``loc = [*loc, "<key>"]`` (:func:`check_values` does the same against
  definitions already read, for imports);
* :func:`containment_filter` to turn ``cf.<key>=<value>`` list parameters into one JSONB
  containment (``custom_fields @> {...}``), which a GIN ``jsonb_path_ops`` index serves;
* :func:`register_value_store`, so deleting a definition also removes its stored values (a key
  can then be reused without old values of another type coming back).
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from api.core.context import TenantContext
from api.core.db import flush_checked
from api.core.errors import Conflict, FieldError, Forbidden, ValidationFailed, field_error
from api.core.schemas import Page
from api.customfields import errors as _errors  # noqa: F401 - registers messages
from api.customfields.models import CustomField
from api.customfields.repository import BY_POSITION, CustomFieldRepository
from api.customfields.schemas import (
    MAX_FIELDS_PER_ENTITY,
    MAX_TEXT_LENGTH,
    CustomFieldCreate,
    CustomFieldFilters,
    CustomFieldRead,
    CustomFieldUpdate,
)

READ_PERMISSION = {"contact": "contacts:read", "user": "users:read"}
FILTER_PREFIX = "cf."
UNIQUE_KEY = "uq_custom_field_tenant_id_entity_key"

# entity → coroutine(ctx, key) removing that key from every stored record of the entity.
ValueStore = Callable[[TenantContext, str], Awaitable[None]]
_VALUE_STORES: dict[str, ValueStore] = {}


def register_value_store(entity: str, purge: ValueStore) -> None:
    """Called by the domain that stores ``entity`` records (contacts, identity's users)."""
    _VALUE_STORES[entity] = purge


# --- Definitions -------------------------------------------------------------------------------

def _require_read(ctx: TenantContext, entity: str) -> None:
    if not (ctx.can(READ_PERMISSION[entity]) or ctx.can("custom_fields:manage")):
        raise Forbidden(params={"permission": READ_PERMISSION[entity]})


async def list_fields(ctx: TenantContext, filters: CustomFieldFilters) -> Page[CustomFieldRead]:
    _require_read(ctx, filters.entity)
    repo = CustomFieldRepository(ctx)
    items, cursor = await repo.page(repo.of_entity(filters.entity), BY_POSITION, filters.page)
    return Page(items=[CustomFieldRead.model_validate(i) for i in items], next_cursor=cursor)


async def get_field(ctx: TenantContext, field_id: uuid.UUID) -> CustomField:
    field = await CustomFieldRepository(ctx).get(field_id)
    _require_read(ctx, field.entity)
    return field


async def definitions(ctx: TenantContext, entity: str) -> list[CustomField]:
    """The workspace's fields for ``entity``, in form order (for forms, imports and exports)."""
    return await CustomFieldRepository(ctx).definitions(entity)


def _key_taken(entity: str, key: str) -> Conflict:
    return Conflict("custom_field_key_taken", params={"key": key, "entity": entity})


async def create_field(ctx: TenantContext, body: CustomFieldCreate) -> CustomField:
    repo = CustomFieldRepository(ctx)
    if await repo.by_key(body.entity, body.key):
        raise _key_taken(body.entity, body.key)
    if await repo.count(body.entity) >= MAX_FIELDS_PER_ENTITY:
        raise Conflict("custom_field_limit", params={"limit": MAX_FIELDS_PER_ENTITY})
    field = CustomField(tenant_id=ctx.tenant_id, entity=body.entity, key=body.key, type=body.type,
                        labels=body.labels.model_dump(), required=body.required, options=body.options,
                        position=body.order)
    ctx.session.add(field)
    await flush_checked(ctx.session, {UNIQUE_KEY: _key_taken(body.entity, body.key)})
    return field


async def update_field(ctx: TenantContext, field_id: uuid.UUID, body: CustomFieldUpdate) -> CustomField:
    field = await CustomFieldRepository(ctx).get(field_id, for_update=True)
    changes = body.model_dump(exclude_unset=True)
    for name in ("labels", "required", "order"):
        if changes.get(name) is None:
            changes.pop(name, None)
    if "options" in changes:
        if field.type not in ("select", "multiselect"):
            raise ValidationFailed([field_error(
                ("body", "options"), "custom_field_options",
                "Solo los campos de selección tienen opciones", "Only select fields take options",
                "Apenas campos de seleção têm opções")])
        if changes["options"] is None:
            raise ValidationFailed([field_error(
                ("body", "options"), "missing", "Indique al menos una opción", "Give at least one option",
                "Informe ao menos uma opção")])
    if "order" in changes:
        field.position = changes.pop("order")
    for name, value in changes.items():
        setattr(field, name, value)
    await ctx.session.flush()
    return field


async def delete_field(ctx: TenantContext, field_id: uuid.UUID) -> None:
    repo = CustomFieldRepository(ctx)
    field = await repo.get(field_id, for_update=True)
    purge = _VALUE_STORES.get(field.entity)
    if purge is not None:
        await purge(ctx, field.key)
    await repo.delete(field)


# --- Values ------------------------------------------------------------------------------------

def _error(loc: tuple[str | int, ...], kind: str, es: str, en: str, pt: str) -> FieldError:
    return field_error(loc, kind, es, en, pt)


def _wrong_type(loc: tuple[str | int, ...], field: CustomField) -> FieldError:
    expected = {
        "text": ("un texto", "a text", "um texto"),
        "number": ("un número", "a number", "um número"),
        "date": ("una fecha AAAA-MM-DD", "a date YYYY-MM-DD", "uma data AAAA-MM-DD"),
        "boolean": ("verdadero o falso", "true or false", "verdadeiro ou falso"),
        "select": ("una de las opciones", "one of the options", "uma das opções"),
        "multiselect": ("una lista de opciones", "a list of options", "uma lista de opções"),
    }[field.type]
    return _error(loc, "custom_field_type", f"Debe ser {expected[0]}", f"Must be {expected[1]}",
                  f"Deve ser {expected[2]}")


def _not_an_option(loc: tuple[str | int, ...], field: CustomField, value: Any) -> FieldError:
    allowed = ", ".join(field.options)
    return _error(loc, "custom_field_option", f"«{value}» no es una opción permitida ({allowed})",
                  f"“{value}” is not an allowed option ({allowed})",
                  f"“{value}” não é uma opção permitida ({allowed})")


def _missing(loc: tuple[str | int, ...]) -> FieldError:
    return _error(loc, "missing", "Este campo adicional es obligatorio", "This additional field is required",
                  "Este campo adicional é obrigatório")


def _unknown(loc: tuple[str | int, ...]) -> FieldError:
    return _error(loc, "custom_field_unknown", "No existe un campo adicional con esta clave",
                  "There is no additional field with this key", "Não existe campo adicional com esta chave")


class _Invalid(Exception):
    def __init__(self, error: FieldError) -> None:
        self.error = error


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def _coerce(field: CustomField, value: Any, loc: tuple[str | int, ...]) -> Any:
    """The stored form of ``value`` for ``field``, or :class:`_Invalid`."""
    kind = field.type
    if kind == "text" and isinstance(value, str) and len(value) <= MAX_TEXT_LENGTH:
        return value
    if kind == "number" and isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise _Invalid(_wrong_type(loc, field))
        return value
    if kind == "boolean" and isinstance(value, bool):
        return value
    if kind == "date" and isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    if kind == "select" and isinstance(value, str):
        if value not in field.options:
            raise _Invalid(_not_an_option(loc, field, value))
        return value
    if kind == "multiselect" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        for index, item in enumerate(value):
            if item not in field.options:
                raise _Invalid(_not_an_option((*loc, index), field, item))
        return list(dict.fromkeys(value))
    raise _Invalid(_wrong_type(loc, field))


async def validate_values(ctx: TenantContext, entity: str, values: Mapping[str, Any], *, partial: bool,
                          loc: tuple[str | int, ...] = ("body", "custom_fields")) -> dict[str, Any]:
    """Check ``values`` against the workspace's ``entity`` fields and return their stored form.

    ``partial=False`` (a create, or a full replacement): every required field must have a value;
    blank optional values are dropped. ``partial=True`` (a PATCH): only the keys sent are checked,
    and ``None`` means "clear this field" (refused for required ones); the caller merges the
    result into the stored values, removing the keys whose value is ``None``.
    """
    fields = {f.key: f for f in await definitions(ctx, entity)} if values or not partial else {}
    return check_values(fields, values, partial=partial, loc=loc)


def check_values(fields: Mapping[str, CustomField], values: Mapping[str, Any], *, partial: bool,
                 loc: tuple[str | int, ...] = ("body", "custom_fields")) -> dict[str, Any]:
    """:func:`validate_values` against definitions already read (``{key: field}``): for imports,
    which check thousands of records against the same definitions without a query per record."""
    errors: list[FieldError] = []
    result: dict[str, Any] = {}
    for key, value in values.items():
        field = fields.get(key)
        where = (*loc, key)
        if field is None:
            errors.append(_unknown(where))
        elif _is_blank(value):
            if field.required:
                errors.append(_missing(where))
            elif partial:
                result[key] = None
        else:
            try:
                result[key] = _coerce(field, value, where)
            except _Invalid as invalid:
                errors.append(invalid.error)
    if not partial:
        errors += [_missing((*loc, key)) for key, field in fields.items()
                   if field.required and key not in values]
    if errors:
        raise ValidationFailed(errors)
    return result


def merge_values(stored: Mapping[str, Any], validated: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a partial :func:`validate_values` result to the stored values."""
    merged = {**stored, **validated}
    return {key: value for key, value in merged.items() if value is not None}


# --- Filters -----------------------------------------------------------------------------------

def _filter_value(field: CustomField, raw: Any, loc: tuple[str | int, ...]) -> Any:
    text = str(raw).strip() if not isinstance(raw, bool) else ("true" if raw else "false")
    try:
        if field.type == "number":
            number = Decimal(text)
            if not number.is_finite():
                raise InvalidOperation
            return int(number) if number == number.to_integral_value() else float(number)
        if field.type == "boolean":
            lowered = text.lower()
            if lowered not in ("true", "false", "1", "0"):
                raise ValueError
            return lowered in ("true", "1")
        if field.type == "date":
            return date.fromisoformat(text).isoformat()
    except (ValueError, InvalidOperation) as exc:
        raise _Invalid(_wrong_type(loc, field)) from exc
    if field.type in ("select", "multiselect"):
        if text not in field.options:
            raise _Invalid(_not_an_option(loc, field, text))
        return [text] if field.type == "multiselect" else text
    return text[:MAX_TEXT_LENGTH]


async def containment_filter(ctx: TenantContext, entity: str, params: Mapping[str, Any],
                             loc_root: tuple[str, ...] = ("query",)) -> dict[str, Any]:
    """Turn ``{"cf.<key>": "<value>"}`` into the JSONB document the stored values must contain.

    Text, number, date, boolean and select fields match the value exactly; a multiselect field
    matches records whose list includes the value. Unknown keys, values of the wrong type and
    options that do not exist are 422s located at ``[*loc_root, "cf.<key>"]``.
    """
    if not params:
        return {}
    fields = {f.key: f for f in await definitions(ctx, entity)}
    document: dict[str, Any] = {}
    errors: list[FieldError] = []
    for name, raw in params.items():
        where: tuple[str | int, ...] = (*loc_root, name)
        field = fields.get(name.removeprefix(FILTER_PREFIX))
        if field is None:
            errors.append(_unknown(where))
            continue
        if isinstance(raw, list | dict) or raw is None:
            errors.append(_wrong_type(where, field))
            continue
        try:
            document[field.key] = _filter_value(field, raw, where)
        except _Invalid as invalid:
            errors.append(invalid.error)
    if errors:
        raise ValidationFailed(errors)
    return document
