"""One way to name the repository, clean --help, --version, --cycle and closed cycles, and the
mistakes of a first hour that end in a clear message instead of an internal error."""

from __future__ import annotations

import errno
import shutil
import sys
import warnings
from pathlib import Path

import pytest

from helpers import CYCLE_FILE, SCENARIOS, edited, network
from leercyclus import __version__
from leercyclus.cli import run

Capsys = pytest.CaptureFixture[str]
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "herstelnetwerk"
COMMANDS = [
    ["check"], ["report"], ["status"], ["diff"], ["schema"], ["init"], ["new", "cycle"],
    ["new", "self-review"], ["new", "visit"], ["new", "actions"], ["export", "self-review"],
    ["export", "visit"], ["import"], [],
]  # fmt: skip


def test_version(capsys: Capsys) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out == f"leercyclus {__version__}\n"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "leercyclus")
def test_help_shows_no_python_types(command: list[str], capsys: Capsys) -> None:
    assert run([*command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "--help" in text
    assert [t for t in ("<bool>", "list[", "<str>]", "NoneType") if t in text] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "{repo}"],
        ["check", "--repo", "{repo}"],
        ["status", "{repo}", "--today", "2026-01-01"],
        ["status", "--repo", "{repo}", "--today", "2026-01-01"],
        ["export", "self-review", "de-linde", "{repo}", "--out", "{tmp}/a.xlsx"],
        ["export", "self-review", "de-linde", "--repo", "{repo}", "--out", "{tmp}/b.xlsx"],
        ["new", "actions", "het-anker", "{repo}"],
        ["new", "actions", "de-brug", "--repo", "{repo}"],
    ],
)
def test_every_command_takes_the_repository_as_argument_and_as_repo(
    argv: list[str], minimal: Path, tmp_path: Path
) -> None:
    assert run([a.format(repo=minimal, tmp=tmp_path) for a in argv]) == 0


