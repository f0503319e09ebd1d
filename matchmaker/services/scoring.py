"""Expertise of candidate members for query texts, on the graph, through the one affinity rule.

The step search, teams and partners share: encode the texts, pre-select candidates,
read their profiles and evidence similarities, and score every candidate for every text
with matchmaker.matching.affinity (best few documents + full-text signal).

Two sources give the same things. The service's in-memory matching index
(adapters.match_index; full-text hits by BM25, nearest documents and cosines in memory) is
used when one is passed and built; otherwise Neo4j gives them (Lucene full-text indexes,
vector indexes, and cosines computed in the database). Either way the profiles, with consent
and filters checked again, are read live from the graph, and the core receives similarities,
not vectors: the evidence is handed to `affinities` in the basis of the queries (row j of
the evidence becomes the j-th column of the similarity matrix, the queries the identity),
which gives exactly the dot products the core would have taken. The collection is not
centred: on the expertise benchmark, cross-validated over people, centring was not
distinguishable from the uncentred default (matchmaker.matching.affinity's notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial

import numpy as np

from embeddings import Embedder
from embeddings.cache import encode_phrases
from matchmaker.adapters.candidate_pool import (
    DecisionRows,
    DecisionsAsked,
    FromIndex,
    Pool,
    hits_while_encoding,
    read_pool,
)
from matchmaker.adapters.candidates import (
    STATEMENT_PREFIX,
    CandidateFilter,
    CandidateProfile,
    EvidenceRow,
    Preselection,
    ProfileRequest,
    Vectors,
    preselect,
)
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.indexed_evidence import (
    IndexedEvidence,
    indexed_evidence,
    indexed_rows,
    lexical_indexed,
    preselect_indexed,
)
from matchmaker.adapters.match_index import IndexSnapshot, MatchIndex
from matchmaker.matching.affinity import (
    AffinityMatrix,
    AffinityParams,
    FloatArray,
    affinities,
    evidence_set,
)
from matchmaker.matching.feedback import FeedbackEvent, Outcome

EXPOSURE_WINDOW = timedelta(days=90)  # "suggested recently" means within this window
DEFAULT_PARAMS = AffinityParams()  # the tuned defaults of the one affinity rule


@dataclass(frozen=True)
class Reach:
    """How wide pre-selection casts: `k` neighbours a query, at most `limit` candidates."""

    k: int = 50
    limit: int = 200


@dataclass(frozen=True)
class Decided:
    """Recorded decisions about scored candidates: each one's latest decision per target,
    and who declined the target asked for."""

    history: tuple[FeedbackEvent, ...] = ()
    declined: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class Scored:
    """Candidates scored for q texts: matrix.scores is (q, P) in profile order."""

    texts: tuple[str, ...]
    params: AffinityParams
    profiles: tuple[CandidateProfile, ...]
    rows: Sequence[EvidenceRow]  # flat evidence rows; matrix.top_rows index into them
    matrix: AffinityMatrix
    snapshot: IndexSnapshot | None = None  # the in-memory index it was scored from, if any
    decided: Decided = field(default_factory=lambda: Decided())  # when the ask wanted them

    def column(self, member_id: str) -> int:
        for p, profile in enumerate(self.profiles):
            if profile.id == member_id:
                return p
        raise KeyError(member_id)

    def has_evidence(self, person: int) -> bool:
        """Whether any evidence row belongs to the person (profiles scored from the index
        carry none of their own: their rows are in `rows`)."""
        return bool((self.matrix.top_rows[:, person, :1] >= 0).any())

    def pooled(self, query: int, person: int) -> list[tuple[EvidenceRow, float]]:
        """The evidence rows behind a person's score for a query, best first, scores in [0, 1]."""
        found = []
        for row, score in zip(
            self.matrix.top_rows[query, person], self.matrix.top_scores[query, person], strict=True
        ):
            if row >= 0:
                unit = float(to_unit(np.array(score), self.params))
                found.append((self.rows[int(row)], unit))
        return found


