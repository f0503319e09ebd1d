"""GraphQL throughput at a fixed concurrency, as a share of the HTTP floor measured alongside.

Starts the bare endpoint of bench.floor_app and the service on the demo data (kept in
var/bench-demo), then, for each case, runs `--clients` concurrent clients for `--seconds` and
counts the answers. Every case's requests per second is divided by the floor's.

    python -m bench.bench_throughput [--clients 16] [--seconds 10] [--workers 2] [--warm-up 30]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from bench.load import percentile
from bench.machine import describe
from bench.service import REPO, free_port, fresh_demo, start_service

CALLS = "{ calls(first: 10) { edges { node { id title closes } } } }"
MEMBERS = (
    "{ members(first: 20) { totalCount edges { node { id name discipline "
    "organisation { name sector } } } } }"
)
SEARCH = (
    "query($text: String!) { search(text: $text, first: 10) { __typename "
    "... on MemberSearch { results { totalCount nodes { memberId name } } } } }"
)
TOPICS = (
    "proton therapy range verification", "MRI safety for implanted devices",
    "deep learning auto-contouring", "ultrasound elastography of the liver",
    "radiation protection in interventional cardiology", "PET-CT dosimetry",
    "wearable sensors for gait analysis", "infusion pump procurement",
    "digital twins of radiotherapy linacs", "cybersecurity of connected medical devices",
    "QA of AI triage software", "radioisotope supply for nuclear medicine",
    "decarbonising the hospital imaging department", "paediatric CT dose reduction",
    "rehabilitation robotics after stroke", "ECG signal processing on the edge",
    "image registration for adaptive radiotherapy", "workforce training in clinical computing",
    "brachytherapy treatment planning", "hearing assessment in newborns",
)  # fmt: skip
SETTINGS = (
    "in NHS trusts", "for rural hospitals", "with industry partners", "across Scotland",
    "for early-career scientists", "in a regional network", "at home", "for children",
)  # fmt: skip
SIGN_IN = "mutation($id: ID!) { signIn(input: {memberId: $id}) { ... on SignedIn { token } } }"
STAFF_SIGN_IN = "mutation { signIn(input: {role: STAFF}) { ... on SignedIn { token } } }"


# A fresh Neo4j spends its first half minute compiling its hot paths (11 s of CPU in the
# first 25 s of the soak's mix); a service answering a call launch has long done so.
WARM_UP_S = 30.0


@dataclass(frozen=True)
class CaseResult:
    name: str
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    failures: int


Body = Callable[[random.Random], dict[str, Any]]


def search_texts() -> Body:
    """A new text for nearly every request: topic, setting and a number that varies."""
    counter = itertools.count()

    def body(rng: random.Random) -> dict[str, Any]:
        text = f"{rng.choice(TOPICS)} {rng.choice(SETTINGS)} ({next(counter)})"
        return {"query": SEARCH, "variables": {"text": text}}

    return body


async def run_case(
    url: str, name: str, body: Body, token: str, clients: int, seconds: float
) -> CaseResult:
    """`clients` loops posting `body` to /graphql for `seconds` after a short warm-up."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    latencies: list[float] = []
    failures = [0]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30, limits=limits) as client:

        async def loop(seed: int, until: float, record: bool) -> None:
            rng = random.Random(seed)
            while time.monotonic() < until:
                started = time.perf_counter()
                response = await client.post("/graphql", json=body(rng), headers=headers)
                ok = response.status_code == 200 and "errors" not in response.json()
                if record:
                    latencies.append((time.perf_counter() - started) * 1000)
                    failures[0] += not ok

        warm = time.monotonic() + min(2.0, seconds / 4)
        await asyncio.gather(*(loop(i, warm, False) for i in range(clients)))
        started = time.monotonic()
        await asyncio.gather(*(loop(100 + i, started + seconds, True) for i in range(clients)))
        elapsed = time.monotonic() - started
    return CaseResult(
        name, len(latencies) / elapsed, percentile(latencies, 50), percentile(latencies, 95),
        failures[0],
    )  # fmt: skip


async def _tokens(url: str) -> tuple[str, str]:
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        staff = (await client.post("/graphql", json={"query": STAFF_SIGN_IN})).json()
        headers = {"Authorization": f"Bearer {staff['data']['signIn']['token']}"}
        query = "{ members(first: 1) { nodes { id } } }"
        found = (await client.post("/graphql", json={"query": query}, headers=headers)).json()
        member = found["data"]["members"]["nodes"][0]["id"]
        signed = await client.post("/graphql", json={"query": SIGN_IN, "variables": {"id": member}})
        return "", signed.json()["data"]["signIn"]["token"]


