"""Reading the method's CSV files, with findings by file and line: indicator series, aggregated
experience answers and coded complaint registers. No column that looks like personal data passes."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import itertools
import math
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from leercyclus.models.improvement import (
    EVENT_KINDS,
    WITHOUT_DENOMINATOR,
    Indicator,
    period_matches,
)
from leercyclus.repository.findings import Finding

PERSONAL_WORDS = frozenset(
    """naam name voornaam achternaam surname firstname lastname initialen initials bsn
    burgerservicenummer geboortedatum gebdatum birth birthdate birthday dob geboren adres address
    straat street postcode zipcode woonplaats email mail telefoon phone mobiel patient patientnummer
    patientid client clientnummer clientid respondent respondentid""".split()
)
"""Words in a column header that mean the file holds people, not figures."""

INDICATOR_COLUMNS = ("period", "institution", "numerator", "denominator", "note")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's header and rows, each row with its line number."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]


def read_table(rel: str, text: str, findings: list[Finding]) -> Table | None:
    """Parse CSV text; None (with a finding) when it has no header or cannot be parsed."""
    parsed = _records(rel, text, findings)
    if parsed is None:
        return None
    header, records = parsed
    rows = []
    for number, cells in enumerate(records, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            findings.append(_width_finding(rel, number, len(cells), len(header)))
            continue
        rows.append((number, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    return Table(header, tuple(rows))


def _records(
    rel: str, text: str, findings: list[Finding]
) -> tuple[tuple[str, ...], list[list[str]]] | None:
    """The header (trimmed, in lower case) and the records after it, as the csv module gives
    them; None (with a finding) when there is no header or the text is no CSV."""
    try:
        lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    except csv.Error as exc:
        findings.append(Finding("error", rel, "LC509", f"not a readable CSV file: {exc}", 1))
        return None
    if not lines or not any(cell.strip() for cell in lines[0]):
        findings.append(Finding("error", rel, "LC509", "the file has no header line", 1))
        return None
    return tuple(cell.strip().casefold() for cell in lines[0]), lines[1:]


def _width_finding(rel: str, line: int, width: int, header: int) -> Finding:
    return Finding("error", rel, "LC509", f"{width} values where the header has {header}", line)


def personal_columns(header: Iterable[str]) -> list[str]:
    """The columns whose name looks like personal data (names, BSN, birth dates, contact)."""
    found = []
    for column in header:
        words = [w for w in re.split(r"[^a-z0-9]+", column.casefold()) if w]
        if set(words) & PERSONAL_WORDS or "".join(words) in PERSONAL_WORDS:
            found.append(column)
    return found


def check_columns(
    rel: str,
    header: Sequence[str],
    allowed: Sequence[str],
    required: Collection[str],
    findings: list[Finding],
    refuse: Callable[[str], Finding],
) -> bool:
    """Refuse personal-looking columns (LC507) and any column outside `allowed` (`refuse` says
    how); True when every required column is there and nothing was refused."""
    fine = True
    for column in personal_columns(header):
        findings.append(
            Finding(
                "error",
                rel,
                "LC507",
                f"column '{column}' looks like personal data (a name, BSN, birth date or contact):"
                " such data does not belong in the repository; remove the column",
                1,
            )
        )
        fine = False
    for column in header:
        if column not in allowed and column not in personal_columns([column]):
            findings.append(refuse(column))
            fine = False
    missing = [c for c in required if c not in header]
    if missing:
        findings.append(
            Finding("error", rel, "LC509", f"missing column(s): {', '.join(missing)}", 1)
        )
        fine = False
    return fine


def bsn_like(value: str) -> bool:
    """A 9-digit number that passes the BSN eleven-test: never a figure of ours."""
    if len(value) < 9:
        return False
    digits = value.replace(".", "").replace(" ", "")
    if not re.fullmatch(r"\d{9}", digits):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


class Measurement(NamedTuple):
    """One row of an indicator series (a tuple: rows are built from columns with `_make`)."""

    line: int
    period: str
    institution: str
    numerator: float
    denominator: float | None
    note: str


def read_indicator(
    rel: str,
    text: str,
    indicator: Indicator | None,
    institutions: Collection[str],
) -> tuple[list[Measurement], list[Finding]]:
    """The rows of indicators/data/<indicator>.csv, and what is wrong with them.

    A series has tens of thousands of rows, so it is checked a column at a time: each distinct
    period and institution once, each column of numbers in one conversion. Only a row that fails
    there is looked at on its own (`_row_problem`), which says what is wrong with it."""
    with collector_paused():
        return _read_indicator(rel, text, indicator, institutions)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector waits: reading a series makes hundreds of thousands of lists and
    tuples, none in a cycle, which it would go over again and again as they come."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_indicator(
    rel: str,
    text: str,
    indicator: Indicator | None,
    institutions: Collection[str],
) -> tuple[list[Measurement], list[Finding]]:
    findings: list[Finding] = []
    parsed = _records(rel, text, findings)
    if parsed is None:
        return [], findings
    header, records = parsed
    lines, records = _full_width(rel, len(header), records, findings)
    needs_denominator = indicator is None or indicator.kind not in WITHOUT_DENOMINATOR
    events = indicator is not None and indicator.kind in EVENT_KINDS
    required = ["period", "institution", "numerator"] + ["denominator"] * needs_denominator

    def refuse(column: str) -> Finding:
        return Finding(
            "error",
            rel,
            "LC509",
            f"column '{column}' is not allowed here; allowed: {', '.join(INDICATOR_COLUMNS)}",
            1,
        )

    if not check_columns(rel, header, INDICATOR_COLUMNS, required, findings, refuse):
        return [], findings
    if not records:
        return [], findings
    cells = _Cells.of(header, records)
    checks_denominator = cells.denominators is not None and (
        indicator is None or indicator.kind not in WITHOUT_DENOMINATOR
    )
    numerators, denominators, suspect = _screen(cells, indicator, institutions, checks_denominator)
    problems: dict[int, str] = {}
    skipped: set[int] = set()
    passed: dict[int, dict[str, str]] = {}
    for k in sorted(suspect):
        if not any(cell.strip() for cell in records[k]):
            skipped.add(k)  # a blank line
            continue
        row = dict(zip(header, map(str.strip, records[k]), strict=True))
        problem = _row_problem(row, indicator, institutions)
        if problem is not None:
            problems[k] = problem
        else:
            passed[k] = row
    if not events:
        problems.update(_repeated(cells, lines, problems.keys() | skipped))
    for k, row in passed.items():
        if k not in problems and (problem := _unreadable(row, indicator)) is not None:
            problems[k] = problem
    dropped = problems.keys() | skipped
    _convert_the_rest(cells, numerators, denominators, suspect - dropped, checks_denominator)
    bsn: set[int] = set()
    if max(map(len, cells.notes)) >= 9:
        bsn = {k for k, note in enumerate(cells.notes) if k not in dropped and bsn_like(note)}
    for k in sorted(problems.keys() | bsn):
        if k in problems:
            findings.append(Finding("error", rel, "LC501", problems[k], lines[k]))
        else:
            message = "the note holds a number that looks like a BSN"
            findings.append(Finding("error", rel, "LC507", message, lines[k]))
    keep = _keeping(len(records), dropped)
    periods, insts = keep(cells.periods), keep(cells.institutions)
    columns = (keep(lines), periods, insts, keep(numerators), keep(denominators), keep(cells.notes))
    rows = list(map(Measurement._make, zip(*columns, strict=True)))
    if indicator is not None and not events:  # a month without a rare event is no gap
        findings += _gaps(rel, insts, periods, indicator.period)
    return rows, findings


@dataclass(frozen=True, slots=True)
class _Cells:
    """A series' columns, each cell trimmed (a repeated column name: its last column)."""

    periods: list[str]
    institutions: list[str]
    numerators: list[str]
    denominators: list[str] | None
    notes: list[str]

    @classmethod
    def of(cls, header: Sequence[str], records: list[list[str]]) -> _Cells:
        columns = list(zip(*records, strict=True))
        at = {name: k for k, name in enumerate(header)}

        def column(name: str) -> list[str] | None:
            return list(map(str.strip, columns[at[name]])) if name in at else None

        periods, institutions, numerators = (
            column("period"),
            column("institution"),
            column("numerator"),
        )
        assert periods is not None and institutions is not None and numerators is not None
        return cls(
            periods,
            institutions,
            numerators,
            column("denominator"),
            column("note") or [""] * len(records),
        )


