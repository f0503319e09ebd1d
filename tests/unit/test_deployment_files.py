"""docker compose cannot run here, so its file and the Dockerfile are checked by reading them."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from matchmaker.adapters import keycloak_local
from matchmaker.config import ENV_VARS, Settings
from matchmaker.errors import ConfigError

REPO = Path(__file__).resolve().parents[2]


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    return data


def test_neo4j_service_is_the_lts_community_image_with_a_healthcheck_and_volume() -> None:
    neo4j = _compose()["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "cypher-shell" in " ".join(neo4j["healthcheck"]["test"])
    volume = neo4j["volumes"][0].split(":")
    assert volume[1] == "/data"
    assert volume[0] in _compose()["volumes"]
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]


def test_app_waits_for_a_healthy_neo4j_and_reads_only_known_settings() -> None:
    app = _compose()["services"]["app"]
    assert app["build"] == "."
    assert app["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = app["environment"]
    assert set(env) <= set(ENV_VARS)
    assert env["NEO4J_URI"] == "bolt://neo4j:7687"


def _defaults(value: object) -> str:
    """A compose value as it reads with nothing set: defaults taken, required ones "x"."""
    with_defaults = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))
    return re.sub(r"\$\{[^}]+\}", "x", with_defaults)


def test_the_settings_the_app_gets_from_compose_parse() -> None:
    env = {k: _defaults(v) for k, v in _compose()["services"]["app"]["environment"].items()}
    settings = Settings.from_env(
        {**env, "MATCHMAKER_DEMO_SIGN_IN": "false", "MATCHMAKER_LOAD_DEMO": "false"}
    )
    assert not settings.neo4j.local
    published = _compose()["services"]["app"]["ports"][0].split(":")
    assert int(published[1]) == settings.port == 8000


def test_dockerfile_serves_on_the_composed_port_with_a_supported_python() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    assert re.search(r"^EXPOSE 8000$", dockerfile, re.M)
    assert '"matchmaker", "serve"' in dockerfile
    version = re.search(r"FROM python:(\d+)\.(\d+)", dockerfile)
    assert version is not None
    needed = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert (int(version[1]), int(version[2])) >= tuple(
        int(p) for p in needed.lstrip(">=").split(".")
    )


def test_every_env_var_settings_reads_is_listed() -> None:
    source = (REPO / "matchmaker" / "config.py").read_text()
    code = source.split("def _default_cache", 1)[1]  # past the ENV_VARS list itself
    read = set(re.findall(r'"((?:NEO4J|MATCHMAKER)_[A-Z0-9_]+)"', code))
    assert read == set(ENV_VARS)


def test_the_composed_app_needs_a_secret_and_keeps_the_demo_sign_in_off() -> None:
    env = _compose()["services"]["app"]["environment"]
    assert re.fullmatch(r"\$\{MATCHMAKER_JWT_SECRET:\?[^}]+\}", env["MATCHMAKER_JWT_SECRET"])
    unset = {k: re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(v)) for k, v in env.items()}
    settings = Settings.from_env({**unset, "MATCHMAKER_JWT_SECRET": "s" * 48})
    assert not settings.demo_sign_in
    assert not settings.load_demo
    settings.check_secret()
    with pytest.raises(ConfigError, match="MATCHMAKER_JWT_SECRET"):
        Settings.from_env({**unset, "MATCHMAKER_JWT_SECRET": "short"}).check_secret()
    assert "--demo" not in (REPO / "Dockerfile").read_text().split("CMD", 1)[1]


def test_keycloak_is_the_tested_version_importing_the_realm_in_the_repo() -> None:
    keycloak = _compose()["services"]["keycloak"]
    assert keycloak["image"] == f"quay.io/keycloak/keycloak:{keycloak_local.VERSION}"
    assert keycloak["command"][:2] == ["start-dev", "--import-realm"]
    source, target, _ = keycloak["volumes"][0].split(":")
    assert (REPO / source).resolve() == keycloak_local.REALM_FILE
    assert target == f"/opt/keycloak/data/import/{keycloak_local.REALM_FILE.name}"
    assert "KEYCLOAK_ADMIN_PASSWORD:?" in keycloak["environment"]["KC_BOOTSTRAP_ADMIN_PASSWORD"]


def test_the_composed_app_signs_in_through_the_composed_keycloak() -> None:
    app = _compose()["services"]["app"]
    env = {k: _defaults(v) for k, v in app["environment"].items()}
    oidc = Settings.from_env(env).oidc
    realm = json.loads(keycloak_local.REALM_FILE.read_text())
    client = next(c for c in realm["clients"] if c["clientId"] == oidc.client_id)
    assert oidc.issuer == f"http://localhost:8080/realms/{realm['realm']}"
    assert oidc.metadata_url.startswith(f"http://keycloak:8080/realms/{realm['realm']}/")
    assert oidc.client_secret == client["secret"]
    assert oidc.redirect_url == f"http://localhost:{app['ports'][0].split(':')[0]}/auth/callback"
    assert any(oidc.redirect_url.startswith(u.rstrip("*")) for u in client["redirectUris"])
    assert "--hostname=http://localhost:8080" in _compose()["services"]["keycloak"]["command"]
    assert app["depends_on"]["keycloak"]["condition"] == "service_started"


def test_compose_catches_the_apps_e_mail_in_mailpit() -> None:
    services = _compose()["services"]
    mailpit = services["mailpit"]
    assert mailpit["image"].startswith("axllent/mailpit")
    assert "8025:8025" in mailpit["ports"]
    app = services["app"]
    assert "mailpit" in app["depends_on"]
    unset = {
        k: re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(v)) for k, v in app["environment"].items()
    }
    settings = Settings.from_env({**unset, "MATCHMAKER_JWT_SECRET": "s" * 48})
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.tls) == ("mailpit", 1025, "none")
    assert settings.smtp.enabled
    assert settings.public_url == "http://localhost:8000"
