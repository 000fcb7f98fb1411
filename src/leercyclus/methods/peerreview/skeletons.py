"""`leercyclus new self-review|visit|actions`: YAML forms for one institution, to fill in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from leercyclus.loading.network import CycleData, Network, require_participant
from leercyclus.methods.peerreview.formtexts import (
    FORM_TEXTS,
    OUTCOME_WORDS,
    language_of,
    words_for,
)
from leercyclus.methods.peerreview.newfiles import (
    WIDTH,
    comment,
    join_ids,
    modeline,
    one_line,
    ordered_standards,
)
from leercyclus.models import Standard
from leercyclus.models.refs import unused
from leercyclus.publishing.texts import LABELS
from leercyclus.repository.listing import CYCLES

FORM_KINDS = {"self-review": "self-reviews", "visit": "visits", "actions": "actions"}
"""The forms `new` writes, and the folder of a cycle each goes to."""


def form_path(root: Path, cycle: str, kind: str, institution: str) -> Path:
    """Where the form of `kind` for `institution` lives."""
    return root / CYCLES / cycle / FORM_KINDS[kind] / f"{institution}.yaml"


def participant(net: Network, data: CycleData, institution: str) -> str:
    """The institution's name, if it takes part in the cycle; a usage error otherwise."""
    require_participant(net, data, institution)
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    return names.get(institution, institution)


ROLES = ("chair", "professional", "client", "expert_by_experience", "network_staff", "observer")


def self_review_form(net: Network, data: CycleData, institution: str) -> tuple[Path, str]:
    """A self-review to fill in: every standard's text as comments, the answers commented out."""
    name = participant(net, data, institution)
    assert data.cycle is not None
    cycle = data.cycle.model
    path = form_path(net.root, data.id, "self-review", institution)
    language = language_of(net)
    words = FORM_TEXTS[language]
    answer = words["answer"].format(text="explanation", more=words["self_review_more"])
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "self-review"),
        "# " + one_line(words["self_review_title"].format(name=name, cycle=cycle.title)),
        "#",
        *comment(answer),
        f"institution: {institution}",
        f"# completed: {words['date_form']}   # {words['completed']}",
        f"participants: []   # {words['participants']}",
    ]
    if cycle.theme is not None:
        lines += ["", *comment(words["theme_intro"].format(title=cycle.theme.title))]
        for question in cycle.theme.questions:
            lines += comment(question, lead="  - ", hang="    ")
        lines += [f"# theme:            # {words['theme']}"]
        lines += [f"# theme_quote:      # {words['theme_quote']}"]
    lines += ["", "# standards:"]
    outcomes = _outcomes(language)
    for standard in _described(data, lines, language):
        lines += [f"  # {standard.id}:", f"  #   outcome:{outcomes}", "  #   explanation: >-"]
    return path, "\n".join(lines) + "\n"


def _outcomes(language: str) -> str:
    """The outcome line's comment: the words an answer may use."""
    return "          # " + " | ".join(OUTCOME_WORDS[language].values())


def _described(data: CycleData, lines: list[str], language: str) -> Iterable[Standard]:
    """Yield each standard after adding its domain heading and its text to `lines` as comments."""
    assert data.cycle is not None
    titles = {d.id: d.title for d in data.cycle.model.domains}
    words, labels = FORM_TEXTS[language], LABELS[language]
    domain = None
    for standard in ordered_standards(data):
        if standard.domain != domain:
            domain = standard.domain
            heading = f"  # ── {one_line(domain)} · {one_line(titles.get(domain, ''))} "
            lines += ["", heading + "─" * max(3, WIDTH - len(heading))]
        kind = (
            " (" + words["type"].format(type=standard.type, label=labels[str(standard.type)]) + ")"
            if standard.type
            else ""
        )
        lines += ["", *comment(f"{standard.id} · {standard.title}{kind}", "  ")]
        lines += comment(standard.text, "  ", "  ")
        if standard.guidance:
            lines += comment(words["guidance"].format(guidance=standard.guidance), "  ", "  ")
        yield standard


