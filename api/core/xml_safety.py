"""Spreadsheets are XML inside a zip: make sure openpyxl parses them with defusedxml
(billion laughs, external entities), and refuse to start if it would not."""

from __future__ import annotations


def assert_defused_xml() -> None:
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:
        raise RuntimeError("defusedxml must be installed: openpyxl would parse untrusted XML unsafely")
