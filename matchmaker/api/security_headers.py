"""Security headers on every HTTP response the service sends, as a pure ASGI middleware.

The policy allows only this origin: the built web app and the GraphiQL page load their
scripts, styles and fonts from the service itself, and talk to nobody but /graphql. Styles
may be set inline (`'unsafe-inline'` for style-src only): React's `style` props and the
editors inside GraphiQL write style attributes; no script is ever inline. GraphQL answers are
personal (they depend on the bearer token), so no cache may keep them.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNCACHED_PATHS = ("/graphql",)


class SecurityHeaders:
    """Adds HEADERS to each response (keeping any the app set itself), and
    `Cache-Control: no-store` to answers under UNCACHED_PATHS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        uncached = str(scope.get("path", "")).startswith(UNCACHED_PATHS)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if uncached:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_with_headers)
