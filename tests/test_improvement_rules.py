"""The improvement method's rules on its files: CSV series, registers, projects and definitions.

Every LC5xx/LC6xx code has a scenario here (tests/test_check_rules.py lists this file in its
ELSEWHERE table)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from leercyclus.methods.improvement import pdsa, registers, series, tables
from leercyclus.models.improvement import Indicator, Instrument, Project
from leercyclus.repository.findings import Finding
from series_helpers import indicator as series_indicator

INSTITUTIONS = {"de-linde", "het-anker"}
TODAY = dt.date(2026, 3, 1)


NAASTEN = {
    "id": "naasten-intake",
    "title": "Naaste aanwezig bij de intake",
    "numerator": "Intakes met een naaste",
    "denominator": "Intakes",
}


def indicator(**changes: Any) -> Indicator:
    return series_indicator(**{**NAASTEN, **changes})


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def read(text: str, ind: Indicator | None = None) -> tuple[list[tables.Measurement], list[Finding]]:
    return tables.read_indicator("indicators/data/x.csv", text, ind or indicator(), INSTITUTIONS)


def test_a_clean_series_reads_without_findings() -> None:
    rows, found = read(
        "period,institution,numerator,denominator,note\n"
        "2025-01,de-linde,12,80,\n2025-02,de-linde,9,77,start nieuwe werkafspraak\n"
    )
    assert found == []
    assert [(r.period, r.numerator, r.denominator) for r in rows] == [
        ("2025-01", 12, 80),
        ("2025-02", 9, 77),
    ]
    assert rows[1].line == 3


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2025-1,de-linde,1,10", "period '2025-1' is not a month like 2025-03"),
        ("2025-Q1,de-linde,1,10", "period '2025-Q1' is not a month like 2025-03"),
        ("2025-01,de-eik,1,10", "institution 'de-eik' is not in institutions.yaml"),
        ("2025-01,de-linde,11,10", "numerator 11 is larger than denominator 10"),
        ("2025-01,de-linde,1,0", "denominator '0' is not a number above zero"),
        ("2025-01,de-linde,een,10", "numerator 'een' is not a number of zero or more"),
        ("2025-01,de-linde,-1,10", "numerator '-1' is not a number of zero or more"),
    ],
)
def test_lc501_bad_rows(row: str, message: str) -> None:
    rows, found = read(f"period,institution,numerator,denominator\n{row}\n")
    assert rows == []
    assert [(f.code, f.severity, f.line, f.message) for f in found] == [
        ("LC501", "error", 2, message)
    ]


def test_lc501_duplicates_and_a_rate_may_exceed_its_denominator() -> None:
    _, found = read(
        "period,institution,numerator,denominator\n2025-01,de-linde,1,10\n2025-01,de-linde,2,10\n"
    )
    assert [f.message for f in found] == ["de-linde 2025-01 appears twice (first on line 2)"]
    _, found = read(
        "period,institution,numerator,denominator\n2025-01,de-linde,30,10\n",
        indicator(kind="rate", unit="per_1000"),
    )
    assert found == []


def test_lc506_a_gap_in_a_series_is_a_warning() -> None:
    _, found = read(
        "period,institution,numerator,denominator\n"
        "2025-01,de-linde,1,10\n2025-04,de-linde,1,10\n2025-02,het-anker,1,10\n"
    )
    assert [(f.code, f.severity, f.message) for f in found] == [
        (
            "LC506",
            "warning",
            "de-linde: no figures for 2025-02, 2025-03; a gap in the series"
            " (leave it, or add the period)",
        )
    ]


@pytest.mark.parametrize(
    "column",
    ["naam", "client_naam", "BSN", "geboortedatum", "Date of birth", "email", "patient_id"],
)
def test_lc507_personal_columns_are_refused_in_every_csv(column: str) -> None:
    text = f"period,institution,numerator,denominator,{column}\n2025-01,de-linde,1,10,x\n"
    rows, found = read(text)
    assert rows == []
    assert codes(found) == ["LC507"]
    assert "looks like personal data" in found[0].message
    _, found = registers.read_complaints(
        "safety/de-linde/complaints-2025.csv",
        f"id,received,decided,hcat_category,severity,{column}\n",
        TODAY,
    )
    assert codes(found) == ["LC507"]
    inst = instrument()
    _, found = registers.read_experience(
        "experience/prem/2025-Q1.csv",
        f"period,institution,item,answer,count,{column}\n",
        inst,
        "2025-Q1",
        INSTITUTIONS,
    )
    assert codes(found) == ["LC507"]


def test_lc507_a_bsn_in_a_note() -> None:
    _, found = read(
        "period,institution,numerator,denominator,note\n2025-01,de-linde,1,10,111222333\n"
    )
    assert codes(found) == ["LC507"]
    assert tables.bsn_like("111222333") and not tables.bsn_like("111222334")


def test_lc509_unreadable_tables() -> None:
    assert codes(read("")[1]) == ["LC509"]
    assert codes(read("period,institution,numerator\n2025-01,de-linde,1\n")[1]) == ["LC509"]
    found = read("period,institution,numerator,denominator,extra\n")[1]
    assert [f.message for f in found] == [
        "column 'extra' is not allowed here; allowed: period, institution, numerator,"
        " denominator, note"
    ]
    found = read("period,institution,numerator,denominator\n2025-01,de-linde,1\n")[1]
    assert [(f.code, f.line) for f in found] == [("LC509", 2)]


def test_a_count_needs_no_denominator() -> None:
    ind = indicator(kind="count", denominator=None, unit="count")
    rows, found = read("period,institution,numerator\n2025-01,de-linde,3\n", ind)
    assert found == [] and rows[0].denominator is None
    with pytest.raises(ValueError, match="needs a denominator"):
        indicator(denominator=None)


def measurements(
    values: list[tuple[str, float, float]], inst: str = "de-linde"
) -> list[tables.Measurement]:
    return [tables.Measurement(2, p, inst, n, d, "") for p, n, d in values]


def test_lc502_and_lc503_baseline_and_phases() -> None:
    rows = measurements([(f"2025-{m:02d}", 5, 10) for m in range(1, 13)])
    ind = indicator(baseline={"from": "2025-01", "to": "2025-06"})
    found = list(series.check_definition("indicators/x.yaml", ind, rows))
    assert [(f.code, f.severity) for f in found] == [("LC503", "warning")]
    assert "6 points" in found[0].message
    bad = [
        indicator(baseline={"from": "2025-Q1", "to": "2025-Q2"}),
        indicator(baseline={"from": "2025-06", "to": "2025-01"}),
        indicator(baseline={"from": "2023-01", "to": "2023-12"}),
        indicator(phases=[{"from": "2025-05", "reason": "a"}, {"from": "2025-03", "reason": "b"}]),
    ]
    for ind in bad:
        assert codes(list(series.check_definition("x", ind, rows))) == ["LC502"]
    with pytest.raises(ValueError, match="reason"):
        indicator(phases=[{"from": "2025-05"}])


def project(**changes: Any) -> Project:
    data: dict[str, Any] = {
        "id": "naasten-intake",
        "institution": "de-linde",
        "title": "Naasten vanaf de intake betrekken",
        "aim": "Binnen zes maanden is bij 80 % van de intakes een naaste aanwezig.",
        "owner": "teamleider kliniek",
        "triggers": ["oester:2025/de-linde/naasten-verdwijnen-na-de-intake-uit-beeld"],
        "next_check": "2026-06-01",
        "cycles": [
            {
                "n": 1,
                "plan": {"change": "Uitnodiging in de intakebrief", "prediction": "50 %"},
                "do": {"date": "2026-01-05"},
                "study": {"date": "2026-02-01", "result": "38 %", "prediction_held": "partly"},
                "act": {"decision": "adapt", "date": "2026-02-10", "next": "ook bellen"},
            }
        ],
    }
    data.update(changes)
    return Project.model_validate(data)


def check(p: Project, folder: str = "de-linde", today: dt.date = TODAY) -> list[Finding]:
    return list(pdsa.check_project("improvement/de-linde/naasten-intake.yaml", p, folder, today))


def test_a_tidy_project_has_no_findings() -> None:
    assert check(project()) == []
    assert pdsa.phase(project().cycles[0]) == "act"


def test_lc504_prediction_order_and_numbering() -> None:
    cycle = {
        "n": 2,
        "plan": {"change": "x", "date": "2026-02-01"},
        "do": {"date": "2026-01-20"},
        "study": {"date": "2026-02-10", "result": "y"},
    }
    found = check(project(cycles=[cycle]))
    assert [f.message for f in found if f.code == "LC504"] == [
        "cycle 2 is number 1 in the list",
        "cycle 2: the plan has no prediction; write down what you expect, so that the study"
        " step can compare",
        "cycle 2: the study does not say whether the prediction held (prediction_held: yes,"
        " partly or no)",
        "cycle 2: do (2026-01-20) is dated before plan (2026-02-01)",
    ]


def test_lc508_a_study_or_act_step_past_its_date() -> None:
    late_study = {"n": 1, "plan": {"change": "x", "prediction": "y"}, "do": {"date": "2026-01-05"}}
    found = check(project(cycles=[late_study]))
    assert [(f.code, f.message) for f in found] == [
        ("LC508", "cycle 1: the study step was due on 2026-02-04")
    ]
    planned = {**late_study, "plan": {"change": "x", "prediction": "y", "study_by": "2026-04-01"}}
    assert check(project(cycles=[planned])) == []
    no_act = {**late_study, "study": {"date": "2026-01-20", "result": "z", "prediction_held": "no"}}
    assert [f.message for f in check(project(cycles=[no_act]))] == [
        "cycle 1: the act step was due on 2026-02-19"
    ]
    assert check(project(cycles=[late_study], status="closed")) == []


def test_lc505_past_its_check_or_stalled() -> None:
    found = check(project(next_check="2026-02-01"))
    assert [(f.code, f.message) for f in found] == [
        ("LC505", "the project's check was due on 2026-02-01")
    ]
    found = check(project(), today=dt.date(2026, 5, 20))
    assert [f.code for f in found] == ["LC505"]
    assert "stalled" in found[0].message


def test_lc510_a_project_in_another_institutions_folder() -> None:
    assert codes(check(project(), folder="het-anker")) == ["LC510"]


def instrument() -> Instrument:
    return Instrument.model_validate(
        {
            "id": "prem-herstel",
            "kind": "prem",
            "title": "PREM herstelgerichte zorg",
            "scales": {"1-10": {"min": 1, "max": 10, "top_box": [9, 10]}},
            "items": [{"id": "aandacht", "text": "Persoonlijke aandacht", "scale": "1-10"}],
        }
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2025-Q2,de-linde,aandacht,9,3", "period '2025-Q2' in the file of period 2025-Q1"),
        ("2025-Q1,de-eik,aandacht,9,3", "institution 'de-eik' is not in institutions.yaml"),
        ("2025-Q1,de-linde,bejegening,9,3", "item 'bejegening' is not an item of prem-herstel"),
        ("2025-Q1,de-linde,aandacht,11,3", "answer '11' is outside the scale 1-10"),
        ("2025-Q1,de-linde,aandacht,9,2.5", "count '2.5' is not a whole number of zero or more"),
    ],
)
def test_lc601_experience_rows(row: str, message: str) -> None:
    answers, found = registers.read_experience(
        "experience/prem-herstel/2025-Q1.csv",
        f"period,institution,item,answer,count\n{row}\n",
        instrument(),
        "2025-Q1",
        INSTITUTIONS,
    )
    assert answers == []
    assert [(f.code, f.message) for f in found] == [("LC601", message)]


def test_lc601_unknown_instrument_and_lc606_respondent_level_columns() -> None:
    _, found = registers.read_experience("e/x/2025-Q1.csv", "", None, "2025-Q1", INSTITUTIONS)
    assert codes(found) == ["LC601"]
    _, found = registers.read_experience(
        "e/x/2025-Q1.csv",
        "period,institution,item,answer,count,timepoint\n",
        instrument(),
        "2025-Q1",
        INSTITUTIONS,
    )
    assert codes(found) == ["LC606"]


COMPLAINT_HEADER = "id,received,extended,decided,hcat_category,severity,harm,stage,outcome\n"


def test_lc602_complaint_terms() -> None:
    text = COMPLAINT_HEADER + (
        "K25-014,2025-02-03,,2025-03-10,communication,2,1,intake,partly_justified\n"
        "K25-015,2025-02-03,,2025-03-20,communication,2,1,intake,justified\n"
        "K25-016,2025-02-03,ja,2025-04-10,listening,1,1,treatment,not_justified\n"
        "K26-001,2026-01-02,,,safety,3,2,treatment,\n"
    )
    complaints, found = registers.read_complaints(
        "safety/de-linde/complaints-2025.csv", text, TODAY
    )
    assert len(complaints) == 4
    assert [(f.code, f.line, f.message) for f in found] == [
        (
            "LC602",
            3,
            "complaint K25-015: decided 2025-03-20, past its term of 2025-03-17 (6 weeks; 10"
            " when `extended` is set)",
        ),
        (
            "LC602",
            5,
            "complaint K26-001: still open, past its term of 2026-02-13 (6 weeks; 10 when"
            " `extended` is set)",
        ),
    ]


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("K1,2025-02-03,,,rudeness,2,1,intake,", "hcat_category 'rudeness'"),
        ("K1,2025-02-03,,,listening,5,1,intake,", "severity '5'"),
        ("K1,2025-02-03,,,listening,2,0,intake,", "harm '0'"),
        ("K1,2025-02-03,,,listening,2,1,kantine,", "stage 'kantine'"),
        ("K1,3 feb 2025,,,listening,2,1,intake,", "received '3 feb 2025'"),
        ("K1,2025-02-03,,2025-01-03,listening,2,1,intake,", "decided before it was received"),
        ("K1,2025-02-03,,,listening,2,1,intake,gewonnen", "outcome 'gewonnen'"),
    ],
)
def test_lc603_complaint_coding(row: str, fragment: str) -> None:
    _, found = registers.read_complaints(
        "c.csv", COMPLAINT_HEADER + row + "\n", dt.date(2025, 2, 4)
    )
    assert codes(found) == ["LC603"]
    assert fragment in found[0].message


def test_lc605_free_text_column_in_a_complaint_register() -> None:
    _, found = registers.read_complaints(
        "c.csv", "id,received,decided,hcat_category,severity,omschrijving\n", TODAY
    )
    assert codes(found) == ["LC605"]


def test_network_spread_keeps_min_group() -> None:
    ind = indicator()
    rows = []
    for k, inst in enumerate(["a", "b", "c", "d", "e"]):
        rows += measurements([("2025-01", k + 1, 10)], inst)
    rows += measurements([("2025-02", 1, 10)], "a")
    spread = series.network_spread(ind, rows, min_group=5)
    assert [(s.period, s.institutions) for s in spread] == [("2025-01", 5)]
    assert spread[0].median == pytest.approx(30.0)
    assert (spread[0].low, spread[0].high) == (pytest.approx(20.0), pytest.approx(40.0))
    assert spread[0].pooled == pytest.approx(30.0)


def test_an_institution_chart_spans_gaps_and_takes_a_run_chart_before_12_points() -> None:
    rows = measurements([("2025-01", 1, 10), ("2025-03", 2, 10)])
    built = series.institution_chart(indicator(), rows)
    assert built is not None and built.kind == "run"
    assert [p.label for p in built.points] == ["2025-01", "2025-02", "2025-03"]
    rows = measurements([(f"2025-{m:02d}", 5, 10) for m in range(1, 13)])
    built = series.institution_chart(indicator(), rows)
    assert built is not None and built.kind == "p"


def test_a_mean_is_charted_as_the_mean_of_each_period() -> None:
    ind = indicator(kind="mean", unit="days", direction="lower_is_better")
    rows = measurements([("2025-01", 300, 10), ("2025-02", 240, 12)])  # 30 and 20 days
    built = series.institution_chart(ind, rows)
    assert built is not None and [p.value for p in built.points] == [30.0, 20.0]
    ind = indicator(kind="mean", unit="days", chart="i")
    built = series.institution_chart(ind, rows)
    assert built is not None and built.kind == "i" and built.points[0].value == 30.0


def test_large_numbers_get_laney_prime_charts_and_a_rate_its_events_counted() -> None:
    rows = measurements([(f"2025-{m:02d}", 950 + m, 1000 + m) for m in range(1, 13)])
    built = series.institution_chart(indicator(), rows)
    assert built is not None and built.kind == "pp"  # 1000 and more cases a month
    rate = indicator(kind="rate", unit="per_1000")
    rows = measurements([(f"2025-{m:02d}", 4, 1500 + m) for m in range(1, 13)])
    built = series.institution_chart(rate, rows)
    assert built is not None and built.kind == "u"  # many bed days, but few events
    rows = measurements([(f"2025-{m:02d}", 1200, 1500) for m in range(1, 13)])
    assert (series.institution_chart(rate, rows) or built).kind == "up"
    chosen = indicator(chart="p")
    assert (series.institution_chart(chosen, measurements([("2025-01", 9, 10)])) or built).kind == (
        "p"
    )


def events(kind: str, **changes: Any) -> Indicator:
    fields = {"unit": "days", "direction": "higher_is_better", **changes}
    return indicator(kind=kind, denominator=None, numerator="Dagen sinds de vorige", **fields)


def test_rare_events_are_one_row_each_without_gaps_or_denominator() -> None:
    text = (
        "period,institution,numerator\n2025-01,de-linde,12\n2025-01,de-linde,3\n"
        "2025-04,de-linde,40\n"
    )
    rows, found = read(text, events("time_between"))
    assert found == [] and [r.numerator for r in rows] == [12, 3, 40]
    rows, found = read("period,institution,numerator\n2025-02,de-linde,0\n", events("time_between"))
    assert codes(found) == ["LC501"] and "above zero" in found[0].message
    rows, found = read(
        "period,institution,numerator\n2025-02,de-linde,0\n", events("cases_between")
    )
    assert found == []  # the next case was the next event


def test_rare_events_get_a_t_or_g_chart_with_their_baseline_and_phases() -> None:
    months = [f"2025-{m:02d}" for m in range(1, 13) for _ in range(2)] + ["2026-02", "2026-05"]
    rows = [tables.Measurement(k + 2, p, "de-linde", 10.0 + k % 5, None, "")
            for k, p in enumerate(months)]  # fmt: skip
    ind = events("time_between", baseline={"from": "2025-01", "to": "2025-12"},
                 phases=[{"from": "2026-03", "reason": "Nieuw protocol"}])  # fmt: skip
    built = series.institution_chart(ind, rows)
    assert built is not None and built.kind == "t"
    assert [p.label for p in built.points][:3] == ["2025-01", "2025-01", "2025-02"]
    assert [p.in_baseline for p in built.points].count(True) == 24
    assert [(part.start, part.reason) for part in built.parts] == [(0, ""), (25, "Nieuw protocol")]
    few = series.institution_chart(events("cases_between"), rows[:5])
    assert few is not None and few.kind == "run"
    many = series.institution_chart(events("cases_between", unit="count"), rows)
    assert many is not None and many.kind == "g"
    assert series.network_spread(ind, rows, 1) == []  # events have no figure per period


@pytest.mark.parametrize(
    ("kind", "chart_kind"),
    [("rate", "p"), ("count", "p"), ("proportion", "u"), ("mean", "c"), ("proportion", "up"),
     ("rate", "pp"), ("count", "u"), ("time_between", "g"), ("cases_between", "t"),
     ("proportion", "g")],
)  # fmt: skip
def test_a_chart_that_does_not_fit_the_kind_is_refused(kind: str, chart_kind: str) -> None:
    extra = {"denominator": None} if kind in ("count", "cases_between", "time_between") else {}
    with pytest.raises(ValueError, match=f"a {chart_kind} chart does not fit a {kind}"):
        indicator(kind=kind, chart=chart_kind, **extra)


def analysis(**changes: Any) -> Any:
    from leercyclus.models.improvement import Analysis

    data: dict[str, Any] = {
        "id": "2026-vim-03",
        "institution": "de-linde",
        "kind": "vim",
        "event_month": "2026-03",
        "analysed": "2026-04-16",
        "organisations": ["de-linde", "het-anker"],
        "root_causes": [{"text": "Geen vak voor de naaste op het formulier", "ecm": "OP"}],
    }
    data.update(changes)
    return Analysis.model_validate(data)


def test_an_analysis_is_coded_and_dated_by_month_only() -> None:
    assert analysis().root_causes[0].ecm == "OP"
    with pytest.raises(ValueError, match="ecm"):
        analysis(root_causes=[{"text": "x", "ecm": "ZZ"}])
    with pytest.raises(ValueError, match="event_month"):
        analysis(event_month="2026-03-14")


def test_lc510_an_analysis_in_another_folder_or_of_an_unknown_organisation() -> None:
    from leercyclus.methods.improvement.gather import _check_analysis

    rel = "safety/het-anker/analyses/2026-vim-03.yaml"
    found = list(
        _check_analysis(rel, analysis(organisations=["de-eik"]), "het-anker", INSTITUTIONS)
    )
    assert [(f.code, f.message) for f in found] == [
        ("LC510", "the analysis is of 'de-linde' but lies in the folder of 'het-anker'"),
        ("LC510", "'de-eik' is not in institutions.yaml"),
    ]


def register(*documents: dict[str, Any]) -> Any:
    from leercyclus.models.improvement import DocumentRegister

    return DocumentRegister.model_validate({"institution": "de-linde", "documents": documents})


def document(**changes: Any) -> dict[str, Any]:
    fields = {"id": "PR-01", "title": "Protocol overdracht", "owner": "werkgroep protocollen",
              "version": "3.1", "approved": "2024-05-01", "review_every_months": 24}  # fmt: skip
    return {**fields, **changes}


def test_lc604_a_document_past_its_review_date() -> None:
    from leercyclus.methods.improvement import documents

    reg = register(
        document(),  # approved 2024-05-01 + 24 months: due 2026-05-01
        document(id="PR-02", review_by="2026-02-28"),
        document(id="PR-03", review_by="2026-01-01", status="withdrawn"),
        document(id="FO-01", status="draft", approved=None, review_every_months=None),
        document(id="BP-01", approved="2025-01-31", review_every_months=13),  # 2026-02-28
    )
    found = list(documents.check_register("documents/de-linde.yaml", reg, TODAY))
    assert [(f.code, f.severity, f.path) for f in found] == [
        ("LC604", "warning", ("documents", 1, "review_by")),
        ("LC604", "warning", ("documents", 4, "approved")),
    ]
    assert found[0].message.startswith("document PR-02 (version 3.1) was due for review on 2026")
    assert list(documents.check_register("d.yaml", reg, dt.date(2026, 2, 28))) == []
    later = [r.due for r in documents.calendar(reg, TODAY)]
    assert later == ["", "overdue", "overdue", "soon", ""]  # by date; the draft has none: last


def test_a_document_in_force_needs_a_review_date_and_ids_are_unique() -> None:
    with pytest.raises(ValueError, match="say when it is reviewed"):
        register(document(review_every_months=None))
    with pytest.raises(ValueError, match="used twice: PR-01"):
        register(document(), document())
    assert register(document(version=3)).documents[0].version == "3"
