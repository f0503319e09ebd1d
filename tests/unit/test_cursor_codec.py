"""One cursor codec for the API's connections and the search service's pages."""

from __future__ import annotations

import base64

import pytest

from matchmaker.api import pagination
from matchmaker.api.errors import PublicError
from matchmaker.services import cursor, search
from matchmaker.services.cursor import (
    MAX_OFFSET,
    CursorTooDeep,
    ForeignCursor,
    decode_cursor,
    encode_cursor,
)


def test_the_api_and_the_search_service_share_the_one_codec() -> None:
    assert pagination.encode_cursor is cursor.encode_cursor
    assert search.encode_cursor is cursor.encode_cursor
    assert search.decode_cursor is cursor.decode_cursor
    assert pagination.decode_cursor(encode_cursor(12)) == decode_cursor(encode_cursor(12)) == 12


@pytest.mark.parametrize(
    "text", ["o:3", "offset:-1", "offset:", "offset:٣", "offset:12345678", "offset: 3"]
)
def test_foreign_cursors_are_invalid_input_naming_the_cursor(text: str) -> None:
    raw = base64.urlsafe_b64encode(text.encode()).decode()
    with pytest.raises(ForeignCursor, match="cursor: not a cursor returned by a previous page"):
        decode_cursor(raw)
    with pytest.raises(PublicError, match="`after` is not a cursor from this API"):
        pagination.decode_cursor(raw)


def test_a_cursor_past_the_bound_is_too_deep_in_both_layers() -> None:
    with pytest.raises(CursorTooDeep, match="points past the last page served"):
        decode_cursor(encode_cursor(MAX_OFFSET + 1))
    with pytest.raises(PublicError, match="points past the last page this API serves"):
        pagination.decode_cursor(encode_cursor(MAX_OFFSET + 1))
    with pytest.raises(ForeignCursor):
        decode_cursor("not base64 !")
