"""Build the data of one institution's confidential report from the loaded network."""

from __future__ import annotations

from dataclasses import replace

from leercyclus.loading.method import Fact
from leercyclus.loading.network import CycleData, Network
from leercyclus.methods.peerreview.aggregate import (
    LEVEL,
    DomainBlock,
    Effect,
    FollowUp,
    InstitutionReport,
    Meta,
    Shift,
    Since,
    StandardRow,
    TeamLine,
    final_outcome,
    outcomes_of,
    standards_by_domain,
)
from leercyclus.methods.peerreview.disclosure import published_picture
from leercyclus.methods.peerreview.lineage import Lineage, lineage
from leercyclus.methods.peerreview.summaries import overall_message, scope
from leercyclus.models import ActionPlan


def institution_report(
    net: Network, data: CycleData, institution_id: str, meta: Meta, facts: list[Fact] | None = None
) -> InstitutionReport:
    """The confidential report of `institution_id` in the cycle `data`; `facts` are what the
    network's other methods know of it (an improvement project's result for an oester...)."""
    names = _institution_names(net)
    review = data.self_reviews.get(institution_id)
    visit = data.visits.get(institution_id)
    own = review.model.standards if review else {}
    judged = visit.model.standards if visit else {}
    history = lineage(net, data)
    previous = _previous_outcomes(net, history, institution_id)
    blocks = []
    for domain, standards in standards_by_domain(data):
        rows = []
        for standard in standards:
            mine = own.get(standard.id)
            team = judged.get(standard.id)
            old_id = history.matched.get(standard.id)
            rows.append(
                StandardRow(
                    standard=standard,
                    self_outcome=mine.outcome if mine else None,
                    explanation=(mine.explanation or None) if mine else None,
                    evidence=list(mine.evidence) if mine else [],
                    team_outcome=team.outcome if team else None,
                    team_note=team.note if team else None,
                    previous=previous.get(old_id) if old_id else None,
                    network=published_picture(net, data, standard.id, meta.min_group).picture,
                    status=history.status(standard.id) if history.previous else "same",
                )
            )
        blocks.append(DomainBlock(domain, rows))
    team_lines = [
        TeamLine(m.role, m.discipline, names.get(m.institution or ""))
        for m in (visit.model.team if visit else [])
    ]
    prev_data = net.cycles.get(history.previous) if history.previous else None
    prev_plan = prev_data.actions.get(institution_id) if prev_data else None
    plan = data.actions.get(institution_id)
    rows = [r for block in blocks for r in block.rows]
    report = InstitutionReport(
        meta=meta,
        institution_id=institution_id,
        institution=names.get(institution_id, institution_id),
        visit_date=visit.model.date if visit else None,
        self_review_date=review.model.completed if review else None,
        self_review_participants=list(review.model.participants) if review else [],
        theme=data.cycle.model.theme if data.cycle else None,
        theme_reflection=review.model.theme if review else None,
        team=team_lines,
        programme=list(visit.model.programme) if visit else [],
        domains=blocks,
        parels=list(visit.model.parels) if visit else [],
        oesters=list(visit.model.oesters) if visit else [],
        standard_titles={s.model.id: s.model.title for s in data.standards.values()},
        previous_cycle=history.previous,
        previous_plan=prev_plan.model if prev_plan else None,
        follow_ups=_follow_ups(prev_plan.model, history, previous, rows) if prev_plan else [],
        plan=plan.model if plan else None,
        since=_since(net, history, institution_id, rows),
        facts=[f for f in facts or [] if f.institution == institution_id],
    )
    return replace(
        report,
        message=overall_message(report, meta.language),
        scope=scope(meta.participants, len(rows), len(blocks), meta.language),
    )


def _institution_names(net: Network) -> dict[str, str]:
    if net.register is None:
        return {}
    return {i.id: i.name for i in net.register.model.institutions}


def _previous_outcomes(net: Network, history: Lineage, institution_id: str) -> dict[str, str]:
    """The institution's final outcome per standard id of the previous cycle, if it took part."""
    prev = net.cycles.get(history.previous) if history.previous else None
    if prev is None:
        return {}
    found = {
        sid: final_outcome(own, team)
        for sid, (own, team) in outcomes_of(prev, institution_id).items()
    }
    return {sid: outcome for sid, outcome in found.items() if outcome is not None}


def _since(
    net: Network, history: Lineage, institution_id: str, rows: list[StandardRow]
) -> Since | None:
    """Final outcomes now beside the previous cycle's, for standards whose text is unchanged.

    A move counts only between met, partly met and not met; not applicable is no level.
    """
    if history.previous is None:
        return None
    prev = net.cycles[history.previous]
    took_part = institution_id in (prev.cycle.model.participants if prev.cycle else [])
    up: list[Shift] = []
    down: list[Shift] = []
    for row in rows:
        if row.status != "same" or row.previous is None or row.final is None:
            continue
        before, after = LEVEL.get(row.previous), LEVEL.get(row.final)
        if before is None or after is None or before == after:
            continue
        (up if after > before else down).append(Shift(row.standard, row.previous, row.final))
    return Since(
        previous_cycle=history.previous,
        took_part=took_part,
        up=up,
        down=down,
        reworded=[r.standard for r in rows if r.status == "reworded"],
        new=[r.standard for r in rows if r.status == "new"],
    )


def _follow_ups(
    plan: ActionPlan, history: Lineage, previous: dict[str, str], rows: list[StandardRow]
) -> list[FollowUp]:
    """Each action of the previous plan: its latest progress note and its standards then and now.

    An action names the previous cycle's standard ids; the standard that continues one of them
    gives the outcome now.
    """
    now = {history.matched[r.standard.id]: r for r in rows if r.standard.id in history.matched}
    result = []
    for action in plan.actions:
        effects = []
        for old_id in action.standards:
            old = history.old.get(old_id)
            row = now.get(old_id)
            if row is None:
                title = old.title if old else old_id
                effects.append(Effect(old_id, title, previous.get(old_id), None, "gone"))
                continue
            kind = "reworded" if row.status == "reworded" else "same"
            effects.append(
                Effect(row.standard.id, row.standard.title, previous.get(old_id), row.final, kind)
            )
        latest = max(action.progress, key=lambda p: p.date) if action.progress else None
        result.append(FollowUp(action, latest, effects))
    return result
