"""Where a cycle stands: per participant what is done, and the cycle's milestones."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from leercyclus.loading.network import CycleData, Network
from leercyclus.methods.peerreview.crossref import OUTSIDE_ROLES


@dataclass(frozen=True, slots=True)
class SelfReviewState:
    """A participant's self-review: `state` is missing, invalid, in_progress or completed."""

    state: str
    answered: int = 0
    standards: int = 0
    explanations_missing: int = 0
    completed: str | None = None


@dataclass(frozen=True, slots=True)
class VisitState:
    """A participant's review day: `state` is missing, invalid, planned or held."""

    state: str
    date: str | None = None
    team_complete: bool = False
    team_lacks: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ActionsState:
    """A participant's action plan: `state` is missing, invalid or present."""

    state: str
    actions: int = 0
    open: int = 0
    overdue: int = 0


@dataclass(frozen=True, slots=True)
class Participant:
    """One participant's row of the status table."""

    institution: str
    name: str | None
    self_review: SelfReviewState
    visit: VisitState
    reports: list[str]
    actions: ActionsState


@dataclass(frozen=True, slots=True)
class Milestone:
    """One step of the cycle: `done` out of `of` (of is 1 for a single thing such as a report),
    its due date from cycle.yaml's `milestones`, and whether that date passed with it unfinished."""

    step: int
    name: str
    done: int
    of: int
    due: str | None = None
    late: bool = False


@dataclass(frozen=True, slots=True)
class CycleStatus:
    """The whole status of one cycle, as `leercyclus status` shows it."""

    cycle: str
    title: str | None
    today: str
    errors: int
    warnings: int
    participants: list[Participant]
    milestones: list[Milestone]

    def as_json(self) -> dict[str, Any]:
        """The JSON that `status --format json` prints.

        {"cycle": "2025", "title": "Cyclus 2025" | null, "today": "YYYY-MM-DD",
         "errors": int, "warnings": int,          # findings of `check` in the whole repository
         "participants": [{
            "institution": "de-linde", "name": "Zorggroep De Linde" | null,
            "self_review": {"state": "missing"|"invalid"|"in_progress"|"completed",
                            "answered": int, "standards": int, "explanations_missing": int,
                            "completed": "YYYY-MM-DD" | null},
            "visit": {"state": "missing"|"invalid"|"planned"|"held", "date": "YYYY-MM-DD" | null,
                      "team_complete": bool, "team_lacks": ["chair", "client"]},
            "reports": ["docx", "html"],          # formats of the built institution report
            "actions": {"state": "missing"|"invalid"|"present",
                        "actions": int, "open": int, "overdue": int}}],
         "milestones": [{"step": 1..7, "name": "standards"|"self-reviews"|"review days"|
                         "institution reports"|"national report"|"action plans"|"evaluation",
                         "done": int, "of": int,
                         "due": "YYYY-MM-DD" | null,   # from cycle.yaml's milestones
                         "late": bool}]}               # due before today, not all done
        """
        return asdict(self)


def cycle_status(
    net: Network, data: CycleData, today: dt.date, out: Path, *, errors: int = 0, warnings: int = 0
) -> CycleStatus:
    """The status of cycle `data`; `out` is the report folder (build/ by default)."""
    standards = set(data.standards)
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    participants = [
        Participant(
            inst,
            names.get(inst),
            _self_review(data, inst, standards),
            _visit(data, inst, today),
            _reports(out / data.id / "confidential" / inst, "institution-report"),
            _actions(data, inst, today),
        )
        for inst in _participants(data)
    ]
    return CycleStatus(
        cycle=data.id,
        title=data.cycle.model.title if data.cycle else None,
        today=today.isoformat(),
        errors=errors,
        warnings=warnings,
        participants=participants,
        milestones=_milestones(data, participants, out, today),
    )


