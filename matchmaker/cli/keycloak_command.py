"""`matchmaker keycloak install|run`: the local Keycloak the sign-in tests use, for trying
OpenID Connect sign-in on this machine."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from typing import Any

from matchmaker.adapters.keycloak_local import REALM_FILE, LocalKeycloak, ensure_installed
from matchmaker.config import Settings


def register(commands: Any) -> None:
    keycloak = commands.add_parser("keycloak", help="a local Keycloak with the IPEM test realm")
    keycloak.add_argument("action", choices=["install", "run"])
    keycloak.set_defaults(handler=run_keycloak)


def run_keycloak(args: argparse.Namespace) -> int:
    installed = ensure_installed(Settings.from_env().neo4j.cache_dir)
    if args.action == "install":
        print(f"Keycloak ready in {installed}")
        return 0
    server = LocalKeycloak(installed, REALM_FILE)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop Keycloak on `kill` too
    running = server.start()
    print(f"Keycloak started in {running.started_in_s:.0f} s at {running.url}; the realm's issuer")
    print(f"is {running.issuer('ipem')} (users and passwords in {REALM_FILE}). Ctrl-C stops it.")
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
