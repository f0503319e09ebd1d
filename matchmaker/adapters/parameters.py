"""Query parameters passed by name and checked against the query that reads them.

A query's `$name` with no value, or a value no `$name` of the query reads, is a mistake in
the code that builds the call (a mistyped filter, a parameter renamed on one side only):
`bind` raises ParameterMismatch naming it instead of sending a null the query would take as
"not set", or a value the database would silently ignore.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from matchmaker.errors import MatchmakerError

_PARAMETER = re.compile(r"\$(\w+)")


class ParameterMismatch(MatchmakerError):
    """The parameters given do not match those the query reads."""

    def __init__(self, missing: list[str], unused: list[str]) -> None:
        parts = []
        if missing:
            parts.append("no value for " + ", ".join(f"${name}" for name in missing))
        if unused:
            parts.append("values the query does not read: " + ", ".join(unused))
        super().__init__("; ".join(parts))
        self.missing = missing
        self.unused = unused


@lru_cache(maxsize=1024)
def read_by(query: str) -> frozenset[str]:
    """The names of the parameters `query` reads."""
    return frozenset(_PARAMETER.findall(query))


def bind(query: str, params: Mapping[str, object]) -> dict[str, object]:
    """`params` as a dict, once each is known to be read by `query` and each parameter
    `query` reads has a value (None included); raises ParameterMismatch otherwise."""
    wanted = read_by(query)
    missing = sorted(wanted - params.keys())
    unused = sorted(params.keys() - wanted)
    if missing or unused:
        raise ParameterMismatch(missing, unused)
    return dict(params)
