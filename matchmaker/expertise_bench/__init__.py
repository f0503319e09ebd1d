"""The expertise benchmark: does the project's affinity order people as experts would?"""

from matchmaker.expertise_bench.dataset import (
    Document,
    Item,
    Profile,
    Rating,
    ScoreRow,
    read_items,
    read_pairs,
    read_profiles,
    read_ratings,
    write_scores,
)
from matchmaker.expertise_bench.metrics import Estimate, interval, weighted_loss
from matchmaker.expertise_bench.report import MethodResult, Report, format_report, run_benchmark
from matchmaker.expertise_bench.scoring import UnknownIdError, score_pairs

__all__ = [
    "Document",
    "Estimate",
    "Item",
    "MethodResult",
    "Profile",
    "Rating",
    "Report",
    "ScoreRow",
    "UnknownIdError",
    "format_report",
    "interval",
    "read_items",
    "read_pairs",
    "read_profiles",
    "read_ratings",
    "run_benchmark",
    "score_pairs",
    "weighted_loss",
    "write_scores",
]
