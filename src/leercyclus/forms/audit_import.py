"""An audit's observations into its YAML file (from the xlsx form or a tablet's submissions):
checked first, merged keeping the file's comments, written only if the result validates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from leercyclus.errors import DataError
from leercyclus.forms.audit_form import (
    AuditTarget,
    Filled,
    audit_target,
    meta_location,
    record_filled,
    view,
)
from leercyclus.forms.audit_words import AUDIT_WORDING
from leercyclus.forms.cells import fingerprint
from leercyclus.forms.kinds import ImportResult
from leercyclus.loading.network import load_network
from leercyclus.repository.yamlio import (
    drop,
    dump,
    load_for_edit,
    new_map,
    new_seq,
    put,
    quoted,
    same_style,
    styled,
)

ORDER = ["location", "dates", "observers", "scores", "agreed"]
"""The audit file's top-level keys in the model's order: where a missing key is inserted."""
SCORE_ORDER = ["observer", "unit", "score", "observations"]


def import_audit_form(
    book: Any, meta: dict[str, str], form: Path, root: Path, *, force: bool
) -> ImportResult:
    """Read a filled-in audit form (.xlsx) into its location's audit file."""
    from leercyclus.forms.audit_reading import read_audit_form

    words = AUDIT_WORDING[meta["language"]]
    net = load_network(root)
    target = audit_target(net, meta["cycle"], meta["institution"], meta_location(meta, form))
    problems: list[str] = []
    theirs = read_audit_form(book, target, words, problems)
    refuse(form, problems)
    ours = record_filled(target.record)
    mine, yours = view(ours, target.themes), view(theirs, target.themes)
    base = {key: meta.get(f"was {key}") for key in mine}
    apply = {k for k in mine if fingerprint(yours[k]) != base[k] and yours[k] != mine[k]}
    conflicts = sorted(k for k in apply if fingerprint(mine[k]) != base[k])
    if conflicts and not force:
        raise DataError(
            f"{target.rel} was changed after this form was exported on "
            f"{meta.get('exported', '?')}, and so was the form: both changed "
            + ", ".join(conflicts),
            "export a fresh form and copy the observations over, or import with --force to let "
            "the form win",
        )
    observers = {o[0] for o in theirs.observers} | {o[0] for o in ours.observers}
    return write_audit(root, target, theirs, apply, observers, form)


def refuse(form: Path, problems: list[str]) -> None:
    if problems:
        raise DataError(
            f"{form.name}: {len(problems)} problem(s) in the form, nothing was imported:\n  "
            + "\n  ".join(problems),
            "correct the form and import it again",
        )


def write_audit(
    root: Path,
    target: AuditTarget,
    filled: Filled,
    apply: set[str],
    touched: set[str],
    form: Path,
    notes: list[str] | None = None,
) -> ImportResult:
    """Merge the keys in `apply` of `filled` into the audit file; the scores of the observers in
    `touched` are the form's, other observers' scores stay. Validated before it is written."""
    from leercyclus.repository.listing import SourceFile
    from leercyclus.repository.write import write_atomic

    path = root / target.rel
    if target.record is not None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataError(f"cannot read {target.rel}: {exc}", "run `leercyclus check`") from None
        doc = load_for_edit(text)
    else:
        doc = load_for_edit(f"location: {target.location.id}\n")
    changes = merge_audit(doc, filled, apply, touched)
    text = dump(doc)
    key = f"{target.institution}/{target.location.id}"
    _validated(SourceFile("audit", path, target.rel, target.cycle, key), text, form)
    if changes:
        write_atomic(path, text, inside=root)
    return ImportResult(form, target.rel, target.record is None and bool(changes), changes,
                        notes or [], bool(changes))  # fmt: skip


def _validated(source: Any, text: str, form: Path) -> None:
    from leercyclus.rules.validate import parse

    model, findings = parse(source, text.encode("utf-8"))
    errors = [f for f in findings if f.severity == "error"]
    if model is not None and not errors:
        return
    lines = [f"{source.rel}: {'/'.join(map(str, f.path or ()))}: {f.message}" for f in errors]
    raise DataError(
        f"{form.name} does not make a valid {source.rel}, nothing was imported:\n  "
        + "\n  ".join(lines),
        "fill in what is missing (the days of observation, an observer's role) and import again",
    )


def merge_audit(
    doc: Any, filled: Filled, apply: set[str], touched: set[str]
) -> list[tuple[str, str]]:
    """Write the keys of `apply` into the document; return what changed (subject, what)."""
    changes: list[tuple[str, str]] = []
    if "dates" in apply:
        dates = new_seq([], like=doc.get("dates"))
        dates.extend(sorted(filled.dates))
        if filled.dates:
            put(doc, "dates", dates, ORDER)
        else:
            drop(doc, "dates")
        changes.append(("dates", ", ".join(d.isoformat() for d in filled.dates) or "removed"))
    if "observers" in apply:
        changes += _observers(doc, filled.observers)
    for key in sorted(k for k in apply if k.startswith("scores/")):
        theme = key.partition("/")[2]
        changes += _scores(doc, theme, filled.scores.get(theme, {}), touched)
    for key in sorted(k for k in apply if k.startswith("agreed/")):
        theme = key.partition("/")[2]
        changes += _agreed(doc, theme, filled.agreed.get(theme))
    return changes


def _section(doc: Any, key: str) -> Any:
    section = doc.get(key)
    if section is None:
        section = new_map()
        put(doc, key, section, ORDER)
    return section


