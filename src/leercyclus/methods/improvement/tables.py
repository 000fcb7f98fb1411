"""Reading the method's CSV files, with findings by file and line: indicator series, aggregated
experience answers and coded complaint registers. No column that looks like personal data passes."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's header and rows, each row with its line number."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]


def read_table(rel: str, text: str, findings: list[Finding]) -> Table | None:
    """Parse CSV text; None (with a finding) when it has no header or cannot be parsed."""
    try:
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
        lines = list(reader)
    except csv.Error as exc:
        findings.append(Finding("error", rel, "LC509", f"not a readable CSV file: {exc}", 1))
        return None
    if not lines or not any(cell.strip() for cell in lines[0]):
        findings.append(Finding("error", rel, "LC509", "the file has no header line", 1))
        return None
    header = tuple(cell.strip().casefold() for cell in lines[0])
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            findings.append(
                Finding(
                    "error",
                    rel,
                    "LC509",
                    f"{len(cells)} values where the header has {len(header)}",
                    number,
                )
            )
            continue
        rows.append((number, {h: c.strip() for h, c in zip(header, cells, strict=True)}))
    return Table(header, tuple(rows))


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


@dataclass(frozen=True, slots=True)
class Measurement:
    """One row of an indicator series."""

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
    """The rows of indicators/data/<indicator>.csv, and what is wrong with them."""
    findings: list[Finding] = []
    table = read_table(rel, text, findings)
    if table is None:
        return [], findings
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

    if not check_columns(rel, table.header, INDICATOR_COLUMNS, required, findings, refuse):
        return [], findings
    rows: list[Measurement] = []
    seen: dict[tuple[str, str], int] = {}
    for line, row in table.rows:
        problem = _row_problem(row, indicator, institutions)
        if problem is None and not events and (row["period"], row["institution"]) in seen:
            problem = (
                f"{row['institution']} {row['period']} appears twice (first on line "
                f"{seen[(row['period'], row['institution'])]})"
            )
        if problem is not None:
            findings.append(Finding("error", rel, "LC501", problem, line))
            continue
        seen[(row["period"], row["institution"])] = line
        rows.append(
            Measurement(
                line,
                row["period"],
                row["institution"],
                float(row["numerator"]),
                float(row["denominator"]) if row.get("denominator") else None,
                row.get("note", ""),
            )
        )
        if bsn_like(row.get("note", "")):
            findings.append(
                Finding(
                    "error", rel, "LC507", "the note holds a number that looks like a BSN", line
                )
            )
    if indicator is not None and not events:  # a month without a rare event is no gap
        findings += _gaps(rel, rows, indicator.period)
    return rows, findings


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


def _gaps(rel: str, rows: Sequence[Measurement], every: str) -> list[Finding]:
    by_inst: dict[str, set[int]] = {}
    for row in rows:
        by_inst.setdefault(row.institution, set()).add(period_index(row.period))
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
