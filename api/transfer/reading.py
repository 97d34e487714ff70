"""Reading an uploaded spreadsheet safely and fast.

Before any parser sees an .xlsx (a zip of XML parts), the archive itself is checked: number
of entries, declared uncompressed size and compression ratio (zip bombs), and every XML part is
scanned for a DTD — a legitimate workbook never has one, and a DTD is how entity-expansion
("billion laughs") and external-entity attacks start. Only then does python-calamine (Rust,
~10× openpyxl's speed, measured in STACK-NOTES) read the first sheet. CSV is decoded as UTF-8
(with or without BOM; Latin-1 as a fallback) and its delimiter sniffed between ``,`` ``;`` tab.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook

from api.core import i18n
from api.core.errors import AppError

MAX_ZIP_ENTRIES = 2_000
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_COLUMNS = 300
MAX_CELL_CHARS = 32_767  # Excel's own limit

i18n.register("spreadsheet_unreadable", {
    "es": ("Archivo ilegible", "No se pudo leer el archivo como hoja de cálculo ({reason})."),
    "en": ("Unreadable file", "The file could not be read as a spreadsheet ({reason})."),
    "pt": ("Arquivo ilegível", "Não foi possível ler o arquivo como planilha ({reason})."),
})
i18n.register("spreadsheet_hostile", {
    "es": ("Archivo rechazado", "El archivo tiene una estructura peligrosa y fue rechazado ({reason})."),
    "en": ("File refused", "The file has a dangerous structure and was refused ({reason})."),
    "pt": ("Arquivo recusado", "O arquivo tem uma estrutura perigosa e foi recusado ({reason})."),
})
i18n.register("spreadsheet_too_many_rows", {
    "es": ("Demasiadas filas", "El archivo tiene más de {max_rows} filas; divídalo en varios."),
    "en": ("Too many rows", "The file has more than {max_rows} rows; split it into several."),
    "pt": ("Linhas demais", "O arquivo tem mais de {max_rows} linhas; divida-o em vários."),
})
i18n.register("spreadsheet_empty", {
    "es": ("Archivo sin datos", "La primera hoja no tiene fila de encabezados."),
    "en": ("No data", "The first sheet has no header row."),
    "pt": ("Arquivo sem dados", "A primeira planilha não tem linha de cabeçalho."),
})


def unreadable(reason: str) -> AppError:
    return AppError("spreadsheet_unreadable", status=422, params={"reason": reason})


def hostile(reason: str) -> AppError:
    return AppError("spreadsheet_hostile", status=422, params={"reason": reason})


def check_xlsx_archive(data: bytes) -> None:
    """Refuse zip bombs and XML with DTDs before parsing."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise unreadable("not a valid .xlsx archive") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ZIP_ENTRIES:
            raise hostile(f"{len(entries)} entries")
        declared = sum(e.file_size for e in entries)
        compressed = max(1, sum(e.compress_size for e in entries))
        if declared > MAX_UNCOMPRESSED_BYTES or declared / compressed > MAX_COMPRESSION_RATIO:
            raise hostile("declared uncompressed size too large")
        names = {e.filename for e in entries}
        if "xl/workbook.xml" not in names:
            raise unreadable("no workbook inside")
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                with archive.open(entry) as part:
                    head = part.read(4096).lower()
                if b"<!doctype" in head or b"<!entity" in head:
                    raise hostile(f"DTD in {entry.filename}")


@dataclass
class Table:
    """A sheet's header and a way to walk its rows (more than once: a first pass counts them,
    so a file over the limit is refused before anything is applied)."""

    header: list[str]
    rows: Callable[[], Iterator[tuple[int, list[Any]]]]  # (1-based sheet row number, cells)

    def count(self) -> int:
        return sum(1 for _ in self.rows())


def _clean_header(cells: list[Any]) -> list[str]:
    header = [str(c).strip() if c is not None else "" for c in cells]
    while header and header[-1] == "":
        header.pop()
    return header


def _bounded_rows(rows: Iterator[list[Any]], width: int, max_rows: int) -> Iterator[tuple[int, list[Any]]]:
    """Non-empty rows, numbered as in the sheet; a sheet padded with endless empty rows is
    walked only as far as the row budget allows."""
    seen = 0
    for number, cells in enumerate(rows, start=2):
        seen += 1
        if seen > max_rows * 2:
            raise AppError("spreadsheet_too_many_rows", status=422, params={"max_rows": max_rows})
        values = [None if v == "" else v for v in cells[:width]] + [None] * (width - len(cells))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in values):
            raise hostile(f"a cell longer than {MAX_CELL_CHARS} characters in row {number}")
        yield number, values


def read_xlsx(data: bytes, max_rows: int) -> Table:
    check_xlsx_archive(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = workbook.get_sheet_by_index(0)
        rows = sheet.iter_rows()
        first = next(rows, None)
    except (CalamineError, ValueError, KeyError, IndexError) as exc:
        raise unreadable(type(exc).__name__) from exc
    if first is None:
        raise AppError("spreadsheet_empty", status=422)
    header = _clean_header(list(first))
    if not header or len(header) > MAX_COLUMNS:
        raise AppError("spreadsheet_empty", status=422) if not header else hostile(f"{len(header)} columns")
    def walk() -> Iterator[tuple[int, list[Any]]]:
        remaining = sheet.iter_rows()
        next(remaining, None)  # the header
        return _bounded_rows((list(r) for r in remaining), len(header), max_rows)

    return Table(header=header, rows=walk)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise unreadable("binary content")
        return text
    raise unreadable("unknown text encoding")


def read_csv(data: bytes, max_rows: int) -> Table:
    text = _decode(data)
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    def reader() -> Iterator[list[str]]:
        return csv.reader(io.StringIO(text, newline=""), dialect)

    try:
        first = next(reader(), None)
    except csv.Error as exc:
        raise unreadable(str(exc)) from exc
    if not first:
        raise AppError("spreadsheet_empty", status=422)
    header = _clean_header(first)
    if len(header) > MAX_COLUMNS:
        raise hostile(f"{len(header)} columns")

    def walk() -> Iterator[tuple[int, list[Any]]]:
        rows = reader()
        next(rows, None)
        try:
            yield from _bounded_rows(([c or None for c in r] for r in rows), len(header), max_rows)
        except csv.Error as exc:
            raise unreadable(str(exc)) from exc

    return Table(header=header, rows=walk)


def read_table(data: bytes, content_type: str, max_rows: int) -> Table:
    if content_type == "text/csv" or content_type == "text/plain":
        return read_csv(data, max_rows)
    return read_xlsx(data, max_rows)
