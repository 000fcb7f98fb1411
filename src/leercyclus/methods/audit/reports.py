"""The Samen-Audit's outputs: per location a confidential report and a conversation deck, per
institution an overview, and a public accountability summary for the network."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from leercyclus.methods.audit.aggregate import LocationReport, location_report
from leercyclus.methods.audit.data import AuditCycle, audit_cycles
from leercyclus.methods.audit.deck import deck_markdown, question_csv, question_rows
from leercyclus.methods.audit.overview import institution_overview, public_summary
from leercyclus.methods.audit.texts import texts
from leercyclus.publishing.scopes import CONFIDENTIAL, PUBLIC

if TYPE_CHECKING:
    from leercyclus.loading.method import ReportRun
    from leercyclus.loading.network import Network
    from leercyclus.privacy.match import Term
    from leercyclus.publishing.render import Renderer

FOLDER = "samen-audit"
"""The outputs' name prefix inside their scope's folder."""
PUBLIC_NAME = "samen-audit-verantwoording"


def _names(net: Network, inst: str, loc: str) -> tuple[str, str]:
    if net.register is None:
        return inst, loc
    for item in net.register.model.institutions:
        if item.id == inst:
            place = next((x.name for x in item.locations if x.id == loc), loc)
            return item.name, place
    return inst, loc


def location_reports(net: Network, cycle_id: str) -> tuple[AuditCycle | None, list[LocationReport]]:
    """Every audited location's report of a cycle (none when the cycle has no framework);
    computed once per cycle: a build asks for them twice (its facts, then its reports)."""
    data = net.cycles.get(cycle_id)
    if data is None:
        return _location_reports(net, cycle_id)
    key = ("audit", "location_reports")
    if key not in data.memo:
        data.memo[key] = _location_reports(net, cycle_id)
    found: tuple[AuditCycle | None, list[LocationReport]] = data.memo[key]
    return found


def _location_reports(
    net: Network, cycle_id: str
) -> tuple[AuditCycle | None, list[LocationReport]]:
    cycles, index = _scored(net, cycle_id)
    if index is None:
        return None, []
    found = [
        location_report(cycles, index, inst, loc, _names(net, inst, loc))
        for inst, loc in sorted(cycles[index].audits)
    ]
    return cycles[index], found


def location_report_of(
    net: Network, cycle_id: str, inst: str, loc: str
) -> tuple[LocationReport | None, list[tuple[str, str]]]:
    """The report of one location (None when it has no audit in the cycle, or the cycle no
    framework), and the cycle's audited locations: one report made, not every location's."""
    cycles, index = _scored(net, cycle_id)
    if index is None:
        return None, []
    audited = sorted(cycles[index].audits)
    if (inst, loc) not in cycles[index].audits:
        return None, audited
    return location_report(cycles, index, inst, loc, _names(net, inst, loc)), audited


def _scored(net: Network, cycle_id: str) -> tuple[list[AuditCycle], int | None]:
    """The audit cycles, and the index of `cycle_id` among them (None: no framework to score)."""
    cycles = audit_cycles(net)
    index = next((n for n, c in enumerate(cycles) if c.id == cycle_id), None)
    if index is None or cycles[index].framework is None:
        return cycles, None
    return cycles, index


def emit_reports(run: ReportRun) -> None:
    """Emit every Samen-Audit output of the run's cycle."""
    net, build = run.network, run.build
    cycle_id = run.cycle
    cycle, reports = location_reports(net, cycle_id)
    if cycle is None or cycle.framework is None:
        return
    fw = cycle.framework.model
    tx = texts(run.language)
    meta = _meta(net, build)
    wanted = set(run.institutions) if run.institutions else None
    levels = [(lv.id, lv.title) for lv in fw.levels]
    pending: list[Pending] = []
    for inst in sorted({r.institution for r in reports}):
        if wanted is not None and inst not in wanted:
            continue
        mine = [r for r in reports if r.institution == inst]
        for r in mine:
            rel = CONFIDENTIAL.path(cycle_id, inst, f"{FOLDER}-{r.location}")
            pending.append((rel, "audit-location", CONFIDENTIAL.name, inst, {"r": r}))
            _deck(run, CONFIDENTIAL.path(cycle_id, inst, f"{FOLDER}-gesprek-{r.location}"), r, tx)
        held = [c.model.level for c in cycle.conversations_of(inst)]
        overview = institution_overview(mine, levels, held)
        rel = CONFIDENTIAL.path(cycle_id, inst, FOLDER)
        pending.append((rel, "audit-institution", CONFIDENTIAL.name, inst, {"o": overview}))
    if wanted is None:
        held = [c.model.level for c in cycle.conversations.values()]
        agreements = [a for c in cycle.conversations.values() for a in c.model.agreements]
        done = sum(1 for a in agreements if a.status == "done")
        assert net.settings is not None
        summary = public_summary(
            cycle_id, reports, levels, held, (len(agreements), done),
            net.settings.model.national.min_group,
        )  # fmt: skip
        rel = PUBLIC.path(cycle_id, None, PUBLIC_NAME)
        pending.append((rel, "audit-public", PUBLIC.name, None, {"s": summary}))
    _emit_all(run, pending, {"tx": tx, "meta": meta})


