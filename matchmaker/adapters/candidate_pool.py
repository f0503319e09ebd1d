"""The reads of one scoring, overlapped in this one place: whoever scores calls a function and
waits for its answer, and holds no pending read of its own.

- `hits_while_encoding`: Neo4j's full-text hits for the texts, read on a graph I/O thread
  while the calling thread runs the model on the same texts (the path without the matching
  index; the hits need no vectors).
- `read_pool`: the pre-selected candidates' profiles and, when asked, the decisions recorded
  about them, read side by side on graph I/O threads, while the calling thread makes the
  index's evidence of the same people ready (CPU work that needs no graph).

Every function raises Neo4jUnavailable when the graph cannot be reached, and whatever the
encode it is given raises.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from matchmaker.adapters.candidates import (
    CandidateFilter,
    CandidateProfile,
    LexicalHits,
    Preselection,
    ProfileRequest,
    Vectors,
    candidate_profiles,
    lexical_hits,
)
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.indexed_evidence import IndexedEvidence, indexed_rows
from matchmaker.adapters.match_index import IndexSnapshot
from matchmaker.adapters.targets import decisions


def hits_while_encoding(
    graph: Graph,
    texts: Sequence[str],
    where: CandidateFilter,
    k: int,
    encode: Callable[[], Vectors],
) -> tuple[LexicalHits, Vectors]:
    """The `k` full-text hits a text (candidates.lexical_hits) and the texts' vectors, the
    first read while `encode` runs on this thread."""
    return graph.alongside(partial(lexical_hits, graph, texts, where, k), encode)


@dataclass(frozen=True)
class DecisionsAsked:
    """Read the decisions that the ids `by` recorded about the candidates, and who of them
    declined `target`."""

    target: str
    by: tuple[str, ...]


@dataclass(frozen=True)
class DecisionRows:
    """Each candidate's latest decision per target, as (candidate id, target id, decision),
    and who declined the target asked about."""

    latest: tuple[tuple[str, str, str], ...] = ()
    declined: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FromIndex:
    """The in-memory index's evidence to make ready for the request's `known` ids: the
    snapshot that holds it, and the pre-selection whose full-text scores it carries."""

    snapshot: IndexSnapshot
    found: Preselection


@dataclass(frozen=True)
class Pool:
    """What `read_pool` read. `held`: the known ids, sorted, whose index evidence is
    `evidence` (None when no index was asked)."""

    profiles: list[CandidateProfile]
    decisions: DecisionRows
    held: list[str]
    evidence: IndexedEvidence | None


def read_pool(
    graph: Graph,
    request: ProfileRequest,
    vectors: Vectors,
    asked: DecisionsAsked | None = None,
    index: FromIndex | None = None,
) -> Pool:
    """The profiles of `request` (candidates.candidate_profiles), the decisions `asked` about
    the same ids, and the evidence of the `known` ids from `index`, all at once."""
    held = sorted(request.known)
    reading = partial(candidate_profiles, graph, request, vectors)
    preparing = partial(_prepare, index, held, vectors)
    if asked is None:
        profiles, evidence = graph.alongside(reading, preparing)
        return Pool(profiles, DecisionRows(), held, evidence)
    deciding = partial(_decisions, graph, sorted(set(request.ids)), asked)
    rows, profiles, evidence = graph.alongside_both(deciding, reading, preparing)
    return Pool(profiles, rows, held, evidence)


def _prepare(index: FromIndex | None, held: list[str], vectors: Vectors) -> IndexedEvidence | None:
    return None if index is None else indexed_rows(index.snapshot, held, vectors, index.found)


def _decisions(graph: Graph, ids: Sequence[str], asked: DecisionsAsked) -> DecisionRows:
    latest, declined = decisions(graph, ids, asked.target, asked.by)
    return DecisionRows(tuple(latest), declined)
