import numpy as np
import pytest

from matchmaker.importing.vocabulary import VocabularyRejected, parse_vocabulary
from matchmaker.matching.vocabulary import (
    Vocabulary,
    VocabularySkill,
    best_per_skill,
    blend,
    choose,
    lexical_hits,
    words,
)
from matchmaker.services.skills import committed_vocabulary

VOCAB = Vocabulary((
    VocabularySkill("a", "auto-contouring", ("organs at risk",)),
    VocabularySkill("b", "radiotherapy physics", ("radiotherapy",)),
    VocabularySkill("c", "AI", ()),
))  # fmt: skip


def test_words_ignore_case_hyphens_and_plurals() -> None:
    assert words("Auto-contour Organs at risk; class") == (
        "auto",
        "contour",
        "organ",
        "at",
        "risk",
        "class",
    )


def test_labels_match_as_whole_words_only() -> None:
    assert lexical_hits("contour the organ at risk for head and neck radiotherapy", VOCAB) == {0, 1}
    assert lexical_hits("a fair chair said so", VOCAB) == frozenset()  # "ai" inside words
    assert lexical_hits("AI for triage", VOCAB) == {2}


def test_best_label_scores_per_skill() -> None:
    assert best_per_skill(np.array([0.2, 0.5, 0.1, 0.3, 0.4]), VOCAB.owners, 3).tolist() == [
        0.5, 0.3, 0.4,
    ]  # fmt: skip


def test_choose_puts_lexical_hits_first_then_close_skills_and_caps() -> None:
    similarity = np.array([0.4, 0.9, 0.75])
    assert choose(frozenset({0}), similarity, threshold=0.7) == [0, 1, 2]
    assert choose(frozenset(), similarity, threshold=0.8) == [1]
    assert choose(frozenset(), similarity, threshold=0.95) == [1]  # the closest, always one
    assert choose(frozenset({0, 1, 2}), similarity, limit=2) == [1, 2]
    assert choose(frozenset(), np.array([])) == []


def test_the_committed_vocabulary_parses_and_is_a_few_dozen_skills() -> None:
    skills = committed_vocabulary().skills
    assert 30 <= len(skills) <= 60
    assert all(2 <= len(s.synonyms) <= 5 for s in skills)
    names = {s.name for s in skills}
    assert {"radiotherapy physics", "MRI", "digital twins", "radiogenomics"} <= names


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[[skill]]\nid = 'bad id'\nname = 'x y'", "safe id"),
        ("[[skill]]\nid = 'a'\nname = 'x'", "name of 2"),
        ("[[skill]]\nid = 'a'\nname = 'ok'\nkind = 'place'", "kind"),
        ("[[skill]]\nid = 'a'\nname = 'ok'\n[[skill]]\nid = 'a'\nname = 'ok'", "twice"),
        ("[[skill]\n", "TOML"),
        ("[[skill]]\nid = 'a'\nname = 'ok'\ndescription = 3", "description"),
        (f"[[skill]]\nid = 'a'\nname = 'ok'\ndescription = '{'x' * 401}'", "at most 400"),
    ],
)
def test_bad_vocabulary_files_are_rejected_with_the_reason(text: str, named: str) -> None:
    with pytest.raises(VocabularyRejected, match=named):
        parse_vocabulary(text)


def test_synonyms_are_cleaned_and_deduplicated() -> None:
    (skill,) = parse_vocabulary(
        "[[skill]]\nid='a'\nname=' MRI '\nsynonyms=['MR  safety', 'MR safety']"
    )
    assert skill == VocabularySkill("a", "MRI", ("MR safety",), "topic")


def test_a_description_is_read_with_its_spaces_cleaned() -> None:
    (skill,) = parse_vocabulary(
        "[[skill]]\nid='a'\nname='MRI'\ndescription=' Scanner  safety and\t protocols. '"
    )
    assert skill.description == "Scanner safety and protocols."


def test_a_skills_document_is_its_name_and_description_or_else_its_labels() -> None:
    described = VocabularySkill("a", "MRI", ("MR safety",), description="Scanner safety.")
    assert described.document == "MRI: Scanner safety."
    assert VocabularySkill("b", "MRI", ("MR safety", "MR imaging")).document == (
        "MRI: MR safety, MR imaging"
    )
    assert VocabularySkill("c", "AI").document == "AI"
    assert Vocabulary((described,)).documents == ("MRI: Scanner safety.",)


def test_the_blend_weighs_the_document_cosine_by_its_share() -> None:
    by_label, by_document = np.array([0.8, 0.2]), np.array([0.4, 0.6])
    assert blend(by_label, by_document, 0.0) == pytest.approx([0.8, 0.2])
    assert blend(by_label, by_document, 0.5) == pytest.approx([0.6, 0.4])
    assert blend(by_label, by_document, 1.0) == pytest.approx([0.4, 0.6])
    with pytest.raises(ValueError, match=r"within 0\.\.1"):
        blend(by_label, by_document, 1.5)


def test_every_committed_skill_has_a_description_of_what_it_covers() -> None:
    skills = committed_vocabulary().skills
    assert all(len(s.description.split()) >= 15 for s in skills)
    assert len({s.description for s in skills}) == len(skills)