def _meta(net: Network, build: Any) -> dict[str, Any]:
    from leercyclus.publishing.provenance import provenance

    settings = net.settings.model if net.settings is not None else None
    out = getattr(build, "out", None)  # the build's folder is no change of the data
    return {
        "network": settings.network if settings else "",
        "provenance": provenance(net.root, out if isinstance(out, Path) else None),
    }


Pending = tuple[Path, str, str, str | None, dict[str, Any]]
"""An output to emit: where, its template, scope, institution, and its own context."""


def _emit_all(run: ReportRun, pending: list[Pending], common: dict[str, Any]) -> None:
    """Emit the reports; their HTML is their Markdown converted (one template for both), all
    in one pandoc run."""
    bodies: list[tuple[str, str]] = []
    if "html" in run.formats:
        from leercyclus.publishing.convert import markdown_to_html

        render = _renderer(run)
        texts = [render.render(f"{t}.md.j2", **common, **ctx) for _, t, _, _, ctx in pending]
        split = [_front_matter(text) for text in texts]
        html = markdown_to_html([body for _, body in split])
        bodies = [(title, body) for (title, _), body in zip(split, html, strict=True)]
    for n, (rel, template, scope, key, ctx) in enumerate(pending):
        extra = {"title": bodies[n][0], "body": bodies[n][1]} if bodies else {}
        run.build.emit(rel, template, scope, key, **common, **ctx, **extra)


def _front_matter(markdown: str) -> tuple[str, str]:
    """The title of a Markdown report, and the report without its front matter."""
    import json

    title = ""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end > 0:
            for line in markdown[4:end].splitlines():
                if line.startswith("title: "):
                    title = str(json.loads(line.removeprefix("title: ")))
            return title, markdown[end + 5 :]
    return title, markdown


_RENDERERS: dict[tuple[Path, str], Renderer] = {}


def _renderer(run: ReportRun) -> Renderer:
    """One template environment per repository and language (templates compile once)."""
    from leercyclus.publishing.render import renderer

    key = (run.network.root, run.language)
    if key not in _RENDERERS:
        _RENDERERS[key] = renderer(run.network.root, run.language)
    return _RENDERERS[key]


OFFICE = frozenset({"docx", "pdf"})
"""The formats a deck comes with: a pandoc run per location is the dearest part of a build in
Markdown or HTML alone (about 0.5 s each: 1,000 s for a thousand institutions of two locations), and
`leercyclus export deck` makes one location's deck on request."""


def _deck(run: ReportRun, rel: Path, r: LocationReport, tx: dict[str, str]) -> None:
    """The deck (pptx, converted with the reports, when docx or pdf is asked for) and the
    question list (csv)."""
    if OFFICE & set(run.formats):
        run.build.emit_slides(rel, CONFIDENTIAL.name, r.institution, deck_markdown(r, tx))
    questions = rel.parent / f"{rel.name}-vragen.csv"
    rows = question_csv(question_rows(r, tx))
    run.build.emit_file(questions, CONFIDENTIAL.name, r.institution, rows)


def guard_terms(net: Network) -> list[Term]:
    """What must never reach the public summary: every identifying string the repository
    knows, and the names and ids of locations and units."""
    from leercyclus.privacy.anonymize import known_terms
    from leercyclus.privacy.match import Term

    terms = known_terms(net)
    if net.register is not None:
        origin = net.register.rel
        for inst in net.register.model.institutions:
            for place in inst.locations:
                where = f"{origin}: {inst.id} locations {place.id}"
                terms += [Term(place.name, "place", where), Term(place.id, "extra", where)]
                terms += [Term(unit, "extra", f"{where} units") for unit in place.units]
    return terms


def guard_public(run: ReportRun) -> None:
    """Read back the public summary; refuse the build if it names a location, unit or person."""
    from leercyclus.errors import DataError
    from leercyclus.privacy.leakguard import find_leaks

    ours = [
        path
        for path in run.build.guarded_files().get(PUBLIC.name, [])
        if path.name.startswith(PUBLIC_NAME)
    ]
    if not ours:
        return
    leaks = find_leaks(ours, guard_terms(run.network))
    if leaks:
        lines = [f"'{leak.found}' ({leak.origin}) in {leak.output.name}" for leak in leaks]
        raise DataError(
            "the Samen-Audit summary would name a location, unit or person, so nothing was "
            "written:\n  " + "\n  ".join(lines[:10]),
            "the summary prints only the titles of the framework's themes and levels: rename "
            "the one that names it in audit/framework.yaml",
        )
    run.build.mark_guarded(ours)
