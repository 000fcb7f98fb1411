"""Spreadsheet forms: export, fill in with openpyxl, import; comments kept, bad forms refused."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers import CYCLE_FILE, MINIMAL, SELF_REVIEW, SETTINGS, VISIT, committed, edited, found, git
from leercyclus.cli import run

MakeNetwork = Callable[[Mapping[str, str | bytes | None]], Path]
Capsys = pytest.CaptureFixture[str]
Cells = Mapping[str, Mapping[str, object]]

COMMENTED = """\
# Zelfreview 2025 van Zorggroep De Linde
# Ingevuld door het kernteam.

institution: de-linde
completed: 2025-02-20
participants: [teamleider kliniek, 2 cliënten]   # rollen, geen namen
standards:
  # Domein A
  A1:
    outcome: volledig   # besproken in het MT
    explanation: "Wij bespreken bejegening in elk teamoverleg."
    evidence: [Cliënttevredenheidsonderzoek 2024]
  A2:
    outcome: deels
    explanation: >-
      Herstelplannen worden samen opgesteld.
    # nog aanvullen na de teamdag

  # Domein B
  B1:
    outcome: nvt
theme: Naasten komen vaak pas laat in beeld.   # voorlopig
# einde
"""
"""A self-review with comments everywhere, Dutch outcomes, flow lists, quotes and a folded text."""

LONG = (
    "Herstelplannen worden samen met de cliënt opgesteld en twee keer per jaar geëvalueerd, "
    "altijd met de cliënt erbij; doelen staan in de woorden van de cliënt zelf."
)


def export(root: Path, kind: str = "self-review", *extra: str) -> Path:
    """Export the form of de-linde beside the repository; returns its path."""
    form = root.parent / f"de-linde-{kind}.xlsx"
    code = run(["export", kind, "de-linde", "--repo", str(root), "--out", str(form), *extra])
    assert code == 0
    return form


def fill(form: Path, cells: Cells, sheet: str = "Zelfreview") -> None:
    """Write cells {standard id or row label: {column heading: value}} into the form."""
    book = load_workbook(form)
    ws = book[sheet]
    columns = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    for row, values in cells.items():
        for heading, value in values.items():
            ws.cell(rows[row], columns[heading]).value = value
    book.save(form)


def import_(form: Path, root: Path, *extra: str) -> int:
    return run(["import", str(form), "--repo", str(root), *extra])


# Export ---------------------------------------------------------------------------------------


def test_export_writes_instructions_a_locked_form_and_hidden_identity(minimal: Path) -> None:
    book = load_workbook(export(minimal))
    assert book.sheetnames == ["Instructies", "Zelfreview", "Algemeen", "leercyclus"]
    assert book["leercyclus"].sheet_state == "veryHidden"
    meta = dict(book["leercyclus"].iter_rows(max_col=2, max_row=4, values_only=True))
    assert meta == {
        "form": "leercyclus",
        "kind": "self-review",
        "cycle": "2025",
        "institution": "de-linde",
    }
    ws = book["Zelfreview"]
    assert [c.value for c in ws[1]] == [
        "Code", "Domein", "Titel", "Standaard", "Uitkomst", "Toelichting", "Onderbouwing"
    ]  # fmt: skip
    assert [list(r) for r in ws.iter_rows(min_row=2, values_only=True)] == [
        ["A1", "A Bejegening", "Respectvolle bejegening",
         "Cliënten en naasten ervaren dat zij met respect worden bejegend.", "volledig",
         "Wij bespreken bejegening in elk teamoverleg.", "Cliënttevredenheidsonderzoek 2024"],
        ["A2", "A Bejegening", "Eigen regie", "Cliënten houden de regie over hun herstel.",
         "deels", "Herstelplannen worden samen opgesteld.", None],
        ["B1", "B Naasten", "Naasten betrokken", "Naasten worden vanaf de intake betrokken.",
         "nvt", None, None],
    ]  # fmt: skip
    assert ws.protection.sheet
    assert ws["A2"].protection.locked and not ws["E2"].protection.locked
    assert not ws["F2"].protection.locked and ws["F2"].alignment.wrap_text
    (choices,) = ws.data_validations.dataValidation
    assert (choices.type, choices.formula1, str(choices.sqref)) == (
        "list",
        '"volledig,deels,niet,nvt"',
        "E2:E4",
    )
    general = [list(r) for r in book["Algemeen"].iter_rows(max_col=2, values_only=True)]
    assert general == [
        ["Onderdeel", "Invullen"],
        ["Afgerond op", dt.datetime(2025, 2, 20)],
        ["Deelnemers", "teamleider kliniek\n2 cliënten"],
        ["Reflectie op het thema", "Naasten komen vaak pas laat in beeld."],
    ]
    instructions = "\n".join(
        str(r[0] or "") for r in book["Instructies"].iter_rows(values_only=True)
    )
    assert instructions.startswith("Zelfreview Cyclus 2025: Zorggroep De Linde\n")
    assert "• nvt: de standaard is niet van toepassing" in instructions
    assert "Bewaar het bestand als Excel-werkmap (.xlsx)" in instructions


def test_export_visit_shows_the_self_review_beside_the_team_columns(minimal: Path) -> None:
    ws = load_workbook(export(minimal, "visit"))["Reviewdag"]
    assert [c.value for c in ws[1]][4:] == [
        "Zelfreview", "Toelichting zelfreview", "Oordeel team", "Toelichting team"
    ]  # fmt: skip
    rows = [list(r)[4:] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == [
        ["volledig", "Wij bespreken bejegening in elk teamoverleg.", "deels",
         "Bejegening is goed, maar niet overal gelijk."],
        ["deels", "Herstelplannen worden samen opgesteld.", None, None],
        ["nvt", None, None, None],
    ]  # fmt: skip
    assert ws["E2"].protection.locked and not ws["G2"].protection.locked


def test_export_default_name_never_overwrites_without_force(
    minimal: Path, monkeypatch: pytest.MonkeyPatch, capsys: Capsys
) -> None:
    monkeypatch.chdir(minimal)
    assert run(["export", "self-review", "de-linde"]) == 0
    form = minimal / "forms" / "de-linde-self-review-2025.xlsx"
    assert capsys.readouterr().out == (
        "✓ wrote forms/de-linde-self-review-2025.xlsx: 3 standards, 3 already answered\n"
    )
    form.write_bytes(b"mine")
    assert run(["export", "self-review", "de-linde", "--repo", str(minimal)]) == 2
    assert capsys.readouterr().err == (
        f"error: {form} already exists\n"
        "hint: use --force to overwrite it, or choose another name with --out\n"
    )
    assert form.read_bytes() == b"mine"
    assert run(["export", "self-review", "de-linde", "--repo", str(minimal), "--force"]) == 0
    assert form.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in form.parent.iterdir()) == [".gitignore", form.name]


def test_exported_forms_stay_out_of_git(minimal: Path) -> None:
    committed(minimal)
    assert run(["export", "visit", "de-linde", str(minimal)]) == 0  # the repository as REPO
    assert git(minimal, "status", "--porcelain", "--untracked-files=all") == ""


def test_export_refuses_a_non_participant_and_other_formats(minimal: Path, capsys: Capsys) -> None:
    assert run(["export", "visit", "de-lind", "--repo", str(minimal)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: 'de-lind' is not a participant of cycle 2025: did you mean 'de-linde'?"
    )
    assert run(["export", "visit", "de-linde", "--repo", str(minimal), "--format", "csv"]) == 2
    assert "error: unknown form format 'csv'" in capsys.readouterr().err


def test_a_registered_institution_outside_the_cycle_is_told_where_to_add_it(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({CYCLE_FILE: edited(CYCLE_FILE, ", de-brug]", "]")})
    assert run(["export", "visit", "de-brug", "--repo", str(root)]) == 2
    assert run(["report", str(root), "--institution", "de-brug", "--format", "md"]) == 2
    message = [
        "error: 'de-brug' is not a participant of cycle 2025",
        "hint: add it to participants in cycles/2025/cycle.yaml first",
    ]
    assert capsys.readouterr().err.splitlines() == message * 2


def test_export_with_broken_settings_says_so_and_writes_nothing(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SETTINGS: "network: [\n"})
    form = root.parent / "form.xlsx"
    args = ["export", "self-review", "de-linde", "--repo", str(root), "--out", str(form)]
    assert run(args) == 1
    assert capsys.readouterr().err.splitlines() == [
        "error: leercyclus.yaml is missing or has errors: a form needs the network's name and "
        "language",
        "hint: run `leercyclus check` and fix it first",
    ]
    assert not form.exists()


# Export → fill in → import ------------------------------------------------------------------


def test_a_new_self_review_from_a_filled_in_form_passes_check(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SELF_REVIEW: None})
    form = export(root)
    fill(
        form,
        {
            "A1": {"Uitkomst": "volledig", "Toelichting": "Elk overleg.", "Onderbouwing": "X\nY"},
            "A2": {"Uitkomst": "Deels ", "Toelichting": LONG},
            "B1": {"Uitkomst": "nvt"},
        },
    )
    fill(
        form,
        {"Afgerond op": {"Invullen": dt.date(2025, 2, 20)}, "Deelnemers": {"Invullen": "ICO"}},
        "Algemeen",
    )
    capsys.readouterr()
    assert import_(form, root) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "✓ de-linde-self-review.xlsx: created cycles/2025/self-reviews/de-linde.yaml (8 changes)"
    )
    assert (root / SELF_REVIEW).read_text(encoding="utf-8") == (
        "institution: de-linde\n"
        "completed: 2025-02-20\n"
        "participants:\n"
        "  - ICO\n"
        "standards:\n"
        "  A1:\n"
        "    outcome: met\n"
        "    explanation: Elk overleg.\n"
        "    evidence:\n"
        "      - X\n"
        "      - Y\n"
        "  A2:\n"
        "    outcome: partly_met\n"
        "    explanation: >-\n"
        "      Herstelplannen worden samen met de cliënt opgesteld en twee keer per jaar "
        "geëvalueerd, altijd\n"
        "      met de cliënt erbij; doelen staan in de woorden van de cliënt zelf.\n"
        "  B1:\n"
        "    outcome: not_applicable\n"
    )
    assert found(root) == []


def test_import_keeps_comments_order_quoting_and_dutch_outcomes(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SELF_REVIEW: COMMENTED})
    form = export(root)
    fill(form, {"A2": {"Uitkomst": "volledig", "Toelichting": LONG}})
    fill(form, {"B1": {"Toelichting": "Wij hebben nog geen naasten in beeld."}})
    capsys.readouterr()
    assert import_(form, root) == 0
    after = (root / SELF_REVIEW).read_text(encoding="utf-8")
    head, a2_old, tail = COMMENTED.partition(
        "    outcome: deels\n    explanation: >-\n      Herstelplannen worden samen opgesteld.\n"
    )
    a2_new = (
        "    outcome: volledig\n"
        "    explanation: >-\n"
        "      Herstelplannen worden samen met de cliënt opgesteld en twee keer per jaar "
        "geëvalueerd, altijd\n"
        "      met de cliënt erbij; doelen staan in de woorden van de cliënt zelf.\n"
    )
    b1_old = "    outcome: nvt\n"
    b1_new = b1_old + "    explanation: Wij hebben nog geen naasten in beeld.\n"
    assert a2_old and tail.count(b1_old) == 1
    assert after == head + a2_new + tail.replace(b1_old, b1_new)
    assert capsys.readouterr().out == (
        "✓ de-linde-self-review.xlsx: updated cycles/2025/self-reviews/de-linde.yaml (3 changes)\n"
        "  A2             outcome deels → volledig\n"
        "  A2             explanation changed\n"
        "  B1             explanation added\n"
    )


def test_a_new_answer_goes_between_its_neighbours_and_a_removed_one_leaves_comments(
    make_network: MakeNetwork,
) -> None:
    original = (
        "# kop\n"
        "institution: de-linde\n"
        "standards:\n"
        "  A1:\n"
        "    outcome: met\n"
        "    explanation: Goed.\n"
        "    # na A1\n"
        "  # voor B1\n"
        "  B1:\n"
        "    outcome: not_applicable\n"
        "    # na B1\n"
        "# einde\n"
    )
    root = make_network({SELF_REVIEW: original})
    form = export(root)
    fill(form, {"A2": {"Uitkomst": "deels", "Toelichting": "Nieuw."}, "B1": {"Uitkomst": None}})
    assert import_(form, root) == 0
    assert (root / SELF_REVIEW).read_text(encoding="utf-8") == (
        "# kop\n"
        "institution: de-linde\n"
        "standards:\n"
        "  A1:\n"
        "    outcome: met\n"
        "    explanation: Goed.\n"
        "    # na A1\n"
        "  A2:\n"
        "    outcome: partly_met\n"
        "    explanation: Nieuw.\n"
        "  # voor B1\n"
        "# einde\n"
    )


def test_an_unchanged_form_changes_nothing(minimal: Path, capsys: Capsys) -> None:
    before = (minimal / SELF_REVIEW).read_bytes()
    form = export(minimal)
    capsys.readouterr()
    assert import_(form, minimal) == 0
    assert capsys.readouterr().out == (
        "✓ de-linde-self-review.xlsx: nothing changed in cycles/2025/self-reviews/de-linde.yaml\n"
    )
    assert (minimal / SELF_REVIEW).read_bytes() == before


def test_a_visit_form_fills_in_the_team_judgements(minimal: Path, capsys: Capsys) -> None:
    form = export(minimal, "visit")
    fill(
        form,
        {"A2": {"Oordeel team": "volledig", "Toelichting team": "Regie\nin elk plan."}},
        "Reviewdag",
    )
    capsys.readouterr()
    assert import_(form, minimal) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  A2             answered: met",
        "  A2             note added",
    ]
    expected = edited(
        VISIT,
        "parels:\n",
        "  A2:\n    outcome: met\n    note: |-\n      Regie\n      in elk plan.\nparels:\n",
    )
    assert (minimal / VISIT).read_text(encoding="utf-8") == expected
    assert found(minimal) == []


def test_a_visit_form_needs_the_visit_file_first(make_network: MakeNetwork, capsys: Capsys) -> None:
    root = make_network({VISIT: None})
    form = export(root, "visit")
    assert import_(form, root) == 1
    assert capsys.readouterr().err == (
        "error: there is no cycles/2025/visits/de-linde.yaml yet: a review day needs its date "
        "and team before its answers\n"
        "hint: create it with `leercyclus new visit de-linde`, fill in the date and the team, "
        "and import the form again\n"
    )
    assert not (root / VISIT).exists()


# Changes made in the YAML after the export ----------------------------------------------------


def test_a_stale_form_does_not_overwrite_a_later_edit_unless_forced(
    minimal: Path, capsys: Capsys
) -> None:
    form = export(minimal)
    fill(form, {"A1": {"Toelichting": "Uit het formulier."}})
    later = edited(SELF_REVIEW, "in elk teamoverleg.", "in elk teamoverleg en elke MT.")
    (minimal / SELF_REVIEW).write_text(later, encoding="utf-8")
    capsys.readouterr()
    assert import_(form, minimal) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "error: cycles/2025/self-reviews/de-linde.yaml was changed after this form was exported "
        f"on {dt.date.today().isoformat()}, and so was the form: both changed A1\n"
    )
    assert (minimal / SELF_REVIEW).read_text(encoding="utf-8") == later
    assert import_(form, minimal, "--force") == 0
    assert "Uit het formulier." in (minimal / SELF_REVIEW).read_text(encoding="utf-8")


def test_a_later_edit_the_form_does_not_touch_is_kept(minimal: Path) -> None:
    form = export(minimal)
    fill(form, {"A2": {"Uitkomst": "volledig"}})
    later = edited(SELF_REVIEW, "in elk teamoverleg.", "in elk teamoverleg en elke MT.")
    (minimal / SELF_REVIEW).write_text(later, encoding="utf-8")
    assert import_(form, minimal) == 0
    assert (minimal / SELF_REVIEW).read_text(encoding="utf-8") == edited(
        SELF_REVIEW, "in elk teamoverleg.", "in elk teamoverleg en elke MT."
    ).replace("outcome: partly_met", "outcome: met")


# Bad spreadsheets: a clear error naming the place, and nothing changed ------------------------


def _unknown_outcome(form: Path) -> None:
    fill(form, {"A2": {"Uitkomst": "volldig"}})


def _row_deleted(form: Path) -> None:
    book = load_workbook(form)
    book["Zelfreview"].delete_rows(3)
    book.save(form)


def _column_renamed(form: Path) -> None:
    book = load_workbook(form)
    book["Zelfreview"]["E1"] = "Uitkomsten"
    book.save(form)


def _not_xlsx(form: Path) -> None:
    form.write_text("Code;Uitkomst\nA1;volledig\n", encoding="utf-8")


def _unknown_standard(form: Path) -> None:
    book = load_workbook(form)
    book["Zelfreview"]["A4"] = "B2"
    book.save(form)


def _outcome_missing(form: Path) -> None:
    fill(form, {"B1": {"Uitkomst": None, "Toelichting": "Toch iets."}})


def _bad_date(form: Path) -> None:
    fill(form, {"Afgerond op": {"Invullen": "20-02-2025"}}, "Algemeen")


def _other_cycle(form: Path) -> None:
    book = load_workbook(form)
    book["leercyclus"]["B3"] = "2024"
    book.save(form)


def _not_a_form(form: Path) -> None:
    book = load_workbook(form)
    del book["leercyclus"]
    book.save(form)


def _unknown_language(form: Path) -> None:
    book = load_workbook(form)
    book["leercyclus"]["B5"] = "fr"
    book.save(form)


BAD_FORMS = {
    "unknown outcome": (
        _unknown_outcome,
        "error: de-linde-self-review.xlsx: 1 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Zelfreview', row 3, column E (Uitkomst): 'volldig' is not an outcome: use "
        "volledig, deels, niet or nvt; did you mean 'volledig'?\n",
    ),
    "row deleted": (
        _row_deleted,
        "error: de-linde-self-review.xlsx: 1 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Zelfreview': the row of standard A2 is missing (it was row 3 of the exported "
        "form): put it back, or export a fresh form\n",
    ),
    "column renamed": (
        _column_renamed,
        "error: de-linde-self-review.xlsx: 1 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Zelfreview', row 1: the column 'Uitkomst' is missing: column E is headed "
        "'Uitkomsten'; rename it back to 'Uitkomst'\n",
    ),
    "not xlsx": (
        _not_xlsx,
        "error: de-linde-self-review.xlsx is not an Excel workbook (.xlsx) that can be read: "
        "it is not a zip archive\n",
    ),
    "unknown standard": (
        _unknown_standard,
        "error: de-linde-self-review.xlsx: 2 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Zelfreview', row 4, column A (Code): there is no standard 'B2' in cycle 2025\n"
        "  sheet 'Zelfreview': the row of standard B1 is missing (it was row 4 of the exported "
        "form): put it back, or export a fresh form\n",
    ),
    "outcome missing": (
        _outcome_missing,
        "error: de-linde-self-review.xlsx: 1 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Zelfreview', row 4, column E (Uitkomst): the outcome is empty, but the row "
        "has answers: choose volledig, deels, niet or nvt, or clear the row\n",
    ),
    "bad date": (
        _bad_date,
        "error: de-linde-self-review.xlsx: 1 problem(s) in the form, nothing was imported:\n"
        "  sheet 'Algemeen', row 2, column B (Afgerond op): '20-02-2025' is not a date: write "
        "it as YYYY-MM-DD, e.g. 2025-02-20\n",
    ),
    "other cycle": (
        _other_cycle,
        "error: de-linde-self-review.xlsx is a form of cycle 2024, which this repository does "
        "not have (its cycles: 2025)\n",
    ),
    "not a form": (
        _not_a_form,
        "error: de-linde-self-review.xlsx is not a leercyclus form: its hidden sheet "
        "'leercyclus' is missing or changed\n",
    ),
    "unknown language": (
        _unknown_language,
        "error: de-linde-self-review.xlsx is not a leercyclus form: its hidden sheet "
        "'leercyclus' is missing or changed\n",
    ),
}


@pytest.mark.parametrize("case", BAD_FORMS)
def test_a_bad_form_is_refused_with_its_place_and_changes_nothing(
    minimal: Path, capsys: Capsys, case: str
) -> None:
    spoil, message = BAD_FORMS[case]
    form = export(minimal)
    fill(form, {"A1": {"Uitkomst": "niet"}})  # a real change, which must not be written
    spoil(form)
    before = {p: p.read_bytes() for p in minimal.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert import_(form, minimal) == 1
    err = capsys.readouterr().err
    assert err.partition("\nhint: ")[0] + "\n" == message
    assert {p: p.read_bytes() for p in minimal.rglob("*") if p.is_file()} == before


def test_a_form_of_a_non_participant_is_refused(minimal: Path, capsys: Capsys) -> None:
    form = export(minimal)
    cycle = edited(CYCLE_FILE, "[de-linde, het-anker, de-brug]", "[het-anker, de-brug]")
    (minimal / CYCLE_FILE).write_text(cycle, encoding="utf-8")
    capsys.readouterr()
    assert import_(form, minimal) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "error: de-linde-self-review.xlsx is a form of 'de-linde', which does not take part "
        "in cycle 2025"
    )
    assert (minimal / SELF_REVIEW).read_text(encoding="utf-8") == MINIMAL[SELF_REVIEW]


def test_a_missing_form_is_a_usage_error(minimal: Path, capsys: Capsys) -> None:
    assert import_(minimal / "nope.xlsx", minimal) == 2
    assert capsys.readouterr().err == f"error: {minimal / 'nope.xlsx'}: no such file\n"


def test_a_replaced_text_keeps_its_quotes_and_notes_say_what_is_open(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SELF_REVIEW: COMMENTED})
    form = export(root)
    fill(form, {"A1": {"Toelichting": "In elk overleg."}, "A2": {"Toelichting": None}})
    capsys.readouterr()
    assert import_(form, root) == 0
    after = (root / SELF_REVIEW).read_text(encoding="utf-8")
    assert '    explanation: "In elk overleg."\n' in after
    assert "Herstelplannen" not in after
    assert "    # nog aanvullen na de teamdag\n" in after
    assert capsys.readouterr().out.splitlines()[-1] == "! no explanation yet: A2"


def test_importing_the_same_form_twice_changes_nothing_the_second_time(
    minimal: Path, capsys: Capsys
) -> None:
    form = export(minimal)
    fill(form, {"A2": {"Uitkomst": "volledig"}})
    assert import_(form, minimal) == 0
    once = (minimal / SELF_REVIEW).read_bytes()
    capsys.readouterr()
    assert import_(form, minimal) == 0
    assert capsys.readouterr().out.startswith("✓ de-linde-self-review.xlsx: nothing changed")
    assert (minimal / SELF_REVIEW).read_bytes() == once


def test_a_text_that_starts_with_an_equals_sign_stays_text(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    text = edited(SELF_REVIEW, "explanation: Wij bespreken", "explanation: '=Wij bespreken")
    root = make_network({SELF_REVIEW: text.replace("teamoverleg.\n", "teamoverleg.'\n", 1)})
    form = export(root)
    cell = load_workbook(form)["Zelfreview"]["F2"]
    assert (cell.value, cell.data_type) == ("=Wij bespreken bejegening in elk teamoverleg.", "s")
    capsys.readouterr()
    assert import_(form, root) == 0
    assert "nothing changed" in capsys.readouterr().out


# Forms in the network's language ----------------------------------------------------------

ENGLISH = edited(SETTINGS, "language: nl", "language: en")
"""leercyclus.yaml of an English network."""


def test_an_english_network_exports_english_forms(make_network: MakeNetwork) -> None:
    root = make_network({SETTINGS: ENGLISH})
    book = load_workbook(export(root))
    assert book.sheetnames == ["Instructions", "Self-review", "General", "leercyclus"]
    meta = dict(book["leercyclus"].iter_rows(max_col=2, max_row=5, values_only=True))
    assert meta["language"] == "en"
    ws = book["Self-review"]
    assert [c.value for c in ws[1]] == [
        "Code", "Domain", "Title", "Standard", "Outcome", "Explanation", "Evidence"
    ]  # fmt: skip
    assert [c.value for c in ws["E"][1:]] == ["met", "partly_met", "not_applicable"]
    (choices,) = ws.data_validations.dataValidation
    assert (choices.formula1, str(choices.sqref), choices.error) == (
        '"met,partly_met,not_met,not_applicable"',
        "E2:E4",
        "Choose met, partly_met, not_met or not_applicable.",
    )
    general = [list(r) for r in book["General"].iter_rows(max_col=1, values_only=True)]
    assert general == [["Item"], ["Completed on"], ["Participants"], ["Reflection on the theme"]]
    assert book["General"]["C4"].value == (
        "Theme: Naasten betrekken\nHoe betrekken jullie naasten bij het behandelplan?"
    )
    instructions = "\n".join(
        str(r[0] or "") for r in book["Instructions"].iter_rows(values_only=True)
    )
    assert instructions.startswith("Self-review Cyclus 2025: Zorggroep De Linde\n")
    assert "• Outcome: choose met, partly_met, not_met or not_applicable from" in instructions
    assert "• not_applicable: the standard does not apply\n" in instructions
    assert "Save the file as an Excel workbook (.xlsx)" in instructions
    assert "standaard" not in instructions.lower()
    visit = load_workbook(export(root, "visit"))
    assert visit.sheetnames == ["Instructions", "Review day", "leercyclus"]
    assert [c.value for c in visit["Review day"][1]][4:] == [
        "Self-review", "Self-review explanation", "Team judgement", "Team note"
    ]  # fmt: skip
    own = [c.value for c in visit["Review day"]["E"][1:]]
    assert own == ["met", "partly_met", "not_applicable"]


def test_a_filled_in_english_form_imports_back_into_the_yaml(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SETTINGS: ENGLISH, SELF_REVIEW: None})
    form = export(root)
    fill(
        form,
        {
            "A1": {"Outcome": "met", "Explanation": "Every meeting.", "Evidence": "X\nY"},
            "A2": {"Outcome": "Partly_met ", "Explanation": "Plans together."},
            "B1": {"Outcome": "not_applicable"},
        },
        "Self-review",
    )
    fill(form, {"Participants": {"Fill in": "ICO"}}, "General")
    capsys.readouterr()
    assert import_(form, root) == 0
    assert capsys.readouterr().out.splitlines() == [
        "✓ de-linde-self-review.xlsx: created cycles/2025/self-reviews/de-linde.yaml (7 changes)",
        "  A1             answered: met",
        "  A1             explanation added",
        "  A1             evidence added",
        "  A2             answered: partly_met",
        "  A2             explanation added",
        "  B1             answered: not_applicable",
        "  General        participants added",
    ]
    assert (root / SELF_REVIEW).read_text(encoding="utf-8") == (
        "institution: de-linde\n"
        "participants:\n"
        "  - ICO\n"
        "standards:\n"
        "  A1:\n"
        "    outcome: met\n"
        "    explanation: Every meeting.\n"
        "    evidence:\n"
        "      - X\n"
        "      - Y\n"
        "  A2:\n"
        "    outcome: partly_met\n"
        "    explanation: Plans together.\n"
        "  B1:\n"
        "    outcome: not_applicable\n"
    )
    form = export(root, "visit", "--force")
    fill(form, {"A2": {"Team judgement": "not_met", "Team note": "Not yet."}}, "Review day")
    assert import_(form, root) == 0
    assert "  A2:\n    outcome: not_met\n    note: Not yet.\nparels:\n" in (
        (root / VISIT).read_text(encoding="utf-8")
    )
    assert found(root) == []


def test_a_dutch_form_still_imports_after_the_network_switched_to_english(
    minimal: Path, capsys: Capsys
) -> None:
    form = export(minimal)
    (minimal / SETTINGS).write_text(ENGLISH, encoding="utf-8")
    fill(form, {"A2": {"Uitkomst": "volledig", "Toelichting": "Overal."}})
    fill(form, {"Deelnemers": {"Invullen": "ICO"}}, "Algemeen")
    capsys.readouterr()
    assert import_(form, minimal) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  A2             outcome partly_met → met",
        "  A2             explanation changed",
        "  Algemeen       participants changed",
    ]
    expected = edited(SELF_REVIEW, "[teamleider kliniek, 2 cliënten]", "[ICO]")
    expected = expected.replace("outcome: partly_met", "outcome: met")
    expected = expected.replace("Herstelplannen worden samen opgesteld.", "Overal.")
    assert (minimal / SELF_REVIEW).read_text(encoding="utf-8") == expected


def test_a_form_without_a_recorded_language_imports_as_dutch(minimal: Path, capsys: Capsys) -> None:
    form = export(minimal)
    book = load_workbook(form)
    meta = book["leercyclus"]
    (row,) = [r for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == "language"]
    meta.delete_rows(row)
    book.save(form)
    (minimal / SETTINGS).write_text(ENGLISH, encoding="utf-8")
    fill(form, {"B1": {"Uitkomst": "niet"}})
    capsys.readouterr()
    assert import_(form, minimal) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  B1             outcome not_applicable → not_met",
        "! no explanation yet: B1",
    ]
    assert (minimal / SELF_REVIEW).read_text(encoding="utf-8") == edited(
        SELF_REVIEW, "outcome: not_applicable", "outcome: not_met"
    )


def test_an_error_in_an_english_form_names_the_english_sheet_and_column(
    make_network: MakeNetwork, capsys: Capsys
) -> None:
    root = make_network({SETTINGS: ENGLISH})
    before = (root / SELF_REVIEW).read_bytes()
    form = export(root)
    fill(form, {"A2": {"Outcome": "partlymet"}, "B1": {"Outcome": None, "Explanation": "Some."}},
         "Self-review")  # fmt: skip
    fill(form, {"Completed on": {"Fill in": "20-02-2025"}}, "General")
    capsys.readouterr()
    assert import_(form, root) == 1
    assert capsys.readouterr().err.partition("\nhint: ")[0].splitlines()[1:] == [
        "  sheet 'Self-review', row 3, column E (Outcome): 'partlymet' is not an outcome: use "
        "met, partly_met, not_met or not_applicable; did you mean 'partly_met'?",
        "  sheet 'Self-review', row 4, column E (Outcome): the outcome is empty, but the row has "
        "answers: choose met, partly_met, not_met or not_applicable, or clear the row",
        "  sheet 'General', row 2, column B (Completed on): '20-02-2025' is not a date: write "
        "it as YYYY-MM-DD, e.g. 2025-02-20",
    ]
    book = load_workbook(form)
    book["Self-review"]["E1"] = "Outcomes"
    book.save(form)
    assert import_(form, root) == 1
    assert capsys.readouterr().err.splitlines()[1] == (
        "  sheet 'Self-review', row 1: the column 'Outcome' is missing: column E is headed "
        "'Outcomes'; rename it back to 'Outcome'"
    )
    assert (root / SELF_REVIEW).read_bytes() == before


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "herstelnetwerk"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example network, without its built reports."""
    root = tmp_path / "herstelnetwerk"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("build"))
    return root


