"""`leercyclus check` on the command line: exit codes, output formats, the error boundary."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

import leercyclus.commands.pipeline
from helpers import SCENARIOS, STANDARD_A1, edited
from leercyclus.cli import run

MakeNetwork = Callable[[Mapping[str, str | bytes | None]], Path]
Capsys = pytest.CaptureFixture[str]

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = REPO_ROOT / "examples" / "herstelnetwerk"
SHARE_NO = "    21:12  error   LC103  'share' moet true of false zijn, niet 'no'"
OVERDUE = (
    "action 'naasten-intake' was due on 2025-09-01 and is in_progress: update its status, "
    "or set a new date"
)
OVERDUE_NL = (  # as people read it in a Dutch network (JSON, for tools, stays English)
    "actie 'naasten-intake' moest af zijn op 2025-09-01 en is in_progress: werk de status bij, "
    "of kies een nieuwe datum"
)


def both(scenario: Callable[[str], Path]) -> Path:
    """A network with one error (share: no) and one warning (an overdue action)."""
    root = scenario("share_no")
    for rel, text in SCENARIOS["overdue_action"].items():
        assert isinstance(text, str)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def words(text: str) -> str:
    """Text with its line wrapping undone, for messages the terminal may wrap."""
    return " ".join(text.split())


def python_m(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LEERCYCLUS_DEBUG"}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )


# Exit codes and the text format ---------------------------------------------------------------


def test_clean_network_exits_0(minimal: Path, capsys: Capsys) -> None:
    assert run(["check", str(minimal)]) == 0
    assert (
        capsys.readouterr().out
        == "✓ 10 bestanden gecontroleerd: geen fouten, geen waarschuwingen\n"
    )


def test_text_output_is_grouped_per_file_with_a_summary(
    scenario: Callable[[str], Path], capsys: Capsys
) -> None:
    root = both(scenario)
    assert run(["check", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "cycles/2025/actions/de-linde.yaml",
        f"     7:10  warning LC212  {OVERDUE_NL}",
        "",
        "cycles/2025/visits/de-linde.yaml",
        SHARE_NO,
        "",
        "✗ 1 fout, 1 waarschuwing in 2 van 10 bestanden",
    ]


def test_warnings_alone_exit_0(scenario: Callable[[str], Path], capsys: Capsys) -> None:
    assert run(["check", str(scenario("overdue_action"))]) == 0
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == "! 0 fouten, 1 waarschuwing in 1 van 10 bestanden"
    )


def test_strict_makes_warnings_errors_and_exits_1(
    scenario: Callable[[str], Path], capsys: Capsys
) -> None:
    assert run(["check", str(scenario("overdue_action")), "--strict"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "cycles/2025/actions/de-linde.yaml",
        f"     7:10  error   LC212  {OVERDUE_NL}",
        "",
        "✗ 1 fout, 0 waarschuwingen in 1 van 10 bestanden "
        "(--strict: waarschuwingen tellen als fouten)",
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--format", "xml"],
        ["check", "--no-such-option"],
        ["check", "a", "b"],
        ["no-such-command"],
        [],
    ],
)
def test_usage_errors_exit_2(minimal: Path, capsys: Capsys, argv: list[str]) -> None:
    argv = [str(minimal) if a == "a" else a for a in argv]
    assert run(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_no_repository_upward_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == 2
    err = words(capsys.readouterr().err)
    assert err == (
        f"error: no network repository here: no leercyclus.yaml in {tmp_path.resolve()} or any "
        "folder above it hint: run the command inside a network repository, or name it: "
        "`leercyclus check PATH`"
    )


def test_folder_that_is_not_a_repository_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    assert run(["check", str(tmp_path)]) == 2
    err = words(capsys.readouterr().err)
    assert err.startswith(f"error: {tmp_path} is not a network repository: it has no leercyclus")
    assert "Traceback" not in err


def test_missing_folder_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    assert run(["check", str(tmp_path / "nowhere")]) == 2
    assert words(capsys.readouterr().err) == f"error: {tmp_path / 'nowhere'}: no such folder"


def test_repo_defaults_to_the_nearest_folder_upward(
    scenario: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    root = scenario("share_no")
    monkeypatch.chdir(root / "cycles" / "2025" / "visits")
    assert run(["check", "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert (finding["file"], finding["line"]) == ("cycles/2025/visits/de-linde.yaml", 21)


def test_repo_may_be_given_as_its_settings_file(minimal: Path) -> None:
    assert run(["check", str(minimal / "leercyclus.yaml")]) == 0


# JSON and GitHub formats -----------------------------------------------------------------------


def test_json_is_one_array_with_the_contract_keys(
    scenario: Callable[[str], Path], capsys: Capsys
) -> None:
    assert run(["check", str(both(scenario)), "--format", "json"]) == 1
    out = capsys.readouterr().out
    findings = json.loads(out)
    assert isinstance(findings, list)
    assert [list(f) for f in findings] == [
        ["severity", "file", "line", "column", "code", "message"]
    ] * 2
    assert findings == [
        {
            "severity": "warning",
            "file": "cycles/2025/actions/de-linde.yaml",
            "line": 7,
            "column": 10,
            "code": "LC212",
            "message": OVERDUE,
        },
        {
            "severity": "error",
            "file": "cycles/2025/visits/de-linde.yaml",
            "line": 21,
            "column": 12,
            "code": "LC103",
            "message": "'share' must be true or false, not 'no'",
        },
    ]


def test_json_of_a_clean_network_is_an_empty_array(minimal: Path, capsys: Capsys) -> None:
    assert run(["check", str(minimal), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_json_keeps_non_ascii_readable(make_network: MakeNetwork, capsys: Capsys) -> None:
    root = make_network({STANDARD_A1: edited(STANDARD_A1, "type: 1", "type: één")})
    assert run(["check", str(root), "--format", "json"]) == 1
    [finding] = json.loads(capsys.readouterr().out)
    assert finding["message"] == "'één' is not a valid type: use one of 1, 2, 3"


def test_github_format_annotates_file_line_and_column(
    scenario: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    root = both(scenario)
    monkeypatch.chdir(root.parent)
    assert run(["check", root.name, "--format", "github", "--strict"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "::error file=net/cycles/2025/actions/de-linde.yaml,line=7,col=10,title=LC212::"
        + OVERDUE_NL,
        "::error file=net/cycles/2025/visits/de-linde.yaml,line=21,col=12,title=LC103::"
        "'share' moet true of false zijn, niet 'no'",
    ]


def test_github_format_marks_warnings_and_paths_from_the_repo(
    scenario: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    root = scenario("overdue_action")
    monkeypatch.chdir(root)
    assert run(["check", "--format", "github"]) == 0
    assert capsys.readouterr().out == (
        "::warning file=cycles/2025/actions/de-linde.yaml,line=7,col=10,title=LC212::"
        + OVERDUE_NL
        + "\n"
    )


def test_github_format_keeps_each_annotation_on_one_line(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({"cycles/2025/notes.yaml": "a: 1%\n", STANDARD_A1: "title: 'open\n"})
    run(["check", str(root), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert lines
    assert all(re.fullmatch(r"::(error|warning) file=[^,]+,line=\d+,col=\d+,title=LC\d{3}::.+", x)
               for x in lines)  # fmt: skip


# The error boundary ---------------------------------------------------------------------------


def _boom(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("boom")


def test_a_bug_exits_3_with_a_short_message(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    monkeypatch.setattr(leercyclus.commands.pipeline, "check", _boom)
    assert run(["check", str(minimal)]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert words(captured.err) == (
        "internal error: RuntimeError: boom This is a bug in leercyclus, not in your data. Run "
        "again with LEERCYCLUS_DEBUG=1 for the details, and report it with that output."
    )


def test_a_bug_raises_when_debugging(minimal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leercyclus.commands.pipeline, "check", _boom)
    monkeypatch.setenv("LEERCYCLUS_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        run(["check", str(minimal)])


# As a program -------------------------------------------------------------------------------


def test_python_m_exit_codes(scenario: Callable[[str], Path], tmp_path: Path) -> None:
    clean = python_m("-m", "leercyclus", "check", str(scenario("overdue_action")))
    assert (clean.returncode, clean.stderr) == (0, "")
    broken = python_m("-m", "leercyclus", "check", str(scenario("share_no")), "--format", "json")
    assert broken.returncode == 1
    assert [f["code"] for f in json.loads(broken.stdout)] == ["LC103"]
    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    missing = python_m("-m", "leercyclus", "check", cwd=nowhere)
    assert missing.returncode == 2
    assert words(missing.stderr).startswith("error: no network repository here")
    assert "Traceback" not in missing.stderr


def test_python_m_bug_exits_3_without_traceback(minimal: Path) -> None:
    code = (
        "import sys, leercyclus.commands.pipeline as p\n"
        "def boom(*a, **k): raise KeyError('nope')\n"
        "p.check = boom\n"
        "from leercyclus.cli import main\n"
        "sys.argv = ['leercyclus', 'check', sys.argv[1]]\n"
        "main()\n"
    )
    done = python_m("-c", code, str(minimal))
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert words(done.stderr).startswith("internal error: KeyError: 'nope'")


@pytest.mark.parametrize("profiled", [False, True])
def test_the_program_ends_at_once_unless_a_profiler_waits_for_the_end(
    minimal: Path, profiled: bool
) -> None:
    """Freeing a large network object by object costs time for nothing, so the program ends at
    once; a profiler (or coverage) writes its results as the interpreter ends, so then it ends
    normally."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('ended normally'))\n"
        + ("sys.setprofile(lambda *a: None)\n" if profiled else "")
        + "from leercyclus.cli import main\n"
        "sys.argv = ['leercyclus', 'check', sys.argv[1]]\n"
        "main()\n"
    )
    done = python_m("-c", code, str(minimal))
    assert done.returncode == 0
    assert ("ended normally" in done.stdout) is profiled


def test_the_example_network_is_clean(tmp_path: Path, capsys: Capsys) -> None:
    if not (EXAMPLE / "leercyclus.yaml").is_file():
        pytest.skip("examples/herstelnetwerk is not written yet")
    copy = shutil.copytree(
        EXAMPLE, tmp_path / "herstelnetwerk", ignore=shutil.ignore_patterns("build", ".leercyclus")
    )
    code = run(["check", str(copy)])
    assert code == 0, capsys.readouterr().out
