"""The typed request context every resolver receives: the runtime, the viewer, the loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info

from matchmaker.adapters.loop_reads import Reader
from matchmaker.api.loaders import Loaders
from matchmaker.auth.roles import Viewer
from matchmaker.bootstrap import Runtime


@dataclass
class Context:
    request: Request
    response: Response | None
    runtime: Runtime
    viewer: Viewer
    reader: Reader  # how resolvers read: the execution loop's own reader
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.reader, self.viewer)


AppInfo: TypeAlias = Info[Context, None]
