"""`leercyclus init`: a new network repository that passes check, with editor support."""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import re
from pathlib import Path

import jsonschema
import pytest

from helpers import found
from leercyclus.cli import run
from leercyclus.repository.yamlread import load_text
from leercyclus.rules.schema import KINDS
from test_startup import HEAVY, imported_by

Capsys = pytest.CaptureFixture[str]

DATA_FILES = {
    "leercyclus.yaml": "settings",
    "institutions.yaml": "institutions",
    "cycles/2026/cycle.yaml": "cycle",
    **{f"cycles/2026/standards/{s}.yaml": "standard" for s in ("A1", "A2", "A3", "B1", "B2")},
}
"""The starter data of `init --cycle 2026`, and the kind of each file."""


@pytest.fixture
def fresh(tmp_path: Path, capsys: Capsys) -> Path:
    """A repository written by `init` into tmp_path/net, for cycle 2026."""
    root = tmp_path / "net"
    assert run(["init", str(root), "--network", "Netwerk Herstel", "--cycle", "2026"]) == 0
    capsys.readouterr()
    return root


def test_the_new_repository_passes_check(fresh: Path, capsys: Capsys) -> None:
    assert found(fresh) == []
    assert run(["check", str(fresh)]) == 0
    assert capsys.readouterr().out == "✓ 8 files checked: no errors, no warnings\n"


