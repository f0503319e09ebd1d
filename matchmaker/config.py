"""One typed Settings object, built once from the environment and passed down.

No module reads the environment at import time; `Settings.from_env()` is called by the
composition root (the app's lifespan or the CLI).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from matchmaker.errors import ConfigError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEV_JWT_SECRET = "dev-only-change-me"
MIN_JWT_SECRET = 32  # characters; 32 random URL-safe ones carry 192 bits
MAKE_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(48))"'
log = logging.getLogger(__name__)

# Every variable Settings.from_env reads (the compose file is checked against this list).
ENV_VARS: tuple[str, ...] = (
    "NEO4J_URI",
    "NEO4J_USER",
    "NEO4J_PASSWORD",
    "NEO4J_DATABASE",
    "MATCHMAKER_NEO4J_DATA",
    "MATCHMAKER_NEO4J_PORT",
    "MATCHMAKER_NEO4J_HEAP",
    "MATCHMAKER_CACHE",
    "MATCHMAKER_HOST",
    "MATCHMAKER_PORT",
    "MATCHMAKER_MODEL",
    "MATCHMAKER_EMBED_BATCH",
    "MATCHMAKER_JWT_SECRET",
    "MATCHMAKER_TOKEN_TTL",
    "MATCHMAKER_DEMO_SIGN_IN",
    "MATCHMAKER_LOAD_DEMO",
    "MATCHMAKER_FRONTEND_DIR",
    "MATCHMAKER_LOG_LEVEL",
    "MATCHMAKER_INDEX_REFRESH_S",
    "MATCHMAKER_REQUEST_TIMEOUT_S",
    "MATCHMAKER_CONCURRENT_OPERATIONS",
    "MATCHMAKER_WORKERS",
    "MATCHMAKER_OIDC_ISSUER",
    "MATCHMAKER_OIDC_DISCOVERY_URL",
    "MATCHMAKER_OIDC_CLIENT_ID",
    "MATCHMAKER_OIDC_CLIENT_SECRET",
    "MATCHMAKER_OIDC_REDIRECT_URL",
    "MATCHMAKER_OIDC_SCOPES",
    "MATCHMAKER_OIDC_PROVIDER_NAME",
    "MATCHMAKER_OIDC_ROLES",
    "MATCHMAKER_SMTP_HOST",
    "MATCHMAKER_SMTP_PORT",
    "MATCHMAKER_SMTP_TLS",
    "MATCHMAKER_SMTP_USER",
    "MATCHMAKER_SMTP_PASSWORD",
    "MATCHMAKER_SMTP_SENDER",
    "MATCHMAKER_PUBLIC_URL",
    "MATCHMAKER_NOTICE_POLL_S",
    "MATCHMAKER_NOTICE_RETRY_S",
)
REPO_ROOT = Path(__file__).resolve().parent.parent
OIDC_WELL_KNOWN = "/.well-known/openid-configuration"
OIDC_CALLBACK = "/auth/callback"
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
N = TypeVar("N", int, float)


def _default_cache() -> Path:
    return Path.home() / ".cache" / "matchmaker"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where the graph lives. An empty `uri` means: start the project's own local Neo4j."""

    uri: str = ""
    user: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    data_dir: Path = REPO_ROOT / "var" / "neo4j"
    port: int = 0  # 0 picks 7687 when free, else any free port
    cache_dir: Path = field(default_factory=_default_cache)
    heap: str = "2g"
    start_timeout_s: float = 180.0

    @property
    def local(self) -> bool:
        return not self.uri


@dataclass(frozen=True)
class OidcSettings:
    """Sign-in through an OpenID Connect provider (matchmaker.api.oidc); off when `issuer` is
    empty. `discovery_url` is where the server itself reads the provider's metadata when that
    differs from the issuer the browser sees (a provider container on a private network)."""

    issuer: str = ""
    discovery_url: str = ""
    client_id: str = ""
    client_secret: str = ""
    redirect_url: str = ""  # this service's /auth/callback as the browser reaches it
    scopes: tuple[str, ...] = ("openid", "email", "profile")
    provider_name: str = ""
    roles_file: Path = REPO_ROOT / "matchmaker" / "auth" / "oidc-roles.toml"

    @property
    def enabled(self) -> bool:
        return bool(self.issuer)

    @property
    def metadata_url(self) -> str:
        base = self.discovery_url or self.issuer.rstrip("/")
        return base if base.endswith(OIDC_WELL_KNOWN) else base + OIDC_WELL_KNOWN

    @property
    def secure_cookies(self) -> bool:
        """Cookies are marked Secure when the service is reached over https."""
        return self.redirect_url.startswith("https://")

    @property
    def display_name(self) -> str:
        return self.provider_name or urlsplit(self.issuer).hostname or "your organisation"


