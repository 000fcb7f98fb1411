"""The national day's slides (PowerPoint through pandoc): the programme, the parels, a slide per
table with the network's figures and questions, the parels that could help in the speaker notes.

Network scope, like the handouts: no slide names an institution or a participant.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from io import BytesIO
from typing import TYPE_CHECKING

from leercyclus.methods.nationalday.texts import TEXTS

if TYPE_CHECKING:
    from leercyclus.methods.nationalday.view import DayView


def _md(text: str) -> str:
    """Plain text as Markdown that pandoc reads back as the same text."""
    return re.sub(r"([\\`*_{}\[\]<>#+\-.!|:~^$])", r"\\\1", text)


def deck_markdown(view: DayView, language: str, date: str) -> str:
    """The deck as pandoc Markdown: a title slide, then one `## ` slide per part."""
    w = TEXTS[language]
    day = view.day
    head = f"---\ntitle: {json.dumps(day.title)}\nsubtitle: {json.dumps(view.network)}\n"
    lines = [head + f"date: {json.dumps(date + ', ' + day.place)}\n---", ""]
    lines += [f"## {w['programme']}", ""]
    for block, end in zip(day.programme, view.ends, strict=True):
        room = f" ({_md(block.room)})" if block.room else ""
        lines.append(f"- {block.start}–{end} {_md(block.title)}{room}")
    lines.append("")
    if view.parels:
        lines += [f"## {w['parels_shown']}", ""]
        for p in view.parels:
            contact = f" · {_md(p.contact)}" if p.contact else ""
            lines.append(f"- {_md(p.title)}{contact}")
        lines.append("")
    for h in view.handouts:
        lines += [f"## {_md(h.title)}", ""]
        if h.figures is not None:
            f = h.figures
            figures = w["figures_line"].format(
                judged=f.judged, met=f.met, partly=f.partly_met, not_met=f.not_met
            )
        else:
            figures = w["too_few"].format(min_group=view.min_group)
        lines += [_md(figures), ""]
        lines += [f"{n}. {_md(q)}" for n, q in enumerate(h.questions, 1)]
        lines += ["", "::: notes", f"{w['parels_help']}:", ""]
        lines += [f"- {_md(p.title)}" for p in h.parels] or [_md(w["no_parels"])]
        lines += [":::", ""]
    if day.ambitions:
        lines += [f"## {w['ambitions']}", ""]
        lines += [f"- {_md(a)}" for a in day.ambitions]
        lines.append("")
    return "\n".join(lines)


def slide_texts(data: bytes) -> list[str]:
    """The text of every slide, then of every slide's notes, in order (leak guard, tests)."""
    pattern = re.compile(r"ppt/(slides|notesSlides)/[A-Za-z]+(\d+)\.xml")
    with zipfile.ZipFile(BytesIO(data)) as deck:
        found = [(m.group(1) != "slides", int(m.group(2)), m.group(0))
                 for m in map(pattern.fullmatch, deck.namelist()) if m]  # fmt: skip
        return [
            " ".join(html.unescape(t) for t in _TEXT.findall(deck.read(name).decode("utf-8")))
            for _, _, name in sorted(found)
        ]


_TEXT = re.compile(r"<a:t(?:\s[^>]*)?>([^<]*)</a:t>")
