"""`leercyclus diff`: the standards of two cycles, as an advisory board reviews them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from leercyclus.cli import run
from leercyclus.methods.peerreview.diff import Piece, md, word_diff
from test_startup import HEAVY, imported_by

Capsys = pytest.CaptureFixture[str]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"
A3_TEXT = (
    "      text: Cliënten [-ervaren dat-] {+hebben zeggenschap over+} hun [-privacy-] "
    "{+eigen ruimte+} en [-persoonlijke ruimte worden gerespecteerd:-] {+hun eigen verhaal."
)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, tmp_path / "net", ignore=shutil.ignore_patterns("build")))


def diff_of(capsys: Capsys, *argv: str) -> str:
    assert run(["diff", *argv]) == 0
    return capsys.readouterr().out


def test_text_shows_added_dropped_and_a_word_diff(capsys: Capsys) -> None:
    out = diff_of(capsys, "2025", "2026", str(EXAMPLE)).splitlines()
    assert out[0] == "standards of cycle 2025 → 2026: 2 added, 1 dropped, 1 changed, 21 unchanged"
    assert out[2:4] == ["added", "  B5  Zelfmanagement en e-health  (domain B)"]
    assert "  C4  Naasten als partner in herstel  (domain C)" in out
    dropped = out.index("dropped")
    assert out[dropped + 1] == "  E6  Digitale dagbesteding"
    assert out[dropped + 2].startswith("      evaluation 2025: drop: Digitale dagbesteding bleek")
    changed = out.index("changed")
    assert out[changed + 1] == "  A3  Privacy en persoonlijke ruimte"
    assert out[changed + 2].startswith("      evaluation 2025: adjust: De standaard combineert")
    assert out[changed + 3].startswith(A3_TEXT)
    assert out[changed + 4].startswith("      guidance: Denk aan {+een slot dat de cliënt")


def test_markdown_is_a_pull_request_comment_in_the_networks_language(capsys: Capsys) -> None:
    out = diff_of(capsys, "2025", "2026", str(EXAMPLE), "--format", "markdown")
    lines = out.splitlines()
    assert lines[:3] == [
        "## Standaarden: cyclus 2025 → 2026",
        "",
        "**2 nieuw · 1 geschrapt · 1 gewijzigd · 21 ongewijzigd**",
    ]
    assert "- **B5 · Zelfmanagement en e-health** (domein B)  " in lines
    assert "- **E6 · Digitale dagbesteding**  " in lines
    assert "#### A3 · Privacy en persoonlijke ruimte" in lines
    assert (
        "**Tekst:** Cliënten ~~ervaren dat~~ **hebben zeggenschap over** hun ~~privacy~~ "
        "**eigen ruimte** en" in out
    )
    assert lines[-1] == "<sub>~~doorgestreept~~: vervalt · **vet**: nieuw</sub>"


def test_json_for_tools(capsys: Capsys) -> None:
    data = json.loads(diff_of(capsys, "2025", "2026", str(EXAMPLE), "--format", "json"))
    assert (data["from"], data["to"]) == ("2025", "2026")
    assert [s["id"] for s in data["added"]] == ["B5", "C4"]
    assert [s["id"] for s in data["dropped"]] == ["E6"]
    assert data["dropped"][0]["evaluation"]["verdict"] == "drop"
    [a3] = data["changed"]
    assert (a3["from"], a3["to"], sorted(a3["fields"])) == ("A3", "A3", ["guidance", "text"])
    assert a3["fields"]["text"]["words"][:3] == [
        ["equal", "Cliënten"],
        ["delete", "ervaren dat"],
        ["insert", "hebben zeggenschap over"],
    ]
    assert len(data["unchanged"]) == 21


def test_a_renamed_standard_is_matched_by_continues(example: Path, capsys: Capsys) -> None:
    old = example / "cycles/2026/standards/A/A3.yaml"
    text = old.read_text().replace("id: A3\n", "id: A3a\n")
    old.unlink()
    (example / "cycles/2026/standards/A/A3a.yaml").write_text(text)
    out = diff_of(capsys, "2025", "2026", str(example)).splitlines()
    assert out[0] == "standards of cycle 2025 → 2026: 2 added, 1 dropped, 1 changed, 21 unchanged"
    assert "  A3 → A3a  Privacy en persoonlijke ruimte" in out


def test_continues_is_followed_across_cycles_and_backwards(example: Path, capsys: Capsys) -> None:
    assert run(["new", "cycle", "2027", str(example)]) == 0
    capsys.readouterr()
    out = diff_of(capsys, "2025", "2027", str(example)).splitlines()
    assert out[0] == "standards of cycle 2025 → 2027: 2 added, 1 dropped, 1 changed, 21 unchanged"
    back = diff_of(capsys, "2026", "2025", str(example)).splitlines()
    assert back[0] == "standards of cycle 2026 → 2025: 1 added, 2 dropped, 1 changed, 21 unchanged"
    assert "  E6  Digitale dagbesteding  (domain E)" in back


def test_english_markdown_for_an_english_network(example: Path, capsys: Capsys) -> None:
    settings = example / "leercyclus.yaml"
    settings.write_text(settings.read_text().replace("language: nl", "language: en"))
    out = diff_of(capsys, "2025", "2026", str(example), "--format", "markdown")
    assert out.startswith("## Standards: cycle 2025 → 2026\n\n**2 added · 1 dropped · 1 changed")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["2023", "2026"], "error: there is no cycle '2023': the cycles are 2024, 2025, 2026"),
        (["2026", "2026"], "error: both cycles are 2026: give two different cycles"),
    ],
)
def test_usage_errors(capsys: Capsys, argv: list[str], message: str) -> None:
    assert run(["diff", *argv, str(EXAMPLE)]) == 2
    assert capsys.readouterr().err.splitlines() == [message]


def test_word_diff_ignores_spacing_and_keeps_runs_together() -> None:
    assert word_diff("een  twee\ndrie", "een twee drie") == (Piece("equal", "een twee drie"),)
    assert word_diff("a b c", "a x c") == (
        Piece("equal", "a"),
        Piece("delete", "b"),
        Piece("insert", "x"),
        Piece("equal", "c"),
    )
    assert word_diff("", "nieuw") == (Piece("insert", "nieuw"),)


def test_markdown_text_cannot_start_markup() -> None:
    """The reports' own escaping: a '#' within a line is no heading and stays as it is."""
    assert md("*vet* en _schuin_ <b>html</b> [link](x) ~~weg~~ #kop") == (
        r"\*vet\* en \_schuin\_ \<b\>html\</b\> \[link\](x) \~\~weg\~\~ #kop"
    )
    assert md("# kop\n\n- punt") == r"\# kop - punt"


def test_help_imports_no_heavy_module() -> None:
    code, modules = imported_by(["diff", "--help"])
    assert code == 0
    assert [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)] == []
