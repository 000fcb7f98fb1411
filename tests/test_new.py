"""`leercyclus new`: the next cycle from the last, and forms that pass check until filled in."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import found
from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.methods.peerreview.newfiles import ordered_standards
from leercyclus.repository.yamlread import load_text
from test_startup import HEAVY, imported_by

Capsys = pytest.CaptureFixture[str]

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "herstelnetwerk"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """The example network (cycles 2025 and 2026), copied without its built reports."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "net", ignore=shutil.ignore_patterns("build")))


@pytest.fixture
def only_2025(example: Path) -> Path:
    """The example network before cycle 2026 was made: 2025 and its evaluation."""
    shutil.rmtree(example / "cycles" / "2026")
    return example


def errors_in(root: Path, prefix: str) -> list[str]:
    return [f"{f.code} {f.message}" for f in found(root) if f.file.startswith(prefix)]


def body(text: str) -> str:
    """A file's text after its leading comment lines."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return "".join(lines)


def uncomment(text: str, first: str, count: int) -> str:
    """Take the '# ' off `count` lines from the line `first`, as an editor's toggle would."""
    lines = text.split("\n")
    start = lines.index(first)
    for n in range(start, start + count):
        lines[n] = re.sub(r"^(\s*)# ", r"\1", lines[n])
    return "\n".join(lines)


# new cycle ---------------------------------------------------------------------------------------


def test_new_cycle_applies_the_evaluation_and_passes_check(only_2025: Path, capsys: Capsys) -> None:
    assert run(["new", "cycle", "2026", str(only_2025)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "  wrote  cycles/2026/cycle.yaml"
    assert out[-2] == (
        "cycle 2026 from 2025 (the evaluation applied): 22 standards carried over, "
        "1 marked to adjust (A3), 1 dropped (E6)"
    )
    assert errors_in(only_2025, "cycles/2026/") == []
    new = load_network(only_2025).cycles["2026"]
    assert sorted(new.standards) == sorted(
        s for s in load_network(only_2025).cycles["2025"].standards if s != "E6"
    )
    assert all(s.model.continues == s.model.id for s in new.standards.values())
    assert not (only_2025 / "cycles/2026/standards/E/E6.yaml").exists()


def test_a_standard_to_adjust_carries_the_evaluation_above_its_text(only_2025: Path) -> None:
    assert run(["new", "cycle", "2026", str(only_2025)]) == 0
    lines = (only_2025 / "cycles/2026/standards/A/A3.yaml").read_text().splitlines()
    text_at = lines.index("text: >-")
    above = lines[lines.index("title: Privacy en persoonlijke ruimte") + 1 : text_at]
    assert above[0] == (
        "# AANPASSEN: de evaluatie van cyclus 2025 vraagt de adviesraad deze standaard aan te "
        "passen. Haal"
    )
    assert above[2].startswith("# Uit de evaluatie: De standaard combineert twee verschillende")
    assert all(line.startswith("# ") for line in above)


def test_a_carried_standard_keeps_its_text_byte_for_byte(only_2025: Path) -> None:
    assert run(["new", "cycle", "2026", str(only_2025)]) == 0
    old = (only_2025 / "cycles/2025/standards/D/D2.yaml").read_text()
    new = (only_2025 / "cycles/2026/standards/D/D2.yaml").read_text()
    assert body(new) == body(old) + "continues: D2\n"
    assert new.splitlines()[:2] == [
        "# yaml-language-server: $schema=../../../../schemas/standard.schema.json",
        f"# Standaard D2 ({load_text(old)['title']}), voortgezet uit cyclus 2025.",
    ]


def test_the_new_cycle_file_carries_over_domains_and_participants(only_2025: Path) -> None:
    assert run(["new", "cycle", "2026", str(only_2025)]) == 0
    text = (only_2025 / "cycles/2026/cycle.yaml").read_text()
    old = load_text((only_2025 / "cycles/2025/cycle.yaml").read_text())
    new = load_text(text)
    assert new["id"] == "2026"
    assert new["title"] == "Cyclus 2026"
    assert new["previous"] == "2025"
    assert "theme" not in new
    assert new["domains"] == old["domains"]
    assert new["participants"] == old["participants"]
    assert "# Het thema van cyclus 2025 was: Naasten betrekken.\n# theme:\n" in text
    assert 'id: "2026"\ntitle: Cyclus 2026\nprevious: "2025"\n' in text


def test_new_cycle_starts_from_the_newest_cycle(example: Path, capsys: Capsys) -> None:
    assert run(["new", "cycle", "2027", str(example)]) == 0
    assert capsys.readouterr().out.splitlines()[-2] == (
        "cycle 2027 from 2026 (no evaluation.yaml to apply): 24 standards carried over, "
        "0 marked to adjust, 0 dropped"
    )
    assert load_text((example / "cycles/2027/cycle.yaml").read_text())["previous"] == "2026"
    assert errors_in(example, "cycles/2027/") == []


def test_new_cycle_never_overwrites_without_force(only_2025: Path, capsys: Capsys) -> None:
    assert run(["new", "cycle", "2026", str(only_2025)]) == 0
    (only_2025 / "cycles/2026/standards/A/A1.yaml").write_text("mine")
    capsys.readouterr()
    assert run(["new", "cycle", "2026", str(only_2025), "--from", "2025"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: cycles/2026/ already exists: nothing was written",
        "hint: choose another id, or add --force to replace its cycle.yaml and standards",
    ]
    assert (only_2025 / "cycles/2026/standards/A/A1.yaml").read_text() == "mine"
    assert run(["new", "cycle", "2026", str(only_2025), "--from", "2025", "--force"]) == 0
    assert "continues: A1" in (only_2025 / "cycles/2026/standards/A/A1.yaml").read_text()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["9 9"], "error: '9 9' is not a valid cycle id: use letters, digits, '.', '_' and '-', "
                  "starting with a letter or digit, e.g. 2027"),
        (["2027", "--from", "2023"],
         "error: there is no cycle '2023': the cycles are 2024, 2025, 2026"),
        (["2026", "--from", "2026", "--force"],
         "error: cycle 2026 cannot follow itself: give another cycle with --from"),
    ],
)  # fmt: skip
def test_new_cycle_usage_errors(
    example: Path, capsys: Capsys, argv: list[str], message: str
) -> None:
    assert run(["new", "cycle", *argv[:1], str(example), *argv[1:]]) == 2
    assert capsys.readouterr().err.splitlines()[0] == message


