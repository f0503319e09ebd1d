"""External partners for matching, read from the graph and mapped in one place.

Every function raises Neo4jUnavailable when the graph cannot be reached.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from neo4j import ManagedTransaction

from graph_schema.queries import partner_matching as q
from matchmaker.adapters.candidates import Vectors
from matchmaker.adapters.fulltext import lucene_query
from matchmaker.adapters.graph import Graph, Record
from matchmaker.matching.ktp import KtpRule
from matchmaker.matching.partners import PartnerCandidate

DEFAULT_MIN_FTE = 2  # a KTP business needs at least two full-time staff


@dataclass(frozen=True)
class PartnerProfile:
    id: str
    name: str
    kind: str
    sector: str
    region: str
    fte: int
    visible: bool
    networks: tuple[tuple[str, str], ...]  # (id, name)
    organisation_id: str  # the Organisation node of the same body, or ""
    similarities: tuple[float, ...]  # cosine to each query vector; () when not embedded
    description: str = ""

    def candidate(self) -> PartnerCandidate:
        return PartnerCandidate(
            id=self.id,
            sector=self.sector,
            region=self.region,
            networks=frozenset(name for _, name in self.networks),
            fte=self.fte,
            organisation_id=self.organisation_id,
            visible=self.visible,
            name=self.name,
            kind=self.kind,
        )


def preselect_partners(
    graph: Graph, vectors: Vectors, texts: Sequence[str], all_partners: bool, k: int = 30
) -> tuple[list[str], tuple[dict[str, float], ...]]:
    """Partners near any query (vector and full-text), and the full-text scores per query."""
    queries = [{"q": i, "text": lucene_query(t)} for i, t in enumerate(texts)]
    queries = [x for x in queries if x["text"]]
    params = {"vectors": np.asarray(vectors, float).tolist(), "k": k, "all_partners": all_partners}

    def work(tx: ManagedTransaction) -> tuple[list[Record], list[Record]]:
        near = [r.data() for r in tx.run(q.NEAREST_PARTNERS, params)]
        hits = [r.data() for r in tx.run(q.PARTNER_TEXT_HITS, {**params, "queries": queries})]
        return near, hits

    near, hits = graph.read_tx(work) if queries else (graph.read(q.NEAREST_PARTNERS, **params), [])
    lexical: list[dict[str, float]] = [{} for _ in texts]
    for row in hits:
        lexical[int(row["query"])][row["id"]] = float(row["score"])
    return sorted({r["id"] for r in near} | {r["id"] for r in hits}), tuple(lexical)


def _profile(row: Record) -> PartnerProfile:
    sims = row["similarities"]
    return PartnerProfile(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        sector=row["sector"],
        region=row["region"],
        fte=int(row["fte"]),
        visible=bool(row["visible"]),
        networks=tuple((str(i), str(n)) for i, n in row["networks"]),
        organisation_id=(sorted(row["organisations"]) or [""])[0],
        similarities=() if sims is None else tuple(2.0 * float(s) - 1.0 for s in sims),
        description=str(row["description"]),
    )


def partner_profiles(
    graph: Graph, ids: Iterable[str], vectors: Vectors, all_partners: bool
) -> list[PartnerProfile]:
    """The partners `ids` in id order, each with its cosine to every row of `vectors`."""
    rows = graph.read(
        q.PARTNERS,
        ids=sorted(set(ids)),
        vectors=np.asarray(vectors, float).tolist(),
        all_partners=all_partners,
    )
    return [_profile(row) for row in rows]


def conflicted_partners(graph: Graph, member_ids: Iterable[str]) -> frozenset[str]:
    """Partners that any of these members declared a conflict of interest with."""
    rows = graph.read(q.PARTNER_CONFLICTS, members=sorted(set(member_ids)))
    return frozenset(r["id"] for r in rows)


def ktp_rule(graph: Graph) -> KtpRule:
    """The newest round's KTP eligibility rule; defaults (2 FTE, no public-sector business)
    when the graph holds none."""
    rows = graph.read(q.KTP_RULE)
    if not rows:
        return KtpRule("default", DEFAULT_MIN_FTE, False)
    row = rows[0]
    minimum = row["min_business_fte"]
    return KtpRule(
        round_id=str(row["round"]),
        min_business_fte=DEFAULT_MIN_FTE if minimum is None else int(minimum),
        public_sector_business_allowed=bool(row["public_sector_business_allowed"]),
        business_kinds=frozenset(row["business_kinds"] or ()),
    )
