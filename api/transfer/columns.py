"""Columns of an importable/exportable entity, and how a cell becomes a value.

The header row of every workbook holds the column *keys* (``first_name``, ``custom.vip``,
``groups``), so a file works whatever the language; the Info sheet explains each key in the
requester's language. A column knows its kind, whether a new record needs it, its allowed
values and whether it is a relation (left out of "with data, without relations" files).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

from email_validator import EmailNotValidError, validate_email

from api.customfields.schemas import MAX_TEXT_LENGTH

if TYPE_CHECKING:
    from api.customfields.models import CustomField

Kind = Literal["id", "text", "email", "phone", "number", "integer", "date", "boolean", "select", "multiselect",
               "list"]
LIST_SEPARATOR = ","
CUSTOM_PREFIX = "custom."  # custom field columns: custom.<key>
TRUE_WORDS = {"true", "1", "yes", "y", "si", "sí", "s", "sim", "verdadero", "verdadeiro", "x"}
FALSE_WORDS = {"false", "0", "no", "n", "nao", "não", "falso", ""}


@dataclass(frozen=True)
class Column:
    key: str
    label: dict[str, str]
    description: dict[str, str]
    kind: Kind = "text"
    required: bool = False  # needed to create a record
    options: tuple[str, ...] = ()
    max_length: int | None = None
    relation: bool = False
    minimum: float | None = None
    maximum: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def text(self, field_name: str, language: str) -> str:
        values = getattr(self, field_name)
        return values.get(language) or values.get("en") or self.key


def column(key: str, kind: Kind, label: tuple[str, str, str], meaning: tuple[str, str, str], **extra: Any) -> Column:
    """A column from its (es, en, pt) label and meaning: how adapters declare their columns."""
    return Column(key=key, kind=kind, label=dict(zip(("es", "en", "pt"), label, strict=True)),
                  description=dict(zip(("es", "en", "pt"), meaning, strict=True)), **extra)


_CUSTOM_KINDS: dict[str, Kind] = {"text": "text", "number": "number", "date": "date", "boolean": "boolean",
                                  "select": "select", "multiselect": "multiselect"}


def custom_column(field: CustomField) -> Column:
    """The ``custom.<key>`` column of a custom field: typed, its options as a dropdown."""
    labels = tuple(field.labels.get(lang) or field.key for lang in ("es", "en", "pt"))
    return column(f"{CUSTOM_PREFIX}{field.key}", _CUSTOM_KINDS[field.type], labels,  # type: ignore[arg-type]
                  ("Campo adicional", "Additional field", "Campo adicional"), required=field.required,
                  options=tuple(field.options or ()), max_length=MAX_TEXT_LENGTH if field.type == "text" else None)


def custom_values(values: dict[str, Any]) -> dict[str, Any]:
    """The row's ``custom.<key>`` cells as the JSON values custom fields store (numbers as int or
    float, dates as ISO text), keyed by field key — ready for ``customfields.check_values``."""
    found = {}
    for key, value in values.items():
        if key.startswith(CUSTOM_PREFIX):
            if isinstance(value, Decimal):
                value = int(value) if value == value.to_integral_value() else float(value)
            elif isinstance(value, date):
                value = value.isoformat()
            found[key.removeprefix(CUSTOM_PREFIX)] = value
    return found


class CellError(ValueError):
    """A cell that cannot be read; ``messages`` holds es/en/pt texts."""

    def __init__(self, es: str, en: str, pt: str) -> None:
        super().__init__(en)
        self.messages = {"es": es, "en": en, "pt": pt}


_FORMAT = {
    "id": ("UUID (vacío para crear)", "UUID (empty to create)", "UUID (vazio para criar)"),
    "text": ("Texto", "Text", "Texto"),
    "email": ("Correo electrónico", "Email address", "E-mail"),
    "phone": ("Teléfono (E.164, p. ej. +34600111222)", "Phone (E.164, e.g. +34600111222)",
              "Telefone (E.164, ex. +5511999998888)"),
    "number": ("Número (punto decimal)", "Number (decimal point)", "Número (ponto decimal)"),
    "integer": ("Número entero", "Whole number", "Número inteiro"),
    "date": ("Fecha AAAA-MM-DD", "Date YYYY-MM-DD", "Data AAAA-MM-DD"),
    "boolean": ("Sí / No", "Yes / No", "Sim / Não"),
    "select": ("Uno de los valores permitidos", "One of the allowed values", "Um dos valores permitidos"),
    "multiselect": ("Valores permitidos separados por comas", "Allowed values separated by commas",
                    "Valores permitidos separados por vírgulas"),
    "list": ("Nombres separados por comas", "Names separated by commas", "Nomes separados por vírgulas"),
}


def format_text(column: Column, language: str) -> str:
    es, en, pt = _FORMAT[column.kind]
    text = {"es": es, "en": en, "pt": pt}[language]
    if column.max_length:
        text += f" (≤ {column.max_length})"
    return text


def _as_text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, datetime | date):
        return raw.isoformat()
    return str(raw).strip()


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]


def parse_cell(column: Column, raw: Any) -> Any:
    """The value of one cell for ``column`` (None when empty), or :class:`CellError`."""
    text = _as_text(raw)
    if text == "":
        return [] if column.kind in ("multiselect", "list") else None
    if column.max_length and len(text) > column.max_length:
        raise CellError(f"Máximo {column.max_length} caracteres", f"At most {column.max_length} characters",
                        f"No máximo {column.max_length} caracteres")
    parser = _PARSERS.get(column.kind, _parse_text)
    return parser(column, text, raw)


def _parse_text(column: Column, text: str, raw: Any) -> str:
    if "\x00" in text:
        raise CellError("Contiene caracteres no válidos", "Contains invalid characters", "Contém caracteres inválidos")
    return text


def _parse_id(column: Column, text: str, raw: Any) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError as exc:
        raise CellError("No es un identificador válido", "Not a valid identifier", "Não é um identificador válido") \
            from exc


def _parse_email(column: Column, text: str, raw: Any) -> str:
    try:
        return validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise CellError("Correo electrónico no válido", "Invalid email address", "E-mail inválido") from exc


_NUMBER_TEXT = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def _parse_number(column: Column, text: str, raw: Any) -> Decimal | int:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = Decimal(str(raw))
    elif _NUMBER_TEXT.match(text.replace(" ", "")):
        try:
            value = Decimal(text.replace(" ", "").replace(",", "."))
        except InvalidOperation as exc:
            raise CellError("No es un número", "Not a number", "Não é um número") from exc
    else:
        raise CellError("No es un número", "Not a number", "Não é um número")
    if column.kind == "integer":
        if value != value.to_integral_value():
            raise CellError("Debe ser un número entero", "Must be a whole number", "Deve ser um número inteiro")
        value = int(value)
    if column.minimum is not None and value < column.minimum:
        bound = f"{column.minimum:g}"
        raise CellError(f"Debe ser ≥ {bound}", f"Must be ≥ {bound}", f"Deve ser ≥ {bound}")
    if column.maximum is not None and value > column.maximum:
        bound = f"{column.maximum:g}"
        raise CellError(f"Debe ser ≤ {bound}", f"Must be ≤ {bound}", f"Deve ser ≤ {bound}")
    return value


def _parse_date(column: Column, text: str, raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(text[:10])
    except ValueError as exc:
        raise CellError("Fecha no válida (AAAA-MM-DD)", "Invalid date (YYYY-MM-DD)", "Data inválida (AAAA-MM-DD)") \
            from exc


def _parse_boolean(column: Column, text: str, raw: Any) -> bool:
    word = text.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError("Use sí o no", "Use yes or no", "Use sim ou não")


def _option(column: Column, value: str) -> str:
    for option in column.options:
        if option.lower() == value.lower():
            return option
    allowed = ", ".join(column.options)
    raise CellError(f"Valor no permitido; use: {allowed}", f"Value not allowed; use: {allowed}",
                    f"Valor não permitido; use: {allowed}")


def _parse_select(column: Column, text: str, raw: Any) -> str:
    return _option(column, text)


def _parse_multiselect(column: Column, text: str, raw: Any) -> list[str]:
    return sorted({_option(column, part) for part in split_list(text)})


def _parse_list(column: Column, text: str, raw: Any) -> list[str]:
    return list(dict.fromkeys(split_list(text)))


_PARSERS = {
    "id": _parse_id, "text": _parse_text, "email": _parse_email, "phone": _parse_text,
    "number": _parse_number, "integer": _parse_number, "date": _parse_date, "boolean": _parse_boolean,
    "select": _parse_select, "multiselect": _parse_multiselect, "list": _parse_list,
}


def cell_value(column: Column, value: Any) -> Any:
    """How a value is written to a cell on export."""
    if value is None:
        return None
    if column.kind in ("multiselect", "list") and isinstance(value, list | tuple | set):
        return f"{LIST_SEPARATOR} ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, uuid.UUID | date | datetime):
        return str(value) if not isinstance(value, date | datetime) else value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value
