"""What `leercyclus status` adds for improvement cycles: steps past their date, projects past
their check, indicators whose latest period is missing for an institution, and controlled
documents past their review date."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from leercyclus.methods.improvement import documents, pdsa
from leercyclus.methods.improvement.gather import gather
from leercyclus.methods.improvement.tables import period_index, period_label
from leercyclus.models.improvement import EVENT_KINDS

if TYPE_CHECKING:
    from leercyclus.loading.network import Network


@dataclass(frozen=True, slots=True)
class Row:
    """One thing to follow up."""

    institution: str
    what: str
    """`study overdue`, `act overdue`, `check overdue`, `figures missing` or `review overdue`."""
    subject: str
    """The project's, indicator's or document's id."""
    detail: str
    """Since when, or which period."""
    cycle: int | None = None
    """For a PDSA step: the number of its cycle."""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def improvement_rows(net: Network, today: dt.date) -> list[Row]:
    """Every follow-up of the improvement method, by institution."""
    data = gather(net, today)
    rows: list[Row] = []
    for key, defined in sorted(data.projects.items()):
        inst, project = key.split("/")[0], defined.model
        for late in pdsa.overdue_steps(project, today):
            rows.append(Row(inst, f"{late.step} overdue", project.id, str(late.due), late.cycle))
        if project.status == "active" and project.next_check and project.next_check < today:
            rows.append(Row(inst, "check overdue", project.id, project.next_check.isoformat()))
    for ind_id, defined in sorted(data.indicators.items()):
        series = data.series.get(ind_id, [])
        if not series or defined.model.kind in EVENT_KINDS:  # rare events come when they come
            continue
        latest = max(period_index(r.period) for r in series)
        have: dict[str, int] = {}
        for r in series:
            here = period_index(r.period)
            have[r.institution] = max(have.get(r.institution, here), here)
        for inst, last in sorted(have.items()):
            if last < latest:
                period = period_label(latest, defined.model.period)
                rows.append(Row(inst, "figures missing", ind_id, period))
    for inst, defined in sorted(data.documents.items()):
        for document in defined.model.documents:
            if documents.due(document, today) == "overdue":
                rows.append(Row(inst, "review overdue", document.id, str(document.review())))
    return sorted(rows, key=lambda r: (r.institution, r.what, r.subject))
