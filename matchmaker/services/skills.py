"""Required skills for a text when none are given: the vocabulary skills the text is about.

Method: the text and its candidate phrases (runs of content words between punctuation and
stop words; runs longer than four words give their two- and three-word windows) are encoded
with the project's embedder, and so is every label (name or synonym) of the vocabulary and
every skill's document (name and description). A skill's similarity blends its best label's
best cosine with the text or one of its phrases and its document's cosine with the whole text;
the blend and the choice (lexical hits first, then skills close enough) are
matchmaker.matching.vocabulary.
Only vocabulary entries come out, so a place, a body, a person or a verb in the text cannot
become a skill. The result is deterministic for a given text, vocabulary and model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from embeddings import Embedder
from embeddings.cache import encode_phrases
from matchmaker.importing.vocabulary import read_vocabulary_file
from matchmaker.matching.vocabulary import (
    DEFAULT_DOCUMENT_WEIGHT,
    Vocabulary,
    best_per_skill,
    blend,
    choose,
    lexical_hits,
)

MAX_PHRASES = 40
MAX_RUN = 4
VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "demo" / "content" / "skills.toml"
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


@cache
def committed_vocabulary() -> Vocabulary:
    """The vocabulary file in the project, for a graph that holds none yet (read once)."""
    return Vocabulary(read_vocabulary_file(VOCABULARY_FILE))


def similarities(
    embedder: Embedder, text: str, vocabulary: Vocabulary
) -> tuple[np.ndarray, np.ndarray]:
    """Two (skills,) arrays: each skill's best cosine between its labels and the text or its
    phrases; and the cosine between its document and the whole text."""
    chunks = np.asarray(embedder.encode([text, *candidate_phrases(text)]), dtype=np.float64)
    labels = np.asarray(encode_phrases(embedder, vocabulary.labels), dtype=np.float64)
    documents = np.asarray(encode_phrases(embedder, vocabulary.documents), dtype=np.float64)
    per_label = (labels @ chunks.T).max(axis=1)
    by_label = best_per_skill(per_label, vocabulary.owners, len(vocabulary.skills))
    return by_label, documents @ chunks[0]


def skill_similarity(
    embedder: Embedder, text: str, vocabulary: Vocabulary, weight: float = DEFAULT_DOCUMENT_WEIGHT
) -> np.ndarray:
    """(skills,): each skill's similarity to the text, the two cosines blended."""
    return blend(*similarities(embedder, text, vocabulary), weight)


def derive_skills(embedder: Embedder, text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The names of the vocabulary skills `text` is about (see module doc); none for an empty
    text or vocabulary. Raises what the embedder raises."""
    cleaned = " ".join(text.split())
    if not cleaned or not vocabulary.skills:
        return ()
    similarity = skill_similarity(embedder, cleaned, vocabulary)
    chosen = choose(lexical_hits(cleaned, vocabulary), similarity)
    return tuple(vocabulary.skills[i].name for i in chosen)


def skills_for(
    embedder: Embedder, text: str, given: Sequence[str], vocabulary: Vocabulary
) -> tuple[tuple[str, ...], bool]:
    """The given skills (cleaned, as typed), or skills derived from the text with
    `vocabulary` (the committed one when it is empty): (skills, derived)."""
    cleaned = tuple(dict.fromkeys(" ".join(s.split()) for s in given if s.strip()))
    if cleaned:
        return cleaned, False
    return derive_skills(
        embedder, text, vocabulary if vocabulary.skills else committed_vocabulary()
    ), True
