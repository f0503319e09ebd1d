"""Finding real people's names in text, so that none reaches the demo dataset.

A name's key is its lower-cased words joined by single spaces (an apostrophe stays inside its
word), so "D. Greene" and "d greene" share the key "d greene". Texts are searched for every run
of words whose key is a known full name (two or more words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def name_key(name: str) -> str:
    """The comparison key of a person's name."""
    return " ".join(_WORD.findall(name.lower()))


class NameIndex:
    """A set of full names (two or more words) to look for inside texts."""

    def __init__(self, names: Iterable[str]) -> None:
        keys = {name_key(n) for n in names}
        self._keys = frozenset(k for k in keys if len(k.split()) >= 2)
        self._lengths = tuple(sorted({len(k.split()) for k in self._keys}))
        self._first_words = frozenset(k.split()[0] for k in self._keys)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name_key(name) in self._keys

    def mentions(self, text: str) -> list[str]:
        """The keys of the known names that occur in `text`, in order of appearance."""
        words = _WORD.findall(text.lower())
        found: list[str] = []
        for start in range(len(words)):
            if words[start] not in self._first_words:
                continue
            for length in self._lengths:
                key = " ".join(words[start : start + length])
                if key in self._keys:
                    found.append(key)
        return found
