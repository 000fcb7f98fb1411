"""Sentences composed from report data in the report's language: messages, summaries, advice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leercyclus.methods.peerreview.aggregate import Distribution, InstitutionReport, ranked
from leercyclus.publishing.texts import (
    MONTHS,
    TEXTS,
    capitalise,
    count,
    join,
    month_year,
    number,
    percent,
)

if TYPE_CHECKING:
    from leercyclus.methods.peerreview.national_report import NationalReport, NationalRow

SELF_ONLY_SHARE = 4
"""A standard is called 'often self-judged only' when at least 1 in this many final outcomes
behind its figure come from a self-review the team did not judge."""


def overall_message(r: InstitutionReport, language: str) -> str:
    """The institution report's one overall message: % fully met, what differs, what moved."""
    t = TEXTS[language]
    final = r.final
    if not final.judged:
        return t["overall_none"]
    parts = [
        t["overall"].format(
            institution=r.institution,
            met=final.met,
            judged=final.judged,
            pct=f"{final.percent('met')}%",
        )
    ]
    if final.not_fully:
        parts.append(t["overall_rest"].format(count=count(final.not_fully, "standard", language),
                                              institution=r.institution))  # fmt: skip
    if r.differences:
        parts.append(
            t["overall_differs"].format(count=count(len(r.differences), "standard", language))
        )
    if r.not_judged:
        parts.append(
            capitalise_after_space(
                t["overall_not_judged"].format(count=count(r.not_judged, "standard", language))
            )
        )
    since = r.since
    if since is not None and since.took_part and (since.up or since.down):
        parts.append(
            t["overall_since"].format(
                previous=since.previous_cycle,
                up=count(len(since.up), "standard", language),
                down=count(len(since.down), "standard", language),
            )
        )
    return "".join(parts)


def scope(
    institutions: int, standards: int, domains: int, language: str, *, cycle: str | None = None
) -> str:
    """'Aan deze cyclus deden acht instellingen mee; zij bespraken 24 standaarden in vijf
    domeinen.'"""
    key = "key_scope" if cycle is not None else "scope"
    sentence = TEXTS[language][key].format(
        cycle=cycle,
        institutions=count(institutions, "institution", language),
        standards=count(standards, "standard", language),
        domains=count(domains, "domain", language),
    )
    return capitalise(sentence)


def capitalise_after_space(text: str) -> str:
    """' vier standaarden ...' → ' Vier standaarden ...' (a sentence that opens with a count)."""
    stripped = text.lstrip()
    return text[: len(text) - len(stripped)] + capitalise(stripped)


def challenge_line(picture: Distribution, language: str) -> str:
    """'Van de 8 instellingen voldoen er 2 deels en 4 niet aan deze standaard (75%).'"""
    t = TEXTS[language]
    key = (
        "challenge_line_both"
        if picture.partly_met and picture.not_met
        else "challenge_line_partly"
        if picture.partly_met
        else "challenge_line_not"
    )
    return t[key].format(
        judged=picture.judged,
        applies=t["applies"] if picture.not_applicable else "",
        partly=picture.partly_met,
        not_met=picture.not_met,
        pct=f"{picture.percent('partly_met', 'not_met')}%",
        verb=t["verb_one"] if picture.not_fully == 1 else t["verb_many"],
    )