SMTP_TLS_MODES = ("none", "starttls", "tls")


@dataclass(frozen=True)
class SmtpSettings:
    """Where e-mail notices go (matchmaker.adapters.mailer); no `host` keeps them in the
    outbox unsent. `tls`: none, starttls (upgrade after connecting) or tls (from the start)."""

    host: str = ""
    port: int = 25
    tls: str = "none"
    user: str = ""
    password: str = ""
    sender: str = "IPEM matchmaker <matchmaker@localhost>"
    # Seconds between looks at the outbox, and before the first retry (doubled each time).
    poll_s: float = 5.0
    retry_s: float = 60.0

    @property
    def enabled(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True)
class Settings:
    neo4j: Neo4jSettings = field(default_factory=Neo4jSettings)
    host: str = "127.0.0.1"
    port: int = 8000
    model: str = DEFAULT_MODEL  # a model name shipped in a package, or a folder path
    embed_batch_size: int = 64
    jwt_secret: str = DEV_JWT_SECRET
    token_ttl_s: int = 8 * 3600
    # Off unless asked for: anyone may sign in as any demo identity, staff included.
    demo_sign_in: bool = False
    # Demo mode (`matchmaker serve --demo`): the demo data, and the demo sign-in by default.
    load_demo: bool = False
    frontend_dir: Path = REPO_ROOT / "frontend" / "dist"
    log_level: str = "info"
    # Seconds between checks that the graph changed under the in-memory matching index
    # (matchmaker.adapters.match_index); 0 turns the index off and every request reads Neo4j.
    index_refresh_s: float = 2.0
    # Seconds a GraphQL operation may run before it is cancelled (matchmaker.api.executor).
    request_timeout_s: float = 10.0
    # GraphQL operations a server process runs at once; the rest queue in arrival order
    # (matchmaker.api.executor). 0: no limit.
    concurrent_operations: int = 8
    # Server processes, each with its own index (matchmaker.cli.serve); 0 means one per core.
    workers: int = 1
    oidc: OidcSettings = field(default_factory=OidcSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    # The address people open the app at, for links in e-mail notices.
    public_url: str = "http://127.0.0.1:8000"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read MATCHMAKER_* and NEO4J_* variables; raise ConfigError naming a bad one."""
        source = os.environ if env is None else env
        return _build(source)

    def with_neo4j(self, **changes: object) -> Settings:
        return replace(self, neo4j=replace(self.neo4j, **changes))  # type: ignore[arg-type]

    def check_secret(self) -> None:
        """Refuse to serve with a guessable token secret, except in demo mode (with a warning).

        Raises ConfigError when MATCHMAKER_JWT_SECRET is the built-in value or shorter than
        MIN_JWT_SECRET characters outside demo mode: anyone who can read this source, or
        guess a short secret, could sign themselves a staff token.
        """
        problem = _secret_problem(self.jwt_secret)
        if problem is None:
            return
        if not self.load_demo:
            raise ConfigError(
                f"MATCHMAKER_JWT_SECRET {problem}, so anyone could sign tokens for this server. "
                f"Set it to a random value of at least {MIN_JWT_SECRET} characters, made for "
                f"example with: {MAKE_SECRET} (or run a local demo with --demo)."
            )
        log.warning(
            "demo mode: MATCHMAKER_JWT_SECRET %s; tokens from this server can be forged. "
            "Never expose it beyond this machine with real data.",
            problem,
        )


def _number(env: Mapping[str, str], name: str, default: N, kind: type[N], noun: str) -> N:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError as e:
        raise ConfigError(f"{name} must be {noun}, got {raw!r}") from e


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    return _number(env, name, default, int, "a whole number")


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    return _number(env, name, default, float, "a number")


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _path(env: Mapping[str, str], name: str, default: Path) -> Path:
    raw = env.get(name, "").strip()
    return Path(raw).expanduser() if raw else default


def _neo4j(env: Mapping[str, str]) -> Neo4jSettings:
    base = Neo4jSettings()
    return Neo4jSettings(
        uri=env.get("NEO4J_URI", "").strip(),
        user=env.get("NEO4J_USER", base.user).strip() or base.user,
        password=env.get("NEO4J_PASSWORD", ""),
        database=env.get("NEO4J_DATABASE", base.database).strip() or base.database,
        data_dir=_path(env, "MATCHMAKER_NEO4J_DATA", base.data_dir),
        port=_int(env, "MATCHMAKER_NEO4J_PORT", base.port),
        cache_dir=_path(env, "MATCHMAKER_CACHE", base.cache_dir),
        heap=env.get("MATCHMAKER_NEO4J_HEAP", base.heap).strip() or base.heap,
    )


def _build(env: Mapping[str, str]) -> Settings:
    base = Settings()
    load_demo = _bool(env, "MATCHMAKER_LOAD_DEMO", base.load_demo)
    settings = Settings(
        neo4j=_neo4j(env),
        host=env.get("MATCHMAKER_HOST", base.host).strip() or base.host,
        port=_int(env, "MATCHMAKER_PORT", base.port),
        model=env.get("MATCHMAKER_MODEL", base.model).strip() or base.model,
        embed_batch_size=_int(env, "MATCHMAKER_EMBED_BATCH", base.embed_batch_size),
        jwt_secret=env.get("MATCHMAKER_JWT_SECRET", base.jwt_secret),
        token_ttl_s=_int(env, "MATCHMAKER_TOKEN_TTL", base.token_ttl_s),
        # Demo mode turns the demo sign-in on unless MATCHMAKER_DEMO_SIGN_IN says otherwise.
        demo_sign_in=_bool(env, "MATCHMAKER_DEMO_SIGN_IN", load_demo),
        load_demo=load_demo,
        frontend_dir=_path(env, "MATCHMAKER_FRONTEND_DIR", base.frontend_dir),
        log_level=env.get("MATCHMAKER_LOG_LEVEL", base.log_level).strip() or base.log_level,
        index_refresh_s=_float(env, "MATCHMAKER_INDEX_REFRESH_S", base.index_refresh_s),
        request_timeout_s=_float(env, "MATCHMAKER_REQUEST_TIMEOUT_S", base.request_timeout_s),
        concurrent_operations=_int(
            env, "MATCHMAKER_CONCURRENT_OPERATIONS", base.concurrent_operations
        ),
        workers=_int(env, "MATCHMAKER_WORKERS", base.workers),
        oidc=_oidc(env),
        smtp=_smtp(env),
        public_url=env.get("MATCHMAKER_PUBLIC_URL", "").strip().rstrip("/") or base.public_url,
    )
    _validate(settings)
    _validate_oidc(settings.oidc)
    _validate_smtp(settings.smtp, settings.public_url)
    return settings


def _secret_problem(secret: str) -> str | None:
    if secret == DEV_JWT_SECRET:
        return "is the built-in development value"
    if len(secret) < MIN_JWT_SECRET:
        return f"is only {len(secret)} characters long"
    return None


def _validate(settings: Settings) -> None:
    if not 0 < settings.port < 65536:
        raise ConfigError(f"MATCHMAKER_PORT must be between 1 and 65535, got {settings.port}")
    if not 0 <= settings.neo4j.port < 65536:
        raise ConfigError(
            f"MATCHMAKER_NEO4J_PORT must be between 0 and 65535, got {settings.neo4j.port}"
        )
    if settings.embed_batch_size < 1:
        raise ConfigError("MATCHMAKER_EMBED_BATCH must be at least 1")
    if not 0.1 <= settings.request_timeout_s <= 600:
        raise ConfigError(
            "MATCHMAKER_REQUEST_TIMEOUT_S must be between 0.1 and 600 seconds, "
            f"got {settings.request_timeout_s}"
        )
    if not 0 <= settings.concurrent_operations <= 10_000:
        raise ConfigError(
            "MATCHMAKER_CONCURRENT_OPERATIONS must be between 0 (no limit) and 10000, "
            f"got {settings.concurrent_operations}"
        )
    if not 0 <= settings.workers <= 64:
        raise ConfigError(
            f"MATCHMAKER_WORKERS must be between 0 (one per core) and 64, got {settings.workers}"
        )
    if not 0 <= settings.index_refresh_s <= 3600:
        raise ConfigError(
            "MATCHMAKER_INDEX_REFRESH_S must be between 0 (no index) and 3600 seconds, "
            f"got {settings.index_refresh_s}"
        )


def _oidc(env: Mapping[str, str]) -> OidcSettings:
    base = OidcSettings()
    scopes = env.get("MATCHMAKER_OIDC_SCOPES", "").replace(",", " ").split()
    return OidcSettings(
        issuer=env.get("MATCHMAKER_OIDC_ISSUER", "").strip(),
        discovery_url=env.get("MATCHMAKER_OIDC_DISCOVERY_URL", "").strip(),
        client_id=env.get("MATCHMAKER_OIDC_CLIENT_ID", "").strip(),
        client_secret=env.get("MATCHMAKER_OIDC_CLIENT_SECRET", ""),
        redirect_url=env.get("MATCHMAKER_OIDC_REDIRECT_URL", "").strip(),
        scopes=tuple(scopes) or base.scopes,
        provider_name=env.get("MATCHMAKER_OIDC_PROVIDER_NAME", "").strip(),
        roles_file=_path(env, "MATCHMAKER_OIDC_ROLES", base.roles_file),
    )


def _validate_oidc(oidc: OidcSettings) -> None:
    """With an issuer, the client and the callback must be complete and the URLs safe."""
    if not oidc.enabled:
        return
    for name, value in (
        ("MATCHMAKER_OIDC_CLIENT_ID", oidc.client_id),
        ("MATCHMAKER_OIDC_CLIENT_SECRET", oidc.client_secret),
        ("MATCHMAKER_OIDC_REDIRECT_URL", oidc.redirect_url),
    ):
        if not value:
            raise ConfigError(f"{name} must be set when MATCHMAKER_OIDC_ISSUER is")
    _check_url("MATCHMAKER_OIDC_ISSUER", oidc.issuer, private_hosts=False)
    if oidc.discovery_url:
        _check_url("MATCHMAKER_OIDC_DISCOVERY_URL", oidc.discovery_url, private_hosts=True)
    _check_url("MATCHMAKER_OIDC_REDIRECT_URL", oidc.redirect_url, private_hosts=False)
    if urlsplit(oidc.redirect_url).path != OIDC_CALLBACK:
        raise ConfigError(
            f"MATCHMAKER_OIDC_REDIRECT_URL must end in {OIDC_CALLBACK}, got {oidc.redirect_url!r}"
        )
    if "openid" not in oidc.scopes:
        raise ConfigError(
            f"MATCHMAKER_OIDC_SCOPES must include openid, got {' '.join(oidc.scopes)!r}"
        )


def _check_url(name: str, url: str, private_hosts: bool) -> None:
    """https, or http to this machine (or, with `private_hosts`, to a one-word host name such
    as a container beside this one): an identity provider's keys must not travel in clear."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return
    local = host in LOOPBACK or (private_hosts and re.fullmatch(r"[a-z0-9-]+", host) is not None)
    if parts.scheme == "http" and host and local:
        return
    raise ConfigError(f"{name} must be an https URL (http only to localhost), got {url!r}")


def _smtp(env: Mapping[str, str]) -> SmtpSettings:
    base = SmtpSettings()
    tls = env.get("MATCHMAKER_SMTP_TLS", "").strip().lower() or base.tls
    return SmtpSettings(
        host=env.get("MATCHMAKER_SMTP_HOST", "").strip(),
        port=_int(env, "MATCHMAKER_SMTP_PORT", 465 if tls == "tls" else base.port),
        tls=tls,
        user=env.get("MATCHMAKER_SMTP_USER", "").strip(),
        password=env.get("MATCHMAKER_SMTP_PASSWORD", ""),
        sender=env.get("MATCHMAKER_SMTP_SENDER", "").strip() or base.sender,
        poll_s=_float(env, "MATCHMAKER_NOTICE_POLL_S", base.poll_s),
        retry_s=_float(env, "MATCHMAKER_NOTICE_RETRY_S", base.retry_s),
    )


def _validate_smtp(smtp: SmtpSettings, public_url: str) -> None:
    if smtp.tls not in SMTP_TLS_MODES:
        raise ConfigError(f"MATCHMAKER_SMTP_TLS must be none, starttls or tls, got {smtp.tls!r}")
    if not 0 < smtp.port < 65536:
        raise ConfigError(f"MATCHMAKER_SMTP_PORT must be between 1 and 65535, got {smtp.port}")
    if smtp.password and not smtp.user:
        raise ConfigError("MATCHMAKER_SMTP_USER must be set when MATCHMAKER_SMTP_PASSWORD is")
    if "@" not in smtp.sender:
        raise ConfigError(f"MATCHMAKER_SMTP_SENDER must hold an address, got {smtp.sender!r}")
    if not 0.05 <= smtp.poll_s <= 3600 or not 0.05 <= smtp.retry_s <= 86400:
        raise ConfigError(
            "MATCHMAKER_NOTICE_POLL_S (up to 3600) and MATCHMAKER_NOTICE_RETRY_S (up to 86400) "
            f"must be at least 0.05 seconds, got {smtp.poll_s} and {smtp.retry_s}"
        )
    if urlsplit(public_url).scheme not in ("http", "https") or not urlsplit(public_url).netloc:
        raise ConfigError(f"MATCHMAKER_PUBLIC_URL must be an http(s) URL, got {public_url!r}")
