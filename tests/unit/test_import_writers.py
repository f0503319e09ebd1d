"""Writing records in the import formats, and the shapes that map them to the graph."""

from __future__ import annotations

import ast
import dataclasses
import io
from pathlib import Path

import pytest

from graph_schema.queries.imports import NODE_SHAPES
from matchmaker.domain.model import Group, GroupKind, Idea, Member
from matchmaker.importing.convert import convert
from matchmaker.importing.kinds import IMPORT_ORDER, KINDS
from matchmaker.importing.lines import Format
from matchmaker.importing.readers import RawRow, read_rows
from matchmaker.importing.writers import ExportError, open_output, write_records

REPO = Path(__file__).resolve().parents[2]
IDEA = Idea("i-1", 'Say "hi", twice', "Line one\nline two", "m-1", themes=("t-1", "t-2"),
            required_skills=("MRI physics", "Python"))  # fmt: skip


@pytest.mark.parametrize("name", ["ideas.csv", "ideas.jsonl", "ideas.csv.gz", "ideas.jsonl.gz"])
def test_written_records_read_back_equal(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    fmt = Format.CSV if ".csv" in name else Format.JSONL
    with open_output(path) as out:
        assert write_records(KINDS["ideas"], [IDEA], out, fmt) == 1
    rows = [r for r in read_rows(path, KINDS["ideas"]) if isinstance(r, RawRow)]
    assert convert(KINDS["ideas"], rows[0], name) == (IDEA, [])


def test_csv_has_the_field_names_as_header_and_plain_cells() -> None:
    out = io.StringIO()
    member = Member("m-1", "Ada", "a@example.org", "MRI", "mid", "Wales", "o-1")  # type: ignore[arg-type]
    write_records(KINDS["members"], [member], out, Format.CSV)
    header, row = out.getvalue().splitlines()
    assert header.split(",") == [f.name for f in dataclasses.fields(Member)]
    assert row == "m-1,Ada,a@example.org,MRI,mid,Wales,o-1,4,2,true,true,false,"


def test_a_list_item_holding_the_separator_cannot_go_to_csv() -> None:
    bad = Group("g-1", GroupKind.SIG, "G", themes=("a;b",))
    with pytest.raises(ExportError, match="export as jsonl"):
        write_records(KINDS["groups"], [bad], io.StringIO(), Format.CSV)


def test_the_node_shapes_cover_every_field_of_their_records() -> None:
    for kind, shape in NODE_SHAPES.items():
        mapped = set(shape.properties) | {link.field for link in shape.links}
        assert mapped == set(KINDS[kind].names), kind
    assert set(KINDS) - set(NODE_SHAPES) == {"memberships", "conflicts"}
    assert IMPORT_ORDER.index("members") < IMPORT_ORDER.index("outputs")


def test_the_importing_package_knows_no_database() -> None:
    for path in (REPO / "matchmaker" / "importing").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            name
            for node in ast.walk(tree)
            for name in (
                [a.name for a in node.names] if isinstance(node, ast.Import)
                else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )
        }  # fmt: skip
        assert not {m for m in modules if m.startswith(("neo4j", "matchmaker.adapters"))}, path
