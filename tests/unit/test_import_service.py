"""The import use case on an in-memory store: created, updated, unchanged and all or nothing."""

from __future__ import annotations

import copy
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
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
        self.prints: dict[str, dict[Key, str]] = {}
        self.files: dict[str, tuple[str, int, int]] = {}  # kind -> digest, rows, fingerprinted
        self.writes = 0
        self.reads = 0
        self.lookups = 0
        self.stamped: list[tuple[str, list[Key]]] = []
        self.rederived: list[set[str]] = []
        self.relinked: list[tuple[str, set[str]]] = []

    def existing_ids(self, kind: str, ids: Collection[str]) -> set[str]:
        return {i for i in ids if (i,) in self.data.get(kind, {})}

    def held_file(self, kind: str, digest: str) -> int | None:
        last = self.files.get(kind)
        if last is None or last[0] != digest or last[2] != len(self.prints.get(kind, {})):
            return None
        return last[1]

    def record_file(self, kind: str, digest: str, rows: int) -> None:
        self.files[kind] = (digest, rows, len(self.prints.get(kind, {})))

    def forget_file(self, kind: str) -> None:
        self.files.pop(kind, None)

    def differing(self, kind: str, prints: Sequence[tuple[Key, str]]) -> set[int]:
        self.lookups += 1
        stored = self.prints.get(kind, {})
        return {i for i, (key, p) in enumerate(prints) if stored.get(key) != p}

    @contextmanager
    def transaction(self) -> Iterator[MemoryStore]:
        saved = copy.deepcopy((self.data, self.prints, self.files))
        try:
            yield self
        except BaseException:
            self.data, self.prints, self.files = saved
            raise

    def current(self, spec: KindSpec, records: Sequence[Any]) -> dict[Key, Any]:
        self.reads += 1
        stored = self.data.get(spec.name, {})
        return {spec.key_of(r): stored[spec.key_of(r)] for r in records if spec.key_of(r) in stored}

    def write(self, spec: KindSpec, records: Sequence[Any], prints: Sequence[str]) -> None:
        self.writes += 1
        self.data.setdefault(spec.name, {}).update((spec.key_of(r), r) for r in records)
        self.prints.setdefault(spec.name, {}).update(
            (spec.key_of(r), p) for r, p in zip(records, prints, strict=True)
        )

    def stamp(self, spec: KindSpec, prints: Sequence[tuple[Key, str]]) -> None:
        self.stamped.append((spec.name, [key for key, _ in prints]))
        self.prints.setdefault(spec.name, {}).update(prints)

    def edit(self, kind: str, key: Key, **changes: Any) -> None:
        """What an API write does: change the record and drop its fingerprint."""
        self.data[kind][key] = replace(self.data[kind][key], **changes)
        self.prints[kind].pop(key, None)

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
        def write(self, spec: KindSpec, records: Sequence[Any], prints: Sequence[str]) -> None:
            if spec.name == "members":
                raise RuntimeError("disk full")
            super().write(spec, records, prints)

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


def test_only_the_changed_row_is_read_back_and_written(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS, members=MEMBERS))
    reads, writes = store.reads, store.writes
    changed = import_files(store, _files(tmp_path, members=MEMBERS.replace("Ben,", "Benedict,")))
    assert [changed.total(k) for k in ("created", "updated", "unchanged")] == [0, 1, 2]
    assert (store.reads, store.writes) == (reads + 1, writes + 1)
    assert store.data["members"][("m-2",)].name == "Benedict"


def test_an_edit_since_the_import_is_undone_by_importing_the_file_again(tmp_path: Path) -> None:
    store = MemoryStore()
    sources = _files(tmp_path, organisations=ORGS, members=MEMBERS)
    import_files(store, sources)
    store.edit("members", ("m-1",), name="Edited")
    again = import_files(store, sources)
    assert [again.total(k) for k in ("updated", "unchanged")] == [1, 4]
    assert store.data["members"][("m-1",)].name == "Ada"


def test_equal_rows_without_a_fingerprint_only_get_one(tmp_path: Path) -> None:
    store = MemoryStore()
    sources = _files(tmp_path, organisations=ORGS)
    import_files(store, sources)
    store.prints.clear()  # as if written before fingerprints, or from another format
    again = import_files(store, sources)
    assert [again.total(k) for k in ("updated", "unchanged")] == [0, 2]
    assert store.stamped == [("organisations", [("org-1",), ("org-2",)])]
    assert store.writes == 1
    import_files(store, sources)
    assert len(store.stamped) == 1


def test_a_repeated_key_is_refused_even_when_its_first_row_is_unchanged(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS))
    twice = ORGS + "org-1,Other trust,nhs,Wales\n"
    report = import_files(store, _files(tmp_path, organisations=twice))
    assert report.errors == ["organisations.csv:4: id: id 'org-1' is already on line 2"]
    assert store.data["organisations"][("org-1",)].name == "Trust"


def test_a_file_imported_last_and_untouched_since_is_not_even_parsed(tmp_path: Path) -> None:
    store = MemoryStore()
    sources = _files(tmp_path, organisations=ORGS, members=MEMBERS)
    import_files(store, sources)
    lookups, reads, writes = store.lookups, store.reads, store.writes
    again = import_files(store, sources)
    assert (store.lookups, store.reads, store.writes) == (lookups, reads, writes)
    assert store.stamped == []
    assert [f.unchanged for f in again.files] == [f.rows for f in again.files] == [2, 3]
    assert [again.total(k) for k in ("created", "updated")] == [0, 0]


def test_an_edit_since_sends_the_file_down_the_row_by_row_path(tmp_path: Path) -> None:
    store = MemoryStore()
    sources = _files(tmp_path, organisations=ORGS, members=MEMBERS)
    import_files(store, sources)
    store.edit("members", ("m-2",), career_stage="senior")
    lookups = store.lookups
    again = import_files(store, sources)
    assert store.lookups == lookups + 1  # organisations still held; members checked by row
    assert [again.total(k) for k in ("updated", "unchanged")] == [1, 4]
    assert store.data["members"][("m-2",)].career_stage.value == "early"


def test_a_changed_file_becomes_the_one_recognised_next_time(tmp_path: Path) -> None:
    store = MemoryStore()
    import_files(store, _files(tmp_path, organisations=ORGS))
    changed = _files(tmp_path, organisations=ORGS.replace("Uni,", "University,"))
    import_files(store, changed)
    lookups = store.lookups
    assert import_files(store, changed).total("unchanged") == 2
    assert store.lookups == lookups


def test_two_files_of_one_kind_are_never_taken_whole(tmp_path: Path) -> None:
    store = MemoryStore()
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,name,sector,region\norg-1,Trust,nhs,Wales\n", encoding="utf-8")
    second.write_text("id,name,sector,region\norg-2,Uni,academia,London\n", encoding="utf-8")
    both = [Source("organisations", first), Source("organisations", second)]
    import_files(store, [Source("organisations", first)])
    assert "organisations" in store.files
    import_files(store, both)
    assert "organisations" not in store.files
    lookups = store.lookups
    import_files(store, both)
    assert store.lookups == lookups + 2
