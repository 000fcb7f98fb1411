"""The Samen-Audit's XLSForm for tablets: the form as ODK and KoboToolbox read it (survey,
choices, settings), and their exports of the submissions imported back into the audit file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from audit_helpers import AUDIT, CYCLE, FRAMEWORK, audit_network
from helpers import committed
from leercyclus.cli import run
from leercyclus.loading.network import load_network
from leercyclus.models.audit import AuditRecord

Capsys = pytest.CaptureFixture[str]
NEW = f"{CYCLE}/audit/de-linde/de-wei.yaml"
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@pytest.fixture
def audited(tmp_path: Path) -> Path:
    return committed(audit_network(tmp_path / "net"))


def xlsform(root: Path, location: str = "de-horst") -> Path:
    form = root.parent / f"{location}-xlsform.xlsx"
    args = ["export", "audit", "de-linde", location, "--repo", str(root), "--out", str(form)]
    assert run([*args, "--format", "xlsform"]) == 0
    return form


def rows_of(sheet: object) -> list[dict[str, object]]:
    values = list(sheet.values)  # type: ignore[attr-defined]
    return [dict(zip(values[0], row, strict=False)) for row in values[1:]]


def record(root: Path, rel: str) -> AuditRecord:
    data = load_network(root, use_cache=False).cycles[CYCLE.removeprefix("cycles/")]
    assert not data.failed.get("audit"), data.failed
    model = data.files["audit"][rel.removeprefix(f"{CYCLE}/audit/").removesuffix(".yaml")].model
    assert isinstance(model, AuditRecord)
    return model


def test_the_xlsform_has_survey_choices_and_settings_as_odk_reads_them(audited: Path) -> None:
    book = load_workbook(xlsform(audited))
    assert book.sheetnames == ["survey", "choices", "settings"]
    survey, choices = rows_of(book["survey"]), rows_of(book["choices"])
    names = [r["name"] for r in survey if r["name"]]
    assert len(names) == len(set(names)) and all(NAME.fullmatch(str(n)) for n in names)
    assert [(r["name"], r["calculation"]) for r in survey if r["type"] == "calculate"] == [
        ("lc_cycle", "'2025'"), ("lc_institution", "'de-linde'"), ("lc_location", "'de-horst'"),
    ]  # fmt: skip
    groups = [(r["type"], r["name"], r["appearance"]) for r in survey if "group" in str(r["type"])]
    assert groups == [
        ("begin_group", "g_t_medicatie", "field-list"), ("end_group", None, None),
        ("begin_group", "g_t_zinvolle_dag", "field-list"), ("end_group", None, None),
    ]  # fmt: skip
    score = next(r for r in survey if r["name"] == "score_t_zinvolle_dag")
    assert (score["type"], score["required"]) == ("select_one scale", "yes")
    lists = {str(r["type"]).split()[1] for r in survey if str(r["type"]).startswith("select_one")}
    assert lists == {r["list_name"] for r in choices}  # every list used has its choices
    scale = [(r["name"], r["label"]) for r in choices if r["list_name"] == "scale"]
    assert scale == [
        ("1", "1 Zorgelijk"), ("2", "2 Aandacht nodig"), ("3", "3 Op orde"),
        ("4", "4 Voorbeeld"), ("not_observed", "niet gezien"),
    ]  # fmt: skip
    observers = [r["name"] for r in choices if r["list_name"] == "observers"]
    assert observers == ["o1", "o2"]
    assert [r["name"] for r in choices if r["list_name"] == "units"] == [
        "huiskamer-1", "huiskamer-2",
    ]  # fmt: skip
    (settings,) = rows_of(book["settings"])
    assert settings["form_id"] == "leercyclus_audit_2025_de_linde_de_horst"
    assert str(settings["form_title"]).startswith("Samen-Audit 2025: ")


def central_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """An ODK Central export: metadata columns, group and field joined by '-'."""
    header = [
        "SubmissionDate", "lc_cycle", "lc_institution", "lc_location", "observer", "role",
        "perspective", "observed_on", "g_t_medicatie-score_t_medicatie",
        "g_t_medicatie-obs_t_medicatie", "g_t_zinvolle_dag-score_t_zinvolle_dag",
        "g_t_zinvolle_dag-obs_t_zinvolle_dag", "meta-instanceID", "KEY", "SubmitterID",
        "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status", "ReviewState",
        "DeviceID", "Edits", "FormVersion",
    ]  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, restval="")
        writer.writeheader()
        for n, row in enumerate(rows, start=1):
            writer.writerow({
                "SubmissionDate": f"2025-10-0{n}T14:03:11.208Z", "lc_cycle": "2025",
                "lc_institution": "de-linde", "meta-instanceID": f"uuid:{n:08d}-aaaa",
                "KEY": f"uuid:{n:08d}-aaaa", "SubmitterID": "7", "SubmitterName": "tablet 1",
                "AttachmentsPresent": "0", "AttachmentsExpected": "0", "DeviceID": "collect:x",
                "Edits": "0", "FormVersion": "202510011200", **row,
            })  # fmt: skip
    return path


def test_an_odk_central_csv_export_creates_the_audit_of_a_new_location(
    audited: Path, capsys: Capsys
) -> None:
    xlsform(audited, "de-wei")
    export = central_csv(audited.parent / "submissions.csv", [
        {"lc_location": "de-wei", "observer": "o1", "role": "verpleegkundige",
         "perspective": "staff", "observed_on": "2025-10-01",
         "g_t_medicatie-score_t_medicatie": "3",
         "g_t_medicatie-obs_t_medicatie": "Kar op slot.\nLijst compleet.",
         "g_t_zinvolle_dag-score_t_zinvolle_dag": "not_observed"},
        {"lc_location": "de-wei", "observer": "o2", "role": "lid cliëntenraad",
         "perspective": "client", "observed_on": "2025-10-02",
         "g_t_medicatie-score_t_medicatie": "2",
         "g_t_medicatie-obs_t_medicatie": "Aftekenlijst niet compleet.",
         "g_t_zinvolle_dag-score_t_zinvolle_dag": "3",
         "g_t_zinvolle_dag-obs_t_zinvolle_dag": "Wandeling in de tuin."},
        {"lc_location": "de-wei", "observer": "o2", "role": "x", "perspective": "client",
         "observed_on": "2025-10-03", "ReviewState": "rejected",
         "g_t_medicatie-score_t_medicatie": "1"},
    ])  # fmt: skip
    assert run(["import", str(export), "--repo", str(audited)]) == 0
    assert "created cycles/2025/audit/de-linde/de-wei.yaml" in capsys.readouterr().out
    model = record(audited, NEW)
    assert [d.isoformat() for d in model.dates] == ["2025-10-01", "2025-10-02"]
    assert [(o.id, o.role, o.perspective) for o in model.observers] == [
        ("o1", "verpleegkundige", "staff"), ("o2", "lid cliëntenraad", "client"),
    ]  # fmt: skip
    medicatie = [(s.observer, s.score, s.observations) for s in model.scores["medicatie"]]
    assert medicatie == [
        ("o1", "3", ["Kar op slot.", "Lijst compleet."]),
        ("o2", "2", ["Aftekenlijst niet compleet."]),
    ]
    dag = [(s.observer, s.score, s.observations) for s in model.scores["zinvolle-dag"]]
    assert dag == [("o1", "not_observed", []), ("o2", "3", ["Wandeling in de tuin."])]


def kobo_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A KoboToolbox export (XML values and headers): group and field joined by '/'."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Samen-Audit 2025 De Horst"
    sheet.append([
        "start", "end", "lc_cycle", "lc_institution", "lc_location", "observer", "role",
        "perspective", "observed_on", "unit", "g_t_medicatie/score_t_medicatie",
        "g_t_medicatie/obs_t_medicatie", "g_t_zinvolle_dag/score_t_zinvolle_dag",
        "g_t_zinvolle_dag/obs_t_zinvolle_dag", "_id", "_uuid", "_submission_time",
        "_validation_status", "_index",
    ])  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_kobo_export_that_changes_a_score_needs_force(audited: Path, capsys: Capsys) -> None:
    start = "2025-09-10T09:00:00.000+02:00"
    export = kobo_xlsx(audited.parent / "kobo.xlsx", [[
        start, start, "2025", "de-linde", "de-horst", "o2", "lid cliëntenraad (tablet)", "client",
        "2025-09-10", "huiskamer-2",
        "3 Op orde", "Kar op slot.", "2", "Middag leeg.", 1, "u1", start, "", 1,
    ]])  # fmt: skip
    before = (audited / AUDIT).read_text(encoding="utf-8")
    assert run(["import", str(export), "--repo", str(audited)]) == 1
    err = capsys.readouterr().err
    assert "would change scores already in cycles/2025/audit/de-linde/de-horst.yaml" in err
    assert "medicatie of o2 is 2 in the file, 3 in the export" in err
    assert (audited / AUDIT).read_text(encoding="utf-8") == before
    assert run(["import", str(export), "--repo", str(audited), "--force"]) == 0
    assert (
        "o2: the submission's role 'lid cliëntenraad (tablet)' differs" in capsys.readouterr().out
    )
    model = record(audited, AUDIT)
    o2 = {t: [s for s in model.scores[t] if s.observer == "o2"][0] for t in model.scores}
    assert (o2["medicatie"].score, o2["medicatie"].unit) == ("3", "huiskamer-2")
    assert o2["zinvolle-dag"].observations == ["Middag leeg."]
    o1 = [s for s in model.scores["medicatie"] if s.observer == "o1"][0]
    assert (o1.score, o1.observations) == ("3", ["Aftekenlijst compleet."])  # not touched
    assert [o.id for o in model.observers] == ["o1", "o2"]


def test_wrong_submissions_are_refused_with_their_row(audited: Path, capsys: Capsys) -> None:
    export = central_csv(audited.parent / "bad.csv", [
        {"lc_location": "de-horst", "observer": "o1", "observed_on": "gisteren",
         "g_t_medicatie-score_t_medicatie": "7"},
        {"lc_location": "de-horst", "observer": "o1", "observed_on": "2025-09-10"},
        {"lc_location": "de-horst", "observer": "o9", "observed_on": "2025-09-10"},
    ])  # fmt: skip
    assert run(["import", str(export), "--repo", str(audited)]) == 1
    err = capsys.readouterr().err
    assert "bad.csv, row 2, observed_on: 'gisteren' is not a date" in err
    assert "bad.csv, row 2, score_t_medicatie: '7' is not a level of the scale" in err
    assert "bad.csv, row 3: observer o1 also sent row 2" in err
    assert (
        "bad.csv, row 4: o9 is a new observer: the submission needs a role and a perspective "
        "(staff, client, family, management, external), not '' and ''"
    ) in err


def test_an_export_of_another_form_is_refused(audited: Path, capsys: Capsys) -> None:
    export = audited.parent / "other.csv"
    export.write_text("SubmissionDate;name;age\n2025-10-01;x;3\n", encoding="utf-8")
    assert run(["import", str(export), "--repo", str(audited)]) == 1
    assert "other.csv is no export of a leercyclus audit form" in capsys.readouterr().err


def test_pyxform_converts_the_xlsform_to_an_xform(audited: Path) -> None:
    """The reference converter of XLSForm (what ODK Central and KoboToolbox run) accepts it."""
    xls2xform = pytest.importorskip("pyxform.xls2xform")
    result = xls2xform.convert(xlsform=str(xlsform(audited)), validate=False)
    assert result.warnings == []
    assert 'id="leercyclus_audit_2025_de_linde_de_horst"' in result.xform
    assert "score_t_zinvolle_dag" in result.xform


def test_a_dollar_brace_in_the_network_s_words_stays_text_on_the_tablet(audited: Path) -> None:
    """`${role}` in a label would show the observer's role there, `${x}` stop the conversion."""
    xls2xform = pytest.importorskip("pyxform.xls2xform")
    framework = audited / FRAMEWORK
    text = framework.read_text(encoding="utf-8")
    text = text.replace("title: Zinvolle dag", "title: Zinvolle dag (${role})")
    text = text.replace("label: Zorgelijk", 'label: "Zorgelijk ${x}"')
    framework.write_text(text, encoding="utf-8")
    committed(audited)
    form = xlsform(audited)
    labels = [str(r["label"]) for r in rows_of(load_workbook(form)["survey"]) if r["label"]]
    assert "Zinvolle dag ($\u200b{role})" in labels
    result = xls2xform.convert(xlsform=str(form), validate=False)
    assert "<output" not in result.xform
    assert "Zorgelijk $\u200b{x}" in result.xform


