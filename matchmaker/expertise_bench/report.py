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


def ratings_parts(
    method: Method, corpus: Corpus, items: Sequence[Item], ratings: Sequence[Rating]
) -> list[Part]:
    """Per-person loss parts of a method on the rating task."""
    exclude = np.zeros((len(items), len(corpus.texts)), dtype=bool)
    scores = method.person_scores(corpus, [item.text for item in items], exclude)
    person_index = {person: p for p, person in enumerate(corpus.person_ids)}
    item_index = {item.item_id: i for i, item in enumerate(items)}
    lookup = {
        (r.person_id, r.item_id): float(scores[item_index[r.item_id], person_index[r.person_id]])
        for r in ratings
    }
    return list(loss_parts(ratings, lookup).values())


def leave_one_out_ranks(method: Method, corpus: Corpus) -> list[float]:
    """Rank of each document's owner when the document is the query, hidden from all profiles."""
    ids = np.array(corpus.document_ids)
    exclude = ids[:, None] == ids[None, :]
    scores = method.person_scores(corpus, corpus.texts, exclude)
    return [rank_of(scores[q], int(corpus.owner[q])) for q in range(len(ids))]


def _per_person(corpus: Corpus, values: Sequence[float]) -> list[Part]:
    sums = np.bincount(corpus.owner, weights=np.asarray(values), minlength=len(corpus.person_ids))
    counts = np.bincount(corpus.owner, minlength=len(corpus.person_ids))
    return [Part(float(s), float(c)) for s, c in zip(sums, counts, strict=True) if c]


def evaluate(
    method: Method, corpus: Corpus, items: Sequence[Item], ratings: Sequence[Rating]
) -> MethodResult:
    ranks = leave_one_out_ranks(method, corpus)
    return MethodResult(
        name=method.name,
        loss=interval(ratings_parts(method, corpus, items, ratings)),
        mrr=interval(_per_person(corpus, [1.0 / r for r in ranks])),
        recall=interval(_per_person(corpus, [float(r <= RECALL_AT) for r in ranks])),
    )


def run_benchmark(
    directory: Path, embedder: Embedder, params: AffinityParams | None = None
) -> Report:
    """Evaluate the project's method and both baselines on profiles/items/ratings in `directory`."""
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
    return Report(results, len(profiles), len(ratings), len(corpus.texts), chosen)


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
        f"recency_half_life_years={p.recency_half_life_years}, centred on the profile mean"
    )
    return "\n".join(lines)
