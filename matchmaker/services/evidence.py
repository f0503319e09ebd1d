"""The evidence shown beside a suggested person: the documents behind their score.

For each pooled document: its title, a snippet (the sentence of its text that shares most
words with the query, cut to about 220 characters) and its document score from the
affinity rule. Texts are read only for the documents shown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from matchmaker.adapters.candidates import STATEMENT_PREFIX, evidence_texts
from matchmaker.adapters.graph import Graph
from matchmaker.services.scoring import Scored

SNIPPET_CHARS = 220
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class EvidenceItem:
    source_id: str  # an output id, or "statement:<member id>"
    kind: str  # output | statement
    title: str
    snippet: str
    score: float
    year: int = 0


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2}


def snippet(text: str, query: str, limit: int = SNIPPET_CHARS) -> str:
    """The sentence of `text` sharing most words with `query` (the first on ties), cut."""
    sentences = [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]
    if not sentences:
        return ""
    wanted = _words(query)
    best = max(sentences, key=lambda s: (len(_words(s) & wanted), -sentences.index(s)))
    return best if len(best) <= limit else best[: limit - 1].rstrip() + "…"


def shown_sources(
    scored: Scored, queries: Sequence[int], people: Sequence[int], per: int
) -> set[str]:
    """Source ids of the documents that will be shown, to read their texts in one go."""
    return {
        row.source_id
        for query in queries
        for person in people
        for row, _ in scored.pooled(query, person)[:per]
    }


def items_for(
    scored: Scored, query: int, person: int, texts: Mapping[str, str], per: int = 3
) -> tuple[EvidenceItem, ...]:
    """Up to `per` evidence items behind a person's score for one query, best first."""
    items = []
    for row, score in scored.pooled(query, person)[:per]:
        statement = row.source_id.startswith(STATEMENT_PREFIX)
        items.append(
            EvidenceItem(
                source_id=row.source_id,
                kind="statement" if statement else "output",
                title=row.title,
                snippet=snippet(texts.get(row.source_id, ""), scored.texts[query]),
                score=round(score, 4),
                year=row.year,
            )
        )
    return tuple(items)


def read_texts(
    graph: Graph, scored: Scored, queries: Sequence[int], people: Sequence[int], per: int = 3
) -> dict[str, str]:
    """Texts of the documents shown for these queries and people: from the in-memory index
    the scores came from when it holds them, else from the graph; raises Neo4jUnavailable."""
    wanted = shown_sources(scored, queries, people, per)
    held: dict[str, str] = {}
    if scored.snapshot is not None:
        found = {source: scored.snapshot.text_of(source) for source in wanted}
        held = {source: text for source, text in found.items() if text is not None}
    missing = set(wanted) - held.keys()
    return {**held, **(evidence_texts(graph, missing) if missing else {})}
