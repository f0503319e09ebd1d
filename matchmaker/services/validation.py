"""Field-level input checks that collect every problem before refusing the input."""

from __future__ import annotations

import re
from collections.abc import Collection

from matchmaker.errors import InvalidInput, MatchmakerError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,79}$")


class InvalidFields(MatchmakerError):
    """Input that failed one or more checks; `problems` names each field and why."""

    def __init__(self, problems: list[InvalidInput]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class Checks:
    """Collects problems; `done()` raises InvalidFields when there is any."""

    def __init__(self) -> None:
        self.problems: list[InvalidInput] = []

    def fail(self, field: str, reason: str) -> None:
        self.problems.append(InvalidInput(field, reason))

    def text(self, field: str, value: str | None, low: int, high: int) -> None:
        """A text, when given, must have between `low` and `high` characters once trimmed."""
        if value is None:
            return
        size = len(value.strip())
        if size < low:
            self.fail(
                field, "must not be empty" if low == 1 else f"needs at least {low} characters"
            )
        elif size > high:
            self.fail(field, f"must be at most {high} characters (got {size})")

    def number(self, field: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not low <= value <= high:
            self.fail(field, f"must be between {low} and {high} (got {value})")

    def choice(self, field: str, value: str | None, allowed: Collection[str]) -> None:
        if value is not None and value not in allowed:
            self.fail(field, f"must be one of {', '.join(sorted(allowed))} (got {value[:40]!r})")

    def ident(self, field: str, value: str | None) -> None:
        if value is not None and not ID_PATTERN.match(value):
            self.fail(field, f"is not a valid id: {value[:40]!r}")

    def idents(self, field: str, values: Collection[str], most: int) -> None:
        if len(values) > most:
            self.fail(field, f"may hold at most {most} ids (got {len(values)})")
        for value in values:
            self.ident(field, value)

    def known(self, field: str, wanted: Collection[str], found: Collection[str]) -> None:
        """Every id in `wanted` must be among `found`."""
        missing = [w for w in wanted if w not in found]
        if missing:
            self.fail(field, f"no such id: {', '.join(missing[:5])}")

    def done(self) -> None:
        if self.problems:
            raise InvalidFields(self.problems)
