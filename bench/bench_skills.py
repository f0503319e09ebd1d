"""Precision and recall of skill derivation on a labelled set of remits and ideas.

Each case in bench/skill_labels.toml is a short text with the vocabulary skills a person would
tag it with; derived skills are compared with those tags (micro-averaged over all cases).

The choice has three parameters (matchmaker.matching.vocabulary: the share of a skill's
similarity that comes from its document rather than its labels, the similarity a skill needs
without a lexical hit, and the most skills a text gets). Scores measured on the cases
the parameters were tuned on flatter them, so the report also gives a cross-validated
estimate: the cases are split into folds; for each fold the parameters that score best on
the other folds (F1, ties to the stricter choice) derive its skills; the pooled result
estimates what a text not seen in tuning gets. The parameters each fold picks are listed,
so it shows whether the defaults are what the data picks. The parameters are chosen on two
sets together: bench/skill_labels.toml and bench/skill_labels_held_out.toml (written later,
in words further from the vocabulary's labels). A third, bench/skill_labels_check.toml, was
written and tagged apart from the method, from the vocabulary alone, and is never used to
choose: it is scored once with the defaults, the estimate for texts nobody has seen.

    HF_HUB_OFFLINE=1 python -m bench.bench_skills [--folds 13]
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings import Embedder
from matchmaker.matching.vocabulary import (
    DEFAULT_DOCUMENT_WEIGHT,
    DEFAULT_LIMIT,
    DEFAULT_THRESHOLD,
    Vocabulary,
    blend,
    choose,
    lexical_hits,
)
from matchmaker.services.skills import committed_vocabulary, derive_skills, similarities

LABELS = Path(__file__).resolve().parent / "skill_labels.toml"
HELD_OUT = Path(__file__).resolve().parent / "skill_labels_held_out.toml"
CHECK = Path(__file__).resolve().parent / "skill_labels_check.toml"


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


def choice_cases() -> list[Case]:
    """The labelled texts the parameters are chosen on."""
    return [*load_cases(LABELS), *load_cases(HELD_OUT)]


def derived_ids(embedder: Embedder, text: str, vocabulary: Vocabulary) -> frozenset[str]:
    by_name = {s.name: s.id for s in vocabulary.skills}
    return frozenset(by_name[n] for n in derive_skills(embedder, text, vocabulary))


def measure(embedder: Embedder, cases: list[Case], vocabulary: Vocabulary) -> Scores:
    found = [derived_ids(embedder, c.text, vocabulary) for c in cases]
    right = sum(len(f & c.skills) for f, c in zip(found, cases, strict=True))
    derived, wanted = sum(map(len, found)), sum(len(c.skills) for c in cases)
    return Scores(right / max(derived, 1), right / max(wanted, 1), len(cases), derived)


Parameters = tuple[float, float, int]  # (document weight, threshold, limit)
DEFAULTS: Parameters = (DEFAULT_DOCUMENT_WEIGHT, DEFAULT_THRESHOLD, DEFAULT_LIMIT)
GRID: tuple[Parameters, ...] = tuple(
    (w, t, n)
    for w in (0.0, 0.25, 0.5, 0.75, 1.0)
    for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
    for n in (2, 3, 4, 5, 6)
)


@dataclass(frozen=True)
class Prepared:
    """What the choice reads for one case, computed once: lexical hits, the label and document
    cosines (by skill index), and the tagged skills' indices."""

    hits: frozenset[int]
    by_label: np.ndarray
    by_document: np.ndarray
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
        by_label, by_document = similarities(embedder, text, vocabulary)
        tagged = frozenset(index[skill] for skill in case.skills)
        prepared.append(Prepared(lexical_hits(text, vocabulary), by_label, by_document, tagged))
    return prepared


def _counts(prepared: list[Prepared], parameters: Parameters) -> tuple[int, int, int]:
    """(skills derived that were tagged, skills derived, skills tagged)."""
    weight, threshold, limit = parameters
    found = [
        frozenset(choose(p.hits, blend(p.by_label, p.by_document, weight), threshold, limit))
        for p in prepared
    ]
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
    """The parameters with the best F1 on `prepared`; a tie goes to the lower document weight
    (labels alone need no description), then the higher threshold, then the lower limit
    (fewer skills shown for the proposer to check)."""
    return max(grid, key=lambda p: (round(f1(score_at(prepared, p)), 9), -p[0], p[1], -p[2]))


def cross_validate(
    prepared: list[Prepared], folds: int = 13, grid: tuple[Parameters, ...] = GRID
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
    default = score_at(prepared, DEFAULTS)
    tuned = best_on(prepared)
    tuned_f1 = f1(score_at(prepared, tuned))
    cv = cross_validate(prepared, folds)
    labels_only = cross_validate(prepared, folds, tuple(p for p in GRID if p[0] == 0.0))
    picks = ", ".join(map(_named, cv.picks))
    return [
        f"in-sample, defaults {_named(DEFAULTS)}: precision "
        f"{default.precision:.3f}, recall {default.recall:.3f}, F1 {f1(default):.3f}",
        f"in-sample best of the grid, {_named(tuned)}: F1 {tuned_f1:.3f}",
        f"cross-validated ({folds} folds, parameters chosen on the other folds): precision "
        f"{cv.scores.precision:.3f}, recall {cv.scores.recall:.3f}, F1 {f1(cv.scores):.3f}",
        f"parameters chosen per fold (weight/threshold/limit): {picks}",
        f"cross-validated with labels alone (weight 0): precision "
        f"{labels_only.scores.precision:.3f}, recall {labels_only.scores.recall:.3f}, "
        f"F1 {f1(labels_only.scores):.3f}",
    ]


def _named(parameters: Parameters) -> str:
    weight, threshold, limit = parameters
    return f"{weight:g}/{threshold:g}/{limit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folds", type=int, default=13)
    args = parser.parse_args()
    from matchmaker.bootstrap import load_embedder, query_embedder_for
    from matchmaker.config import Settings

    embedder = query_embedder_for(load_embedder(Settings.from_env()))
    vocabulary = committed_vocabulary()
    embedder.use_vocabulary([*vocabulary.labels, *vocabulary.documents])  # as the index does
    cases = choice_cases()
    scores = measure(embedder, cases, vocabulary)
    print(f"choice set: cases {scores.cases}, skills derived {scores.derived}")
    for line in report(prepare(embedder, cases, vocabulary), args.folds):
        print(line)
    check = load_cases(CHECK)
    unseen = measure(embedder, check, vocabulary)
    print(
        f"check set ({unseen.cases} texts never used to choose, defaults): precision "
        f"{unseen.precision:.3f}, recall {unseen.recall:.3f}, F1 {f1(unseen):.3f}, "
        f"skills derived {unseen.derived}"
    )
    for case in [*cases, *check]:
        found = derived_ids(embedder, case.text, vocabulary)
        missed, extra = sorted(case.skills - found), sorted(found - case.skills)
        print(sorted(found), "<-", case.text[:60], f"missed {missed} extra {extra}")


if __name__ == "__main__":
    main()
