"""The project's own Neo4j: embedded Neo4j 5.26 Community with Bolt on 127.0.0.1.

Maven fetches the jars named by neo4j_local/pom.xml into a cache folder outside the repository,
javac compiles the small launcher once, and Python owns the JVM's life:

- an *attached* server (the service or a test session) is started with `--watch-stdin`: the JVM
  shuts down when our end of its stdin closes, so it dies with us even after SIGKILL;
- a *detached* server (`matchmaker neo4j start`) runs in its own session and is found again
  through a pid file in the data directory.

Raises LocalNeo4jError with an instruction a person can follow when Java or Maven is missing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph_schema.queries.health import PING
from matchmaker.config import REPO_ROOT, Neo4jSettings
from matchmaker.errors import LocalNeo4jError

POM = REPO_ROOT / "neo4j_local" / "pom.xml"
LAUNCHER_SRC = REPO_ROOT / "neo4j_local" / "src" / "main" / "java"
LAUNCHER_CLASS = "org.ipem.matchmaker.Launcher"
PID_FILE = "matchmaker-neo4j.pid"
NO_JAVA = (
    "Java 17 or newer is needed to run the local Neo4j (Debian/Ubuntu: apt-get install "
    "openjdk-17-jdk-headless maven). Or point NEO4J_URI at a running Neo4j 5 server, e.g. "
    "NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=..."
)


@dataclass(frozen=True)
class RunningServer:
    uri: str
    port: int
    pid: int


def neo4j_version() -> str:
    match = re.search(r"<neo4j.version>([^<]+)</neo4j.version>", POM.read_text())
    if match is None:
        raise LocalNeo4jError(f"{POM}: no <neo4j.version> property")
    return match.group(1)


def home(settings: Neo4jSettings) -> Path:
    return settings.cache_dir / f"neo4j-{neo4j_version()}"


def java_major() -> int:
    """The major version of `java` on PATH; raises LocalNeo4jError when there is none."""
    if shutil.which("java") is None:
        raise LocalNeo4jError(f"no `java` on PATH. {NO_JAVA}")
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if match is None:
        raise LocalNeo4jError(f"cannot read the Java version from: {out.strip()!r}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def ensure_installed(settings: Neo4jSettings) -> Path:
    """Fetch the jars and compile the launcher when missing; return the Neo4j home folder."""
    if java_major() < 17:
        raise LocalNeo4jError(f"Java {java_major()} is too old. {NO_JAVA}")
    target = home(settings)
    if not (target / "lib" / ".complete").exists():
        _fetch_jars(target / "lib")
    marker = target / "classes" / ".complete"
    if not marker.exists() or marker.read_text() != _launcher_digest():
        _compile_launcher(target)
    return target


def _launcher_digest() -> str:
    """A digest of the launcher's sources: a changed launcher is compiled again."""
    digest = hashlib.sha256()
    for path in sorted(LAUNCHER_SRC.rglob("*.java")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _fetch_jars(lib: Path) -> None:
    if shutil.which("mvn") is None:
        raise LocalNeo4jError(f"no `mvn` (Maven) on PATH to fetch the Neo4j jars. {NO_JAVA}")
    lib.mkdir(parents=True, exist_ok=True)
    command = [
        "mvn", "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
        f"-DoutputDirectory={lib}", "-DincludeScope=runtime",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-2000:]
        raise LocalNeo4jError(f"Maven could not fetch the Neo4j jars:\n{tail}")
    (lib / ".complete").touch()


def _compile_launcher(target: Path) -> None:
    classes = target / "classes"
    classes.mkdir(parents=True, exist_ok=True)
    sources = [str(p) for p in LAUNCHER_SRC.rglob("*.java")]
    command = ["javac", "-d", str(classes), "-cp", str(target / "lib" / "*"), *sources]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise LocalNeo4jError(f"javac failed on the launcher:\n{result.stderr[-2000:]}")
    (classes / ".complete").write_text(_launcher_digest())


def free_port(preferred: int = 7687) -> int:
    for port in (preferred, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise LocalNeo4jError("no free TCP port on 127.0.0.1")


def _java_command(settings: Neo4jSettings, target: Path, port: int, watch: bool) -> list[str]:
    classpath = f"{target / 'classes'}{os.pathsep}{target / 'lib' / '*'}"
    command = [
        "java", f"-Xmx{settings.heap}", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
        "-cp", classpath, LAUNCHER_CLASS, str(settings.data_dir), str(port),
    ]  # fmt: skip
    return [*command, "--watch-stdin"] if watch else command


class LocalNeo4j:
    """An embedded Neo4j process owned by this Python process (attached) or by nobody (detached)."""

    def __init__(self, settings: Neo4jSettings) -> None:
        self._settings = settings
        self._process: subprocess.Popen[bytes] | None = None
        self.port = 0

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self, detached: bool = False) -> RunningServer:
        """Start the JVM and wait until Bolt answers; raises LocalNeo4jError on failure."""
        running = find_running(self._settings)
        if running is not None:
            raise LocalNeo4jError(
                f"a local Neo4j already runs on {self._settings.data_dir} (pid {running.pid}, "
                f"{running.uri}); stop it with `matchmaker neo4j stop`"
            )
        target = ensure_installed(self._settings)
        self._settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.port = self.port or self._settings.port or free_port()  # a restart keeps its port
        self._process = self._spawn(target, detached)
        self._wait_ready()
        _pid_path(self._settings).write_text(f"{self._process.pid} {self.port}\n")
        return RunningServer(self.uri, self.port, self._process.pid)

    def _spawn(self, target: Path, detached: bool) -> subprocess.Popen[bytes]:
        log = open(self._settings.data_dir / "neo4j-launcher.log", "ab")  # noqa: SIM115
        command = _java_command(self._settings, target, self.port, watch=not detached)
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL if detached else subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=detached,
        )

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self._settings.start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise LocalNeo4jError(
                    f"the local Neo4j exited with code {self._process.returncode}; see "
                    f"{self._settings.data_dir / 'neo4j-launcher.log'}"
                )
            if _bolt_answers(self.port):
                return
            time.sleep(0.25)
        self.stop()
        raise LocalNeo4jError(
            f"the local Neo4j did not answer within {self._settings.start_timeout_s}s"
        )

    def stop(self, timeout_s: float = 60.0) -> None:
        """Ask the JVM to shut down cleanly; kill it if it does not within the timeout."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(FileNotFoundError):
            _pid_path(self._settings).unlink()


def _pid_path(settings: Neo4jSettings) -> Path:
    return settings.data_dir / PID_FILE


def _bolt_answers(port: int) -> bool:
    """True once Bolt accepts a connection and answers a query (no driver retries)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            pass
    except OSError:
        return False
    from neo4j import GraphDatabase  # the driver is only needed once a server is starting

    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=None) as driver:
            driver.verify_connectivity()
            with driver.session() as session:
                session.run(PING).consume()
            return True
    except Exception:
        return False


def _alive(pid: int) -> bool:
    """True while the process runs; a zombie (exited, not yet reaped) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc here: trust the signal check
    return state != "Z"


def find_running(settings: Neo4jSettings) -> RunningServer | None:
    """The server recorded in the data directory's pid file, if its process is alive."""
    try:
        pid_text, port_text = _pid_path(settings).read_text().split()
    except (FileNotFoundError, ValueError):
        return None
    pid, port = int(pid_text), int(port_text)
    if not _alive(pid):
        return None
    return RunningServer(f"bolt://127.0.0.1:{port}", port, pid)


def stop_detached(settings: Neo4jSettings, timeout_s: float = 60.0) -> bool:
    """Stop the detached server of this data directory; False when none was running."""
    running = find_running(settings)
    if running is None:
        return False
    os.kill(running.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while _alive(running.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if _alive(running.pid):
        os.kill(running.pid, signal.SIGKILL)
    with contextlib.suppress(FileNotFoundError):
        _pid_path(settings).unlink()
    return True
