"""The validation pass: every row of every file checked, streaming, before anything is written.

Memory holds the keys seen (to find duplicates and resolve references within the import) and
the referenced ids not yet found, never the rows. References left over at the end are looked
up in the graph through the `exists` function the caller passes.

With a `differs` function (which of some keys and fingerprints the graph does not hold as
given), rows are read in batches and a row whose fingerprint the graph already holds
(matchmaker.importing.fingerprint) is noted as unchanged without being converted: its key
still counts for duplicates and references, and `unchanged` remembers it so the write pass
can pass it by. Asking for the rows that differ, not for the stored fingerprints, keeps the
answer empty when nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from matchmaker.importing.convert import convert
from matchmaker.importing.fingerprint import fingerprint, raw_key
from matchmaker.importing.kinds import Key, KindSpec
from matchmaker.importing.problems import FileProblem, Problem, ProblemLog
from matchmaker.importing.progress import Progress, silent
from matchmaker.importing.readers import RawRow, read_rows

Exists = Callable[[str, Collection[str]], set[str]]  # kind, ids -> the ids the graph holds
# kind, (key, fingerprint) pairs -> positions of the pairs the graph does not hold as given
Differs = Callable[[str, Sequence[tuple[Key, str]]], set[int]]
LOOKUP_BATCH = 1_000


@dataclass
class Reference:
    """Where an id not yet found was first named, and how many rows name it."""

    source: str
    line: int
    field: str
    rows: int = 1


@dataclass
class Checker:
    """Checks files one after another, as one import; problems go to `log`."""

    log: ProblemLog = field(default_factory=ProblemLog)
    progress: Progress = silent
    keys: dict[str, dict[Key, int]] = field(default_factory=dict)  # kind -> key -> line
    pending: dict[tuple[str, ...], dict[str, Reference]] = field(default_factory=dict)
    differs: Differs | None = None
    unchanged: dict[str, dict[Key, str]] = field(default_factory=dict)  # path -> key -> print

    def check_file(self, spec: KindSpec, path: Path, source: str | None = None) -> int:
        """Check one file; return the data rows read (a FileProblem is logged, not raised)."""
        name = source or path.name
        same = self.unchanged.setdefault(str(path), {})
        rows = 0
        try:
            items = self.progress(read_rows(path, spec, name), f"checking {name}")
            for batch in _batches(items, LOOKUP_BATCH):
                held = self._held(spec, batch)
                for position, item in enumerate(batch):
                    rows += 1
                    if position in held and isinstance(item, RawRow):
                        same[held[position][0]] = held[position][1]
                        self._note(spec, held[position][0], name, item.line)
                    else:
                        self._check_item(spec, item, name)
        except FileProblem as e:
            self.log.add(e.problem)
        return rows

    def _held(self, spec: KindSpec, batch: list[RawRow | Problem]) -> dict[int, tuple[Key, str]]:
        """Positions in `batch` of the rows the graph holds exactly: their key and fingerprint."""
        if self.differs is None:
            return {}
        printed = {
            position: (key, fingerprint(spec, item))
            for position, item in enumerate(batch)
            if isinstance(item, RawRow) and (key := raw_key(spec, item))
        }
        if not printed:
            return {}
        positions = list(printed)
        differ = self.differs(spec.name, [printed[p] for p in positions])
        return {p: printed[p] for i, p in enumerate(positions) if i not in differ}

    def resolve(self, exists: Exists) -> None:
        """Log a problem for every referenced id found neither in this import nor the graph."""
        for kinds, refs in self.pending.items():
            wanted = {i for i in refs if not any((i,) in self.keys.get(k, {}) for k in kinds)}
            found: set[str] = set()
            for kind in kinds:
                found |= exists(kind, wanted - found) if wanted - found else set()
            for ident in sorted(wanted - found, key=lambda i: (refs[i].source, refs[i].line)):
                self.log.add(_missing(kinds, ident, refs[ident]))

    def _check_item(self, spec: KindSpec, item: RawRow | Problem, source: str) -> None:
        if isinstance(item, Problem):
            self.log.add(item)
            return
        record, problems = convert(spec, item, source)
        for problem in problems:
            self.log.add(problem)
        if record is not None:
            self._note_key(spec, record, source, item.line)
            self._note_refs(spec, record, source, item.line)

    def _note_key(self, spec: KindSpec, record: Any, source: str, line: int) -> None:
        self._note(spec, spec.key_of(record), source, line)

    def _note(self, spec: KindSpec, key: Key, source: str, line: int) -> None:
        keys = self.keys.setdefault(spec.name, {})
        first = keys.setdefault(key, line)
        if first != line:
            what = "id" if spec.has_id else "pair " + "/".join(spec.key)
            shown = "/".join(key)
            self.log.add(
                Problem(source, line, spec.key[-1], f"{what} {shown!r} is already on line {first}")
            )

    def _note_refs(self, spec: KindSpec, record: Any, source: str, line: int) -> None:
        for f in spec.fields:
            if not f.refs:
                continue
            value = getattr(record, f.name)
            for ident in value if isinstance(value, tuple) else (value,):
                if ident and not any((ident,) in self.keys.get(k, {}) for k in f.refs):
                    self._pend(f.refs, ident, Reference(source, line, f.name))

    def _pend(self, kinds: tuple[str, ...], ident: str, where: Reference) -> None:
        refs = self.pending.setdefault(kinds, {})
        if ident in refs:
            refs[ident].rows += 1
        else:
            refs[ident] = where


def _batches(items: Iterable[RawRow | Problem], size: int) -> Iterator[list[RawRow | Problem]]:
    stream = iter(items)
    while batch := list(islice(stream, size)):
        yield batch


def _missing(kinds: tuple[str, ...], ident: str, where: Reference) -> Problem:
    what = " or ".join(kind.removesuffix("s") for kind in kinds)
    more = f" (named on {where.rows - 1} more rows)" if where.rows > 1 else ""
    reason = f"no {what} with id {ident!r} in this import or the graph{more}"
    return Problem(where.source, where.line, where.field, reason)
