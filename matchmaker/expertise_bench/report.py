"""Run the expertise benchmark on a directory and format its report.

Two tasks on the same files:
- ratings: each person's scores for the items they rated, judged by the weighted loss;
- leave-one-out: each profile document in turn is the query, hidden from every profile that
  holds it (co-authors included), all people are ranked, its owner is the right answer;
  judged by mean reciprocal rank and recall@5.
Each figure comes with a 95% bootstrap interval over people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from matchmaker.expertise_bench.crossval import (
    Choice,
    FamilyResult,
    PersonParts,
    choose_default,
    cross_validate,
    families,
    folds_of,
)
from matchmaker.expertise_bench.dataset import (
    Item,
    Profile,
    Rating,
    read_items,
    read_profiles,
    read_ratings,
)
from matchmaker.expertise_bench.methods import (
    BestDocumentMethod,
    CachedEmbedder,
    Corpus,
    Method,
    ProjectMethod,
    TfidfMethod,
    corpus_of,
)
from matchmaker.expertise_bench.metrics import Estimate, Part, interval, loss_parts, rank_of
from matchmaker.matching.affinity import AffinityParams

if TYPE_CHECKING:
    from embeddings.protocol import Embedder

RECALL_AT = 5


@dataclass(frozen=True)
class MethodResult:
    name: str
    loss: Estimate
    mrr: Estimate
    recall: Estimate  # recall@RECALL_AT


@dataclass(frozen=True)
class Report:
    results: tuple[MethodResult, ...]
    people: int
    ratings: int
    queries: int
    params: AffinityParams
    families: tuple[FamilyResult, ...]
    choice: Choice


def ratings_parts(
    method: Method, corpus: Corpus, items: Sequence[Item], ratings: Sequence[Rating]
) -> dict[str, Part]:
    """Per-person loss parts of a method on the rating task, keyed by person id."""
    exclude = np.zeros((len(items), len(corpus.texts)), dtype=bool)
    scores = method.person_scores(corpus, [item.text for item in items], exclude)
    person_index = {person: p for p, person in enumerate(corpus.person_ids)}
    item_index = {item.item_id: i for i, item in enumerate(items)}
    lookup = {
        (r.person_id, r.item_id): float(scores[item_index[r.item_id], person_index[r.person_id]])
        for r in ratings
    }
    return loss_parts(ratings, lookup)


def leave_one_out_ranks(method: Method, corpus: Corpus) -> list[float]:
    """Rank of each document's owner when the document is the query, hidden from all profiles."""
    ids = np.array(corpus.document_ids)
    exclude = ids[:, None] == ids[None, :]
    scores = method.person_scores(corpus, corpus.texts, exclude)
    return [rank_of(scores[q], int(corpus.owner[q])) for q in range(len(ids))]


def _per_person(corpus: Corpus, values: Sequence[float]) -> dict[str, Part]:
    sums = np.bincount(corpus.owner, weights=np.asarray(values), minlength=len(corpus.person_ids))
    counts = np.bincount(corpus.owner, minlength=len(corpus.person_ids))
    return {
        person: Part(float(s), float(c))
        for person, s, c in zip(corpus.person_ids, sums, counts, strict=True)
        if c
    }


def person_parts(
    method: Method, corpus: Corpus, items: Sequence[Item], ratings: Sequence[Rating]
) -> PersonParts:
    """A method's per-person parts on both tasks."""
    ranks = leave_one_out_ranks(method, corpus)
    return PersonParts(
        loss=ratings_parts(method, corpus, items, ratings),
        mrr=_per_person(corpus, [1.0 / r for r in ranks]),
        recall=_per_person(corpus, [float(r <= RECALL_AT) for r in ranks]),
    )


def evaluate(
    method: Method, corpus: Corpus, items: Sequence[Item], ratings: Sequence[Rating]
) -> MethodResult:
    parts = person_parts(method, corpus, items, ratings)
    return MethodResult(
        name=method.name,
        loss=interval(list(parts.loss.values())),
        mrr=interval(list(parts.mrr.values())),
        recall=interval(list(parts.recall.values())),
    )


