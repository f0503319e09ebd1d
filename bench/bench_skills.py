"""Precision and recall of skill derivation on a labelled set of remits and ideas.

Each case in bench/skill_labels.toml is a short text with the vocabulary skills a person would
tag it with; derived skills are compared with those tags (micro-averaged over all cases).

The choice has two parameters (matchmaker.matching.vocabulary.choose: the similarity a skill
needs without a lexical hit, and the most skills a text gets). Scores measured on the cases
the parameters were tuned on flatter them, so the report also gives a cross-validated
estimate: the cases are split into folds; for each fold the parameters that score best on
the other folds (F1, ties to the stricter choice) derive its skills; the pooled result
estimates what a text not seen in tuning gets. The parameters each fold picks are listed,
so it shows whether the defaults are what the data picks.

    HF_HUB_OFFLINE=1 python -m bench.bench_skills [--folds 7]
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings import Embedder
from matchmaker.matching.vocabulary import (
    DEFAULT_LIMIT,
    DEFAULT_THRESHOLD,
    Vocabulary,
    choose,
    lexical_hits,
)
from matchmaker.services.skills import committed_vocabulary, derive_skills, skill_similarity

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


Parameters = tuple[float, int]  # (threshold, limit)
GRID: tuple[Parameters, ...] = tuple(
    (t, n) for t in (0.55, 0.6, 0.65, 0.7, 0.75, 0.8) for n in (2, 3, 4, 5, 6)
)


@dataclass(frozen=True)
class Prepared:
    """What the choice reads for one case, computed once: lexical hits and similarities (by
    skill index), and the tagged skills' indices."""

    hits: frozenset[int]
    similarity: np.ndarray
    tagged: frozenset[int]


@dataclass(frozen=True)
class CrossValidated:
    scores: Scores
    picks: list[Parameters]  # the parameters each fold chose on the other folds


def prepare(embedder: Embedder, cases: list[Case], vocabulary: Vocabulary) -> list[Prepared]:
    index = {s.id: i for i, s in enumerate(vocabulary.skills)}
    prepared = []
    for case in cases:
        text = " ".join(case.text.split())
        similarity = skill_similarity(embedder, text, vocabulary)
        tagged = frozenset(index[skill] for skill in case.skills)
        prepared.append(Prepared(lexical_hits(text, vocabulary), similarity, tagged))
    return prepared


def _counts(prepared: list[Prepared], parameters: Parameters) -> tuple[int, int, int]:
    """(skills derived that were tagged, skills derived, skills tagged)."""
    threshold, limit = parameters
    found = [frozenset(choose(p.hits, p.similarity, threshold, limit)) for p in prepared]
    right = sum(len(f & p.tagged) for f, p in zip(found, prepared, strict=True))
    return right, sum(map(len, found)), sum(len(p.tagged) for p in prepared)


def _scores(right: int, derived: int, wanted: int, cases: int) -> Scores:
    return Scores(right / max(derived, 1), right / max(wanted, 1), cases, derived)


def score_at(prepared: list[Prepared], parameters: Parameters) -> Scores:
    return _scores(*_counts(prepared, parameters), len(prepared))


def f1(scores: Scores) -> float:
    total = scores.precision + scores.recall
    return 0.0 if total == 0 else 2 * scores.precision * scores.recall / total


def best_on(prepared: list[Prepared], grid: tuple[Parameters, ...] = GRID) -> Parameters:
    """The parameters with the best F1 on `prepared`; a tie goes to the higher threshold,
    then the lower limit (fewer skills shown for the proposer to check)."""
    return max(grid, key=lambda p: (round(f1(score_at(prepared, p)), 9), p[0], -p[1]))


def cross_validate(
    prepared: list[Prepared], folds: int = 7, grid: tuple[Parameters, ...] = GRID
) -> CrossValidated:
    """Each fold's skills derived with the parameters chosen on the other folds, pooled."""
    right = derived = wanted = 0
    picks = []
    for k in range(folds):
        held = prepared[k::folds]
        rest = [p for i, p in enumerate(prepared) if i % folds != k]
        if not held:
            continue
        pick = best_on(rest, grid)
        picks.append(pick)
        r, d, w = _counts(held, pick)
        right, derived, wanted = right + r, derived + d, wanted + w
    return CrossValidated(_scores(right, derived, wanted, len(prepared)), picks)


def report(prepared: list[Prepared], folds: int) -> list[str]:
    default = score_at(prepared, (DEFAULT_THRESHOLD, DEFAULT_LIMIT))
    tuned = best_on(prepared)
    tuned_f1 = f1(score_at(prepared, tuned))
    cv = cross_validate(prepared, folds)
    picks = ", ".join(f"{t:g}/{n}" for t, n in cv.picks)
    return [
        f"in-sample, defaults {DEFAULT_THRESHOLD:g}/{DEFAULT_LIMIT}: precision "
        f"{default.precision:.3f}, recall {default.recall:.3f}, F1 {f1(default):.3f}",
        f"in-sample best of the grid, {tuned[0]:g}/{tuned[1]}: F1 {tuned_f1:.3f}",
        f"cross-validated ({folds} folds, parameters chosen on the other folds): precision "
        f"{cv.scores.precision:.3f}, recall {cv.scores.recall:.3f}, F1 {f1(cv.scores):.3f}",
        f"parameters chosen per fold (threshold/limit): {picks}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=7)
    args = parser.parse_args()
    from matchmaker.bootstrap import load_embedder, query_embedder_for
    from matchmaker.config import Settings

    embedder = query_embedder_for(load_embedder(Settings.from_env()))
    vocabulary, cases = committed_vocabulary(), load_cases()
    embedder.use_vocabulary(vocabulary.labels)  # as the service's index does
    scores = measure(embedder, cases, vocabulary)
    print(f"cases {scores.cases}, skills derived {scores.derived}")
    print(f"precision {scores.precision:.3f}, recall {scores.recall:.3f}")
    for line in report(prepare(embedder, cases, vocabulary), args.folds):
        print(line)
    for case in cases:
        print(sorted(derived_ids(embedder, case.text, vocabulary)), "<-", case.text[:60])


if __name__ == "__main__":
    main()
