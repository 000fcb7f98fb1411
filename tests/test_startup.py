"""`--help` stays fast: heavy modules are imported by the commands that need them, not before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import network

HEAVY = [
    "leercyclus.models",
    "leercyclus.rules.validate",
    "leercyclus.loading.network",
    "leercyclus.commands.pipeline",
    "leercyclus.methods.peerreview.crossref",
    "leercyclus.repository.yamlio",
    "leercyclus.repository.yamlread",
    "yaml",
    "ruamel",
    "jinja2",
    "pypandoc",
    "deduce",
    "typst",
    "openpyxl",
]
"""Modules (and their sub-modules) that `--help` must not import."""

PROBE = """
import json, sys
from leercyclus.cli import run
code = run(json.loads(sys.argv[1]))
sys.stderr.write("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported_by(argv: list[str]) -> tuple[int, list[str]]:
    """The exit code of `leercyclus ARGV` in a fresh interpreter, and every module it imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stderr.splitlines()[-1])
    return report["code"], report["modules"]


@pytest.mark.parametrize(
    "argv", [["--help"], ["check", "--help"], ["report", "--help"], ["schema", "--help"]]
)
def test_help_imports_no_heavy_module(argv: list[str]) -> None:
    code, modules = imported_by(argv)
    if argv[0] != "--help" and code == 2:
        pytest.skip(f"there is no `{argv[0]}` command yet")
    assert code == 0
    assert "leercyclus.cli" in modules  # the probe did import the program
    heavy = sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []


def test_loading_starts_its_workers_before_the_models_are_imported() -> None:
    """A cold check parses in workers while the main process imports the models: the path up
    to the workers' start (and the workers themselves) must not import them."""
    probe = (
        "import sys\n"
        "import leercyclus.commands.pipeline, leercyclus.rules.summary\n"
        "import leercyclus.loading.network, leercyclus.loading.load\n"
        "import leercyclus.repository.parse, leercyclus.repository.cache\n"
        "import leercyclus.methods.peerreview.history\n"
        "print(sorted(m for m in sys.modules if m.startswith(('leercyclus.models', 'pydantic'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported = eval(done.stdout)  # noqa: S307 (a list of names this test printed itself)
    # the table of file kinds only: no model, no pydantic
    assert [m for m in imported if not m.endswith("_kinds")] == [
        "leercyclus.models",
        "leercyclus.models.kinds",
    ]


def test_check_imports_no_part_of_a_method_the_repository_has_no_files_of(
    tmp_path: Path,
) -> None:
    """A repository of the peer-review cycle alone: `check` runs no other method's rules, so it
    imports none of their parts (their registration only)."""
    code, modules = imported_by(["check", str(network(tmp_path))])
    assert code in (0, 1)  # the minimal network's actions may be overdue by now
    assert "leercyclus.methods.peerreview.crossref" in modules  # the probe did check
    others = ("audit", "groups", "improvement", "nationalday")
    parts = sorted(
        m for m in modules if m.startswith(tuple(f"leercyclus.methods.{o}." for o in others))
    )
    assert parts == []


def test_a_warm_check_imports_neither_typer_nor_pydantic(tmp_path: Path) -> None:
    """A check whose answer is remembered is answered before the command line's libraries start
    (cli.warm): typer imports pydantic to build its parameters, which costs more than the
    answer. The network's language is remembered too: no YAML parser starts."""
    root = network(tmp_path)
    first, cold = imported_by(["check", str(root)])  # nothing remembered yet: typer's path
    code, modules = imported_by(["check", str(root), "--format", "json"])
    assert "typer" in cold and "pydantic" in cold  # the probe would see them
    assert code == first
    assert "leercyclus.commands.pipeline" in modules  # the probe did check
    libraries = ("typer", "pydantic", "pydantic_core", "click", "yaml", "ruamel")
    assert sorted(m for m in modules if m.partition(".")[0] in libraries) == []
