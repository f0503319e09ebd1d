"""GraphiQL at GET /graphql, from the web app's build rather than from a CDN.

Strawberry's own GraphiQL page loads its scripts from public CDNs, which the service's
Content-Security-Policy forbids and which a deployment without internet access cannot reach.
The frontend build (`make frontend`) bundles GraphiQL from npm into
`frontend/dist/graphiql/index.html`; a browser that asks /graphql for HTML, with no `query`
in the URL (strawberry's rule for showing its IDE), gets that page.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

PAGE = Path("graphiql") / "index.html"
NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>GraphiQL</title></head><body><main><h1>GraphiQL is not built</h1>
<p>GraphiQL comes with the web app: run <code>make frontend</code>. Meanwhile, POST GraphQL
to this URL as JSON; the schema is in <code>schema.graphql</code>.</p></main></body></html>"""


def wants_graphiql(scope: Scope) -> bool:
    """A browser's GET (it accepts HTML) that carries no GraphQL query."""
    if scope["method"] != "GET":
        return False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    accept = Headers(scope=scope).get("accept", "")
    return "query" not in query and ("text/html" in accept or "*/*" in accept)


def graphiql_page(frontend_dir: Path) -> Response:
    """The built GraphiQL page, or a page that says how to build it."""
    page = frontend_dir / PAGE
    if not page.is_file():
        return HTMLResponse(NOT_BUILT)
    return FileResponse(page, media_type="text/html")


class GraphiQLPage:
    """Answers a browser's visit to /graphql with the bundled GraphiQL; passes the rest on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and wants_graphiql(scope):
            frontend_dir: Path = scope["app"].state.runtime.settings.frontend_dir
            await graphiql_page(frontend_dir)(scope, receive, send)
            return
        await self.app(scope, receive, send)
