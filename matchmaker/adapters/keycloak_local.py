"""A local Keycloak for the sign-in tests: the Quarkus distribution from Maven Central.

`ensure_installed` downloads `org.keycloak:keycloak-quarkus-dist` over HTTPS from Maven
Central into the same cache as the Neo4j jars, checks its SHA-256 against the digest pinned
here, unpacks it, and runs the dev-mode server once so that Quarkus's build step (about 40 s)
is done in the cache and not again at every start.

`LocalKeycloak` runs `kc.sh start-dev` in a home of its own under a temporary folder (the
cache's jars linked, its built server copied), with an H2 store in files of that home, a free
port on 127.0.0.1 and `--import-realm` of a realm file from the repository. Not the in-memory
store: H2 drops an in-memory database when its last connection closes, which the pool does to
idle connections, so about 15 minutes into a test run every sign-in failed. It dies with its owner:
`stop()` ends it, the tests stop it at the end of the session, and on Linux it also gets
SIGTERM if its owner dies without stopping it.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from matchmaker.adapters.neo4j_local import free_port, java_major
from matchmaker.config import REPO_ROOT
from matchmaker.errors import MatchmakerError

VERSION = "26.0.7"
SHA256 = "25353b74613bcf72db67f8addbd88d832c705a69333091a16573d249d665fe21"
DIST_URL = (
    "https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/"
    f"{VERSION}/keycloak-quarkus-dist-{VERSION}.zip"
)
REALM_FILE = REPO_ROOT / "deploy" / "keycloak" / "ipem-realm.json"
HEAP = "-Xms64m -Xmx512m"
PR_SET_PDEATHSIG = 1
# Copied into each server's own home (small, or written by the server); the rest is linked.
COPIED = ("bin/kc.sh", "conf", "lib/quarkus", "lib/app", "lib/quarkus-run.jar")
LINKED = ("lib/lib", "themes", "providers")


class KeycloakError(MatchmakerError):
    """The local Keycloak could not be fetched, prepared or started."""


@dataclass(frozen=True)
class RunningKeycloak:
    url: str
    port: int
    pid: int
    started_in_s: float

    def issuer(self, realm: str) -> str:
        return f"{self.url}/realms/{realm}"


def home(cache_dir: Path) -> Path:
    return cache_dir / f"keycloak-{VERSION}"


def ensure_installed(cache_dir: Path, download_url: str = DIST_URL) -> Path:
    """Download, check, unpack and build the dev-mode server once; return its home folder.
    Raises KeycloakError naming what failed."""
    if java_major() < 17:
        raise KeycloakError(f"Keycloak {VERSION} needs Java 17 or newer, found {java_major()}")
    target = home(cache_dir)
    if (target / ".built").exists():
        return target
    archive = cache_dir / f"keycloak-quarkus-dist-{VERSION}.zip"
    if not archive.exists() or _sha256(archive) != SHA256:
        _download(download_url, archive)
    if not (target / ".unpacked").exists():
        _unpack(archive, target)
    _build(target)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(url: str, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    partial = archive.with_suffix(".part")
    try:
        with urllib.request.urlopen(url, timeout=60) as answer, partial.open("wb") as out:
            shutil.copyfileobj(answer, out, 1 << 20)
    except OSError as e:
        raise KeycloakError(f"could not download {url}: {e}") from e
    found = _sha256(partial)
    if found != SHA256:
        partial.unlink()
        raise KeycloakError(f"{url} has SHA-256 {found}, expected {SHA256}; not used")
    partial.replace(archive)


def _unpack(archive: Path, target: Path) -> None:
    """Unpack the archive's single top folder into `target`, keeping the scripts executable."""
    shutil.rmtree(target, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=".keycloak-"))
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(staging)
        for info in zipped.infolist():
            mode = info.external_attr >> 16
            if mode & 0o111:
                (staging / info.filename).chmod(mode & 0o777)
    (top,) = staging.iterdir()
    top.replace(target)
    staging.rmdir()
    (target / ".unpacked").touch()


