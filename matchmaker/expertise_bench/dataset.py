"""Reading and writing the expertise benchmark's files.

- profiles.jsonl: {"person_id", "documents": [{"id", "title", "abstract", "year"}]}
- items.jsonl: {"item_id", "title", "abstract"}
- ratings.csv: person_id,item_id,expertise (1.0-5.0, higher = more expert)
- pairs CSV (optional input of the affinity command): person_id,item_id
- scores CSV (output): person_id,item_id,score (higher = better match)
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    abstract: str
    year: int = 0

    @property
    def text(self) -> str:
        """Title and abstract as one text: the form both the embedder and BM25 read."""
        return f"{self.title}. {self.abstract}".strip() if self.abstract else self.title


@dataclass(frozen=True)
class Profile:
    person_id: str
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Item:
    item_id: str
    title: str
    abstract: str

    @property
    def text(self) -> str:
        return f"{self.title}. {self.abstract}".strip() if self.abstract else self.title


@dataclass(frozen=True)
class Rating:
    person_id: str
    item_id: str
    expertise: float


@dataclass(frozen=True)
class ScoreRow:
    person_id: str
    item_id: str
    score: float


def _json_lines(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _document(record: dict[str, Any]) -> Document:
    year = record.get("year") or 0
    return Document(
        str(record["id"]), record.get("title") or "", record.get("abstract") or "", int(year)
    )


def read_profiles(path: Path) -> list[Profile]:
    return [
        Profile(str(r["person_id"]), tuple(_document(d) for d in r.get("documents", [])))
        for r in _json_lines(path)
    ]


def read_items(path: Path) -> list[Item]:
    return [
        Item(str(r["item_id"]), r.get("title") or "", r.get("abstract") or "")
        for r in _json_lines(path)
    ]


def read_ratings(path: Path) -> list[Rating]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Rating(r["person_id"], r["item_id"], float(r["expertise"]))
            for r in csv.DictReader(handle)
        ]


def read_pairs(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(r["person_id"], r["item_id"]) for r in csv.DictReader(handle)]


def write_scores(path: Path, rows: Sequence[ScoreRow]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["person_id", "item_id", "score"])
        writer.writerows((row.person_id, row.item_id, f"{row.score:.6f}") for row in rows)