def _observers(doc: Any, observers: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """The audit's observers become `observers`: entries kept (and changed) by id, new ones
    added in the style of the others, the rest removed."""
    old = doc.get("observers")
    entries = {str(e.get("id")): e for e in old or []}
    flow = bool(old) and all(e.fa.flow_style() for e in old)
    changes: list[tuple[str, str]] = []
    result = new_seq([], like=old)
    given = {o[0] for o in observers}
    for oid, role, perspective in observers:
        entry = entries.get(oid)
        if entry is None:
            entry = new_map()
            if flow or not old:
                entry.fa.set_flow_style()
            changes.append(("observers", f"{oid} added"))
        elif (entry.get("role"), entry.get("perspective")) != (role, perspective):
            changes.append(("observers", f"{oid} changed"))
        for field, value in (("id", oid), ("role", role), ("perspective", perspective)):
            _set(entry, field, _scalar(value, entry.get(field)), ["id", "role", "perspective"])
        result.append(entry)
    changes += [("observers", f"{oid} removed") for oid in entries if oid not in given]
    put(doc, "observers", result, ORDER)
    return changes


def _scores(doc: Any, theme: str, cells: dict[str, tuple[str, str | None, list[str]]],
            touched: set[str]) -> list[tuple[str, str]]:  # fmt: skip
    section = _section(doc, "scores")
    old = section.get(theme) or []
    result = new_seq([], like=old if old else None)
    changes: list[tuple[str, str]] = []
    done: set[str] = set()
    for entry in old:
        oid = str(entry.get("observer"))
        if oid not in touched:
            result.append(entry)
        elif oid in cells and oid not in done:
            score, unit, observations = cells[oid]
            done.add(oid)
            if _cell_of(entry) == cells[oid]:
                result.append(entry)  # as it was, quotes and all
                continue
            result.append(_score_entry(entry, oid, score, unit, observations))
            changes.append((theme, f"{oid} changed"))
        else:
            changes.append((theme, f"{oid} removed"))
    for oid, (score, unit, observations) in cells.items():
        if oid not in done:
            result.append(_score_entry(new_map(), oid, score, unit, observations))
            changes.append((theme, f"{oid} scored {score}"))
    if result:
        put(section, theme, result, [])
    else:
        drop(section, theme)
    if not section:
        drop(doc, "scores")
    return changes


def _cell_of(entry: Any) -> tuple[str, str | None, list[str]]:
    """A score entry of the file as the form holds it."""
    unit = entry.get("unit")
    seen = [str(item).strip() for item in entry.get("observations") or []]
    return str(entry.get("score")), str(unit) if unit is not None else None, seen


def _score_entry(entry: Any, oid: str, score: str, unit: str | None, seen: list[str]) -> Any:
    put(entry, "observer", _scalar(oid, entry.get("observer")), SCORE_ORDER)
    if unit:
        put(entry, "unit", _scalar(unit, entry.get("unit")), SCORE_ORDER)
    else:
        drop(entry, "unit")
    _set(entry, "score", _scalar(score, entry.get("score")), SCORE_ORDER)
    if seen:
        items = new_seq([], like=entry.get("observations"))
        items.extend(styled(line, None, 10, "") for line in seen)
        put(entry, "observations", items, SCORE_ORDER)
    else:
        drop(entry, "observations")
    return entry


def _agreed(doc: Any, theme: str, agreed: tuple[str, str | None] | None) -> list[tuple[str, str]]:
    section = _section(doc, "agreed")
    old = section.get(theme)
    if agreed is None:
        drop(section, theme)
        if not section:
            drop(doc, "agreed")
        return [(theme, "agreed score removed")] if old is not None else []
    entry = old if old is not None else new_map()
    if old is None and all(getattr(e, "fa", None) and e.fa.flow_style() for e in section.values()):
        entry.fa.set_flow_style()
    score, note = agreed
    _set(entry, "score", _scalar(score, entry.get("score")), ["score", "note"])
    if note:
        put(entry, "note", styled(note, entry.get("note"), 4, "note"), ["score", "note"])
    else:
        drop(entry, "note")
    if old is None:
        put(section, theme, entry, [])
    return [(theme, f"agreed {score}")]


def _set(mapping: Any, key: str, value: Any, order: list[str]) -> None:
    """`put`, also when a quoted value becomes a plain one (ruamel keeps a key's old quotes)."""
    if _is_styled(mapping.get(key)) and not _is_styled(value):
        drop(mapping, key)
    put(mapping, key, value, order)


_NOT_TEXT = re.compile(r"[-+0-9.:_ eE]*|yes|no|on|off|true|false|null|y|n|~", re.IGNORECASE)
"""What YAML would read as other than a text (a number, a date, a yes): such a text is quoted."""


def _is_styled(value: object) -> bool:
    """Whether a value read for editing carries a style of its own (quotes, a folded block)."""
    return isinstance(value, str) and type(value) is not str


def _scalar(text: str, old: object) -> Any:
    """`text` in the style of the value it replaces; quoted where YAML would read it as other
    than a text (a score "3" stays a text)."""
    if _NOT_TEXT.fullmatch(text):
        return same_style(old, text) if _is_styled(old) else quoted(text)
    if _is_styled(old) and _NOT_TEXT.fullmatch(str(old)):
        return text  # quoted by need, not by choice: plain now
    return same_style(old, text)
