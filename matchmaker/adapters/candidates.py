"""Candidate members for matching, read from the graph and mapped in this one place.

`preselect` narrows the membership to the few hundred people whose evidence is nearest to
the query texts (vector indexes on outputs and statements, plus full-text hits), so a
graph of 50,000 members is never scanned whole. `candidate_profiles` then reads, for those
people only, what the matching core needs (organisation, sector, region, career stage,
SIGs/CoIs, load, capacity, consent, collaborators, conflicts, exposure) and each piece of
evidence with its cosine similarity to every query vector, computed inside Neo4j.

Every function raises Neo4jUnavailable when the graph cannot be reached.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

import numpy as np
import numpy.typing as npt

from graph_schema.queries import matching as q
from matchmaker.adapters.fulltext import lucene_query
from matchmaker.adapters.graph import Graph, Record
from matchmaker.domain.privacy import Consent, ConsentRule
from matchmaker.matching.problem import Candidate

STATEMENT_PREFIX = "statement:"  # source id of a member's own expertise statement
STATEMENT_TITLE = "Expertise statement"


@dataclass(frozen=True)
class GroupRef:
    id: str
    name: str


@dataclass(frozen=True)
class EvidenceRow:
    """One document of a member's evidence and its cosine to each query vector (-1..1)."""

    member_id: str
    source_id: str  # an output id, or "statement:<member id>"
    title: str
    year: int
    similarities: tuple[float, ...]


@dataclass(frozen=True)
class CandidateProfile:
    id: str
    name: str
    discipline: str
    career_stage: str
    region: str
    organisation_id: str
    organisation_name: str
    sector: str
    availability_hours: int
    max_groups: int
    active_groups: int
    open_to_matching: bool
    visible_to_partners: bool
    visible_to_members: bool = True
    sigs: tuple[GroupRef, ...] = ()
    cois: tuple[GroupRef, ...] = ()
    collaborators: frozenset[str] = frozenset()
    conflicts: frozenset[str] = frozenset()
    exposure: int = 0  # distinct targets this member was suggested for recently
    evidence: tuple[EvidenceRow, ...] = field(default=(), repr=False)

    @property
    def consent(self) -> Consent:
        return Consent(self.open_to_matching, self.visible_to_members, self.visible_to_partners)

    @property
    def has_capacity(self) -> bool:
        return self.active_groups < self.max_groups and self.availability_hours > 0

    def candidate(self, proposer_organisation: str | None = None) -> Candidate:
        """The matching core's view of this member."""
        return Candidate(
            id=self.id,
            organisation_id=self.organisation_id,
            sector=self.sector,
            region=self.region,
            career_stage=self.career_stage,
            discipline=self.discipline,
            sigs=frozenset(g.id for g in self.sigs),
            current_groups=self.active_groups,
            max_groups=self.max_groups,
            availability_hours=self.availability_hours,
            open_to_matching=self.open_to_matching,
            collaborators=self.collaborators,
            exposure=self.exposure,
            conflicts=self.conflicts,
            is_proposer_org=bool(proposer_organisation)
            and self.organisation_id == proposer_organisation,
        )


@dataclass(frozen=True)
class CandidateFilter:
    """Who may be a candidate; the parameters of graph_schema.queries.matching.member_filter."""

    open_only: bool = True
    partners_only: bool = False
    members_only: bool = False  # only members visible to members (or the looker themself)
    looker: str = ""  # the id of who asks
    regions: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    sigs: tuple[str, ...] = ()  # SIG ids or names
    min_hours: int = 0
    with_capacity: bool = False

    def params(self) -> dict[str, Any]:
        return {
            "open_only": self.open_only,
            "partners_only": self.partners_only,
            "members_only": self.members_only,
            "looker": self.looker,
            "regions": list(self.regions),
            "stages": list(self.stages),
            "sectors": list(self.sectors),
            "sigs": list(self.sigs),
            "min_hours": self.min_hours,
            "with_capacity": self.with_capacity,
        }

    @property
    def rule(self) -> ConsentRule:
        """The consent part of the filter, as the privacy policy tests it."""
        return ConsentRule(self.open_only, self.partners_only, self.members_only, self.looker)

    @classmethod
    def of(cls, rule: ConsentRule, **narrowing: Any) -> CandidateFilter:
        """A filter with the policy's consent rule and the given search filters."""
        return cls(rule.open_only, rule.partners_only, rule.members_only, rule.looker, **narrowing)


@dataclass(frozen=True)
class Preselection:
    """Who was pre-selected, and the full-text scores seen on the way, per query."""

    priority: dict[str, float]  # member id -> best cosine (+ half the best full-text share)
    output_lexical: tuple[dict[str, float], ...]  # per query: output id -> Lucene score
    member_lexical: tuple[dict[str, float], ...]  # per query: member id -> Lucene score

    def chosen(self, limit: int) -> list[str]:
        """The `limit` members of highest priority, ties by id."""
        order = sorted(self.priority.items(), key=lambda item: (-item[1], item[0]))
        return [member for member, _ in order[:limit]]


