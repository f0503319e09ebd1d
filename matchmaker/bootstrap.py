"""The composition root: opens the graph, loads the embedder, applies migrations, closes them.

Nothing here runs at import time; the app's lifespan and the CLI call `open_runtime`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from embeddings import Embedder
from embeddings.cache import CachingEmbedder
from embeddings.sentence import ModelLoadError, SentenceTransformerEmbedder, own_threads
from matchmaker.adapters.graph import Graph, open_driver
from matchmaker.adapters.loop_reads import LoopReader, open_loop_reader
from matchmaker.adapters.match_index import MatchIndex
from matchmaker.adapters.neo4j_local import LocalNeo4j, find_running
from matchmaker.adapters.schema import migrate
from matchmaker.auth.recent import RecentViewers
from matchmaker.config import Settings
from matchmaker.errors import ModelUnavailable
from matchmaker.services.embed_behind import EmbedBehind
from matchmaker.services.embedding import embed_nodes

log = logging.getLogger(__name__)

EmbedderFactory = Callable[[Settings], Embedder]


@dataclass
class GraphHandle:
    """The graph and, when the project started it, the local Neo4j process behind it."""

    graph: Graph
    server: LocalNeo4j | None
    uri: str

    def close(self) -> None:
        self.graph.close()
        if self.server is not None:
            self.server.stop()


@dataclass
class Runtime:
    settings: Settings
    graph: Graph
    embedder: Embedder
    handle: GraphHandle

    @cached_property
    def query_embedder(self) -> CachingEmbedder:
        """The embedder for request-time texts (searches, suggestions): see query_embedder_for.
        Bulk embedding uses `embedder`."""
        return query_embedder_for(self.embedder)

    @cached_property
    def write_embedder(self) -> Embedder:
        """The embedder for the few texts a request writes (an idea, a profile's statement):
        see write_embedder_for. Imports and `matchmaker embed` use `embedder`."""
        return write_embedder_for(self.embedder)

    @cached_property
    def embed_behind(self) -> EmbedBehind:
        """Embeds what a request wrote after it answered (services.embed_behind)."""
        return EmbedBehind(partial(embed_nodes, self.graph, self.write_embedder))

    @cached_property
    def match_index(self) -> MatchIndex | None:
        """The in-memory matching index (adapters.match_index), None when the settings turn
        it off; the app's lifespan starts it, so one-shot commands read the graph instead."""
        if self.settings.index_refresh_s <= 0:
            return None
        return MatchIndex(
            self.graph,
            self.embedder.dimension,
            self.settings.index_refresh_s,
            vocabulary=self.query_embedder.use_vocabulary,
        )

    @cached_property
    def recent_viewers(self) -> RecentViewers:
        """Viewers the API confirmed against the graph in the last seconds (auth.recent)."""
        return RecentViewers()

    def open_loop_reader(self) -> LoopReader:
        """A reader for coroutines of one event loop, on a driver of its own (loop_reads)."""
        return open_loop_reader(self.handle.uri, self.settings.neo4j, self.graph)

    def close(self) -> None:
        behind = self.__dict__.pop("embed_behind", None)
        if behind is not None:
            behind.close()
        index = self.__dict__.get("match_index")
        if index is not None:
            index.close()
        self.handle.close()


QUERY_THREADS = 1  # CPU threads for encoding request-time texts (see with_threads)


def query_embedder_for(embedder: Embedder) -> CachingEmbedder:
    """The same model behind a table of recent query vectors (embeddings.cache): on
    QUERY_THREADS threads while another encode of the process runs, on all of torch's when
    none does. Two threads for every encode cost the team suggestion about a fifth of its
    p50 on the 2-core reference machine (bench/results/team_latency.md), as concurrent
    encodes fought for the cores; one encoded alone is done sooner on both. The skill
    vocabulary is encoded off the request path, by `embedder` as given, so that a phrase's
    vector is the model's for it alone (the thread count can change the last bits)."""
    narrow = embedder
    if isinstance(embedder, SentenceTransformerEmbedder):
        narrow = embedder.with_threads(QUERY_THREADS, alone=own_threads())
    return CachingEmbedder(narrow, phrase_encoder=embedder)


def write_embedder_for(embedder: Embedder) -> Embedder:
    """The same model on QUERY_THREADS threads, for the one or two texts a mutation embeds
    before it answers. Under concurrent requests two torch threads wait on each other for a
    core at every layer: in the soak, where every core is busy, an idea's save took 1.6 s at
    the median on two threads. No cache: a text written is rarely written again."""
    if isinstance(embedder, SentenceTransformerEmbedder):
        return embedder.with_threads(QUERY_THREADS)
    return embedder


def load_embedder(settings: Settings) -> Embedder:
    """The configured sentence-transformers model; raises ModelUnavailable with the reason."""
    try:
        return SentenceTransformerEmbedder(settings.model, settings.embed_batch_size)
    except ModelLoadError as e:
        raise ModelUnavailable(f"MATCHMAKER_MODEL={settings.model!r}: {e}") from e


def open_graph(settings: Settings) -> GraphHandle:
    """Connect to NEO4J_URI, or to the local Neo4j (reusing a detached one, else starting one)."""
    neo = settings.neo4j
    if not neo.local:
        return GraphHandle(Graph(open_driver(neo.uri, neo), neo.database), None, neo.uri)
    running = find_running(neo)
    if running is not None:
        log.info("using the local Neo4j already running at %s", running.uri)
        return GraphHandle(Graph(open_driver(running.uri, neo), neo.database), None, running.uri)
    server = LocalNeo4j(neo)
    started = server.start()
    log.info("started the local Neo4j at %s (data in %s)", started.uri, neo.data_dir)
    graph = Graph(open_driver(started.uri, neo), neo.database)
    return GraphHandle(graph, server, started.uri)


def prepare_graph(
    settings: Settings,
    handle: GraphHandle,
    on_ready: Callable[[Runtime], None] | None,
    embedder_factory: EmbedderFactory = load_embedder,
) -> None:
    """Migrate the graph and run `on_ready` (the demo load) once, before the server's worker
    processes open it: workers migrating side by side would race on the same constraints."""
    embedder = embedder_factory(settings)
    migrate(handle.graph, embedder.dimension)
    if on_ready is not None:
        on_ready(Runtime(settings, handle.graph, embedder, handle))


def open_runtime(settings: Settings, embedder_factory: EmbedderFactory = load_embedder) -> Runtime:
    """Load the model first (it fails fastest), then open the graph and migrate it."""
    embedder = embedder_factory(settings)
    handle = open_graph(settings)
    try:
        migrate(handle.graph, embedder.dimension)
    except Exception:
        handle.close()
        raise
    return Runtime(settings, handle.graph, embedder, handle)
