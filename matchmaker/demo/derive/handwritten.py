"""Reading the hand-written TOML content: specialist members, their outputs, and ideas."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matchmaker.domain.model import CareerStage, Sector

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Specialist:
    key: str
    discipline: str
    stage: CareerStage
    sector: Sector
    region: str
    statement: str
    cois: tuple[str, ...]


@dataclass(frozen=True)
class WrittenOutput:
    id: str
    kind: str
    year: int
    title: str
    abstract: str
    authors: tuple[str, ...]  # specialist keys


@dataclass(frozen=True)
class IdeaSpec:
    title: str
    summary: str
    skills: tuple[str, ...]
    themes: tuple[str, ...]
    discipline: str
    call: str
    status: str


def load_specialists() -> tuple[tuple[Specialist, ...], tuple[WrittenOutput, ...]]:
    """The specialist members and their outputs from specialists.toml."""
    data = _toml("specialists.toml")
    members = tuple(_specialist(m) for m in data["member"])
    outputs = tuple(
        WrittenOutput(o["id"], o["kind"], o["year"], o["title"], o["abstract"], tuple(o["authors"]))
        for o in data["output"]
    )
    return members, outputs


def load_ideas() -> tuple[IdeaSpec, ...]:
    """The ideas from ideas.toml."""
    return tuple(
        IdeaSpec(
            i["title"],
            i["summary"],
            tuple(i["skills"]),
            tuple(i["themes"]),
            i["discipline"],
            i["call"],
            i["status"],
        )
        for i in _toml("ideas.toml")["idea"]
    )


def _specialist(row: dict[str, Any]) -> Specialist:
    return Specialist(
        key=row["key"],
        discipline=row["discipline"],
        stage=CareerStage(row["stage"]),
        sector=Sector(row["sector"]),
        region=row["region"],
        statement=row["statement"],
        cois=tuple(row["coi"]),
    )


def _toml(name: str) -> dict[str, Any]:
    with (CONTENT_DIR / name).open("rb") as handle:
        return tomllib.load(handle)