Vectors = npt.NDArray[np.floating[Any]]


def _lexical_queries(texts: Sequence[str]) -> list[dict[str, Any]]:
    queries = [{"q": i, "text": lucene_query(text)} for i, text in enumerate(texts)]
    return [query for query in queries if query["text"]]


def _per_query(rows: Iterable[Record], n: int) -> tuple[dict[str, float], ...]:
    tables: list[dict[str, float]] = [{} for _ in range(n)]
    for row in rows:
        tables[int(row["query"])][row["id"]] = float(row["score"])
    return tuple(tables)


def _lexical_priority(
    outputs: Sequence[Record], members: Sequence[Record], n: int
) -> dict[str, float]:
    peak = [0.0] * n
    for row in (*outputs, *members):
        peak[int(row["query"])] = max(peak[int(row["query"])], float(row["score"]))
    best: dict[str, float] = {}
    for row in outputs:
        share = float(row["score"]) / peak[int(row["query"])]
        for member in row["members"]:
            best[member] = max(best.get(member, 0.0), share)
    for row in members:
        share = float(row["score"]) / peak[int(row["query"])]
        best[row["id"]] = max(best.get(row["id"], 0.0), share)
    return best


@dataclass(frozen=True)
class LexicalHits:
    """Full-text hits of the query texts: output rows carry the authors who may be candidates."""

    outputs: list[Record]
    members: list[Record]


def lexical_hits(
    graph: Graph, texts: Sequence[str], where: CandidateFilter, k: int = 50
) -> LexicalHits:
    """`k` full-text hits a text on outputs and on statements; needs no vectors, so it can
    run while the texts are being encoded."""
    lexical = {**where.params(), "queries": _lexical_queries(texts), "k": k}
    if not lexical["queries"]:
        return LexicalHits([], [])
    outputs, members = graph.read_all((q.OUTPUT_TEXT_HITS, lexical), (q.MEMBER_TEXT_HITS, lexical))
    return LexicalHits(outputs, members)


def _ready(hits: LexicalHits) -> Future[LexicalHits]:
    done: Future[LexicalHits] = Future()
    done.set_result(hits)
    return done


def preselect(
    graph: Graph,
    vectors: Vectors,
    texts: Sequence[str],
    where: CandidateFilter,
    k: int = 50,
    lexical: LexicalHits | None = None,
) -> Preselection:
    """Members near any query: `k` nearest outputs and statements a vector, `k` full-text
    hits a text (`lexical`, when already read by lexical_hits). `vectors` (q, d) are the
    unit vectors of `texts` (q)."""
    params = {**where.params(), "vectors": np.asarray(vectors, dtype=float).tolist(), "k": k}
    pending = (
        graph.submit(lexical_hits, graph, texts, where, k) if lexical is None else _ready(lexical)
    )
    authors, statements = graph.read_all(
        (q.NEAREST_AUTHORS, params), (q.NEAREST_STATEMENTS, params)
    )
    nearest: dict[str, float] = {}
    for row in (*authors, *statements):
        cosine = 2.0 * float(row["score"]) - 1.0
        nearest[row["id"]] = max(nearest.get(row["id"], -1.0), cosine)
    return combine(nearest, pending.result(), len(texts))


def combine(nearest: dict[str, float], hits: LexicalHits, n: int) -> Preselection:
    """The pre-selection from each member's best cosine among the nearest documents and the
    full-text hits of the `n` query texts: priority = cosine + half the best full-text share."""
    priority = dict(nearest)
    for member, share in _lexical_priority(hits.outputs, hits.members, n).items():
        priority[member] = priority.get(member, 0.0) + 0.5 * share
    return Preselection(priority, _per_query(hits.outputs, n), _per_query(hits.members, n))


def _cosines(values: Sequence[float | None]) -> tuple[float, ...]:
    # vector.similarity.cosine reports (1 + cosine) / 2; back to the cosine itself.
    return tuple(2.0 * float(v) - 1.0 if v is not None else -1.0 for v in values)


def _evidence(row: Record) -> tuple[EvidenceRow, ...]:
    member = row["id"]
    rows = [
        EvidenceRow(member, str(oid), title or "", int(year or 0), _cosines(sims))
        for oid, title, year, sims in row["outputs"]
    ]
    if row["statement"] is not None:
        rows.append(
            EvidenceRow(
                member, STATEMENT_PREFIX + member, STATEMENT_TITLE, 0, _cosines(row["statement"])
            )
        )
    return tuple(rows)


