"""Conversation starters per location: a slide deck (predict first, reveal, open question) and
a plain question list to paste into a polling tool (Mentimeter, Slido, Wooclap)."""

from __future__ import annotations

import csv
import io
import json

from leercyclus.methods.audit.aggregate import LocationReport, ThemeResult
from leercyclus.publishing.render import md_escape


def deck_markdown(
    r: LocationReport, tx: dict[str, str], poll: tuple[str, str | None] | None = None
) -> str:
    """The deck as pandoc Markdown: three slides per theme, the facilitator's facts in notes;
    with a `poll` (its address, and the path of its QR code's image if there is one) a slide
    that invites everyone to join it comes first."""
    title = f"{tx['deck']}: {r.location_name}"
    subtitle = f"{r.institution_name} · {tx['cycle']} {r.cycle}"
    out = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"subtitle: {json.dumps(subtitle, ensure_ascii=False)}",
        "---",
        "",
    ]
    if poll is not None:
        url, image = poll
        out += [f"# {md_escape(tx['join'])}", ""]
        if image is not None:
            out += [f"![{md_escape(tx['join_qr'])}](<{image}>){{width=45%}}", ""]
        out += [md_escape(tx["join_go"]), "", md_escape(url), ""]
    for theme in r.themes:
        out += _theme_slides(r, theme, tx)
    return "\n".join(out)


def _theme_slides(r: LocationReport, th: ThemeResult, tx: dict[str, str]) -> list[str]:
    title = md_escape(th.title)
    observation = next((o for s in th.scores for o in s.observations), None)
    scores = "; ".join(f"{s.role} {s.label}" for s in th.scores) or "—"
    notes = [tx["notes_scores"].format(scores=scores)]
    if th.previous is not None:
        previous = dict(r.scale).get(th.previous, th.previous)
        notes.append(tx["notes_previous"].format(label=previous))
    if th.agreed_note:
        notes.append(tx["notes_agreed"].format(note=th.agreed_note))
    notes += [f"- {q}" for q in th.questions]
    out = [f"# {title}", "", md_escape(tx["predict"].format(theme=th.title.lower())), ""]
    out += [f"{n}. {md_escape(label)}" for n, (_, label) in enumerate(r.scale, 1)]
    out += ["", "::: notes", *(md_escape(n) for n in notes), ":::", ""]
    out += [f"# {title}: {md_escape(th.label or '—')}", ""]
    out += [md_escape(tx["reveal"].format(label=th.label or "—")), ""]
    if observation:
        out += [f"> {md_escape(observation)}", ""]
    out += ["::: notes", *(md_escape(n) for n in notes), ":::", ""]
    out += [f"# {title}", "", md_escape(tx["open_question"]), ""]
    if th.questions:
        out += [f"- {md_escape(q)}" for q in th.questions] + [""]
    return out


def question_rows(r: LocationReport, tx: dict[str, str]) -> list[list[str]]:
    """Per theme a multiple-choice "predict first" question and an open question: type,
    question, then the options (the scale's labels, low to high)."""
    labels = [label for _, label in r.scale]
    rows = [["type", "question", *(f"option {n}" for n in range(1, len(labels) + 1))]]
    for th in r.themes:
        rows.append(["multiple_choice", tx["predict"].format(theme=th.title.lower()), *labels])
        rows.append(["open", f"{th.title}: {tx['open_question']}", *([""] * len(labels))])
    return rows


def question_csv(rows: list[list[str]]) -> str:
    """The questions as CSV, for a quiz tool or a spreadsheet: a cell that a spreadsheet would
    take for a formula (it starts with =, +, -, @ or a tab or carriage return: a theme or
    scale label from the framework) starts with an apostrophe, and so stays text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([_text(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def _text(cell: str) -> str:
    return f"'{cell}" if cell[:1] in _FORMULA_START else cell


_FORMULA_START = frozenset("=+-@\t\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP's list for CSV injection)."""
