"""Match bands: one word scale for members and partners, starting where a skill is covered."""

from __future__ import annotations

import re

from matchmaker.matching.bands import BAND_NOTE, band
from matchmaker.matching.problem import TeamSpec


def test_bands_from_strong_to_weak() -> None:
    assert [band(s) for s in (0.9, 0.45, 0.44, 0.3, 0.25, 0.2, 0.1)] == [
        "strong", "strong", "good", "good", "possible", "possible", "weak",
    ]  # fmt: skip


def test_good_starts_where_a_skill_counts_as_covered() -> None:
    threshold = TeamSpec(size=1).cover_threshold
    assert band(threshold) == "good"
    assert band(threshold - 0.01) == "possible"


def test_the_note_explains_every_band_without_numbers() -> None:
    for name in ("strong", "good", "possible", "weak"):
        assert name in BAND_NOTE
    assert re.search(r"\d", BAND_NOTE) is None