def _groups(pairs: Sequence[Sequence[str]]) -> tuple[GroupRef, ...]:
    return tuple(sorted((GroupRef(str(i), n or str(i)) for i, n in pairs), key=lambda g: g.id))


def _memberships(row: Record) -> tuple[tuple[GroupRef, ...], tuple[GroupRef, ...], int]:
    """The member's SIGs and CoIs, and how many groups count as load, from the one list of
    [id, name, is a SIG, is a CoI, counts as load] the profile read gives
    (graph_schema.queries.matching.GROUP_ROW)."""
    groups = row["groups"]
    sigs = _groups([(i, n) for i, n, sig, _, _ in groups if sig])
    cois = _groups([(i, n) for i, n, _, coi, _ in groups if coi])
    return sigs, cois, sum(1 for *_, load in groups if load)


def _profile(row: Record, evidence: tuple[EvidenceRow, ...]) -> CandidateProfile:
    sigs, cois, load = _memberships(row)
    return CandidateProfile(
        id=row["id"],
        name=row["name"] or row["id"],
        discipline=row["discipline"] or "",
        career_stage=row["career_stage"] or "",
        region=row["region"] or "",
        organisation_id=row["organisation_id"] or "",
        organisation_name=row["organisation_name"] or "",
        sector=row["sector"] or "",
        availability_hours=int(row["availability_hours"]),
        max_groups=int(row["max_groups"]),
        active_groups=load,
        open_to_matching=bool(row["open_to_matching"]),
        visible_to_partners=bool(row["visible_to_partners"]),
        visible_to_members=bool(row["visible_to_members"]),
        sigs=sigs,
        cois=cois,
        collaborators=frozenset(row["collaborators"]),
        conflicts=frozenset(row["conflicts"]),
        exposure=int(row["exposure"]),
        evidence=evidence,
    )


ANYONE = CandidateFilter(open_only=False)


Known = Mapping[str, tuple[EvidenceRow, ...]]  # member id -> evidence rows


@dataclass(frozen=True)
class ProfileRequest:
    """Whose profiles to read and how: `where` is checked again on the live graph and members
    who fail it are dropped, except the `keep` ids (locked members, the proposer); `known`
    is evidence held elsewhere (the in-memory index; empty rows when it is scored from the
    index's arrays), read live for the rest. Exposure leaves out suggestions for `target`
    (what is being asked for now), so showing a team does not change the next answer for
    the same target."""

    ids: Iterable[str]
    since: datetime
    related: Iterable[str] = ()
    where: CandidateFilter = ANYONE
    keep: Iterable[str] = ()
    known: Known = field(default_factory=dict)
    target: str = ""


def candidate_profiles(
    graph: Graph, request: ProfileRequest, vectors: Vectors
) -> list[CandidateProfile]:
    """Profiles of the members `request.ids` (unknown ids are left out), in id order, with
    each evidence row's cosine to every row of `vectors`. Collaborations count only with
    `related` ids (and the other candidates); exposure counts suggestions since `since`.
    The profiles and the evidence not `known` are two reads run side by side."""
    wanted = sorted(set(request.ids))
    related = sorted({*wanted, *request.related})
    known = request.known
    live = [i for i in wanted if i not in known]
    params = {**request.where.params(), "ids": wanted, "related": related,
              "since": request.since.isoformat(), "target": request.target}  # fmt: skip
    reading = partial(graph.read, q.CANDIDATES, **params)
    read: list[Record] = []
    if live:
        vector_list = np.asarray(vectors, float).tolist()
        evidence_of = partial(graph.read, q.CANDIDATE_EVIDENCE, ids=live, vectors=vector_list)
        read, found = graph.alongside(evidence_of, reading)
    else:
        found = reading()
    profiles = found[0]["rows"] if found else []
    evidence = {**known, **{row["id"]: _evidence(row) for row in read}}
    keep = set(request.keep)
    return [
        _profile(row, evidence[row["id"]])
        for row in profiles
        if row["id"] in evidence and (row["eligible"] or row["id"] in keep)
    ]


def evidence_texts(graph: Graph, source_ids: Iterable[str]) -> dict[str, str]:
    """The text behind evidence rows (an output's abstract, or a member's statement); the
    two reads run side by side."""
    wanted = set(source_ids)
    outputs = [s for s in wanted if not s.startswith(STATEMENT_PREFIX)]
    members = [s.removeprefix(STATEMENT_PREFIX) for s in wanted if s.startswith(STATEMENT_PREFIX)]
    found, statements = graph.read_all(
        (q.OUTPUT_TEXTS, {"ids": sorted(outputs)}), (q.STATEMENT_TEXTS, {"ids": sorted(members)})
    )
    texts = {r["id"]: r["text"] for r in found}
    texts.update({STATEMENT_PREFIX + r["id"]: r["text"] for r in statements})
    return texts