def to_unit(scores: Vectors, params: AffinityParams) -> FloatArray:
    """Affinity scores (about -1..1 + lexical_weight) mapped to [0, 1]: score / (1 + weight),
    clipped. Used for everything shown and for the team objective's skill scores."""
    return np.asarray(np.clip(scores / (1.0 + params.lexical_weight), 0.0, 1.0), np.float64)


PHRASE_WORDS = 8  # texts of at most this many words are phrases (skills), the rest passages


def encode(embedder: Embedder, texts: Sequence[str]) -> Vectors:
    """Unit vectors of the texts, (q, d); raises whatever the embedder raises.

    Phrases (required skills) and passages go to the model in separate calls: a batch is
    padded to its longest text, so four skills batched with an idea's paragraph cost as much
    as four paragraphs. A phrase the query embedder's vocabulary holds (the graph's skill
    names, embeddings.cache) is not encoded at all."""
    out = np.empty((len(texts), embedder.dimension), dtype=np.float64)
    phrases = [i for i, text in enumerate(texts) if len(text.split()) <= PHRASE_WORDS]
    passages = [i for i in range(len(texts)) if i not in set(phrases)]
    if passages:
        out[passages] = embedder.encode([texts[i] for i in passages])
    if phrases:
        out[phrases] = encode_phrases(embedder, [texts[i] for i in phrases])
    return out


def lexical_matrix(rows: Sequence[EvidenceRow], found: Preselection, n: int) -> Vectors:
    """(q, N) full-text score of each evidence row for each query; 0 when not a hit."""
    matrix = np.zeros((n, len(rows)))
    for j, row in enumerate(rows):
        is_statement = row.source_id.startswith(STATEMENT_PREFIX)
        tables = found.member_lexical if is_statement else found.output_lexical
        key = row.member_id if is_statement else row.source_id
        for i in range(n):
            matrix[i, j] = tables[i].get(key, 0.0)
    return matrix


def _empty(n_queries: int, n_people: int) -> AffinityMatrix:
    return AffinityMatrix(
        scores=np.zeros((n_queries, n_people)),
        top_rows=np.full((n_queries, n_people, 1), -1, dtype=np.int64),
        top_scores=np.full((n_queries, n_people, 1), np.nan),
    )


def score_profiles(
    profiles: Sequence[CandidateProfile],
    n_queries: int,
    params: AffinityParams,
    found: Preselection | None = None,
) -> tuple[tuple[EvidenceRow, ...], AffinityMatrix]:
    """Score each profile for each query from its evidence similarities (pure)."""
    rows = tuple(row for profile in profiles for row in profile.evidence)
    if not rows:
        return rows, _empty(n_queries, len(profiles))
    owner = [p for p, profile in enumerate(profiles) for _ in profile.evidence]
    similarity = np.array([row.similarities for row in rows], dtype=np.float64)
    evidence = evidence_set(
        similarity.reshape(len(rows), n_queries),
        np.asarray(owner, dtype=np.int64),
        [row.year for row in rows],
        len(profiles),
    )
    lexical = None if found is None else lexical_matrix(rows, found, n_queries)
    return rows, affinities(np.eye(n_queries), evidence, params, lexical)


def score_rows(
    evidence: IndexedEvidence, n_people: int, n_queries: int, params: AffinityParams
) -> AffinityMatrix:
    """Score candidates for each query from their evidence in the index's arrays (pure):
    what score_profiles gives for the same rows, without an object a row."""
    if not len(evidence.rows):
        return _empty(n_queries, n_people)
    similarity = evidence.rows.similarity.reshape(len(evidence.rows), n_queries)
    found = evidence_set(similarity, evidence.owner, evidence.years, n_people)
    return affinities(np.eye(n_queries), found, params, evidence.lexical)


