"""Reading import files: formats, encodings, CSV quirks and the line numbers in problems."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from matchmaker.importing.kinds import KINDS
from matchmaker.importing.lines import MAX_LINE_BYTES
from matchmaker.importing.problems import FileProblem, Problem
from matchmaker.importing.readers import Item, RawRow, read_rows

THEMES = KINDS["themes"]
HEADER = "id,name,kind,description\n"


def _read(path: Path, data: str | bytes) -> list[Item]:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(read_rows(path, THEMES))


def _problems(items: list[Item]) -> list[str]:
    return [str(i) for i in items if isinstance(i, Problem)]


def _rows(items: list[Item]) -> list[RawRow]:
    return [i for i in items if isinstance(i, RawRow)]


def _file_problem(path: Path, data: str | bytes) -> str:
    with pytest.raises(FileProblem) as caught:
        _read(path, data)
    return str(caught.value)


def test_quoted_commas_newlines_and_quotes_keep_their_line_numbers(tmp_path: Path) -> None:
    text = HEADER + 't-1,"Air, water","grand_challenge","two\nlines"\nt-2,"Say ""hi""",x,\n'
    rows = _rows(_read(tmp_path / "themes.csv", text))
    assert [(r.line, r.values["name"]) for r in rows] == [(2, "Air, water"), (4, 'Say "hi"')]
    assert rows[0].values["description"] == "two\nlines"


def test_bom_crlf_and_blank_lines_are_accepted(tmp_path: Path) -> None:
    text = "\ufeff" + HEADER.replace("\n", "\r\n") + "\r\nt-1,A,grand_challenge,d\r\n\r\n"
    rows = _rows(_read(tmp_path / "themes.csv", text))
    assert [(r.line, r.values) for r in rows] == [
        (3, {"id": "t-1", "name": "A", "kind": "grand_challenge", "description": "d"})
    ]


def test_optional_columns_may_be_left_out(tmp_path: Path) -> None:
    rows = _rows(_read(tmp_path / "themes.csv", "id,name,kind\nt-1,A,grand_challenge\n"))
    assert rows[0].values == {"id": "t-1", "name": "A", "kind": "grand_challenge"}


def test_a_row_with_the_wrong_number_of_fields_names_its_line(tmp_path: Path) -> None:
    items = _read(tmp_path / "themes.csv", HEADER + "t-1,A,grand_challenge,d,extra\nt-2,B\n")
    assert _problems(items) == [
        "themes.csv:2: expected 4 fields as in the header, found 5",
        "themes.csv:3: expected 4 fields as in the header, found 2",
    ]


def test_malformed_quoting_is_reported_and_reading_goes_on(tmp_path: Path) -> None:
    items = _read(tmp_path / "themes.csv", HEADER + 't-1,"A"x,grand_challenge,d\nt-2,B,c,d\n')
    assert _problems(items) == ["themes.csv:2: malformed CSV: ',' expected after '\"'"]
    assert [r.values["id"] for r in _rows(items)] == ["t-2"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "themes.csv: the file is empty: no header line"),
        ("t-1,A,grand_challenge,d\n", "themes.csv:1: no header: the first line must name"),
        ("id;name;kind\n", "separate the columns with commas"),
        ("id,name,kind,phone\n", "themes.csv:1: unknown column(s) 'phone'; the columns are id,"),
        ("id,name,name,kind\n", "themes.csv:1: column(s) named twice: name"),
        ("id,kind\n", "themes.csv:1: missing required column(s): name"),
    ],
)
def test_header_problems_stop_the_file(tmp_path: Path, text: str, reason: str) -> None:
    assert reason in _file_problem(tmp_path / "themes.csv", text)


def test_a_line_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    data = (HEADER + "t-1,Caf").encode() + b"\xe9" + b",grand_challenge,d\nt-2,B,c,d\n"
    items = _read(tmp_path / "themes.csv", data)
    assert _problems(items) == [
        "themes.csv:2: not valid UTF-8 (byte 0xe9 at column 8); save as UTF-8"
    ]
    assert [r.values["id"] for r in _rows(items)] == ["t-2"]


def test_utf16_files_are_refused_with_a_hint(tmp_path: Path) -> None:
    data = HEADER.encode("utf-16")
    assert "UTF-16; save it as UTF-8" in _file_problem(tmp_path / "themes.csv", data)


def test_a_huge_csv_field_is_reported_clearly(tmp_path: Path) -> None:
    items = _read(tmp_path / "themes.csv", HEADER + f"t-1,A,grand_challenge,{'x' * 200_000}\n")
    assert _problems(items) == [
        "themes.csv:2: malformed CSV: a field is longer than 131,072 characters"
    ]


def test_an_overlong_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    huge = '{"id": "t-1", "description": "' + "x" * MAX_LINE_BYTES + '"}\n'
    items = _read(tmp_path / "themes.jsonl", huge + '{"id": "t-2"}\n')
    assert _problems(items)[0].startswith("themes.jsonl:1: the line is longer than 1,048,576")
    assert [(r.line, r.values) for r in _rows(items)] == [(2, {"id": "t-2"})]


def test_json_lines_problems_name_the_line(tmp_path: Path) -> None:
    text = '{"id": "t-1"}\n\n{"id": \n[1, 2]\n{"id": "t-4"}\n'
    items = _read(tmp_path / "themes.jsonl", text)
    assert _problems(items) == [
        "themes.jsonl:3: not valid JSON: Expecting value (column 8)",
        "themes.jsonl:4: expected a JSON object {...} on each line",
    ]
    assert [r.line for r in _rows(items)] == [1, 5]
    assert not _rows(items)[0].textual


def test_gzipped_files_are_read_and_broken_ones_refused(tmp_path: Path) -> None:
    rows = _rows(_read(tmp_path / "themes.jsonl.gz", gzip.compress(b'{"id": "t-1"}\n')))
    assert rows[0].values == {"id": "t-1"}
    truncated = gzip.compress((HEADER + "t-1,A,grand_challenge,d\n" * 1000).encode())[:-20]
    assert "not a valid gzip file" in _file_problem(tmp_path / "themes.csv.gz", truncated)
    assert "not a valid gzip file" in _file_problem(tmp_path / "t.jsonl.gz", b"plain text\n")


def test_the_format_comes_from_the_extension(tmp_path: Path) -> None:
    assert "unknown format" in _file_problem(tmp_path / "themes.xlsx", HEADER)
    with pytest.raises(FileProblem, match=r"no\.csv: cannot open: No such file"):
        list(read_rows(tmp_path / "no.csv", THEMES))
