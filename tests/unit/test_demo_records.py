"""Records to JSON and back, and the loader's errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from matchmaker.demo.dataset import DatasetError, load_dataset, write_dataset
from matchmaker.demo.privacy import NameIndex, name_key
from matchmaker.demo.records import RecordError, from_json, read_jsonl_gz, to_json, write_jsonl_gz
from matchmaker.domain.model import CareerStage, Group, GroupKind, Member


def _member() -> Member:
    return Member("m0001", "Ada Lane", "ada.lane@example.org", "MRI physics",
                  CareerStage.EARLY, "Wales", "org-x")  # fmt: skip


def test_a_record_round_trips_with_enums_as_strings_and_tuples_as_lists() -> None:
    group = Group("g", GroupKind.COI, "Name", themes=("climate", "safety"))
    data = to_json(group)
    assert data["kind"] == "CoI"
    assert data["themes"] == ["climate", "safety"]
    assert from_json(Group, data) == group


def test_unknown_or_missing_keys_are_refused() -> None:
    data = to_json(_member())
    with pytest.raises(RecordError, match="unknown keys"):
        from_json(Member, {**data, "phone": "0"})
    del data["email"]
    with pytest.raises(RecordError, match="email"):
        from_json(Member, data)


def test_files_are_byte_identical_for_the_same_records(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    write_jsonl_gz(first, [_member()])
    write_jsonl_gz(second, [_member()])
    assert first.read_bytes() == second.read_bytes()
    assert list(read_jsonl_gz(first, Member)) == [_member()]


def test_a_dataset_round_trips_through_a_directory(tmp_path: Path) -> None:
    demo = load_dataset()
    write_dataset(demo, tmp_path)
    assert load_dataset(tmp_path) == demo


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="themes"):
        load_dataset(tmp_path)


def test_names_are_found_as_whole_words_only() -> None:
    index = NameIndex(["D. Greene", "S Green", "Singh"])
    assert name_key("D. Greene") == "d greene"
    assert index.mentions("As d greene showed") == ["d greene"]
    assert index.mentions("the trust's green plan") == []
    assert index.mentions("Singh") == [], "single words are not full names"
