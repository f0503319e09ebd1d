"""Validating rows: every kind of field problem, duplicates, references and the error limit."""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

import pytest

from matchmaker.domain.model import CareerStage, Member, Theme, ThemeKind
from matchmaker.importing.checking import Checker
from matchmaker.importing.convert import convert
from matchmaker.importing.kinds import KINDS
from matchmaker.importing.problems import ProblemLog
from matchmaker.importing.readers import RawRow

MEMBER: dict[str, Any] = {
    "id": "mem-1", "name": "Dr Ada Example", "email": "ada@example.org",
    "discipline": "MRI physics", "career_stage": "mid", "region": "Wales",
    "organisation_id": "org-1",
}  # fmt: skip


def _csv_member(**changes: str) -> list[str]:
    row = {k: str(v) for k, v in MEMBER.items()} | changes
    _, problems = convert(KINDS["members"], RawRow(17, row, textual=True), "members.csv")
    return [str(p) for p in problems]


def _json(kind: str, data: dict[str, Any]) -> tuple[Any, list[str]]:
    record, problems = convert(KINDS[kind], RawRow(3, data, textual=False), f"{kind}.jsonl")
    return record, [str(p) for p in problems]


def test_a_valid_csv_row_becomes_a_typed_record() -> None:
    row = {k: str(v) for k, v in MEMBER.items()} | {
        "availability_hours": "6", "visible_to_partners": "TRUE", "expertise_statement": ""
    }  # fmt: skip
    record, problems = convert(KINDS["members"], RawRow(2, row, True), "members.csv")
    assert problems == []
    assert record == Member(**MEMBER | {"career_stage": CareerStage.MID}, availability_hours=6,
                            visible_to_partners=True)  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"career_stage": "junior"}, "career_stage: 'junior' is not one of trainee, early, mid, "
                                     "senior, consultant"),
        ({"region": "Mercia"}, "region: 'Mercia' is not a UK region: one of North East,"),
        ({"email": "ada.example.org"}, "email: 'ada.example.org' is not an email address"),
        ({"id": "mem 1; DROP"}, "id: 'mem 1; DROP' is not a safe id: use letters, digits and"),
        ({"id": "m" * 101}, "id: an id holds at most 100 characters, this one has 101"),
        ({"name": "N" * 201}, "name: is 201 characters long; the most is 200"),
        ({"expertise_statement": "x" * 25_000}, "expertise_statement: is 25,000 characters long; "
                                                "the most is 20,000"),
        ({"availability_hours": "four"}, "availability_hours: expected a whole number, got 'four'"),
        ({"availability_hours": "9999"}, "availability_hours: 9999 is not between 0 and 744"),
        ({"open_to_matching": "yes"}, "open_to_matching: expected true or false, got 'yes'"),
        ({"name": ""}, "name: is required but empty"),
        ({"name": "   "}, "name: is required but blank"),
    ],
)  # fmt: skip
def test_each_field_problem_names_file_line_field_and_reason(
    changes: dict[str, str], message: str
) -> None:
    problems = _csv_member(**changes)
    assert len(problems) == 1
    assert problems[0].startswith(f"members.csv:17: {message}")


def test_every_bad_field_of_a_row_is_reported() -> None:
    assert [p.split(": ")[1] for p in _csv_member(region="X", career_stage="Y")] == [
        "career_stage", "region",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "trend"}, "kind: 'trend' is not one of grand_challenge, emerging_trend"),
        ({"name": 5}, "name: expected text, got a number 5"),
        ({"name": None}, "name: is required"),
        ({"phone": "0123"}, "phone: unknown field; the fields are id, name, kind, description"),
    ],
)
def test_json_values_are_checked_for_type(data: dict[str, Any], message: str) -> None:
    base = {"id": "t-1", "name": "Climate", "kind": "grand_challenge"}
    _, problems = _json("themes", base | data)
    assert problems == [f"themes.jsonl:3: {message}"]


def test_json_lists_ints_and_booleans() -> None:
    output = {"id": "o-1", "title": "T", "year": 2024, "authors": ["m-1", "m-2"]}
    record, problems = _json("outputs", output)
    assert problems == []
    assert record.authors == ("m-1", "m-2")
    assert _json("outputs", output | {"year": True})[1] == [
        "outputs.jsonl:3: year: expected whole number, got true/false True"
    ]
    assert _json("outputs", output | {"year": 1066})[1] == [
        "outputs.jsonl:3: year: 1066 is not a year (or 0)"
    ]
    assert _json("outputs", output | {"authors": ["m-1", "m-1"]})[1] == [
        "outputs.jsonl:3: authors: 'm-1' is listed twice"
    ]
    assert _json("outputs", output | {"authors": "m-1"})[1] == [
        "outputs.jsonl:3: authors: expected list, got text 'm-1'"
    ]


