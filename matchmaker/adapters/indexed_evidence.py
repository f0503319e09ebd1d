"""Full-text hits, pre-selection and candidate evidence from the in-memory matching index.

The same answers as `candidates.preselect` and the evidence half of
`candidates.candidate_profiles`, computed from an IndexSnapshot instead of Neo4j: the `k`
outputs and statements nearest each query (exact, where the vector index is approximate)
and each candidate's documents with their cosine to every query. Members the snapshot does
not know yet (created since) get no entry, so their evidence is read from the graph.

The full-text hits (`lexical_indexed`) are BM25 scores (matchmaker.matching.bm25, the
scorer the expertise benchmark tunes the affinity rule with) of the texts the vectors were
made from, where the graph path asks Neo4j's Lucene indexes: the same kind of score on a
slightly different tokenisation (plurals folded, a longer stop list), so hits can differ in
order at the margin. Like the Lucene path, each query keeps its `k` best outputs and `k`
best statements before the filter on who may be a candidate is applied.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import overload

import numpy as np

from embeddings.similarity import table_cosines, top_positions, top_rows
from matchmaker.adapters.candidates import (
    STATEMENT_TITLE,
    CandidateFilter,
    EvidenceRow,
    LexicalHits,
    Preselection,
    Vectors,
    combine,
)
from matchmaker.adapters.graph import Record
from matchmaker.adapters.match_index import IndexSnapshot
from matchmaker.matching.affinity import FloatArray, IntArray
from matchmaker.matching.evidence_table import (
    EvidenceTable,
    nearest,
    people_rows,
    row_cosines,
)


def lexical_indexed(
    snapshot: IndexSnapshot, texts: Sequence[str], where: CandidateFilter, k: int
) -> LexicalHits:
    """The `k` best full-text hits a text among outputs and among statements, as
    `candidates.lexical_hits` reports them (output rows name their authors who may be
    candidates; statement rows only members who may be)."""
    table, allowed = snapshot.table, snapshot.allowed(where)
    outputs: list[Record] = []
    members: list[Record] = []
    for q, scores in enumerate(snapshot.lexicon.score_matrix(texts)):
        for row in _best(scores, table.output_rows, k):
            authors = [table.people[p] for p in table.authors_of(row).tolist() if allowed(p)]
            outputs.append({"query": q, "id": table.source_ids[row], "score": float(scores[row]),
                            "members": authors})  # fmt: skip
        for row in _best(scores, table.statement_rows, k):
            owner = int(table.authors_of(row)[0])
            if allowed(owner):
                members.append({"query": q, "id": table.people[owner],
                                "score": float(scores[row])})  # fmt: skip
    return LexicalHits(outputs, members)


def _best(scores: FloatArray, rows: IntArray, k: int) -> list[int]:
    """Up to `k` of `rows` with a positive score, best first (ties by row)."""
    first = int(rows[0]) if rows.size else 0
    consecutive = bool((np.diff(rows) == 1).all())
    among = scores[first : first + rows.size] if consecutive else scores[rows]
    floor = 0.0  # the k-th best score (torch's top-k), then every row at or above it
    if rows.size > k:
        floor = float(among[top_positions(among[None, :], k)[0]].min())
    kept = np.flatnonzero((among > 0) & (among >= floor))
    hits = kept + first if consecutive else rows[kept]
    order = np.lexsort((hits, -scores[hits]))
    return [int(r) for r in hits[order[:k]]]


def preselect_indexed(
    snapshot: IndexSnapshot, vectors: Vectors, where: CandidateFilter, k: int, hits: LexicalHits
) -> Preselection:
    """Members near any query (`vectors`, (q, d) unit rows), as `candidates.preselect`."""
    table = snapshot.table
    similarity = table_cosines(table.vectors, vectors)
    best = nearest(table, similarity, k, snapshot.allowed(where), top=top_rows)
    return combine(best, hits, len(vectors))


def indexed_evidence(
    snapshot: IndexSnapshot, member_ids: Iterable[str], vectors: Vectors
) -> dict[str, tuple[EvidenceRow, ...]]:
    """Evidence rows of each member the snapshot knows (none for a member without
    documents), with cosines to `vectors`; members it does not know are left out."""
    table = snapshot.table
    known = [m for m in member_ids if snapshot.knows(m)]
    people = [p for p in (table.person(m) for m in known) if p is not None]
    rows = people_rows(table, people)
    similarity = row_cosines(table, rows, vectors).tolist()
    # Plain lists read once: indexing numpy arrays row by row cost more than the cosines.
    sources, titles = table.source_ids, table.titles
    listed = zip(
        rows.tolist(),
        table.years[rows].tolist(),
        table.is_statement[rows].tolist(),
        similarity,
        strict=True,
    )
    found: dict[str, tuple[EvidenceRow, ...]] = dict.fromkeys(known, ())
    for p in people:
        member = table.people[p]
        found[member] = tuple(
            EvidenceRow(
                member,
                sources[row],
                STATEMENT_TITLE if statement else titles[row],
                year,
                tuple(cosine),
            )
            for row, year, statement, cosine in islice(listed, len(table.rows_of(p)))
        )
    return found


class IndexedRows(Sequence[EvidenceRow]):
    """The evidence rows of scored candidates as flat arrays over the index's table: the
    EvidenceRow of a row is made when it is read (the few shown on a page), not for every
    document of every candidate scored."""

    def __init__(
        self, table: EvidenceTable, rows: IntArray, owners: Sequence[str], similarity: FloatArray
    ) -> None:
        self.table = table
        self.rows = rows  # table rows, candidate after candidate
        self.owners = owners  # member id of each flat row
        self.similarity = similarity  # (N, q) cosines

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> EvidenceRow: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[EvidenceRow]: ...

    def __getitem__(self, i: int | slice) -> EvidenceRow | Sequence[EvidenceRow]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        row = int(self.rows[i])
        statement = bool(self.table.is_statement[row])
        return EvidenceRow(
            self.owners[i],
            self.table.source_ids[row],
            STATEMENT_TITLE if statement else self.table.titles[row],
            int(self.table.years[row]),
            tuple(self.similarity[i].tolist()),
        )


@dataclass(frozen=True, eq=False)
class IndexedEvidence:
    """Evidence of candidates, flat: row j belongs to candidate owner[j] (their position in
    the ids asked for); lexical is (q, N) full-text scores of each row, 0 when not a hit."""

    rows: IndexedRows
    owner: IntArray
    years: IntArray
    lexical: FloatArray


def indexed_rows(
    snapshot: IndexSnapshot, member_ids: Sequence[str], vectors: Vectors, found: Preselection
) -> IndexedEvidence:
    """The evidence of `member_ids` (all known to the snapshot) as `indexed_evidence` gives
    it, with each row's full-text score from `found` as `scoring.lexical_matrix` reads it,
    in arrays."""
    table = snapshot.table
    people = [table.person(m) for m in member_ids]
    counts = [0 if p is None else len(table.rows_of(p)) for p in people]
    rows = people_rows(table, [p for p in people if p is not None])
    owner = np.repeat(np.arange(len(member_ids), dtype=np.int64), counts)
    owners = [member_ids[o] for o in owner.tolist()]
    sources = [table.source_ids[r] for r in rows.tolist()]
    statements = table.is_statement[rows].tolist()
    lexical = np.zeros((len(vectors), len(sources)))
    for q in range(len(vectors)):
        by_output, by_member = found.output_lexical[q], found.member_lexical[q]
        if by_output or by_member:
            lexical[q] = [
                by_member.get(member, 0.0) if statement else by_output.get(source, 0.0)
                for member, source, statement in zip(owners, sources, statements, strict=True)
            ]
    similarity = row_cosines(table, rows, vectors)
    return IndexedEvidence(
        IndexedRows(table, rows, owners, similarity), owner, table.years[rows], lexical
    )
