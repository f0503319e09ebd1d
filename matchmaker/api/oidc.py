"""Sign-in through an OpenID Connect provider: /auth/login, /auth/callback, /auth/logout and
/auth/session (who the browser is signed in as, and which sign-ins this server offers).

The flow is the authorization code with PKCE (matchmaker.adapters.oidc_provider); the sign-in
in progress rides in a sealed, short-lived cookie (matchmaker.auth.login_state); a completed
sign-in becomes this server's own token in an HttpOnly session cookie (matchmaker.auth.cookies).
A session ends when its token expires (the app then sends the browser through /auth/login
again, which the provider answers without a password while its own session lasts) or at
/auth/logout, which also ends the provider's session when it has an end-session endpoint.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from matchmaker.adapters.oidc_provider import OidcProvider, ProviderError
from matchmaker.auth import cookies
from matchmaker.auth.login_state import LoginStateRejected, new_login_state, seal, unseal
from matchmaker.auth.role_mapping import RoleMapping, load_mapping
from matchmaker.auth.roles import Viewer
from matchmaker.auth.tokens import TokenRejected, read_token
from matchmaker.bootstrap import Runtime
from matchmaker.config import Settings
from matchmaker.errors import Neo4jUnavailable
from matchmaker.services import auth
from matchmaker.services.oidc_sign_in import AccountNotLinked, sign_in_account

log = logging.getLogger(__name__)
NO_STORE = {"Cache-Control": "no-store"}


@dataclass
class ProviderSignIn:
    """The configured provider and role mapping, made once when the app is built (a bad
    mapping file stops the start with ConfigError)."""

    settings: Settings
    provider: OidcProvider
    mapping: RoleMapping

    @classmethod
    def from_settings(cls, settings: Settings) -> ProviderSignIn | None:
        if not settings.oidc.enabled:
            return None
        mapping = load_mapping(settings.oidc.roles_file)
        return cls(settings, OidcProvider(settings.oidc), mapping)

    @property
    def secure(self) -> bool:
        return self.settings.oidc.secure_cookies


def auth_routes(settings: Settings) -> list[BaseRoute]:
    """The /auth routes; without a provider, /auth/session still says so and the rest answer
    404 with the reason."""
    signin = ProviderSignIn.from_settings(settings)

    async def login(request: Request) -> Response:
        return await _login(signin, request) if signin else _not_configured()

    async def callback(request: Request) -> Response:
        return await _callback(signin, request) if signin else _not_configured()

    async def logout(request: Request) -> Response:
        return await _logout(signin, request)

    async def session(request: Request) -> Response:
        return await _session(signin, request)

    return [
        Route("/auth/login", login, methods=["GET"]),
        Route("/auth/callback", callback, methods=["GET"]),
        Route("/auth/logout", logout, methods=["POST"]),
        Route("/auth/session", session, methods=["GET"]),
    ]


async def _login(signin: ProviderSignIn, request: Request) -> Response:
    started = new_login_state(request.query_params.get("next"))
    try:
        url = await signin.provider.authorization_url(started)
    except ProviderError as e:
        log.warning("OpenID Connect provider unavailable: %s", e)
        return _page(502, "The sign-in service is not answering", _PROVIDER_DOWN)
    response = RedirectResponse(url, status_code=302, headers=NO_STORE)
    sealed = seal(started, signin.settings.jwt_secret)
    response.set_cookie(value=sealed, **cookies.LOGIN.attributes(600, signin.secure))  # type: ignore[arg-type]
    return response


async def _callback(signin: ProviderSignIn, request: Request) -> Response:
    params = request.query_params
    if "error" in params:
        reason = params.get("error_description") or params["error"]
        return _ended(
            signin, _page(400, "Sign-in was not completed", f"The provider said: {reason}.")
        )
    try:
        started = unseal(
            request.cookies.get(cookies.LOGIN_COOKIE),
            params.get("state"),
            signin.settings.jwt_secret,
        )
        proven = await signin.provider.complete(params.get("code", ""), started)
        runtime = _runtime(request)
        session = await run_in_threadpool(
            sign_in_account, runtime.graph, runtime.settings, signin.mapping, proven.claims
        )
    except LoginStateRejected as e:
        return _ended(signin, _page(400, "Sign-in was not completed", str(e)))
    except ProviderError as e:
        log.warning("OpenID Connect sign-in failed: %s", e)
        return _ended(signin, _page(502, "Sign-in was not completed", f"{_PROVIDER_FAILED} ({e})"))
    except AccountNotLinked as e:
        out = await signin.provider.end_session_url(proven.id_token, _site_root(signin))
        other = [(out, "Sign out of the provider, to sign in with another account")] if out else []
        return _ended(signin, _page(403, "No access to the matchmaker", str(e), other))
    response = RedirectResponse(started.next_path, status_code=303, headers=NO_STORE)
    attrs = cookies.SESSION.attributes(session.expires_in_s, signin.secure)
    response.set_cookie(value=session.token, **attrs)  # type: ignore[arg-type]
    _set_id_hint(response, signin, proven.id_token)
    return _ended(signin, response)


def _set_id_hint(response: Response, signin: ProviderSignIn, id_token: str) -> None:
    attrs = cookies.ID_HINT.attributes(signin.settings.token_ttl_s, signin.secure)
    response.set_cookie(value=id_token, **attrs)  # type: ignore[arg-type]


def _ended(signin: ProviderSignIn, response: Response) -> Response:
    """The response, with the sign-in-in-progress cookie removed."""
    _clear(response, cookies.LOGIN, signin.secure)
    return response


def _clear(response: Response, spec: cookies.CookieSpec, secure: bool) -> None:
    response.delete_cookie(spec.name, path=spec.path, secure=secure, httponly=True, samesite="lax")


async def _logout(signin: ProviderSignIn | None, request: Request) -> Response:
    """Ends the session here, and says where to send the browser to end the provider's."""
    if not cookies.sent_by_the_app(request.headers):
        message = f"Sign out from the app: the request needs {cookies.CSRF_HEADER}."
        return JSONResponse({"error": message}, status_code=403, headers=NO_STORE)
    redirect: str | None = None
    if signin is not None:
        hint = request.cookies.get(cookies.ID_HINT_COOKIE, "")
        redirect = await signin.provider.end_session_url(hint, _site_root(signin))
    response = JSONResponse({"redirect": redirect or "/"}, headers=NO_STORE)
    secure = signin.secure if signin else False
    for spec in (cookies.SESSION, cookies.ID_HINT, cookies.LOGIN):
        _clear(response, spec, secure)
    return response