def test_submissions_of_two_audits_or_of_none_are_refused(audited: Path, capsys: Capsys) -> None:
    two = central_csv(audited.parent / "two.csv", [
        {"lc_location": "de-horst", "observer": "o1", "observed_on": "2025-09-10"},
        {"lc_location": "de-wei", "observer": "o2", "observed_on": "2025-09-10"},
    ])  # fmt: skip
    assert run(["import", str(two), "--repo", str(audited)]) == 1
    assert capsys.readouterr().err == (
        "error: two.csv holds submissions of more than one audit form "
        "(2025/de-linde/de-horst; 2025/de-linde/de-wei)\n"
        "hint: export the submissions of one location's form at a time\n"
    )
    unmarked = central_csv(audited.parent / "unmarked.csv", [
        {"lc_location": "de-horst", "observer": "o1", "observed_on": "2025-09-10"},
        {"lc_location": "", "observer": "o2", "observed_on": "2025-09-10"},
    ])  # fmt: skip
    assert run(["import", str(unmarked), "--repo", str(audited)]) == 1
    assert capsys.readouterr().err == (
        "error: unmarked.csv, row 3: lc_location is empty, so it cannot say which audit the "
        "submission belongs to\n"
        "hint: export the submissions of the form made by `leercyclus export audit --format "
        "xlsform`, with its hidden fields\n"
    )


def test_an_export_past_the_row_limit_is_refused_not_cut_off(
    audited: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leercyclus.forms import submissions

    monkeypatch.setattr(submissions, "MAX_ROWS", 2)
    rows = [
        {"lc_location": "de-horst", "observer": f"o{n}", "observed_on": "2025-09-10"}
        for n in (1, 2, 3)
    ]
    export = central_csv(audited.parent / "many.csv", rows)
    before = (audited / AUDIT).read_bytes()
    assert run(["import", str(export), "--repo", str(audited)]) == 1
    assert capsys.readouterr().err == (
        "error: many.csv has more than 2 rows: far more than the submissions of one "
        "location's audit, so it is not read\n"
        "hint: export the submissions of one location's form\n"
    )
    assert (audited / AUDIT).read_bytes() == before
