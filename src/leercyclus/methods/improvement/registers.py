"""Aggregated experience answers (PREM/PROM) and coded complaint registers: read and checked.

experience/<instrument>/<period>.csv: period,institution,item,answer,count - counts per answer,
never one person's answers. safety/<institution>/complaints-<year>.csv: coded fields only (HCAT
category, severity, harm, stage, outcome, dates), never free text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from dataclasses import dataclass

from leercyclus.methods.improvement.tables import check_columns, read_table
from leercyclus.models.improvement import Instrument
from leercyclus.repository.findings import Finding

EXPERIENCE_COLUMNS = ("period", "institution", "item", "answer", "count")
COMPLAINT_COLUMNS = (
    "id", "received", "extended", "decided", "hcat_category", "severity", "harm", "stage",
    "outcome",
)  # fmt: skip
HCAT_CATEGORIES = (
    "quality", "safety", "environment", "institutional_processes", "listening", "communication",
    "respect_and_patient_rights",
)  # fmt: skip
"""The seven problem categories of the Healthcare Complaints Analysis Tool (HCAT, LSE)."""
STAGES = (
    "admission", "examination_and_diagnosis", "care_on_the_ward", "operation_or_procedure",
    "discharge", "transfer", "intake", "treatment", "birth", "aftercare", "other",
)  # fmt: skip
OUTCOMES = ("justified", "partly_justified", "not_justified", "withdrawn", "mediated", "")
TERM = dt.timedelta(weeks=6)
EXTENDED_TERM = dt.timedelta(weeks=10)
"""Wkkgz: a complaint is decided within 6 weeks; with written notice 4 weeks more."""


@dataclass(frozen=True, slots=True)
class Answer:
    line: int
    period: str
    institution: str
    item: str
    answer: int
    count: int


def read_experience(
    rel: str,
    text: str,
    instrument: Instrument | None,
    period: str,
    institutions: Collection[str],
) -> tuple[list[Answer], list[Finding]]:
    """The counts of experience/<instrument>/<period>.csv, and what is wrong with them."""
    findings: list[Finding] = []
    if instrument is None:
        findings.append(
            Finding("error", rel, "LC601", "no instrument of this name in instruments/", 1)
        )
        return [], findings
    table = read_table(rel, text, findings)

    def refuse(column: str) -> Finding:
        return Finding(
            "error",
            rel,
            "LC606",
            f"column '{column}' is not allowed: only counted answers per question"
            f" ({', '.join(EXPERIENCE_COLUMNS)}), never one person's answers",
            1,
        )

    if table is None or not check_columns(
        rel, table.header, EXPERIENCE_COLUMNS, EXPERIENCE_COLUMNS, findings, refuse
    ):
        return [], findings
    items = {item.id: instrument.scales[item.scale] for item in instrument.items}
    answers = []
    for line, row in table.rows:
        problem = None
        scale = items.get(row["item"])
        answer, count = _whole(row["answer"]), _whole(row["count"])
        if row["period"] != period:
            problem = f"period '{row['period']}' in the file of period {period}"
        elif row["institution"] not in institutions:
            problem = f"institution '{row['institution']}' is not in institutions.yaml"
        elif scale is None:
            problem = f"item '{row['item']}' is not an item of {instrument.id}"
        elif answer is None or not scale.min <= answer <= scale.max:
            problem = f"answer '{row['answer']}' is outside the scale {scale.min}-{scale.max}"
        elif count is None or count < 0:
            problem = f"count '{row['count']}' is not a whole number of zero or more"
        if problem is not None:
            findings.append(Finding("error", rel, "LC601", problem, line))
            continue
        assert answer is not None and count is not None
        answers.append(Answer(line, period, row["institution"], row["item"], answer, count))
    return answers, findings


@dataclass(frozen=True, slots=True)
class Complaint:
    line: int
    id: str
    received: dt.date
    extended: bool
    decided: dt.date | None
    category: str
    severity: int
    stage: str
    outcome: str

    def due(self) -> dt.date:
        """When the Wkkgz term ends."""
        return self.received + (EXTENDED_TERM if self.extended else TERM)


def read_complaints(rel: str, text: str, today: dt.date) -> tuple[list[Complaint], list[Finding]]:
    """The rows of a coded complaint register, and what is wrong or overdue in them."""
    findings: list[Finding] = []
    table = read_table(rel, text, findings)
    required = ("id", "received", "decided", "hcat_category", "severity")

    def refuse(column: str) -> Finding:
        return Finding(
            "error",
            rel,
            "LC605",
            f"column '{column}' is not allowed: a register holds codes and dates only"
            f" ({', '.join(COMPLAINT_COLUMNS)}), no free text",
            1,
        )

    if table is None or not check_columns(
        rel, table.header, COMPLAINT_COLUMNS, required, findings, refuse
    ):
        return [], findings
    complaints = []
    for line, row in table.rows:
        parsed = _complaint(line, row)
        if isinstance(parsed, str):
            findings.append(
                Finding("error", rel, "LC603", f"complaint {row['id'] or '?'}: {parsed}", line)
            )
            continue
        complaints.append(parsed)
        late = (parsed.decided or today) > parsed.due()
        if late:
            state = f"decided {parsed.decided}" if parsed.decided else "still open"
            findings.append(
                Finding(
                    "warning",
                    rel,
                    "LC602",
                    f"complaint {parsed.id}: {state}, past its term of {parsed.due()}"
                    + ("" if parsed.extended else " (6 weeks; 10 when `extended` is set)"),
                    line,
                )
            )
    return complaints, findings


def _complaint(line: int, row: dict[str, str]) -> Complaint | str:
    received = _date(row["received"])
    decided = _date(row["decided"]) if row["decided"] else None
    severity, harm = _whole(row["severity"]), _whole(row.get("harm", "") or "1")
    if not row["id"]:
        return "no id"
    if received is None:
        return f"received '{row['received']}' is not a date YYYY-MM-DD"
    if row["decided"] and decided is None:
        return f"decided '{row['decided']}' is not a date YYYY-MM-DD"
    if decided is not None and decided < received:
        return "decided before it was received"
    if row["hcat_category"] not in HCAT_CATEGORIES:
        return f"hcat_category '{row['hcat_category']}' is not one of {', '.join(HCAT_CATEGORIES)}"
    if severity is None or not 1 <= severity <= 4:
        return f"severity '{row['severity']}' is not 1, 2, 3 or 4"
    if harm is None or not 1 <= harm <= 4:
        return f"harm '{row.get('harm')}' is not 1, 2, 3 or 4"
    stage = row.get("stage", "") or "other"
    if stage not in STAGES:
        return f"stage '{stage}' is not one of {', '.join(STAGES)}"
    outcome = row.get("outcome", "")
    if outcome not in OUTCOMES:
        return f"outcome '{outcome}' is not one of {', '.join(o for o in OUTCOMES if o)}"
    extended = row.get("extended", "").strip().casefold() in ("yes", "ja", "true", "1")
    return Complaint(
        line, row["id"], received, extended, decided, row["hcat_category"], severity, stage, outcome
    )


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


def _whole(text: str) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and value == int(value) else None
