"""The OpenID Connect provider, through Authlib: discovery, the authorization code flow with
PKCE, the ID token checked against the provider's keys, and RP-initiated logout.

The provider's metadata is read from its discovery document and kept for METADATA_TTL_S; its
signing keys (JWKS) likewise, and read again at once when a token names a key not among them
(the provider rotated its keys).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.urls import add_params_to_uri
from authlib.integrations.base_client import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client
from authlib.oauth2.rfc6749.errors import OAuth2Error
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from matchmaker.auth.login_state import LoginState
from matchmaker.config import OidcSettings
from matchmaker.errors import MatchmakerError

METADATA_TTL_S = 3600.0
LEEWAY_S = 60  # clock difference allowed between this server and the provider
TIMEOUT_S = 10.0


class ProviderError(MatchmakerError):
    """The provider could not be reached, refused the code, or sent a token that fails a check."""


@dataclass(frozen=True)
class ProviderSignIn:
    """What a completed code exchange proved: the verified ID token's claims (with userinfo's
    added when the provider has that endpoint) and the raw ID token for sign-out."""

    claims: Mapping[str, object]
    id_token: str


class OidcProvider:
    def __init__(self, settings: OidcSettings, transport: httpx.AsyncBaseTransport | None = None):
        self._settings = settings
        self._transport = transport
        self._metadata: dict[str, Any] = {}
        self._metadata_at = 0.0
        self._keys: dict[str, Any] | None = None

    def _client(self) -> AsyncOAuth2Client:
        s = self._settings
        return AsyncOAuth2Client(
            client_id=s.client_id,
            client_secret=s.client_secret,
            scope=" ".join(s.scopes),
            redirect_uri=s.redirect_url,
            code_challenge_method="S256",
            timeout=TIMEOUT_S,
            transport=self._transport,
        )

    async def metadata(self) -> Mapping[str, Any]:
        """The discovery document; raises ProviderError when it cannot be read or names
        another issuer than the one configured."""
        if self._metadata and time.monotonic() - self._metadata_at < METADATA_TTL_S:
            return self._metadata
        found = await self._get_json(self._settings.metadata_url)
        if found.get("issuer") != self._settings.issuer:
            raise ProviderError(
                f"the provider's discovery document names the issuer {found.get('issuer')!r}, "
                f"not MATCHMAKER_OIDC_ISSUER={self._settings.issuer!r}"
            )
        self._metadata, self._metadata_at, self._keys = found, time.monotonic(), None
        return found

    async def authorization_url(self, login: LoginState) -> str:
        """Where to send the browser: the provider's sign-in, with state, nonce and the PKCE
        challenge for `login`'s verifier."""
        endpoint = str((await self.metadata())["authorization_endpoint"])
        async with self._client() as client:
            url, _ = client.create_authorization_url(
                endpoint, state=login.state, code_verifier=login.verifier, nonce=login.nonce
            )
        return str(url)

    async def complete(self, code: str, login: LoginState) -> ProviderSignIn:
        """Exchange the code (with the PKCE verifier) and verify the ID token: signature by the
        provider's keys, issuer, audience, expiry and the nonce. Raises ProviderError."""
        meta = await self.metadata()
        try:
            async with self._client() as client:
                token = await client.fetch_token(
                    str(meta["token_endpoint"]),
                    code=code,
                    code_verifier=login.verifier,
                    redirect_uri=self._settings.redirect_url,
                )
        except (OAuthError, OAuth2Error, httpx.HTTPError) as e:
            raise ProviderError(f"the provider did not accept the sign-in code: {e}") from e
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise ProviderError("the provider answered without an ID token (is `openid` a scope?)")
        claims = await self.verify_id_token(
            id_token, login.nonce, str(token.get("access_token", ""))
        )
        extra = await self._userinfo(meta, str(token.get("access_token", "")), claims)
        return ProviderSignIn({**extra, **claims}, id_token)

    async def verify_id_token(
        self, id_token: str, nonce: str, access_token: str = ""
    ) -> dict[str, object]:
        """The claims of an ID token that passes every check; raises ProviderError."""
        meta = await self.metadata()
        algorithms = list(meta.get("id_token_signing_alg_values_supported") or ["RS256"])
        try:
            try:
                decoded = jwt.decode(id_token, await self._key_set(), registry=_jws(algorithms))
            except InvalidKeyIdError:
                decoded = jwt.decode(
                    id_token, await self._key_set(fresh=True), registry=_jws(algorithms)
                )
            claims = CodeIDToken(
                decoded.claims,
                decoded.header,
                {
                    "iss": {"essential": True, "value": self._settings.issuer},
                    "aud": {"essential": True, "value": self._settings.client_id},
                    "sub": {"essential": True},
                    "exp": {"essential": True},
                },
                {
                    "nonce": nonce,
                    "client_id": self._settings.client_id,
                    "access_token": access_token,
                },
            )
            claims.validate(leeway=LEEWAY_S)
        except (JoseError, ValueError) as e:
            raise ProviderError(f"the provider's ID token failed a check: {e}") from e
        if claims.get("nonce") != nonce:
            raise ProviderError("the provider's ID token does not carry this sign-in's nonce")
        return dict(claims)

    async def _key_set(self, fresh: bool = False) -> KeySet:
        if self._keys is None or fresh:
            self._keys = await self._get_json(str((await self.metadata())["jwks_uri"]))
        return KeySet.import_key_set(self._keys)  # type: ignore[arg-type]

    async def _userinfo(
        self, meta: Mapping[str, Any], access_token: str, claims: Mapping[str, object]
    ) -> dict[str, object]:
        """Userinfo's claims for the same subject (groups and e-mail may be only there)."""
        endpoint = meta.get("userinfo_endpoint")
        if not endpoint or not access_token:
            return {}
        headers = {"Authorization": f"Bearer {access_token}"}
        found = await self._get_json(str(endpoint), headers)
        return found if found.get("sub") == claims.get("sub") else {}

    async def end_session_url(self, id_token_hint: str, after: str) -> str | None:
        """The provider's end-session address that comes back to `after`, or None when the
        provider has no end-session endpoint (or cannot be reached just now)."""
        try:
            endpoint = (await self.metadata()).get("end_session_endpoint")
        except ProviderError:
            return None
        if not endpoint:
            return None
        params = {"post_logout_redirect_uri": after, "client_id": self._settings.client_id}
        if id_token_hint:
            params["id_token_hint"] = id_token_hint
        return str(add_params_to_uri(str(endpoint), params))

    async def _get_json(self, url: str, headers: Mapping[str, str] | None = None) -> dict[str, Any]:
        try:
            async with httpx.AsyncClient(timeout=TIMEOUT_S, transport=self._transport) as http:
                answer = await http.get(url, headers=headers)
                answer.raise_for_status()
                found = answer.json()
        except (httpx.HTTPError, ValueError) as e:
            raise ProviderError(f"could not read {url}: {e}") from e
        if not isinstance(found, dict):
            raise ProviderError(f"{url} did not answer with a JSON object")
        return found


def _jws(algorithms: list[str]) -> JWSRegistry:
    return JWSRegistry(algorithms=[a for a in algorithms if a != "none"])