# Forms --------------------------------------------------------------------------------------------


def test_a_self_review_form_lists_every_standard_and_passes_check(
    example: Path, capsys: Capsys
) -> None:
    assert run(["new", "self-review", "het-anker", str(example), "--force"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "  wrote  cycles/2026/self-reviews/het-anker.yaml"
    )
    text = (example / "cycles/2026/self-reviews/het-anker.yaml").read_text()
    for standard in ordered_standards(load_network(example).cycles["2026"]):
        assert f"\n  # {standard.id} · {standard.title}" in text
        assert _commented_words(text, standard.id).startswith(" ".join(standard.text.split()))
        assert f"\n  # {standard.id}:\n  #   outcome:" in text
    assert [f.code for f in found(example) if f.file.endswith("self-reviews/het-anker.yaml")] == [
        "LC207"
    ]


def _commented_words(text: str, standard: str) -> str:
    """The comment lines under a standard's heading, as one line of words."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(f"  # {standard} · "))
    words = []
    for line in lines[start + 1 :]:
        if not line.startswith("  #   "):
            break
        words.append(line[6:])
    return " ".join(" ".join(words).split())


def test_a_filled_in_self_review_answer_is_read(example: Path) -> None:
    assert run(["new", "self-review", "het-anker", str(example), "--force"]) == 0
    path = example / "cycles/2026/self-reviews/het-anker.yaml"
    text = uncomment(path.read_text(), "# standards:", 1)
    text = uncomment(text, "  # A1:", 3).replace(
        "    explanation: >-\n", "    explanation: >-\n      Wij doen dit: samen met cliënten.\n", 1
    )
    path.write_text(text.replace("    outcome:", "    outcome: deels", 1))
    review = load_network(example).cycles["2026"].self_reviews["het-anker"].model
    assert review.standards["A1"].outcome == "partly_met"
    assert review.standards["A1"].explanation == "Wij doen dit: samen met cliënten."
    assert [f.code for f in found(example) if f.file.endswith("self-reviews/het-anker.yaml")] == [
        "LC207"
    ]


def test_a_form_is_never_overwritten_without_force(example: Path, capsys: Capsys) -> None:
    path = example / "cycles/2026/self-reviews/de-linde.yaml"
    before = path.read_bytes()
    assert run(["new", "self-review", "de-linde", str(example)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "error: cycles/2026/self-reviews/de-linde.yaml already exists: nothing was written",
        "hint: add --force to replace it",
    ]
    assert path.read_bytes() == before


def test_a_visit_form_shows_the_self_review_and_asks_for_date_and_team(example: Path) -> None:
    (example / "cycles/2026/visits/de-linde.yaml").unlink()
    assert run(["new", "visit", "de-linde", str(example)]) == 0
    text = (example / "cycles/2026/visits/de-linde.yaml").read_text()
    answers = load_network(example).cycles["2026"].self_reviews["de-linde"].model.standards
    words = {"met": "volledig", "partly_met": "deels", "not_met": "niet", "not_applicable": "nvt"}
    a1 = answers["A1"]
    assert f"  #   Zelfreview: {words[a1.outcome]}\n  #   | " in text
    assert " ".join((a1.explanation or "").split()[:6]) in _commented_words(text, "A1")
    assert [
        (f.line, f.code) for f in found(example) if f.file.endswith("visits/de-linde.yaml")
    ] == [(15, "LC106"), (16, "LC103")]


def test_a_visit_form_with_date_and_team_passes_check(example: Path) -> None:
    (example / "cycles/2026/visits/de-linde.yaml").unlink()
    assert run(["new", "visit", "de-linde", str(example)]) == 0
    path = example / "cycles/2026/visits/de-linde.yaml"
    text = uncomment(path.read_text(), "  # - name:", 4)
    text = text.replace("date:     ", "date: 2026-04-14", 1).replace("- name:", "- name: Ans Bos")
    text = text.replace("  role:\n", "  role: client\n").replace(
        "  institution:\n", "  institution: bosrand\n"
    )
    path.write_text(text)
    assert [f for f in found(example) if f.file.endswith("visits/de-linde.yaml")] == []


def test_an_action_plan_form_starts_from_the_oesters(example: Path) -> None:
    assert run(["new", "actions", "de-linde", str(example), "--force"]) == 0
    text = (example / "cycles/2026/actions/de-linde.yaml").read_text()
    visit = load_network(example).cycles["2026"].visits["de-linde"].model
    assert visit.oesters
    for oester in visit.oesters:
        assert f"#   {oester.title} ({', '.join(oester.standards)})\n" in text
        assert f"#     standards: [{', '.join(oester.standards)}]\n" in text
    assert "#   - id: privacy-in-vleugel-zuid\n" in text
    assert [f for f in found(example) if f.file.endswith("actions/de-linde.yaml")] == []


@pytest.mark.parametrize(
    ("argv", "lines"),
    [
        (["self-review", "de-lind"],
         ["error: 'de-lind' is not a participant of cycle 2026: did you mean 'de-linde'?",
          "hint: the participants are: de-linde, het-anker, de-waterlelie, bosrand, de-horizon, "
          "zeezicht, het-baken, kempenhof"]),
        (["visit", "het-baken", "--cycle", "2025"],
         ["error: 'het-baken' is not a participant of cycle 2025",
          "hint: add it to participants in cycles/2025/cycle.yaml first"]),
        (["actions", "de-linde", "--cycle", "2030"],
         ["error: there is no cycle '2030': the cycles are 2024, 2025, 2026"]),
    ],
)  # fmt: skip
def test_a_form_needs_a_participant_of_an_existing_cycle(
    example: Path, capsys: Capsys, argv: list[str], lines: list[str]
) -> None:
    assert run(["new", argv[0], argv[1], str(example), *argv[2:]]) == 2
    assert capsys.readouterr().err.splitlines() == lines


@pytest.mark.parametrize("argv", [["new", "--help"], ["new", "cycle", "--help"]])
def test_help_imports_no_heavy_module(argv: list[str]) -> None:
    code, modules = imported_by(argv)
    assert code == 0
    assert [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)] == []


def test_the_old_milestones_become_a_commented_proposal_a_year_later(example: Path) -> None:
    cycle_yaml = example / "cycles/2026/cycle.yaml"
    old = cycle_yaml.read_text()
    cycle_yaml.write_text(old.replace("milestones:", "# Afgesproken in de ALV.\nmilestones:"))
    assert run(["new", "cycle", "2027", str(example)]) == 0
    text = (example / "cycles/2027/cycle.yaml").read_text()
    assert "milestones" not in load_text(text)
    assert "ALV" not in text  # the old dates' comment went with them
    assert text.endswith(
        "  - kempenhof\n"
        "\n"
        "# Mijlpalen (mag weg): haal de '# ' weg en vul de data in (JJJJ-MM-DD). Elke datum is de"
        " dag\n# waarop die stap van de cyclus af moet zijn. Voorgesteld zijn de data van cyclus"
        " 2026, een jaar\n# later.\n"
        "# milestones:\n"
        "#   standards: 2027-01-15\n"
        "#   self_reviews: 2027-03-31\n"
        "#   review_days: 2027-06-30\n"
        "#   institution_reports: 2027-08-31\n"
        "#   national_report: 2027-10-31\n"
        "#   action_plans: 2027-12-15\n"
        "#   evaluation: 2028-01-31\n"
    )  # fmt: skip
    (example / "cycles/2027/cycle.yaml").write_text(uncomment(text, "# milestones:", 8))
    assert errors_in(example, "cycles/2027/") == []
    new = load_network(example).cycles["2027"].cycle
    assert new is not None and new.model.milestones is not None
    assert str(new.model.milestones.evaluation) == "2028-01-31"


def test_without_year_ids_the_milestones_are_left_to_fill_in(example: Path) -> None:
    assert run(["new", "cycle", "herfst", str(example)]) == 0
    text = (example / "cycles/herfst/cycle.yaml").read_text()
    assert "Voorgesteld" not in text
    assert text.endswith("# milestones:\n#   standards:\n#   self_reviews:\n#   review_days:\n"
                         "#   institution_reports:\n#   national_report:\n#   action_plans:\n"
                         "#   evaluation:\n")  # fmt: skip
    (example / "cycles/herfst/cycle.yaml").write_text(uncomment(text, "# milestones:", 8))
    assert errors_in(example, "cycles/herfst/") == []


def test_an_id_that_looks_like_a_number_is_carried_as_written(tmp_path: Path) -> None:
    root = tmp_path / "net"
    assert run(["init", str(root), "--cycle", "2026"]) == 0
    (root / "cycles/2026/standards/1.10.yaml").write_text(
        "id: 1.10\ndomain: A\ntitle: Tien\ntext: De tiende.\n"
    )
    (root / "cycles/2026/cycle.yaml").write_text(
        (root / "cycles/2026/cycle.yaml").read_text().replace('id: "2026"', "id: 2026")
    )
    assert run(["new", "cycle", "2027", str(root)]) == 0
    assert errors_in(root, "cycles/2027/") == []
    new = load_network(root).cycles["2027"]
    assert new.standards["1.10"].model.continues == "1.10"
    assert new.cycle is not None and new.cycle.model.previous == "2026"
    text = (root / "cycles/2027/cycle.yaml").read_text()
    assert (
        "title: Cyclus 2027\nprevious: '2026'\n# Het thema van deze cyclus (mag weg): vul" in text
    )
    assert text.count("Het thema van deze cyclus") == 1  # the old theme's comment went with it


def test_a_cycle_with_a_broken_standard_is_not_carried_over(
    only_2025: Path, capsys: Capsys
) -> None:
    (only_2025 / "cycles/2025/standards/A/A2.yaml").write_text("id: A2\ndomain: A\n")
    assert run(["new", "cycle", "2026", str(only_2025)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "error: cycle 2025 has files that cannot be read: standard A2",
        f"hint: fix them first: `leercyclus check {only_2025}` shows what is wrong",
    ]
    assert not (only_2025 / "cycles/2026").exists()


# forms in the network's language ---------------------------------------------------------------


@pytest.fixture
def english(example: Path) -> Path:
    """The example network with `language: en`."""
    settings = example / "leercyclus.yaml"
    text = settings.read_text(encoding="utf-8")
    assert "language: nl\n" in text
    settings.write_text(text.replace("language: nl\n", "language: en\n"), encoding="utf-8")
    return example


def _dutch_words(text: str) -> list[str]:
    """Dutch words of the forms' own texts that turn up in comment lines."""
    own = ("Zo vul je", "Zelfreview", "Reviewdag", "Toelichting:", "JJJJ", "volledig | deels",
           "bijv.", "Tip van het team", "Startpunten", "wat gaan jullie", "voortgezet uit",
           "Mijlpalen", "Het thema van", "essentieel", "verwacht)", "AANPASSEN",
           "Uit de evaluatie")  # fmt: skip
    return [word for word in own if word in text]


def test_an_english_network_gets_english_forms_that_pass_check(english: Path) -> None:
    for kind in ("self-review", "visit", "actions"):
        assert run(["new", kind, "het-anker", str(english), "--force"]) == 0
    folder = english / "cycles/2026"
    review = (folder / "self-reviews/het-anker.yaml").read_text(encoding="utf-8")
    visit = (folder / "visits/het-anker.yaml").read_text(encoding="utf-8")
    actions = (folder / "actions/het-anker.yaml").read_text(encoding="utf-8")
    assert "# Self-review of Stichting Het Anker, " in review
    assert "  #   outcome:          # met | partly_met | not_met | not_applicable\n" in review
    assert "(type 1: essential)" in review and "# completed: YYYY-MM-DD" in review
    assert "# Review day at Stichting Het Anker, " in visit
    assert "or observer." in visit and "# oesters:           # where the institution" in visit
    assert "# Reflection and action plan of Stichting Het Anker, " in actions
    assert "#     due:            # YYYY-MM-DD\n" in actions
    for text in (review, visit, actions):
        assert _dutch_words(text) == []
    mine = [f for f in found(english) if "het-anker" in f.file and f.code != "LC207"]
    assert [(f.file, f.code) for f in mine if f.severity == "error"] == [
        ("cycles/2026/visits/het-anker.yaml", "LC106"),
        ("cycles/2026/visits/het-anker.yaml", "LC103"),
    ]  # date and team, as the form's own instructions say


def test_an_english_answer_written_as_the_form_shows_is_read(english: Path) -> None:
    assert run(["new", "self-review", "het-anker", str(english), "--force"]) == 0
    path = english / "cycles/2026/self-reviews/het-anker.yaml"
    text = uncomment(path.read_text(encoding="utf-8"), "# standards:", 1)
    text = uncomment(text, "  # A1:", 3).replace(
        "    explanation: >-\n", "    explanation: >-\n      We do this with clients.\n", 1
    )
    path.write_text(text.replace("    outcome:", "    outcome: partly_met", 1), encoding="utf-8")
    review = load_network(english).cycles["2026"].self_reviews["het-anker"].model
    assert review.standards["A1"].outcome == "partly_met"
    assert review.standards["A1"].explanation == "We do this with clients."


def test_an_english_network_gets_an_english_next_cycle(english: Path, capsys: Capsys) -> None:
    shutil.rmtree(english / "cycles" / "2026")
    assert run(["new", "cycle", "2026", str(english)]) == 0
    capsys.readouterr()
    cycle = (english / "cycles/2026/cycle.yaml").read_text(encoding="utf-8")
    assert cycle.startswith("# yaml-language-server:")
    assert "# Cycle 2026, continued from cycle 2025 with `leercyclus new cycle`.\n" in cycle
    assert "This cycle's theme (optional)" in cycle and "# milestones:" in cycle
    standards = [p.read_text(encoding="utf-8") for p in (english / "cycles/2026").rglob("*.yaml")]
    assert any("ADJUST: the evaluation of cycle 2025" in text for text in standards)
    for text in [cycle, *standards]:
        assert _dutch_words(text) == []
    assert [f for f in found(english) if f.file.startswith("cycles/2026/")] == []
