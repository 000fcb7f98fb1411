"""What the Samen-Audit tells the other methods' confidential reports about an institution: the
scores that surprised, and the escalations no later conversation took up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Fact
from leercyclus.methods.audit.aggregate import LocationReport, ThemeResult
from leercyclus.methods.audit.data import audit_cycles
from leercyclus.methods.audit.reports import location_reports
from leercyclus.publishing.texts import long_date

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

FAR = 2
"""Steps of the scale between two scores that make a surprise (on a scale of four, 1 and 3)."""

_TEXTS = {
    "nl": {
        "gap": "{location}: bij {theme} lagen de scores van de observatoren het verst uiteen, van {low} tot {high}.",  # noqa: E501
        "drop": "{location}: de score op {theme} is gedaald sinds de audit van {cycle}, van {before} naar {now}.",  # noqa: E501
        "expected": "{location}: het team verwachtte bij {theme} vooral {expected}, de observatoren kwamen uit op {now}.",  # noqa: E501
        "escalation": "{location}: op {date} is vanuit {level} opgeschaald naar {to}; een later gesprek van {to} is nog niet vastgelegd.",  # noqa: E501
    },
    "en": {
        "gap": "{location}: on {theme} the observers' scores lay furthest apart, from {low} to {high}.",  # noqa: E501
        "drop": "{location}: {theme} fell since the audit of {cycle}, from {before} to {now}.",
        "expected": "{location}: the team mostly expected {expected} on {theme}, the observers arrived at {now}.",  # noqa: E501
        "escalation": "{location}: the {level} of {date} asked {to} to take something up, and no later conversation of {to} has been recorded.",  # noqa: E501
    },
}


def audit_facts(net: Network, cycle: str, language: str) -> Iterator[Fact]:
    """Per audited location of `cycle` its surprising scores and its open escalations."""
    words = _TEXTS[language] | {"language": language}
    _, reports = location_reports(net, cycle)
    for r in reports:
        about = f"audit:{cycle}/{r.institution}/{r.location}"
        for topic, theme, text in _surprises(r, words):
            yield Fact("audit", r.institution, topic, text, f"{about}#{theme}")
    yield from _escalations(net, cycle, reports, words)


def _surprises(r: LocationReport, words: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(topic, theme, text) of the location's widest gap, its drops, its furthest expectation."""
    ranks = {level: n for n, (level, _) in enumerate(r.scale)}
    labels = dict(r.scale)
    name = r.location_name
    widest: tuple[int, ThemeResult, str, str] | None = None
    expected: tuple[int, ThemeResult, str] | None = None
    for th in r.themes:
        given = sorted((ranks[s.score], s.score) for s in th.scores if s.score in ranks)
        if given and given[-1][0] - given[0][0] >= FAR:
            gap = given[-1][0] - given[0][0]
            if widest is None or gap > widest[0]:
                widest = (gap, th, given[0][1], given[-1][1])
        if th.change is not None and th.change < 0 and th.previous is not None:
            before = labels.get(th.previous, th.previous)
            text = words["drop"].format(
                location=name, theme=th.title.lower(), cycle=r.previous_cycle, before=before,
                now=th.label,
            )  # fmt: skip
            yield "audit-score", th.id, text
        guess = _prediction(th, ranks)
        if guess is not None and th.score in ranks:
            distance = abs(ranks[guess] - ranks[th.score])
            if distance >= FAR and (expected is None or distance > expected[0]):
                expected = (distance, th, guess)
    if widest is not None:
        _, th, low, high = widest
        text = words["gap"].format(location=name, theme=th.title.lower(), low=labels[low],
                                   high=labels[high])  # fmt: skip
        yield "audit-score", th.id, text
    if expected is not None:
        _, th, guess = expected
        text = words["expected"].format(location=name, theme=th.title.lower(),
                                        expected=labels[guess], now=th.label)  # fmt: skip
        yield "audit-score", th.id, text


def _prediction(th: ThemeResult, ranks: dict[str, int]) -> str | None:
    """What the team's quiz mostly predicted for the theme (the level most chosen, the lower of
    two equal ones); None without a quiz."""
    counts: dict[str, int] = {}
    for _, answers in th.trail.quiz:
        for level, n in answers.items():
            if level in ranks:
                counts[level] = counts.get(level, 0) + n
    if not counts or not any(counts.values()):
        return None
    return max(counts, key=lambda level: (counts[level], -ranks[level]))


def _escalations(
    net: Network, cycle: str, reports: list[LocationReport], words: dict[str, str]
) -> Iterator[Fact]:
    """An escalation of a conversation of `cycle` that no later conversation at its level (in
    this cycle or a later one) took up: open, for a dialogue to ask about."""
    cycles = audit_cycles(net)
    index = next((n for n, c in enumerate(cycles) if c.id == cycle), None)
    if index is None or cycles[index].framework is None:
        return
    current = cycles[index]
    assert current.framework is not None
    titles = {lv.id: lv.title for lv in current.framework.model.levels}
    later = [c.model for cyc in cycles[index:] for c in cyc.conversations.values()]
    names = {(r.institution, r.location): r.location_name for r in reports}
    for (inst, _), loaded in sorted(current.conversations.items()):
        talk = loaded.model
        covered = [loc for (i, loc) in names if i == inst and current.covers(talk, loc)]
        if not covered:
            continue
        for level in talk.escalate_to:
            if any(o.level == level and o.date >= talk.date and o.id != talk.id for o in later):
                continue
            text = words["escalation"].format(
                location=", ".join(names[inst, loc] for loc in covered),
                level=titles.get(talk.level, talk.level).lower(),
                date=long_date(talk.date, words["language"]),
                to=titles.get(level, level).lower(),
            )
            about = f"audit:{cycle}/{inst}/{covered[0]}"
            yield Fact("audit", inst, "audit-escalation", text, about, open=True)
