from __future__ import annotations

import logging
from pathlib import Path

import pytest

from matchmaker.cli import main
from matchmaker.config import Settings
from matchmaker.errors import ConfigError


def test_defaults_use_the_local_neo4j() -> None:
    settings = Settings.from_env({})
    assert settings.neo4j.local
    assert settings.port == 8000
    assert settings.model == "all-MiniLM-L6-v2"


def test_environment_is_read() -> None:
    settings = Settings.from_env(
        {
            "NEO4J_URI": "bolt://db:7687",
            "NEO4J_PASSWORD": "secret",
            "MATCHMAKER_PORT": "9000",
            "MATCHMAKER_NEO4J_DATA": "/tmp/x",
            "MATCHMAKER_LOAD_DEMO": "yes",
            "MATCHMAKER_INDEX_REFRESH_S": "0.5",
            "MATCHMAKER_CONCURRENT_OPERATIONS": "4",
        }
    )
    assert not settings.neo4j.local
    assert settings.neo4j.password == "secret"
    assert settings.port == 9000
    assert settings.neo4j.data_dir == Path("/tmp/x")
    assert settings.load_demo
    assert settings.index_refresh_s == 0.5
    assert settings.concurrent_operations == 4


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MATCHMAKER_PORT": "eighty"}, "MATCHMAKER_PORT must be a whole number, got 'eighty'"),
        ({"MATCHMAKER_PORT": "70000"}, "MATCHMAKER_PORT must be between 1 and 65535"),
        ({"MATCHMAKER_LOAD_DEMO": "maybe"}, "MATCHMAKER_LOAD_DEMO must be true or false"),
        ({"MATCHMAKER_EMBED_BATCH": "0"}, "MATCHMAKER_EMBED_BATCH must be at least 1"),
        ({"MATCHMAKER_INDEX_REFRESH_S": "soon"}, "MATCHMAKER_INDEX_REFRESH_S must be a number"),
        ({"MATCHMAKER_INDEX_REFRESH_S": "-1"}, "MATCHMAKER_INDEX_REFRESH_S must be between 0"),
        (
            {"MATCHMAKER_CONCURRENT_OPERATIONS": "-2"},
            r"MATCHMAKER_CONCURRENT_OPERATIONS must be between 0 \(no limit\) and 10000, got -2",
        ),
    ],
)
def test_bad_values_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)


LONG_SECRET = "k" * 32


def test_demo_sign_in_is_off_unless_asked_for_or_in_demo_mode() -> None:
    assert not Settings.from_env({}).demo_sign_in
    assert Settings.from_env({"MATCHMAKER_DEMO_SIGN_IN": "true"}).demo_sign_in
    demo = Settings.from_env({"MATCHMAKER_LOAD_DEMO": "true"})
    assert demo.load_demo
    assert demo.demo_sign_in
    closed = Settings.from_env({"MATCHMAKER_LOAD_DEMO": "true", "MATCHMAKER_DEMO_SIGN_IN": "no"})
    assert closed.load_demo
    assert not closed.demo_sign_in


@pytest.mark.parametrize(
    ("secret", "named"),
    [(None, "built-in development value"), ("", "only 0 characters"), ("k" * 31, "only 31")],
)
def test_serving_outside_demo_mode_needs_a_long_secret(secret: str | None, named: str) -> None:
    env = {} if secret is None else {"MATCHMAKER_JWT_SECRET": secret}
    with pytest.raises(ConfigError, match=named) as refused:
        Settings.from_env(env).check_secret()
    assert "secrets.token_urlsafe(48)" in str(refused.value)
    Settings.from_env({"MATCHMAKER_JWT_SECRET": LONG_SECRET}).check_secret()


def test_demo_mode_serves_with_the_default_secret_but_warns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="matchmaker.config"):
        Settings.from_env({"MATCHMAKER_LOAD_DEMO": "1"}).check_secret()
    assert "can be forged" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="matchmaker.config"):
        strong = {"MATCHMAKER_LOAD_DEMO": "1", "MATCHMAKER_JWT_SECRET": LONG_SECRET}
        Settings.from_env(strong).check_secret()
    assert caplog.text == ""


def test_the_serve_command_refuses_to_start_with_the_default_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("MATCHMAKER_JWT_SECRET", "MATCHMAKER_LOAD_DEMO"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--port", "1"]) == 1
    assert "MATCHMAKER_JWT_SECRET" in capsys.readouterr().err
