"""The service's in-memory matching index: every embedded document's vector and authors, and
each member's filter facts, kept in step with the graph by a background thread.

Why: finding the documents nearest a query (two vector-index calls) and computing each
candidate document's cosines (a read that ships hundreds of lists) were most of a team
suggestion's time. With the vectors in memory both are one matrix product.

Freshness. A refresh is due when this process has written to the graph (`Graph.writes`),
when the database's bookmark changed (another process committed; checked every `refresh_s`
seconds) and at least every MAX_AGE_S, but only once a request has used the index since the
last refresh (writes alone, with no search or suggestion, cost nothing); refreshes are at
least MIN_GAP_S apart and pause DUTY times as long as the last one took, so on a graph that
changes all the time the index takes at most a fifth of one core. A refresh reads
only light facts (text hash, model, title, year, authors; members' filter facts), re-reads
only the vectors whose hash or model changed, and swaps in a new immutable snapshot;
requests never wait for it. Until it lands, a request sees the graph as it was at the last
refresh (the first request after a change sees that and starts the next): that can change
who is pre-selected and how documents score, never who may be suggested, because consent,
capacity and the filters are checked again on the live graph for every candidate
(graph_schema.queries.matching.CANDIDATES, `eligible`).

Every read raises Neo4jUnavailable when the graph cannot be reached; the background thread
logs it and keeps the snapshot it has.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from embeddings.texts import member_text, output_text, sentences
from graph_schema.queries import match_index as q
from matchmaker.adapters.candidates import STATEMENT_PREFIX, CandidateFilter
from matchmaker.adapters.graph import Graph, Record
from matchmaker.adapters.vocabulary import read_vocabulary
from matchmaker.domain.privacy import Consent, admits
from matchmaker.errors import Neo4jUnavailable
from matchmaker.matching.bm25 import Bm25Index, build_index
from matchmaker.matching.evidence_table import Document, EvidenceTable, build_table, unit_rows

log = logging.getLogger(__name__)

VECTOR_BATCH = 1000  # vectors a read
MAX_AGE_S = 60.0  # refresh at least this often, whatever the bookmark says
POLL_S = 0.25  # how often the thread looks at this process's own write count
MIN_GAP_S = 1.0  # at most one refresh a second, however often the graph changes
DUTY = 4.0  # and a pause of at least 4 times the last refresh's duration before the next
MAX_GAP_S = 15.0  # but never longer than this (the first refresh, reading every vector, is slow)
VOCABULARY_LIMIT = 10000  # skill phrases learnt at most

Key = tuple[Any, Any]  # (text hash, model) of a stored vector


@dataclass(frozen=True)
class MemberFacts:
    """What graph_schema.queries.matching.member_filter tests, with the same defaults."""

    consent: Consent
    region: str | None
    stage: str | None
    hours: int
    has_capacity: bool
    sectors: frozenset[str]
    sigs: frozenset[str]  # ids and names


def passes(member_id: str, facts: MemberFacts, where: CandidateFilter) -> bool:
    """Whether a member with these facts may be a candidate under `where` (member_filter);
    consent is the privacy policy's (matchmaker.domain.privacy.admits)."""
    return (
        admits(where.rule, member_id, facts.consent)
        and (not where.regions or facts.region in where.regions)
        and (not where.stages or facts.stage in where.stages)
        and facts.hours >= where.min_hours
        and (not where.sectors or not facts.sectors.isdisjoint(where.sectors))
        and (not where.sigs or not facts.sigs.isdisjoint(where.sigs))
        and (not where.with_capacity or facts.has_capacity)
    )


@dataclass(frozen=True, eq=False)
class IndexSnapshot:
    """The graph's documents and members' facts as of one refresh."""

    table: EvidenceTable
    facts: Mapping[str, MemberFacts]
    keys: Mapping[str, Key]  # source id -> (hash, model) of the vector held
    texts: tuple[str, ...]  # row j's own text: an output's abstract, a member's statement
    lexicon: Bm25Index  # BM25 postings of the texts the vectors were made from, rows as table
    rows: Mapping[str, int]  # source id -> table row
    listing: tuple[Listed, ...]  # the documents as last listed
    answers: Answers = field(default_factory=lambda: Answers(), init=False, repr=False)

    def text_of(self, source_id: str) -> str | None:
        """The document's own text (abstract or statement), None when not held."""
        row = self.rows.get(source_id)
        return None if row is None else self.texts[row]

    def knows(self, member_id: str) -> bool:
        """Whether the member existed when the snapshot was taken."""
        return member_id in self.facts

    def allowed(self, where: CandidateFilter) -> Callable[[int], bool]:
        """A test of table.people[p] against the filter, as of the snapshot. Its answers
        are kept with the snapshot for the last FILTERS_KEPT filters: the snapshot never
        changes, and the requests of one audience ask about the same people with the same
        filter (a suggestion at 50,000 members tested about 450 people for its full-text
        hits alone)."""
        people, facts = self.table.people, self.facts
        seen = self.answers.of(where, len(people))

        def check(p: int) -> bool:
            known = seen[p]
            if not known:
                found = facts.get(people[p])
                known = seen[p] = (
                    YES if found is not None and passes(people[p], found, where) else NO
                )
            return known == YES

        return check


