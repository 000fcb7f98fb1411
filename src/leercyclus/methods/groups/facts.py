"""What the groups know of an institution: its people's groups with action points past due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from leercyclus.loading.method import Fact
from leercyclus.methods.groups import data
from leercyclus.publishing.texts import long_date

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

TOPIC = "group-actions"

TEXTS = {
    "nl": (
        "{group}, waarin {people} van uw instelling {sit}: {count} {points} van de groep"
        " {stand} nog open na de streefdatum (het oudste sinds {since})."
    ),
    "en": (
        "{group}, with {people} of your institution among its members: {count} of the group's"
        " {points} {stand} still open past the due date (the oldest since {since})."
    ),
}
WORDS = {
    "nl": {"person": ("één persoon", "{n} mensen"), "sit": ("zit", "zitten"),
           "point": ("actiepunt", "actiepunten"), "stand": ("staat", "staan")},
    "en": {"person": ("one person", "{n} people"), "sit": ("", ""),
           "point": ("action point", "action points"), "stand": ("is", "are")},
}  # fmt: skip


def group_facts(
    net: Network, cycle: str, language: str, today: dt.date | None = None
) -> Iterator[Fact]:
    """Per institution and group of `cycle` with some of its people: the group's open action
    points past due (of its meetings and evaluations), as one open fact. Only counts and the
    group's title, never an action's text: a group's meetings are for its members, and the fact
    goes to the institution.

    Past due on the earlier of today and the cycle's last milestone: a cycle's report tells how
    the cycle ended, not what fell due after it (and stays the same once the cycle is over)."""
    when = _reference_date(net, cycle, today or dt.date.today())
    known = data.people(net)
    texts, words = TEXTS.get(language, TEXTS["nl"]), WORDS.get(language, WORDS["nl"])
    for gid, loaded in data.groups(net, cycle).items():
        group = loaded.model
        due = sorted(
            action.due
            for action in [
                *(a for meeting in group.meetings for a in meeting.actions),
                *(a for evaluation in group.evaluations for a in evaluation.next),
            ]
            if action.status in ("open", "in_progress")
            if action.due < when
        )
        if not due:
            continue
        members = {*group.members, *([group.facilitator] if group.facilitator else [])}
        per_institution: dict[str, int] = {}
        for pid in members:
            person = known.get(pid)
            if person is not None and person.institution:
                per_institution[person.institution] = per_institution.get(person.institution, 0) + 1
        for institution, people in sorted(per_institution.items()):
            one, many = people == 1, len(due) == 1
            text = texts.format(
                group=group.title or gid,
                people=words["person"][0 if one else 1].format(n=people),
                sit=words["sit"][0 if one else 1],
                count=len(due),
                points=words["point"][0 if many else 1],
                stand=words["stand"][0 if many else 1],
                since=long_date(due[0], language),
            )
            yield Fact("groups", institution, TOPIC, text, f"group:{cycle}/{gid}", open=True)


def _reference_date(net: Network, cycle: str, today: dt.date) -> dt.date:
    """The earlier of `today` and the cycle's last milestone (today when it has none)."""
    loaded = net.cycles.get(cycle)
    cycle_file = loaded.cycle if loaded is not None else None
    milestones = cycle_file.model.milestones if cycle_file is not None else None
    dates = [d for d in milestones.model_dump().values() if d] if milestones is not None else []
    return min(today, max(dates)) if dates else today