def key_messages(n: NationalReport, language: str) -> list[str]:
    """Three to six sentences a reader remembers: scope, strengths, challenges, change, parels."""
    t = TEXTS[language]
    cycle = n.meta.cycle_id
    messages = [scope(n.meta.participants, len(n.rows), len(n.domains), language, cycle=cycle)]
    if not n.qualitative_only:
        best = ranked(n.strengths, lambda r: _pic(r).share("met"), 2)
        if best:
            items = [
                t["key_item_met"].format(standard=_name(r), met=_pic(r).met, judged=_pic(r).judged)
                for r in best
            ]
            messages.append(t["key_strengths"].format(items=join(items, language)))
        worst = ranked(
            n.challenges,
            lambda r: _pic(r).share("partly_met", "not_met"),
            2,
            tiebreak=lambda r: _pic(r).share("not_met"),
        )
        if worst:
            items = [
                t["key_item_challenge"].format(
                    standard=_name(r), count=_pic(r).not_fully, judged=_pic(r).judged
                )
                for r in worst
            ]
            messages.append(t["key_challenges"].format(items=join(items, language)))
        comparison = n.comparison
        if comparison is not None and comparison.rows:
            messages.append(
                t["key_comparison"].format(
                    institutions=count(comparison.institutions, "institution", language),
                    previous=comparison.previous_cycle,
                    up=number(len(comparison.up), language),
                    down=number(len(comparison.down), language),
                    compared=len(comparison.rows),
                )
            )
        trend = n.trend
        followed = [r for r in trend.rows if r.change] if trend is not None else []
        if trend is not None and followed:
            down = sum(r.change == "lower" for r in followed)
            messages.append(
                t["key_trend" if down else "key_trend_none_down"].format(
                    first=trend.first,
                    last=trend.last,
                    institutions=count(trend.institutions, "institution", language),
                    up=number(sum(r.change == "higher" for r in followed), language),
                    down=number(down, language),
                    followed=len(followed),
                )
            )
        if n.agreement is not None:
            messages.append(t["key_agreement"].format(pct=f"{percent(n.agreement)}%"))
    if n.parels:
        messages.append(t["key_parels"].format(parels=count(len(n.parels), "parel", language)))
    return messages


def review_process(n: NationalReport, language: str) -> str:
    """'De reviewdagen vonden plaats van april tot en met juni 2026. Aan de reviewteams ...'"""
    if n.review_period is None:
        return ""
    t = TEXTS[language]
    first, last = n.review_period
    if (first.year, first.month) == (last.year, last.month):
        period = t["review_period_one"].format(first=month_year(first, language))
    else:
        start = (
            MONTHS[language][first.month - 1]
            if first.year == last.year
            else month_year(first, language)
        )
        period = t["review_period"].format(first=start, last=month_year(last, language))
    teams = t["review_teams"].format(
        reviewers=count(n.reviewers, "reviewer", language),
        clients=number(n.client_reviewers, language),
    )
    return f"{period} {capitalise(teams)}"


def recommendations(n: NationalReport, language: str) -> list[str]:
    """Advice that follows from the data: the challenges, parels to learn from, unjudged areas."""
    t = TEXTS[language]
    if n.qualitative_only:
        return []
    advice = []
    challenges = n.challenges
    if challenges:
        ids = [r.standard.id for r in challenges]
        advice.append(t["recommend_agenda"].format(items=join(ids, language)))
    for row in challenges:
        for parel in n.parels:
            if any(s.id == row.standard.id for s in parel.standards):
                advice.append(t["recommend_parel"].format(standard=_name(row), parel=parel.title))
                break
    often_self = [r.standard.id for r in n.shown if r.self_only * SELF_ONLY_SHARE >= _pic(r).total]
    if often_self:
        advice.append(t["recommend_self_only"].format(items=join(often_self, language)))
    return advice


def plain_summary(n: NationalReport, language: str) -> list[str]:
    """A few short paragraphs in plain words, for clients and relatives."""
    t = TEXTS[language]
    paragraphs = [
        t["plain_intro"].format(
            network=n.meta.network,
            institutions=count(n.meta.participants, "institution", language),
        )
    ]
    if not n.qualitative_only:
        good = ranked(n.strengths, lambda r: _pic(r).share("met"), 3)
        if good:
            paragraphs.append(
                t["plain_good"].format(items=join([_plain(r) for r in good], language))
            )
        better = ranked(n.challenges, lambda r: _pic(r).share("partly_met", "not_met"), 3)
        if better:
            paragraphs.append(
                t["plain_better"].format(items=join([_plain(r) for r in better], language))
            )
    paragraphs.append(t["plain_next"])
    return paragraphs


def _pic(row: NationalRow) -> Distribution:
    assert row.picture is not None
    return row.picture


def _name(row: NationalRow) -> str:
    return f"{row.standard.id} {row.standard.title}"


def _plain(row: NationalRow) -> str:
    """A standard's title inside a sentence: 'respectvolle bejegening' (not for acronyms)."""
    title = row.standard.title
    return title[:1].lower() + title[1:] if title[1:2].islower() else title
