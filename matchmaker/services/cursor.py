"""The one cursor codec: an offset into a ranked list as an opaque string, and back.

A cursor is the URL-safe base64 of "offset:<n>", n plain ASCII digits up to MAX_OFFSET. The
API's connections (api/pagination.py) and the search service's pages use the same codec.
"""

from __future__ import annotations

import base64
import binascii
import re

from matchmaker.errors import InvalidInput

_PREFIX = "offset:"
# The deepest offset a cursor may hold. The lists paged here are members, ideas and groups of
# one professional body (a few thousand nodes), so no page starts anywhere near a million; a
# larger offset is a cursor somebody wrote by hand. Bounding it also keeps the number far
# inside the 64-bit integer that Neo4j's SKIP takes, which a Python int would not.
MAX_OFFSET = 1_000_000
# ASCII digits only: str.isdigit() and int() also accept "²" or Arabic-Indic digits.
_OFFSET = re.compile(r"[0-9]{1,7}")


class ForeignCursor(InvalidInput):
    """A cursor this service did not make."""

    def __init__(self, cursor: str) -> None:
        super().__init__("cursor", "not a cursor returned by a previous page")
        self.cursor = cursor


class CursorTooDeep(InvalidInput):
    """A well-formed cursor past MAX_OFFSET."""

    def __init__(self, offset: int) -> None:
        super().__init__("cursor", f"points past the last page served ({MAX_OFFSET:,})")
        self.offset = offset


def encode_cursor(offset: int) -> str:
    """The cursor of `offset` (0 <= offset <= MAX_OFFSET)."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    """The offset a cursor stands for; raises ForeignCursor or CursorTooDeep (both
    InvalidInput naming the field "cursor")."""
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeError, ValueError) as e:
        raise ForeignCursor(cursor) from e
    digits = text.removeprefix(_PREFIX)
    if digits == text or not _OFFSET.fullmatch(digits):
        raise ForeignCursor(cursor)
    offset = int(digits)
    if offset > MAX_OFFSET:
        raise CursorTooDeep(offset)
    return offset
