"""Embedding throughput and the cost of re-runs over unchanged data.

1. Encode: the same texts (demo outputs, else ../shared/corpus/papers.jsonl) through the
   pipeline (embeddings.pipeline.encode_texts with the service's SentenceTransformerEmbedder)
   and through bare SentenceTransformer.encode on the same model object with the same batch
   size, in alternating repetitions; median texts/s of each and their ratio (target >= 0.9).
2. embed_stale twice over the same Output nodes on a real Neo4j: the second run's time as a
   share of the first's (target <= 5%).
3. The demo import (matchmaker.services.importing) twice: the second, unchanged import's time
   as a share of the first's (target <= 5%).

Neo4j is a fresh local one in a temporary folder, or NEO4J_URI when set (it must be empty;
the bench empties it again afterwards).

    python -m bench.bench_embedding [--texts 500] [--repeats 3] [--graph-texts 200]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from bench.machine import describe
from embeddings.pipeline import encode_texts
from embeddings.sentence import SentenceTransformerEmbedder
from embeddings.texts import output_text
from graph_schema import model as m
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.neo4j_local import LocalNeo4j
from matchmaker.adapters.schema import migrate
from matchmaker.config import REPO_ROOT, Settings
from matchmaker.services.embedding import embed_stale

DEMO = REPO_ROOT / "data" / "demo"
PAPERS = REPO_ROOT.parent / "shared" / "corpus" / "papers.jsonl"
CREATE_OUTPUTS = (
    f"UNWIND $rows AS r CREATE (o:{m.OUTPUT} {{id: r.id}}) "
    "SET o.title = r.title, o.abstract = r.abstract"
)
NODES = "MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS count"
WIPE = "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS"


def load_records(limit: int) -> tuple[list[dict[str, str]], str]:
    """Up to `limit` output records (id, title, abstract) and where they came from."""
    demo = DEMO / "outputs.jsonl.gz"
    if demo.exists():
        with gzip.open(demo, "rt", encoding="utf-8") as lines:
            return _records(lines, limit), str(demo.relative_to(REPO_ROOT))
    if PAPERS.exists():
        with PAPERS.open(encoding="utf-8") as lines:
            return _records(lines, limit), "../shared/corpus/papers.jsonl"
    raise SystemExit(f"no texts: neither {demo} nor {PAPERS} exists")


def _records(lines: Any, limit: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for line in lines:
        if len(rows) == limit:
            break
        raw = json.loads(line)
        rows.append({k: str(raw.get(k) or "") for k in ("id", "title", "abstract")})
    return rows


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def _timed_cpu(work: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall seconds, CPU seconds of this process (less sensitive to other processes), result."""
    cpu = time.process_time()
    wall, result = _timed(work)
    return wall, time.process_time() - cpu, result


def bench_encode(
    embedder: SentenceTransformerEmbedder, texts: list[str], batch_size: int, repeats: int
) -> dict[str, Any]:
    """Alternate pipeline and bare encodes (order flipped each round); medians and ratios."""
    model = embedder.sentence_transformer
    methods: dict[str, Callable[[], Any]] = {
        "pipeline": lambda: encode_texts(embedder, texts, batch_size),
        "bare": lambda: model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        ),
    }
    encode_texts(embedder, texts[:batch_size], batch_size)  # warm-up
    wall: dict[str, list[float]] = {"pipeline": [], "bare": []}
    cpu: dict[str, list[float]] = {"pipeline": [], "bare": []}
    vectors: dict[str, Any] = {}
    for round_ in range(repeats):
        for name in ("pipeline", "bare") if round_ % 2 == 0 else ("bare", "pipeline"):
            seconds, cpu_seconds, vectors[name] = _timed_cpu(methods[name])
            wall[name].append(len(texts) / seconds)
            cpu[name].append(len(texts) / cpu_seconds)
            print(f"  {name}: {wall[name][-1]:.1f} texts/s", file=sys.stderr)
    return _encode_result(texts, batch_size, repeats, wall, cpu, vectors)


