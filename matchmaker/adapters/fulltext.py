"""User text to a safe Lucene query for Neo4j's full-text indexes.

Lucene reads `+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ /` as syntax and upper-case AND, OR,
NOT, TO as operators; text typed by a person must never be read that way (a stray quote
or colon is a syntax error, a `*` a costly wildcard). Each word is escaped and the operator
words are lower-cased, so the query is a plain OR of the words. Stop words are dropped and
the words are capped, which keeps long remits within Lucene's clause limit.
"""

from __future__ import annotations

import re

SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')
OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
MAX_TERMS = 64
_STOP_TEXT = """
    a an and are as at be but by for from has have in into is it its not of on or our so than
    that the their them then there these they this to was we were which will with within
    would you your
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"\S+")


def escape(term: str) -> str:
    """Backslash-escape every Lucene special character of one term."""
    return "".join(f"\\{c}" if c in SPECIAL else c for c in term)


def _clean(word: str) -> str:
    stripped = word.strip(".,;:!?\"'()[]{}")
    return stripped.lower() if stripped in OPERATORS else stripped


def lucene_query(text: str, max_terms: int = MAX_TERMS) -> str:
    """A Lucene query matching any word of `text`; '' when the text has no usable word."""
    terms: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(text):
        cleaned = _clean(word)
        key = cleaned.lower()
        if not cleaned or key in STOP_WORDS or key in seen or not any(c.isalnum() for c in key):
            continue
        seen.add(key)
        terms.append(escape(cleaned))
        if len(terms) == max_terms:
            break
    return " ".join(terms)
