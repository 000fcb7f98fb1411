"""A hostile contributor's repository, built attack by attack, and what must not happen.

Every attack is planted in a fresh copy of the example network (committed to git, as CI sees
it). What is checked is what an attacker wants: bytes in the outputs and in the terminal, a
request to a server (a local test server on 127.0.0.1 that must receive nothing), a program
run (it would create a marker file), a file written outside the output folder.
"""

from __future__ import annotations

import http.server
import io
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import committed, git
from leercyclus.cli import run

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "herstelnetwerk"
INSTITUTION = "de-linde"
SELF_REVIEW = "cycles/2026/self-reviews/de-linde.yaml"
VISIT = "cycles/2026/visits/de-linde.yaml"
CYCLE = "cycles/2026/cycle.yaml"


@dataclass
class Listener:
    """A web server on 127.0.0.1 that records every request; an attack must send none."""

    url: str = ""
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def listener() -> Iterator[Listener]:
    with serving() as found:
        yield found


@contextmanager
def serving() -> Iterator[Listener]:
    """A Listener for the duration of the block."""
    found = Listener()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            found.requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"SECRET-FROM-SERVER")

        do_CONNECT = do_POST = do_GET  # noqa: N815

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    found.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield found
    server.shutdown()
    server.server_close()


@dataclass
class Hostile:
    """A copy of the example network to plant attacks in, with a place outside it."""

    root: Path
    outside: Path
    marker: Path

    def edit(self, rel: str, change: Callable[[Any], None]) -> None:
        """Change a YAML file's data (its comments are lost: no matter here)."""
        path = self.root / rel
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def link(self, rel: str, target: Path) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        path.symlink_to(target)
        return path

    def commit(self) -> None:
        git(self.root, "add", "-A", "-f")
        git(self.root, "commit", "-qm", "a contribution", "--allow-empty")

    def program(self, name: str = "evil.sh") -> Path:
        """A program that, if anything runs it, leaves the marker file."""
        script = self.outside / name
        script.write_text(f"#!/bin/sh\necho ran >> '{self.marker}'\n", encoding="utf-8")
        script.chmod(0o755)
        return script

    def outside_files(self) -> set[Path]:
        return set(self.outside.rglob("*"))


SECRET = "SECRET-OUTSIDE-THE-REPOSITORY"


@pytest.fixture
def hostile(tmp_path: Path) -> Hostile:
    return make_hostile(tmp_path)


def make_hostile(tmp_path: Path) -> Hostile:
    """A fresh, committed copy of the example network under `tmp_path`."""
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    committed(root)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"network: {SECRET}\ntext: {SECRET}\n", "utf-8")
    (outside / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    return Hostile(root, outside, tmp_path / "MARKER")


@dataclass
class Ran:
    code: int
    out: str
    err: str


def cli(*args: str) -> Ran:
    """The command line in this process: exit code, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run(list(args))
    return Ran(code, out.getvalue(), err.getvalue())


def report(root: Path, formats: str, *more: str, national: bool = False) -> Ran:
    args = ["report", str(root), "--format", formats, "--institution", INSTITUTION]
    return cli(*args, *([] if national else ["--no-national"]), *more)


def all_bytes(folder: Path) -> bytes:
    """Every output file's bytes, DOCX parts unpacked, for searching."""
    import zipfile

    found = b""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                found += b"".join(archive.read(name) for name in archive.namelist())
        else:
            found += path.read_bytes()
    return found


def children() -> list[str]:
    """The command lines of this process's living children (Linux)."""
    me = str(os.getpid())
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[1] == me:
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError):
            continue
    return found
