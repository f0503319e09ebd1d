"""Read a skills vocabulary file (TOML): `[[skill]]` tables with id, name, kind, synonyms and
an optional description.

The committed vocabulary is matchmaker/demo/content/skills.toml; any file of that shape can
be imported (`python -m matchmaker skills-import FILE`).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from matchmaker.errors import MatchmakerError
from matchmaker.importing import checks as c
from matchmaker.matching.vocabulary import VocabularySkill

KINDS = ("specialism", "topic")
MAX_SYNONYMS = 12
MAX_DESCRIPTION = 400


class VocabularyRejected(MatchmakerError):
    """A vocabulary file that is not TOML, or a skill in it that breaks a rule."""


def _problem(entry: dict[str, Any]) -> str | None:
    ident, name = str(entry.get("id", "")), entry.get("name")
    synonyms = entry.get("synonyms", [])
    if (reason := c.safe_id(ident)) is not None:
        return reason
    if not isinstance(name, str) or not 2 <= len(name.strip()) <= c.NAME_MAX:
        return f"{ident}: a name of 2 to {c.NAME_MAX} characters is required"
    if entry.get("kind", "topic") not in KINDS:
        return f"{ident}: kind must be one of {', '.join(KINDS)}"
    if not isinstance(synonyms, list) or len(synonyms) > MAX_SYNONYMS:
        return f"{ident}: synonyms must be a list of at most {MAX_SYNONYMS}"
    if not all(isinstance(s, str) and 2 <= len(s.strip()) <= c.NAME_MAX for s in synonyms):
        return f"{ident}: each synonym must be text of 2 to {c.NAME_MAX} characters"
    description = entry.get("description", "")
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION:
        return f"{ident}: the description must be text of at most {MAX_DESCRIPTION} characters"
    return None


def _skill(entry: dict[str, Any]) -> VocabularySkill:
    synonyms = tuple(dict.fromkeys(" ".join(s.split()) for s in entry.get("synonyms", [])))
    return VocabularySkill(
        str(entry["id"]), " ".join(entry["name"].split()), synonyms, entry.get("kind", "topic"),
        " ".join(entry.get("description", "").split()),
    )  # fmt: skip


def parse_vocabulary(text: str) -> tuple[VocabularySkill, ...]:
    """The skills of a vocabulary file's text; raises VocabularyRejected naming the problem."""
    try:
        entries = tomllib.loads(text).get("skill", [])
    except tomllib.TOMLDecodeError as e:
        raise VocabularyRejected(f"not a TOML vocabulary: {e}") from e
    problems = [p for e in entries if (p := _problem(e)) is not None]
    ids = [str(e.get("id")) for e in entries]
    problems += [f"{i}: the id appears twice" for i in sorted(set(ids)) if ids.count(i) > 1]
    if problems:
        raise VocabularyRejected("; ".join(problems))
    return tuple(_skill(e) for e in entries)


def read_vocabulary_file(path: Path) -> tuple[VocabularySkill, ...]:
    """parse_vocabulary of the file at `path`; raises VocabularyRejected and OSError."""
    return parse_vocabulary(path.read_text(encoding="utf-8"))
