"""How well a member's texts fit a piece of writing: shared words, rare words counting most."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from matchmaker.demo.derive.members import Profile


class Relevance:
    """Scores members against a text by the inverse document frequency of shared words."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        counts = Counter(w for p in profiles for w in p.words)
        total = len(profiles)
        self._idf = {w: math.log(total / n) for w, n in counts.items()}

    def score(self, words: set[str], profile: Profile) -> float:
        """The summed rarity of the words `profile` shares with `words`."""
        return sum(self._idf.get(w, 0.0) for w in words & profile.words)