def test_every_example_file_survives_an_untouched_form_byte_for_byte(example: Path) -> None:
    before = {p: p.read_bytes() for p in (example / "cycles").rglob("*.yaml")}
    latest = max(p.name for p in (example / "cycles").iterdir())
    for kind, folder in (("self-review", "self-reviews"), ("visit", "visits")):
        for path in sorted((example / "cycles" / latest / folder).glob("*.yaml")):
            form = example.parent / f"{path.stem}-{kind}.xlsx"
            args = ["export", kind, path.stem, "--repo", str(example), "--out", str(form)]
            assert run(args) == 0
            assert import_(form, example) == 0
    assert {p: p.read_bytes() for p in (example / "cycles").rglob("*.yaml")} == before


def test_an_answer_changed_in_an_example_form_changes_only_its_lines(example: Path) -> None:
    latest = max(p.name for p in (example / "cycles").iterdir())
    path = example / "cycles" / latest / "self-reviews" / "de-linde.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    form = export(example)
    fill(form, {"B2": {"Uitkomst": "niet", "Toelichting": "Nog niet."}})
    assert import_(form, example) == 0
    after = path.read_text(encoding="utf-8").splitlines()
    start = before.index("  B2:")
    end = next(n for n in range(start + 1, len(before)) if not before[n].startswith("    "))
    assert after[: start + 1] == before[: start + 1]
    assert after[start + 1 : start + 4] == [  # the folded style of the old text is kept
        "    outcome: not_met",
        "    explanation: >-",
        "      Nog niet.",
    ]
    assert after[start + 4 :] == before[end:]
    assert [f for f in found(example) if f.severity == "error"] == []