FILTERS_KEPT = 64  # filters whose answers a snapshot keeps: one bytearray of its people each
YES, NO = 2, 1  # a kept answer; 0: not asked yet


class Answers:
    """The answers of `IndexSnapshot.allowed`, by filter, for its most recent filters."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_filter: OrderedDict[CandidateFilter, bytearray] = OrderedDict()

    def of(self, where: CandidateFilter, people: int) -> bytearray:
        with self._lock:
            kept = self._by_filter.pop(where, None) or bytearray(people)
            self._by_filter[where] = kept
            while len(self._by_filter) > FILTERS_KEPT:
                self._by_filter.popitem(last=False)
            return kept


def _facts(row: Record) -> MemberFacts:
    return MemberFacts(
        consent=Consent(bool(row["open"]), bool(row["members"]), bool(row["partners"])),
        region=row["region"],
        stage=row["stage"],
        hours=int(row["hours"]),
        has_capacity=int(row["load"]) < int(row["max_groups"]),
        sectors=frozenset(s for s in row["sectors"] if s is not None),
        sigs=frozenset(str(s) for s in row["sigs"] if s is not None),
    )


@dataclass(frozen=True)
class Listed:
    """A document as the light reads list it: enough to tell whether it changed."""

    source_id: str
    node_id: str
    key: Key
    title: str
    year: int
    is_statement: bool
    authors: tuple[str, ...]


def _listed(outputs: Sequence[Record], members: Sequence[Record]) -> list[Listed]:
    found = [
        Listed(r["id"], r["id"], (r["hash"], r["model"]), r["title"], int(r["year"]), False,
                tuple(r["authors"]))
        for r in outputs
    ]  # fmt: skip
    found += [
        Listed(STATEMENT_PREFIX + r["id"], r["id"], (r["hash"], r["model"]), "", 0, True,
                (r["id"],))
        for r in members
        if r["embedded"]
    ]  # fmt: skip
    return found


Fetched = tuple[np.ndarray, str]  # a unit vector and the document's own text


def _held(previous: IndexSnapshot | None) -> dict[str, Fetched]:
    if previous is None:
        return {}
    table = previous.table
    return {
        source: (table.vectors[j], previous.texts[j]) for j, source in enumerate(table.source_ids)
    }


def _fetch(graph: Graph, query: str, ids: Sequence[str], field: str) -> dict[str, Fetched]:
    batches = [list(ids[i : i + VECTOR_BATCH]) for i in range(0, len(ids), VECTOR_BATCH)]
    found: dict[str, Fetched] = {}
    for rows in graph.read_rows(*[(query, {"ids": batch}) for batch in batches]):
        if rows:
            unit = unit_rows([r["vector"] for r in rows])
            found.update(
                {r["id"]: (unit[i], r["props"].get(field) or "") for i, r in enumerate(rows)}
            )
    return found


def _vectors(
    graph: Graph, listing: Sequence[Listed], previous: IndexSnapshot | None
) -> dict[str, Fetched]:
    """source id -> (vector, text): kept from `previous` where the key is unchanged, else read."""
    held, keys = _held(previous), previous.keys if previous else {}
    reuse = {w.source_id: held[w.source_id] for w in listing
             if w.source_id in held and keys.get(w.source_id) == w.key}  # fmt: skip
    stale = [w for w in listing if w.source_id not in reuse]
    output_ids = [w.node_id for w in stale if not w.is_statement]
    member_ids = [w.node_id for w in stale if w.is_statement]
    outputs = _fetch(graph, q.OUTPUT_VECTORS, output_ids, "abstract")
    members = _fetch(graph, q.MEMBER_VECTORS, member_ids, "expertise_statement")
    for w in stale:
        fetched = (members if w.is_statement else outputs).get(w.node_id)
        if fetched is not None:
            reuse[w.source_id] = fetched
    return reuse


def _embedded_text(listed: Listed, text: str) -> str:
    """The text the document's vector was made from (embeddings.texts)."""
    if listed.is_statement:
        return member_text({"expertise_statement": text})
    return output_text({"title": listed.title, "abstract": text})


def _fits(fetched: Fetched | None, dimension: int) -> bool:
    return fetched is not None and fetched[0].shape == (dimension,)


