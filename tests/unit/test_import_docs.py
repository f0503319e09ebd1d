"""The documented formats stay true: the examples import as they are, and every field is listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchmaker.importing.checking import Checker
from matchmaker.importing.convert import convert
from matchmaker.importing.kinds import IMPORT_ORDER, KINDS
from matchmaker.importing.readers import RawRow, read_rows

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _records(kind: str, path: Path) -> list[object]:
    records = []
    for item in read_rows(path, KINDS[kind]):
        assert isinstance(item, RawRow), item
        record, problems = convert(KINDS[kind], item, path.name)
        assert problems == []
        records.append(record)
    return records


@pytest.mark.parametrize("folder", ["examples", "examples/jsonl"])
def test_the_examples_are_one_valid_import(folder: str) -> None:
    checker = Checker()
    for kind in IMPORT_ORDER:
        path = next((DOCS / folder).glob(f"{kind}.*"))
        assert checker.check_file(KINDS[kind], path) > 0
    checker.resolve(lambda kind, ids: set())  # nothing outside the examples is needed
    assert checker.log.messages() == []


@pytest.mark.parametrize("kind", IMPORT_ORDER)
def test_the_csv_and_json_lines_examples_hold_the_same_records(kind: str) -> None:
    csv = _records(kind, DOCS / "examples" / f"{kind}.csv")
    assert _records(kind, DOCS / "examples" / "jsonl" / f"{kind}.jsonl") == csv


@pytest.mark.parametrize("kind", IMPORT_ORDER)
def test_formats_md_lists_every_field_of_every_kind(kind: str) -> None:
    text = (DOCS / "formats.md").read_text(encoding="utf-8")
    section = text.split(f"\n### {kind}\n", 1)[1].split("\n### ", 1)[0]
    listed = [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")]
    assert listed == list(KINDS[kind].names)
