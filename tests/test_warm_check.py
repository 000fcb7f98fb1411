"""A warm `check` answered before typer starts (cli.warm): the same bytes and exit code as typer's
path, and typer's path for everything outside the few spellings it knows."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import MINIMAL, PREVIOUS_CYCLE, SCENARIOS, SETTINGS, network
from leercyclus.cli import run, warm

Capsys = pytest.CaptureFixture[str]
Outcome = tuple[int, str, str]

MIXED: dict[str, str | bytes | None] = {
    **SCENARIOS["share_no"],  # an error
    **SCENARIOS["overdue_action"],  # a warning
    **PREVIOUS_CYCLE,  # a second cycle, with a warning of its own:
    "cycles/2024/notes.yaml": "note: alleen voor ons\n",
}
"""A network with errors and warnings in two cycles."""


def outcome(argv: list[str], capsys: Capsys) -> Outcome:
    code = run(argv)
    out, err = capsys.readouterr()
    return code, out, err


def by_typer(argv: list[str], capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """`argv` run by typer's path alone."""
    with monkeypatch.context() as patch:
        patch.setattr(warm, "answer", lambda _argv: None)
        return outcome(argv, capsys)


def warm_and_typer(
    argv: list[str], capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> tuple[int | None, Outcome, Outcome]:
    """What the warm path answered (None: it did not) and printed, then typer's path."""
    said: list[int | None] = []
    real = warm.answer
    with monkeypatch.context() as patch:
        patch.setattr(warm, "answer", lambda argv: said.append(real(argv)) or said[-1])
        fast = outcome(argv, capsys)
    return (said[0] if said else None), fast, by_typer(argv, capsys, monkeypatch)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    return network(tmp_path / "net", MIXED)


@pytest.mark.parametrize(
    "options",
    [
        [],
        ["--strict"],
        ["--format", "json"],
        ["--format", "github"],
        ["--format", "gitlab"],
        ["--format", "text", "--strict"],
        ["--cycle", "2025"],
        ["--cycle", "2024", "--format", "json"],
        ["--strict", "--format", "gitlab", "--cycle", "2025"],
    ],
)
def test_a_warm_check_prints_what_typer_prints(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    argv = ["check", str(mixed), *options]
    by_typer(argv, capsys, monkeypatch)  # the answer is remembered
    said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
    assert said is not None
    assert fast == typer
    assert fast[0] == (0 if options[:2] == ["--cycle", "2024"] else 1)
    assert fast[1]


def test_the_cycle_filters_and_counts_as_on_typer_s_path(mixed: Path, capsys: Capsys) -> None:
    """The test above compares; this one shows the cases differ (so a comparison means
    something)."""
    run(["check", str(mixed)])
    capsys.readouterr()
    outs = [outcome(["check", str(mixed), "--cycle", c], capsys)[1] for c in ("2024", "2025")]
    assert "cycles/2024/notes.yaml" in outs[0] and "cycles/2024/notes.yaml" not in outs[1]
    assert "cycles/2025/visits/de-linde.yaml" in outs[1]


def test_a_clean_network_and_an_english_one(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = MINIMAL[SETTINGS].replace("language: nl", "language: en")
    for name, files in (("clean", {}), ("english", {SETTINGS: english, **MIXED})):
        root = network(tmp_path / name, files)
        argv = ["check", str(root)]
        run(argv)
        capsys.readouterr()
        said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
        assert said is not None
        assert fast == typer
    assert "1 error, 2 warnings in 3 of 12 files" in fast[1]


def test_the_repository_from_repo_the_folder_or_upward(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["check", str(mixed)])
    capsys.readouterr()
    monkeypatch.chdir(mixed / "cycles")
    for argv in (
        ["check"],
        ["check", "--repo", str(mixed)],
        ["check", str(mixed), "--repo", str(mixed)],
        ["check", "--format", "github", ".."],
        ["check", "../leercyclus.yaml", "--format", "gitlab"],  # a file: its folder
    ):
        said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
        assert said is not None, argv
        assert fast == typer, argv


def test_a_changed_file_goes_to_typer_s_path(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["check", str(mixed), "--format", "json"]
    before = outcome(argv, capsys)
    visit = mixed / "cycles" / "2025" / "visits" / "de-linde.yaml"
    visit.write_text(visit.read_text().replace("share: no", "share: true"))
    said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
    assert said is None
    assert fast == typer
    assert [f["code"] for f in json.loads(before[1])] == ["LC020", "LC212", "LC103"]
    assert [f["code"] for f in json.loads(fast[1])] == ["LC020", "LC212"]


def test_a_changed_repository_is_listed_once(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the warm path learned of a changed repository, typer's path uses."""
    from leercyclus.repository import listing

    run(["check", str(mixed)])
    (mixed / "institutions.yaml").write_text(MINIMAL["institutions.yaml"] + "\n")
    calls = []
    real = listing.list_files
    monkeypatch.setattr(listing, "list_files", lambda root: calls.append(root) or real(root))
    assert run(["check", str(mixed)]) == 1
    assert len(calls) == 1
    capsys.readouterr()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--help"],
        ["check", "-h"],
        ["check", "NET", "--format=json"],
        ["check", "NET", "--strict", "--strict"],
        ["check", "NET", "--format", "json", "--format", "text"],
        ["check", "--", "NET"],
        ["check", "NET", "--unknown"],
        ["check", "NET", "NET"],
        ["check", "NET", "--format", "JSON"],
        ["check", "NET", "--format", "xml"],
        ["check", "NET", "--format"],
        ["check", "NET", "--cycle", "--strict"],
        ["check", "NET", "--cycle", "../2025"],
        ["check", "NET", "--cycle", ""],
        ["check", "NET", "--cycle", "."],
        ["check", "-"],
        ["--version"],
        ["status", "NET"],
        ["CHECK", "NET"],
        [],
    ],
)
def test_other_spellings_go_to_typer_s_path(
    minimal: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, argv: list[str]
) -> None:
    argv = [str(minimal) if a == "NET" else a for a in argv]
    run(["check", str(minimal)])
    capsys.readouterr()
    assert warm.parse(argv) is None
    said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
    assert said is None
    assert fast == typer


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--cycle", "2023", "NET"],  # no such cycle
        ["check", "NOWHERE"],  # no such folder
        ["check", "EMPTY"],  # not a repository
        ["check", "NET", "--repo", "EMPTY"],  # two repositories
    ],
)
def test_usage_errors_are_typer_s(
    minimal: Path,
    tmp_path: Path,
    capsys: Capsys,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    (tmp_path / "empty").mkdir()
    names = {"NET": minimal, "NOWHERE": tmp_path / "nowhere", "EMPTY": tmp_path / "empty"}
    argv = [str(names.get(a, a)) for a in argv]
    run(["check", str(minimal)])
    capsys.readouterr()
    said, fast, typer = warm_and_typer(argv, capsys, monkeypatch)
    assert said is None
    assert fast == typer
    assert fast[0] == 2 and fast[2].startswith("error: ")


def test_no_repository_upward_is_typer_s_usage_error(
    tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    said, fast, typer = warm_and_typer(["check"], capsys, monkeypatch)
    assert said is None
    assert fast == typer
    assert fast[0] == 2


def test_a_shell_s_completion_request_goes_to_typer(
    minimal: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(["check", str(minimal)])
    capsys.readouterr()
    monkeypatch.setenv("_LEERCYCLUS_COMPLETE", "bash_complete")
    said, _, _ = warm_and_typer(["check", str(minimal)], capsys, monkeypatch)
    assert said is None


def test_a_reader_that_went_away_ends_it_as_typer_does(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output is larger than the pipe takes and its reader is gone: exit 1, no message."""

    class Gone:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    argv = ["check", str(mixed), "--format", "json"]
    run(argv)
    capsys.readouterr()
    codes = []
    for typer_only in (False, True):
        with monkeypatch.context() as patch:
            if typer_only:
                patch.setattr(warm, "answer", lambda _argv: None)
            patch.setattr(sys, "stdout", Gone())
            codes.append(run(argv))
            sys.stdout.flush()  # click's wrapper (or ours) keeps the reader's absence quiet
    assert codes == [1, 1]
    assert capsys.readouterr().err == ""


# As a program, in a terminal and out of one ---------------------------------------------------

PROBE = """
import json, sys
from leercyclus.cli import main, warm
real = warm.answer
way, note, asked = sys.argv[1:]
def answer(argv):
    said = None if way == "typer" else real(argv)
    with open(note, "w") as written:
        written.write(json.dumps(said))
    return said
warm.answer = answer
sys.argv = ["leercyclus", *json.loads(asked)]
main()
"""


def program(way: str, argv: list[str], env: dict[str, str], note: Path) -> Outcome:
    """`leercyclus ARGV` as a program, its standard output a terminal (a pty) unless `env`
    asks otherwise; `way` "typer" keeps the warm path out."""
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.update({"COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color", **env})
    command = [sys.executable, "-c", PROBE, way, str(note), json.dumps(argv)]
    if env.get("PIPE"):
        done = subprocess.run(command, capture_output=True, env=environment, check=False)
        return done.returncode, done.stdout.decode(), done.stderr.decode()
    import pty  # POSIX only

    leader, follower = pty.openpty()
    with subprocess.Popen(
        command, stdout=follower, stderr=subprocess.PIPE, env=environment
    ) as process:
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the program ended and closed the terminal
                break
            if not chunk:
                break
            out += chunk
        err = process.stderr.read() if process.stderr else b""
        code = process.wait()
    os.close(leader)
    return code, out.decode(), err.decode()


@pytest.mark.skipif(sys.platform != "linux", reason="a pseudo-terminal")
@pytest.mark.parametrize(
    "env",
    [{}, {"NO_COLOR": "1"}, {"FORCE_COLOR": "1", "PIPE": "1"}, {"PIPE": "1"}, {"TERM": "dumb"}],
)
def test_colours_are_typer_s_in_a_terminal_and_out(
    mixed: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    argv = ["check", str(mixed), "--strict"]
    note = tmp_path / "note.json"
    program("typer", argv, env, note)  # the answer is remembered
    fast = program("warm", argv, env, note)
    assert json.loads(note.read_text()) == 1  # the warm path answered
    assert fast == program("typer", argv, env, note)
    assert fast[0] == 1
    red = "\x1b[31m"
    assert (red in fast[1]) == (env in ({}, {"FORCE_COLOR": "1", "PIPE": "1"}))
    if env == {"PIPE": "1"}:
        assert "\x1b[" not in fast[1]


def test_the_language_follows_leercyclus_yaml(
    minimal: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The language is remembered by leercyclus.yaml's content: a new one is read again, a
    damaged memo is not believed."""
    from leercyclus.cli import network as language
    from leercyclus.repository.cache import cache_folder

    settings = minimal / SETTINGS
    said = []
    for text, damage in [
        (MINIMAL[SETTINGS], False),
        (MINIMAL[SETTINGS].replace("language: nl", "language: en"), False),
        (MINIMAL[SETTINGS].replace("language: nl", "language: en"), True),
        (MINIMAL[SETTINGS].replace("language: nl", "language: en\r\n"), False),
        (MINIMAL[SETTINGS].replace("language: nl", "language: fr"), False),
        (MINIMAL[SETTINGS], False),
    ]:
        settings.write_bytes(text.encode())
        if damage:
            (cache_folder(minimal) / language.LANGUAGE).write_text('{"settings": [', "utf-8")
        fast, typer = (
            outcome(["check", str(minimal)], capsys),
            by_typer(["check", str(minimal)], capsys, monkeypatch),
        )
        assert fast == typer
        said.append("nl" if "bestanden" in fast[1] else "en")
    assert said == ["nl", "en", "en", "en", "nl", "nl"]  # fr: no language of ours, so nl


@pytest.mark.parametrize("trouble", ["ctrl-c", "bug"])
def test_ctrl_c_and_bugs_meet_the_one_error_boundary(
    mixed: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch, trouble: str
) -> None:
    """Ctrl-C (by the real signal, so the handler is in place) and a bug while a warm check
    prints its answer end as they do on typer's path: 130 or 3, one line, no traceback."""
    from leercyclus.commands import pipeline

    argv = ["check", str(mixed)]
    run(argv)
    capsys.readouterr()

    def trouble_now(*_args: object) -> None:
        if trouble == "ctrl-c":
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler raises before this ends
        raise KeyError("nope")

    said: list[int | None] = []
    real = warm.answer
    monkeypatch.setattr(pipeline, "_answered", trouble_now)
    monkeypatch.setattr(warm, "answer", lambda argv: said.append(real(argv)) or said[-1])
    fast = outcome(argv, capsys)
    assert said == []  # it ended inside the warm path
    typer = by_typer(argv, capsys, monkeypatch)
    assert fast == typer
    assert fast[0] == (130 if trouble == "ctrl-c" else 3)
    assert "Traceback" not in fast[2] and len(fast[2].strip().splitlines()) <= 2


def test_a_warm_check_ends_the_program_at_once(mixed: Path) -> None:
    """As typer's path does (cli.main): nothing is torn down object by object."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('ended normally'))\n"
        "from leercyclus.cli import main, warm\n"
        "real = warm.answer\n"
        "def answer(argv):\n"
        "    said = real(argv)\n"
        "    sys.stderr.write(f'answered {said}')\n"
        "    return said\n"
        "warm.answer = answer\n"
        "sys.argv = ['leercyclus', 'check', sys.argv[1], '--format', 'json']\n"
        "main()\n"
    )
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code, str(mixed)], capture_output=True, text=True, check=False
        )
    assert done.returncode == 1
    assert done.stderr == "answered 1"
    assert "ended normally" not in done.stdout


def test_the_formats_answered_here_are_check_formats() -> None:
    """warm.FORMATS is written apart from cli.check.CheckFormat (whose module imports typer):
    a format added to one must be added to the other."""
    from leercyclus.cli.check import CheckFormat

    assert warm.FORMATS == tuple(f.value for f in CheckFormat)