def _encode_result(
    texts: list[str],
    batch_size: int,
    repeats: int,
    wall: dict[str, list[float]],
    cpu: dict[str, list[float]],
    vectors: dict[str, Any],
) -> dict[str, Any]:
    median = statistics.median
    paired = [p / b for p, b in zip(wall["pipeline"], wall["bare"], strict=True)]
    return {
        "texts": len(texts),
        "batch_size": batch_size,
        "repeats": repeats,
        "pipeline_texts_per_s": wall["pipeline"],
        "bare_texts_per_s": wall["bare"],
        "pipeline_median": median(wall["pipeline"]),
        "bare_median": median(wall["bare"]),
        "ratio": median(wall["pipeline"]) / median(wall["bare"]),
        "paired_ratio_median": median(paired),
        "cpu_ratio": median(cpu["pipeline"]) / median(cpu["bare"]),
        "max_abs_difference": float(
            np.max(np.abs(vectors["pipeline"] - np.asarray(vectors["bare"])))
        ),
    }


@contextmanager
def scratch_graph(dimension: int) -> Iterator[Graph]:
    """An empty, migrated graph: NEO4J_URI when set, else a local Neo4j in a temporary folder."""
    if os.environ.get("NEO4J_URI"):
        settings = Settings.from_env()
        graph = Graph(open_driver(settings.neo4j.uri, settings.neo4j), settings.neo4j.database)
        with _migrated(graph, dimension):
            yield graph
        return
    with tempfile.TemporaryDirectory(prefix="bench-embedding-") as folder:
        settings = Settings.from_env({}).with_neo4j(data_dir=Path(folder) / "data", heap="1g")
        server = LocalNeo4j(settings.neo4j)
        server.start()
        graph = Graph(open_driver(server.uri, settings.neo4j), settings.neo4j.database)
        try:
            with _migrated(graph, dimension):
                yield graph
        finally:
            server.stop()


@contextmanager
def _migrated(graph: Graph, dimension: int) -> Iterator[None]:
    try:
        migrate(graph, dimension)
        if int(graph.read(NODES)[0]["count"]):
            raise SystemExit("the bench needs an empty database; NEO4J_URI holds data")
        yield
        wipe(graph)
    finally:
        graph.close()


def wipe(graph: Graph) -> None:
    with graph.session() as session:
        session.run(WIPE).consume()


def bench_rerun(
    graph: Graph, embedder: SentenceTransformerEmbedder, records: list[dict[str, str]]
) -> dict[str, Any]:
    """embed_stale over fresh Output nodes, then again over the unchanged ones."""
    graph.write(CREATE_OUTPUTS, rows=records)
    first_s, first = _timed(lambda: embed_stale(graph, embedder, batch_size=64))
    second_s, second = _timed(lambda: embed_stale(graph, embedder, batch_size=64))
    wipe(graph)
    return {
        "nodes": len(records),
        "first_s": first_s,
        "first_embedded": first.embedded,
        "second_s": second_s,
        "second_embedded": second.embedded,
        "ratio": second_s / first_s,
    }


def bench_import(graph: Graph) -> dict[str, Any] | None:
    """The demo files imported twice; None when the demo data or the importer is missing."""
    try:
        from matchmaker.adapters.import_store import GraphImportStore
        from matchmaker.importing.kinds import IMPORT_ORDER
        from matchmaker.services.importing import Source, import_files
    except ImportError:
        return None
    sources = [
        Source(kind, DEMO / f"{kind}.jsonl.gz")
        for kind in IMPORT_ORDER
        if (DEMO / f"{kind}.jsonl.gz").exists()
    ]
    if not sources:
        return None
    store = GraphImportStore(graph)
    first_s, first = _timed(lambda: import_files(store, sources))
    second_s, second = _timed(lambda: import_files(store, sources))
    if not (first.ok and second.ok):
        raise SystemExit(f"the demo import failed: {first.errors or second.errors}")
    wipe(graph)
    return {
        "rows": first.total("rows"),
        "first_s": first_s,
        "second_s": second_s,
        "second_unchanged": second.total("unchanged"),
        "ratio": second_s / first_s,
    }


