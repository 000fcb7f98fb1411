"""A whole cycle through the command line: init, forms, a spreadsheet, status, reports, the next
cycle and its diff, with `check` passing after every step."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from leercyclus.cli import run

Capsys = pytest.CaptureFixture[str]

CYCLE = "cycles/2026"
INSTITUTIONS = {
    "de-linde": "Zorggroep De Linde",
    "het-anker": "GGZ Het Anker",
    "de-brug": "Stichting De Brug",
    "zeezicht": "Kliniek Zeezicht",
    "kempenhof": "Kempenhof Zorg",
    "bosrand": "Centrum Bosrand",
}
"""Six participants, so that min_group 5 of the starter settings holds."""

REGISTER = "institutions:\n" + "".join(
    f"  - id: {inst}\n    name: {name}\n" for inst, name in INSTITUTIONS.items()
)
OUTCOMES = ["volledig", "deels", "volledig", "niet", "deels"]
"""The answers to A1, A2, A3, B1, B2 of the self-reviews filled in as YAML."""


def cli(capsys: Capsys, *argv: str | Path) -> str:
    """Run `leercyclus ARGV`, which must exit 0; its standard output."""
    capsys.readouterr()
    code = run([str(a) for a in argv])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def check_passes(root: Path, capsys: Capsys) -> str:
    """`leercyclus check` exits 0 (warnings allowed); its output."""
    return cli(capsys, "check", root)


def edit(path: Path, *changes: tuple[str, str]) -> None:
    """Replace each `old` (which must occur exactly once) by `new` in the file, as an editor."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def answer(sid: str, outcome: str, key: str, text: str) -> tuple[str, str]:
    """Uncomment a standard's answer in a form written by `new` and fill it in."""
    return (
        f"  # {sid}:\n  #   outcome:          # volledig | deels | niet | nvt\n  #   {key}: >-\n",
        f"  {sid}:\n    outcome: {outcome}\n    {key}: >-\n      {text}\n",
    )


def comments(text: str) -> list[str]:
    """A file's whole comment lines, in order."""
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def fill_self_review(path: Path, inst: str, completed: str) -> None:
    edit(
        path,
        ("# completed: JJJJ-MM-DD ", f"completed: {completed}  "),
        ("participants: []", "participants: [teamleider, 2 cliënten]"),
        ("\n# standards:\n", "\nstandards:\n"),
        *(
            answer(sid, outcome, "explanation", f"Bij {inst} gaat standaard {sid} {outcome}.")
            for sid, outcome in zip(["A1", "A2", "A3", "B1", "B2"], OUTCOMES, strict=True)
        ),
    )


def fill_form(form: Path, completed: dt.date) -> None:
    """Fill in an exported self-review spreadsheet, as a team would in Excel."""
    book = load_workbook(form)
    sheet = book["Zelfreview"]
    header = [c.value for c in sheet[1]]
    outcome, explanation = header.index("Uitkomst") + 1, header.index("Toelichting") + 1
    for r in range(2, sheet.max_row + 1):
        sid = sheet.cell(r, 1).value
        sheet.cell(r, outcome).value = "nvt" if sid == "A3" else "volledig"
        sheet.cell(r, explanation).value = None if sid == "A3" else f"Zo doen wij {sid}."
    general = book["Algemeen"]
    general["B2"] = completed
    general["B3"] = "kwaliteitsfunctionaris\nervaringsdeskundige"
    book.save(form)


