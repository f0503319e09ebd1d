from __future__ import annotations

from pathlib import Path

import pytest

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
        }
    )
    assert not settings.neo4j.local
    assert settings.neo4j.password == "secret"
    assert settings.port == 9000
    assert settings.neo4j.data_dir == Path("/tmp/x")
    assert settings.load_demo
    assert settings.index_refresh_s == 0.5


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MATCHMAKER_PORT": "eighty"}, "MATCHMAKER_PORT must be a whole number, got 'eighty'"),
        ({"MATCHMAKER_PORT": "70000"}, "MATCHMAKER_PORT must be between 1 and 65535"),
        ({"MATCHMAKER_LOAD_DEMO": "maybe"}, "MATCHMAKER_LOAD_DEMO must be true or false"),
        ({"MATCHMAKER_EMBED_BATCH": "0"}, "MATCHMAKER_EMBED_BATCH must be at least 1"),
        ({"MATCHMAKER_INDEX_REFRESH_S": "soon"}, "MATCHMAKER_INDEX_REFRESH_S must be a number"),
        ({"MATCHMAKER_INDEX_REFRESH_S": "-1"}, "MATCHMAKER_INDEX_REFRESH_S must be between 0"),
    ],
)
def test_bad_values_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env)
