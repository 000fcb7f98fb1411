"""`leercyclus export deck`: one location's conversation deck on request, for the conversation
at hand, with a QR code to its poll, and the question list to paste into the polling tool."""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from leercyclus.errors import DataError, OutputError, UsageError
from leercyclus.methods.audit.deck import deck_markdown, question_csv, question_rows
from leercyclus.methods.audit.poll import poll_url, qr_png
from leercyclus.methods.audit.reports import location_report_of
from leercyclus.methods.audit.texts import texts


@dataclass(frozen=True, slots=True)
class Deck:
    """What `export deck` wrote, and whether the deck has its poll's QR code."""

    path: Path
    questions: list[Path]
    qr: bool | None
    """True: with a QR code; False: a poll without one (segno missing); None: no poll."""


def export_deck(
    root: Path,
    institution: str,
    location: str,
    cycle: str | None,
    out: Path | None,
    *,
    poll: str | None,
    language: str | None,
    force: bool,
) -> Deck:
    """Write the deck of a location's audit (pptx) and its question list (csv, xlsx)."""
    from leercyclus.forms.export import forms_folder
    from leercyclus.loading.network import choose_cycle, load_network
    from leercyclus.publishing.convert import pptx

    url = poll_url(poll) if poll is not None else None
    net = load_network(root)
    data = choose_cycle(net, cycle)
    report, audited = location_report_of(net, data.id, institution, location)
    if report is None:
        listed = ", ".join(f"{i} {loc}" for i, loc in audited) or "none"
        raise DataError(
            f"cycle {data.id} has no audit of {institution} {location} (with a valid framework)",
            f"the audited locations are: {listed}; run `leercyclus check` if one is missing",
        )
    if language is None:
        language = net.settings.model.language if net.settings is not None else "nl"
    tx = texts(language)
    default = f"{institution}-{location}-gesprek-{data.id}.pptx"
    target = (out or forms_folder(root) / default).resolve()
    if target.suffix.lower() != ".pptx":
        raise UsageError(
            f"{target.name}: a deck is a .pptx file", "give --out a name ending in .pptx"
        )
    questions = [target.with_name(f"{target.stem}-vragen{suffix}") for suffix in (".csv", ".xlsx")]
    existing = [p for p in (target, *questions) if p.exists()]
    if existing and not force:
        raise UsageError(
            f"{existing[0]} already exists",
            "use --force to overwrite it, or choose another name with --out",
        )
    png = qr_png(url) if url is not None else None
    with tempfile.TemporaryDirectory(prefix="leercyclus-deck-") as scratch:
        image = None
        if png is not None:
            image = str(Path(scratch) / "poll.png")
            Path(image).write_bytes(png)
        markdown = deck_markdown(report, tx, (url, image) if url is not None else None)
        deck = pptx(markdown, target, None)
    rows = question_rows(report, tx)
    files = {target: deck, questions[0]: question_csv(rows).encode("utf-8"),
             questions[1]: _xlsx(rows)}  # fmt: skip
    for path, content in files.items():  # all made first: a failure leaves no half of them
        _write(path, content)
    return Deck(target, questions, None if url is None else png is not None)


def _xlsx(rows: list[list[str]]) -> bytes:
    """The question list as a workbook: one question a row, every cell a text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from leercyclus.forms.workbook import append_texts

    book = Workbook()
    sheet = book.active
    sheet.title = "vragen"
    for row in rows:
        append_texts(sheet, row)  # a text, never a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 70
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(target: Path, content: bytes) -> None:
    """Write a file atomically: a temp file beside it, then a rename."""
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", dir=target.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        tmp.replace(target)
    except OSError as exc:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {target}: {exc.strerror}") from None