def run(texts: int = 500, repeats: int = 3, graph_texts: int = 200) -> dict[str, Any]:
    """Run the three measurements; the result holds the figures and a markdown `table`."""
    load_at_start = os.getloadavg()
    settings = Settings.from_env()
    embedder = SentenceTransformerEmbedder(settings.model, settings.embed_batch_size)
    records, source = load_records(max(texts, graph_texts))
    encode = bench_encode(
        embedder, [output_text(r) for r in records[:texts]], settings.embed_batch_size, repeats
    )
    with scratch_graph(embedder.dimension) as graph:
        rerun = bench_rerun(graph, embedder, records[:graph_texts])
        imported = bench_import(graph)
    result: dict[str, Any] = {
        "machine": describe(),
        "load_average": (load_at_start, os.getloadavg()),
        "model": embedder.name,
        "source": source,
        "encode": encode,
        "embed_rerun": rerun,
        "import_rerun": imported,
    }
    result["table"] = format_result(result)
    return result


def format_result(result: dict[str, Any]) -> str:
    """The figures as a markdown table with the targets."""
    enc, rerun, imp = result["encode"], result["embed_rerun"], result["import_rerun"]
    rows = [
        "| measure | value | target |",
        "|---|---|---|",
        f"| pipeline encode, median texts/s | {enc['pipeline_median']:.1f} | |",
        f"| bare SentenceTransformer.encode, median texts/s | {enc['bare_median']:.1f} | |",
        f"| pipeline / bare (ratio of the medians) | {enc['ratio']:.3f} | >= 0.9 |",
        f"| pipeline / bare, median of paired rounds | {enc['paired_ratio_median']:.3f} | |",
        f"| pipeline / bare, texts per CPU-second | {enc['cpu_ratio']:.3f} | |",
        f"| second embed_stale / first ({rerun['nodes']} outputs) | "
        f"{rerun['second_s']:.3f} s / {rerun['first_s']:.1f} s = {rerun['ratio']:.2%} | <= 5% |",
    ]
    if imp is not None:
        rows.append(
            f"| second demo import / first ({imp['rows']} rows) | "
            f"{imp['second_s']:.2f} s / {imp['first_s']:.2f} s = {imp['ratio']:.1%} | <= 5% |"
        )
    return "\n".join(rows)


def format_report(result: dict[str, Any]) -> str:
    enc, rerun = result["encode"], result["embed_rerun"]
    start, end = (", ".join(f"{x:.1f}" for x in load) for load in result["load_average"])
    return "\n".join(
        [
            "# Embedding throughput and re-run cost",
            "",
            f"`{result.get('command', 'python -m bench.bench_embedding')}`",
            "",
            result["machine"],
            f"Load average (1, 5, 15 min) at the start: {start}; at the end: {end}.",
            "",
            f"Model {result['model']}; {enc['texts']} texts from {result['source']} "
            f"(title + abstract), batch size {enc['batch_size']}, {enc['repeats']} alternating "
            f"repetitions of each; largest difference between the two methods' vectors "
            f"{enc['max_abs_difference']:.1e}. Second embed_stale embedded "
            f"{rerun['second_embedded']} of {rerun['nodes']} nodes.",
            "",
            result["table"],
            "",
            "texts/s per repetition: pipeline "
            + ", ".join(f"{r:.1f}" for r in enc["pipeline_texts_per_s"])
            + "; bare "
            + ", ".join(f"{r:.1f}" for r in enc["bare_texts_per_s"])
            + ".",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=int, default=500, help="texts for the encode comparison")
    parser.add_argument("--repeats", type=int, default=3, help="repetitions of each method")
    parser.add_argument("--graph-texts", type=int, default=200, help="Output nodes in the graph")
    args = parser.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # schema notifications on a fresh graph
    result = run(args.texts, args.repeats, args.graph_texts)
    result["command"] = " ".join(["python -m bench.bench_embedding", *sys.argv[1:]])
    print(format_report(result))


if __name__ == "__main__":
    main()
