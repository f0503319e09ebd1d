"""The matching commands: affinity, bench expertise, search and suggest-team."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from matchmaker.adapters.match_index import MatchIndex
from matchmaker.bootstrap import Runtime, load_embedder, open_runtime
from matchmaker.cli.matching_output import render_page, render_team
from matchmaker.config import Settings
from matchmaker.errors import InvalidInput
from matchmaker.expertise_bench import (
    UnknownIdError,
    format_report,
    read_items,
    read_pairs,
    read_profiles,
    run_benchmark,
    score_pairs,
    write_scores,
)
from matchmaker.services.search import SearchFilters, search_members
from matchmaker.services.team_request import TeamRequest, asked
from matchmaker.services.teams import suggest_team


def register(commands: Any) -> None:
    affinity = commands.add_parser("affinity", help="score people against items (benchmark files)")
    affinity.add_argument("--profiles", type=Path, required=True, help="profiles.jsonl")
    affinity.add_argument("--items", type=Path, required=True, help="items.jsonl")
    affinity.add_argument("--pairs", type=Path, help="CSV person_id,item_id (default: all)")
    affinity.add_argument("--out", type=Path, required=True, help="scores CSV to write")
    affinity.set_defaults(handler=run_affinity)
    bench = commands.add_parser("bench", help="quality benchmarks")
    kinds = bench.add_subparsers(dest="bench", required=True, metavar="BENCHMARK")
    expertise = kinds.add_parser("expertise", help="the expertise benchmark on DIR")
    expertise.add_argument("directory", type=Path)
    expertise.set_defaults(handler=run_bench_expertise)
    _register_search(commands)
    _register_team(commands)


def _register_search(commands: Any) -> None:
    search = commands.add_parser("search", help="members whose expertise matches a text")
    search.add_argument("text")
    search.add_argument("--audience", default="staff", choices=["member", "staff", "partner"])
    search.add_argument("--sector", action="append", default=[])
    search.add_argument("--region", action="append", default=[])
    search.add_argument("--sig", action="append", default=[], help="SIG id or name")
    search.add_argument("--stage", action="append", default=[], help="career stage")
    search.add_argument("--min-hours", type=int, default=0)
    search.add_argument("--with-capacity", action="store_true")
    search.add_argument("--offset", type=int, default=0)
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(handler=run_search)


def _register_team(commands: Any) -> None:
    team = commands.add_parser("suggest-team", help="a team for an idea, call, remit or text")
    target = team.add_mutually_exclusive_group(required=True)
    target.add_argument("--idea")
    target.add_argument("--call")
    target.add_argument("--task-group")
    target.add_argument("--text")
    team.add_argument("--size", type=int, default=4)
    team.add_argument("--skill", action="append", default=[], help="a required skill")
    team.add_argument("--must", action="append", default=[], help="member id to lock in")
    team.add_argument("--exclude", action="append", default=[], help="member id to leave out")
    team.add_argument("--max-per-org", type=int)
    team.add_argument("--sector", action="append", default=[], help="SECTOR=N, e.g. nhs=1")
    team.add_argument(
        "--max-sector", action="append", default=[], help="SECTOR=N: at most N, e.g. industry=2"
    )
    team.add_argument(
        "--region", action="append", default=[], help="REGION=N: at least N, e.g. Scotland=1"
    )
    team.add_argument(
        "--discipline",
        action="append",
        default=[],
        help="DISCIPLINE=N: at least N, e.g. 'Clinical engineering=1'",
    )
    team.add_argument("--min-sigs", type=int, default=0)
    team.add_argument("--min-disciplines", type=int, default=0)
    team.add_argument("--min-early", type=int, default=0)
    team.add_argument("--min-regions", type=int, default=0)
    team.add_argument("--ignore-capacity", action="store_true")
    team.add_argument("--exact", action="store_true", help="CP-SAT instead of the heuristic")
    team.add_argument("--audience", default="member", choices=["member", "staff"])
    team.set_defaults(handler=run_suggest_team)


def run_affinity(args: argparse.Namespace) -> int:
    profiles = read_profiles(args.profiles)
    items = read_items(args.items)
    pairs = read_pairs(args.pairs) if args.pairs else None
    embedder = load_embedder(Settings.from_env())
    try:
        rows = score_pairs(profiles, items, pairs, embedder)
    except UnknownIdError as e:
        raise InvalidInput("pairs", str(e.args[0])) from e
    write_scores(args.out, rows)
    print(
        f"wrote {len(rows)} scores for {len(profiles)} people and {len(items)} items to {args.out}"
    )
    return 0


def run_bench_expertise(args: argparse.Namespace) -> int:
    report = run_benchmark(args.directory, load_embedder(Settings.from_env()))
    print(format_report(report))
    return 0


def run_search(args: argparse.Namespace) -> int:
    filters = SearchFilters(
        sectors=tuple(args.sector),
        sigs=tuple(args.sig),
        regions=tuple(args.region),
        career_stages=tuple(args.stage),
        min_hours=args.min_hours,
        with_capacity=args.with_capacity,
    )
    runtime = open_runtime(Settings.from_env())
    try:
        page = search_members(
            runtime.graph, runtime.query_embedder, args.text, args.audience, filters,
            offset=args.offset, limit=args.limit, index=loaded_index(runtime),
        )  # fmt: skip
    finally:
        runtime.close()
    print(render_page(page))
    return 0


def loaded_index(runtime: Runtime) -> MatchIndex | None:
    """The in-memory matching index, loaded once, so that a command answers with the same
    engine as the service (None when the settings turn the index off)."""
    index = runtime.match_index
    if index is not None:
        index.refresh()
    return index


def parse_sectors(values: Sequence[str]) -> dict[str, int]:
    """["nhs=1", "industry"] -> {"nhs": 1, "industry": 1}; raises InvalidInput."""
    return parse_counts(values, "--sector", "SECTOR")


def parse_counts(values: Sequence[str], flag: str, what: str) -> dict[str, int]:
    """["North West=2", "Scotland"] -> {"North West": 2, "Scotland": 1}; raises InvalidInput."""
    counts: dict[str, int] = {}
    for value in values:
        name, equals, count = value.rpartition("=")
        if not equals:
            name, count = value, ""
        try:
            counts[name.strip()] = int(count) if count else 1
        except ValueError as e:
            raise InvalidInput(flag, f"expected {what}=N, got {value!r}") from e
    return counts


def team_request(args: argparse.Namespace) -> TeamRequest:
    constraints = asked(
        size=args.size,
        must_include=frozenset(args.must),
        exclude=frozenset(args.exclude),
        max_per_org=args.max_per_org,
        required_sectors=parse_sectors(args.sector),
        max_per_sector=parse_counts(args.max_sector, "--max-sector", "SECTOR"),
        required_regions=parse_counts(args.region, "--region", "REGION"),
        required_disciplines=parse_counts(args.discipline, "--discipline", "DISCIPLINE"),
        min_distinct_sigs=args.min_sigs,
        min_distinct_disciplines=args.min_disciplines,
        min_early_career=args.min_early,
        min_regions=args.min_regions,
        require_capacity=not args.ignore_capacity,
    )
    return TeamRequest(
        idea_id=args.idea,
        call_id=args.call,
        task_group_id=args.task_group,
        text=args.text or "",
        skills=tuple(args.skill),
        constraints=constraints,
        solver="exact" if args.exact else "heuristic",
    )


def run_suggest_team(args: argparse.Namespace) -> int:
    request = team_request(args)
    runtime = open_runtime(Settings.from_env())
    try:
        result = suggest_team(
            runtime.graph, runtime.query_embedder, request, args.audience,
            index=loaded_index(runtime),
        )  # fmt: skip
    finally:
        runtime.close()
    print(render_team(result))
    return 0
