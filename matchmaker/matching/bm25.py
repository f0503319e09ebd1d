"""A small, pure BM25 index: lexical scores of queries against a document collection.

Used by the expertise benchmark and wherever full-text scores are needed without Neo4j.
Input: documents as strings (N,); output: raw BM25 scores, (N,) per query or (q, N) for
many, on BM25's own non-negative scale (affinity normalises them).

Tokens are lower-case alphanumeric runs, stop words removed, plurals folded so that
"images" meets "image" while "dosimetry" and "dosimetric" stay apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"[a-z0-9]+")
_PLURALS = (("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"))
_NOT_PLURAL = ("ss", "us", "is")
_STOP_TEXT = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very via was we
were what when where which while who whom why will with would you your yours yourself
yourselves new using based use used show shows shown paper propose proposed approach method
methods results study
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def _stem(word: str) -> str:
    """Fold plurals only: "therapies" -> "therapy", "boxes" -> "box", "images" -> "image"."""
    if len(word) <= 3:
        return word
    for suffix, replacement in _PLURALS:
        if word.endswith(suffix):
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return word[:-1]
    return word


def tokenise(text: str) -> list[str]:
    """Lower-case terms of a text, stop words removed, lightly stemmed."""
    return [
        _stem(word)
        for word in _TOKEN.findall(text.lower())
        if len(word) > 1 and word not in STOP_WORDS
    ]


@dataclass(frozen=True, eq=False)
class Bm25Index:
    """Postings of a collection: term -> (document rows, BM25 term weights without idf)."""

    postings: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]]
    idf: dict[str, float]
    size: int

    def scores(self, query: str) -> npt.NDArray[np.float64]:
        """BM25 score of every document for the query, (N,)."""
        total = np.zeros(self.size)
        for term in set(tokenise(query)):
            if term in self.postings:
                rows, weights = self.postings[term]
                total[rows] += self.idf[term] * weights
        return total

    def score_matrix(self, queries: Sequence[str]) -> npt.NDArray[np.float64]:
        """BM25 scores of every document for every query, (q, N)."""
        if not queries:
            return np.zeros((0, self.size))
        return np.stack([self.scores(query) for query in queries])


def build_index(documents: Sequence[str], k1: float = 1.2, b: float = 0.75) -> Bm25Index:
    """Index a collection with the usual BM25 constants (k1 term saturation, b length norm)."""
    counts = [Counter(tokenise(text)) for text in documents]
    lengths = np.array([sum(count.values()) for count in counts], dtype=np.float64)
    mean_length = float(lengths.mean()) if lengths.size and lengths.mean() > 0 else 1.0
    norm = k1 * (1.0 - b + b * lengths / mean_length)
    by_term: dict[str, tuple[list[int], list[float]]] = {}
    for row, count in enumerate(counts):
        for term, frequency in count.items():
            rows, weights = by_term.setdefault(term, ([], []))
            rows.append(row)
            weights.append(frequency * (k1 + 1.0) / (frequency + norm[row]))
    size = len(documents)
    return Bm25Index(
        postings={t: (np.array(r, np.int64), np.array(w)) for t, (r, w) in by_term.items()},
        idf={
            t: math.log(1.0 + (size - len(r) + 0.5) / (len(r) + 0.5))
            for t, (r, _) in by_term.items()
        },
        size=size,
    )
