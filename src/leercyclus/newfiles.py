"""The cycle's bookkeeping: the next cycle from the last, and fill-in forms for one institution."""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leercyclus.errors import DataError, OutputError, UsageError
from leercyclus.models import Standard
from leercyclus.models.common import STANDARD_ID
from leercyclus.network import CycleData, Network, natural_key
from leercyclus.repo import CYCLES
from leercyclus.schema import DEFAULT_FOLDER, KINDS
from leercyclus.yamlio import RoundTrip, YamlProblem, load_text, suggest

WIDTH = 98
"""Where comment lines are wrapped."""

FORM_KINDS = {"self-review": "self-reviews", "visit": "visits", "actions": "actions"}
"""The forms `new` writes, and the folder of a cycle each goes to."""


def modeline(rel: str, kind: str) -> str:
    """The first line of a YAML file: its JSON Schema, relative to the file, for the editor."""
    schema = f"{DEFAULT_FOLDER}/{KINDS[kind].file}"
    return f"# yaml-language-server: $schema={posixpath.relpath(schema, posixpath.dirname(rel))}"


def scalar(text: str) -> str:
    """A text as a YAML value: plain where it reads back unchanged, else double-quoted."""
    import json

    try:
        plain = "#" not in text and load_text(f"k: {text}") == {"k": text}
    except YamlProblem:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def comment(
    text: str, indent: str = "", lead: str = "", hang: str | None = None, width: int = WIDTH
) -> list[str]:
    """Free text as wrapped comment lines: `lead` after the '# ' on the first line of a
    paragraph, `hang` (default: `lead`) on the lines after it; paragraphs apart by a '#'."""
    first, rest = f"{indent}# {lead}", f"{indent}# {lead if hang is None else hang}"
    lines: list[str] = []
    for n, paragraph in enumerate(re.split(r"\n\s*\n", text.strip())):
        if n:
            lines.append(f"{indent}#")
        wrapped = textwrap.wrap(
            " ".join(paragraph.split()),
            width,
            initial_indent=first,
            subsequent_indent=rest,
        )
        lines += [line.rstrip() for line in wrapped] or [first.rstrip()]
    return lines


def write_new(root: Path, files: dict[Path, str], force: bool) -> list[Path]:
    """Write every file, after checking that none exists (unless `force`): all are staged first,
    then each is renamed into place, so a failure leaves nothing half-written."""
    from leercyclus.write import publish, staging, write_text

    existing = [p for p in files if p.exists()]
    if existing and not force:
        shown = ", ".join(p.relative_to(root).as_posix() for p in existing[:5])
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        one = len(existing) == 1
        raise UsageError(
            f"{shown}{more} already exist{'s' if one else ''}: nothing was written",
            f"add --force to replace {'it' if one else 'them'}",
        )
    for path in existing:
        if not path.is_file():
            raise UsageError(f"{path.relative_to(root).as_posix()} is a folder, not a file")
    with staging(root) as stage:
        try:
            staged = [write_text(stage / p.relative_to(root), text) for p, text in files.items()]
        except OSError as exc:
            raise OutputError(f"cannot write into {root}: {exc.strerror or exc}") from None
        return publish(staged, stage, root)


def pick_cycle(net: Network, cycle: str | None) -> CycleData:
    """The named cycle, or the newest one, with a cycle.yaml that validates."""
    order = net.cycle_order()
    if not order:
        raise UsageError("the repository has no cycles yet", "start one with `leercyclus init`")
    if cycle is None:
        cycle = order[-1]
    if cycle not in net.cycles:
        raise UsageError(f"there is no cycle '{cycle}': the cycles are {_join(order)}")
    data = net.cycles[cycle]
    broken = sorted(data.failed.get("standard", set()), key=natural_key)
    parts = (["cycle.yaml"] if data.cycle is None else []) + [f"standard {s}" for s in broken]
    if parts:
        raise DataError(
            f"cycle {cycle} has files that cannot be read: {', '.join(parts)}",
            f"fix them first: `leercyclus check {net.root}` shows what is wrong",
        )
    return data


def ordered_standards(data: CycleData) -> list[Standard]:
    """The cycle's standards in report order: by domain as cycle.yaml lists them, then by id."""
    domains = [d.id for d in data.cycle.model.domains] if data.cycle else []

    def key(s: Standard) -> tuple[int, list[tuple[int, int | str]]]:
        rank = domains.index(s.domain) if s.domain in domains else len(domains)
        return rank, natural_key(s.id)

    return sorted((loaded.model for loaded in data.standards.values()), key=key)


# The next cycle --------------------------------------------------------------------------------


@dataclass
class NextCycle:
    """What `new cycle` planned: the files, and what the evaluation did to the standards."""

    cycle: str
    previous: str
    files: dict[Path, str] = field(default_factory=dict)
    copied: list[str] = field(default_factory=list)
    adjust: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    evaluated: bool = False
    theme: str | None = None


