"""Writes validated import records to Neo4j in one explicit transaction, batch by batch.

Nothing is committed until the caller's `with store.transaction()` block ends without an
error, so an import that fails or is killed midway leaves the graph as it was.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from neo4j import NotificationMinimumSeverity, Session, Transaction
from neo4j.exceptions import Neo4jError

from graph_schema.queries import exports as qe
from graph_schema.queries import imports as qi
from graph_schema.queries.imports import NODE_SHAPES
from matchmaker.adapters.graph import UNAVAILABLE, Graph
from matchmaker.adapters.import_rows import (
    expected_links,
    link_params,
    link_record,
    node_params,
    node_record,
    shape_of,
)
from matchmaker.adapters.vocabulary import merge_skills
from matchmaker.errors import MatchmakerError, Neo4jUnavailable
from matchmaker.importing.kinds import Key, KindSpec
from matchmaker.matching.vocabulary import VocabularySkill

LOOKUP_BATCH = 5_000
_LINK_WRITES = {"memberships": qi.UPSERT_MEMBERSHIPS, "conflicts": qi.UPSERT_CONFLICTS}
_SAME_AS = {
    "partners": qi.RELINK_SAME_AS_OF_PARTNERS,
    "organisations": qi.RELINK_SAME_AS_OF_ORGANISATIONS,
}
_LINK_READS = {"memberships": qe.MEMBERSHIPS_BY_KEY, "conflicts": qe.CONFLICTS_BY_KEY}


class ImportWriteError(MatchmakerError):
    """The database refused or did not fully apply a batch; the import is rolled back."""


class GraphImportWriter:
    """Reads and writes inside one open transaction."""

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def _run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        try:
            return [record.data() for record in self.tx.run(query, params)]
        except Neo4jError as e:
            raise ImportWriteError(f"the database refused the import: {e.message}") from e

    def record_file(self, kind: str, digest: str, rows: int) -> None:
        """Remember the file just written as the one last imported for `kind`."""
        self._run(qi.record_file(kind), kind=kind, digest=digest, rows=rows)

    def forget_file(self, kind: str) -> None:
        """Forget the file last imported for `kind` (several files of it came at once)."""
        self._run(qi.FORGET_FILE, kind=kind)

    def current(self, spec: KindSpec, records: Sequence[Any]) -> dict[Key, Any]:
        """The stored version of each record that exists, by key."""
        shape = shape_of(spec)
        if shape is None:
            keys = [list(spec.key_of(r)) for r in records]
            rows = self._run(_LINK_READS[spec.name], keys=keys)
            found = [link_record(spec, row["row"]) for row in rows]
        else:
            rows = self._run(qe.nodes_by_id(shape), ids=[r.id for r in records])
            found = [node_record(shape, spec, row) for row in rows]
        return {spec.key_of(record): record for record in found}

    def write(self, spec: KindSpec, records: Sequence[Any], prints: Sequence[str]) -> None:
        """Upsert the records, each with the fingerprint of its row; raises ImportWriteError
        when the graph does not take all."""
        shape = shape_of(spec)
        if shape is None:
            params = [
                {**link_params(spec, r), "fingerprint": p}
                for r, p in zip(records, prints, strict=True)
            ]
            result = self._run(_LINK_WRITES[spec.name], rows=params)
            self._check(spec, result, len(params), len(params))
            return
        params = [
            {**node_params(shape, spec, r), "fingerprint": p}
            for r, p in zip(records, prints, strict=True)
        ]
        result = self._run(qi.upsert_nodes(shape), rows=params)
        self._check(spec, result, len(params), expected_links(shape, params))

    def stamp(self, spec: KindSpec, prints: Sequence[tuple[Key, str]]) -> None:
        """Record the fingerprints of rows whose records the graph already holds."""
        shape = shape_of(spec)
        query = qi.STAMP_LINKS[spec.name] if shape is None else qi.stamp_nodes(shape.label)
        self._run(query, rows=[{"key": list(key), "fingerprint": p} for key, p in prints])

    def rederive_collaborations(self, member_ids: Collection[str]) -> None:
        """Recompute COLLABORATED_WITH for every pair that includes one of `member_ids`."""
        ids = sorted(member_ids)
        for start in range(0, len(ids), LOOKUP_BATCH):
            self._run(qi.FORGET_COLLABORATIONS, ids=ids[start : start + LOOKUP_BATCH])
        for start in range(0, len(ids), LOOKUP_BATCH):
            self._run(qi.DERIVE_COLLABORATIONS, ids=ids[start : start + LOOKUP_BATCH])

    def relink_same_bodies(self, kind: str, ids: Collection[str]) -> None:
        """Recompute SAME_AS for the partners or organisations `ids` (`kind` names which)."""
        query = _SAME_AS[kind]
        wanted = sorted(ids)
        for start in range(0, len(wanted), LOOKUP_BATCH):
            self._run(query, ids=wanted[start : start + LOOKUP_BATCH])

    def _check(self, spec: KindSpec, result: list[dict[str, Any]], rows: int, links: int) -> None:
        written = int(result[0]["written"]) if result else 0
        linked = int(result[0]["linked"]) if result else 0
        if written != rows or linked != links:
            raise ImportWriteError(
                f"{spec.name}: wrote {written} of {rows} rows and {linked} of {links} links; "
                "a referenced record vanished during the import"
            )


class GraphImportStore:
    """The import port on Neo4j: id lookups, and one transaction for the writes."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def existing_ids(self, kind: str, ids: Collection[str]) -> set[str]:
        """Which of `ids` the graph holds for `kind`'s label; raises Neo4jUnavailable."""
        query = qi.existing_ids(qi.LABEL_OF_KIND[kind])
        wanted = sorted(ids)
        found: set[str] = set()
        for start in range(0, len(wanted), LOOKUP_BATCH):
            rows = self.graph.read(query, ids=wanted[start : start + LOOKUP_BATCH])
            found.update(row["id"] for row in rows)
        return found

    def held_file(self, kind: str, digest: str) -> int | None:
        """The rows of the file last imported for `kind` when it is the file of `digest` and
        no record of the kind has lost its fingerprint since; None otherwise."""
        row = self.graph.read(qi.last_file(kind), kind=kind)[0]
        if row["digest"] != digest or row["recorded"] is None or row["recorded"] != row["now"]:
            return None
        return int(row["rows"])

    def differing(self, kind: str, prints: Sequence[tuple[Key, str]]) -> set[int]:
        """Positions of the (key, fingerprint) pairs of `kind` the graph does not hold as
        given: no such record, or another fingerprint, or none."""
        shape = NODE_SHAPES.get(kind)
        query = qi.LINK_DIFFERS[kind] if shape is None else qi.node_differs(shape.label)
        found: set[int] = set()
        for start in range(0, len(prints), LOOKUP_BATCH):
            rows = [
                {"key": list(key), "fingerprint": p}
                for key, p in prints[start : start + LOOKUP_BATCH]
            ]
            found.update(start + int(r["i"]) for r in self.graph.read(query, rows=rows))
        return found

    @contextmanager
    def transaction(self) -> Iterator[GraphImportWriter]:
        """One explicit transaction: committed when the block ends cleanly, else rolled back.

        Raises ImportWriteError for refused writes and Neo4jUnavailable for a lost database.
        """
        with self._session() as session, session.begin_transaction() as tx:
            yield GraphImportWriter(tx)
            try:
                tx.commit()
            except Neo4jError as e:
                raise ImportWriteError(f"the database refused the import: {e.message}") from e

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A session without server notifications: on a new graph every import query would
        warn that its relationship types do not exist yet."""
        quiet = NotificationMinimumSeverity.OFF
        try:
            with self.graph.driver.session(
                database=self.graph.database, notifications_min_severity=quiet
            ) as session:
                yield session
        except UNAVAILABLE as e:
            raise Neo4jUnavailable(f"Neo4j is not reachable: {e}") from e

    def count_members(self) -> int:
        return int(self.graph.read(qi.COUNT_MEMBERS)[0]["count"])

    def merge_ktp_rules(self, rules: Sequence[dict[str, Any]]) -> None:
        """Create or update the KtpRule nodes (eligibility rules as data)."""
        self.graph.write(qi.MERGE_KTP_RULES, rules=list(rules))

    def merge_skills(self, skills: Sequence[VocabularySkill]) -> int:
        """Write the skills vocabulary, merged on id; raises Neo4jUnavailable."""
        return merge_skills(self.graph, skills)
