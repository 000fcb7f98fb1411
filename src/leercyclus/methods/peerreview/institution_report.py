"""Build the data of one institution's confidential report from the loaded network."""

from __future__ import annotations

from leercyclus.methods.peerreview.aggregate import (
    DomainBlock,
    InstitutionReport,
    Meta,
    StandardRow,
    TeamLine,
    final_outcome,
    standards_by_domain,
)
from leercyclus.methods.peerreview.disclosure import published_picture
from leercyclus.repository.network import CycleData, Network


def institution_report(
    net: Network, data: CycleData, institution_id: str, meta: Meta
) -> InstitutionReport:
    """The confidential report of `institution_id` in the cycle `data`."""
    names = _institution_names(net)
    review = data.self_reviews.get(institution_id)
    visit = data.visits.get(institution_id)
    own = review.model.standards if review else {}
    judged = visit.model.standards if visit else {}
    previous = _previous_outcomes(net, data, institution_id)
    blocks = []
    for domain, standards in standards_by_domain(data):
        rows = []
        for standard in standards:
            mine = own.get(standard.id)
            team = judged.get(standard.id)
            rows.append(
                StandardRow(
                    standard=standard,
                    self_outcome=mine.outcome if mine else None,
                    explanation=(mine.explanation or None) if mine else None,
                    evidence=list(mine.evidence) if mine else [],
                    team_outcome=team.outcome if team else None,
                    team_note=team.note if team else None,
                    previous=previous.get(standard.continues or ""),
                    network=published_picture(net, data, standard.id, meta.min_group).picture,
                )
            )
        blocks.append(DomainBlock(domain, rows))
    team_lines = [
        TeamLine(m.role, m.discipline, names.get(m.institution or ""))
        for m in (visit.model.team if visit else [])
    ]
    prev_id = data.cycle.model.previous if data.cycle else None
    prev_data = net.cycles.get(prev_id) if prev_id else None
    prev_plan = prev_data.actions.get(institution_id) if prev_data else None
    plan = data.actions.get(institution_id)
    return InstitutionReport(
        meta=meta,
        institution_id=institution_id,
        institution=names.get(institution_id, institution_id),
        visit_date=visit.model.date if visit else None,
        self_review_date=review.model.completed if review else None,
        self_review_participants=list(review.model.participants) if review else [],
        theme=data.cycle.model.theme if data.cycle else None,
        theme_reflection=review.model.theme if review else None,
        team=team_lines,
        domains=blocks,
        parels=list(visit.model.parels) if visit else [],
        oesters=list(visit.model.oesters) if visit else [],
        standard_titles={s.model.id: s.model.title for s in data.standards.values()},
        previous_cycle=prev_id if prev_data else None,
        previous_plan=prev_plan.model if prev_plan else None,
        plan=plan.model if plan else None,
    )


def _institution_names(net: Network) -> dict[str, str]:
    if net.register is None:
        return {}
    return {i.id: i.name for i in net.register.model.institutions}


def _previous_outcomes(net: Network, data: CycleData, institution_id: str) -> dict[str, str]:
    """The institution's final outcome per standard id of the previous cycle, if it took part."""
    prev_id = data.cycle.model.previous if data.cycle else None
    prev = net.cycles.get(prev_id) if prev_id else None
    if prev is None:
        return {}
    review = prev.self_reviews.get(institution_id)
    visit = prev.visits.get(institution_id)
    own = review.model.standards if review else {}
    judged = visit.model.standards if visit else {}
    result = {}
    for sid in set(own) | set(judged):
        outcome = final_outcome(
            own[sid].outcome if sid in own else None,
            judged[sid].outcome if sid in judged else None,
        )
        if outcome is not None:
            result[sid] = outcome
    return result
