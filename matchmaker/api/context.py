"""The typed request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from matchmaker.bootstrap import Runtime


@dataclass
class Context:
    request: Request
    runtime: Runtime
