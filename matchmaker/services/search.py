"""Use case: expertise search. Plain text in, members out, ranked by the one affinity rule.

Candidates are pre-selected from the vector and full-text indexes (with the audience's
privacy rule and the filters applied in the same reads), scored with
matchmaker.matching.affinity, sorted by score then id (so pages are stable), and paged by
offset/limit or by an opaque cursor. Each hit carries its evidence: the documents behind
the score, each with title, snippet and score. Call it from a worker thread: it encodes
with the model.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import numpy as np

from embeddings import Embedder
from matchmaker.adapters.candidates import (
    CandidateFilter,
    CandidateProfile,
    ProfileRequest,
    candidate_profiles,
)
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.indexed_evidence import (
    indexed_rows,
    lexical_indexed,
    preselect_indexed,
)
from matchmaker.adapters.match_index import IndexSnapshot, MatchIndex
from matchmaker.domain.privacy import Consent, check_filters, consent_rule
from matchmaker.errors import InvalidInput, PermissionDenied
from matchmaker.matching.affinity import AffinityParams
from matchmaker.matching.bands import GOOD
from matchmaker.services.audience import Who, checked, may_see
from matchmaker.services.cursor import decode_cursor, encode_cursor
from matchmaker.services.evidence import EvidenceItem, items_for, read_texts
from matchmaker.services.scoring import (
    DEFAULT_PARAMS,
    EXPOSURE_WINDOW,
    Reach,
    Scored,
    encode,
    score_candidates,
    score_rows,
    to_unit,
)

MAX_LIMIT = 100
MAX_TEXT = 5000
EVIDENCE_PER_HIT = 3


@dataclass(frozen=True)
class SearchFilters:
    sectors: tuple[str, ...] = ()  # organisation sectors (nhs, academia, industry, ...)
    sigs: tuple[str, ...] = ()  # SIG ids or names
    regions: tuple[str, ...] = ()
    career_stages: tuple[str, ...] = ()
    min_hours: int = 0  # available at least this many hours a month
    with_capacity: bool = False  # sits on fewer active groups than their maximum

    @property
    def any(self) -> bool:
        return bool(self.sectors or self.sigs or self.regions or self.career_stages) or bool(
            self.min_hours or self.with_capacity
        )


@dataclass(frozen=True)
class MemberHit:
    member_id: str
    name: str
    discipline: str
    career_stage: str
    region: str
    organisation: str
    sector: str
    sigs: tuple[str, ...]  # names
    cois: tuple[str, ...]  # names
    score: float  # affinity mapped to [0, 1] (services.scoring.to_unit)
    evidence: tuple[EvidenceItem, ...]


@dataclass(frozen=True)
class MemberPage:
    hits: tuple[MemberHit, ...]
    total: int  # hits available for this query and filters (among those pre-selected)
    offset: int
    limit: int
    next_cursor: str | None  # pass back as `cursor` for the next page; None on the last


def _validate(text: str, offset: int, limit: int) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput("text", "must not be empty")
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput("text", f"at most {MAX_TEXT} characters, got {len(cleaned)}")
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("limit", f"must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise InvalidInput("offset", f"must not be negative, got {offset}")
    return cleaned


def member_filter(audience: Who, filters: SearchFilters) -> CandidateFilter:
    """The audience's consent rule and the filters; raises PermissionDenied for filters the
    privacy policy keeps to staff (availability, capacity)."""
    looker = checked(audience)
    refused = check_filters(looker, filters.min_hours, filters.with_capacity)
    if refused is not None:
        raise PermissionDenied(refused)
    return CandidateFilter.of(
        consent_rule(looker),
        regions=filters.regions,
        stages=filters.career_stages,
        sectors=filters.sectors,
        sigs=filters.sigs,
        min_hours=filters.min_hours,
        with_capacity=filters.with_capacity,
    )


def _hit(scored: Scored, person: int, texts: dict[str, str]) -> MemberHit:
    profile: CandidateProfile = scored.profiles[person]
    return MemberHit(
        member_id=profile.id,
        name=profile.name,
        discipline=profile.discipline,
        career_stage=profile.career_stage,
        region=profile.region,
        organisation=profile.organisation_name,
        sector=profile.sector,
        sigs=tuple(g.name for g in profile.sigs),
        cois=tuple(g.name for g in profile.cois),
        score=round(float(to_unit(scored.matrix.scores[0, person], scored.params)), 4),
        evidence=items_for(scored, 0, person, texts, EVIDENCE_PER_HIT),
    )


def ranked(scored: Scored, audience: Who) -> list[int]:
    """Columns of visible candidates whose work is at least a good match for the text
    (bands.GOOD), best score first, ties by id. Below that is not a result: unrelated work in
    the field scores about 0.2 (an MRI audit against "device cybersecurity"), so listing and
    counting every pre-selected candidate made a niche query look like fifty experts."""
    scores = scored.matrix.scores[0]
    unit = to_unit(scores, scored.params)
    has_evidence = scored.matrix.top_rows[0, :, 0] >= 0
    good = np.flatnonzero(has_evidence & np.isfinite(scores) & (unit >= GOOD)).tolist()
    looker = checked(audience)
    visible = [p for p in good if may_see(scored.profiles[p], looker)]
    return sorted(visible, key=lambda p: (-float(scores[p]), scored.profiles[p].id))


def search_members(
    graph: Graph,
    embedder: Embedder,
    text: str,
    audience: Who = "member",
    filters: SearchFilters | None = None,
    offset: int = 0,
    limit: int = 20,
    cursor: str | None = None,
    params: AffinityParams = DEFAULT_PARAMS,
    now: datetime | None = None,
    index: MatchIndex | None = None,
) -> MemberPage:
    """Members whose evidence best matches `text`, as the audience may see them.

    `cursor` (from a previous page) overrides `offset`; `index`: the service's in-memory
    matching index, when it has one. Raises InvalidInput (empty or long
    text, bad limit/offset/cursor/audience), PermissionDenied (not signed in, or a filter
    kept to staff),
    Neo4jUnavailable, and whatever the embedder raises.
    """
    query = _validate(text, offset, limit)
    filters = filters or SearchFilters()
    start = decode_cursor(cursor) if cursor is not None else offset
    where = member_filter(audience, filters)
    reach = Reach(k=300 if filters.any else 100, limit=max(200, start + limit))
    when = now or datetime.now(UTC)
    snapshot = index.snapshot() if index is not None else None
    if snapshot is None:
        scored = score_candidates(graph, embedder, [query], where, params, when, reach)
        order = ranked(scored, audience)
        shown, dropped = order[start : start + limit], 0
    else:
        scored = score_indexed(snapshot, embedder, query, where, params, reach)
        order = ranked(scored, audience)
        page = order[start : start + limit]
        scored, shown = confirm_page(graph, scored, page, where, audience, when)
        dropped = min(limit, len(order) - start) - len(shown) if start < len(order) else 0
    texts = read_texts(graph, scored, [0], shown, EVIDENCE_PER_HIT)
    following = start + limit if start + limit < len(order) else None
    return MemberPage(
        hits=tuple(_hit(scored, p, texts) for p in shown),
        total=len(order) - dropped,
        offset=start,
        limit=limit,
        next_cursor=None if following is None else encode_cursor(following),
    )


def score_indexed(
    snapshot: IndexSnapshot,
    embedder: Embedder,
    query: str,
    where: CandidateFilter,
    params: AffinityParams,
    reach: Reach,
) -> Scored:
    """Candidates for `query` scored from the in-memory index alone: pre-selection, evidence
    and consent as of its last refresh. The profiles are stand-ins holding only the id, the
    consent and the evidence; confirm_page reads the real ones for the page shown."""
    vectors = encode(embedder, [query])
    hits = lexical_indexed(snapshot, [query], where, reach.k)
    found = preselect_indexed(snapshot, vectors, where, reach.k, hits)
    ids = [i for i in found.chosen(reach.limit) if snapshot.knows(i)]
    evidence = indexed_rows(snapshot, ids, vectors, found)
    stand_ins = tuple(_stand_in(i, snapshot.facts[i].consent) for i in ids)
    matrix = score_rows(evidence, len(ids), 1, params)
    return Scored((query,), params, stand_ins, evidence.rows, matrix, snapshot)


def confirm_page(
    graph: Graph,
    scored: Scored,
    page: list[int],
    where: CandidateFilter,
    audience: Who,
    now: datetime,
) -> tuple[Scored, list[int]]:
    """The page's profiles read from the live graph, where consent and the filters are
    checked again: a member who withdrew consent or stopped passing a filter since the
    index's last refresh (a few seconds) is dropped from the page."""
    ids = [scored.profiles[p].id for p in page]
    request = ProfileRequest(ids, now - EXPOSURE_WINDOW, where=where, known=dict.fromkeys(ids, ()))
    live = {profile.id: profile for profile in candidate_profiles(graph, request, np.empty((0, 0)))}
    profiles = list(scored.profiles)
    kept = []
    for p in page:
        found = live.get(profiles[p].id)
        if found is not None and may_see(found, checked(audience)):
            profiles[p] = found
            kept.append(p)
    return replace(scored, profiles=tuple(profiles)), kept


def _stand_in(member_id: str, consent: Consent) -> CandidateProfile:
    """A profile holding only what ranking needs (the id and the consent); its evidence is
    in Scored.rows, read through Scored.pooled."""
    return CandidateProfile(
        id=member_id, name="", discipline="", career_stage="", region="", organisation_id="",
        organisation_name="", sector="", availability_hours=0, max_groups=0, active_groups=0,
        open_to_matching=consent.open_to_matching, visible_to_partners=consent.visible_to_partners,
        visible_to_members=consent.visible_to_members,
    )  # fmt: skip
