"""The one place that says which text of each embedded node becomes its vector.

Each builder reads a node's properties (a mapping with the domain's snake_case field names) and
returns the text to embed; an empty string means the node gets no vector. A member's vector is
the vector of their own expertise statement and nothing else: their outputs carry their own
vectors, and the two are never averaged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from graph_schema import model as m

Properties = Mapping[str, Any]
TextBuilder = Callable[[Properties], str]

_ENDS_SENTENCE = (".", "!", "?", ":", ";")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9(])")


def sentences(text: str) -> list[str]:
    """The sentences of a text (a partner's description), each scored as a document of its
    own; none for an empty text."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _text(props: Properties, key: str) -> str:
    value = props.get(key)
    return value.strip() if isinstance(value, str) else ""


def _sentences(parts: Iterable[str]) -> str:
    """Join the non-empty parts as sentences: "Title. Abstract" (no doubled full stops)."""
    kept = [p for p in parts if p]
    closed = [p if p.endswith(_ENDS_SENTENCE) else f"{p}." for p in kept[:-1]]
    return " ".join([*closed, *kept[-1:]])


def output_text(props: Properties) -> str:
    return _sentences((_text(props, "title"), _text(props, "abstract")))


def member_text(props: Properties) -> str:
    return _text(props, "expertise_statement")


def partner_text(props: Properties) -> str:
    return _sentences((_text(props, "name"), _text(props, "description")))


def idea_text(props: Properties) -> str:
    skills = props.get("required_skills") or ()
    named = ", ".join(s.strip() for s in skills if isinstance(s, str) and s.strip())
    return _sentences(
        (_text(props, "title"), _text(props, "summary"), f"Skills: {named}" if named else "")
    )


def call_text(props: Properties) -> str:
    return _sentences((_text(props, "title"), _text(props, "description")))


def group_text(props: Properties) -> str:
    return _sentences((_text(props, "name"), _text(props, "description")))


# Embedded label -> the properties its text is made from, and how.
TEXT_PROPERTIES: dict[str, tuple[str, ...]] = {
    m.OUTPUT: ("title", "abstract"),
    m.MEMBER: ("expertise_statement",),
    m.PARTNER: ("name", "description"),
    m.IDEA: ("title", "summary", "required_skills"),
    m.CALL: ("title", "description"),
    m.GROUP: ("name", "description"),
}
TEXT_BUILDERS: dict[str, TextBuilder] = {
    m.OUTPUT: output_text,
    m.MEMBER: member_text,
    m.PARTNER: partner_text,
    m.IDEA: idea_text,
    m.CALL: call_text,
    m.GROUP: group_text,
}


def node_text(label: str, props: Properties) -> str:
    """The text to embed for a node of `label`; raises KeyError for a label without vectors."""
    return TEXT_BUILDERS[label](props)
