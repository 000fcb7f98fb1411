"""Read a filled-in audit form: its days, its observers and its grid, every cell checked."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from leercyclus.forms.audit_form import AuditTarget, Filled, ScoreCell, level_choices, score_of
from leercyclus.forms.audit_words import PERSPECTIVES, AuditWording
from leercyclus.forms.cells import cell_text, lines_of
from leercyclus.models.common import INSTITUTION_ID, STANDARD_ID
from leercyclus.repository.findings import suggest


def read_audit_form(
    book: Any, target: AuditTarget, words: AuditWording, problems: list[str]
) -> Filled:
    """Everything the form says; what is wrong goes to `problems`, each with sheet and cell."""
    for sheet in (words.audit_sheet, words.observers_sheet, words.grid_sheet):
        if sheet not in book.sheetnames:
            problems.append(f"the sheet '{sheet}' is missing: export a fresh form")
    if problems:
        return Filled()
    filled = Filled(dates=_dates(book[words.audit_sheet], words, problems))
    filled.observers, named = _observers(book[words.observers_sheet], words, problems)
    _grid(book[words.grid_sheet], target, words, filled, named, problems)
    return filled


def _dates(sheet: Any, words: AuditWording, problems: list[str]) -> list[dt.date]:
    for r, (label, value, *_) in enumerate(sheet.iter_rows(max_col=2, values_only=True), 1):
        if cell_text(label) != words.dates:
            continue
        where = f"sheet '{sheet.title}', row {r}, column B ({words.dates})"
        if isinstance(value, dt.datetime | dt.date):
            return [value.date() if isinstance(value, dt.datetime) else value]
        dates = []
        for line in lines_of(cell_text(value)):
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", line):
                    raise ValueError(line)
                dates.append(dt.date.fromisoformat(line))
            except ValueError:
                problems.append(
                    f"{where}: '{line}' is not a date: write one day per line as YYYY-MM-DD, "
                    "e.g. 2026-09-15"
                )
        return sorted(set(dates))
    problems.append(
        f"sheet '{sheet.title}': the row '{words.dates}' is missing: export a fresh form"
    )
    return []


def _observers(
    sheet: Any, words: AuditWording, problems: list[str]
) -> tuple[list[tuple[str, str, str]], set[str]]:
    """The observers with a role and perspective; and every code whose row says something."""
    by_word = {w.lower(): p for p, w in words.perspectives.items()} | {p: p for p in PERSPECTIVES}
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    named: set[str] = set()
    heading = words.observer_headings
    for r, row in enumerate(sheet.iter_rows(min_row=2, max_col=3, values_only=True), start=2):
        oid, role, perspective = (cell_text(v) for v in (*row, None, None, None)[:3])
        if oid is None and role is None and perspective is None:
            continue
        at = f"sheet '{sheet.title}', row {r}"
        if oid is None or not re.fullmatch(STANDARD_ID, oid) or oid in seen:
            what = "is empty" if oid is None else "is used twice" if oid in seen else "is no code"
            problems.append(f"{at}, column A ({heading[0]}): the observer's code {what}")
            continue
        seen.add(oid)
        if role is None and perspective is None:
            continue  # an empty slot: no observer
        named.add(oid)
        if role is None:
            problems.append(f"{at}, column B ({heading[1]}): fill in the role of {oid} (no name)")
            continue
        key = by_word.get((perspective or "").lower())
        if key is None:
            choices = ", ".join(words.perspectives[p] for p in PERSPECTIVES)
            hint = suggest(perspective or "", list(words.perspectives.values()))
            problems.append(
                f"{at}, column C ({heading[2]}): "
                + (f"'{perspective}' is not a perspective" if perspective else "it is empty")
                + f": choose {choices}"
                + (f"; did you mean '{hint}'?" if hint and perspective else "")
            )
            continue
        found.append((oid, role, key))
    return found, named


def _grid(
    sheet: Any,
    target: AuditTarget,
    words: AuditWording,
    filled: Filled,
    named: set[str],
    problems: list[str],
) -> None:
    from openpyxl.utils import get_column_letter

    fw = target.framework
    header = [cell_text(h) for h in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    columns: dict[str, int] = {}
    code = f"({STANDARD_ID.strip('^$')})"
    patterns = {
        key: re.compile(re.escape(words.grid[key]).replace(r"\{id\}", code) + "$")
        for key in ("score", "unit", "observations")
    }
    fixed = {value: key for key, value in words.grid.items() if "{id}" not in value}
    for n, text in enumerate(header):
        if text in fixed:
            columns[fixed[text]] = n
            continue
        for key, pattern in patterns.items():
            match = pattern.match(text or "")
            if match:
                columns[f"{key}:{match.group(1)}"] = n
    missing = [key for key in ("id", "agreed", "note") if key not in columns]
    for key in missing:
        problems.append(
            f"sheet '{sheet.title}', row 1: the column '{words.grid[key]}' is missing: put it "
            "back, or export a fresh form"
        )
    if missing:
        return
    observers = {o[0] for o in filled.observers}
    graded = [k.partition(":")[2] for k in columns if k.startswith("score:")]
    units = set(target.location.units)

    def at(r: int, key: str) -> str:
        letter = get_column_letter(columns[key] + 1)
        return f"sheet '{sheet.title}', row {r}, column {letter} ({header[columns[key]]})"

    def value(row: tuple[object, ...], key: str) -> str | None:
        n = columns.get(key)
        return cell_text(row[n]) if n is not None and n < len(row) else None

    themes = {t.id for t in fw.themes}
    seen: dict[str, int] = {}
    for r, row in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        theme = value(row, "id")
        if theme is None:
            continue
        if theme not in themes or theme in seen:
            hint = suggest(theme, sorted(themes))
            problems.append(
                f"{at(r, 'id')}: "
                + (f"theme {theme} is also in row {seen[theme]}" if theme in seen else
                   f"there is no theme '{theme}' in the framework of cycle {target.cycle}"
                   + (f"; did you mean '{hint}'?" if hint else ""))
            )  # fmt: skip
            continue
        seen[theme] = r
        cells: dict[str, ScoreCell] = {}
        for oid in graded:
            score = value(row, f"score:{oid}")
            unit = value(row, f"unit:{oid}")
            seen_lines = lines_of(value(row, f"observations:{oid}"))
            if score is None:
                if unit or seen_lines:
                    problems.append(
                        f"{at(r, f'score:{oid}')}: the score is empty, but {oid} wrote "
                        f"observations: choose a score (or '{words.not_observed}')"
                    )
                continue
            if oid not in observers:
                if oid in named:
                    continue  # its row on the observers' sheet is wrong: said there
                problems.append(
                    f"{at(r, f'score:{oid}')}: {oid} has a score but no role: fill in the role "
                    f"and perspective of {oid} on the sheet '{words.observers_sheet}'"
                )
                continue
            try:
                level = score_of(score, fw)
            except ValueError:
                problems.append(_wrong_score(at(r, f"score:{oid}"), score, target, words))
                continue
            if unit is not None and (unit not in units or not re.fullmatch(INSTITUTION_ID, unit)):
                hint = suggest(unit, sorted(units))
                problems.append(
                    f"{at(r, f'unit:{oid}')}: '{unit}' is not a unit of {target.location.id}"
                    + (f"; did you mean '{hint}'?" if hint else "")
                    + f" (its units: {', '.join(sorted(units)) or 'none'})"
                )
                continue
            cells[oid] = (level, unit, seen_lines)
        if cells:
            filled.scores[theme] = cells
        agreed, note = value(row, "agreed"), value(row, "note")
        if agreed is None:
            if note:
                problems.append(
                    f"{at(r, 'agreed')}: the agreed score is empty, but the note is not"
                )
            continue
        try:
            filled.agreed[theme] = (score_of(agreed, fw, agreed=True), note)
        except ValueError:
            problems.append(_wrong_score(at(r, "agreed"), agreed, target, words, agreed=True))
    for theme in sorted(themes - set(seen)):
        problems.append(
            f"sheet '{sheet.title}': the row of theme {theme} is missing: put it back, or "
            "export a fresh form"
        )


def _wrong_score(
    where: str, text: str, target: AuditTarget, words: AuditWording, *, agreed: bool = False
) -> str:
    choices = level_choices(target.framework, words, agreed=agreed)
    hint = suggest(text, choices)
    return f"{where}: '{text}' is not a level of the scale: choose {', '.join(choices)}" + (
        f"; did you mean '{hint}'?" if hint else ""
    )