def _participants(data: CycleData) -> list[str]:
    """The cycle's participants; without a readable cycle.yaml, everyone who has a file."""
    if data.cycle is not None:
        return list(data.cycle.model.participants)
    found = set(data.self_reviews) | set(data.visits) | set(data.actions)
    for kind in ("self-review", "visit", "actions"):
        found |= data.failed.get(kind, set())
    return sorted(found)


def _self_review(data: CycleData, inst: str, standards: set[str]) -> SelfReviewState:
    loaded = data.self_reviews.get(inst)
    if loaded is None:
        return SelfReviewState(_absent(data, "self-review", inst), standards=len(standards))
    review = loaded.model
    answered = [sid for sid in review.standards if sid in standards]
    missing = sum(
        1
        for sid in answered
        if review.standards[sid].outcome != "not_applicable"
        and not (review.standards[sid].explanation or "").strip()
    )
    return SelfReviewState(
        "completed" if review.completed else "in_progress",
        answered=len(answered),
        standards=len(standards),
        explanations_missing=missing,
        completed=review.completed.isoformat() if review.completed else None,
    )


def _visit(data: CycleData, inst: str, today: dt.date) -> VisitState:
    loaded = data.visits.get(inst)
    if loaded is None:
        return VisitState(_absent(data, "visit", inst))
    visit = loaded.model
    roles = {m.role for m in visit.team}
    lacks = [] if "chair" in roles else ["chair"]
    if not roles & OUTSIDE_ROLES:
        lacks.append("client")
    return VisitState(
        "held" if visit.date <= today else "planned",
        date=visit.date.isoformat(),
        team_complete=not lacks,
        team_lacks=lacks,
    )


def _actions(data: CycleData, inst: str, today: dt.date) -> ActionsState:
    loaded = data.actions.get(inst)
    if loaded is None:
        return ActionsState(_absent(data, "actions", inst))
    pending = [a for a in loaded.model.actions if a.status in ("open", "in_progress")]
    return ActionsState(
        "present",
        actions=len(loaded.model.actions),
        open=len(pending),
        overdue=sum(1 for a in pending if a.due < today),
    )


def _absent(data: CycleData, kind: str, inst: str) -> str:
    return "invalid" if inst in data.failed.get(kind, set()) else "missing"


def _reports(folder: Path, stem: str) -> list[str]:
    """The formats in which `folder/stem.*` exists, sorted."""
    if not folder.is_dir():
        return []
    return sorted(p.suffix[1:] for p in folder.glob(f"{stem}.*") if p.is_file() and p.suffix)


STEPS = {
    "standards": "standards",
    "self-reviews": "self_reviews",
    "review days": "review_days",
    "institution reports": "institution_reports",
    "national report": "national_report",
    "action plans": "action_plans",
    "evaluation": "evaluation",
}
"""The seven steps as `status` names them → their key in cycle.yaml's `milestones`."""


def _milestones(
    data: CycleData, rows: list[Participant], out: Path, today: dt.date
) -> list[Milestone]:
    """The seven steps of the cycle, each counted from the data that step produces."""
    n = len(rows)
    national = _reports(out / data.id / "public", "national-report")
    counts = [
        (len(data.standards), len(data.standards)),
        (sum(r.self_review.state == "completed" for r in rows), n),
        (sum(r.visit.state == "held" for r in rows), n),
        (sum(bool(r.reports) for r in rows), n),
        (int(bool(national)), 1),
        (sum(r.actions.state == "present" for r in rows), n),
        (int(data.evaluation is not None), 1),
    ]
    dates = data.cycle.model.milestones if data.cycle else None
    steps = []
    for step, (name, (done, of)) in enumerate(zip(STEPS, counts, strict=True), start=1):
        due: dt.date | None = getattr(dates, STEPS[name]) if dates else None
        late = due is not None and due < today and not (of and done == of)
        steps.append(Milestone(step, name, done, of, due.isoformat() if due else None, late))
    return steps
