"""Rules on improvement projects: PDSA cycles in order, predictions kept, steps not left lying."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from leercyclus.models.improvement import Cycle, Project
from leercyclus.repository.findings import Finding, error, warning

STUDY_AFTER = dt.timedelta(days=30)
"""Without `plan.study_by`, a cycle's result is studied within 30 days of doing it."""
ACT_AFTER = dt.timedelta(days=30)
"""A study is followed by a decision within 30 days."""
QUIET = dt.timedelta(days=90)
"""An active project without any dated step for this long has stalled (stilgevallen)."""

Phase = Literal["plan", "do", "study", "act"]


def phase(cycle: Cycle) -> Phase:
    """The step a cycle is in: the last one filled in."""
    if cycle.act is not None:
        return "act"
    if cycle.study is not None:
        return "study"
    return "do" if cycle.do is not None else "plan"


@dataclass(frozen=True, slots=True)
class Overdue:
    """A step that should have been taken by now."""

    cycle: int
    step: Literal["study", "act"]
    due: dt.date


def overdue_steps(project: Project, today: dt.date) -> list[Overdue]:
    """Study and act steps past their date, in active or planned projects."""
    if project.status not in ("active", "planned"):
        return []
    found = []
    for cycle in project.cycles:
        if cycle.do is not None and cycle.study is None:
            due = cycle.plan.study_by or cycle.do.date + STUDY_AFTER
            if due < today:
                found.append(Overdue(cycle.n, "study", due))
        elif cycle.study is not None and cycle.act is None:
            due = cycle.study.date + ACT_AFTER
            if due < today:
                found.append(Overdue(cycle.n, "act", due))
    return found


def last_step(project: Project) -> dt.date | None:
    """The date of the project's latest dated step."""
    dates = [d for cycle in project.cycles for d in _dates(cycle)]
    return max(dates) if dates else None


def check_project(rel: str, project: Project, folder: str, today: dt.date) -> Iterator[Finding]:
    """Every rule on one project file (in the folder of institution `folder`)."""
    if project.institution != folder:
        yield error(
            rel,
            "LC510",
            f"the project is of '{project.institution}' but lies in the folder of '{folder}'",
            ("institution",),
        )
    for k, cycle in enumerate(project.cycles):
        at = ("cycles", k)
        if cycle.n != k + 1:
            yield warning(
                rel, "LC504", f"cycle {cycle.n} is number {k + 1} in the list", (*at, "n")
            )
        if cycle.plan.prediction is None:
            yield warning(
                rel,
                "LC504",
                f"cycle {cycle.n}: the plan has no prediction; write down what you expect, so that"
                " the study step can compare",
                (*at, "plan"),
            )
        if cycle.study is not None and cycle.study.prediction_held is None:
            yield warning(
                rel,
                "LC504",
                f"cycle {cycle.n}: the study does not say whether the prediction held"
                " (prediction_held: yes, partly or no)",
                (*at, "study"),
            )
        steps = [(name, d) for name, d in _named_dates(cycle)]
        for (before, d1), (after, d2) in zip(steps, steps[1:], strict=False):
            if d2 < d1:
                yield warning(
                    rel,
                    "LC504",
                    f"cycle {cycle.n}: {after} ({d2}) is dated before {before} ({d1})",
                    (*at, after, "date"),
                )
    for late in overdue_steps(project, today):
        yield warning(
            rel,
            "LC508",
            f"cycle {late.cycle}: the {late.step} step was due on {late.due}",
            ("cycles", late.cycle - 1) if late.cycle <= len(project.cycles) else (),
        )
    yield from _stalled(rel, project, today)


def _stalled(rel: str, project: Project, today: dt.date) -> Iterator[Finding]:
    if project.status != "active":
        return
    if project.next_check is not None and project.next_check < today:
        yield warning(
            rel, "LC505", f"the project's check was due on {project.next_check}", ("next_check",)
        )
        return
    latest = last_step(project)
    if latest is not None and today - latest > QUIET:
        yield warning(
            rel,
            "LC505",
            f"no step since {latest} ({(today - latest).days} days): the project has stalled;"
            " take the next step, or set its status",
            ("status",),
        )


def _named_dates(cycle: Cycle) -> list[tuple[str, dt.date]]:
    named: list[tuple[str, dt.date | None]] = [
        ("plan", cycle.plan.date),
        ("do", cycle.do.date if cycle.do else None),
        ("study", cycle.study.date if cycle.study else None),
        ("act", cycle.act.date if cycle.act else None),
    ]
    return [(name, d) for name, d in named if d is not None]


def _dates(cycle: Cycle) -> list[dt.date]:
    return [d for _, d in _named_dates(cycle)]
