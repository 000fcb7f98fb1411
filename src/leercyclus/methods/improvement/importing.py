"""`leercyclus indicators import`: append a registry's export (Perined, a spreadsheet) to an
indicator's series, checked as `check` checks the series, and written atomically."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.errors import DataError, UsageError
from leercyclus.methods.improvement.gather import registered_institutions
from leercyclus.methods.improvement.tables import (
    INDICATOR_COLUMNS,
    Measurement,
    personal_columns,
    read_indicator,
)
from leercyclus.models.improvement import EVENT_KINDS, Indicator

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

ALIASES = {
    "period": ("period", "periode", "maand", "month", "kwartaal", "quarter", "jaar", "year"),
    "institution": (
        "institution", "instelling", "organisatie", "organisation", "organization",
        "zorgaanbieder", "vsv", "praktijk",
    ),
    "numerator": ("numerator", "teller", "aantal"),
    "denominator": ("denominator", "noemer", "totaal", "total"),
    "note": ("note", "opmerking", "toelichting"),
}  # fmt: skip
"""The column names an export may use for each column of the series (any case)."""
MAX_ROWS = 100_000


@dataclass(slots=True)
class Imported:
    """What an import did."""

    target: str
    """The series file, relative to the repository."""
    added: int = 0
    already: int = 0
    """Rows that were in the series already, with the same figures."""
    periods: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Gaps in the series after the import."""


def import_figures(net: Network, source: Path, indicator_id: str) -> Imported:
    """Check `source` (CSV or .xlsx) against the indicator and its series and append its new rows
    to indicators/data/<indicator>.csv; a DataError, naming file and line, refuses it all."""
    from leercyclus.repository.write import write_atomic

    indicator = _indicator(net, indicator_id)
    rel = f"indicators/data/{indicator.id}.csv"
    target = net.root / rel
    rows = _rows(source)
    mapping = _columns(source.name, rows[0] if rows else [], indicator)
    names = _institution_names(net)
    incoming: list[tuple[int, dict[str, str]]] = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        row = {col: (cells[k].strip() if k < len(cells) else "") for col, k in mapping.items()}
        row["period"] = normal_period(row.get("period", ""), indicator.period)
        row["institution"] = names.get(row.get("institution", "").casefold(), row["institution"])
        incoming.append((line, row))
    if not incoming:
        raise DataError(f"{source.name}: no rows with figures", "export the period's figures")
    series = target.read_text(encoding="utf-8") if target.is_file() else None
    columns = _target_columns(series)
    checked = _check(source.name, incoming, columns, indicator, net)
    existing = _existing(net, indicator, rel, series)
    done = Imported(rel)
    new: list[tuple[int, dict[str, str]]] = []
    for (line, row), measured in zip(incoming, checked, strict=True):
        before = existing.get(_key(indicator, measured))
        if before is None:
            new.append((line, row))
        elif (before.numerator, before.denominator) == (measured.numerator, measured.denominator):
            done.already += 1
        else:
            key = (measured.period, measured.institution)
            raise DataError(
                f"{source.name}, line {line}: {key[1]} {key[0]} is already in {rel} (line"
                f" {before.line}) with other figures ({_figures(before)}; here"
                f" {_figures(measured)})",
                f"correct the export, or remove line {before.line} from {rel} first",
            )
    text = ",".join(columns) + "\n" if series is None else series
    if text and not text.endswith("\n"):
        text += "\n"
    text += "".join(_csv_line([row.get(c, "") for c in columns]) for _, row in new)
    _, found = read_indicator(rel, text, indicator, _known(net))
    errors = [f for f in found if f.severity == "error"]
    if errors:  # what the series was already (the import itself passed the same checks)
        first = errors[0]
        raise DataError(
            f"{rel}, line {first.line}: {first.message}", "run `leercyclus check` and fix it first"
        )
    done.warnings = [f.message for f in found if f.severity == "warning"]
    done.added = len(new)
    done.periods = sorted({row["period"] for _, row in new})
    if new:
        write_atomic(target, text, inside=net.root)
    return done


def normal_period(text: str, every: str) -> str:
    """A period as the series writes it: for a monthly indicator `2025-3`, `2025/03`, `03-2025`
    and a date become `2025-03`; for a quarterly one `2025 Q1`, `Q1 2025` and the first day of a
    quarter become `2025-Q1`; for a yearly one, 1 January becomes `2025`. Anything else is left
    as it is, for the check to name."""
    text = text.strip()
    date = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?", text)
    if every == "quarter":
        found = re.fullmatch(r"(\d{4})[- /]?[Qq]([1-4])|[Qq]([1-4])[- /]?(\d{4})", text)
        if found:
            return f"{found[1] or found[4]}-Q{found[2] or found[3]}"
        if date and date[2] in ("01", "04", "07", "10") and date[3] == "01":
            return f"{date[1]}-Q{(int(date[2]) - 1) // 3 + 1}"
        return text
    if every == "year":
        return date[1] if date and date[2] == "01" and date[3] == "01" else text
    found = re.fullmatch(r"(\d{4})[-/](\d{1,2})", text)
    if found is None and (back := re.fullmatch(r"(\d{1,2})[-/](\d{4})", text)):
        found = re.fullmatch(r"(\d{4})-(\d{1,2})", f"{back[2]}-{back[1]}")
    year, month = (found[1], found[2]) if found else (date[1], date[2]) if date else ("", "0")
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else text