def _screen(
    cells: _Cells,
    indicator: Indicator | None,
    institutions: Collection[str],
    checks_denominator: bool,
) -> tuple[list[float], list[float | None], set[int]]:
    """The numerators and denominators as numbers (NaN where a cell is none; no denominators:
    None), and the rows that may have a problem (`_row_problem` says which), a column at a time."""
    suspect: set[int] = set()
    if indicator is not None:
        every = indicator.period
        wrong = {p for p in set(cells.periods) if not period_matches(p, every)}
        suspect.update(_where(cells.periods, wrong))
    unknown = {i for i in set(cells.institutions) if i not in institutions}
    suspect.update(_where(cells.institutions, unknown))
    above_zero = indicator is not None and indicator.kind == "time_between"
    numerators, odd = _numbers(cells.numerators, above_zero)
    suspect |= odd
    if cells.denominators is None:
        return numerators, [None] * len(numerators), suspect
    if not checks_denominator:
        unused, odd = _unchecked(cells.denominators)
        return numerators, unused, suspect | odd
    denominators, odd = _numbers(cells.denominators, above_zero=True)
    suspect |= odd
    if indicator is not None and indicator.kind == "proportion":
        if any(map(operator.gt, numerators, denominators)):
            pairs = enumerate(zip(numerators, denominators, strict=True))
            suspect.update(k for k, (n, d) in pairs if n > d)
    return numerators, list(denominators), suspect


