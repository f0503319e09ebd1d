"""Required skills derived from a text when none are given.

Method (keyphrase extraction in the manner of KeyBERT, with maximal marginal relevance):
1. Candidate phrases are the runs of content words between punctuation and stop words (a
   cheap stand-in for noun phrases: "machine learning", "medical device cybersecurity");
   runs longer than four words give their two- and three-word windows. Single words shorter
   than five letters are dropped; at most 40 phrases, in order of first appearance.
2. The text and the phrases are encoded together with the project's embedder.
3. Phrases are picked one at a time by maximal marginal relevance: similarity to the whole
   text, minus `1 - diversity` times the similarity to the closest phrase already picked,
   so the skills cover different parts of the text instead of rephrasing one.
The result is deterministic for a given text and model. Texts of four words or fewer are
their own single skill.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from embeddings import Embedder

MAX_PHRASES = 40
MAX_RUN = 4
DEFAULT_SKILLS = 4
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-']*|[.,;:!?()\[\]/]")
_STOP_TEXT = """
    a about across after all also an and any are as at be been before being between both but
    by can could did do does doing done each either etc for from further get had has have
    having how i if in into is it its just make makes making may more most much must need
    needs new not now of on once only or other our out over own per same should so some such
    than that the their them then there these they this those through to too under until up
    upon use used uses using very via want wants was way we well were what when where which
    while who whom why will with within without would you your help helps sure meet meets
    improve improves better best work works working across many few three two one six
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def _runs(text: str) -> list[list[str]]:
    runs: list[list[str]] = [[]]
    for token in _TOKEN.findall(text):
        if not token[0].isalnum() or token.lower() in STOP_WORDS:
            runs.append([])
        else:
            runs[-1].append(token)
    return [run for run in runs if run]


def _windows(run: list[str]) -> list[list[str]]:
    if len(run) <= MAX_RUN:
        return [run]
    return [run[i : i + n] for n in (3, 2) for i in range(len(run) - n + 1)]


def candidate_phrases(text: str, limit: int = MAX_PHRASES) -> list[str]:
    """Content-word phrases of the text, first appearance first, without repeats."""
    phrases: list[str] = []
    seen: set[str] = set()
    for run in _runs(text):
        for window in _windows(run):
            phrase = " ".join(window)
            key = phrase.lower()
            if key in seen or (len(window) == 1 and len(phrase) < 5):
                continue
            seen.add(key)
            phrases.append(phrase)
    return phrases[:limit]


def pick_diverse(
    text_vector: np.ndarray, phrase_vectors: np.ndarray, count: int, diversity: float
) -> list[int]:
    """Indices of `count` phrases chosen by maximal marginal relevance (pure)."""
    relevance = phrase_vectors @ text_vector
    similarity = phrase_vectors @ phrase_vectors.T
    chosen: list[int] = []
    while len(chosen) < min(count, len(relevance)):
        redundancy = similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(relevance))
        value = (1.0 - diversity) * relevance - diversity * redundancy
        value[chosen] = -np.inf
        chosen.append(int(np.argmax(value)))  # argmax takes the first of ties
    return chosen


def derive_skills(
    embedder: Embedder, text: str, count: int = DEFAULT_SKILLS, diversity: float = 0.4
) -> tuple[str, ...]:
    """Up to `count` skill phrases for `text` (see module doc); raises what the embedder raises."""
    cleaned = " ".join(text.split())
    if len(cleaned.split()) <= MAX_RUN:
        return (cleaned,) if cleaned else ()
    phrases = candidate_phrases(cleaned)
    if len(phrases) <= 1:
        return tuple(phrases) or (cleaned,)
    vectors = np.asarray(embedder.encode([cleaned, *phrases]), dtype=np.float64)
    picked = pick_diverse(vectors[0], vectors[1:], count, diversity)
    return tuple(phrases[i] for i in picked)


def skills_for(embedder: Embedder, text: str, given: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """The given skills (cleaned), or skills derived from the text: (skills, derived)."""
    cleaned = tuple(dict.fromkeys(" ".join(s.split()) for s in given if s.strip()))
    if cleaned:
        return cleaned, False
    return derive_skills(embedder, text), True