def floor(clients: int, seconds: float) -> CaseResult:
    port = free_port()
    command = [sys.executable, "-m", "bench.floor_app", "--port", str(port)]
    process = subprocess.Popen(command, cwd=REPO)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait(url)
        return asyncio.run(run_case(url, "floor", lambda _: {"q": 1}, "", clients, seconds))
    finally:
        process.terminate()
        process.wait(30)


def _wait(url: str) -> None:
    for _ in range(100):
        try:
            httpx.post(f"{url}/graphql", json={}, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not start")


@dataclass(frozen=True)
class Memory:
    """Resident memory after the run, in MiB: each worker process, and Neo4j."""

    workers: list[float]
    neo4j: float


def memory_of(service_pid: int) -> Memory:
    import psutil

    parent = psutil.Process(service_pid)
    children = parent.children(recursive=True)
    java = [c for c in children if "java" in c.name()]
    # Workers are the spawned processes; the supervisor's resource tracker is not one.
    pythons = [c for c in children if "spawn_main" in " ".join(c.cmdline())] or [parent]
    mib = 2**20
    return Memory(
        [p.memory_info().rss / mib for p in pythons],
        sum(j.memory_info().rss for j in java) / mib,
    )


def run(
    clients: int, seconds: float, workers: int, warm_up_s: float = WARM_UP_S
) -> tuple[list[CaseResult], Memory]:
    """The floor, then the service's cases; the floor first so nothing else holds a core.
    Every case runs once for a share of `warm_up_s` before any is counted."""
    results = [floor(clients, seconds)]
    service = start_service(
        fresh_demo("throughput"), "--demo", "--workers", str(workers), timeout_s=1800
    )
    try:
        anonymous, member = asyncio.run(_tokens(service.url))
        cases: list[tuple[str, Body, str]] = [
            ("calls(first: 10)", lambda _: {"query": CALLS}, anonymous),
            ("members(first: 20) with organisations", lambda _: {"query": MEMBERS}, member),
            ("search, varied texts", search_texts(), member),
        ]
        for name, body, token in cases:
            share = warm_up_s / len(cases)
            asyncio.run(run_case(service.url, name, body, token, clients, share))
        for name, body, token in cases:
            results.append(asyncio.run(run_case(service.url, name, body, token, clients, seconds)))
        memory = memory_of(service.process.pid)
    finally:
        service.process.terminate()
        service.process.wait(timeout=120)
    results.append(floor(clients, seconds))
    return results, memory


TARGETS = {"calls(first: 10)": 0.5, "members(first: 20) with organisations": 0.3,
           "search, varied texts": 0.1}  # fmt: skip


def format_report(
    results: list[CaseResult], memory: Memory, clients: int, seconds: float, workers: int,
    warm_up_s: float = WARM_UP_S,
) -> str:  # fmt: skip
    floors = [r.requests_per_s for r in results if r.name == "floor"]
    base = sum(floors) / len(floors)
    lines = [
        "# Throughput",
        "",
        describe(),
        "",
        f"Command: `python -m bench.bench_throughput --clients {clients} --seconds {seconds:g} "
        f"--workers {workers} --warm-up {warm_up_s:g}`. {clients} concurrent clients, "
        f"{seconds:g} s a case after {warm_up_s:g} s of all the cases in turn (not counted) "
        "on a fresh copy of the demo graph, one Python client process (httpx) on the same "
        "machine. The floor is a bare "
        "starlette endpoint under uvicorn (bench/floor_app.py), measured before and after the "
        f"service: {' and '.join(f'{f:.0f}' for f in floors)} requests/s.",
        "",
        "| case | requests/s | share of floor | target | p50 ms | p95 ms | failed |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        target = TARGETS.get(r.name)
        shown = f">= {target}" if target else ""
        lines.append(
            f"| {r.name} | {r.requests_per_s:.0f} | {r.requests_per_s / base:.2f} | {shown} | "
            f"{r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.failures} |"
        )
    each = ", ".join(f"{m:.0f}" for m in memory.workers)
    lines += [
        "",
        f"Resident memory after the run: {len(memory.workers)} worker processes of {each} MiB "
        f"(each holds the model and its own matching index), Neo4j {memory.neo4j:.0f} MiB.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warm-up", type=float, default=WARM_UP_S)
    args = parser.parse_args()
    results, memory = run(args.clients, args.seconds, args.workers, args.warm_up)
    text = format_report(results, memory, args.clients, args.seconds, args.workers, args.warm_up)
    out = REPO / "bench" / "results" / "throughput.md"
    out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
