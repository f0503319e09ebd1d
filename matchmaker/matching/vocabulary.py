"""Which vocabulary skills a free text is about (pure).

Inputs: the skills (each a name and its synonyms; together its labels), the text, and for the
embedding side a (skills,) array of similarities in -1..1: for each skill, the best cosine
between any of its labels and the text or one of the text's phrases (services.skills makes it).

A skill is chosen when one of its labels occurs in the text as whole words (case, hyphens and
a plural "s" aside), or when its similarity reaches `threshold`. Lexical hits come first, then
the others, each group by similarity; at most `limit`. When nothing qualifies the single most
similar skill is chosen, so a text always has at least one skill while the vocabulary has any.
Only vocabulary entries can come out: never a fragment of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

DEFAULT_THRESHOLD = 0.7
DEFAULT_LIMIT = 4
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class VocabularySkill:
    id: str
    name: str
    synonyms: tuple[str, ...] = ()
    kind: str = "topic"  # "specialism" or "topic"

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class Vocabulary:
    skills: tuple[VocabularySkill, ...] = ()
    _labels: tuple[tuple[str, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pairs = tuple((label, i) for i, s in enumerate(self.skills) for label in s.labels)
        object.__setattr__(self, "_labels", pairs)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label, skill by skill, name first."""
        return tuple(label for label, _ in self._labels)

    @property
    def owners(self) -> tuple[int, ...]:
        """For each label, the index of its skill."""
        return tuple(i for _, i in self._labels)


def words(text: str) -> tuple[str, ...]:
    """Lower-case words, hyphens split, a plural "s" dropped from words of four letters or more."""
    found = _WORD.findall(text.lower())
    return tuple(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for w in found)  # fmt: skip


def _runs(haystack: tuple[str, ...], sizes: set[int]) -> set[tuple[str, ...]]:
    return {haystack[i : i + n] for n in sizes for i in range(len(haystack) - n + 1)}


def lexical_hits(text: str, vocabulary: Vocabulary) -> frozenset[int]:
    """Indices of the skills one of whose labels occurs in `text` as whole words."""
    needles = [(words(label), i) for label, i in vocabulary._labels]
    present = _runs(words(text), {len(n) for n, _ in needles if n})
    return frozenset(i for needle, i in needles if needle and needle in present)


def best_per_skill(label_scores: np.ndarray, owners: Sequence[int], count: int) -> np.ndarray:
    """(count,): the best score among each skill's labels; `label_scores` is (labels,)."""
    best = np.full(count, -1.0)
    np.maximum.at(best, np.asarray(owners, dtype=np.int64), label_scores)
    return best


def choose(
    hits: frozenset[int],
    similarity: np.ndarray,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = DEFAULT_LIMIT,
) -> list[int]:
    """Indices of the chosen skills, in order (see module doc)."""
    if len(similarity) == 0:
        return []
    order = sorted(range(len(similarity)), key=lambda i: (-similarity[i], i))
    lexical = [i for i in order if i in hits]
    close = [i for i in order if i not in hits and similarity[i] >= threshold]
    return (lexical + close)[:limit] or order[:1]
