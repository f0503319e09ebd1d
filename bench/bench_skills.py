"""Precision and recall of skill derivation on a labelled set of remits and ideas.

Each case in bench/skill_labels.toml is a short text with the vocabulary skills a person would
tag it with; derived skills are compared with those tags (micro-averaged over all cases).

    HF_HUB_OFFLINE=1 python -m bench.bench_skills
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

from embeddings import Embedder
from matchmaker.matching.vocabulary import Vocabulary
from matchmaker.services.skills import committed_vocabulary, derive_skills

LABELS = Path(__file__).resolve().parent / "skill_labels.toml"


@dataclass(frozen=True)
class Case:
    text: str
    skills: frozenset[str]  # vocabulary ids


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    cases: int
    derived: int


def load_cases(path: Path = LABELS) -> list[Case]:
    entries = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return [Case(e["text"], frozenset(e["skills"])) for e in entries]


def derived_ids(embedder: Embedder, text: str, vocabulary: Vocabulary) -> frozenset[str]:
    by_name = {s.name: s.id for s in vocabulary.skills}
    return frozenset(by_name[n] for n in derive_skills(embedder, text, vocabulary))


def measure(embedder: Embedder, cases: list[Case], vocabulary: Vocabulary) -> Scores:
    found = [derived_ids(embedder, c.text, vocabulary) for c in cases]
    right = sum(len(f & c.skills) for f, c in zip(found, cases, strict=True))
    derived, wanted = sum(map(len, found)), sum(len(c.skills) for c in cases)
    return Scores(right / max(derived, 1), right / max(wanted, 1), len(cases), derived)


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    from matchmaker.bootstrap import load_embedder, query_embedder_for
    from matchmaker.config import Settings

    embedder = query_embedder_for(load_embedder(Settings.from_env()))
    vocabulary, cases = committed_vocabulary(), load_cases()
    embedder.use_vocabulary(vocabulary.labels)  # as the service's index does
    scores = measure(embedder, cases, vocabulary)
    print(f"cases {scores.cases}, skills derived {scores.derived}")
    print(f"precision {scores.precision:.3f}, recall {scores.recall:.3f}")
    for case in cases:
        print(sorted(derived_ids(embedder, case.text, vocabulary)), "<-", case.text[:60])


if __name__ == "__main__":
    main()