def load_snapshot(
    graph: Graph, dimension: int, previous: IndexSnapshot | None = None
) -> IndexSnapshot:
    """Read the graph's documents and members' facts; vectors and texts unchanged since
    `previous` are taken from it, and its whole table when no document changed. Documents
    whose vector has another dimension are left out."""
    outputs, members = graph.read_rows((q.INDEX_OUTPUTS, {}), (q.INDEX_MEMBERS, {}))
    listing = tuple(_listed(outputs, members))
    facts = {r["id"]: _facts(r) for r in members}
    if previous is not None and previous.listing == listing:
        return replace(previous, facts=facts)
    fetched = _vectors(graph, listing, previous)
    kept = [w for w in listing if _fits(fetched.get(w.source_id), dimension)]
    documents = [
        Document(w.source_id, w.title, w.year, w.is_statement, w.authors, fetched[w.source_id][0])
        for w in kept
    ]
    texts = tuple(fetched[w.source_id][1] for w in kept)
    embedded = [_embedded_text(w, text) for w, text in zip(kept, texts, strict=True)]
    return IndexSnapshot(
        table=build_table(documents, dimension),
        facts=facts,
        keys={w.source_id: w.key for w in listing},
        texts=texts,
        lexicon=build_index(embedded),
        rows={w.source_id: j for j, w in enumerate(kept)},
        listing=listing,
    )


def skill_vocabulary(graph: Graph) -> list[str]:
    """The skill phrases the graph names (skills' names, ideas' required skills), sorted,
    then each vocabulary skill's document (what skill derivation compares a text with)."""
    rows = graph.read(q.SKILL_VOCABULARY, limit=VOCABULARY_LIMIT)
    names = sorted(str(name) for name in rows[0]["names"]) if rows else []
    return names + list(read_vocabulary(graph).documents)


def partner_sentences(graph: Graph) -> list[str]:
    """The sentences of every partner's description, sorted (services.partner_scoring
    scores each as a document)."""
    rows = graph.read(q.PARTNER_DESCRIPTIONS)
    texts = rows[0]["texts"] if rows else []
    return sorted({s for text in texts for s in sentences(str(text))})


class MatchIndex:
    """Holds the latest snapshot and refreshes it (see the module doc). `snapshot()` is None
    until the first refresh has finished; callers then read the graph instead. With a
    `vocabulary` (embeddings.cache.CachingEmbedder.use_vocabulary), every refresh also hands
    it the graph's skill phrases, so their vectors are ready before a request names them."""

    def __init__(
        self,
        graph: Graph,
        dimension: int,
        refresh_s: float = 2.0,
        vocabulary: Callable[[Sequence[str]], object] | None = None,
    ) -> None:
        self._vocabulary = vocabulary
        self._watched = graph
        self._graph = graph.sibling()
        self._dimension = dimension
        self._refresh_s = refresh_s
        self._snapshot: IndexSnapshot | None = None
        self._stop = threading.Event()
        self._refreshing = threading.Lock()
        self._thread: threading.Thread | None = None
        self._seen_writes = -1
        self._seen_mark: frozenset[str] | None = None
        self._checked = self._built = self._took = 0.0
        self._asked = False  # a request used the index since the last refresh
        self.refreshes = 0

    def snapshot(self) -> IndexSnapshot | None:
        self._asked = True
        return self._snapshot

    @property
    def reads(self) -> int:
        """Queries the index has sent (its own count, apart from the watched graph's)."""
        return self._graph.queries_sent

    def refresh(self) -> IndexSnapshot:
        """Refresh now, in this thread (one refresh at a time); raises Neo4jUnavailable."""
        with self._refreshing:
            return self._refresh()

    def _refresh(self) -> IndexSnapshot:
        self._asked = False
        self._seen_writes = self._watched.writes
        self._seen_mark = self._graph.bookmark(q.MARK)
        started = self._checked = time.monotonic()
        self._snapshot = load_snapshot(self._graph, self._dimension, self._snapshot)
        if self._vocabulary is not None:
            self._vocabulary(skill_vocabulary(self._graph) + partner_sentences(self._graph))
        self._built = time.monotonic()
        self._took = self._built - started
        self.refreshes += 1
        return self._snapshot

    def due(self) -> bool:
        """Whether the graph may have changed since the last refresh (reads a bookmark at
        most every refresh_s seconds)."""
        now = time.monotonic()
        if now - self._built < min(MAX_GAP_S, max(MIN_GAP_S, DUTY * self._took)):
            return False
        if now - self._built >= MAX_AGE_S or self._watched.writes != self._seen_writes:
            return True
        if now - self._checked < self._refresh_s:
            return False
        self._checked = now
        return self._graph.bookmark(q.MARK) != self._seen_mark

    def start(self) -> None:
        """Start the background thread; its first refresh builds the index."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="match-index", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._snapshot is None or (self._asked and self.due()):
                    table = self.refresh().table
                    log.debug("match index: %d documents in %.2f s", table.size, self._took)
            except Neo4jUnavailable as e:
                log.warning("match index not refreshed: %s", e)
            self._stop.wait(POLL_S)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
        self._graph.close()