def _site_root(signin: ProviderSignIn) -> str:
    parts = urlsplit(signin.settings.oidc.redirect_url)
    return f"{parts.scheme}://{parts.netloc}/"


async def _session(signin: ProviderSignIn | None, request: Request) -> Response:
    """Who the session cookie signs in (no CSRF header needed to read it: only this site's
    pages can read the answer), and the sign-ins on offer."""
    runtime = _runtime(request)
    body: dict[str, object] = {
        "viewer": None,
        "expiresAt": None,
        "demoSignIn": runtime.settings.demo_sign_in,
        "provider": None,
        "csrfHeader": {"name": cookies.CSRF_HEADER, "value": cookies.CSRF_VALUE},
    }
    if signin is not None:
        name = signin.settings.oidc.display_name
        body["provider"] = {"name": name, "loginUrl": "/auth/login"}
    token = request.cookies.get(cookies.SESSION_COOKIE)
    ended = False
    if token:
        try:
            viewer = await _viewer(runtime, token)
            body["viewer"] = _viewer_json(viewer)
            body["expiresAt"] = read_token(token, runtime.settings.jwt_secret).expires_at
        except TokenRejected as e:
            body["ended"], ended = str(e), True
        except Neo4jUnavailable:
            return JSONResponse({"error": "The database is not reachable just now."}, 503)
    response = JSONResponse(body, headers=NO_STORE)
    if ended:
        _clear(response, cookies.SESSION, signin.secure if signin else False)
    return response


async def _viewer(runtime: Runtime, token: str) -> Viewer:
    recent = runtime.recent_viewers
    viewer = auth.known_viewer(runtime.settings, token, recent)
    if viewer is not None:
        return viewer
    return await run_in_threadpool(
        auth.authenticate, runtime.graph, runtime.settings, token, recent
    )


def _viewer_json(viewer: Viewer) -> dict[str, object]:
    return {"id": viewer.id, "role": viewer.role.value.upper(), "name": viewer.name}


def _runtime(request: Request) -> Runtime:
    runtime: Runtime = request.app.state.runtime
    return runtime


def _not_configured() -> Response:
    return _page(404, "No sign-in provider", "Sign-in through a provider is not set up here.")


_PROVIDER_DOWN = "The organisation's sign-in service could not be reached. Try again shortly."
_PROVIDER_FAILED = "The organisation's sign-in service did not confirm who you are."


def _page(
    status: int, title: str, message: str, links: list[tuple[str, str]] | None = None
) -> HTMLResponse:
    """A plain page for a sign-in that did not complete: what happened, and the ways on."""
    extra = "".join(
        f'<p><a href="{html.escape(url)}">{html.escape(text)}</a></p>' for url, text in links or []
    )
    body = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · IPEM matchmaker</title></head>
<body><main><h1>{html.escape(title)}</h1><p role="alert">{html.escape(message)}</p>
<p><a href="/">Back to the matchmaker's sign-in page</a></p>{extra}</main></body></html>"""
    return HTMLResponse(body, status_code=status, headers=NO_STORE)
