"""Readers and writers on their own: hostile files, formulas, templates, error reports."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from api.core.errors import AppError
from api.transfer.columns import CellError, Column, parse_cell
from api.transfer.reading import read_csv, read_xlsx
from api.transfer.writing import csv_safe, data_workbook, errors_workbook, template_workbook

L = {"es": "x", "en": "x", "pt": "x"}
KIND = Column("kind", L, {"es": "Tipo", "en": "Kind", "pt": "Tipo"}, kind="select", options=("customer", "lead"),
              required=True)
CITY = Column("city", L, {"es": "Ciudad", "en": "City", "pt": "Cidade"}, kind="select",
              options=tuple(f"Ciudad número {i}" for i in range(40)))
NAME = Column("name", L, {"es": "Nombre", "en": "Name", "pt": "Nome"}, max_length=10)


def xlsx(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rebuild(data: bytes, replace: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, replace.get(item.filename, source.read(item.filename)))
    return out.getvalue()


def test_xlsx_rows_are_numbered_and_empty_rows_skipped():
    table = read_xlsx(xlsx([["name", "city"], ["Ana", "Lima"], [None, None], ["Luis", None]]), max_rows=100)
    assert table.header == ["name", "city"]
    assert list(table.rows()) == [(2, ["Ana", "Lima"]), (4, ["Luis", None])]
    assert table.count() == 2


def test_csv_with_bom_and_semicolons():
    table = read_csv("\ufeffname;city\nJosé;São Paulo\n".encode(), max_rows=10)
    assert table.header == ["name", "city"] and list(table.rows()) == [(2, ["José", "São Paulo"])]


def test_a_dtd_is_refused_before_parsing():
    billion_laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                      b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                      b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    hostile = rebuild(xlsx([["name"], ["x"]]), {"xl/worksheets/sheet1.xml": billion_laughs})
    with pytest.raises(AppError) as caught:
        read_xlsx(hostile, max_rows=10)
    assert caught.value.code == "spreadsheet_hostile"
    external = rebuild(xlsx([["name"], ["x"]]), {
        "xl/workbook.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'})
    with pytest.raises(AppError):
        read_xlsx(external, max_rows=10)


def test_a_zip_bomb_is_refused_by_its_declared_size():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 50_000_000)  # compresses ~1000:1
    with pytest.raises(AppError) as caught:
        read_xlsx(buffer.getvalue(), max_rows=10)
    assert caught.value.code == "spreadsheet_hostile"


def test_not_a_workbook_and_empty_sheets():
    with pytest.raises(AppError) as caught:
        read_xlsx(b"PK\x03\x04 not really a zip", max_rows=10)
    assert caught.value.code == "spreadsheet_unreadable"
    with pytest.raises(AppError) as caught:
        read_xlsx(xlsx([]), max_rows=10)
    assert caught.value.code == "spreadsheet_empty"


def test_endless_empty_rows_stop_at_the_budget():
    workbook = openpyxl.Workbook()
    workbook.active.append(["name"])
    workbook.active.cell(row=5000, column=1, value="far away")
    for row in range(2, 4999):
        workbook.active.cell(row=row, column=1, value="")
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_xlsx(buffer.getvalue(), max_rows=100)
    with pytest.raises(AppError) as caught:
        table.count()
    assert caught.value.code == "spreadsheet_too_many_rows"


def test_cells_parse_by_kind_in_three_languages():
    assert parse_cell(KIND, "LEAD") == "lead"
    with pytest.raises(CellError) as caught:
        parse_cell(KIND, "vip")
    assert "customer, lead" in caught.value.messages["pt"]
    with pytest.raises(CellError):
        parse_cell(NAME, "x" * 11)
    email = Column("email", L, L, kind="email")
    assert parse_cell(email, " Ana@Example.COM ") == "ana@example.com"
    assert parse_cell(Column("n", L, L, kind="number"), "3,5") == pytest.approx(3.5)
    assert parse_cell(Column("b", L, L, kind="boolean"), "Sí") is True
    assert parse_cell(Column("d", L, L, kind="date"), "2026-02-01").isoformat() == "2026-02-01"
    assert parse_cell(Column("m", L, L, kind="multiselect", options=("a", "b")), "b, a, b") == ["a", "b"]


def test_template_has_keys_dropdowns_and_a_localised_info_sheet():
    workbook = openpyxl.load_workbook(io.BytesIO(template_workbook([KIND, CITY, NAME], "pt")))
    data, info = workbook["Data"], workbook["Info"]
    assert [c.value for c in data[1]] == ["kind", "city", "name"]
    formulas = {str(v.sqref).split(":")[0]: v.formula1 for v in data.data_validations.dataValidation}
    assert formulas["A2"] == '"customer,lead"'
    assert formulas["B2"].startswith("Lists!")  # too long to be inline
    assert workbook["Lists"].sheet_state == "hidden"
    rows = [[c.value for c in row] for row in info.iter_rows()]
    assert rows[0][:4] == ["Coluna", "Nome", "Significado", "Obrigatória ao criar"]
    assert rows[1][0] == "kind" and rows[1][2] == "Tipo" and rows[1][3] == "Sim"


def test_data_workbook_keeps_formulas_as_text():
    hostile = ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\t=1"]
    records = [{"name": value, "kind": "lead", "city": None} for value in hostile]
    workbook = openpyxl.load_workbook(io.BytesIO(data_workbook([NAME, KIND, CITY], records, "es")))
    cells = [row[0] for row in workbook["Data"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == hostile
    assert all(c.data_type == "s" for c in cells)
    assert workbook.sheetnames == ["Data", "Info"]
    assert [c.value for c in workbook["Data"][1]] == ["name", "kind", "city"]
    assert csv_safe("=1+1") == "'=1+1" and csv_safe("ok") == "ok"


def test_an_empty_export_still_has_its_columns():
    workbook = openpyxl.load_workbook(io.BytesIO(data_workbook([NAME, KIND], [], "en")))
    assert [c.value for c in workbook["Data"][1]] == ["name", "kind"]


def test_error_report_marks_cells_and_explains_them():
    content = errors_workbook(["name", "kind"], [(3, ["=cmd", "vip"], {"kind": "Not allowed"})], "en")
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    data, errors = workbook["Data"], workbook["Errors"]
    assert [c.value for c in data[2]] == ["=cmd", "vip"]
    assert data["A2"].data_type == "s"
    assert data["B2"].fill.start_color.rgb.endswith("F4CCCC") and data["A2"].fill.fill_type is None
    assert [c.value for c in errors[2]] == [3, "kind", "vip", "Not allowed"]
