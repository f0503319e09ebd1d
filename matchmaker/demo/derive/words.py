"""Words for matching texts: lower-cased, five letters or more, cut to a five-letter stem so
that "metered" meets "meter" and "switching" meets "switch"."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]{5,}")


def words_of(text: str) -> set[str]:
    """The stems of the longer words of a text."""
    return {w[:5] for w in _WORD.findall(text.lower())}
