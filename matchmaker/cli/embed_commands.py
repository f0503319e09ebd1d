"""`matchmaker embed [--all]`: vectors for every node whose text is new or changed."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from matchmaker.bootstrap import open_runtime
from matchmaker.config import Settings
from matchmaker.services.embedding import EmbedReport, embed_stale


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "embed", help="embed the nodes whose vector is missing or stale (text or model changed)"
    )
    parser.add_argument("--all", action="store_true", help="re-embed every node, stale or not")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.set_defaults(handler=run_embed)


def run_embed(args: argparse.Namespace) -> int:
    runtime = open_runtime(Settings.from_env())
    try:
        report = embed_stale(
            runtime.graph,
            runtime.embedder,
            progress=not args.quiet and sys.stderr.isatty(),
            batch_size=runtime.settings.embed_batch_size,
            force=args.all,
        )
    finally:
        runtime.close()
    print(format_report(report))
    return 0


def format_report(report: EmbedReport) -> str:
    """A plain-text table: one row a label, then the totals."""
    lines = [f"{'label':<10}{'checked':>9}{'embedded':>10}{'unchanged':>11}{'cleared':>9}"]
    lines += [
        f"{r.label:<10}{r.checked:>9}{r.embedded:>10}{r.unchanged:>11}{r.cleared:>9}"
        for r in report.labels
    ]
    lines.append(
        f"{report.embedded} of {report.checked} nodes embedded with {report.model} "
        f"in {report.seconds:.1f} s"
    )
    return "\n".join(lines)