def test_the_repository_named_twice_differently_is_a_usage_error(
    minimal: Path, tmp_path: Path, capsys: Capsys
) -> None:
    assert run(["check", str(minimal), "--repo", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("error: two repositories given")


def test_import_takes_the_repository_after_the_form(minimal: Path, tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    assert run(["export", "visit", "de-linde", str(minimal), "--out", str(form)]) == 0
    assert run(["import", str(form), str(minimal)]) == 0


@pytest.mark.parametrize(
    ("argv", "suggested"),
    [
        (["export", "self-review", "de-linde"], "leercyclus export self-review de-linde PATH"),
        (["import", "form.xlsx"], "leercyclus import form.xlsx PATH"),
        (["status"], "leercyclus status PATH"),
        (["new", "visit", "de-linde"], "leercyclus new visit de-linde PATH"),
    ],
)
def test_outside_a_repository_the_hint_shows_the_same_command_with_its_repository(
    argv: list[str], suggested: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(argv) == 2
    hint = capsys.readouterr().err.splitlines()[-1]
    assert hint == (f"hint: run the command inside a network repository, or name it: `{suggested}`")


# --cycle and closed cycles ----------------------------------------------------------------


@pytest.fixture
def two_cycles(tmp_path: Path) -> Path:
    """The example network (2024, 2025 and 2026), with an answer of 2025 left unexplained."""
    root = tmp_path / "net"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build", ".leercyclus"))
    review = root / "cycles" / "2025" / "self-reviews" / "de-linde.yaml"
    text = review.read_text(encoding="utf-8")
    start = text.index("    explanation:")
    end = text.index("\n", start) + 1
    while text[end:].startswith("      "):  # a folded explanation's further lines
        end = text.index("\n", end) + 1
    review.write_text(text[:start] + text[end:], encoding="utf-8")
    return root


def test_check_cycle_reports_only_that_cycle_and_the_shared_files(
    two_cycles: Path, capsys: Capsys
) -> None:
    assert run(["check", str(two_cycles), "--format", "json"]) == 0
    everything = capsys.readouterr().out
    assert "cycles/2025/self-reviews/de-linde.yaml" in everything
    # 2026 and the shared files only (the example's improvement projects warn on purpose)
    assert run(["check", str(two_cycles), "--cycle", "2026", "--format", "json"]) == 0
    assert "cycles/2025/" not in capsys.readouterr().out
    assert run(["check", str(two_cycles), "--cycle", "2025", "--strict"]) == 1
    assert "cycles/2025/self-reviews/de-linde.yaml" in capsys.readouterr().out


def test_check_of_a_cycle_that_does_not_exist_is_a_usage_error(
    two_cycles: Path, capsys: Capsys
) -> None:
    assert run(["check", str(two_cycles), "--cycle", "2023"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: there is no cycle '2023' (no folder cycles/2023)",
        "hint: the cycles are: 2024, 2025, 2026",
    ]


def test_a_closed_cycle_no_longer_warns_but_still_has_its_errors(tmp_path: Path) -> None:
    from helpers import found

    overrides = dict(SCENARIOS["no_explanation"])
    root = network(tmp_path / "open", overrides)
    assert [f.code for f in found(root)] == ["LC208"]
    closed = edited(CYCLE_FILE, "title: Cyclus 2025\n", "title: Cyclus 2025\nclosed: true\n")
    root = network(tmp_path / "closed", {**overrides, CYCLE_FILE: closed})
    assert found(root, strict_mode=True) == []
    broken = closed.replace("participants: [de-linde, het-anker, de-brug]", "participants: [x]")
    root = network(tmp_path / "broken", {**overrides, CYCLE_FILE: broken})
    assert {f.severity for f in found(root)} == {"error"}


# First-hour mistakes: a clear message, never an internal error ---------------------------------


def test_a_folder_name_too_long_for_the_file_system(tmp_path: Path, capsys: Capsys) -> None:
    assert run(["init", str(tmp_path / ("a" * 300))]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: a file name is too long for the file system: ")
    assert err[1] == "hint: use a shorter id or name (ids become file and folder names)"


def test_a_full_disk_while_building_writes_nothing_and_says_so(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    def full(path: Path, text: str) -> Path:  # noqa: ARG001
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("leercyclus.publishing.build.write_text", full)
    args = ["report", str(minimal), "--format", "md", "--no-national", "--institution", "de-linde"]
    assert run(args) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("error: the disk is full: ")
    assert err[1].startswith("hint: free some space")
    assert sorted(p.name for p in (minimal / "build").iterdir()) == []


@pytest.mark.skipif(sys.platform != "linux", reason="names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8(minimal: Path, capsys: Capsys) -> None:
    folder = bytes(minimal / "cycles" / "2025" / "self-reviews")
    Path((folder + b"/caf\xe9.yaml").decode("utf-8", "surrogateescape")).write_text("x: 1\n")
    assert run(["check", str(minimal)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: the name of cycles/2025/self-reviews/caf\ufffd.yaml is not UTF-8 text",
        "hint: rename it with letters, digits and '-' (it was saved with another character set)",
    ]


def test_a_very_long_institution_name_is_matched_without_exhausting_the_stack() -> None:
    from leercyclus.privacy.match import Matcher, Term

    name = " ".join(["Zorggroep"] * 2000)
    matcher = Matcher([Term(name, "institution", "institutions.yaml"), Term("Zorg", "extra", "x")])
    assert matcher.sub(f"bij {name}, met Zorg.", lambda t: f"[{t.kind}]") == (
        "bij [institution], met [extra]."
    )


def test_deduce_leaves_the_warning_filters_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """deduce turns every warning on when it is imported; its engine's start puts them back."""
    fake = tmp_path / "deduce"
    fake.mkdir()
    (fake / "__init__.py").write_text(
        "import warnings\nwarnings.simplefilter('default')\n"
        "class Deduce:\n    def __init__(self, **options):\n        self.options = options\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    real = sys.modules.pop("deduce", None)
    from leercyclus.privacy import deidentify, lookuptables

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            before = list(warnings.filters)
            tables = tmp_path / "tables"  # built already: the stand-in is only started
            lookuptables.table_file(tables).parent.mkdir(parents=True)
            lookuptables.table_file(tables).write_bytes(b"")
            started = deidentify._start(tables)  # the stand-in, not the real deduce
            assert started.options == {"cache_path": tables}
            assert warnings.filters == before
    finally:  # later tests in this process get the real deduce again
        sys.modules.pop("deduce", None)
        if real is not None:
            sys.modules["deduce"] = real


# The network's language --------------------------------------------------------------------


def test_the_command_line_speaks_the_networks_language(minimal: Path, capsys: Capsys) -> None:
    assert run(["check", str(minimal)]) == 0
    assert capsys.readouterr().out == (
        "✓ 10 bestanden gecontroleerd: geen fouten, geen waarschuwingen\n"
    )
    settings = minimal / "leercyclus.yaml"
    settings.write_text(settings.read_text().replace("language: nl", "language: en"))
    assert run(["check", str(minimal)]) == 0
    assert capsys.readouterr().out == "✓ 10 files checked: no errors, no warnings\n"


def test_every_translation_keeps_the_fields_of_its_english_text() -> None:
    import string

    from leercyclus.cli.messages import TABLES

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for table in TABLES.values():
        assert [e for e, said in table.items() if fields(e) != fields(said)] == []


def test_the_first_start_of_deduce_is_told_apart_from_a_later_one(tmp_path: Path) -> None:
    from leercyclus.privacy.deidentify import tables_built

    assert not tables_built(tmp_path)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "lookup_structs.pickle").write_bytes(b"")
    assert tables_built(tmp_path)


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("the file nests deeper than 64 levels", "het bestand is dieper genest dan 64 niveaus"),
        ("unknown standard 'A11': did you mean 'A1'?",
         "standaard 'A11' bestaat niet: bedoelt u 'A1'?"),
        ("'participants' must be a list (lines starting with '- '), not 'abc'",
         "'participants' moet een lijst (regels die beginnen met '- ') zijn, niet 'abc'"),
        ("the file is named x.yaml, but institution is 'de-linde': rename the file to "
         "de-linde.yaml or set institution: x",
         "het bestand heet x.yaml, maar institution is 'de-linde': hernoem het bestand naar "
         "de-linde.yaml of zet institution: x"),
        ("unknown key 'standard': did you mean 'standards'?",
         "onbekende sleutel 'standard': bedoelt u 'standards'?"),
        ("a message no table knows", "a message no table knows"),
    ],
)  # fmt: skip
def test_findings_are_said_in_dutch_with_what_the_user_wrote_kept(english: str, dutch: str) -> None:
    from leercyclus.cli.messages import translate_finding

    assert translate_finding(english, "nl") == dutch
    assert translate_finding(english, "en") == english


def test_every_finding_of_the_scenarios_is_said_in_dutch(tmp_path: Path) -> None:
    """The scenarios make nearly every finding code; each message fits a Dutch template."""
    from helpers import found
    from leercyclus.cli.messages import translate_finding

    untranslated = set()
    for name, overrides in SCENARIOS.items():
        for f in found(network(tmp_path / name, overrides)):
            if translate_finding(f.message, "nl") == f.message:
                untranslated.add((f.code, f.message))
    assert sorted(untranslated) == []