def cross_validation(
    shared: CachedEmbedder,
    corpus: Corpus,
    items: Sequence[Item],
    ratings: Sequence[Rating],
    n_folds: int | None = None,
) -> tuple[tuple[FamilyResult, ...], Choice]:
    """Every family of the affinity cross-validated over people, and the default it picks."""
    folds = folds_of(sorted({r.person_id for r in ratings} | set(corpus.person_ids)), n_folds)
    results = []
    for family in families():
        methods = [ProjectMethod(shared, s.params, centred=s.centred) for s in family.settings]
        table = [person_parts(method, corpus, items, ratings) for method in methods]
        results.append(cross_validate(family, table, folds))
    people = [p for fold in folds for p in fold]
    return tuple(results), choose_default(results, people)


def run_benchmark(
    directory: Path,
    embedder: Embedder,
    params: AffinityParams | None = None,
    n_folds: int | None = None,
) -> Report:
    """Evaluate the project's method and both baselines on profiles/items/ratings in
    `directory`, and cross-validate every form of the affinity over people
    (n_folds None = one person a fold)."""
    profiles: list[Profile] = read_profiles(directory / "profiles.jsonl")
    items = read_items(directory / "items.jsonl")
    ratings = read_ratings(directory / "ratings.csv")
    chosen = params or AffinityParams()
    shared = CachedEmbedder(embedder)
    corpus = corpus_of(profiles)
    methods: list[Method] = [
        ProjectMethod(shared, chosen),
        TfidfMethod(),
        BestDocumentMethod(shared),
    ]
    results = tuple(evaluate(method, corpus, items, ratings) for method in methods)
    families_cv, choice = cross_validation(shared, corpus, items, ratings, n_folds)
    return Report(
        results, len(profiles), len(ratings), len(corpus.texts), chosen, families_cv, choice
    )


def _cell(estimate: Estimate) -> str:
    return f"{estimate.value:.3f} [{estimate.low:.3f}, {estimate.high:.3f}]"


def format_report(report: Report) -> str:
    """A plain-text table: loss (lower is better), MRR and recall@5 (higher is better)."""
    header = f"{'method':<24} {'loss':<22} {'MRR':<22} recall@{RECALL_AT}"
    lines = [
        f"expertise benchmark: {report.people} people, {report.ratings} ratings, "
        f"{report.queries} leave-one-out queries; 95% bootstrap intervals over people",
        header,
        "-" * len(header.expandtabs()) + "-" * 20,
    ]
    for result in report.results:
        cells = [_cell(result.loss), _cell(result.mrr), _cell(result.recall)]
        lines.append(f"{result.name:<24} {cells[0]:<22} {cells[1]:<22} {cells[2]}")
    p = report.params
    lines.append(
        f"project parameters: top_k={p.top_k}, lexical_weight={p.lexical_weight}, "
        f"recency_half_life_years={p.recency_half_life_years}, not centred (as the service)"
    )
    return "\n".join([*lines, "", *format_cross_validation(report)])


def format_cross_validation(report: Report) -> list[str]:
    """One row a form of the affinity: cross-validated beside in-sample loss and MRR."""
    header = (
        f"{'form of the affinity':<28} {'knobs':<6} {'loss, cross-validated':<23} "
        f"{'loss, in-sample':<23} {'MRR, cross-validated':<23} {'MRR, in-sample':<23} "
        "chosen on all people"
    )
    lines = [
        "cross-validation over people: for each held-out fold of people, each form's knobs are "
        "chosen on the other people by loss + (1 - MRR), then scored on the held-out people",
        header,
        "-" * len(header),
    ]
    for result in report.families:
        loss_cv, mrr_cv, _ = result.estimates(cross_validated=True)
        loss_in, mrr_in, _ = result.estimates(cross_validated=False)
        cells = [_cell(loss_cv), _cell(loss_in), _cell(mrr_cv), _cell(mrr_in)]
        lines.append(
            f"{result.family.name:<28} {len(result.family.knobs):<6} {cells[0]:<23} "
            f"{cells[1]:<23} {cells[2]:<23} {cells[3]:<23} {result.chosen.describe()}"
        )
    choice = report.choice
    lines.append(
        f"winner of cross-validation: {choice.winner.family.name}; chosen default: "
        f"{choice.chosen.family.name} ({choice.chosen.chosen.describe()}), its criterion minus "
        f"the winner's {_cell(choice.gap)} (fewer knobs preferred when the interval holds 0)"
    )
    return lines