def _repeated(cells: _Cells, lines: Sequence[int], dropped: Collection[int]) -> dict[int, str]:
    """The rows (not `dropped`) of an institution and period that a row above had already."""
    keys = list(zip(cells.periods, cells.institutions, strict=True))
    if len(set(keys)) == len(keys):
        return {}
    seen: dict[tuple[str, str], int] = {}
    repeated = {}
    for k, key in enumerate(keys):
        if k in dropped:
            continue
        if key in seen:
            repeated[k] = f"{key[1]} {key[0]} appears twice (first on line {seen[key]})"
        else:
            seen[key] = lines[k]
    return repeated


def _convert_the_rest(
    cells: _Cells,
    numerators: list[float],
    denominators: list[float | None],
    unplain: set[int],
    checks_denominator: bool,
) -> None:
    """Convert, as a kept row's numbers are, what `_screen` did not: a number that is no plain
    one yet no problem (`unplain`, kept rows only): `_unreadable` passed it, so it converts."""
    for k in unplain:
        numerators[k] = float(cells.numerators[k])
        if checks_denominator and cells.denominators is not None:
            denominator = cells.denominators[k]
            denominators[k] = float(denominator) if denominator else None


def _full_width(
    rel: str, width: int, records: list[list[str]], findings: list[Finding]
) -> tuple[list[int], list[list[str]]]:
    """The records as wide as the header, with their line numbers (a blank one among them is
    left to the caller); one of another width is a finding, or skipped when it is blank."""
    if set(map(len, records)) <= {width}:
        return list(range(2, len(records) + 2)), records
    lines, kept = [], []
    for number, cells in enumerate(records, start=2):
        if len(cells) == width:
            lines.append(number)
            kept.append(cells)
        elif any(cell.strip() for cell in cells):
            findings.append(_width_finding(rel, number, len(cells), width))
    return lines, kept


def _where(column: Sequence[str], values: Collection[str]) -> Iterable[int]:
    """The rows whose cell is one of `values`."""
    return (k for k, cell in enumerate(column) if cell in values) if values else ()


def _numbers(texts: Sequence[str], above_zero: bool) -> tuple[list[float], set[int]]:
    """The cells as numbers (NaN where one is none), and the rows that do not hold a number of
    zero or more (above zero with `above_zero`)."""
    try:
        values = list(map(float, texts))
    except ValueError:
        values = [_float(text) for text in texts]
    lowest = min(values)
    if all(map(math.isfinite, values)) and (lowest > 0 or (lowest == 0 and not above_zero)):
        return values, set()
    return values, {
        k
        for k, v in enumerate(values)
        if not (math.isfinite(v) and (v > 0 or (v == 0 and not above_zero)))
    }


