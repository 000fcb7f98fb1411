"""Reading an indicator series: every finding in its order, and the rows it keeps, on files that
hold many kinds of problem at once (test_improvement_rules.py has one scenario per code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leercyclus.methods.improvement import seriescache, tables
from leercyclus.models.improvement import Indicator
from series_helpers import indicator

REL = "indicators/data/x.csv"
INSTITUTIONS = {"de-linde", "het-anker", "de-eik"}


def read(
    text: str, ind: Indicator | None, institutions: set[str] = INSTITUTIONS
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, int, str]]]:
    rows, found = tables.read_indicator(REL, text, ind, institutions)
    assert all(f.file == REL and f.column == 0 and f.path is None for f in found)
    return (
        [(r.line, r.period, r.institution, r.numerator, r.denominator, r.note) for r in rows],
        [(f.code, f.severity, f.line, f.message) for f in found],
    )


def error(line: int, message: str, code: str = "LC501") -> tuple[str, str, int, str]:
    return (code, "error", line, message)


def gap(message: str) -> tuple[str, str, int, str]:
    return ("LC506", "warning", 1, f"{message}; a gap in the series (leave it, or add the period)")


MIXED = (
    "\ufeff Period ,INSTITUTION, numerator,Denominator ,note\n"  # 1
    "2025-01,de-linde,1,10,\n"  # 2
    "\n"  # 3: blank, skipped
    " 2025-02 , de-linde , 2 , 10 , padded \n"  # 4
    "2025-03,de-linde,1\n"  # 5: too short
    ",,,,\n"  # 6: blank, skipped
    "2025-13,de-linde,1,10,\n"  # 7
    "2025-04,de-beuk,1,10,\n"  # 8
    "2025-05,de-linde,nan,10,\n"  # 9
    "2025-05,de-linde,1,inf,\n"  # 10
    "2025-05,de-linde,1,tien,\n"  # 11
    "2025-05,de-linde,1,10,eerste goede\n"  # 12: the first good 2025-05 (9-11 were bad)
    "2025-05,de-linde,2,10,\n"  # 13: twice
    "2025-06,de-linde,1e1,1.0E1,111222333\n"  # 14: a BSN in the note
    "2025-07,de-linde,,10,\n"  # 15
    "2025-08,de-linde,1,,\n"  # 16
    "2025-08,de-linde,1,10,a,b\n"  # 17: too long
    "2025-09,de-linde,12.5,12.0,\n"  # 18: the text in the message
    "2025-01,het-anker,3,4,\n"  # 19
    "2025-12,het-anker,3,4,\n"  # 20
    "2024-01,de-eik,1,2,\n"  # 21
    "2025-01,de-eik,1,2,\n"  # 22
    "2025-10,de-linde,11,10,\n"  # 23
    "2025-11,de-linde,-0,10,\n"  # 24
)


def test_many_problems_in_one_series_in_the_order_of_the_file() -> None:
    rows, found = read(MIXED, indicator())
    assert rows == [
        (2, "2025-01", "de-linde", 1.0, 10.0, ""),
        (4, "2025-02", "de-linde", 2.0, 10.0, "padded"),
        (12, "2025-05", "de-linde", 1.0, 10.0, "eerste goede"),
        (14, "2025-06", "de-linde", 10.0, 10.0, "111222333"),
        (19, "2025-01", "het-anker", 3.0, 4.0, ""),
        (20, "2025-12", "het-anker", 3.0, 4.0, ""),
        (21, "2024-01", "de-eik", 1.0, 2.0, ""),
        (22, "2025-01", "de-eik", 1.0, 2.0, ""),
        (24, "2025-11", "de-linde", -0.0, 10.0, ""),
    ]
    assert found == [
        error(5, "3 values where the header has 5", "LC509"),
        error(17, "6 values where the header has 5", "LC509"),
        error(7, "period '2025-13' is not a month like 2025-03"),
        error(8, "institution 'de-beuk' is not in institutions.yaml"),
        error(9, "numerator 'nan' is not a number of zero or more"),
        error(10, "denominator 'inf' is not a number above zero"),
        error(11, "denominator 'tien' is not a number above zero"),
        error(13, "de-linde 2025-05 appears twice (first on line 12)"),
        error(14, "the note holds a number that looks like a BSN", "LC507"),
        error(15, "numerator '' is not a number of zero or more"),
        error(16, "denominator '' is not a number above zero"),
        error(18, "numerator 12.5 is larger than denominator 12.0"),
        error(23, "numerator 11 is larger than denominator 10"),
        gap("de-eik: no figures for 2024-02, 2024-03, 2024-04, 2024-05, 2024-06, 2024-07"
            " and 5 more"),
        gap("de-linde: no figures for 2025-03, 2025-04, 2025-07, 2025-08, 2025-09, 2025-10"),
        gap("het-anker: no figures for 2025-02, 2025-03, 2025-04, 2025-05, 2025-06, 2025-07"
            " and 4 more"),
    ]  # fmt: skip


def test_a_series_without_a_definition_checks_what_it_can() -> None:
    text = (
        "period,institution,numerator,denominator\n"
        "anything,de-linde,11,10\n2025-01,de-linde,1,10\nanything,de-linde,1,10\n"
        "2025-01,de-beuk,1,10\n2025-03,de-linde,1,0\n"
    )
    rows, found = read(text, None)
    assert rows == [
        (2, "anything", "de-linde", 11.0, 10.0, ""),
        (3, "2025-01", "de-linde", 1.0, 10.0, ""),
    ]
    assert found == [
        error(4, "de-linde anything appears twice (first on line 2)"),
        error(5, "institution 'de-beuk' is not in institutions.yaml"),
        error(6, "denominator '0' is not a number above zero"),
    ]  # no gaps without a definition's period
    _, found = read("period,institution,numerator\n2025-01,de-linde,1\n", None)
    assert found == [error(1, "missing column(s): denominator", "LC509")]


def test_quarters_and_years_have_their_own_gaps() -> None:
    quarters = (
        "period,institution,numerator,denominator\n2024-Q3,de-linde,1,2\n2025-Q2,de-linde,1,2\n"
    )
    _, found = read(quarters, indicator(period="quarter"))
    assert found == [gap("de-linde: no figures for 2024-Q4, 2025-Q1")]
    years = "period,institution,numerator,denominator\n2020,de-linde,1,2\n2022,de-linde,1,2\n"
    _, found = read(years, indicator(period="year"))
    assert found == [gap("de-linde: no figures for 2021")]
    _, found = read(years, indicator(period="month"))
    assert [f[3] for f in found] == [
        "period '2020' is not a month like 2025-03",
        "period '2022' is not a month like 2025-03",
    ]


def test_a_count_keeps_a_denominator_it_does_not_check() -> None:
    ind = indicator(kind="count", denominator=None, unit="count")
    text = "period,institution,numerator,denominator\n2025-01,de-linde,3,0\n2025-02,de-linde,4,\n"
    rows, found = read(text, ind)
    assert found == []
    assert [r[3:5] for r in rows] == [(3.0, 0.0), (4.0, None)]
    rate = indicator(kind="rate", unit="per_1000")
    rows, found = read("period,institution,numerator,denominator\n2025-01,de-linde,30,10\n", rate)
    assert found == [] and rows[0][3:5] == (30.0, 10.0)


def test_rare_events_may_repeat_a_month_but_not_err() -> None:
    ind = indicator(kind="time_between", denominator=None, unit="days")
    text = (
        "period,institution,numerator\n2025-01,de-linde,3\n2025-01,de-linde,0\n"
        "2025-01,de-linde,2\n2025-06,de-linde,1\n2025-01,de-beuk,1\n"
    )
    rows, found = read(text, ind)
    assert [r[0] for r in rows] == [2, 4, 5]
    assert [f[:3] for f in found] == [("LC501", "error", 3), ("LC501", "error", 6)]


def test_the_last_of_two_columns_of_one_name_counts() -> None:
    text = "period,institution,numerator,denominator,numerator\n2025-01,de-linde,een,10,2\n"
    rows, found = read(text, indicator())
    assert found == [] and rows == [(2, "2025-01", "de-linde", 2.0, 10.0, "")]


def test_lines_are_counted_in_records_and_a_lone_carriage_return_is_unreadable() -> None:
    text = (
        'period,institution,numerator,denominator,note\n2025-01,de-linde,1,10,"a\nb"\n'
        "2025-02,x,1,2,\n"
    )
    rows, found = read(text, indicator())
    assert rows == [(2, "2025-01", "de-linde", 1.0, 10.0, "a\nb")]
    assert found == [error(3, "institution 'x' is not in institutions.yaml")]
    text = (
        "period,institution,numerator,denominator\n2025-01,de-linde,1,2\n2025-02,de-\rlinde,1,2\n"
    )
    assert read(text, None) == (
        [],
        [
            error(
                1,
                "not a readable CSV file: new-line character seen in unquoted field - do you need"
                " to open the file in universal-newline mode?",
                "LC509",
            )
        ],
    )


def test_every_institution_when_the_register_is_unreadable() -> None:
    class Anyone(frozenset[str]):
        def __contains__(self, item: object) -> bool:
            return True

    text = "period,institution,numerator,denominator\n2025-01,wie-dan-ook,1,2\n"
    rows, found = tables.read_indicator(REL, text, indicator(), Anyone())
    assert found == [] and [r.institution for r in rows] == ["wie-dan-ook"]


def test_one_row_no_gap_and_nothing_but_a_header() -> None:
    assert read("period,institution,numerator,denominator\n", indicator()) == ([], [])
    text = "period,institution,numerator,denominator\n2025-01,de-linde,1,2\n"
    assert read(text, indicator())[1] == []
    assert read("\n\n", indicator())[1] == [error(1, "the file has no header line", "LC509")]


def test_the_cache_gives_back_exactly_what_was_read(tmp_path: Path) -> None:
    answer = tables.read_indicator(REL, MIXED, indicator(), INSTITUTIONS)
    count = indicator(kind="count", denominator=None, unit="count")
    other = tables.read_indicator(
        REL, "period,institution,numerator\n2025-01,de-eik,3\n", count, INSTITUTIONS
    )
    for kept in (answer, other, ([], [])):
        seriescache.store(tmp_path, REL, "k", kept)
        assert seriescache.load(tmp_path, REL, "k") == kept
        assert seriescache.load(tmp_path, REL, "another key") is None


def test_a_decimal_comma_is_a_finding_that_asks_for_a_decimal_point() -> None:
    text = (
        "period,institution,numerator,denominator\n"
        '2025-01,de-linde,"1,5",10\n'  # 2
        '2025-02,de-linde,1,"2,5"\n'  # 3
        '2025-03,de-linde,"11,0",10\n'  # 4: what was said of it before
        '2025-04,de-linde,"1,5","0,0"\n'  # 5: the denominator first, as before
        "2025-05,de-linde,1,2\n"  # 6
    )
    rows, found = read(text, indicator())
    assert rows == [(6, "2025-05", "de-linde", 1.0, 2.0, "")]
    assert found == [
        error(2, "numerator '1,5' is not a number: write a decimal point, not a comma (1.5)"),
        error(3, "denominator '2,5' is not a number: write a decimal point, not a comma (2.5)"),
        error(4, "numerator 11,0 is larger than denominator 10"),
        error(5, "denominator '0,0' is not a number above zero"),
    ]
    events = indicator(kind="time_between", denominator=None, unit="days")
    text = 'period,institution,numerator\n2025-01,de-linde,"0,5"\n2025-01,de-linde,"0,0"\n'
    rows, found = read(text, events)
    assert rows == []
    assert found == [
        error(2, "numerator '0,5' is not a number: write a decimal point, not a comma (0.5)"),
        error(
            3,
            "numerator '0,0': the time since the previous event must be above zero (two events"
            " on one day: count the cases between them, kind cases_between)",
        ),
    ]
    _, found = read('period,institution,numerator,denominator\n2025-01,x,"1,5",10\n', None)
    assert found == [error(2, "institution 'x' is not in institutions.yaml")]
    text = (
        "period,institution,numerator,denominator\n"
        "2025-01,de-linde,1,10\n"  # 2
        '2025-01,de-linde,"1,5",10\n'  # 3: twice, as it was said before
        '2025-02,de-linde,"2,5",10\n'  # 4
        "2025-02,de-linde,2,10\n"  # 5: twice all the same
    )
    rows, found = read(text, indicator())
    assert [r[0] for r in rows] == [2]
    assert found == [
        error(3, "de-linde 2025-01 appears twice (first on line 2)"),
        error(4, "numerator '2,5' is not a number: write a decimal point, not a comma (2.5)"),
        error(5, "de-linde 2025-02 appears twice (first on line 4)"),
    ]


def test_a_denominator_of_a_kind_without_one_is_empty_or_a_number() -> None:
    count = indicator(kind="count", denominator=None, unit="count")
    text = (
        "period,institution,numerator,denominator,note\n"
        "2025-01,de-linde,3,tien,\n"  # 2
        '2025-02,de-linde,4,"1,5",\n'  # 3
        "2025-03,de-linde,5,-2,\n"  # 4: a number, kept unchecked as before
        "2025-04,de-linde,6,,\n"  # 5
        "2025-04,de-linde,7,zeven,\n"  # 6: twice, as it was said before
        "2025-05,de-linde,een,twee,\n"  # 7: the numerator is named first
        '2025-06,de-linde,"2,5",drie,\n'  # 8: here too
        '2025-07,de-linde,"3,5",,\n'  # 9
    )
    rows, found = read(text, count)
    assert rows == [
        (4, "2025-03", "de-linde", 5.0, -2.0, ""),
        (5, "2025-04", "de-linde", 6.0, None, ""),
    ]
    leave = "a count indicator has no denominator: leave the cell empty"
    assert found == [
        error(2, f"denominator 'tien' is not a number; {leave}"),
        error(3, f"denominator '1,5' is not a number; {leave}"),
        error(6, "de-linde 2025-04 appears twice (first on line 5)"),
        error(7, "numerator 'een' is not a number of zero or more"),
        error(8, "numerator '2,5' is not a number: write a decimal point, not a comma (2.5)"),
        error(9, "numerator '3,5' is not a number: write a decimal point, not a comma (3.5)"),
    ]
    events = indicator(kind="cases_between", denominator=None, unit="count")
    text = "period,institution,numerator,denominator\n2025-01,de-linde,3,x\n2025-01,de-linde,4,\n"
    rows, found = read(text, events)
    assert [r[0] for r in rows] == [3]
    assert found == [
        error(
            2,
            "denominator 'x' is not a number;"
            " a cases_between indicator has no denominator: leave the cell empty",
        )
    ]
