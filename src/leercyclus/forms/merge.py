"""Merge a form's answers into the YAML document, keeping its comments, order and style."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from leercyclus.forms.cells import cell_text
from leercyclus.forms.kinds import Answer, FormKind
from leercyclus.forms.wording import DUTCH
from leercyclus.models.common import OUTCOME_ALIASES
from leercyclus.repository.yamlio import drop, new_map, new_seq, put, styled

_ORDER = {
    "self-review": ["institution", "completed", "participants", "standards", "theme"],
    "visit": ["institution", "date", "team", "standards", "parels", "oesters"],
}
"""Top-level keys in the order of the models: where a key the file lacks is inserted."""


def merge(
    doc: Any,
    spec: FormKind,
    answers: dict[str, Answer],
    general: dict[str, Any],
    order: Sequence[str],
    apply: set[str],
) -> list[tuple[str, str]]:
    """Write the form's answers for the keys in `apply` into the document; return what changed."""
    changes: list[tuple[str, str]] = []
    standards = doc.get("standards")
    had_standards = standards is not None
    standards = standards if had_standards else new_map()
    dutch = _prefers_dutch(standards)
    fields = ["outcome", spec.text, "evidence"]
    for sid in order:
        if f"standards/{sid}" not in apply:
            continue
        answer = answers[sid]
        entry = standards.get(sid)
        if answer.outcome is None:
            if entry is not None:
                drop(standards, sid)
                changes.append((sid, "answer removed"))
            continue
        fresh = entry is None
        entry = new_map() if fresh else entry
        old = entry.get("outcome")
        was = OUTCOME_ALIASES.get(str(old).strip().lower(), str(old)) if old else None
        if was != answer.outcome:
            in_dutch = str(old).strip().lower() in OUTCOME_ALIASES if old else dutch
            word = DUTCH[answer.outcome] if in_dutch else answer.outcome
            put(entry, "outcome", styled(word, old, 4, "outcome"), fields)
            changes.append((sid, f"outcome {old} → {word}" if old else f"answered: {word}"))
        changes += _text(entry, spec.text, answer.text, fields, sid)
        if spec.kind == "self-review":
            previous = [str(item) for item in entry.get("evidence") or []]
            if previous != answer.evidence:
                _set_list(entry, "evidence", answer.evidence, fields)
                changes.append((sid, _verb("evidence", previous, answer.evidence)))
        if fresh:  # filled first, so comments that follow its place land after all of it
            put(standards, sid, entry, order)
    if standards and not had_standards:
        put(doc, "standards", standards, _ORDER[spec.kind])
    if spec.kind == "self-review":
        changes += _general(doc, spec.words.general_sheet, general, apply)
    return changes


def _general(
    doc: Any, sheet: str, general: dict[str, Any], apply: set[str]
) -> list[tuple[str, str]]:
    """The self-review's general rows (`sheet` of the form): completed, participants, theme."""
    changes: list[tuple[str, str]] = []
    order = _ORDER["self-review"]
    if "completed" in apply:
        was, now = doc.get("completed"), general["completed"]
        if now is None:
            drop(doc, "completed")
        else:
            put(doc, "completed", now, order)
        changes.append((sheet, f"completed {was or '—'} → {now or '—'}"))
    if "participants" in apply:
        previous = doc.get("participants")
        _set_list(doc, "participants", general["participants"], order)
        changes.append((sheet, _verb("participants", previous, general["participants"])))
    if "theme" in apply:
        changes += _text(doc, "theme", general["theme"], order, sheet, 0)
    return changes


def _text(
    mapping: Any, key: str, text: str | None, order: Sequence[str], subject: str, indent: int = 4
) -> list[tuple[str, str]]:
    """Set or remove a free-text key when the form's text differs; the change, if any."""
    old = mapping.get(key)
    if cell_text(old) == text:
        return []
    if text is None:
        drop(mapping, key)
    else:
        put(mapping, key, styled(text, old, indent, key), order)
    return [(subject, _verb(key, cell_text(old), text))]


def _set_list(mapping: Any, key: str, items: list[str], order: Sequence[str]) -> None:
    if items:
        put(mapping, key, new_seq(items, like=mapping.get(key)), order)
    else:
        drop(mapping, key)


def _verb(name: str, old: object, new: object) -> str:
    return f"{name} {'added' if not old else 'removed' if not new else 'changed'}"


def _prefers_dutch(standards: Any) -> bool:
    """Whether most outcomes of the file are written in Dutch (volledig, deels, niet, nvt)."""
    words = [str(e.get("outcome", "")).strip().lower() for e in standards.values() if e]
    dutch = sum(w in OUTCOME_ALIASES for w in words)
    return dutch > len(words) - dutch


def open_slots(text: str, slots: dict[str, bool], field: str) -> str:
    """The text of a file made by `leercyclus new`, with the answer slots of `slots` opened.

    Such a form keeps its answers commented out: a '# standards:' line and, under each
    standard's text, '  # A1:', '  #   outcome: …' and '  #   explanation: >-' (or 'note').
    An import fills them in as a person would, by taking the '# ' off those lines, so each
    answer lands under its standard's text instead of above or below the whole form. `slots`
    says per standard whether its answer has a text; without one, the text line goes. Slots
    of standards the file already answers elsewhere, and files without slots, stay as they are.
    """
    lines = text.split("\n")
    heads = [n for n, line in enumerate(lines) if re.match(r"(# )?standards:(\s+#.*)?$", line)]
    if len(heads) != 1:
        return text
    opened = False
    for sid, with_text in slots.items():
        slot = [f"  # {sid}:", "  #   outcome:", f"  #   {field}: >-"]
        written = re.compile(rf"  (?:{re.escape(sid)}|'{re.escape(sid)}'|\"{re.escape(sid)}\"):")
        if any(written.match(line) for line in lines):
            continue
        for n in range(heads[0] + 1, len(lines) - 2):
            if lines[n] == slot[0] and lines[n + 1].startswith(slot[1]) and lines[n + 2] == slot[2]:
                answer = [f"  {sid}:", "    outcome:", *([f"    {field}:"] if with_text else [])]
                lines[n : n + 3] = answer
                opened = True
                break
    if opened and lines[heads[0]].startswith("# "):
        lines[heads[0]] = lines[heads[0]][2:]
    return "\n".join(lines)