def _unchecked(texts: Sequence[str]) -> tuple[list[float | None], set[int]]:
    """A column kept but not checked (the denominator of a count or rare events): the cells as
    numbers (None where one is empty), and the rows whose cell is neither empty nor a number
    `float` reads (None too; `_unreadable` says what is wrong)."""
    try:
        return [float(text) if text else None for text in texts], set()
    except ValueError:
        unread = {k for k, text in enumerate(texts) if text and not _readable(text)}
        values = [None if k in unread or not t else float(t) for k, t in enumerate(texts)]
        return values, unread


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def _readable(text: str) -> bool:
    """Whether `float` reads the text (as a kept row's numbers are read)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


def _keeping(count: int, dropped: Collection[int]) -> Callable[[Sequence[T]], list[T]]:
    """A function that takes from a column the cells of the rows not `dropped`."""
    if not dropped:
        return list
    mask = [True] * count
    for k in dropped:
        mask[k] = False
    return lambda column: list(itertools.compress(column, mask))


def _row_problem(
    row: dict[str, str], indicator: Indicator | None, institutions: Collection[str]
) -> str | None:
    period, inst = row["period"], row["institution"]
    every = indicator.period if indicator is not None else None
    if every is not None and not period_matches(period, every):
        example = {"month": "2025-03", "quarter": "2025-Q1", "year": "2025"}[every]
        return f"period '{period}' is not a {every} like {example}"
    if inst not in institutions:
        return f"institution '{inst}' is not in institutions.yaml"
    numerator = _number(row["numerator"])
    if numerator is None or numerator < 0:
        return f"numerator '{row['numerator']}' is not a number of zero or more"
    if indicator is not None and indicator.kind == "time_between" and numerator <= 0:
        return (
            f"numerator '{row['numerator']}': the time since the previous event must be above"
            " zero (two events on one day: count the cases between them, kind cases_between)"
        )
    if "denominator" not in row or (
        indicator is not None and indicator.kind in WITHOUT_DENOMINATOR
    ):
        return None
    denominator = _number(row["denominator"])
    if denominator is None or denominator <= 0:
        return f"denominator '{row['denominator']}' is not a number above zero"
    if indicator is not None and indicator.kind == "proportion" and numerator > denominator:
        return f"numerator {row['numerator']} is larger than denominator {row['denominator']}"
    return None


def _unreadable(row: dict[str, str], indicator: Indicator | None) -> str | None:
    """What is wrong with a row that `_row_problem` passed and no row above repeats (whose
    findings come first, as they came before this was asked), yet that holds a cell the series
    cannot keep as `float` reads it: a decimal comma (`_number` reads one), or a denominator of
    a kind without one that is neither empty nor a number."""
    unused = indicator is not None and indicator.kind in WITHOUT_DENOMINATOR
    for column in ("numerator",) if unused else ("numerator", "denominator"):
        text = row.get(column, "")
        if "," in text:
            point = text.replace(",", ".")
            return (
                f"{column} '{text}' is not a number: write a decimal point, not a comma ({point})"
            )
    text = row.get("denominator", "")
    if unused and indicator is not None and text and not _readable(text):
        return (
            f"denominator '{text}' is not a number; a {indicator.kind} indicator has no"
            " denominator: leave the cell empty"
        )
    return None


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def period_index(period: str) -> int:
    """A period as a whole number, so that consecutive periods differ by one."""
    year = int(period[:4])
    if len(period) == 4:
        return year
    if period[5] == "Q":
        return year * 4 + int(period[6]) - 1
    return year * 12 + int(period[5:7]) - 1


def period_label(index: int, every: str) -> str:
    """The period that `period_index` turned into `index`."""
    if every == "year":
        return str(index)
    if every == "quarter":
        return f"{index // 4}-Q{index % 4 + 1}"
    return f"{index // 12}-{index % 12 + 1:02d}"


def _gaps(
    rel: str, institutions: Sequence[str], periods: Sequence[str], every: str
) -> list[Finding]:
    """LC506 per institution whose periods leave one out. Each period appears once per
    institution here (a repeated one was refused), so an institution has a gap exactly when it
    has fewer periods than its first to its last span; a file's rows come in runs of one
    institution, so that is counted a run at a time, and only where it is short are the
    periods themselves gathered."""
    index = {p: period_index(p) for p in set(periods)}
    at = list(map(index.__getitem__, periods))
    spans: dict[str, tuple[int, int, int]] = {}  # institution -> first, last, how many
    start = 0
    for inst, run in itertools.groupby(institutions):
        size = len(list(run))
        lo, hi = min(at[start : start + size]), max(at[start : start + size])
        start += size
        if inst in spans:
            first, last, before = spans[inst]
            lo, hi, size = min(lo, first), max(hi, last), size + before
        spans[inst] = (lo, hi, size)
    short = {inst for inst, (lo, hi, count) in spans.items() if count < hi - lo + 1}
    by_inst: defaultdict[str, set[int]] = defaultdict(set)
    if short:
        for inst, k in zip(institutions, at, strict=True):
            if inst in short:
                by_inst[inst].add(k)
    findings = []
    for inst, indices in sorted(by_inst.items()):
        missing = [i for i in range(min(indices), max(indices) + 1) if i not in indices]
        if missing:
            shown = ", ".join(period_label(i, every) for i in missing[:6])
            more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
            findings.append(
                Finding(
                    "warning",
                    rel,
                    "LC506",
                    f"{inst}: no figures for {shown}{more}; a gap in the series"
                    " (leave it, or add the period)",
                    line=1,
                )
            )
    return findings
