"""The national day's outputs of one cycle and the dialogue guides.

Network scope (every participant, read back by the leak guard): the programme, a handout per
table, the calendar invitation and the slides. Confidential scope: each institution's dialogue
guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from leercyclus.methods.nationalday.day import day_of, resolve_parel
from leercyclus.methods.nationalday.texts import TEXTS
from leercyclus.methods.nationalday.view import DayView, day_view
from leercyclus.publishing.scopes import CONFIDENTIAL, NETWORK

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun

PROGRAMME = "nationalday-programme"
HANDOUT = "nationalday-table"
GUIDE = "nationalday-guide"
INVITATION = "landelijke-dag.ics"
DECK = "landelijke-dag-dia.pptx"
OUTPUT_NAMES = {PROGRAMME: "landelijke-dag-programma", GUIDE: "gespreksleidraad"}


def emit(run: ReportRun) -> None:
    """Queue the national day's materials and the dialogue guides of `run.cycle`."""
    from leercyclus.methods.nationalday.guide import guide
    from leercyclus.methods.nationalday.ics import invitation
    from leercyclus.publishing.provenance import provenance

    net = run.network
    data = net.cycles.get(run.cycle)
    if data is None or data.cycle is None:
        return
    meta = {"provenance": provenance(net.root)}
    w = TEXTS[run.language]
    for inst in _institutions(run):
        if inst not in data.self_reviews and inst not in data.visits:
            continue
        run.tell.advance(f"{GUIDE} {inst}")
        facts = [f for f in run.facts if f.institution == inst]  # confidential: its own only
        g = guide(net, run.cycle, inst, run.language, run.today, facts)
        rel = CONFIDENTIAL.path(run.cycle, inst, OUTPUT_NAMES[GUIDE])
        run.build.emit(rel, GUIDE, CONFIDENTIAL.name, inst, g=g, w=w, meta=meta, svg={})
    loaded = day_of(net, run.cycle)
    if loaded is None or run.institutions is not None:  # the day's materials are network-wide
        return
    run.tell.advance(PROGRAMME)
    view = day_view(net, run.cycle, loaded.model, run.language)
    rel = NETWORK.path(run.cycle, None, OUTPUT_NAMES[PROGRAMME])
    run.build.emit(rel, PROGRAMME, NETWORK.name, None, d=view, w=w, meta=meta, svg={})
    for handout in view.handouts:
        rel = NETWORK.path(run.cycle, None, f"landelijke-dag-tafel-{handout.id}")
        run.build.emit(rel, HANDOUT, NETWORK.name, None, d=view, h=handout, w=w, meta=meta, svg={})
    text = invitation(loaded.model, run.cycle, view.network, run.today)
    run.build.emit_file(NETWORK.path(run.cycle, None, INVITATION), NETWORK.name, None, text)
    if {"docx", "pdf"} & set(run.formats):  # the office formats: the slides come with them
        run.tell.advance(DECK)
        run.build.emit_file(
            NETWORK.path(run.cycle, None, DECK), NETWORK.name, None, deck(view, run)
        )


def deck(view: DayView, run: ReportRun) -> bytes:
    """The day's slides as PowerPoint, dated by the build's day (the same day, the same file)."""
    import calendar

    from leercyclus.methods.nationalday.deck import deck_markdown
    from leercyclus.publishing.convert import pptx

    date = view.day.date.isoformat()
    epoch = calendar.timegm(run.today.timetuple())
    markdown = deck_markdown(view, run.language, date)
    return pptx(markdown, Path(DECK), epoch)


def mine(path: Path) -> bool:
    return path.name.startswith("landelijke-dag")


def guard(run: ReportRun) -> None:
    """Read every network output of the day back with the leak guard; mark them read.

    Allowed: the place, address, organiser and e-mail of the day and the tables' facilitators
    (the network office chose to print them) and the contacts of the shared parels shown
    (their consent is `share: true`).
    """
    from leercyclus.errors import DataError
    from leercyclus.methods.nationalday.ics import unescape, unfold
    from leercyclus.privacy.anonymize import known_terms
    from leercyclus.privacy.leakguard import extract_text, leaks_in

    outputs = [
        path
        for scope, paths in run.build.guarded_files().items()
        for path in paths
        if scope == NETWORK.name and mine(path)
    ]
    loaded = day_of(run.network, run.cycle)
    if not outputs or loaded is None:
        return
    day = loaded.model
    shown = [p for p in (resolve_parel(run.network, ref) for ref in day.parels) if p and p.shared]
    allowed = [
        value
        for value in (
            day.place, day.address, day.organiser, day.email,
            *(v for p in shown for v in (p.contact, p.email, p.phone)),
            *(t.facilitator for t in day.tables),
        )
        if value
    ]  # fmt: skip
    terms = known_terms(run.network)  # the contacts in `allowed` are blanked out first
    # A deck is read as its slides' text, a calendar file unfolded and unescaped: every byte
    # of it, without the escapes that would break up an allowed place ("Zaal, Ede").
    readings = [(p, extract_text(p)) for p in outputs if p.suffix not in (".pptx", ".ics")]
    for path in outputs:
        if path.suffix == ".pptx":
            from leercyclus.methods.nationalday.deck import slide_texts

            readings.append((path, "\n".join(slide_texts(path.read_bytes()))))
        if path.suffix == ".ics":
            readings.append((path, unescape(unfold(path.read_text(encoding="utf-8")))))
    leaks = leaks_in(readings, terms, allowed)
    if leaks:
        first = leaks[0]
        raise DataError(
            f"'{first.found}' ({first.origin}) appears in {first.output.name}, which"
            " goes to every participant: nothing was written.",
            "rename what carries it in national-day.yaml (a title, a room), or the parel's"
            " title; only the day's place and the contacts of shared parels may be named",
        )
    run.build.mark_guarded(outputs)


def _institutions(run: ReportRun) -> list[str]:
    data = run.network.cycles.get(run.cycle)
    participants = (
        list(data.cycle.model.participants) if data is not None and data.cycle is not None else []
    )
    return [i for i in participants if run.institutions is None or i in run.institutions]