def next_cycle(net: Network, cycle: str, source: str | None, force: bool) -> NextCycle:
    """Plan cycles/<cycle>/ from `source` (default: the newest other cycle); writes nothing."""
    if not re.fullmatch(STANDARD_ID, cycle):
        raise UsageError(
            f"'{cycle}' is not a valid cycle id: use letters, digits, '.', '_' and '-', "
            "starting with a letter or digit, e.g. 2027"
        )
    folder = net.root / CYCLES / cycle
    if folder.exists() and not force:
        raise UsageError(
            f"{CYCLES}/{cycle}/ already exists: nothing was written",
            "choose another id, or add --force to replace its cycle.yaml and standards",
        )
    if source is None:
        others = [c for c in net.cycle_order() if c != cycle]
        source = others[-1] if others else None
    if source == cycle:
        raise UsageError(f"cycle {cycle} cannot follow itself: give another cycle with --from")
    data = pick_cycle(net, source)
    if "evaluation" in data.failed:
        raise DataError(
            f"{CYCLES}/{data.id}/evaluation.yaml does not validate",
            f"fix it first: `leercyclus check {net.root}` shows where",
        )
    assert data.cycle is not None
    plan = NextCycle(cycle, data.id, evaluated=data.evaluation is not None)
    verdicts = data.evaluation.model.standards if data.evaluation else {}
    theme = data.cycle.model.theme
    plan.theme = theme.title if theme else None
    old_folder = data.cycle.source.path.parent
    plan.files[folder / "cycle.yaml"] = _cycle_text(data, net.root, folder, plan.theme)
    for standard in ordered_standards(data):
        loaded = data.standards[standard.id]
        verdict = verdicts.get(standard.id)
        if verdict is not None and verdict.verdict == "drop":
            plan.dropped.append(standard.id)
            continue
        note = None
        if verdict is not None and verdict.verdict == "adjust":
            plan.adjust.append(standard.id)
            note = verdict.note or ""
        target = folder / loaded.source.path.relative_to(old_folder)
        source_path = loaded.source.path
        plan.files[target] = _standard_text(standard, source_path, target, net.root, data.id, note)
        plan.copied.append(standard.id)
    return plan


def _read(path: Path) -> Any:
    try:
        return RoundTrip.read(path).data
    except Exception as exc:  # noqa: BLE001 - ruamel's errors stay inside yamlio's reader
        raise DataError(f"cannot read {path} to copy it: {exc}") from None


def _same_style(old: Any, new: str) -> Any:
    """`new` as a scalar of the same kind as `old` (so `"2025"` stays double-quoted)."""
    return type(old)(new) if isinstance(old, str) else new


def _dump(data: Any, path: Path, root: Path, kind: str, header: list[str]) -> str:
    """The document without its old leading comments, under our own header."""
    text = RoundTrip(path, data).dumps()
    body = text.splitlines(keepends=True)
    while body and (not body[0].strip() or body[0].lstrip().startswith("#")):
        body.pop(0)
    rel = path.relative_to(root).as_posix()
    return "\n".join([modeline(rel, kind), *header]) + "\n" + "".join(body)


def _cycle_text(data: CycleData, root: Path, folder: Path, old_theme: str | None) -> str:
    assert data.cycle is not None
    doc = _read(data.cycle.source.path)
    old, cycle = data.id, folder.name
    doc["id"] = _same_style(doc["id"], cycle)
    title = str(doc["title"])
    pattern = rf"(?<![\w.-]){re.escape(old)}(?![\w.-])"
    new_title = re.sub(pattern, cycle, title) if re.search(pattern, title) else f"Cyclus {cycle}"
    doc["title"] = _same_style(doc["title"], new_title)
    if "theme" in doc:
        _drop_comments_above(doc, "theme")  # they describe the old theme
        del doc["theme"]
    if "previous" in doc:
        doc["previous"] = _same_style(doc["previous"], old)
    else:
        doc.insert(list(doc).index("title") + 1, "previous", _same_style(doc["id"], old))
    lines = ["Het thema van deze cyclus (mag weg): vul het in en haal de '# ' weg."]
    if old_theme:
        lines.append(f"Het thema van cyclus {old} was: {old_theme}.")
    lines += ["theme:", "  title:", "  questions:", "    -"]
    doc.yaml_set_comment_before_after_key("domains", before="\n".join(lines), indent=0)
    header = [f"# Cyclus {cycle}, voortgezet uit cyclus {old} met `leercyclus new cycle`."]
    return _dump(doc, folder / "cycle.yaml", root, "cycle", header)


def _drop_comments_above(doc: Any, key: str) -> None:
    """Remove the comment lines above `key` in a ruamel mapping, keeping an end-of-line comment
    of the value before it. ruamel keeps those lines with the previous value; where that value
    is a list or mapping they sit deeper, and are left alone."""
    keys = list(doc)
    at = keys.index(key)
    entry = doc.ca.items.get(keys[at - 1]) if at else None
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    end_of_line = entry[2].value.partition("\n")[0]
    if end_of_line.strip():
        entry[2].value = end_of_line + "\n"
    else:
        entry[2] = None


def _standard_text(
    standard: Standard, source: Path, target: Path, root: Path, old: str, note: str | None
) -> str:
    """The standard for the next cycle: `continues` set, and the evaluation's note to adjust."""
    doc = _read(source)
    doc["continues"] = _same_style(doc["id"], standard.id)  # the id as written: `1.10` stays
    if note is not None:
        lines = [
            f"AANPASSEN: de evaluatie van cyclus {old} vraagt de adviesraad deze standaard "
            "aan te passen. Haal dit commentaar weg als de tekst is aangepast."
        ]
        if note:
            lines.append(f"Uit de evaluatie: {note}")
        wrapped = [line[2:] for paragraph in lines for line in comment(paragraph)]
        doc.yaml_set_comment_before_after_key("text", before="\n".join(wrapped), indent=0)
    header = [f"# Standaard {standard.id} ({standard.title}), voortgezet uit cyclus {old}."]
    return _dump(doc, target, root, "standard", header)


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
    tail = f"did you mean '{hint}'?" if hint else f"the participants are {_join(participants)}"
    raise UsageError(f"'{institution}' does not take part in cycle {data.id}: {tail}")


def _join(items: Iterable[str]) -> str:
    return ", ".join(items) or "(none)"


# Forms for one institution -------------------------------------------------------------------

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
            f"{_join(others)}. Alleen network_staff mag dit weglaten.",
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
