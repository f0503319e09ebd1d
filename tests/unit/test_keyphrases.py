"""The filter that decides which mined key phrases may be proposed as skills."""

from __future__ import annotations

import pytest

from matchmaker.matching.keyphrases import MinedPhrase, Names, acceptable, new_phrase, select

NAMES = Names(
    people=("Ada Fenwick", "Ben Okafor"),
    bodies=("Acme Devices", "Northern NHS Trust"),
    regions=("North East", "Scotland"),
)
BLOCKED = NAMES.blocked_words()


@pytest.mark.parametrize(
    "phrase",
    ["image registration", "Monte Carlo simulation", "gel dosimetry", "MRI-guided"],
)
def test_topics_pass(phrase: str) -> None:
    assert acceptable(phrase, BLOCKED)


@pytest.mark.parametrize(
    "phrase",
    [
        "London",  # a place
        "NHS trust",  # a body
        "university hospital",
        "Fenwick phantom",  # a person's name
        "okafor",
        "Scotland imaging",  # a region
        "north",
        "developed",  # a verb
        "we propose method",
        "patients",  # a word any paper uses
        "results",
        "12 beams",  # not letters
        "ct",  # too short
        "dose map quality check",  # more than three words
        "scientist working",  # a role in a statement, not a topic
        "radiotherapy particular",
        "radiology physics focus",  # "focus" as the plural rule spells it
        "PhD",
        "",
    ],
)
def test_places_bodies_people_verbs_and_generic_words_fail(phrase: str) -> None:
    assert not acceptable(phrase, BLOCKED)


def test_select_counts_members_once_drops_labels_and_bodies_and_orders() -> None:
    per_member = {
        "m1": ["gel dosimetry", "Gel dosimetry", "image registration", "acme devices"],
        "m2": ["Gel  Dosimetry", "image registration", "quality controls", "London"],
        "m3": ["gel dosimetry", "image registration", "quality control"],
        "m4": ["image registration", "portal imaging"],
    }
    labels = ["quality assurance", "quality control", "Image-registration"]
    mined = select(per_member, labels, NAMES, min_members=3, limit=10)
    # "image registration" is a label (hyphens and case aside), "quality controls" one in the
    # plural; "acme devices" is a body; "portal imaging" is held by one member only.
    assert mined == [MinedPhrase("gel dosimetry", 3)]
    assert select(per_member, [], NAMES, min_members=1, limit=2) == [
        MinedPhrase("image registration", 4),
        MinedPhrase("gel dosimetry", 3),
    ]


def test_a_phrase_inside_a_longer_kept_one_is_dropped() -> None:
    per_member = {
        "m1": ["radiofrequency heating", "heating", "radiofrequency"],
        "m2": ["radiofrequency heating", "heating"],
        "m3": ["heating", "dosimetry"],
    }
    assert select(per_member, [], NAMES, min_members=2, limit=10) == [
        MinedPhrase("radiofrequency heating", 2)
    ]
    # Without the longer phrase kept, the word stands on its own.
    assert select(per_member, [], NAMES, min_members=3, limit=10) == [MinedPhrase("heating", 3)]


def test_a_phrase_holding_a_label_or_naming_a_body_is_not_new() -> None:
    names = Names(bodies=("MRI", "Acme Devices"))
    per_member = {m: ["deep learning reconstruction", "mri reconstruction", "acme devices"]
                  for m in ("m1", "m2")}  # fmt: skip
    mined = select(per_member, ["deep learning"], names, min_members=2, limit=10)
    # "deep learning reconstruction" adds nothing to the label; a group called "MRI" blocks
    # its own name only, not the phrases that hold it.
    assert mined == [MinedPhrase("mri reconstruction", 2)]
    assert new_phrase(["deep learning"], names)("MRI reconstruction")
    assert not new_phrase(["deep learning"], names)("Deep-learning")
