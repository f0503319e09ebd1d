"""Reading the source corpus: papers, PMB titles, FDA AI device companies and NHS trusts."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Doc:
    """A paper or a PMB title, with the real author names it came with."""

    id: str
    title: str
    abstract: str
    authors: tuple[str, ...]
    year: int
    subdomains: tuple[str, ...]
    source: str
    url: str


@dataclass(frozen=True)
class Company:
    """A company behind FDA-authorised AI devices."""

    name: str
    n_devices: int
    domains: tuple[str, ...]
    profile: str


@dataclass(frozen=True)
class Trust:
    ods_code: str
    name: str
    town: str
    postcode: str


@dataclass(frozen=True)
class Corpus:
    papers: tuple[Doc, ...]
    pmb: tuple[Doc, ...]
    companies: tuple[Company, ...]
    trusts: tuple[Trust, ...]

    def real_names(self) -> tuple[str, ...]:
        """Every author name in the papers and PMB titles."""
        return tuple(sorted({a for doc in self.papers + self.pmb for a in doc.authors}))


def load_corpus(directory: Path) -> Corpus:
    """Read the corpus folder; raises FileNotFoundError when a file is missing."""
    return Corpus(
        papers=_unique_ids(_doc(r) for r in _rows(directory / "papers.jsonl")),
        pmb=_unique_ids(_doc(r) for r in _rows(directory / "pmb_titles.jsonl")),
        companies=tuple(_company(r) for r in _rows(directory / "partners_fda_ai.jsonl")),
        trusts=tuple(_trust(r) for r in _rows(directory / "nhs_trusts.jsonl") if not r["closed"]),
    )


def clean(text: str) -> str:
    """Text with runs of whitespace collapsed."""
    return _SPACE.sub(" ", text).strip()


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _doc(row: dict[str, Any]) -> Doc:
    return Doc(
        id=row["id"],
        title=clean(row["title"]),
        abstract=clean(row.get("abstract") or ""),
        authors=tuple(clean(a) for a in row["authors"]),
        year=int(row["year"]),
        subdomains=tuple(row.get("subdomains") or ()),
        source=row["source"],
        url=row.get("url") or "",
    )


def _unique_ids(docs: Iterable[Doc]) -> tuple[Doc, ...]:
    # A few titles are listed twice under different ids: the first is kept. A few ids name two
    # different papers: the second keeps the id with a suffix.
    seen: Counter[str] = Counter()
    titles: set[str] = set()
    unique = []
    for doc in docs:
        title = " ".join(re.findall(r"\w+", doc.title.lower()))
        if title in titles:
            continue
        titles.add(title)
        seen[doc.id] += 1
        n = seen[doc.id]
        unique.append(doc if n == 1 else dataclasses.replace(doc, id=f"{doc.id}.{n}"))
    return tuple(unique)


def _company(row: dict[str, Any]) -> Company:
    return Company(
        name=clean(row["company"]),
        n_devices=int(row["n_devices"]),
        domains=tuple(row["clinical_domains"]),
        profile=clean(row["profile_text"]),
    )


def _trust(row: dict[str, Any]) -> Trust:
    return Trust(row["ods_code"], row["name"], row["town"], row["postcode"])
