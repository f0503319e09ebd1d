"""Spreadsheet formula guard for CSV cells: an export opened in Excel, LibreOffice or Google
Sheets must not run a cell such as `=HYPERLINK(...)` or `@SUM(...)` as a formula.

Export puts an apostrophe before any cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return, and also before one that already starts with apostrophes followed by one of
those (so that such a value survives the round trip). Spreadsheets show an apostrophe-led cell
as plain text and hide the apostrophe. Import takes exactly one apostrophe off the same cells,
so an exported file imports back unchanged; any other apostrophe (O'Brien, 'Twas) is data.
"""

from __future__ import annotations

import re

TRIGGERS = "=+-@\t\r"
_GUARDED = re.compile(f"'*[{re.escape(TRIGGERS)}]")
_UNGUARD = re.compile(f"'+[{re.escape(TRIGGERS)}]")


def guard(cell: str) -> str:
    """The cell as written to CSV: an apostrophe before anything a spreadsheet would run."""
    return "'" + cell if _GUARDED.match(cell) else cell


def unguard(cell: str) -> str:
    """The cell as read from CSV: the inverse of guard()."""
    return cell[1:] if _UNGUARD.match(cell) else cell
