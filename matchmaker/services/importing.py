"""Use case: import files of records, all or nothing.

Two streaming passes. The first reads every file and checks every row (shapes, enums, lengths,
duplicates, references against this import and the graph) without writing. Only when nothing
is wrong does the second read the files again and write them in batches inside one explicit
transaction, so a failure or a kill midway commits nothing.

Rows the graph already holds exactly (their fingerprint is on the node or relationship, see
matchmaker.importing.fingerprint) are recognised in the first pass and passed by in the
second; a file whose every row is unchanged is not read a second time. Rows that match the
graph field by field but carry no fingerprint yet (written before fingerprints, or by another
format of file) are counted unchanged and only get their fingerprint written.

A whole file is recognised too. After writing a file whose kind no other file of the import
has, the store remembers its digest and row count for that kind, with how many records of
the kind then carried a fingerprint. When the same file comes again, that count is unchanged
(API writes remove fingerprints; another file of the kind replaces the record) and the file
is counted unchanged without being parsed at all.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from matchmaker.importing.checking import Checker
from matchmaker.importing.convert import convert
from matchmaker.importing.fingerprint import file_digest, fingerprint, raw_key
from matchmaker.importing.kinds import KINDS, Key, KindSpec
from matchmaker.importing.plain import comparable
from matchmaker.importing.problems import ImportRejected, Problem, ProblemLog
from matchmaker.importing.progress import Progress, chooser
from matchmaker.importing.readers import read_rows

BATCH_SIZE = 1_000
DERIVES_SAME_AS = ("partners", "organisations")


Printed = tuple[Any, str]  # a record and the fingerprint of the row it came from
Unchanged = dict[str, dict[Key, str]]  # file path -> key -> fingerprint of unchanged rows


class ImportWriter(Protocol):
    def record_file(self, kind: str, digest: str, rows: int) -> None: ...
    def forget_file(self, kind: str) -> None: ...
    def current(self, spec: KindSpec, records: Sequence[Any]) -> dict[Key, Any]: ...
    def write(self, spec: KindSpec, records: Sequence[Any], prints: Sequence[str]) -> None: ...
    def stamp(self, spec: KindSpec, prints: Sequence[tuple[Key, str]]) -> None: ...
    def rederive_collaborations(self, member_ids: Collection[str]) -> None: ...
    def relink_same_bodies(self, kind: str, ids: Collection[str]) -> None: ...


class ImportStore(Protocol):
    def held_file(self, kind: str, digest: str) -> int | None: ...
    def existing_ids(self, kind: str, ids: Collection[str]) -> set[str]: ...
    def differing(self, kind: str, prints: Sequence[tuple[Key, str]]) -> set[int]: ...
    def transaction(self) -> AbstractContextManager[ImportWriter]: ...


@dataclass(frozen=True)
class Source:
    kind: str  # one of matchmaker.importing.kinds.KINDS
    path: Path


@dataclass
class FileReport:
    kind: str
    source: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0  # writing, from the first batch read to the last written


@dataclass
class ImportReport:
    files: list[FileReport]
    errors: list[str] = field(default_factory=list)  # empty when the import was written
    check_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def total(self, what: str) -> int:
        """The sum over files of rows, created, updated or unchanged."""
        return sum(int(getattr(f, what)) for f in self.files)


def import_file(store: ImportStore, kind: str, path: Path, progress: bool = False) -> ImportReport:
    """Import one file of `kind`; see import_files."""
    return import_files(store, [Source(kind, path)], progress=progress)


def import_files(
    store: ImportStore,
    sources: Sequence[Source],
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    one_transaction: bool = True,
) -> ImportReport:
    """Check every file, then write them in order, in one transaction (or one per file).

    Returns a report whose `errors` list the problems when nothing was written. Raises
    ImportRejected for an unknown kind or a file that changed between the passes,
    ImportWriteError when the database refuses a write (nothing is committed) and
    Neo4jUnavailable when it cannot be reached.
    """
    for source in sources:
        _spec(source.kind)  # an unknown kind is refused before any file is opened
    bar = chooser(progress)
    report = ImportReport([FileReport(s.kind, s.path.name) for s in sources])
    started = time.perf_counter()
    digests = _digests(sources)
    held = _held(store, sources, report, digests)
    pending = [(s, r) for s, r in zip(sources, report.files, strict=True) if s not in held]
    unchanged = check(store, [s for s, _ in pending], report, bar, [r for _, r in pending])
    report.check_seconds = time.perf_counter() - started
    if report.errors:
        return report
    _write_all(store, pending, unchanged, digests, bar, batch_size, one_transaction)
    return report


def _digests(sources: Sequence[Source]) -> dict[Source, str]:
    """The file digest of each readable source whose kind no other source of the import has
    (an unreadable file is left to the check, which says what is wrong with it)."""
    kinds = Counter(source.kind for source in sources)
    digests = {}
    for source in sources:
        if kinds[source.kind] == 1:
            with suppress(OSError):
                digests[source] = file_digest(source.kind, source.path)
    return digests


def _held(
    store: ImportStore, sources: Sequence[Source], report: ImportReport, digests: dict[Source, str]
) -> set[Source]:
    """The sources the graph holds exactly as last imported, counted unchanged in `report`."""
    held = set()
    for source, file_report in zip(sources, report.files, strict=True):
        rows = store.held_file(source.kind, digests[source]) if source in digests else None
        if rows is not None:
            file_report.rows = file_report.unchanged = rows
            held.add(source)
    return held


def _write_all(
    store: ImportStore,
    pairs: list[tuple[Source, FileReport]],
    unchanged: Unchanged,
    digests: dict[Source, str],
    bar: Progress,
    batch_size: int,
    one_transaction: bool,
) -> None:
    def finish(writer: ImportWriter, source: Source, file_report: FileReport) -> None:
        if not _all_unchanged(source, file_report, unchanged):
            _write_file(writer, source, file_report, unchanged, bar, batch_size)
        if source in digests:
            writer.record_file(source.kind, digests[source], file_report.rows)
        else:
            writer.forget_file(source.kind)

    if one_transaction:  # opened even when nothing changed: a store may record the import
        with store.transaction() as writer:
            for source, file_report in pairs:
                finish(writer, source, file_report)
        return
    for source, file_report in pairs:
        with store.transaction() as writer:
            finish(writer, source, file_report)


def _all_unchanged(source: Source, report: FileReport, unchanged: Unchanged) -> bool:
    """Count a file whose every row the graph already holds; it is not read again."""
    same = len(unchanged.get(str(source.path), {}))
    if same != report.rows:
        return False
    report.unchanged = same
    return True


def check(
    store: ImportStore,
    sources: Sequence[Source],
    report: ImportReport,
    bar: Progress,
    files: Sequence[FileReport],
) -> Unchanged:
    """The validation pass over `sources`: counts each file's rows into its report in `files`
    and sets the report's `errors` to the problem messages (empty when all is fine). Returns
    the rows found unchanged, by file."""
    checker = Checker(ProblemLog(), bar, differs=store.differing)
    for source, file_report in zip(sources, files, strict=True):
        file_report.rows = checker.check_file(_spec(source.kind), source.path)
    checker.resolve(store.existing_ids)
    report.errors = checker.log.messages()
    return checker.unchanged


def _spec(kind: str) -> KindSpec:
    if kind not in KINDS:
        raise ImportRejected([f"unknown kind {kind!r}; the kinds are {', '.join(KINDS)}"])
    return KINDS[kind]


def _write_file(
    writer: ImportWriter,
    source: Source,
    report: FileReport,
    unchanged: Unchanged,
    bar: Progress,
    batch_size: int,
) -> None:
    spec = KINDS[source.kind]
    started = time.perf_counter()
    touched: set[str] = set()
    same = unchanged.get(str(source.path), {})
    records = bar(_records(spec, source.path, same, report), f"importing {source.path.name}")
    for batch in _batches(records, batch_size):
        stored = writer.current(spec, [record for record, _ in batch])
        changed, stamps = _classify(spec, batch, stored, report, touched)
        if changed:
            writer.write(spec, [r for r, _ in changed], [p for _, p in changed])
        if stamps:
            writer.stamp(spec, stamps)
    _derive(writer, spec.name, touched)
    report.seconds = time.perf_counter() - started


def _derive(writer: ImportWriter, kind: str, touched: set[str]) -> None:
    """Recompute the edges derived from what changed: collaborations, same bodies."""
    if not touched:
        return
    if kind == "outputs":
        writer.rederive_collaborations(touched)
    elif kind in DERIVES_SAME_AS:
        writer.relink_same_bodies(kind, touched)


def _classify(
    spec: KindSpec,
    batch: list[Printed],
    stored: dict[Key, Any],
    report: FileReport,
    touched: set[str],
) -> tuple[list[Printed], list[tuple[Key, str]]]:
    """The records that change the graph, and the keys of equal ones that only need their
    fingerprint; counts created, updated and unchanged rows, and adds to `touched` the ids
    whose derived edges need recomputing."""
    changed, stamps = [], []
    for record, printed in batch:
        key = spec.key_of(record)
        before = stored.get(key)
        if before is not None and comparable(spec, before) == comparable(spec, record):
            report.unchanged += 1
            stamps.append((key, printed))
            continue
        report.created += before is None
        report.updated += before is not None
        changed.append((record, printed))
        touched.update(_touches(spec.name, before, record))
    return changed, stamps


def _touches(kind: str, before: Any, record: Any) -> tuple[str, ...]:
    if kind == "outputs":  # co-authorship changes who collaborated with whom
        return (*record.authors, *(before.authors if before else ()))
    return (record.id,) if kind in DERIVES_SAME_AS else ()


def _records(
    spec: KindSpec, path: Path, same: dict[Key, str], report: FileReport
) -> Iterator[Printed]:
    """The file's records again with their fingerprints, passing by (and counting) the rows
    the check found unchanged; raises ImportRejected if it changed since it was checked."""
    for item in read_rows(path, spec):
        if isinstance(item, Problem):
            raise ImportRejected([f"{path.name} changed while importing: {item}"])
        printed = fingerprint(spec, item)
        key = raw_key(spec, item)
        if key is not None and same.get(key) == printed:
            report.unchanged += 1
            continue
        record, problems = convert(spec, item, path.name)
        if record is None:
            raise ImportRejected([f"{path.name} changed while importing: {problems[0]}"])
        yield record, printed


def _batches(items: Iterable[Printed], size: int) -> Iterator[list[Printed]]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch
