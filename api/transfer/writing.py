"""Writing workbooks: templates, data exports and error reports.

Writers were chosen by measurement (docs/performance.md): data exports use
``rustpy-xlsxwriter`` (the Rust ``rust_xlsxwriter`` engine; ~19× openpyxl's write-only rate
here), which also writes dropdown validations and the Info sheet; the empty template and the
error report use openpyxl (full-column validations on an empty sheet, per-cell fills) where
speed does not matter. Every text goes into a *string* cell, so a value such as
``=HYPERLINK(...)`` is shown, never run (CSV exports prefix such values with a quote instead).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

import rustpy_xlsxwriter as rx
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from api.transfer.columns import Column, cell_value, format_text

DATA_SHEET = "Data"
INFO_SHEET = "Info"
ERRORS_SHEET = "Errors"
LISTS_SHEET = "Lists"
MAX_INLINE_LIST = 250  # Excel caps an inline validation list at 255 characters
TEMPLATE_ROWS = 10_000  # rows an empty template's validations cover
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_INFO_HEADERS = {
    "es": ["Columna", "Nombre", "Significado", "Obligatoria al crear", "Formato", "Valores permitidos"],
    "en": ["Column", "Name", "Meaning", "Required to create", "Format", "Allowed values"],
    "pt": ["Coluna", "Nome", "Significado", "Obrigatória ao criar", "Formato", "Valores permitidos"],
}
_YES_NO = {"es": ("Sí", "No"), "en": ("Yes", "No"), "pt": ("Sim", "Não")}
_BOOLEAN_OPTIONS = ("true", "false")


def info_rows(columns: Sequence[Column], language: str) -> list[list[str]]:
    yes, no = _YES_NO[language]
    rows = [_INFO_HEADERS[language]]
    for column in columns:
        allowed = ", ".join(column.options) if column.options else (
            "true, false" if column.kind == "boolean" else "")
        rows.append([column.key, column.text("label", language), column.text("description", language),
                     yes if column.required else no, format_text(column, language), allowed])
    return rows


def _dropdown(column: Column) -> tuple[str, ...]:
    if column.kind == "boolean":
        return _BOOLEAN_OPTIONS
    if column.kind == "select":
        return column.options
    return ()


# --- the empty template (openpyxl) ----------------------------------------------------------

def template_workbook(columns: Sequence[Column], language: str) -> bytes:
    workbook = Workbook()
    data = workbook.active
    data.title = DATA_SHEET
    data.append([c.key for c in columns])
    bold = Font(bold=True)
    lists = None
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        data[f"{letter}1"].font = bold
        data[f"{letter}1"].comment = Comment(column.text("description", language)[:300], "Ficha")
        data.column_dimensions[letter].width = max(12, min(40, len(column.key) + 4))
        options = _dropdown(column)
        if not options:
            continue
        inline = ",".join(options)
        if len(inline) <= MAX_INLINE_LIST and '"' not in inline:
            formula = f'"{inline}"'
        else:  # long lists live on a hidden sheet
            if lists is None:
                lists = workbook.create_sheet(LISTS_SHEET)
                lists.sheet_state = "hidden"
            for row, option in enumerate(options, start=1):
                lists.cell(row=row, column=index, value=option).data_type = "s"
            formula = f"{LISTS_SHEET}!${letter}$1:${letter}${len(options)}"
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(validation)
    data.freeze_panes = "A2"
    info = workbook.create_sheet(INFO_SHEET)
    for row in info_rows(columns, language):
        info.append(row)
    for cell in info[1]:
        cell.font = bold
    for letter, width in zip("ABCDEF", (22, 24, 60, 14, 36, 50), strict=True):
        info.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- data exports (rustpy-xlsxwriter) -------------------------------------------------------

def data_workbook(columns: Sequence[Column], records: Iterable[dict[str, Any]], language: str) -> bytes:
    """One .xlsx with the records (keys = column keys) and the Info sheet."""
    keys = [c.key for c in columns]

    def rows() -> Iterable[dict[str, Any]]:
        by_key = {c.key: c for c in columns}
        for record in records:
            yield {key: cell_value(by_key[key], record.get(key)) for key in keys}

    validations = {}
    for column in columns:
        options = _dropdown(column)
        if options and len(",".join(options)) <= MAX_INLINE_LIST:
            validations[column.key] = {"type": "list", "values": list(options), "ignore_blank": True}
    header = [{key: key for key in keys}]  # a header-only first row keeps column order when empty
    buffer = io.BytesIO()
    info = info_rows(columns, language)
    info_records = [dict(zip(info[0], row, strict=True)) for row in info[1:]]
    (rx.FastExcel(buffer)
       .sheet(DATA_SHEET, _with_order(rows(), header[0]), header_format=rx.Format().set_bold(),
              data_validations=validations or None, column_width=18)
       .sheet(INFO_SHEET, info_records, header_format=rx.Format().set_bold(), column_width=30)
       .save())
    return buffer.getvalue()


def _with_order(records: Iterable[dict[str, Any]], header: dict[str, str]) -> Iterable[dict[str, Any]]:
    """rustpy takes its header from the first record; an empty export still needs its columns."""
    iterator = iter(records)
    first = next(iterator, None)
    if first is None:
        yield {key: None for key in header}
        return
    yield first
    yield from iterator


# --- error reports (openpyxl, write-only) ---------------------------------------------------

ERROR_FILL = PatternFill("solid", start_color="FFF4CCCC", end_color="FFF4CCCC")


def _text_cell(sheet: Any, value: Any, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula
    if fill is not None:
        cell.fill = fill
    return cell


def errors_workbook(header: Sequence[str], failures: Iterable[tuple[int, list[Any], dict[str, str]]],
                    language: str) -> bytes:
    """The failed rows as they were (importable again once fixed), failing cells filled, and an
    Errors sheet with one line per failing cell: row, column, value, reason."""
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(DATA_SHEET)
    errors = workbook.create_sheet(ERRORS_SHEET)
    data.append([_text_cell(data, h) for h in header])
    titles = {"es": ["Fila", "Columna", "Valor", "Motivo"], "en": ["Row", "Column", "Value", "Reason"],
              "pt": ["Linha", "Coluna", "Valor", "Motivo"]}[language]
    errors.append(titles)
    for row_number, values, cell_errors in failures:
        data.append([_text_cell(data, v, ERROR_FILL if header[i] in cell_errors else None)
                     for i, v in enumerate(values)])
        for key, reason in cell_errors.items():
            value = values[header.index(key)] if key in header else None
            errors.append([row_number, _text_cell(errors, key), _text_cell(errors, value),
                           _text_cell(errors, reason)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_safe(value: Any) -> Any:
    """CSV has no cell types: prefix values a spreadsheet would run as formulas (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
