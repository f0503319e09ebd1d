"""Strict rules for the shape of a GraphQL-over-HTTP request, as pure functions of its bytes.

A POST carries one JSON object, `application/json` in UTF-8; a GET carries the same fields in
its query string. Either way the fields are `query` (a string, required), `operationName` (a
string or null), `variables` and `extensions` (objects or null); other fields are ignored, as
the GraphQL-over-HTTP draft allows. Each rule returns a `Refusal` that names the problem in a
sentence, or None when the request may go on to the GraphQL view.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes

BAD_REQUEST = "BAD_REQUEST"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
JSON_TYPE = "application/json"
_OBJECT_FIELDS = ("variables", "extensions")
_ASKS = 'send a JSON object such as {"query": "{ themes { name } }"}'


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str
    code: str = BAD_REQUEST


class _Invalid(Exception):
    """One broken rule; carries the sentence that the caller sees."""


def check_post(content_type: str | None, body: bytes) -> Refusal | None:
    """The refusal of a POST with this Content-Type header and body, if any."""
    media, charset = _media_type(content_type or "")
    if media != JSON_TYPE:
        return _unsupported(media)
    if charset not in (None, "utf-8"):
        return Refusal(415, f"The body must be UTF-8, not {charset}.", UNSUPPORTED_MEDIA_TYPE)
    try:
        fields = _json_value(body, "The request body")
        if not isinstance(fields, dict):
            raise _Invalid(f"The body is a JSON {_kind(fields)}; {_ASKS}.")
        _check_fields(fields)
    except _Invalid as e:
        return Refusal(400, str(e))
    return None


def check_get(query_string: bytes) -> Refusal | None:
    """The refusal of a GET with this query string, if any."""
    try:
        params = _query_params(query_string)
        fields: dict[str, Any] = dict(params)
        for name in _OBJECT_FIELDS:
            if name in params:
                fields[name] = _json_value(params[name].encode(), f"`{name}`")
        _check_fields(fields)
    except _Invalid as e:
        return Refusal(400, str(e))
    return None


def _unsupported(media: str) -> Refusal:
    if media == "multipart/form-data":
        message = "Multipart requests are not accepted; send files as text inside JSON."
    elif not media:
        message = f"The request has no Content-Type; send {JSON_TYPE}."
    else:
        message = f"The Content-Type {media} is not accepted; send {JSON_TYPE}."
    return Refusal(415, message, UNSUPPORTED_MEDIA_TYPE)


def _media_type(header: str) -> tuple[str, str | None]:
    """The lower-cased media type and charset parameter of a Content-Type header."""
    media, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def _check_fields(fields: dict[str, Any]) -> None:
    query = fields.get("query")
    if query is None:
        raise _Invalid(f"The request has no `query`; {_ASKS}.")
    if not isinstance(query, str):
        raise _Invalid(f"`query` must be a string (a GraphQL document), not a {_kind(query)}.")
    name = fields.get("operationName")
    if name is not None and not isinstance(name, str):
        raise _Invalid(f"`operationName` must be a string or null, not a {_kind(name)}.")
    for field in _OBJECT_FIELDS:
        value = fields.get(field)
        if value is not None and not isinstance(value, dict):
            raise _Invalid(f"`{field}` must be a JSON object or null, not a {_kind(value)}.")


def _json_value(raw: bytes, what: str) -> Any:
    """Strictly parsed JSON: UTF-8, no duplicate keys, no NaN, no lone surrogates."""
    text = _utf8(raw, what)
    if not text.strip():
        raise _Invalid(f"{what} is empty; {_ASKS}.")
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except RecursionError as e:
        raise _Invalid(f"{what} nests JSON too deeply.") from e
    except json.JSONDecodeError as e:
        raise _Invalid(f"{what} is not valid JSON: {e.msg} at character {e.pos}.") from e
    if any(_has_lone_surrogate(s) for s in _strings(value)):
        raise _Invalid(f"{what} holds a lone UTF-16 surrogate escape (such as \\ud800).")
    return value


def _utf8(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _Invalid(f"{what} is not valid UTF-8 (byte {e.start}).") from e


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in pairs:
        if key in fields:
            raise _Invalid(f"A JSON object has the key {key!r} twice.")
        fields[key] = value
    return fields


def _no_constant(name: str) -> Any:
    raise _Invalid(f"{name} is not a JSON value.")


def _strings(value: Any) -> Iterator[str]:
    """Every string in a parsed JSON value, keys included, without recursion."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            yield from item.keys()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _query_params(query_string: bytes) -> dict[str, str]:
    """Each name=value pair of a query string, percent-decoded as strict UTF-8, once each."""
    params: dict[str, str] = {}
    for pair in filter(None, query_string.split(b"&")):
        raw_name, _, raw_value = pair.partition(b"=")
        name = _decoded(raw_name, "a parameter name")
        if name in params:
            raise _Invalid(f"The query string has `{name}` twice.")
        params[name] = _decoded(raw_value, f"`{name}`")
    return params


def _decoded(raw: bytes, what: str) -> str:
    # Strict UTF-8 refuses encoded surrogates (%ED%A0%80) too, where starlette would put U+FFFD.
    return _utf8(unquote_to_bytes(raw.replace(b"+", b" ")), f"{what} in the query string")


def _kind(value: object) -> str:
    kinds: dict[type, str] = {str: "string", bool: "boolean", int: "number", float: "number"}
    kinds |= {list: "array", dict: "object", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)
