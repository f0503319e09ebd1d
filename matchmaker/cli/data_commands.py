"""`matchmaker import|export|load-demo|demo-data`: records in and out of the graph as files."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph_schema.migrations import LATEST_VERSION
from matchmaker.adapters.export_store import GraphExportSource
from matchmaker.adapters.graph import Graph
from matchmaker.adapters.import_store import GraphImportStore
from matchmaker.adapters.schema import migrate, schema_version
from matchmaker.bootstrap import load_embedder, open_graph
from matchmaker.config import Settings
from matchmaker.demo.dataset import DEMO_DIR
from matchmaker.importing.kinds import KINDS
from matchmaker.importing.lines import Format
from matchmaker.services.demo import load_demo, write_synthetic
from matchmaker.services.exporting import export_kind
from matchmaker.services.importing import ImportReport, Source, import_files

FORMATS = {f.value: f for f in Format}


def register(commands: Any) -> None:
    imp = commands.add_parser("import", help="import a CSV or JSON Lines file, all or nothing")
    imp.add_argument("kind", choices=list(KINDS))
    imp.add_argument("file", type=Path, help="name ends in .csv, .jsonl, .csv.gz or .jsonl.gz")
    imp.add_argument("--quiet", action="store_true", help="no progress bars")
    imp.set_defaults(handler=run_import)
    exp = commands.add_parser("export", help="write one kind of record in an import format")
    exp.add_argument("kind", choices=list(KINDS))
    exp.add_argument("--format", choices=list(FORMATS), help="default: from --out, else jsonl")
    exp.add_argument("--out", type=Path, help="file to write (.gz compresses); default stdout")
    exp.set_defaults(handler=run_export)
    load = commands.add_parser("load-demo", help="import a folder with one file a kind")
    load.add_argument("--dir", type=Path, help="default: the committed data/demo")
    load.add_argument("--quiet", action="store_true", help="no progress bars")
    load.set_defaults(handler=run_load_demo)
    gen = commands.add_parser("demo-data", help="write a synthetic dataset as import files")
    gen.add_argument("--members", type=int, required=True)
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument("--out", type=Path, help="default: var/demo-<members>-<seed>")
    gen.add_argument("--format", choices=list(FORMATS), default="jsonl")
    gen.set_defaults(handler=run_demo_data)


@contextmanager
def _graph() -> Iterator[Graph]:
    """The configured graph, migrated first when its schema is behind."""
    # An empty graph makes Neo4j warn about every relationship type a query names.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    settings = Settings.from_env()
    handle = open_graph(settings)
    try:
        if schema_version(handle.graph) < LATEST_VERSION:
            migrate(handle.graph, load_embedder(settings).dimension)
        yield handle.graph
    finally:
        handle.close()


def run_import(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with _graph() as graph:
        store = GraphImportStore(graph)
        report = import_files(store, [Source(args.kind, args.file)], progress=_bars(args))
    return _print_report(report, time.perf_counter() - started)


def run_export(args: argparse.Namespace) -> int:
    fmt = FORMATS[args.format] if args.format else None
    with _graph() as graph:
        count = export_kind(GraphExportSource(graph), args.kind, args.out, fmt)
    print(f"exported {count} {args.kind}", file=sys.stderr)
    return 0


def run_load_demo(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with _graph() as graph:
        store = GraphImportStore(graph)
        report = load_demo(store, args.dir or DEMO_DIR, _bars(args), one_transaction=False)
    code = _print_report(report, time.perf_counter() - started)
    print("run `matchmaker embed` to embed the new texts", file=sys.stderr)
    return code


def run_demo_data(args: argparse.Namespace) -> int:
    out = args.out or Path("var") / f"demo-{args.members}-{args.seed}"
    written = write_synthetic(args.members, args.seed, out, FORMATS[args.format])
    for kind, count in written.items():
        print(f"{kind:<14}{count:>9}")
    print(f"written to {out}; import with: matchmaker load-demo --dir {out}")
    return 0


def _bars(args: argparse.Namespace) -> bool:
    return not args.quiet and sys.stderr.isatty()


def _print_report(report: ImportReport, seconds: float) -> int:
    if not report.ok:
        print("nothing imported; the input has problems:", file=sys.stderr)
        for message in report.errors:
            print(f"  {message}", file=sys.stderr)
        return 1
    for f in report.files:
        counts = f"{f.created} created, {f.updated} updated, {f.unchanged} unchanged"
        print(f"{f.source}: {f.rows} rows: {counts}; {f.seconds:.1f} s, {_rate(f.rows, f.seconds)}")
    rows = report.total("rows")
    print(f"checked in {report.check_seconds:.1f} s; {rows} rows in {seconds:.1f} s "
          f"in all ({_rate(rows, seconds)})")  # fmt: skip
    return 0


def _rate(rows: int, seconds: float) -> str:
    return f"{rows / max(seconds, 1e-6):,.0f} rows/s"
