"""GraphQL throughput at a fixed concurrency, as a share of the HTTP floor measured alongside.

Starts the service on the demo data (kept in var/bench-demo) and the bare endpoint of
bench.floor_app, then, in each of `--rounds` rounds, runs `--clients` concurrent clients for
`--seconds` against the floor and then against each case, counting the answers. A case's
requests per second is divided by the floor's of the same round.

    python -m bench.bench_throughput [--clients 16] [--seconds 10] [--workers 2] [--warm-up 90]
        [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import statistics
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


# A fresh Neo4j spends its first minutes compiling its hot paths; a service answering a call
# launch has long done so. Under calls(first: 10) alone, Neo4j's CPU a request fell from
# 2.65 ms in the first 10 s to 0.58 ms after 60 s and 0.4 ms after 85 s, and the rate rose
# from 266 to 380 requests/s; the client's own CPU a request stayed at 2.2-2.3 ms.
WARM_UP_S = 90.0
ROUNDS = 3  # the machine's speed drifts by a fifth within minutes: a floor in every round


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


class Floor:
    """The bare endpoint of bench.floor_app, in a process of its own while it is open."""

    def __init__(self) -> None:
        port = free_port()
        command = [sys.executable, "-m", "bench.floor_app", "--port", str(port)]
        self.process = subprocess.Popen(command, cwd=REPO)
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self) -> Floor:
        try:
            _wait(self.url)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(30)

    def measure(self, clients: int, seconds: float) -> CaseResult:
        return asyncio.run(run_case(self.url, "floor", lambda _: {"q": 1}, "", clients, seconds))


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


Round = dict[str, CaseResult]  # the floor's and every case's result, measured one after another


def run(
    clients: int, seconds: float, workers: int, warm_up_s: float = WARM_UP_S, rounds: int = ROUNDS
) -> tuple[list[Round], Memory]:
    """`rounds` rounds of the floor then every case, after `warm_up_s` of the cases in turn.
    The floor runs while the service is up and idle (it then uses about 2% of a core), so that
    each case has a floor measured a few seconds before it, on the machine as it was then."""
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
        measured: list[Round] = []
        with Floor() as bare:
            for _ in range(rounds):
                found = {"floor": bare.measure(clients, seconds)}
                for name, body, token in cases:
                    found[name] = asyncio.run(
                        run_case(service.url, name, body, token, clients, seconds)
                    )
                measured.append(found)
        memory = memory_of(service.process.pid)
    finally:
        service.process.terminate()
        service.process.wait(timeout=120)
    return measured, memory


TARGETS = {"calls(first: 10)": 0.5, "members(first: 20) with organisations": 0.3,
           "search, varied texts": 0.1}  # fmt: skip


@dataclass(frozen=True)
class Summary:
    """One case over the rounds: medians, and each round's share of that round's floor."""

    name: str
    requests_per_s: float
    shares: list[float]
    p50_ms: float
    p95_ms: float
    failures: int

    @property
    def share(self) -> float:
        return statistics.median(self.shares)


def summarise(rounds: list[Round]) -> list[Summary]:
    """Per case, the median over the rounds; a share is a case's rate over its own round's
    floor, and the case's share is the median of those."""
    summaries = []
    for name in rounds[0]:
        results = [r[name] for r in rounds]
        summaries.append(
            Summary(
                name,
                statistics.median(r.requests_per_s for r in results),
                [r[name].requests_per_s / r["floor"].requests_per_s for r in rounds],
                statistics.median(r.p50_ms for r in results),
                statistics.median(r.p95_ms for r in results),
                sum(r.failures for r in results),
            )
        )
    return summaries


def format_report(
    rounds: list[Round], memory: Memory, clients: int, seconds: float, workers: int,
    warm_up_s: float = WARM_UP_S,
) -> str:  # fmt: skip
    floors = ", ".join(f"{r['floor'].requests_per_s:.0f}" for r in rounds)
    lines = [
        "# Throughput",
        "",
        describe(),
        "",
        f"Command: `python -m bench.bench_throughput --clients {clients} --seconds {seconds:g} "
        f"--workers {workers} --warm-up {warm_up_s:g} --rounds {len(rounds)}`. {clients} "
        f"concurrent clients, {seconds:g} s a case, on a fresh copy of the demo graph, after "
        f"{warm_up_s:g} s of all the cases in turn (not counted); one Python client process "
        "(httpx) on the same machine. The floor is a bare starlette endpoint under uvicorn "
        "(bench/floor_app.py). Each round measures the floor, then every case; a case's share "
        "is its rate over its own round's floor, and the table gives the medians over the "
        f"{len(rounds)} rounds. The floor by round: {floors} requests/s.",
        "",
        "| case | requests/s | share of floor | shares by round | target | p50 ms | p95 ms "
        "| failed |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for s in summarise(rounds):
        target = TARGETS.get(s.name)
        shown = f">= {target}" if target else ""
        each = ", ".join(f"{x:.2f}" for x in s.shares)
        lines.append(
            f"| {s.name} | {s.requests_per_s:.0f} | {s.share:.2f} | {each} | {shown} | "
            f"{s.p50_ms:.1f} | {s.p95_ms:.1f} | {s.failures} |"
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
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    results, memory = run(args.clients, args.seconds, args.workers, args.warm_up, args.rounds)
    text = format_report(results, memory, args.clients, args.seconds, args.workers, args.warm_up)
    out = REPO / "bench" / "results" / "throughput.md"
    out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
