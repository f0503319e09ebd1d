"""A member's skill levels from their documents: counts, names in words, evidence ids."""

from __future__ import annotations

import numpy as np

from matchmaker.matching.skill_levels import Document, level, member_skills
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill, lexical_hits

VOCAB = Vocabulary((
    VocabularySkill("sk-mri", "MRI", ("magnetic resonance",)),
    VocabularySkill("sk-rt", "radiotherapy physics", ("linac",)),
    VocabularySkill("sk-green", "energy use", ()),
))  # fmt: skip


def doc(ident: str, text: str, *similarity: float) -> Document:
    return Document(ident, text, np.asarray(similarity))


def test_levels_rise_with_documents_and_with_naming() -> None:
    assert level(1, 0) == "some"
    assert level(1, 1) == "good"
    assert level(2, 0) == "good"
    assert level(2, 2) == "strong"
    assert level(3, 0) == "strong"


def test_claims_name_their_documents_and_are_strongest_first() -> None:
    docs = [
        doc("o1", "MRI safety near implants", 0.5, 0.1, 0.1),
        doc("o2", "Magnetic resonance heating", 0.5, 0.1, 0.1),
        doc("o3", "A standby study", 0.2, 0.3, 0.75),
    ]
    claims = member_skills(docs, VOCAB)
    assert [(c.skill_id, c.level, c.evidence) for c in claims] == [
        ("sk-mri", "strong", ("o1", "o2")),
        ("sk-green", "some", ("o3",)),
    ]


def test_no_documents_no_claims() -> None:
    assert member_skills([], VOCAB) == []


def test_lexical_hits_need_whole_words_of_a_label() -> None:
    assert lexical_hits("Linacs and radiotherapy physics audits", VOCAB) == frozenset({1})
    assert lexical_hits("MRIs; energy", VOCAB) == frozenset({0})
    assert lexical_hits("energy use of MRI", VOCAB) == frozenset({0, 2})
