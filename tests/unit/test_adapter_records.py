"""Graph rows become domain records in one place, and a row that does not fit fails loudly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from graph_schema import model as m
from matchmaker.adapters.records import RECORDS, RowMismatch, from_row
from matchmaker.domain.model import CareerStage, Idea, Member, Sector

MEMBER: dict[str, Any] = {
    "id": "m1", "name": "Ada", "email": "ada@example.org", "discipline": "Radiotherapy physics",
    "career_stage": "senior", "region": "London", "organisation_id": "o1",
}  # fmt: skip


def test_a_full_row_maps_to_its_record_and_missing_defaults_apply() -> None:
    member = from_row(m.MEMBER, {**MEMBER, "open_to_matching": None, "extra": 1})
    assert member == Member(**{**MEMBER, "career_stage": CareerStage.SENIOR})
    assert member.open_to_matching is True
    assert member.availability_hours == 4


def test_a_member_without_a_career_stage_is_an_error_not_a_trainee() -> None:
    row = {k: v for k, v in MEMBER.items() if k != "career_stage"}
    with pytest.raises(RowMismatch, match=r"Member\.career_stage = None: missing") as caught:
        from_row(m.MEMBER, row)
    assert (caught.value.label, caught.value.field) == (m.MEMBER, "career_stage")


def test_an_unknown_enum_value_names_label_field_and_value() -> None:
    with pytest.raises(RowMismatch, match=r"Member\.career_stage = 'professor': not one of"):
        from_row(m.MEMBER, {**MEMBER, "career_stage": "professor"})
    with pytest.raises(RowMismatch, match=r"Organisation\.sector = 'nhss'"):
        from_row(m.ORGANISATION, {"id": "o", "name": "O", "sector": "nhss", "region": "Wales"})


@pytest.mark.parametrize(
    ("field", "value"),
    [("availability_hours", "four"), ("availability_hours", True), ("name", 7),
     ("open_to_matching", "yes")],
)  # fmt: skip
def test_a_value_of_the_wrong_type_is_an_error(field: str, value: object) -> None:
    with pytest.raises(RowMismatch, match=rf"Member\.{field} = {value!r}: expected"):
        from_row(m.MEMBER, {**MEMBER, field: value})


def test_lists_become_tuples_and_an_idea_without_a_call_has_the_empty_default() -> None:
    row = {"id": "i", "title": "T", "summary": "S", "submitted_by": "m1", "themes": ["t1"]}
    idea = from_row(m.IDEA, {**row, "call_id": None})
    assert idea == Idea("i", "T", "S", "m1", themes=("t1",))
    with pytest.raises(RowMismatch, match=r"Idea\.themes = 't1': expected a list"):
        from_row(m.IDEA, {**row, "themes": "t1"})


def test_an_enum_takes_its_value_and_an_absent_field_with_a_default_takes_it() -> None:
    org = from_row(m.ORGANISATION, {"id": "o", "name": "O", "sector": "nhs", "region": "Wales"})
    assert org.sector is Sector.NHS
    assert org.town == ""


@dataclass(frozen=True)
class _Sample:
    id: str
    score: float
    note: str | None
    stage: CareerStage | None


def test_an_optional_field_may_be_absent_and_is_still_checked_when_present(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(RECORDS, "Sample", _Sample)
    assert from_row("Sample", {"id": "s", "score": 2}) == _Sample("s", 2, None, None)
    assert from_row("Sample", {"id": "s", "score": 0.5, "stage": "mid"}).stage is CareerStage.MID
    with pytest.raises(RowMismatch, match=r"Sample\.stage = 'x': not one of"):
        from_row("Sample", {"id": "s", "score": 1.0, "stage": "x"})
    with pytest.raises(RowMismatch, match=r"Sample\.score = None: missing"):
        from_row("Sample", {"id": "s"})