def test_csv_lists_split_on_semicolons_and_skip_blanks() -> None:
    row = {"id": "g-1", "kind": "SIG", "name": "MRI SIG", "themes": " t-1; t-2;;"}
    record, problems = convert(KINDS["groups"], RawRow(2, row, True), "groups.csv")
    assert problems == []
    assert record is not None
    assert record.themes == ("t-1", "t-2")


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("calls", {"id": "c-1", "title": "T", "description": "D", "opens": "2025-05-01",
                   "closes": "2025-04-01"}, "closes: 2025-04-01 is before opens (2025-05-01)"),
        ("calls", {"id": "c-1", "title": "T", "description": "D", "opens": "2025-13-01"},
         "opens: '2025-13-01' is not a date of the form YYYY-MM-DD"),
        ("conflicts", {"member_id": "m-1", "other_id": "m-1"},
         "other_id: a member cannot declare a conflict with themself"),
        ("ktps", {"id": "k-1", "title": "T", "business_partner_id": "p-1",
                  "knowledge_base_partner_id": "p-1", "supervisor_id": "m-1"},
         "knowledge_base_partner_id: must differ from business_partner_id"),
        ("memberships", {"member_id": "m-1", "group_id": "g-1", "role": "boss"},
         "role: 'boss' is not one of member, chair, secretary, lead"),
    ],
)  # fmt: skip
def test_rules_across_fields_and_closed_vocabularies(
    kind: str, data: dict[str, Any], message: str
) -> None:
    assert _json(kind, data)[1] == [f"{kind}.jsonl:3: {message}"]


def test_cypher_html_and_script_in_names_are_kept_verbatim() -> None:
    hostile = "Robert'); MATCH (n) DETACH DELETE n; // <script>alert(1)</script> &amp;"
    record, problems = _json("themes", {"id": "t-1", "name": hostile, "kind": "emerging_trend"})
    assert problems == []
    assert record == Theme("t-1", hostile, ThemeKind.EMERGING_TREND)


# --- the streaming pass over files -----------------------------------------------------------


def _jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


class _Graph:
    """Holds ids by kind and answers lookups as the graph would."""

    def __init__(self, **ids: set[str]) -> None:
        self.ids = ids
        self.asked: list[tuple[str, set[str]]] = []

    def exists(self, kind: str, ids: Collection[str]) -> set[str]:
        self.asked.append((kind, set(ids)))
        return set(ids) & self.ids.get(kind, set())


def _member(i: int, org: str = "org-1") -> dict[str, Any]:
    return MEMBER | {"id": f"mem-{i}", "organisation_id": org}


def test_references_resolve_in_the_same_import_or_in_the_graph(tmp_path: Path) -> None:
    org = {"id": "org-1", "name": "A", "sector": "nhs", "region": "Wales"}
    orgs = _jsonl(tmp_path / "organisations.jsonl", [org])
    members = [_member(1), _member(2, "org-2"), _member(3, "org-9"), _member(4, "org-9")]
    _jsonl(tmp_path / "members.jsonl", members)
    checker = Checker()
    checker.check_file(KINDS["organisations"], orgs)
    checker.check_file(KINDS["members"], tmp_path / "members.jsonl")
    graph = _Graph(organisations={"org-2"})
    checker.resolve(graph.exists)
    assert graph.asked == [("organisations", {"org-2", "org-9"})]
    assert checker.log.messages() == [
        "members.jsonl:3: organisation_id: no organisation with id 'org-9' in this import or "
        "the graph (named on 1 more rows)"
    ]


def test_a_conflict_may_name_a_member_or_a_partner(tmp_path: Path) -> None:
    rows = [{"member_id": "m-1", "other_id": "p-1"}, {"member_id": "m-1", "other_id": "x-1"}]
    checker = Checker()
    checker.check_file(KINDS["conflicts"], _jsonl(tmp_path / "c.jsonl", rows))
    checker.resolve(_Graph(members={"m-1"}, partners={"p-1"}).exists)
    assert checker.log.messages() == [
        "c.jsonl:2: other_id: no member or partner with id 'x-1' in this import or the graph"
    ]


def test_duplicate_keys_name_the_first_line(tmp_path: Path) -> None:
    rows = [{"member_id": "m-1", "group_id": "g-1"}, {"member_id": "m-1", "group_id": "g-1"}]
    checker = Checker()
    checker.check_file(KINDS["memberships"], _jsonl(tmp_path / "memberships.jsonl", rows))
    assert checker.log.messages() == [
        "memberships.jsonl:2: group_id: pair member_id/group_id 'm-1/g-1' is already on line 1"
    ]


def test_problems_stop_at_the_limit_with_a_count_of_the_rest(tmp_path: Path) -> None:
    rows = [_member(i) | {"career_stage": "junior"} for i in range(120)]
    checker = Checker(ProblemLog(limit=50))
    assert checker.check_file(KINDS["members"], _jsonl(tmp_path / "m.jsonl", rows)) == 120
    messages = checker.log.messages()
    assert len(messages) == 51
    assert messages[0].startswith("m.jsonl:1: career_stage: 'junior'")
    assert messages[-1] == "and 70 more"


def test_a_file_problem_is_logged_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text("name\nAda\n", encoding="utf-8")
    checker = Checker()
    assert checker.check_file(KINDS["members"], path) == 0
    assert checker.log.messages() == [
        "members.csv:1: missing required column(s): id, email, discipline, career_stage, region, "
        "organisation_id"
    ]
