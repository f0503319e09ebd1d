"""A member's skills and their levels, from the member's own documents (pure).

Inputs: the vocabulary and, for each document (an output's title and abstract, or the
expertise statement), its id, its text and a (skills,) array of similarities in -1..1 between
the document's stored vector and each skill's closest label. Each document chooses its skills
as a free text does (matching.vocabulary.choose). A skill's level counts the documents that
chose it and how many of them name it in words: "strong" from three documents or two that name
it, "good" from two documents or one that names it, "some" from one document close in meaning.
The evidence of a claim is the ids of those documents, in input order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from matchmaker.matching.vocabulary import Vocabulary, choose, lexical_hits

LEVELS = ("strong", "good", "some")


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    similarity: np.ndarray  # (skills,)


@dataclass(frozen=True)
class SkillClaim:
    skill_id: str
    level: str
    evidence: tuple[str, ...]


def level(documents: int, named: int) -> str:
    """The level for a skill chosen by `documents` documents, `named` of them in words."""
    if documents >= 3 or named >= 2:
        return "strong"
    if documents >= 2 or named >= 1:
        return "good"
    return "some"


def _chosen(document: Document, vocabulary: Vocabulary) -> list[tuple[int, bool]]:
    hits = lexical_hits(document.text, vocabulary)
    return [(i, i in hits) for i in choose(hits, document.similarity)]


def member_skills(documents: Sequence[Document], vocabulary: Vocabulary) -> list[SkillClaim]:
    """The member's skill claims, strongest first, then by evidence count and skill id."""
    found: dict[int, list[tuple[str, bool]]] = {}
    for document in documents:
        for index, named in _chosen(document, vocabulary):
            found.setdefault(index, []).append((document.id, named))
    claims = [
        SkillClaim(
            vocabulary.skills[i].id,
            level(len(docs), sum(named for _, named in docs)),
            tuple(dict.fromkeys(doc_id for doc_id, _ in docs)),
        )
        for i, docs in found.items()
    ]
    return sorted(claims, key=lambda c: (LEVELS.index(c.level), -len(c.evidence), c.skill_id))
