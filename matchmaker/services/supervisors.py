"""Academic supervisors for a KTP: members at academic organisations who match the text."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from embeddings import Embedder
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.services.audience import Who, base_filter, checked, may_see
from matchmaker.services.scoring import DEFAULT_PARAMS, Reach, score_candidates, to_unit

SUPERVISOR_REACH = Reach(k=30, limit=60)


@dataclass(frozen=True)
class Supervisor:
    member_id: str
    name: str
    organisation_id: str
    sector: str
    score: float  # affinity to the text, 0..1


def supervisors_for(
    graph: Graph,
    embedder: Embedder,
    text: str,
    audience: Who = "member",
    limit: int = 10,
    index: MatchIndex | None = None,
) -> list[Supervisor]:
    """The `limit` academics (open to matching unless staff ask) best matching the text.
    Raises InvalidInput / PermissionDenied for the audience and Neo4jUnavailable."""
    who = checked(audience)
    where = replace(base_filter(who), sectors=("academia",))
    scored = score_candidates(
        graph, embedder, [text], where, DEFAULT_PARAMS, datetime.now(UTC), SUPERVISOR_REACH,
        index=index,
    )  # fmt: skip
    unit = to_unit(scored.matrix.scores[0], DEFAULT_PARAMS)
    found = [
        Supervisor(p.id, p.name, p.organisation_id, p.sector, round(float(unit[i]), 4))
        for i, p in enumerate(scored.profiles)
        if scored.has_evidence(i) and may_see(p, who)
    ]
    found.sort(key=lambda s: (-s.score, s.member_id))
    return found[:limit]
