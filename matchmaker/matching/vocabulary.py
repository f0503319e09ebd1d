"""Which vocabulary skills a free text is about (pure).

Inputs: the skills (each a name and its synonyms, together its labels, and a short description
of what it covers), the text, and for the embedding side a (skills,) array of similarities in
-1..1 (services.skills makes it). A skill's similarity blends two cosines (`blend`): the best
between any of its labels and the text or one of the text's phrases, which catches a text that
names the skill in other words; and that between the whole text and the skill's document (its
name and description, or its labels when it has none), which catches a text that describes the
work the skill covers without naming it.

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

# Chosen by cross-validation over 52 labelled texts (bench/bench_skills.py; the report in
# bench/results/report.md gives the figures and a check on texts never used to choose).
DEFAULT_THRESHOLD = 0.45
DEFAULT_LIMIT = 3
DEFAULT_DOCUMENT_WEIGHT = 0.75  # the document cosine's share of a skill's similarity
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class VocabularySkill:
    id: str
    name: str
    synonyms: tuple[str, ...] = ()
    kind: str = "topic"  # "specialism" or "topic"
    description: str = ""  # what the skill covers in practice, in a sentence or two

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)

    @property
    def document(self) -> str:
        """The text the whole of a remit is compared with: the name and the description, or
        the name and the synonyms for a skill that has no description yet."""
        if self.description:
            return f"{self.name}: {self.description}"
        return f"{self.name}: {', '.join(self.synonyms)}" if self.synonyms else self.name


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

    @property
    def documents(self) -> tuple[str, ...]:
        """Each skill's document, in skill order."""
        return tuple(s.document for s in self.skills)


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


def blend(
    by_label: np.ndarray, by_document: np.ndarray, weight: float = DEFAULT_DOCUMENT_WEIGHT
) -> np.ndarray:
    """(skills,): each skill's similarity, (1 - weight) * its label cosine + weight * its
    document cosine."""
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"the document weight must be within 0..1, not {weight}")
    return (1.0 - weight) * np.asarray(by_label, float) + weight * np.asarray(by_document, float)


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