# Into a form made by `leercyclus new` ----------------------------------------------------------


def _slot(lines: list[str], sid: str) -> int:
    """Where the standard's own comment block ends: the line of its heading comment."""
    return next(n for n, line in enumerate(lines) if line.startswith(f"  # {sid} · "))


def test_answers_fill_in_the_slots_of_a_form_made_by_new(example: Path) -> None:
    """The answers land under each standard's text, as if the form had been filled in by hand,
    and the slots of the standards still open stay as they were."""
    assert run(["new", "self-review", "het-anker", str(example), "--force"]) == 0
    path = example / "cycles/2026/self-reviews/het-anker.yaml"
    form = example.parent / "het-anker.xlsx"
    args = ["export", "self-review", "het-anker", "--repo", str(example), "--out", str(form)]
    assert run(args) == 0
    fill(form, {"A1": {"Uitkomst": "deels", "Toelichting": "Samen met cliënten."},
                "A4": {"Uitkomst": "nvt"}})  # fmt: skip
    assert import_(form, example) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "# standards:" not in lines and lines.count("standards:") == 1
    a1 = lines.index("  A1:")
    assert _slot(lines, "A1") < a1 < _slot(lines, "A2")
    assert lines[a1 : a1 + 3] == [
        "  A1:", "    outcome: partly_met", "    explanation: Samen met cliënten."
    ]  # fmt: skip
    a4 = lines.index("  A4:")
    assert _slot(lines, "A4") < a4 < _slot(lines, "A5")
    assert lines[a4 + 1 : a4 + 3] == ["    outcome: not_applicable", ""]
    assert "  # A2:" in lines and "  # A5:" in lines  # still open: still a slot
    assert run(["export", "self-review", "het-anker", "--repo", str(example), "--out",
                str(form), "--force"]) == 0  # fmt: skip
    fill(form, {"A2": {"Uitkomst": "volledig", "Toelichting": "Tweede ronde."}})
    assert import_(form, example) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert _slot(lines, "A2") < lines.index("  A2:") < _slot(lines, "A3")
    assert "  # A2:" not in lines
    mine = [f for f in found(example) if f.file.endswith("self-reviews/het-anker.yaml")]
    assert [f.code for f in mine] == ["LC207"]  # the standards still open, nothing else


