"""The in-memory matching index on the real Neo4j with the real model: the same answers as
reading the graph, consent checked live, and refreshes that follow the graph.

The index scores full text with BM25 where the graph path asks Lucene, so the comparisons
of whole answers switch the full-text weight off (on this small graph every member with a
document is pre-selected either way); the full-text hits are compared on their own."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from dataclasses import asdict, is_dataclass, replace
from typing import Any

import pytest

from embeddings import Embedder
from matchmaker.adapters.candidates import CandidateFilter, lexical_hits
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.indexed_evidence import lexical_indexed
from matchmaker.adapters.match_index import MatchIndex, partner_sentences, passes
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.bootstrap import query_embedder_for
from matchmaker.cli import main
from matchmaker.matching.affinity import AffinityParams
from matchmaker.services.embedding import embed_stale
from matchmaker.services.search import SearchFilters, search_members
from matchmaker.services.supervisors import supervisors_for
from matchmaker.services.team_report import TeamResult
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest_team
from tests.integration.builders import build_graph

IDEA = TeamRequest(idea_id="idea-1", constraints=asked(size=3))


def asking(request: TeamRequest, **changes: Any) -> TeamRequest:
    return replace(request, constraints=replace(request.constraints, **changes))


SEMANTIC = AffinityParams(lexical_weight=0.0)
TEAMS = [
    IDEA,
    asking(IDEA, required_sectors={"nhs": 1, "academia": 1, "industry": 1}),
    asking(IDEA, must_include=frozenset({"m-mri-optout"})),
    asking(IDEA, min_early_career=1, max_per_org=1),
    TeamRequest(
        text="Radiotherapy dosimetry audit with machine learning", constraints=asked(size=4)
    ),
    asking(IDEA, min_regions=9),  # infeasible
]
SEARCHES: list[tuple[str, str, SearchFilters]] = [
    ("MRI safety of implanted devices", "staff", SearchFilters()),
    ("MRI safety of implanted devices", "member", SearchFilters()),
    ("machine learning", "partner", SearchFilters()),
    ("machine learning for MRI", "member", SearchFilters(sectors=("academia",))),
    ("machine learning for MRI", "member", SearchFilters(regions=("Wales",))),
    ("machine learning for MRI", "member", SearchFilters(sigs=("AI",))),
    ("MRI implant heating", "staff", SearchFilters(with_capacity=True)),
    (
        "in vivo dosimetry for radiotherapy",
        "staff",
        SearchFilters(career_stages=("early", "trainee"), min_hours=2),
    ),
]
MEMBER_FILTER = "MATCH (mem:Member) WHERE {} RETURN mem.id AS id ORDER BY id"


@pytest.fixture
def small(graph: Graph, embedder: Embedder) -> Graph:
    build_graph(graph, embedder)
    return graph


@pytest.fixture
def index(small: Graph, embedder: Embedder) -> Iterator[MatchIndex]:
    built = MatchIndex(small, embedder.dimension, refresh_s=0.05)
    built.refresh()
    yield built
    built.close()


def assert_close(a: Any, b: Any, where: str = "") -> None:
    """Equal, floats within 1e-6 (the index and Neo4j round cosines differently)."""
    if is_dataclass(a) and not isinstance(a, type):
        assert is_dataclass(b), where
        assert not isinstance(b, type), where
        a, b = asdict(a), asdict(b)
    if isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for key in a:
            assert_close(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list | tuple):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_close(x, y, f"{where}[{i}]")
    elif isinstance(a, float):
        assert math.isclose(a, b, abs_tol=1e-6), (where, a, b)
    else:
        assert a == b, (where, a, b)


def test_teams_from_the_index_equal_teams_read_from_the_graph(
    small: Graph, embedder: Embedder, index: MatchIndex
) -> None:
    for request in TEAMS:
        for audience in ("member", "staff"):
            plain = suggest_team(small, embedder, request, audience, SEMANTIC)
            fast = suggest_team(small, embedder, request, audience, SEMANTIC, index=index)
            assert_close(fast, plain, f"{request} as {audience}")


def test_searches_from_the_index_equal_searches_read_from_the_graph(
    small: Graph, embedder: Embedder, index: MatchIndex
) -> None:
    for text, audience, filters in SEARCHES:
        plain = search_members(small, embedder, text, audience, filters, limit=50,
                               params=SEMANTIC)  # fmt: skip
        fast = search_members(small, embedder, text, audience, filters, limit=50,
                              params=SEMANTIC, index=index)  # fmt: skip
        assert plain.hits, (text, filters)
        assert_close(fast, plain, f"{text} {filters}")
    academics = {s.member_id for s in supervisors_for(small, embedder, "MRI safety", "member")}
    fast_academics = supervisors_for(small, embedder, "MRI safety", "member", index=index)
    assert {s.member_id for s in fast_academics} == academics


def test_full_text_hits_from_the_index_agree_with_lucene(small: Graph, index: MatchIndex) -> None:
    snapshot = index.snapshot()
    assert snapshot is not None
    texts = [
        "pacemaker leads heating",
        "convolutional segmentation",
        "medical device cybersecurity",
    ]
    lucene = lexical_hits(small, texts, CandidateFilter(), 40)
    bm25 = lexical_indexed(snapshot, texts, CandidateFilter(), 40)
    for q in range(len(texts)):
        best = [max((r for r in hits.outputs if r["query"] == q), key=lambda r: r["score"])["id"]
                for hits in (lucene, bm25)]  # fmt: skip
        assert best[0] == best[1], texts[q]
    # Authors who may not be candidates are dropped from output hits, as Lucene's path does.
    by_output = {r["id"]: r["members"] for r in bm25.outputs if r["query"] == 0}
    assert by_output
    assert all("m-mri-optout" not in members for members in by_output.values())
    staff = lexical_indexed(snapshot, texts, CandidateFilter(open_only=False), 40)
    assert any("m-mri-optout" in r["members"] for r in staff.outputs)


FILTERS = [
    CandidateFilter(),
    CandidateFilter(open_only=False, partners_only=True),
    CandidateFilter(regions=("Wales", "London")),
    CandidateFilter(stages=("early", "trainee")),
    CandidateFilter(sectors=("industry",)),
    CandidateFilter(sigs=("AI", "sig-mri")),
    CandidateFilter(min_hours=6, with_capacity=True),
    CandidateFilter(members_only=True, looker="nobody"),
]


def test_the_index_filter_agrees_with_the_cypher_filter(small: Graph, index: MatchIndex) -> None:
    from graph_schema.queries.matching import member_filter

    snapshot = index.snapshot()
    assert snapshot is not None
    for where in FILTERS:
        cypher = [r["id"] for r in small.read(MEMBER_FILTER.format(member_filter("mem")),
                                              **where.params())]  # fmt: skip
        memory = sorted(m for m, facts in snapshot.facts.items() if passes(m, facts, where))
        assert memory == cypher, where
        assert cypher  # every filter here lets someone through


def test_consent_withdrawn_after_the_snapshot_is_honoured(
    small: Graph, embedder: Embedder, index: MatchIndex
) -> None:
    text = "machine learning segmentation of brain MRI"
    first = search_members(small, embedder, text, "member", index=index).hits[0].member_id
    small.write("MATCH (m:Member {id: $id}) SET m.open_to_matching = false", id=first)
    assert index.snapshot().facts[first].consent.open_to_matching  # type: ignore[union-attr]  # stale on purpose
    hits = search_members(small, embedder, text, "member", index=index).hits
    assert first not in [h.member_id for h in hits]
    team = suggest_team(
        small, embedder, TeamRequest(text=text, constraints=asked(size=3)), index=index
    )
    assert isinstance(team, TeamResult)
    assert first not in [m.member_id for m in team.members]


NEW_OUTPUT = (
    "MATCH (m:Member {id: 'm-sus-1'}) "
    "CREATE (m)-[:AUTHORED]->(:Output {id: 'o-new', title: 'Proton arc therapy planning', "
    "abstract: 'Proton arc therapy treatment planning with robust optimisation.', year: 2024})"
)


def wait_for(condition: Any, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the background refresh did not come"
        time.sleep(0.05)


def test_the_background_thread_follows_writes_from_here_and_elsewhere(
    small: Graph, embedder: Embedder
) -> None:
    index = MatchIndex(small, embedder.dimension, refresh_s=0.05)
    index.start()
    try:
        wait_for(lambda: index.snapshot() is not None)
        assert not index.due()
        seen = index.refreshes
        small.write(NEW_OUTPUT)  # written through this Graph: counted in its writes
        embed_stale(small, embedder)
        wait_for(lambda: "o-new" in index.snapshot().table.source_ids)  # type: ignore[union-attr]
        assert index.refreshes > seen
        hits = search_members(small, embedder, "proton arc therapy", "member", index=index)
        found = {hit.member_id: hit for hit in hits.hits}
        assert found["m-sus-1"].evidence[0].title == "Proton arc therapy planning"
        other = small.sibling()  # another writer: only the database's bookmark tells
        try:
            other.write("MATCH (o:Output {id: 'o-new'}) DETACH DELETE o")
        finally:
            other.close()
        wait_for(lambda: "o-new" not in index.snapshot().table.source_ids)  # type: ignore[union-attr]
    finally:
        index.close()


def test_a_refresh_reads_again_only_the_vectors_that_changed(
    small: Graph, embedder: Embedder, index: MatchIndex
) -> None:
    before = index.snapshot()
    assert before is not None
    small.write(NEW_OUTPUT)
    embed_stale(small, embedder)
    sent = index.reads
    after = index.refresh()
    # the bookmark, the two light reads, one batch of output vectors, no member vectors
    assert index.reads - sent == 4
    assert after.table.size == before.table.size + 1
    for row, source in enumerate(before.table.source_ids):
        same = after.table.source_ids.index(source)
        assert (after.table.vectors[same] == before.table.vectors[row]).all(), source


def test_a_refresh_gives_the_query_embedder_the_skill_vocabulary_of_the_graph(
    small: Graph, embedder: Embedder
) -> None:
    queries = query_embedder_for(embedder)
    index = MatchIndex(small, embedder.dimension, vocabulary=queries.use_vocabulary)
    try:
        index.refresh()
        idea_skills = {"MRI safety", "machine learning", "medical device cybersecurity"}
        # Partners' sentences too, which partner scoring takes as documents.
        sentences = set(partner_sentences(small))
        assert "Medical device cybersecurity." in sentences
        assert queries.vocabulary == idea_skills | sentences
        small.write("CREATE (:Skill {id: 'sk-us', name: 'Ultrasound  elastography'})")
        index.refresh()
        assert queries.vocabulary == idea_skills | sentences | {"Ultrasound elastography"}
        alone = queries.encode_phrases(["MRI safety"])[0]
        assert (alone == embedder.encode(["MRI safety"])[0]).all()
        hits, misses = queries.hits, queries.misses
        suggest_team(small, queries, IDEA, index=index)  # the idea names three of them
        assert (queries.hits - hits, queries.misses - misses) == (3, 1)  # the text alone
    finally:
        index.close()


def test_the_search_command_answers_with_the_index_like_the_service(
    small: Graph,
    embedder: Embedder,
    index: MatchIndex,
    neo4j_server: LocalNeo4j,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = SEARCHES[0][0]
    served = search_members(small, query_embedder_for(embedder), text, "staff", limit=5,
                            index=index)  # fmt: skip
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("MATCHMAKER_INDEX_REFRESH_S", "2")
    loads = []
    monkeypatch.setattr(MatchIndex, "refresh", _counting(MatchIndex.refresh, loads))

    assert main(["search", text, "--audience", "staff", "--limit", "5"]) == 0

    assert loads, "the command did not load the in-memory index"
    printed = capsys.readouterr().out
    assert served.hits
    for rank, hit in enumerate(served.hits, start=1):
        assert f"{rank:>3}. {hit.name} ({hit.member_id}) {hit.score:.3f}" in printed


def _counting(method: Any, calls: list[object]) -> Any:
    def counted(self: MatchIndex) -> Any:
        calls.append(self)
        return method(self)

    return counted