def _indicator(net: Network, indicator_id: str) -> Indicator:
    from difflib import get_close_matches

    found = net.files.get("indicator", {}).get(indicator_id)
    if found is None:
        known = sorted(net.files.get("indicator", {}))
        close = get_close_matches(indicator_id, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {', '.join(known) or 'none'}"
        if indicator_id in net.failed.get("indicator", set()):
            hint = f"indicators/{indicator_id}.yaml has errors: run `leercyclus check`"
        raise UsageError(f"no indicator '{indicator_id}' in indicators/", hint)
    model: Indicator = found.model
    return model


def _rows(source: Path) -> list[list[str]]:
    """The export's rows as text: a CSV file (comma or semicolon) or an .xlsx's first sheet."""
    if not source.is_file():
        raise UsageError(f"{source}: no such file")
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        return _sheet_rows(source)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(
            f"{source.name} is not UTF-8 text", "save the export as CSV UTF-8, or as .xlsx"
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise DataError(f"{source.name}: not a readable CSV file: {exc}") from None
    if len(rows) > MAX_ROWS:
        raise DataError(f"{source.name}: more than {MAX_ROWS} rows", "import one period at a time")
    return rows


def _sheet_rows(source: Path) -> list[list[str]]:
    from leercyclus.forms.reading import open_form

    sheet = open_form(source).worksheets[0]
    rows: list[list[str]] = []
    for values in sheet.iter_rows(values_only=True):
        if len(rows) >= MAX_ROWS:
            raise DataError(f"{source.name}: more than {MAX_ROWS} rows", "import one period")
        rows.append([_cell(v) for v in values])
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _columns(name: str, header: Sequence[str], indicator: Indicator) -> dict[str, int]:
    """Which column of the export holds which column of the series."""
    if not any(cell.strip() for cell in header):
        raise DataError(f"{name}, line 1: no header line", _columns_hint())
    refused = personal_columns([h.strip() for h in header])
    if refused:
        raise DataError(
            f"{name}, line 1: column '{refused[0]}' looks like personal data (a name, BSN, birth"
            " date or contact); such data does not belong in the repository",
            "export the figures per period and institution only, without that column",
        )
    mapping: dict[str, int] = {}
    for k, cell in enumerate(header):
        label = cell.strip().casefold()
        column = next((c for c, names in ALIASES.items() if label in names), None)
        if column is None:
            raise DataError(f"{name}, line 1: unknown column '{cell.strip()}'", _columns_hint())
        if column in mapping:
            raise DataError(f"{name}, line 1: two columns for the {column}", _columns_hint())
        mapping[column] = k
    needed = ["period", "institution", "numerator"]
    if indicator.kind in ("proportion", "rate", "mean"):
        needed.append("denominator")
    missing = [c for c in needed if c not in mapping]
    if missing:
        raise DataError(f"{name}, line 1: no column for the {', '.join(missing)}", _columns_hint())
    return mapping


def _columns_hint() -> str:
    return "name the columns " + "; ".join(f"{c}: {' or '.join(n[:3])}" for c, n in ALIASES.items())


def _check(
    name: str,
    incoming: list[tuple[int, dict[str, str]]],
    columns: Sequence[str],
    indicator: Indicator,
    net: Network,
) -> list[Measurement]:
    """The import's rows read as the series' own rows are, with the export's line numbers."""
    text = ",".join(columns) + "\n"
    text += "".join(_csv_line([row.get(c, "") for c in columns]) for _, row in incoming)
    rows, found = read_indicator(name, text, indicator, _known(net))
    errors = [f for f in found if f.severity == "error"]
    if errors:
        lines = [f"line {_source_line(incoming, f.line)}: {f.message}" for f in errors]
        shown = "; ".join(lines[:5]) + (f"; and {len(lines) - 5} more" if len(lines) > 5 else "")
        raise DataError(f"{name}: {shown}", "correct the export and import it again")
    return rows


def _key(indicator: Indicator, row: Measurement) -> tuple[str, ...]:
    """What makes a row the same row: its period and institution, and for a rare event (several
    in a month) also its figure, so that importing an export twice adds nothing."""
    if indicator.kind in EVENT_KINDS:
        return (row.period, row.institution, f"{row.numerator:g}")
    return (row.period, row.institution)


def _source_line(incoming: list[tuple[int, dict[str, str]]], line: int) -> int:
    """The export's line of a line of the checked text (its header is line 1, as the export's)."""
    return incoming[line - 2][0] if 2 <= line < len(incoming) + 2 else 1


def _existing(
    net: Network, indicator: Indicator, rel: str, series: str | None
) -> dict[tuple[str, ...], Measurement]:
    """The series' rows (`series`: its text, None when there is none yet) by their key."""
    if series is None:
        return {}
    rows, found = read_indicator(rel, series, indicator, _known(net))
    errors = [f for f in found if f.severity == "error"]
    if errors:
        raise DataError(
            f"{rel}, line {errors[0].line}: {errors[0].message}",
            "run `leercyclus check` and fix the series first",
        )
    return {_key(indicator, r): r for r in rows}


def _target_columns(series: str | None) -> list[str]:
    """The series' columns, from its header (`series`: its text, None when there is none yet)."""
    if series is None:
        return list(INDICATOR_COLUMNS)
    first = series.lstrip("\ufeff").split("\n", 1)[0]
    return [c.strip().casefold() for c in next(csv.reader([first]), [])] or list(INDICATOR_COLUMNS)


def _institution_names(net: Network) -> dict[str, str]:
    """Registered names (and ids) by their casefold, so that an export may name institutions."""
    if net.register is None:
        return {}
    names: dict[str, str] = {}
    for inst in net.register.model.institutions:
        names[str(inst.name).casefold()] = inst.id
        names[inst.id.casefold()] = inst.id
    return names


def _figures(m: Measurement) -> str:
    return f"{m.numerator:g}" + ("" if m.denominator is None else f"/{m.denominator:g}")


def _csv_line(cells: Sequence[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _known(net: Network) -> set[str]:
    return registered_institutions(net, "the import")
