"""CSV exports cannot run as spreadsheet formulas, and still import back unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from matchmaker.domain.model import Idea
from matchmaker.importing.convert import convert
from matchmaker.importing.formulas import guard, unguard
from matchmaker.importing.kinds import KINDS
from matchmaker.importing.lines import Format
from matchmaker.importing.readers import RawRow, read_rows
from matchmaker.importing.writers import open_output, write_records

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''@twice",
]
HARMLESS = ["O'Brien", "'Twas brillig", "MRI = magnets", "a-b", "", "'", "''", "x=1"]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_a_spreadsheet_would_run_is_led_by_an_apostrophe(value: str) -> None:
    written = guard(value)
    assert written == "'" + value
    assert unguard(written) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_other_cells_are_written_and_read_as_they_are(value: str) -> None:
    assert guard(value) == value
    assert unguard(value) == value


def idea_with(title: str, summary: str, skills: tuple[str, ...]) -> Idea:
    return Idea("i-1", title, summary, "m-1", themes=("t-1",), required_skills=skills)


@pytest.mark.parametrize(("title", "summary"), list(zip(HOSTILE, reversed(HOSTILE), strict=True)))
def test_an_exported_idea_is_guarded_and_imports_back_equal(
    tmp_path: Path, title: str, summary: str
) -> None:
    idea = idea_with(title, summary, ("-dose", "Python"))
    path = tmp_path / "ideas.csv"
    with open_output(path) as out:
        write_records(KINDS["ideas"], [idea], out, Format.CSV)
    with path.open(encoding="utf-8", newline="") as written:
        _, cells = csv.reader(written)
    assert all(not cell or cell[0] not in "=+-@\t\r" for cell in cells)
    rows = [r for r in read_rows(path, KINDS["ideas"]) if isinstance(r, RawRow)]
    assert convert(KINDS["ideas"], rows[0], path.name) == (idea, [])


def test_json_lines_exports_are_not_touched() -> None:
    out = io.StringIO()
    write_records(KINDS["ideas"], [idea_with("=1+1", "text", ())], out, Format.JSONL)
    assert '"title": "=1+1"' in out.getvalue()
