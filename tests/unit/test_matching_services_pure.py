"""The pure parts of the matching services: Lucene escaping, cursors, skills, snippets, checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from embeddings.hashing import HashingEmbedder
from matchmaker.adapters.fulltext import escape, lucene_query
from matchmaker.errors import InvalidInput, PermissionDenied
from matchmaker.matching.problem import TeamSpec
from matchmaker.matching.vocabulary import Vocabulary, VocabularySkill
from matchmaker.services.audience import base_filter, checked
from matchmaker.services.evidence import snippet
from matchmaker.services.search import decode_cursor, encode_cursor
from matchmaker.services.skills import candidate_phrases, derive_skills, skills_for
from matchmaker.services.team_request import (
    ASKED_COVER_THRESHOLD,
    TeamRequest,
    asked,
    text_target_id,
    validate,
)


def test_every_lucene_special_character_is_escaped() -> None:
    assert escape('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t') == (
        'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t'
    )


def test_lucene_query_drops_operators_stop_words_and_repeats() -> None:
    assert lucene_query("MRI AND safety OR the MRI (implants) NOT") == "MRI safety implants"
    assert lucene_query('"*?" : the of') == ""
    assert lucene_query("T1-weighted: a*b") == "T1\\-weighted a\\*b"
    assert len(lucene_query(" ".join(f"w{i}" for i in range(500))).split()) == 64


def test_cursor_round_trip_and_refusal() -> None:
    assert decode_cursor(encode_cursor(40)) == 40
    for bad in ("", "!!", encode_cursor(3)[:-2] + "!!", "bzoz"):  # "bzoz" is "o:3"
        with pytest.raises(InvalidInput):
            decode_cursor(bad)


def test_audiences() -> None:
    assert base_filter(checked("staff")).open_only  # search never names the opted-out
    assert not base_filter(checked("staff"), "team").open_only  # a team counts them
    assert base_filter(checked("member")).open_only
    assert base_filter(checked("partner")).partners_only
    with pytest.raises(PermissionDenied):
        checked("anonymous")
    with pytest.raises(InvalidInput):
        checked("robot")


def test_candidate_phrases_are_content_word_runs() -> None:
    text = "Use machine learning to screen implanted devices before MRI, with cybersecurity."
    assert candidate_phrases(text) == [
        "machine learning",
        "screen implanted devices",
        "cybersecurity",
    ]


VOCAB = Vocabulary((
    VocabularySkill("s-mri", "MRI", ("magnetic resonance imaging",)),
    VocabularySkill("s-green", "decarbonising healthcare", ("carbon footprint", "disposables")),
))  # fmt: skip


def test_skills_given_win_and_derived_skills_come_from_the_vocabulary() -> None:
    embedder = HashingEmbedder()
    assert skills_for(embedder, "anything at all here", [" MRI  safety ", "MRI safety"], VOCAB) == (
        ("MRI safety",),
        False,
    )
    long = "Reduce the carbon footprint of imaging departments in Leeds and single-use disposables"
    derived, was_derived = skills_for(embedder, long, [], VOCAB)
    assert was_derived
    assert derived[0] == "decarbonising healthcare"
    assert set(derived) <= {"MRI", "decarbonising healthcare"}
    assert derive_skills(embedder, "", VOCAB) == ()


def test_an_empty_graph_vocabulary_falls_back_to_the_committed_one() -> None:
    derived, _ = skills_for(HashingEmbedder(), "MRI safety near implants", [], Vocabulary())
    assert "MRI" in derived


def test_snippet_takes_the_sentence_sharing_most_words() -> None:
    text = "We audit scanners. MRI safety near implants matters. Budgets are tight."
    assert snippet(text, "implants MRI safety") == "MRI safety near implants matters."
    assert snippet("x" * 500, "x").endswith("…")
    assert snippet("", "x") == ""


def test_text_targets_have_stable_ids() -> None:
    assert text_target_id("MRI  safety") == text_target_id("mri safety")
    assert text_target_id("a").startswith("text:")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"size": 0}, "size"),
        ({"idea_id": "i", "call_id": "c"}, "target"),
        ({"text": ""}, "text"),
        ({"required_sectors": {"pharma": 1}}, "required_sectors"),
        ({"min_regions": -1}, "min_regions"),
        ({"required_regions": {"Atlantis": 1}}, "required_regions"),
        ({"required_disciplines": {"MRI physics": -1}}, "required_disciplines.MRI physics"),
        ({"max_per_sector": {"pharma": 1}}, "max_per_sector"),
        ({"max_per_org": 0}, "max_per_org"),
        ({"skills": tuple(str(i) for i in range(11))}, "skills"),
    ],
)
def test_team_requests_are_checked(change: dict[str, object], field: str) -> None:
    request = TeamRequest(text="a remit")
    asked_for = {k: v for k, v in change.items() if k in TeamSpec.__dataclass_fields__}
    request = replace(request, constraints=replace(request.constraints, **asked_for))  # type: ignore[arg-type]
    target = {k: v for k, v in change.items() if k not in asked_for}
    with pytest.raises(InvalidInput) as caught:
        validate(replace(request, **target))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_the_constraints_reach_the_solver_as_the_api_built_them() -> None:
    spec = asked(size=3, must_include=frozenset({"m1"}), min_regions=2)
    assert TeamRequest(text="a remit", constraints=spec).constraints is spec
    assert spec.cover_threshold == ASKED_COVER_THRESHOLD
    assert TeamRequest(text="x").constraints == asked()
