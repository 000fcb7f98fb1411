"""The Samen-Audit's observation form (xlsx): export, fill in with openpyxl, import; the YAML
keeps its comments, wrong cells are refused with their place, a later edit is not overwritten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path

import pytest
from openpyxl import load_workbook

from audit_helpers import AUDIT, AUDIT_FILES, CYCLE, audit_network
from helpers import committed
from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.models.audit import AuditRecord

Capsys = pytest.CaptureFixture[str]
NEW = f"{CYCLE}/audit/de-linde/de-wei.yaml"


@pytest.fixture
def audited(tmp_path: Path) -> Path:
    return committed(audit_network(tmp_path / "net"))


def export(root: Path, location: str = "de-horst", *extra: str) -> Path:
    form = root.parent / f"{location}.xlsx"
    args = ["export", "audit", "de-linde", location, "--repo", str(root), "--out", str(form)]
    assert run([*args, *extra]) == 0
    return form


def fill(form: Path, sheet: str, cells: Mapping[tuple[str, str], object]) -> None:
    """Write cells {(value in column A, column heading): value} into a sheet of the form."""
    book = load_workbook(form)
    ws = book[sheet]
    columns = {c.value: c.column for c in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for (row, heading), value in cells.items():
        ws.cell(rows[row], columns.get(heading, 2)).value = value
    book.save(form)


def import_(form: Path, root: Path, *extra: str) -> int:
    return run(["import", str(form), "--repo", str(root), *extra])


def record(root: Path, rel: str = AUDIT) -> AuditRecord:
    net = load_network(root, use_cache=False)
    data = net.cycles[CYCLE.removeprefix("cycles/")]
    assert not data.failed.get("audit"), data.failed
    key = rel.removeprefix(f"{CYCLE}/audit/").removesuffix(".yaml")  # de-linde/de-horst
    model = data.files["audit"][key].model
    assert isinstance(model, AuditRecord)
    return model


def test_the_form_lists_themes_with_look_fors_a_column_per_observer_and_the_scale(
    audited: Path,
) -> None:
    book = load_workbook(export(audited))
    assert book.sheetnames == [
        "Instructies", "Audit", "Observatoren", "Observaties", "keuzes", "leercyclus",
    ]  # fmt: skip
    assert book["leercyclus"].sheet_state == "veryHidden"
    grid = book["Observaties"]
    assert [c.value for c in grid[1]] == [
        "Code", "Soort", "Thema", "Waar let je op",
        "o1 score", "o1 unit", "o1 observaties", "o2 score", "o2 unit", "o2 observaties",
        "Afgesproken score", "Toelichting nabespreking",
    ]  # fmt: skip
    assert [c.value for c in grid[2]][:8] == [
        "medicatie", "hard", "Medicatieveiligheid", None,
        "3 Op orde", "huiskamer-1", "Aftekenlijst compleet.", "2 Aandacht nodig",
    ]  # fmt: skip
    assert grid["H3"].value == "niet gezien" and grid["K2"].value == "3 Op orde"
    assert grid.protection.sheet and not grid["E2"].protection.locked
    assert grid["C2"].protection.locked
    choices = [c.value for c in book["keuzes"]["A"]]
    assert choices == ["1 Zorgelijk", "2 Aandacht nodig", "3 Op orde", "4 Voorbeeld", "niet gezien"]
    assert [c.value for c in book["keuzes"]["B"]][:5] == [*choices[:-1], None]  # agreed: a level
    validations = {str(v.sqref): v.formula1 for v in grid.data_validations.dataValidation}
    assert validations["E2:E3"] == "'keuzes'!$A$1:$A$5"
    assert validations["K2:K3"] == "'keuzes'!$B$1:$B$4"
    assert validations["F2:F3"] == "'keuzes'!$D$1:$D$2"  # the location's units
    observers = list(book["Observatoren"].values)
    assert observers[1] == ("o1", "kwaliteitsverpleegkundige", "medewerker")
    assert list(book["Audit"].values)[1][:2] == ("Observatiedagen", "2025-09-09\n2025-09-10")


def test_a_filled_in_form_round_trips_into_a_valid_audit_file(
    audited: Path, capsys: Capsys
) -> None:
    form = export(audited)
    fill(form, "Observaties", {
        ("medicatie", "o1 score"): "4 Voorbeeld",
        ("medicatie", "o1 observaties"): "Aftekenlijst compleet.\nOok de nachtdienst tekent af.",
        ("zinvolle-dag", "o2 score"): "3",
        ("zinvolle-dag", "o2 unit"): "huiskamer-2",
        ("zinvolle-dag", "o2 observaties"): "Wandelgroep na de lunch.",
        ("zinvolle-dag", "Afgesproken score"): "Aandacht nodig",
        ("zinvolle-dag", "Toelichting nabespreking"): "De ochtend was beter dan de middag.",
    })  # fmt: skip
    fill(form, "Observatoren", {("o2", "Rol"): "lid centrale cliëntenraad"})
    assert import_(form, audited) == 0
    assert "updated 2025/audit/de-linde/de-horst.yaml" in capsys.readouterr().out.replace(
        "cycles/", ""
    )
    model = record(audited)
    medicatie = {s.observer: s for s in model.scores["medicatie"]}
    assert medicatie["o1"].score == "4"
    assert medicatie["o1"].observations == [
        "Aftekenlijst compleet.",
        "Ook de nachtdienst tekent af.",
    ]
    assert medicatie["o2"].score == "2" and medicatie["o2"].observations == ["Kar stond open."]
    dag = {s.observer: s for s in model.scores["zinvolle-dag"]}
    assert (dag["o2"].score, dag["o2"].unit, dag["o2"].observations) == (
        "3", "huiskamer-2", ["Wandelgroep na de lunch."]
    )  # fmt: skip
    assert model.agreed["zinvolle-dag"].score == "2"
    assert model.agreed["zinvolle-dag"].note == "De ochtend was beter dan de middag."
    assert model.observers[1].role == "lid centrale cliëntenraad"
    assert run(["check", str(audited)]) == 0
    # the second import of the same form changes nothing
    text = (audited / AUDIT).read_text(encoding="utf-8")
    assert import_(form, audited) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert (audited / AUDIT).read_text(encoding="utf-8") == text


def test_an_untouched_form_leaves_the_file_byte_for_byte(audited: Path) -> None:
    before = (audited / AUDIT).read_text(encoding="utf-8")
    assert import_(export(audited), audited) == 0
    assert (audited / AUDIT).read_text(encoding="utf-8") == before


def test_a_changed_score_changes_only_its_lines_and_keeps_comments(tmp_path: Path) -> None:
    commented = AUDIT_FILES[AUDIT].replace(
        "location: de-horst\n", "# Samen-Audit De Horst\nlocation: de-horst   # vast\n"
    )
    root = committed(audit_network(tmp_path / "net", {AUDIT: commented}))
    form = export(root)
    fill(form, "Observaties", {("medicatie", "o2 score"): "niet gezien",
                               ("medicatie", "o2 observaties"): None})  # fmt: skip
    assert import_(form, root) == 0
    after = (root / AUDIT).read_text(encoding="utf-8")
    assert after.startswith("# Samen-Audit De Horst\nlocation: de-horst   # vast\n")
    old_lines, new_lines = commented.splitlines(), after.splitlines()
    assert [line for line in old_lines if line not in new_lines] == [
        '    - {observer: o2, score: "2", observations: [Kar stond open.]}'
    ]
    assert "    - {observer: o2, score: not_observed}" in new_lines


def test_a_form_for_a_location_not_yet_audited_creates_its_file(audited: Path) -> None:
    form = export(audited, "de-wei")
    book = load_workbook(form)
    assert [r[0] for r in book["Observatoren"].values] == ["Code", "o1", "o2", "o3", "o4"]
    assert "o1 unit" not in [c.value for c in book["Observaties"][1]]  # de-wei has no units
    fill(form, "Audit", {("Observatiedagen", "B"): "2025-10-02\n2025-10-01"})
    fill(form, "Observatoren", {
        ("o1", "Rol"): "verpleegkundige", ("o1", "Perspectief"): "medewerker",
        ("o2", "Rol"): "familielid", ("o2", "Perspectief"): "familie",
    })  # fmt: skip
    fill(form, "Observaties", {
        ("medicatie", "o1 score"): "3 Op orde", ("medicatie", "o1 observaties"): "Kar op slot.",
        ("medicatie", "o2 score"): "2 Aandacht nodig",
        ("medicatie", "o2 observaties"): "Lijst niet afgetekend.",
    })  # fmt: skip
    assert import_(form, audited) == 0
    model = record(audited, NEW)
    assert model.location == "de-wei"
    assert model.dates == [dt.date(2025, 10, 1), dt.date(2025, 10, 2)]
    assert [(o.id, o.role, o.perspective) for o in model.observers] == [
        ("o1", "verpleegkundige", "staff"), ("o2", "familielid", "family"),
    ]  # fmt: skip
    assert [(s.observer, s.score) for s in model.scores["medicatie"]] == [("o1", "3"), ("o2", "2")]


def test_wrong_cells_are_refused_with_sheet_row_and_column(audited: Path, capsys: Capsys) -> None:
    form = export(audited)
    fill(form, "Observaties", {("medicatie", "o1 score"): "5 Super",
                               ("zinvolle-dag", "o1 score"): None,
                               ("zinvolle-dag", "Afgesproken score"): "niet gezien"})  # fmt: skip
    fill(form, "Audit", {("Observatiedagen", "B"): "9 september"})
    fill(form, "Observatoren", {("o2", "Perspectief"): "clïent"})
    before = (audited / AUDIT).read_text(encoding="utf-8")
    assert import_(form, audited) == 1
    err = capsys.readouterr().err
    assert "5 problem(s) in the form, nothing was imported" in err
    assert (
        "sheet 'Audit', row 2, column B (Observatiedagen): '9 september' is not a date: write "
        "one day per line as YYYY-MM-DD" in err
    )
    assert (
        "sheet 'Observatoren', row 3, column C (Perspectief): 'clïent' is not a perspective" in err
    )
    assert "did you mean 'cliënt'?" in err
    assert (
        "sheet 'Observaties', row 2, column E (o1 score): '5 Super' is not a level of the scale: "
        "choose 1 Zorgelijk, 2 Aandacht nodig, 3 Op orde, 4 Voorbeeld, niet gezien" in err
    )
    assert (
        "sheet 'Observaties', row 3, column E (o1 score): the score is empty, but o1 wrote" in err
    )
    assert "row 3, column K (Afgesproken score): 'niet gezien' is not a level" in err
    assert (audited / AUDIT).read_text(encoding="utf-8") == before


def test_a_unit_outside_the_location_is_refused(audited: Path, capsys: Capsys) -> None:
    form = export(audited)
    fill(form, "Observaties", {("medicatie", "o1 unit"): "huiskamer-3"})
    assert import_(form, audited) == 1
    err = capsys.readouterr().err
    assert "(its units: huiskamer-1, huiskamer-2)" in err
    assert (
        "sheet 'Observaties', row 2, column F (o1 unit): 'huiskamer-3' is not a unit of de-horst"
    ) in err


def test_a_later_edit_of_the_same_theme_is_not_overwritten_without_force(
    audited: Path, capsys: Capsys
) -> None:
    form = export(audited)
    path = audited / AUDIT
    path.write_text(path.read_text(encoding="utf-8").replace("Kar stond open.", "Kar open."))
    fill(form, "Observaties", {("medicatie", "o1 score"): "4"})
    assert import_(form, audited) == 1
    err = capsys.readouterr().err
    assert "was changed after this form was exported" in err and "scores/medicatie" in err
    assert "Kar open." in path.read_text(encoding="utf-8")
    assert import_(form, audited, "--force") == 0
    assert {s.observer: s.score for s in record(audited).scores["medicatie"]}["o1"] == "4"


def test_an_english_network_gets_an_english_form(tmp_path: Path) -> None:
    from helpers import MINIMAL, SETTINGS

    english = MINIMAL[SETTINGS].replace("language: nl", "language: en")
    root = committed(audit_network(tmp_path / "net", {SETTINGS: english}))
    book = load_workbook(export(root))
    assert book.sheetnames[:4] == ["Instructions", "Audit", "Observers", "Observations"]
    assert [c.value for c in book["Observations"][1]][4:7] == [
        "o1 score", "o1 unit", "o1 observations",
    ]  # fmt: skip
    assert book["Observations"]["H3"].value == "not observed"


@pytest.mark.parametrize("command", [["export", "audit"], ["export", "deck"]])
def test_help_of_the_audit_exports_shows_no_python_types(
    command: list[str], capsys: Capsys
) -> None:
    assert run([*command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "LOCATION" in text and ("--format" in text or "--poll-url" in text)
    assert [t for t in ("<bool>", "list[", "<str>]", "NoneType") if t in text] == []


def test_the_repository_may_follow_the_location(audited: Path, capsys: Capsys) -> None:
    form = audited.parent / "a.xlsx"
    assert run(["export", "audit", "de-linde", "de-horst", str(audited), "--out", str(form)]) == 0
    assert run(["import", str(form), str(audited)]) == 0
    assert run(["export", "audit", "de-linde", "de-horst", "--format", "csv", "--repo",
                str(audited)]) == 2  # fmt: skip
    assert "unknown form format 'csv'" in capsys.readouterr().err


@pytest.mark.parametrize("form_format", ["xlsx", "xlsform"])
def test_an_audit_form_goes_only_to_a_new_xlsx_file(
    audited: Path, form_format: str, capsys: Capsys
) -> None:
    args = ["export", "audit", "de-linde", "de-horst", "--repo", str(audited)]
    args += ["--format", form_format]
    assert run([*args, "--out", str(audited.parent / "form.ods")]) == 2
    assert capsys.readouterr().err == (
        "error: form.ods: a form is an .xlsx file\nhint: give --out a name ending in .xlsx\n"
    )
    taken = audited.parent / "form.xlsx"
    taken.write_bytes(b"mine")
    assert run([*args, "--out", str(taken)]) == 2
    assert capsys.readouterr().err == (
        f"error: {taken} already exists\n"
        "hint: use --force to overwrite it, or choose another name with --out\n"
    )
    assert taken.read_bytes() == b"mine"


@pytest.mark.parametrize(
    "command", [["audit", "de-linde", "de-horst"], ["self-review", "de-linde"]]
)
def test_a_forms_folder_that_is_a_link_gets_no_form(
    audited: Path, tmp_path: Path, command: list[str], capsys: Capsys
) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    (audited / "forms").symlink_to(elsewhere, target_is_directory=True)
    assert run(["export", *command, "--repo", str(audited)]) == 1
    assert capsys.readouterr().err == (
        f"error: {audited / 'forms'} is a symbolic link: leercyclus writes nothing through a "
        "link, so nothing was written\n"
        "hint: remove the link (a folder of outputs holds only real folders and files)\n"
    )
    assert list(elsewhere.iterdir()) == []
