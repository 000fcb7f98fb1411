"""`leercyclus new self-review|visit|actions`: YAML forms for one institution, to fill in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from leercyclus.errors import UsageError
from leercyclus.models import Standard
from leercyclus.network import CycleData, Network
from leercyclus.newfiles import WIDTH, comment, join_ids, modeline, ordered_standards
from leercyclus.repo import CYCLES
from leercyclus.yamlio import suggest

FORM_KINDS = {"self-review": "self-reviews", "visit": "visits", "actions": "actions"}
"""The forms `new` writes, and the folder of a cycle each goes to."""


def form_path(root: Path, cycle: str, kind: str, institution: str) -> Path:
    """Where the form of `kind` for `institution` lives."""
    return root / CYCLES / cycle / FORM_KINDS[kind] / f"{institution}.yaml"


def participant(net: Network, data: CycleData, institution: str) -> str:
    """The institution's name, if it takes part in the cycle; a usage error otherwise."""
    assert data.cycle is not None
    participants = data.cycle.model.participants
    names = {i.id: i.name for i in net.register.model.institutions} if net.register else {}
    if institution in participants:
        return names.get(institution, institution)
    if institution in names:
        raise UsageError(
            f"'{institution}' does not take part in cycle {data.id}",
            f"add it to participants in {data.cycle.rel} first",
        )
    hint = suggest(institution, participants)
    tail = f"did you mean '{hint}'?" if hint else f"the participants are {join_ids(participants)}"
    raise UsageError(f"'{institution}' does not take part in cycle {data.id}: {tail}")


OUTCOME_NL = {"met": "volledig", "partly_met": "deels", "not_met": "niet", "not_applicable": "nvt"}
TYPE_NL = {1: "essentieel", 2: "verwacht", 3: "wenselijk"}
ROLES = "chair, professional, client, expert_by_experience, network_staff of observer"

_ANSWER = """\
Zo vul je dit formulier in. Per standaard staan hieronder de titel, de tekst en de toelichting
als commentaar (regels die met '#' beginnen). Beantwoord een standaard door het '# ' weg te
halen voor de regels van het antwoord: de code van de standaard, 'outcome' en '{text}' (in VS
Code: selecteer de regels en druk Ctrl+/). Haal bij het eerste antwoord ook het '# ' voor
'standards:' weg. Schrijf de tekst op de regels onder '{text}: >-', verder ingesprongen dan
'{text}'. De uitkomst is volledig, deels, niet of nvt (niet van toepassing).

`leercyclus check` wijst elke fout aan met het regelnummer.{more}"""


def self_review_form(net: Network, data: CycleData, institution: str) -> tuple[Path, str]:
    """A self-review to fill in: every standard's text as comments, the answers commented out."""
    name = participant(net, data, institution)
    assert data.cycle is not None
    cycle = data.cycle.model
    path = form_path(net.root, data.id, "self-review", institution)
    more = " Standaarden die nog open staan, meldt check als waarschuwing."
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "self-review"),
        f"# Zelfreview van {name}, {cycle.title}",
        "#",
        *comment(_ANSWER.format(text="explanation", more=more)),
        f"institution: {institution}",
        "# completed: JJJJ-MM-DD   # de dag waarop de zelfreview klaar is; weg zolang hij loopt",
        "participants: []   # wie deden mee: rollen, geen namen, bijv. [teamleider, 2 cliënten]",
    ]
    if cycle.theme is not None:
        lines += ["", *comment(f"Het thema van deze cyclus: {cycle.theme.title}")]
        for question in cycle.theme.questions:
            lines += comment(question, lead="  - ", hang="    ")
        lines += ["# theme:            # jullie reflectie op het thema"]
    lines += ["", "# standards:"]
    for standard in _described(data, lines):
        lines += [f"  # {standard.id}:", f"  #   outcome:{_OUTCOMES}", "  #   explanation: >-"]
    return path, "\n".join(lines) + "\n"


_OUTCOMES = "          # volledig | deels | niet | nvt"


def _described(data: CycleData, lines: list[str]) -> Iterable[Standard]:
    """Yield each standard after adding its domain heading and its text to `lines` as comments."""
    assert data.cycle is not None
    titles = {d.id: d.title for d in data.cycle.model.domains}
    domain = None
    for standard in ordered_standards(data):
        if standard.domain != domain:
            domain = standard.domain
            heading = f"  # ── {domain} · {titles.get(domain, '')} "
            lines += ["", heading + "─" * max(3, WIDTH - len(heading))]
        kind = f" (type {standard.type}: {TYPE_NL[standard.type]})" if standard.type else ""
        lines += ["", *comment(f"{standard.id} · {standard.title}{kind}", "  ")]
        lines += comment(standard.text, "  ", "  ")
        if standard.guidance:
            lines += comment(f"Toelichting: {standard.guidance}", "  ", "  ")
        yield standard


