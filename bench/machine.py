"""What the benchmarks ran on, written at the top of every report."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _java() -> str:
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    except OSError:
        return "none"
    return out.splitlines()[0] if out else "unknown"


def describe() -> str:
    """One markdown paragraph naming the machine, its cores and memory, and the runtimes."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Ran {now} on {platform.node()}: {_cpu_model()}, {os.cpu_count()} cores, "
        f"{_memory_gib():.0f} GiB memory, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {_java()}."
    )