def test_answers_fill_in_the_slots_of_a_visit_form_made_by_new(example: Path) -> None:
    (example / "cycles/2026/visits/het-anker.yaml").unlink()
    assert run(["new", "visit", "het-anker", str(example)]) == 0
    path = example / "cycles/2026/visits/het-anker.yaml"
    text = path.read_text(encoding="utf-8").replace("date:     ", "date: 2026-04-14", 1)
    text = text.replace("team:                #", "team:\n  - {name: Ans Bos, role: client, "
                        "institution: bosrand}\n#", 1)  # fmt: skip
    path.write_text(text, encoding="utf-8")
    form = example.parent / "het-anker-visit.xlsx"
    args = ["export", "visit", "het-anker", "--repo", str(example), "--out", str(form)]
    assert run(args) == 0
    fill(form, {"B1": {"Oordeel team": "volledig", "Toelichting team": "Goed."}},
         sheet="Reviewdag")  # fmt: skip
    assert import_(form, example) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    b1 = lines.index("  B1:")
    assert _slot(lines, "B1") < b1 < _slot(lines, "B2")
    assert lines[b1 : b1 + 3] == ["  B1:", "    outcome: met", "    note: Goed."]
    assert [f for f in found(example) if f.file.endswith("visits/het-anker.yaml")] == []