def _build(target: Path) -> None:
    """Start the dev-mode server once in the cache's home and stop it: its build step writes
    lib/quarkus there, which each test server then copies."""
    server = LocalKeycloak(target, realm_file=None, server_home=target)
    server.start()
    server.stop()
    shutil.rmtree(target / "data", ignore_errors=True)
    (target / ".built").touch()


class LocalKeycloak:
    """A `start-dev` Keycloak on 127.0.0.1, owned by this process."""

    def __init__(
        self,
        installed: Path,
        realm_file: Path | None = REALM_FILE,
        server_home: Path | None = None,
        start_timeout_s: float = 600.0,
    ) -> None:
        self._installed = installed
        self._realm_file = realm_file
        self._home = server_home
        self._own_home = server_home is None
        self._process: subprocess.Popen[bytes] | None = None
        self.start_timeout_s = start_timeout_s
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        assert self._home is not None
        return self._home / "keycloak.log"

    def start(self) -> RunningKeycloak:
        """Start the server and wait until the realm (or the master realm) answers; raises
        KeycloakError with the log's tail when it exits or does not answer in time."""
        began = time.monotonic()
        if self._home is None:
            self._home = _server_home(self._installed, self._realm_file)
        self.port = free_port(0)
        self._process = self._spawn()
        self._wait_ready()
        assert self._process is not None
        return RunningKeycloak(self.url, self.port, self._process.pid, time.monotonic() - began)

    def _spawn(self) -> subprocess.Popen[bytes]:
        assert self._home is not None
        command = [
            str(self._home / "bin" / "kc.sh"), "start-dev", "--db=dev-file",
            f"--http-port={self.port}", "--http-host=127.0.0.1", "--hostname-strict=false",
        ]  # fmt: skip
        if self._realm_file is not None:
            command.append("--import-realm")
        env = {**os.environ, "JAVA_OPTS_KC_HEAP": HEAP}
        with self.log_path.open("wb") as log:
            return subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env=env, preexec_fn=_die_with_owner
            )

    def _ready_url(self) -> str:
        realm = "master" if self._realm_file is None else _realm_name(self._realm_file)
        return f"{self.url}/realms/{realm}/.well-known/openid-configuration"

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise KeycloakError(
                    f"Keycloak exited with code {self._process.returncode}:\n{self._log_tail()}"
                )
            if _answers(self._ready_url()):
                return
            time.sleep(1.0)
        self.stop()
        raise KeycloakError(
            f"Keycloak did not answer within {self.start_timeout_s}s:\n{self._log_tail()}"
        )

    def _log_tail(self) -> str:
        with contextlib.suppress(OSError):
            return self.log_path.read_text(errors="replace")[-3000:]
        return "(no log)"

    def stop(self, timeout_s: float = 60.0) -> None:
        """Stop the server (kc.sh runs the JVM in its own place); remove its home."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._own_home and self._home is not None:
            shutil.rmtree(self._home, ignore_errors=True)
            self._home = None


def _die_with_owner() -> None:
    """In the child before kc.sh runs (Linux): SIGTERM when the process that started it dies,
    even by SIGKILL, so that no Keycloak outlives its test session. kc.sh ends by exec'ing the
    JVM, which keeps this."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _server_home(installed: Path, realm_file: Path | None) -> Path:
    """A home of its own for one server: its data, logs and build files apart from others'."""
    server_home = Path(tempfile.mkdtemp(prefix="matchmaker-keycloak-"))
    for name in COPIED:
        source, copy = installed / name, server_home / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, copy)
        else:
            shutil.copy2(source, copy)
    for name in LINKED:
        (server_home / name).symlink_to(installed / name)
    imports = server_home / "data" / "import"
    imports.mkdir(parents=True)
    if realm_file is not None:
        shutil.copy2(realm_file, imports / realm_file.name)
    return server_home


def _realm_name(realm_file: Path) -> str:
    name = json.loads(realm_file.read_text()).get("realm")
    if not isinstance(name, str) or not name:
        raise KeycloakError(f"{realm_file}: no realm name")
    return name


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False
