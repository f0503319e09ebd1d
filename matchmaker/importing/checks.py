"""Checks on single values: each returns None when the value is fine, else the reason.

Values are data, never code: a name holding Cypher, HTML or a script passes these checks and is
stored verbatim, as a query parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from matchmaker.domain.model import REGIONS

Check = Callable[[str], str | None]

NAME_MAX = 200
TITLE_MAX = 500
NOTE_MAX = 2_000
TEXT_MAX = 20_000
ID_MAX = 100

_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def safe_id(value: str) -> str | None:
    if len(value) > ID_MAX:
        return f"an id holds at most {ID_MAX} characters, this one has {len(value):,}"
    if not _SAFE_ID.fullmatch(value):
        return f"{_show(value)} is not a safe id: use letters, digits and - _ . :"
    return None


def length(most: int) -> Check:
    """At most `most` characters."""

    def check(value: str) -> str | None:
        if len(value) <= most:
            return None
        return f"is {len(value):,} characters long; the most is {most:,}"

    return check


def one_of(choices: Iterable[str]) -> Check:
    allowed = tuple(choices)

    def check(value: str) -> str | None:
        return None if value in allowed else f"{_show(value)} is not one of {', '.join(allowed)}"

    return check


def region(value: str) -> str | None:
    if value in REGIONS:
        return None
    return f"{_show(value)} is not a UK region: one of {', '.join(REGIONS)}"


def email(value: str) -> str | None:
    if len(value) <= 254 and _EMAIL.fullmatch(value):
        return None
    return f"{_show(value)} is not an email address"


def iso_date(value: str) -> str | None:
    if value == "":
        return None
    try:
        if _ISO_DATE.fullmatch(value):
            date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return f"{_show(value)} is not a date of the form YYYY-MM-DD"


def year(value: int) -> str | None:
    return None if value == 0 or 1900 <= value <= 2100 else f"{value} is not a year (or 0)"


def count(most: int) -> Callable[[int], str | None]:
    """A whole number from 0 to `most`."""

    def check(value: int) -> str | None:
        return None if 0 <= value <= most else f"{value} is not between 0 and {most:,}"

    return check


def _show(value: str) -> str:
    """The value quoted for a message, cut short when long."""
    return repr(value if len(value) <= 60 else value[:57] + "...")
