"""The Samen-Audit's rules across files (LC3xx): declared items, registered locations, the story
behind each score, several perspectives, conversations in time, escalations taken up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from leercyclus.methods.audit.contact import contact_data, suspect
from leercyclus.methods.audit.data import AuditCycle, audit_cycles, last_date, locations
from leercyclus.models.audit import NOT_OBSERVED
from leercyclus.repository.findings import Finding, error, suggest, warning

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded, Network
    from leercyclus.models.audit import AuditRecord, Conversation, Framework
    from leercyclus.models.institutions import Location


def check_audits(net: Network, today: dt.date) -> list[Finding]:
    """Every LC3xx finding of the network."""
    register = locations(net)
    cycles = audit_cycles(net)
    held = _held(cycles)
    found: list[Finding] = []
    for cycle in cycles:
        found += _framework(cycle)
        fw = cycle.framework.model if cycle.framework is not None else None
        for (inst, loc), record in cycle.audits.items():
            found += _registered(record.rel, inst, loc, register, ("location",))
            found += _free_text(record.rel, _record_texts(record.model))
            found += _perspectives(record)
            if fw is not None:
                place = (register or {}).get(inst, {}).get(loc)
                found += _declared_in_record(record, fw, place)
                found += _team_in_time(cycle, inst, loc, record, fw, today)
        for (inst, _), talk in cycle.conversations.items():
            for n, where in enumerate(talk.model.locations):
                found += _registered(talk.rel, inst, where, register, ("locations", n))
            found += _free_text(talk.rel, _conversation_texts(talk.model))
            found += _before_audit(cycle, inst, talk)
            if fw is not None:
                found += _declared_in_conversation(talk, fw)
                found += _taken_up(held.get(inst, {}), talk, fw, today)
    return found


def _framework(cycle: AuditCycle) -> list[Finding]:
    found: list[Finding] = []
    if cycle.framework is None:
        if not cycle.framework_failed:
            files = sorted(a.rel for a in cycle.audits.values())
            files += sorted(c.rel for c in cycle.conversations.values())
            for rel in files[:1]:
                found.append(
                    error(
                        rel,
                        "LC309",
                        f"cycle {cycle.id} has audit files but no audit/framework.yaml: add "
                        "the framework (themes, scale, conversation levels), see docs/audit.md",
                    )
                )
        return found
    fw = cycle.framework.model
    groups: list[tuple[str, list[str]]] = [
        ("themes", [t.id for t in fw.themes]),
        ("levels", [lv.id for lv in fw.levels]),
    ]
    scale = [lv.id for lv in fw.scale.levels]
    found += _twice(cycle.framework.rel, ("scale", "levels"), scale, "scale level")
    for key, ids in groups:
        found += _twice(cycle.framework.rel, (key,), ids, key.removesuffix("s"))
    if NOT_OBSERVED in scale:
        n = scale.index(NOT_OBSERVED)
        found.append(
            error(
                cycle.framework.rel,
                "LC310",
                f"'{NOT_OBSERVED}' is kept for a theme not observed: give the level another id",
                ("scale", "levels", n, "id"),
            )
        )
    return found


def _twice(file: str, path: tuple[str, ...], ids: list[str], what: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for n, item in enumerate(ids):
        if item in seen:
            yield error(
                file, "LC310", f"the {what} '{item}' is there twice: give each its own id",
                (*path, n, "id"),
            )  # fmt: skip
        seen.add(item)


def _registered(
    file: str,
    inst: str,
    loc: str,
    register: dict[str, dict[str, Location]] | None,
    path: tuple[str | int, ...],
) -> list[Finding]:
    if register is None:
        return []
    if inst not in register:
        hint = suggest(inst, list(register))
        return [
            error(
                file,
                "LC302",
                f"the folder names institution '{inst}', which institutions.yaml does not have"
                + (f": did you mean '{hint}'?" if hint else ": add it there, or move the file"),
                path,
            )
        ]
    if loc in register[inst]:
        return []
    hint = suggest(loc, list(register[inst]))
    return [
        error(
            file,
            "LC302",
            f"'{loc}' is not a location of '{inst}' in institutions.yaml"
            + (f": did you mean '{hint}'?" if hint else ": add it under its locations"),
            path,
        )
    ]


def _unknown(
    file: str, path: tuple[str | int, ...], what: str, value: str, known: Iterable[str], **kw: bool
) -> Finding:
    options = list(dict.fromkeys(known))
    hint = suggest(value, options)
    tail = f": did you mean '{hint}'?" if hint else f" (there are: {', '.join(options) or 'none'})"
    return error(file, "LC301", f"{what} '{value}' is not declared{tail}", path, **kw)


def _declared_in_record(
    record: Loaded[AuditRecord], fw: Framework, place: Location | None
) -> Iterator[Finding]:
    file, model = record.rel, record.model
    themes = [t.id for t in fw.themes]
    scale = [lv.id for lv in fw.scale.levels]
    allowed = [*scale, NOT_OBSERVED] if fw.scale.not_observed else scale
    observers = [o.id for o in model.observers]
    yield from _twice(file, ("observers",), observers, "observer")
    for theme, scores in model.scores.items():
        if theme not in themes:
            yield _unknown(file, ("scores", theme), "the theme", theme, themes, at_key=True)
        for n, s in enumerate(scores):
            at = ("scores", theme, n)
            if s.observer not in observers:
                yield _unknown(file, (*at, "observer"), "the observer", s.observer, observers)
            if s.score not in allowed:
                yield _unknown(file, (*at, "score"), "the score", s.score, allowed)
            if s.unit is not None and place is not None and s.unit not in place.units:
                yield _unknown(file, (*at, "unit"), "the unit", s.unit, place.units)
            if not s.observations and s.score != NOT_OBSERVED:
                yield warning(
                    file,
                    "LC303",
                    f"observer {s.observer} scored {theme} without an observation: write down "
                    "what was seen, the story behind the number",
                    (*at, "score"),
                )
    for theme, agreed in model.agreed.items():
        if theme not in themes:
            yield _unknown(file, ("agreed", theme), "the theme", theme, themes, at_key=True)
        if agreed.score not in scale:
            yield _unknown(file, ("agreed", theme, "score"), "the score", agreed.score, scale)


def _perspectives(record: Loaded[AuditRecord]) -> list[Finding]:
    observers = record.model.observers
    found = []
    if len(observers) < 2:
        found.append(
            warning(
                record.rel,
                "LC304",
                "the audit has one observer: observe with at least two, so that what one "
                "misses another sees",
                ("observers",),
                at_key=True,
            )
        )
    if not any(o.perspective in ("client", "family") for o in observers):
        found.append(
            warning(
                record.rel,
                "LC304",
                "no observer looks from the perspective of a client or family member: invite "
                "one (a member of the client council, a relative)",
                ("observers",),
                at_key=True,
            )
        )
    return found


def _team_in_time(
    cycle: AuditCycle,
    inst: str,
    loc: str,
    record: Loaded[AuditRecord],
    fw: Framework,
    today: dt.date,
) -> list[Finding]:
    team = fw.levels[0]
    due = last_date(record.model) + dt.timedelta(days=fw.discuss_within_days)
    if today <= due:
        return []
    held = [
        c.model.date
        for c in cycle.conversations_of(inst)
        if c.model.level == team.id and cycle.covers(c.model, loc)
    ]
    if any(day <= due for day in held):
        return []
    late = f" (the first was on {min(held)})" if held else ""
    return [
        warning(
            record.rel,
            "LC305",
            f"no {team.id} conversation about {loc} within {fw.discuss_within_days} days of "
            f"the audit (by {due}){late}: discuss the results with the team, and record it "
            f"under audit/{inst}/conversations/",
            ("dates",),
            at_key=True,
        )
    ]


def _declared_in_conversation(talk: Loaded[Conversation], fw: Framework) -> Iterator[Finding]:
    file, model = talk.rel, talk.model
    levels = [lv.id for lv in fw.levels]
    themes = [t.id for t in fw.themes]
    scale = [lv.id for lv in fw.scale.levels]
    if model.level not in levels:
        yield _unknown(file, ("level",), "the conversation level", model.level, levels)
    for n, target in enumerate(model.escalate_to):
        if target not in levels:
            yield _unknown(file, ("escalate_to", n), "the conversation level", target, levels)
    for n, quiz in enumerate(model.quiz):
        if quiz.theme not in themes:
            yield _unknown(file, ("quiz", n, "theme"), "the theme", quiz.theme, themes)
        for answer in quiz.answers:
            if answer not in scale:
                at = ("quiz", n, "answers", answer)
                yield _unknown(file, at, "the answer", answer, scale, at_key=True)
    for n, meaning in enumerate(model.meanings):
        if meaning.theme not in themes:
            yield _unknown(file, ("meanings", n, "theme"), "the theme", meaning.theme, themes)
    for n, action in enumerate(model.agreements):
        for m, theme in enumerate(action.themes):
            if theme not in themes:
                yield _unknown(file, ("agreements", n, "themes", m), "the theme", theme, themes)
    yield from _twice(file, ("agreements",), [a.id for a in model.agreements], "agreement")


def _before_audit(cycle: AuditCycle, inst: str, talk: Loaded[Conversation]) -> list[Finding]:
    model = talk.model
    audited = [
        (min(record.model.dates), loc)
        for loc, record in cycle.audits_of(inst)
        if cycle.covers(model, loc)
    ]
    if not audited:
        return []
    first, loc = min(audited)
    if model.date >= first:
        return []
    return [
        error(
            talk.rel,
            "LC307",
            f"the conversation is dated {model.date}, before the audit of {loc} began "
            f"({first}): correct the date, or move it to the cycle of the audit it discusses",
            ("date",),
        )
    ]


def _taken_up(
    held: dict[str, list[tuple[dt.date, str]]],
    talk: Loaded[Conversation],
    fw: Framework,
    today: dt.date,
) -> Iterator[Finding]:
    model = talk.model
    if today <= model.date + dt.timedelta(days=fw.discuss_within_days):
        return
    for n, target in enumerate(model.escalate_to):
        if any(day >= model.date and cid != model.id for day, cid in held.get(target, ())):
            continue
        yield warning(
            talk.rel,
            "LC306",
            f"this conversation escalated to {target}, but no later {target} conversation "
            f"took it up within {fw.discuss_within_days} days: hold it and record it, or "
            "remove the escalation",
            ("escalate_to", n),
        )


def _held(cycles: list[AuditCycle]) -> dict[str, dict[str, list[tuple[dt.date, str]]]]:
    """Per institution and conversation level, the (date, id) of its conversations in any cycle."""
    found: dict[str, dict[str, list[tuple[dt.date, str]]]] = {}
    for cycle in cycles:
        for (inst, _), talk in cycle.conversations.items():
            levels = found.setdefault(inst, {})
            levels.setdefault(talk.model.level, []).append((talk.model.date, talk.model.id))
    return found


def _record_texts(model: AuditRecord) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for n, observer in enumerate(model.observers):
        yield ("observers", n, "role"), observer.role
    for theme, scores in model.scores.items():
        for n, s in enumerate(scores):
            for m, text in enumerate(s.observations):
                yield ("scores", theme, n, "observations", m), text
    for theme, agreed in model.agreed.items():
        if agreed.note:
            yield ("agreed", theme, "note"), agreed.note


def _conversation_texts(model: Conversation) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for n, text in enumerate(model.participants):
        yield ("participants", n), text
    for n, quiz in enumerate(model.quiz):
        if quiz.question:
            yield ("quiz", n, "question"), quiz.question
    for n, meaning in enumerate(model.meanings):
        yield ("meanings", n, "text"), meaning.text
    for n, text in enumerate(model.unexpected):
        yield ("unexpected", n), text
    for n, action in enumerate(model.agreements):
        yield ("agreements", n, "what"), action.what
        yield ("agreements", n, "owner"), action.owner
        for m, note in enumerate(action.progress):
            yield ("agreements", n, "progress", m, "note"), note.note


def _free_text(file: str, texts: Iterable[tuple[tuple[str | int, ...], str]]) -> Iterator[Finding]:
    items = list(texts)
    if not suspect("\n".join(text for _, text in items)):  # one search for the whole file
        return
    for path, text in items:
        for what in contact_data(text):
            yield warning(
                file,
                "LC308",
                f"this text holds what looks like {what}: audit files are about what was seen, "
                "never about who; remove it",
                path,
            )
