"""The SMTP settings of e-mail notices: defaults, TLS modes, and bad values named."""

from __future__ import annotations

import pytest

from matchmaker.config import Settings
from matchmaker.errors import ConfigError


def test_without_a_host_notices_are_kept_and_not_sent() -> None:
    settings = Settings.from_env({})
    assert not settings.smtp.enabled
    assert settings.public_url == "http://127.0.0.1:8000"


def test_tls_from_the_start_defaults_to_port_465() -> None:
    smtp = Settings.from_env(
        {"MATCHMAKER_SMTP_HOST": "mail.ipem", "MATCHMAKER_SMTP_TLS": "tls"}
    ).smtp
    assert (smtp.host, smtp.port, smtp.tls) == ("mail.ipem", 465, "tls")


def test_the_public_url_loses_its_trailing_slash() -> None:
    url = Settings.from_env({"MATCHMAKER_PUBLIC_URL": "https://mm.ipem.ac.uk/"}).public_url
    assert url == "https://mm.ipem.ac.uk"


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"MATCHMAKER_SMTP_TLS": "ssl"}, "MATCHMAKER_SMTP_TLS"),
        ({"MATCHMAKER_SMTP_PORT": "0"}, "MATCHMAKER_SMTP_PORT"),
        ({"MATCHMAKER_SMTP_PASSWORD": "x"}, "MATCHMAKER_SMTP_USER"),
        ({"MATCHMAKER_SMTP_SENDER": "nobody"}, "MATCHMAKER_SMTP_SENDER"),
        ({"MATCHMAKER_NOTICE_RETRY_S": "0"}, "MATCHMAKER_NOTICE_RETRY_S"),
        ({"MATCHMAKER_PUBLIC_URL": "matchmaker.ipem"}, "MATCHMAKER_PUBLIC_URL"),
    ],
)
def test_a_bad_value_is_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        Settings.from_env(env)