VISIT = [
    ("date:                # de reviewdag: JJJJ-MM-DD", "date: 2026-05-12"),
    (
        "  # - name:\n  #   role:\n  #   discipline:    # bijv. verpleegkundige (mag weg)\n"
        "  #   institution:\n",
        "  - name: Anna de Vries\n    role: chair\n    institution: het-anker\n"
        "  - name: Bram Jansen\n    role: expert_by_experience\n    institution: de-brug\n"
        "  - name: Carla Smit\n    role: professional\n    discipline: psychiater\n"
        "    institution: zeezicht\n",
    ),
    ("\n# standards:  ", "\nstandards:    "),
    answer("A1", "volledig", "note", "Het team zag respectvolle gesprekken."),
    answer("B1", "deels", "note", "Doelen staan niet altijd in de woorden van de cliënt."),
    (
        "# parels:            # wat de instelling uitzonderlijk goed doet\n"
        "#   - title:\n#     text: >-\n#     standards: []   # bijv. [A1, B2]\n"
        "#     share: false    # true: mag met de contactpersoon in het landelijk rapport\n"
        "#     contact: {name: , email: }\n",
        "parels:\n  - title: Herstelcafé\n    text: Cliënten en medewerkers praten elke week.\n"
        "    standards: [A1]\n    share: true\n"
        "    contact: {name: Dirk Bos, email: d.bos@example.org}\n",
    ),
    (
        "# oesters:           # waar de instelling kan groeien\n#   - title:\n#     text: >-\n"
        "#     standards: []\n#     suggestion: >-\n",
        "oesters:\n  - title: Doelen in eigen woorden\n"
        "    text: Het plan is vaak in vaktaal geschreven.\n    standards: [B1]\n",
    ),
]
"""The review day at de-linde, filled in by the quality officer."""

NEXT_YEAR = max(dt.date.today().year + 1, 2027)
"""An action's due year, after the real today of `check` and the fixed today of `status`."""

EVALUATION = """\
standards:
  A3:
    verdict: drop
    note: Iedereen voldoet eraan.
  B2:
    verdict: adjust
    note: Maak de rol van naasten concreter.
process: De reviewdagen waren goed voorbereid.
"""


