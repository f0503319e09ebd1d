"""The committed schema.graphql is the contract the frontend builds against: it must match."""

from __future__ import annotations

from pathlib import Path

from matchmaker.api.schema import sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_sdl_matches_the_schema() -> None:
    assert SCHEMA_FILE.read_text() == sdl(), "schema.graphql drifted: run `matchmaker schema`"


def test_every_journey_operation_is_in_the_schema() -> None:
    text = sdl()
    for operation in ("signIn(", "demoUsers", "me:", "members(", "submitIdea(", "createTaskGroup("):
        assert operation in text
