"""Embedding throughput and the cost of re-runs over unchanged data.

1. Encode: the same texts (demo outputs, else ../shared/corpus/papers.jsonl) through the
   pipeline (embeddings.pipeline.encode_texts with the service's SentenceTransformerEmbedder)
   and through bare SentenceTransformer.encode on the same model object with the same batch
   size, in short rounds whose order alternates (an even number, so each goes first equally
   often); median texts/s of each, and the median over rounds of the pipeline/bare ratio
   (target >= 0.9), which pairs runs made close in time, so load from other processes that
   comes and goes cancels out better than in the ratio of the two medians.
2. embed_stale twice over the same Output nodes on a real Neo4j: the second run's time as a
   share of the first's (target <= 5%).
3. The demo import (matchmaker.services.importing) twice: the second, unchanged import's time
   as a share of the first's (target <= 5%).

Neo4j is a fresh local one in a temporary folder, or NEO4J_URI when set (it must be empty;
the bench empties it again afterwards).

    python -m bench.bench_embedding [--texts 128] [--repeats 8] [--graph-texts 100]
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.embedding_encode import bench_encode, timed
from bench.machine import describe
from embeddings.sentence import SentenceTransformerEmbedder
from embeddings.texts import output_text
from graph_schema import model as m
from graph_schema.queries import maintenance
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
        if int(graph.read(maintenance.NODE_COUNT)[0]["count"]):
            raise SystemExit("the bench needs an empty database; NEO4J_URI holds data")
        yield
        wipe(graph)
    finally:
        graph.close()


def wipe(graph: Graph) -> None:
    with graph.session() as session:
        session.run(maintenance.WIPE).consume()


def bench_rerun(
    graph: Graph, embedder: SentenceTransformerEmbedder, records: list[dict[str, str]]
) -> dict[str, Any]:
    """embed_stale over fresh Output nodes, then again over the unchanged ones."""
    graph.write(CREATE_OUTPUTS, rows=records)
    first_s, first = timed(lambda: embed_stale(graph, embedder, batch_size=64))
    second_s, second = timed(lambda: embed_stale(graph, embedder, batch_size=64))
    wipe(graph)
    return {
        "nodes": len(records),
        "first_s": first_s,
        "first_embedded": first.embedded,
        "second_s": second_s,
        "second_embedded": second.embedded,
        "ratio": second_s / first_s,
    }


def bench_import(graph: Graph, rounds: int = 3) -> dict[str, Any] | None:
    """The demo files imported into an empty graph and then again, `rounds` times (the
    graph emptied between rounds); medians, and the median of each round's ratio. None when
    the demo data or the importer is missing."""
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
    firsts, seconds, unchanged, rows = [], [], 0, 0
    for _ in range(rounds):
        wipe(graph)
        first_s, first = timed(lambda: import_files(store, sources))
        second_s, second = timed(lambda: import_files(store, sources))
        if not (first.ok and second.ok):
            raise SystemExit(f"the demo import failed: {first.errors or second.errors}")
        firsts.append(first_s)
        seconds.append(second_s)
        unchanged, rows = second.total("unchanged"), first.total("rows")
    wipe(graph)
    return {
        "rows": rows,
        "rounds": rounds,
        "first_s": statistics.median(firsts),
        "second_s": statistics.median(seconds),
        "second_unchanged": unchanged,
        "ratio": statistics.median(b / a for a, b in zip(firsts, seconds, strict=True)),
    }


def run(texts: int = 128, repeats: int = 8, graph_texts: int = 100) -> dict[str, Any]:
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
        f"| pipeline / bare, median of the rounds' ratios | {enc['ratio']:.3f} | >= 0.9 |",
        f"| pipeline / bare, ratio of the medians | {enc['ratio_of_medians']:.3f} | |",
        f"| pipeline / bare, texts per CPU-second | {enc['cpu_ratio']:.3f} | |",
        f"| pipeline / bare, from measured overheads | {enc['overhead_ratio']:.4f} | >= 0.9 |",
        f"| second embed_stale / first ({rerun['nodes']} outputs) | "
        f"{rerun['second_s']:.3f} s / {rerun['first_s']:.1f} s = {rerun['ratio']:.2%} | <= 5% |",
    ]
    if imp is not None:
        rows.append(
            f"| second demo import / first ({imp['rows']} rows; medians of {imp['rounds']} "
            f"rounds, ratio: median of the rounds') | {imp['second_s']:.2f} s / "
            f"{imp['first_s']:.2f} s, {imp['ratio']:.1%} | <= 5% |"
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
            f"Overheads: per pass the pipeline spent "
            f"{enc['pipeline_outside_model_s'] * 1000:.1f} ms outside the model and made "
            f"{enc['model_calls_per_pass']:.0f} encode calls where bare encode makes one; one "
            f"call on a one-word text takes {enc['call_cost_s'] * 1000:.1f} ms (fastest of 15). "
            "The ratio from "
            "overheads is (time in the model - extra calls x that cost) / pipeline time; the "
            "wall-clock ratios carry the noise of whatever else the machine runs.",
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
    parser.add_argument("--texts", type=int, default=128, help="texts for the encode comparison")
    parser.add_argument("--repeats", type=int, default=8, help="repetitions of each method")
    parser.add_argument("--graph-texts", type=int, default=100, help="Output nodes in the graph")
    args = parser.parse_args()
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # schema notifications on a fresh graph
    result = run(args.texts, args.repeats, args.graph_texts)
    result["command"] = " ".join(["python -m bench.bench_embedding", *sys.argv[1:]])
    print(format_report(result))


if __name__ == "__main__":
    main()