def visit_form(net: Network, data: CycleData, institution: str) -> tuple[Path, str]:
    """A review day to fill in: the team, and per standard the self-review's outcome as comments."""
    name = participant(net, data, institution)
    assert data.cycle is not None
    path = form_path(net.root, data.id, "visit", institution)
    review = data.self_reviews.get(institution)
    others = [p for p in data.cycle.model.participants if p != institution]
    language = language_of(net)
    words = FORM_TEXTS[language]
    answer = words["answer"].format(text="note", more=words["visit_more"])
    roles = words["roles"].format(roles=", ".join(ROLES[:-1]), last=ROLES[-1])
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "visit"),
        "# " + one_line(words["visit_title"].format(name=name, cycle=data.cycle.model.title)),
        "#",
        *comment(answer),
        f"institution: {institution}",
        f"date:                # {words['visit_date']}",
        f"team:                # {words['team']}",
        *comment(roles, "  "),
        *comment(
            words["member_institution"].format(institution=institution, others=join_ids(others)),
            "  ",
        ),
        "  # - name:",
        "  #   role:",
        f"  #   discipline:    # {words['discipline']}",
        "  #   institution:",
        "",
        f"# standards:         # {words['judgements']}",
    ]
    if review is None:
        lines[-1:-1] = comment(words["no_self_review"].format(name=name))
    outcomes, said = _outcomes(language), OUTCOME_WORDS[language]
    for standard in _described(data, lines, language):
        given = review.model.standards.get(standard.id) if review else None
        if given is not None:
            lines += comment(
                words["self_review_said"].format(outcome=said[given.outcome]), "  ", "  "
            )
            if given.explanation:
                lines += comment(given.explanation, "  ", "  | ")
        elif review is not None:
            lines += comment(words["self_review_open"], "  ", "  ")
        lines += [f"  # {standard.id}:", f"  #   outcome:{outcomes}", "  #   note: >-"]
    lines += ["", *_parels_oesters(words)]
    return path, "\n".join(lines) + "\n"


def _parels_oesters(words: dict[str, str]) -> list[str]:
    return [
        f"# parels:            # {words['parels']}",
        "#   - title:",
        "#     text: >-",
        f"#     standards: []   # {words['example_ids']}",
        f"#     share: false    # {words['share']}",
        "#     contact: {name: , email: }",
        "",
        f"# oesters:           # {words['oesters']}",
        "#   - title:",
        "#     text: >-",
        "#     standards: []",
        "#     suggestion: >-",
    ]


def actions_form(net: Network, data: CycleData, institution: str) -> tuple[Path, str]:
    """An action plan to fill in, with the oesters of the review day as starting points."""
    name = participant(net, data, institution)
    assert data.cycle is not None
    path = form_path(net.root, data.id, "actions", institution)
    visit = data.visits.get(institution)
    words = words_for(net)
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "actions"),
        "# " + one_line(words["actions_title"].format(name=name, cycle=data.cycle.model.title)),
        "#",
        *comment(words["actions_how"]),
        f"institution: {institution}",
        f"# ambition:          # {words['ambition']}",
        "",
    ]
    oesters = visit.model.oesters if visit else []
    if visit is None:
        lines += comment(words["no_visit"].format(name=name))
    elif not oesters:
        lines += comment(words["no_oesters"].format(date=visit.model.date.isoformat()))
    else:
        lines += comment(words["starting_points"].format(date=visit.model.date))
        for oester in oesters:
            refs = f" ({', '.join(oester.standards)})" if oester.standards else ""
            lines += ["#", *comment(f"{oester.title}{refs}", lead="  ")]
            lines += comment(oester.text, lead="    ")
            if oester.suggestion:
                lines += comment(words["tip"].format(suggestion=oester.suggestion), lead="    ")
    lines += ["", "# actions:"]
    ids: set[str] = set()
    fallback = words["action"]
    starts = [(_slug(o.title, ids, fallback), ", ".join(o.standards)) for o in oesters]
    for action, refs in starts or [(f"{fallback}-1", "")]:
        lines += [
            f"#   - id: {action}",
            f"#     what:           # {words['what']}",
            f"#     owner:          # {words['owner']}",
            f"#     due:            # {words['date_form']}",
            "#     status: open    # open | in_progress | done | dropped",
            f"#     standards: [{one_line(refs)}]",
        ]
    return path, "\n".join(lines) + "\n"


def _slug(title: str, taken: set[str], fallback: str) -> str:
    """A readable action id from a title: 'Naasten later betrokken' → 'naasten-later-betrokken'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return unused("-".join(words)[:40].rstrip("-") or fallback, taken)