def test_it_writes_every_file_and_says_so(tmp_path: Path, capsys: Capsys) -> None:
    root = tmp_path / "net"
    assert run(["init", str(root), "--cycle", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert sorted(line.split()[1] for line in out if line.startswith("  created  ")) == written
    assert set(DATA_FILES) | {
        "README.md",
        ".gitignore",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".github/workflows/leercyclus.yml",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        *(f"schemas/{kind.file}" for kind in KINDS.values()),
    } == set(written)
    assert out[-2] == f"{root}: a network repository with cycle 2026, 28 files created, 0 skipped"


def test_the_first_cycle_is_this_year_by_default(tmp_path: Path) -> None:
    root = tmp_path / "net"
    assert run(["init", str(root)]) == 0
    year = str(dt.date.today().year)
    assert load_text((root / "cycles" / year / "cycle.yaml").read_text())["id"] == year
    assert found(root) == []


def test_the_starter_data_is_small_dutch_and_marked_as_example(fresh: Path) -> None:
    cycle = load_text((fresh / "cycles/2026/cycle.yaml").read_text())
    standards = [load_text(p.read_text()) for p in (fresh / "cycles/2026/standards").glob("*")]
    assert len(cycle["domains"]) == 2
    assert 4 <= len(standards) <= 6
    assert {s["domain"] for s in standards} == {"A", "B"}
    assert all(s["text"] and s["title"] for s in standards)
    register = (fresh / "institutions.yaml").read_text()
    assert len(load_text(register)["institutions"]) == 2
    assert "# VOORBEELDEN: vervang deze twee instellingen" in register
    assert cycle["participants"] == ["voorbeeld-noord", "voorbeeld-zuid"]
    assert load_text((fresh / "leercyclus.yaml").read_text())["network"] == "Netwerk Herstel"


def test_every_data_file_names_its_schema_in_its_first_line(fresh: Path) -> None:
    for rel, kind in DATA_FILES.items():
        first = (fresh / rel).read_text().splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{rel}: {first}"
        schema = ((fresh / rel).parent / match.group(1)).resolve()
        assert schema == (fresh / "schemas" / KINDS[kind].file).resolve()


def test_the_starter_data_matches_the_json_schemas(fresh: Path) -> None:
    for rel, kind in DATA_FILES.items():
        schema = json.loads((fresh / "schemas" / KINDS[kind].file).read_text())
        jsonschema.validate(load_text((fresh / rel).read_text()), schema)


def test_vs_code_maps_every_file_kind_to_its_schema(fresh: Path) -> None:
    settings = json.loads((fresh / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert set(mapping) == {f"./schemas/{kind.file}" for kind in KINDS.values()}
    for schema in mapping:
        assert (fresh / schema).is_file()
    for rel, kind in DATA_FILES.items():
        globs = mapping[f"./schemas/{KINDS[kind].file}"]
        assert any(fnmatch.fnmatch(rel, g) for g in globs), rel
    assert mapping["./schemas/standard.schema.json"] == [
        "cycles/*/standards/*.yaml",
        "cycles/*/standards/**/*.yaml",
    ]
    recommended = json.loads((fresh / ".vscode/extensions.json").read_text())
    assert recommended == {"recommendations": ["redhat.vscode-yaml"]}


def test_gitignore_keeps_reports_and_cache_out_of_git(fresh: Path) -> None:
    lines = (fresh / ".gitignore").read_text().splitlines()
    assert "build/" in lines
    assert ".leercyclus/" in lines


def test_the_readme_explains_the_work_in_dutch(fresh: Path) -> None:
    readme = (fresh / "README.md").read_text()
    assert readme.startswith("# Netwerk Herstel\n")
    expected = ["## Zo werk je", "## De cyclus, stap voor stap", "leercyclus check",
                "leercyclus report", "leercyclus new cycle", "Reviewdag", "Evaluatie"]  # fmt: skip
    assert [words for words in expected if words not in readme] == []


def test_no_placeholder_is_left_in_any_file(fresh: Path) -> None:
    for path in fresh.rglob("*"):
        if path.is_file():
            assert "@@" not in path.read_text(), path


def test_a_name_with_a_colon_is_quoted(tmp_path: Path) -> None:
    root = tmp_path / "net"
    assert run(["init", str(root), "--network", "Netwerk: Zorg & Co #1"]) == 0
    assert load_text((root / "leercyclus.yaml").read_text())["network"] == "Netwerk: Zorg & Co #1"
    assert found(root) == []


# Refusing and --force ----------------------------------------------------------------------------


def test_a_folder_that_is_not_empty_is_refused(tmp_path: Path, capsys: Capsys) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert run(["init", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"error: {tmp_path} is not empty: nothing was written",
        "hint: give a new or empty folder, or add --force to add the missing files (existing "
        "files are left as they are)",
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_folder_with_only_a_git_repository_counts_as_empty(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert run(["init", str(tmp_path)]) == 0
    assert (tmp_path / "leercyclus.yaml").is_file()


def test_force_adds_the_missing_files_and_leaves_existing_ones(fresh: Path, capsys: Capsys) -> None:
    (fresh / "README.md").write_text("Ons eigen verhaal\n")
    (fresh / ".gitlab-ci.yml").unlink()
    (fresh / "cycles/2026/standards/B2.yaml").unlink()
    assert run(["init", str(fresh), "--force", "--cycle", "2026"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "  created  .gitlab-ci.yml" in out
    assert "  created  cycles/2026/standards/B2.yaml" in out
    assert "  skipped  README.md (it exists: left as it is)" in out
    assert out[-2] == f"{fresh}: a network repository with cycle 2026, 2 files created, 26 skipped"
    assert (fresh / "README.md").read_text() == "Ons eigen verhaal\n"
    assert found(fresh) == []


def test_a_file_is_no_folder(tmp_path: Path, capsys: Capsys) -> None:
    (tmp_path / "net").write_text("")
    assert run(["init", str(tmp_path / "net")]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'net'} is a file, not a folder")


def test_a_bad_cycle_id_is_a_usage_error(tmp_path: Path, capsys: Capsys) -> None:
    assert run(["init", str(tmp_path / "net"), "--cycle", "cyclus 1"]) == 2
    assert "'cyclus 1' is not a valid cycle id" in capsys.readouterr().err
    assert not (tmp_path / "net").exists()


def test_help_imports_no_heavy_module() -> None:
    code, modules = imported_by(["init", "--help"])
    assert code == 0
    assert [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)] == []