def test_a_whole_cycle_from_init_to_the_next_cycle(tmp_path: Path, capsys: Capsys) -> None:
    root = tmp_path / "netwerk"
    cli(capsys, "init", root, "--cycle", "2026", "--network", "Netwerk Herstel")
    check_passes(root, capsys)

    # Our own institutions and participants instead of the examples.
    (root / "institutions.yaml").write_text(REGISTER, encoding="utf-8")
    participants = f"participants: [{', '.join(INSTITUTIONS)}]"
    edit(root / CYCLE / "cycle.yaml", ("participants: [voorbeeld-noord, voorbeeld-zuid]",
                                       participants))  # fmt: skip
    with (root / CYCLE / "cycle.yaml").open("a", encoding="utf-8") as cycle_yaml:
        cycle_yaml.write("milestones:\n  self_reviews: 2026-03-31\n  review_days: 2026-06-30\n")
    assert check_passes(root, capsys).startswith(
        "✓ 8 bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    )

    # A self-review for each: five filled in as YAML, one through a spreadsheet.
    for n, inst in enumerate(INSTITUTIONS):
        assert cli(capsys, "new", "self-review", inst, root).startswith(
            f"  wrote  {CYCLE}/self-reviews/{inst}.yaml\n"
        )
        if inst != "de-linde":
            fill_self_review(
                root / CYCLE / "self-reviews" / f"{inst}.yaml", inst, f"2026-03-{n + 1:02}"
            )
    warned = check_passes(root, capsys)  # the form not yet filled in warns, by design
    assert "5 standaard(en) van de cyclus zijn niet beantwoord" in warned  # a Dutch network
    assert "1 waarschuwing" in warned
    skeleton = (root / CYCLE / "self-reviews/de-linde.yaml").read_text(encoding="utf-8")
    form = tmp_path / "de-linde.xlsx"
    cli(capsys, "export", "self-review", "de-linde", "--repo", root, "--out", form)
    fill_form(form, dt.date(2026, 3, 20))
    out = cli(capsys, "import", form, "--repo", root)
    assert out.startswith(f"✓ de-linde.xlsx: updated {CYCLE}/self-reviews/de-linde.yaml")
    imported = (root / CYCLE / "self-reviews/de-linde.yaml").read_text(encoding="utf-8")
    slots = re.compile(r"# standards:$|  # [A-Z]\d:$|  #   (outcome|explanation):")
    opened = [c for c in comments(skeleton) if not slots.match(c)]
    assert comments(imported) == opened  # the form's texts survive; its answer slots are filled
    assert "  A1:\n    outcome: met\n    explanation: Zo doen wij A1.\n" in imported
    assert imported.startswith(skeleton.partition("# completed:")[0] + "completed: 2026-03-20\n")
    assert check_passes(root, capsys).startswith(
        "✓ 14 bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    )

    # The review day at de-linde, and its action plan from the oesters.
    cli(capsys, "new", "visit", "de-linde", root)
    visit = root / CYCLE / "visits/de-linde.yaml"
    assert "  #   Zelfreview: volledig\n  #   | Zo doen wij A1.\n" in visit.read_text(
        encoding="utf-8"
    )
    edit(visit, *VISIT)
    assert check_passes(root, capsys).startswith(
        "✓ 15 bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    )
    cli(capsys, "new", "actions", "de-linde", root)
    edit(
        root / CYCLE / "actions/de-linde.yaml",
        ("\n# actions:\n", "\nactions:\n"),
        ("#   - id: doelen-in-eigen-woorden\n", "  - id: doelen-in-eigen-woorden\n"),
        ("#     what:  ", "    what: Plannen samen herschrijven"),
        ("#     owner: ", "    owner: teamleider"),
        ("#     due:   ", f"    due: {NEXT_YEAR}-03-01"),  # never overdue for `check`
        ("#     status: open", "    status: open"),
        ("#     standards: [B1]", "    standards: [B1]"),
    )
    assert check_passes(root, capsys).startswith(
        "✓ 16 bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    )

    status = json.loads(cli(capsys, "status", root, "--format", "json", "--today", "2026-12-01"))
    assert (status["errors"], status["warnings"]) == (0, 0)
    rows = {p["institution"]: p for p in status["participants"]}
    assert list(rows) == list(INSTITUTIONS)
    assert rows["de-linde"]["self_review"] == {
        "state": "completed", "answered": 5, "standards": 5, "explanations_missing": 0,
        "completed": "2026-03-20",
    }  # fmt: skip
    assert rows["de-linde"]["visit"] == {
        "state": "held", "date": "2026-05-12", "team_complete": True, "team_lacks": []
    }  # fmt: skip
    assert rows["de-linde"]["actions"] == {"state": "present", "actions": 1, "open": 1,
                                           "overdue": 0}  # fmt: skip
    assert rows["bosrand"]["visit"]["state"] == "missing"
    steps = [(m["name"], m["done"], m["of"], m["due"], m["late"]) for m in status["milestones"]]
    assert steps == [
        ("standards", 5, 5, None, False),
        ("self-reviews", 6, 6, "2026-03-31", False),
        ("review days", 1, 6, "2026-06-30", True),
        ("institution reports", 0, 6, None, False),
        ("national report", 0, 1, None, False),
        ("action plans", 1, 6, None, False),
        ("evaluation", 0, 1, None, False),
    ]

    # The reports: the national report once (it starts deduce), as Markdown and HTML.
    cli(capsys, "report", root, "--format", "md,html")
    build = root / "build" / "2026"
    for suffix in ("md", "html"):
        assert (build / "confidential/de-linde" / f"institution-report.{suffix}").is_file()
        assert (build / "public" / f"national-report.{suffix}").is_file()
    national = (build / "public/national-report.md").read_text(encoding="utf-8")
    assert "Herstelcafé" in national  # the shared parel
    assert "De Linde" not in national and "de-linde" not in national
    check_passes(root, capsys)

    # The evaluation, then the next cycle without the dropped standard.
    (root / CYCLE / "evaluation.yaml").write_text(EVALUATION, encoding="utf-8")
    check_passes(root, capsys)
    status = json.loads(cli(capsys, "status", root, "--format", "json", "--today", "2026-12-01"))
    assert [(m["done"], m["of"]) for m in status["milestones"][3:]] == [
        (6, 6), (1, 1), (1, 6), (1, 1)
    ]  # fmt: skip
    out = cli(capsys, "new", "cycle", "2027", root)
    assert "4 standards carried over, 1 marked to adjust (B2), 1 dropped (A3)" in out
    assert not (root / "cycles/2027/standards/A3.yaml").exists()
    assert check_passes(root, capsys).startswith(
        "✓ 22 bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    )
    diff = json.loads(cli(capsys, "diff", "2026", "2027", root, "--format", "json"))
    assert [s["id"] for s in diff["dropped"]] == ["A3"]
    assert "A3" in cli(capsys, "diff", "2026", "2027", root)
