"""Match bands: the one word scale shown for how well a person or a partner fits a text.

Input: a score in [0, 1] on the scale the service shows (affinity / (1 + lexical weight),
matchmaker.services.scoring.to_unit); output: a band name. The same thresholds apply to
members and partners, so a "good" member and a "good" partner mean the same thing. Reasons
name the band, never the number.

Why these thresholds: "good" starts at TeamSpec.cover_threshold (0.3), where a skill counts
as covered; on the expertise benchmark the pairs experts rated 4-5 of 5 had a median of
about 0.52 on this scale, so "strong" starts a little below that (0.45); "possible" keeps
what is related but short of covering (0.2 and up).
"""

from __future__ import annotations

GOOD = 0.3  # the least a search result must reach: work that would cover the text as a skill
BANDS = ((0.45, "strong"), (GOOD, "good"), (0.2, "possible"))
WEAK = "weak"

BAND_NOTE = (
    "Match bands compare a person's or a partner's own work with the text: strong means "
    "their work is closely on the topic; good, enough to cover a skill; possible, related "
    "work that falls short of covering it; weak, little related work. Members and partners "
    "are placed on the same scale."
)


def band(score: float) -> str:
    """The band of a score in [0, 1]: strong, good, possible or weak."""
    for floor, name in BANDS:
        if score >= floor:
            return name
    return WEAK


def with_article(name: str) -> str:
    """ "a strong", "a good", "a possible", "a weak": bands read after an article."""
    return f"a {name}"
