"""The starlette application: /graphql, /healthz, /stats and the frontend as static files."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from threadpoolctl import threadpool_limits

from matchmaker.adapters.loop_reads import LoopReader
from matchmaker.adapters.schema import schema_version
from matchmaker.adapters.stats import read_node_counts, read_stats
from matchmaker.api.executor import ExecutionLoop, RequestTimedOut
from matchmaker.api.oidc import auth_routes
from matchmaker.api.security_headers import SecurityHeaders
from matchmaker.api.server import graphql_app
from matchmaker.bootstrap import Runtime, open_runtime
from matchmaker.config import Settings
from matchmaker.errors import Neo4jUnavailable
from matchmaker.services.notice_sender import NoticeSender, start_sender

log = logging.getLogger(__name__)
READER_CLOSE_S = 3.0

RuntimeFactory = Callable[[Settings], Runtime]

PLACEHOLDER = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>IPEM matchmaker</title></head><body><main><h1>IPEM matchmaker</h1>
<p>The web app has not been built yet: run <code>make frontend</code>.
The API is at <a href="/graphql">/graphql</a>.</p></main></body></html>"""


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _health(runtime: Runtime) -> dict[str, object]:
    version = schema_version(runtime.graph)
    nodes = read_node_counts(runtime.graph)
    return {"status": "ok", "neo4j": "up", "schema_version": version, "nodes": nodes}


async def healthz(request: Request) -> Response:
    """200 with the schema version and counts by label; 503 when Neo4j does not answer."""
    try:
        body = await run_in_threadpool(_health, _runtime(request))
    except Neo4jUnavailable as e:
        return JSONResponse({"status": "unavailable", "neo4j": "down", "error": str(e)}, 503)
    return JSONResponse(body)


async def stats(request: Request) -> Response:
    try:
        graph_stats = await run_in_threadpool(read_stats, _runtime(request).graph)
    except Neo4jUnavailable as e:
        return JSONResponse({"error": str(e)}, 503)
    return JSONResponse(asdict(graph_stats))


async def placeholder(_: Request) -> Response:
    return HTMLResponse(PLACEHOLDER)


def _routes(settings: Settings) -> list[BaseRoute]:
    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/stats", stats),
        Route("/graphql", graphql_app(), methods=["GET", "POST"]),
        *auth_routes(settings),
    ]
    if (settings.frontend_dir / "index.html").exists():
        routes.append(Mount("/", StaticFiles(directory=settings.frontend_dir, html=True)))
    else:
        routes.append(Route("/", placeholder))
    return routes


def app_from_env() -> Starlette:
    """The app with settings from the environment: the factory each worker process calls."""
    return create_app(Settings.from_env(), settle=True)


# A young collection walks every young object still alive, and with 64 requests in flight
# most of them are those requests' own state: collecting after 100,000 net allocations
# instead of 700 walks it far less often (30 s runs of the soak's mix, heap frozen: 186
# requests/s at 700, 206 at 20,000, 222 at 100,000). Cyclic garbage waits a little longer,
# tens of MB at most.
GC_THRESHOLDS = (100_000, 20, 20)


def settle_heap() -> None:
    """Leave what start-up built (the model, its libraries, the schema, the index) out of
    every later garbage collection, and collect the young generation less often.

    A worker holds about 600,000 long-lived objects, and a full collection walks them all:
    under the soak's load each worker ran one every few seconds, up to 1.2 s each with
    every request in the process waiting, 13 s of the minute in all. Frozen objects are
    never walked again; what requests allocate is still collected."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


async def close_reader(executor: ExecutionLoop, reader: LoopReader) -> None:
    """Close the reader on the loop it reads on; a reader that cannot close in time (the
    database gone) is left to the process's end."""
    try:
        await executor.run(reader.close(), READER_CLOSE_S)
    except (RequestTimedOut, Neo4jUnavailable, OSError) as e:
        log.warning("the execution loop's reader did not close cleanly: %s", e)


def create_app(
    settings: Settings,
    runtime_factory: RuntimeFactory = open_runtime,
    on_ready: Callable[[Runtime], None] | None = None,
    settle: bool = False,
) -> Starlette:
    """Build the app; the lifespan opens the runtime once and closes it on shutdown. `settle`:
    the app owns its process (`matchmaker serve`), so settle_heap once it has started."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The request path's numpy work is small (hundreds of rows): a second BLAS thread
        # only spins against Neo4j and the other requests for a core (16 ms of a search's
        # cosines against well under 1 ms on one thread, on the 2-core machine).
        threadpool_limits(1, user_api="blas")
        runtime = await run_in_threadpool(runtime_factory, settings)
        app.state.runtime = runtime
        app.state.executor = ExecutionLoop(
            concurrency=runtime.settings.concurrent_operations or None
        )
        app.state.reader = runtime.open_loop_reader()  # used only on the execution loop
        sender: NoticeSender | None = None
        try:
            if on_ready is not None:
                await run_in_threadpool(on_ready, runtime)
            if runtime.match_index is not None:
                # Built before the first request, so that no answer comes from the graph's
                # own indexes first and from the in-memory one later.
                await run_in_threadpool(runtime.match_index.refresh)
                runtime.match_index.start()
            sender = start_sender(runtime.graph, runtime.settings.smtp, runtime.settings.public_url)
            if settle:
                settle_heap()
            yield
        finally:
            if sender is not None:
                await sender.close()
            await close_reader(app.state.executor, app.state.reader)
            await run_in_threadpool(app.state.executor.close)
            await run_in_threadpool(runtime.close)

    security = [Middleware(SecurityHeaders)]
    return Starlette(routes=_routes(settings), lifespan=lifespan, middleware=security)
