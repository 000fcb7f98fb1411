"""Rules across files: references resolve, teams are sound, dates make sense."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from leercyclus.loading.network import CycleData, Loaded, Network
from leercyclus.models import ActionPlan, Cycle, SelfReview, Standard, Visit
from leercyclus.repository.findings import Finding, error, suggest, warning
from leercyclus.repository.yamlread import Path_

OUTSIDE_ROLES = frozenset({"client", "expert_by_experience"})


def cross_check(net: Network, today: dt.date) -> list[Finding]:
    """Every finding that needs more than one file to see."""
    out: list[Finding] = []
    known = net.institution_ids()
    if net.register is not None:
        ids = [
            (i.id, ("institutions", n, "id")) for n, i in enumerate(net.register.model.institutions)
        ]
        out += _duplicates(net.register.rel, ids, "institution")
    for data in net.cycles.values():
        rules = _CycleRules(net, data, known, today)
        out += rules.run()
    return out


def _duplicates(file: str, items: Iterable[tuple[str, Path_]], what: str) -> list[Finding]:
    seen: set[str] = set()
    out = []
    for value, path in items:
        if value in seen:
            out.append(
                error(file, "LC213", f"the {what} '{value}' is listed twice: keep one", path)
            )
        seen.add(value)
    return out


def _unknown(kind: str, value: str, options: Iterable[str], where: str, of: str = "") -> str:
    """'unknown standard 'A11' of cycle 2024: did you mean 'A1'?', or where to look."""
    options = sorted(set(options))
    hint = suggest(value, options)
    if hint:
        return f"unknown {kind} '{value}'{of}: did you mean '{hint}'?"
    shown = ", ".join(options[:12]) + (", …" if len(options) > 12 else "")
    return f"unknown {kind} '{value}'{of}: {where}" + (f" ({shown})" if shown else "")


class _CycleRules:
    """The rules for one cycle, with what they share: its participants and standards."""

    def __init__(
        self, net: Network, data: CycleData, known: set[str] | None, today: dt.date
    ) -> None:
        self.net = net
        self.data = data
        self.known = known
        self.today = today
        cycle = data.cycle.model if data.cycle else None
        self.participants = set(cycle.participants) if cycle else None
        self.standards = data.standard_ids()
        self.out: list[Finding] = []

    def run(self) -> list[Finding]:
        if self.data.cycle is not None:
            self._cycle(self.data.cycle)
        for standard in self.data.standards.values():
            self._standard(standard)
        for review in self.data.self_reviews.values():
            self._self_review(review)
        for visit in self.data.visits.values():
            self._visit(visit)
        for plan in self.data.actions.values():
            self._actions(plan)
        if self.data.evaluation is not None:
            for sid in self.data.evaluation.model.standards:
                self._standard_ref(self.data.evaluation.rel, sid, ("standards", sid), at_key=True)
        return self.out

    def _cycle(self, loaded: Loaded[Cycle]) -> None:
        cycle = loaded.model
        rel = loaded.rel
        self.out += _duplicates(
            rel, [(d.id, ("domains", n, "id")) for n, d in enumerate(cycle.domains)], "domain"
        )
        self.out += _duplicates(
            rel, [(p, ("participants", n)) for n, p in enumerate(cycle.participants)], "participant"
        )
        for n, participant in enumerate(cycle.participants):
            self._institution_ref(rel, participant, ("participants", n))
        if cycle.previous is not None:
            if cycle.previous == cycle.id:
                self.out.append(
                    error(
                        rel,
                        "LC204",
                        "a cycle cannot be its own previous cycle: "
                        "name the cycle before it, or remove 'previous'",
                        ("previous",),
                    )
                )
            elif cycle.previous not in self.net.cycles:
                message = _unknown(
                    "previous cycle",
                    cycle.previous,
                    set(self.net.cycles) - {cycle.id},
                    "it needs a folder cycles/<id>/ with a cycle.yaml",
                )
                self.out.append(error(rel, "LC204", message, ("previous",)))

    def _standard(self, loaded: Loaded[Standard]) -> None:
        standard = loaded.model
        rel = loaded.rel
        if self.data.cycle is not None:
            domains = [d.id for d in self.data.cycle.model.domains]
            if standard.domain not in domains:
                message = _unknown("domain", standard.domain, domains, "use a domain of cycle.yaml")
                self.out.append(error(rel, "LC201", message, ("domain",)))
        if standard.continues is None or self.data.cycle is None:
            return
        previous = self.data.cycle.model.previous
        if previous is None:
            self.out.append(
                error(
                    rel,
                    "LC216",
                    f"continues '{standard.continues}', but this "
                    "cycle has no 'previous' in cycle.yaml: set it, or remove "
                    "'continues'",
                    ("continues",),
                )
            )
            return
        before = self.net.cycles.get(previous)
        if before is None or before.cycle is None:
            return
        if standard.continues not in before.standard_ids():
            message = _unknown(
                "standard",
                standard.continues,
                before.standard_ids(),
                f"use an id from cycles/{previous}/standards",
                of=f" of cycle {previous}",
            )
            self.out.append(error(rel, "LC205", message, ("continues",)))

    def _institution_ref(self, rel: str, value: str, path: Path_) -> None:
        if self.known is not None and value not in self.known:
            message = _unknown("institution", value, self.known, "add it to institutions.yaml")
            self.out.append(error(rel, "LC203", message, path))

    def _standard_ref(self, rel: str, sid: str, path: Path_, *, at_key: bool = False) -> None:
        if self.data.cycle is not None and sid not in self.standards:
            message = _unknown(
                "standard",
                sid,
                self.standards,
                f"this cycle's standards are in cycles/{self.data.id}/standards",
            )
            self.out.append(error(rel, "LC202", message, path, at_key=at_key))

    def _participant(self, rel: str, institution: str, what: str) -> None:
        self._institution_ref(rel, institution, ("institution",))
        if self.participants is not None and institution not in self.participants:
            self.out.append(
                error(
                    rel,
                    "LC206",
                    f"'{institution}' is not a participant of cycle "
                    f"{self.data.id}, so it has no {what}: add it to 'participants' "
                    "in cycle.yaml, or remove this file",
                    ("institution",),
                )
            )

    def _self_review(self, loaded: Loaded[SelfReview]) -> None:
        review = loaded.model
        rel = loaded.rel
        self._participant(rel, review.institution, "self-review")
        for sid, item in review.standards.items():
            self._standard_ref(rel, sid, ("standards", sid), at_key=True)
            if item.outcome != "not_applicable" and not (item.explanation or "").strip():
                where = (
                    ("standards", sid, "explanation")
                    if item.explanation is not None
                    else ("standards", sid)
                )
                self.out.append(
                    warning(
                        rel,
                        "LC208",
                        f"standard {sid} has no explanation: "
                        "describe how you shape this in practice (hoe geven wij "
                        "dit vorm?)",
                        where,
                        at_key=True,
                    )
                )
        if self.data.cycle is not None:
            missing = sorted(set(self.data.standards) - set(review.standards))
            if missing:
                shown = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
                self.out.append(
                    warning(
                        rel,
                        "LC207",
                        f"{len(missing)} standard(s) of the cycle "
                        f"are not answered: {shown}. Answer them, or give outcome "
                        "not_applicable",
                        ("standards",),
                        at_key=True,
                    )
                )

    def _visit(self, loaded: Loaded[Visit]) -> None:
        visit = loaded.model
        rel = loaded.rel
        self._participant(rel, visit.institution, "review day")
        if not any(m.role in OUTSIDE_ROLES for m in visit.team):
            self.out.append(
                error(
                    rel,
                    "LC209",
                    "the review team has no client or expert by "
                    "experience: add a member with role client or "
                    "expert_by_experience",
                    ("team",),
                    at_key=True,
                )
            )
        for n, member in enumerate(visit.team):
            if member.institution is None:
                if member.role != "network_staff":
                    self.out.append(
                        error(
                            rel,
                            "LC214",
                            f"team member {member.name} has no "
                            "'institution': add their home institution (only "
                            "network_staff may leave it out)",
                            ("team", n),
                            at_key=False,
                        )
                    )
                continue
            if member.institution == visit.institution:
                self.out.append(
                    error(
                        rel,
                        "LC210",
                        f"team member {member.name} is from the "
                        "visited institution itself: a review team comes from other "
                        "institutions",
                        ("team", n, "institution"),
                    )
                )
            else:
                self._institution_ref(rel, member.institution, ("team", n, "institution"))
        for sid in visit.standards:
            self._standard_ref(rel, sid, ("standards", sid), at_key=True)
        linked = [("parels", n, p.standards) for n, p in enumerate(visit.parels)]
        linked += [("oesters", n, o.standards) for n, o in enumerate(visit.oesters)]
        for kind, n, standards in linked:
            for k, sid in enumerate(standards):
                self._standard_ref(rel, sid, (kind, n, "standards", k))
        review = self.data.self_reviews.get(visit.institution)
        completed = review.model.completed if review else None
        if completed is not None and visit.date < completed:
            self.out.append(
                warning(
                    rel,
                    "LC211",
                    f"the review day ({visit.date}) is before the "
                    f"self-review was completed ({completed}): check both dates",
                    ("date",),
                )
            )

    def _actions(self, loaded: Loaded[ActionPlan]) -> None:
        plan = loaded.model
        rel = loaded.rel
        self._participant(rel, plan.institution, "action plan")
        self.out += _duplicates(
            rel, [(a.id, ("actions", n, "id")) for n, a in enumerate(plan.actions)], "action id"
        )
        for n, action in enumerate(plan.actions):
            for k, sid in enumerate(action.standards):
                self._standard_ref(rel, sid, ("actions", n, "standards", k))