def score_candidates(
    graph: Graph,
    embedder: Embedder,
    texts: Sequence[str],
    where: CandidateFilter,
    params: AffinityParams,
    now: datetime,
    reach: Reach | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    index: MatchIndex | None = None,
    target: str = "",
    decided_by: Sequence[str] = (),
) -> Scored:
    """Pre-select and score candidates for `texts`; `include` ids are always read (e.g.
    locked members), `exclude` ids never (e.g. the proposer). With an `index` that has a
    snapshot, full-text hits (BM25 there, Lucene without), nearest documents and cosines
    come from memory and only the profiles (consent and filters checked again) from the
    graph. `target`: the id of what a team is asked for, whose own suggestions do not count
    towards exposure. With `decided_by` (ids), the decisions they recorded about the
    pre-selected candidates and `target` come back too. The reads that can overlap do so
    inside adapters.candidate_pool. Raises Neo4jUnavailable and whatever the embedder
    raises."""
    reach = reach or Reach()
    snapshot = index.snapshot() if index is not None else None
    if snapshot is None:  # Neo4j's full-text hits need no vectors: read while the model runs
        encoding = partial(encode, embedder, texts)
        lexical, vectors = hits_while_encoding(graph, texts, where, reach.k, encoding)
        found = preselect(graph, vectors, texts, where, reach.k, lexical)
    else:
        # One after the other: BM25 in memory is CPU work, and beside the model it slowed
        # the model's threads by more than its own time (10,000 members: p95 7 ms better).
        vectors = encode(embedder, texts)
        hits = lexical_indexed(snapshot, texts, where, reach.k)
        found = preselect_indexed(snapshot, vectors, where, reach.k, hits)
    excluded = set(exclude)
    ids = [i for i in [*found.chosen(reach.limit), *include] if i not in excluded]
    request = ProfileRequest(ids, now - EXPOSURE_WINDOW, excluded, where, include, target=target)
    from_index = None
    if snapshot is not None:  # the index's evidence is made ready while the graph's reads run
        request = replace(request, known=dict.fromkeys((i for i in ids if snapshot.knows(i)), ()))
        from_index = FromIndex(snapshot, found)
    asked = DecisionsAsked(target, tuple(decided_by)) if decided_by else None
    pool = read_pool(graph, request, vectors, asked, from_index)
    rows: Sequence[EvidenceRow]
    if snapshot is None:
        rows, matrix = score_profiles(pool.profiles, len(texts), params, found)
    else:
        rows, matrix = _score_known(snapshot, pool, vectors, params, found)
    profiles = tuple(pool.profiles)
    decided = decided_from(pool.decisions)
    return Scored(tuple(texts), params, profiles, rows, matrix, snapshot, decided)


def decided_from(rows: DecisionRows) -> Decided:
    """Recorded decisions as the feedback rule reads them."""
    history = tuple(FeedbackEvent(c, t, Outcome(d)) for c, t, d in rows.latest)
    return Decided(history, rows.declined)


def _score_known(
    snapshot: IndexSnapshot,
    pool: Pool,
    vectors: Vectors,
    params: AffinityParams,
    found: Preselection,
) -> tuple[Sequence[EvidenceRow], AffinityMatrix]:
    """Score profiles whose evidence the index holds from its arrays (score_rows: no object
    a document, which cost a suggestion more than the scores); the pool's evidence, made
    ready for the ids asked, is used when the profiles read are exactly those (nobody
    dropped by the live check). A member the snapshot does not know yet brought their
    evidence from the graph; then every row is made an object and scored by score_profiles,
    as without an index."""
    profiles = pool.profiles
    if all(snapshot.knows(p.id) for p in profiles):
        evidence = pool.evidence
        if evidence is None or pool.held != [p.id for p in profiles]:
            evidence = indexed_rows(snapshot, [p.id for p in profiles], vectors, found)
        return evidence.rows, score_rows(evidence, len(profiles), len(vectors), params)
    held = indexed_evidence(snapshot, [p.id for p in profiles], vectors)
    with_rows = [replace(p, evidence=held[p.id]) if p.id in held else p for p in profiles]
    return score_profiles(with_rows, len(vectors), params, found)