def visit_form(net: Network, data: CycleData, institution: str) -> tuple[Path, str]:
    """A review day to fill in: the team, and per standard the self-review's outcome as comments."""
    name = participant(net, data, institution)
    assert data.cycle is not None
    path = form_path(net.root, data.id, "visit", institution)
    review = data.self_reviews.get(institution)
    others = [p for p in data.cycle.model.participants if p != institution]
    more = (
        " Zolang 'date' en 'team' leeg zijn, meldt check twee fouten: vul ze in voordat je het "
        "bestand vastlegt. Een oordeel per standaard is niet verplicht."
    )
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "visit"),
        f"# Reviewdag bij {name}, {data.cycle.model.title}",
        "#",
        *comment(_ANSWER.format(text="note", more=more)),
        f"institution: {institution}",
        "date:                # de reviewdag: JJJJ-MM-DD",
        "team:                # één blok per lid; minstens één client of expert_by_experience",
        *comment(f"role: {ROLES}.", "  "),
        *comment(
            f"institution: de eigen instelling van het lid, nooit {institution}: "
            f"{join_ids(others)}. Alleen network_staff mag dit weglaten.",
            "  ",
        ),
        "  # - name:",
        "  #   role:",
        "  #   discipline:    # bijv. verpleegkundige (mag weg)",
        "  #   institution:",
        "",
        "# standards:         # het oordeel van het team, bij de standaarden die het beoordeelt",
    ]
    if review is None:
        lines[-1:-1] = comment(f"Er is (nog) geen zelfreview van {name} in deze cyclus.")
    for standard in _described(data, lines):
        answer = review.model.standards.get(standard.id) if review else None
        if answer is not None:
            lines += comment(f"Zelfreview: {OUTCOME_NL[answer.outcome]}", "  ", "  ")
            if answer.explanation:
                lines += comment(answer.explanation, "  ", "  | ")
        elif review is not None:
            lines += comment("Zelfreview: niet ingevuld", "  ", "  ")
        lines += [f"  # {standard.id}:", f"  #   outcome:{_OUTCOMES}", "  #   note: >-"]
    lines += ["", *_PARELS_OESTERS]
    return path, "\n".join(lines) + "\n"


_PARELS_OESTERS = [
    "# parels:            # wat de instelling uitzonderlijk goed doet",
    "#   - title:",
    "#     text: >-",
    "#     standards: []   # bijv. [A1, B2]",
    "#     share: false    # true: mag met de contactpersoon in het landelijk rapport",
    "#     contact: {name: , email: }",
    "",
    "# oesters:           # waar de instelling kan groeien",
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
    lines = [
        modeline(path.relative_to(net.root).as_posix(), "actions"),
        f"# Reflectie en actieplan van {name}, {data.cycle.model.title}",
        "#",
        *comment(
            "Zo vul je dit formulier in: schrijf jullie ambitie en maak van de oesters van de "
            "reviewdag acties. Haal het '# ' weg voor de regels die je invult (in VS Code: "
            "selecteer ze en druk Ctrl+/), en bij de eerste actie ook voor 'actions:'. Een "
            "actie heeft een code (uniek in dit bestand), wat, wie, een datum (JJJJ-MM-DD) en "
            "een status: open, in_progress, done of dropped."
        ),
        f"institution: {institution}",
        "# ambition:          # waar ligt onze ambitie voor de komende periode?",
        "",
    ]
    oesters = visit.model.oesters if visit else []
    if visit is None:
        lines += comment(f"Er is (nog) geen reviewdag van {name} vastgelegd in deze cyclus.")
    elif not oesters:
        lines += comment(f"De reviewdag van {visit.model.date.isoformat()} noemde geen oesters.")
    else:
        lines += comment(f"Startpunten: de oesters van de reviewdag op {visit.model.date}")
        for oester in oesters:
            refs = f" ({', '.join(oester.standards)})" if oester.standards else ""
            lines += ["#", *comment(f"{oester.title}{refs}", lead="  ")]
            lines += comment(oester.text, lead="    ")
            if oester.suggestion:
                lines += comment(f"Tip van het team: {oester.suggestion}", lead="    ")
    lines += ["", "# actions:"]
    ids: set[str] = set()
    starts = [(_slug(o.title, ids), ", ".join(o.standards)) for o in oesters] or [("actie-1", "")]
    for action, refs in starts:
        lines += [
            f"#   - id: {action}",
            "#     what:           # wat gaan jullie doen?",
            "#     owner:          # wie is verantwoordelijk: een rol of naam",
            "#     due:            # JJJJ-MM-DD",
            "#     status: open    # open | in_progress | done | dropped",
            f"#     standards: [{refs}]",
        ]
    return path, "\n".join(lines) + "\n"


def _slug(title: str, taken: set[str]) -> str:
    """A readable action id from a title: 'Naasten later betrokken' → 'naasten-later-betrokken'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    base = "-".join(words)[:40].rstrip("-") or "actie"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug
