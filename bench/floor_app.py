"""The HTTP floor: a bare starlette endpoint under uvicorn, as the service is served.

Throughput of the service's operations is reported as a share of this one's, measured in the
same run on the same machine, so the figures say what the service adds to HTTP alone.

    python -m bench.floor_app --port 8001
"""

from __future__ import annotations

import argparse

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


async def graphql(request: Request) -> Response:
    await request.body()
    return JSONResponse({"data": {"ok": True}})


app = Starlette(routes=[Route("/graphql", graphql, methods=["POST"])])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
