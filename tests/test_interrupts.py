"""Ctrl-C and kill -9 during `report`: no process stays, nothing half-written stays, one line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.repository.write import STAGING, publish, remove_stale_staging, staging

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def session_processes(session: int) -> list[int]:
    """The live processes of a session: the build and everything it started."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def wait_for(condition: object, what: str, limit: float = 60.0) -> None:
    """Poll `condition()` until it holds; fail after `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A network with enough institutions for `report` to render them in worker processes."""
    net = tmp_path_factory.mktemp("interrupts") / "net"
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(net)]
        + ["--institutions", "60", "--standards", "20"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return net


@pytest.fixture
def build(large: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`report` running in its own session, as a terminal's foreground job; killed afterwards."""
    command = [sys.executable, "-m", "leercyclus", "report", str(large), "--no-national"]
    process = subprocess.Popen(
        [*command, "--format", "md,docx", "--force"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    yield process
    for pid in session_processes(process.pid):
        os.kill(pid, signal.SIGKILL)
    process.wait()


@linux_only
def test_ctrl_c_ends_every_worker_writes_nothing_and_says_so_in_one_line(
    large: Path, build: subprocess.Popen[bytes]
) -> None:
    wait_for(lambda: len(session_processes(build.pid)) >= 3, "the render workers to start")
    os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130
    assert stderr.decode().splitlines() == [  # in the network's language, Dutch
        "onderbroken: het bouwen is gestopt en er is niets geschreven"
    ]
    wait_for(lambda: session_processes(build.pid) == [], "every worker to end", limit=10)
    assert not (large / "build" / "2026" / "confidential").exists()
    assert list((large / "build").glob(f"{STAGING}*")) == []


@linux_only
def test_workers_die_with_a_killed_build_and_the_next_build_removes_its_staging(
    large: Path, build: subprocess.Popen[bytes]
) -> None:
    wait_for(lambda: len(session_processes(build.pid)) >= 3, "the render workers to start")
    wait_for(lambda: list((large / "build").glob(f"{STAGING}*")), "the staging folder")
    build.kill()  # kill -9 of the main process only, as the OOM killer does
    build.wait()
    wait_for(lambda: session_processes(build.pid) == [], "the workers to die", limit=10)
    [stale] = list((large / "build").glob(f"{STAGING}*"))
    done = subprocess.run(
        [sys.executable, "-m", "leercyclus", "report", str(large), "--no-national"]
        + ["--format", "md"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert not stale.exists()


def test_stale_staging_is_removed_and_a_running_build_is_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    (tmp_path / f"{STAGING}{dead}-abc" / "2026").mkdir(parents=True)
    (tmp_path / f"{STAGING}k3j_x").mkdir()  # made by a version that did not record its process
    alive = tmp_path / f"{STAGING}{os.getpid()}-def"
    alive.mkdir()
    (tmp_path / "2026").mkdir()
    removed = remove_stale_staging(tmp_path)
    assert sorted(p.name for p in removed) == [f"{STAGING}{dead}-abc", f"{STAGING}k3j_x"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "2026"]


def test_staging_is_private_and_removed_after_the_build(tmp_path: Path) -> None:
    with staging(tmp_path / "build") as stage:
        assert stage.parent == tmp_path / "build"
        assert stage.stat().st_mode & 0o077 == 0  # no one else can read half-built reports
        (stage / "report.md").write_text("x", encoding="utf-8")
    assert list((tmp_path / "build").iterdir()) == []


def test_ctrl_c_while_publishing_waits_until_every_file_is_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staged = tmp_path / "stage"
    files = [staged / "2026" / f"{name}.md" for name in ("a", "b", "c")]
    for file in files:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(file.stem, encoding="utf-8")
    replace = Path.replace

    def interrupted_replace(self: Path, target: Path) -> Path:
        if self.stem == "a":
            signal.raise_signal(signal.SIGINT)  # Ctrl-C after the first file moved
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", interrupted_replace)
    previous = signal.signal(
        signal.SIGINT, signal.default_int_handler
    )  # a test worker's may differ
    try:
        with pytest.raises(KeyboardInterrupt):
            publish(files, staged, tmp_path / "out")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sorted(p.name for p in (tmp_path / "out" / "2026").iterdir()) == [
        "a.md",
        "b.md",
        "c.md",
    ]


def test_ctrl_c_elsewhere_is_one_line_and_exit_130(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        signal.raise_signal(signal.SIGINT)  # Ctrl-C while the files are read

    monkeypatch.setattr("leercyclus.commands.pipeline.check_summary", interrupted)
    assert run(["check", str(minimal)]) == 130
    assert capsys.readouterr().err == "onderbroken\n"


@linux_only
def test_pool_workers_ignore_ctrl_c_and_die_with_their_parent() -> None:
    from leercyclus.parallel import pool

    workers = pool(1)
    try:
        handler, deathsig = workers.submit(_worker_settings).result(timeout=60)
    finally:
        workers.shutdown()
    assert handler != "default"
    assert deathsig == signal.SIGKILL


def _worker_settings() -> tuple[str, int]:
    import ctypes

    value = ctypes.c_int()
    ctypes.CDLL(None).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG
    handler = signal.getsignal(signal.SIGINT)
    return ("default" if handler is signal.default_int_handler else "own", value.value)
