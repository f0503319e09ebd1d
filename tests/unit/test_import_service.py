"""The import use case on an in-memory store: created, updated, unchanged and all or nothing."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from matchmaker.importing.kinds import Key, KindSpec
from matchmaker.services.importing import Source, import_file, import_files

ORGS = "id,name,sector,region\norg-1,Trust,nhs,Wales\norg-2,Uni,academia,London\n"
MEMBERS = (
    "id,name,email,discipline,career_stage,region,organisation_id\n"
    "m-1,Ada,a@example.org,MRI,mid,Wales,org-1\n"
    "m-2,Ben,b@example.org,MRI,early,London,org-2\n"
    "m-3,Cy,c@example.org,Ultrasound,senior,London,org-2\n"
)
OUTPUTS = "id,title,year,authors\no-1,Paper,2024,m-1;m-2\no-2,Report,2023,m-3\n"


class MemoryStore:
    """Records by kind and key; a transaction works on a copy and keeps it only on success."""

    def __init__(self) -> None:
        self.data: dict[str, dict[Key, Any]] = {}
        self.writes = 0
        self.rederived: list[set[str]] = []
        self.relinked: list[tuple[str, set[str]]] = []

    def existing_ids(self, kind: str, ids: Collection[str]) -> set[str]:
        return {i for i in ids if (i,) in self.data.get(kind, {})}

    @contextmanager
    def transaction(self) -> Iterator[MemoryStore]:
        saved = copy.deepcopy(self.data)
        try:
            yield self
        except BaseException:
            self.data = saved
            raise

    def current(self, spec: KindSpec, records: Sequence[Any]) -> dict[Key, Any]:
        stored = self.data.get(spec.name, {})
        return {spec.key_of(r): stored[spec.key_of(r)] for r in records if spec.key_of(r) in stored}

    def write(self, spec: KindSpec, records: Sequence[Any]) -> None:
        self.writes += 1
        self.data.setdefault(spec.name, {}).update((spec.key_of(r), r) for r in records)

    def rederive_collaborations(self, member_ids: Collection[str]) -> None:
        self.rederived.append(set(member_ids))

    def relink_same_bodies(self, kind: str, ids: Collection[str]) -> None:
        self.relinked.append((kind, set(ids)))


def _files(tmp_path: Path, **texts: str) -> list[Source]:
    sources = []
    for kind, text in texts.items():
        (tmp_path / f"{kind}.csv").write_text(text, encoding="utf-8")
        sources.append(Source(kind, tmp_path / f"{kind}.csv"))
    return sources


def test_rows_are_counted_as_created_updated_or_unchanged(tmp_path: Path) -> None:
    store = MemoryStore()
    first = import_files(store, _files(tmp_path, organisations=ORGS, members=MEMBERS))
    assert (first.total("rows"), first.total("created")) == (5, 5)
    changed = _files(tmp_path, members=MEMBERS.replace("Cy,", "Cyril,"))[0]
    again = import_file(store, "members", changed.path)
    assert [again.total(k) for k in ("created", "updated", "unchanged")] == [0, 1, 2]
    assert store.data["members"][("m-3",)].name == "Cyril"


def test_unchanged_batches_are_not_written(tmp_path: Path) -> None:
    store = MemoryStore()
    sources = _files(tmp_path, organisations=ORGS)
    import_files(store, sources)
    import_files(store, sources)
    assert store.writes == 1


def test_one_bad_row_means_nothing_is_written(tmp_path: Path) -> None:
    store = MemoryStore()
    bad = MEMBERS + "m-4,Di,d@example.org,MRI,mid,Wales,org-3\n"
    report = import_files(store, _files(tmp_path, organisations=ORGS, members=bad))
    assert report.errors == [
        "members.csv:5: organisation_id: no organisation with id 'org-3' in this import or the "
        "graph"
    ]
    assert store.data == {}
    assert store.writes == 0
    assert (report.total("rows"), report.total("created")) == (6, 0)


def test_a_failure_in_a_later_file_undoes_the_earlier_ones(tmp_path: Path) -> None:
    class Failing(MemoryStore):
        def write(self, spec: KindSpec, records: Sequence[Any]) -> None:
            if spec.name == "members":
                raise RuntimeError("disk full")
            super().write(spec, records)

    store = Failing()
    with pytest.raises(RuntimeError):
        import_files(store, _files(tmp_path, organisations=ORGS, members=MEMBERS))
    assert store.data == {}


def test_outputs_rederive_collaborations_of_old_and_new_authors(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS, members=MEMBERS, outputs=OUTPUTS))
    assert store.rederived == [{"m-1", "m-2", "m-3"}]
    moved = OUTPUTS.replace("m-1;m-2", "m-1;m-3")
    import_file(store, "outputs", _files(tmp_path, outputs=moved)[0].path)
    assert store.rederived[-1] == {"m-1", "m-2", "m-3"}
    import_file(store, "outputs", _files(tmp_path, outputs=moved)[0].path)
    assert len(store.rederived) == 2  # nothing changed, nothing rederived


def test_batches_split_a_file(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS, members=MEMBERS), batch_size=2)
    assert store.writes == 1 + 2


def test_changed_organisations_are_relinked_to_partners_of_the_same_name(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS))
    import_files(store, _files(tmp_path, organisations=ORGS.replace("Uni,", "University,")))
    assert store.relinked == [("organisations", {"org-1", "org-2"}), ("organisations", {"org-2"})]
