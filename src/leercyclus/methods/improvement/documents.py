"""Document control: the register of an institution's controlled documents and their reviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from leercyclus.models.improvement import Document, DocumentRegister
from leercyclus.repository.findings import Finding, warning

SOON = dt.timedelta(days=90)
"""A review within this many days is coming up: the review calendar shows it."""
WATCHED = ("in_force", "under_review")
"""Documents whose review date counts; a draft or a withdrawn document has none."""

Due = Literal["overdue", "soon", "later", ""]


def due(document: Document, today: dt.date) -> Due:
    """Where a document's review stands: past its date, within SOON, later, or not watched."""
    review = document.review()
    if document.status not in WATCHED or review is None:
        return ""
    if review < today:
        return "overdue"
    return "soon" if review - today <= SOON else "later"


def check_register(rel: str, register: DocumentRegister, today: dt.date) -> Iterator[Finding]:
    """LC604: every document in force (or under review) past its review date."""
    for k, document in enumerate(register.documents):
        if due(document, today) != "overdue":
            continue
        field = "review_by" if document.review_by is not None else "approved"
        yield warning(
            rel,
            "LC604",
            f"document {document.id} (version {document.version}) was due for review on"
            f" {document.review()}: review it and set the new version and `review_by`, or set"
            " `status: withdrawn`",
            ("documents", k, field),
        )


@dataclass(frozen=True, slots=True)
class Review:
    """One line of the review calendar."""

    id: str
    title: str
    version: str
    owner: str
    review: dt.date | None
    due: Due
    status: str


def calendar(register: DocumentRegister, today: dt.date) -> list[Review]:
    """The register's documents by review date, the ones without a date (drafts) last."""
    rows = [
        Review(d.id, d.title, d.version, d.owner, d.review(), due(d, today), d.status)
        for d in register.documents
    ]
    return sorted(rows, key=lambda r: (r.review is None, r.review or today, r.id))
