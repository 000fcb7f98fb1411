"""The reference docs, generated: docs/format.md from the models, docs/rules.md from CODES."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from leercyclus.models.common import INSTITUTION_ID
from leercyclus.repository.findings import CODE_BLOCKS, CODES
from leercyclus.rules.schema import KINDS, base_schema
from leercyclus.rules.validate import ID_FIELD

TITLES = {
    "settings": "Network settings",
    "institutions": "Institutions",
    "cycle": "Cycle",
    "standard": "Standard",
    "self-review": "Self-review",
    "visit": "Review day",
    "actions": "Reflection and actions",
    "evaluation": "Evaluation",
    "indicator": "Indicator",
    "project": "Improvement project",
    "instrument": "Questionnaire (PREM, PROM)",
    "analysis": "Incident analysis",
    "documents": "Controlled documents (document control)",
    "audit-framework": "Samen-Audit framework",
    "audit": "Samen-Audit of a location",
    "audit-conversation": "Samen-Audit conversation",
    "people": "People in groups",
    "rotation": "Rotation of groups",
    "group": "Group (intervision, learning network)",
    "story": "Value-creation story",
    "national-day": "National day (landelijke dag)",
}

NOTES = {
    "settings": "Its presence marks the repository's root.",
    "cycle": "`participants` lists the institutions that take part; only they have self-reviews, "
    "review days and action plans in this cycle.",
    "self-review": "Dutch aliases are accepted for `outcome`: volledig, deels, niet, nvt.",
    "visit": "The team needs at least one `client` or `expert_by_experience`, and no member from "
    "the visited institution. Reports use the team's outcome where the team judged a standard, "
    "else the self-review's. A parel's `contact` appears in the national report only with "
    "`share: true`.",
    "actions": "Optional per institution. `check` warns about an action past its `due` date that "
    "is neither done nor dropped.",
    "indicator": "Its figures are a CSV file, `indicators/data/<indicator>.csv`, with the columns "
    "`period,institution,numerator,denominator,note` (see docs/improvement.md).",
    "project": "`check` warns about a plan without prediction, steps out of date order, a study "
    "step past its date and an active project past its `next_check`.",
    "instrument": "Answers are kept counted, never per person: "
    "`experience/<instrument>/<period>.csv` with `period,institution,item,answer,count`.",
    "analysis": "Only coded fields and de-identified texts: no narrative, no names, the month of "
    "the event and never its date. Its measures are action points that `check` follows.",
    "documents": "One register per institution. `check` warns about a document in force or under "
    "review past its review date (`review_by`, or `approved` + `review_every_months`); the "
    "institution's improvement overview shows the review calendar.",
    "institutions": "`locations` (with their `units`) are needed only for the Samen-Audit: an "
    "audit names its location, and a score may name a unit of it.",
    "audit-framework": "Frozen per cycle, like the standards. The scale's order is its meaning: "
    "reports compare levels by their place in it (an ordinal scale: no averages). "
    "`not_observed` is the score for a theme an observer did not see, never a level's id. The "
    "first conversation level is the team, which must discuss an audit within "
    "`discuss_within_days` of its last day (LC305); every escalation must be taken up by a "
    "later conversation at its level within as many days (LC306).",
    "audit": "The institution is the folder the file lies in (the file does not repeat it); "
    "the location must be one of its `locations` in institutions.yaml. Observers are roles "
    "with a perspective, never names; `check` warns about a score without observations, an "
    "audit with one observer, or none from a client or family perspective. `agreed` is the "
    "observers' score after their debrief (called consensus in early drafts); without it, "
    "reports show the observers' median.",
    "audit-conversation": "The institution is the folder above `conversations/`. A quiz "
    "result names its theme and counts answers per scale level: the tool's numbers, kept as "
    "conversation input and never added up across teams. `agreements` are actions of the "
    "shared action model, so `check` and `status` follow them like any action.",
    "people": "Optional. Names never leave the person's own group: network reports show roles "
    "and disciplines only.",
    "rotation": "Optional: how `leercyclus groups rotate` composes this cycle's groups of one kind "
    "from everyone's earlier groups.",
    "group": "Meetings' `actions` are the shared action model; `reviewed` lists the action points "
    "of earlier meetings that a meeting came back to. Only `shared: true` meetings and "
    "evaluations reach the network report.",
    "story": "Only `share: network` stories reach the network report; `teller` is a role, never a "
    "name.",
    "national-day": "Only shared parels (`share: true`) may be shown; participants are spread "
    "over the tables by `leercyclus report`, and no output names them. The `agreements` are "
    "actions that `check` follows.",
}

EXAMPLES = {
    "settings": """\
network: Kwaliteitsnetwerk Forensische Zorg
language: nl
formats: [html, docx]
national:
  min_group: 5
  extra_terms: [Project Noorderlicht]
""",
    "institutions": """\
institutions:
  - id: de-linde
    name: Zorggroep De Linde
    aliases: [De Linde, ZGL]
    city: Zwolle
  - id: het-anker
    name: Stichting Het Anker
    locations:
      - {id: de-horst, name: De Horst, units: [huiskamer-1, huiskamer-2]}
""",
    "cycle": """\
id: "2025"
title: Cyclus 2025
previous: "2024"
theme:
  title: Naasten betrekken
  questions: [Hoe betrekken jullie naasten bij het behandelplan?]
domains:
  - id: A
    title: Bejegening
  - id: B
    title: Naasten
participants: [de-linde, het-anker]
""",
    "standard": """\
id: A1
domain: A
title: Respectvolle bejegening
text: Cliënten en naasten ervaren dat zij met empathie, waardigheid en respect worden bejegend.
guidance: Denk aan de toon van gesprekken en het nakomen van afspraken.
type: 1
continues: A1
""",
    "self-review": """\
institution: de-linde
completed: 2025-02-20
participants: [teamleider kliniek, 2 cliënten, verpleegkundige]
standards:
  A1:
    outcome: met
    explanation: Bejegening staat in elk teamoverleg op de agenda.
    evidence: [Cliënttevredenheidsonderzoek 2024]
  B2:
    outcome: deels
    explanation: Naasten worden uitgenodigd, maar vaak pas na de eerste week.
theme: Naasten komen bij ons vaak pas laat in beeld.
""",
    "visit": """\
institution: de-linde
date: 2025-04-14
team:
  - name: Petra Jansen
    role: chair
    discipline: verpleegkundige
    institution: het-anker
  - name: Ruud Hendriks
    role: expert_by_experience
    institution: zeezicht
standards:
  A1:
    outcome: partly_met
    note: Bejegening is goed, maar niet op elke afdeling gelijk.
parels:
  - title: Herstelwerkplaats
    text: Cliënten geven zelf workshops aan medecliënten.
    standards: [A1]
    share: true
    contact: {name: Karin de Boer, email: k.deboer@example.org}
oesters:
  - title: Naasten later betrokken dan gewenst
    text: Naasten worden pas na enkele weken uitgenodigd.
    standards: [B2]
    suggestion: Nodig naasten uit bij het intakegesprek.
""",
    "actions": """\
institution: de-linde
ambition: Naasten hebben vanaf de intake een vaste plek in de behandeling.
actions:
  - id: naasten-intake
    what: Naasten uitnodigen bij het intakegesprek
    owner: teamleider kliniek
    due: 2025-09-01
    status: in_progress
    standards: [B2]
    progress: [{date: 2025-06-01, note: Eerste gesprekken met naasten gevoerd.}]
""",
    "evaluation": """\
standards:
  A1: {verdict: keep, note: Helder en herkenbaar.}
  B2: {verdict: adjust, note: Splitsen in intake en verdere behandeling.}
process: De reviewdagen waren goed voorbereid; de zelfreview kostte veel tijd.
""",
    "indicator": """\
id: naasten-intake
title: Intakes waarbij een naaste aanwezig is
source: own
kind: proportion
numerator: Aantal intakes waarbij een naaste aanwezig was
denominator: Aantal intakes
unit: percent
direction: higher_is_better
period: month
chart: auto
target: 60
baseline: {from: 2024-11, to: 2025-10}
phases: [{from: 2026-06, reason: Nieuw werkproces intake}]
standards: ["standard:2025/C1"]
""",
    "project": """\
id: naasten-intake
institution: de-linde
title: Naasten vanaf de intake betrekken
kind: care_process
triggers: ["oester:2025/de-linde/naasten-later"]
standards: ["standard:2025/C1"]
aim: In 2026 is bij ten minste 60 % van de intakes een naaste aanwezig.
measures: {outcome: ["indicator:naasten-intake"], process: [], balancing: []}
owner: teamleider kliniek
status: active
next_check: 2027-01-15
cycles:
  - n: 1
    plan:
      date: 2026-01-12
      change: Uitnodiging in de intakebrief
      prediction: 50 % na twee maanden
      who_what_when: Secretariaat per 1 februari
      study_by: 2026-03-31
    do: {date: 2026-02-01, observations: Eén afdeling gebruikte nog de oude brief.}
    study: {date: 2026-04-14, result: 55 % in februari en maart, prediction_held: "yes"}
    act: {date: 2026-04-20, decision: adapt, next: Ook telefonisch uitnodigen}
actions:
  - {id: brief-aanpassen, what: Intakebrief aanpassen, owner: secretariaat, due: 2026-02-01,
     status: done}
""",
    "instrument": """\
id: prem-herstel
kind: prem
title: Ervaringen met herstelgerichte zorg
scales:
  "1-10": {min: 1, max: 10, top_box: [9, 10]}
items:
  - {id: aandacht, text: Ik kreeg persoonlijke aandacht, scale: "1-10"}
min_respondents: 10
""",
    "analysis": """\
id: 2026-vim-03
institution: de-linde
kind: vim
method: prisma
event_month: 2026-03
analysed: 2026-04-16
transmural: true
organisations: [de-linde, het-anker]
root_causes:
  - {text: Overdrachtsformulier zonder vak voor afspraken met de naaste, ecm: OP}
actions:
  - {id: overdracht-naasten, what: Vak voor naasten in het overdrachtsformulier,
     owner: werkgroep protocollen, due: 2026-06-30, status: done}
lesson: Afspraken met naasten gaan alleen mee als het formulier er een plek voor heeft.
""",
    "documents": """\
institution: de-linde
documents:
  - {id: PR-07, title: Protocol naasten bij intake, kind: protocol, owner: teamleider kliniek,
     version: "3.1", approved: 2026-10-20, review_by: 2028-10-01, standards: ["standard:2026/C1"]}
  - {id: KB-01, title: Kwaliteitsbeleidsplan 2025-2027, kind: policy_plan, owner: bestuurder,
     version: "2.0", approved: 2025-01-20, review_every_months: 36}
""",
    "audit-framework": """\
scale:
  levels:
    - {id: "1", label: Zorgelijk}
    - {id: "2", label: Aandacht nodig}
    - {id: "3", label: Op orde}
    - {id: "4", label: Voorbeeld voor anderen}
  not_observed: true
themes:
  - id: medicatie
    kind: hard
    title: Medicatieveiligheid
    basic_safety: medicatieveiligheid
    look_fors: [Aftekenlijsten volledig, Medicatie afgesloten bewaard]
    questions:
      - Wat maakt dat het aftekenen hier wel of niet lukt?
  - id: zinvolle-dag
    kind: soft
    title: Zinvolle dag
levels:
  - {id: team, title: Teamoverleg}
  - {id: management, title: Managementteam}
  - {id: clientenraad, title: Cliëntenraad}
discuss_within_days: 42
""",
    "audit": """\
location: de-horst
dates: [2026-03-12, 2026-03-13]
observers:
  - {id: o1, role: kwaliteitsverpleegkundige, perspective: staff}
  - {id: o2, role: lid centrale cliëntenraad, perspective: client}
  - {id: o3, role: teamleider andere locatie, perspective: external}
scores:
  medicatie:
    - observer: o1
      unit: huiskamer-1
      score: "3"
      observations: [Aftekenlijst compleet; bewoners kregen uitleg bij hun medicatie.]
    - {observer: o2, score: not_observed}
  zinvolle-dag:
    - observer: o2
      score: "2"
      observations: [Zes bewoners zaten 's middags zonder activiteit in de huiskamer.]
agreed:
  zinvolle-dag: {score: "2", note: Iedereen zag hetzelfde middagpatroon.}
""",
    "audit-conversation": """\
id: team-de-horst-2026-04
level: team
date: 2026-04-02
locations: [de-horst]
participants: [teamleider, 6 zorgmedewerkers, 1 familielid]
quiz:
  - {theme: zinvolle-dag, answers: {"1": 0, "2": 3, "3": 5, "4": 1}}
meanings:
  - {theme: zinvolle-dag, text: We dachten dat de middag gevuld was; bewoners ervaren dat anders.}
unexpected: [Familie wil meedoen in de middag.]
agreements:
  - id: middagprogramma
    what: Met familie een middagprogramma maken
    owner: teamleider
    due: 2026-06-01
    themes: [zinvolle-dag]
escalate_to: [management]
""",
    "people": """\
people:
  - id: p01
    name: Anouk Verbeek
    role: professional
    discipline: verpleegkundige
    institution: de-linde
    avoid: [p04]
  - id: p19
    role: expert_by_experience
""",
    "rotation": """\
kind: intervision
groups: 3
size: {min: 8, max: 9}
require:
  - {role: [client, relative, expert_by_experience], min: 1}
  - {distinct: discipline, min: 4}
keep_together: [[p07, p20]]
seed: 2026
""",
    "group": """\
id: ig-noord
kind: intervision
title: Intervisiegroep Noord
facilitator: p02
members: [p01, p02, p05, p08, p13, p16, p19, p23]
planned_meetings: 5
accreditation: knov-mio
theme_angle: casuïstiek
meetings:
  - date: 2025-02-11
    hours: 2
    present: [p01, p02, p05, p08, p13, p16, p19, p23]
    method: incidentmethode
    case: Een naaste die pas na drie weken hoorde van de opname
    insights: [Toestemming vragen gebeurt één keer, bij de intake.]
    agreements: [We vragen in elk behandelplanoverleg opnieuw naar naasten.]
    actions:
      - {id: naasten-vraag, what: Vraag over naasten in het format, owner: p02, due: 2025-04-08}
    shared: true
  - date: 2025-04-08
    hours: 2
    present: [p01, p02, p05, p13, p16, p19, p23]
    method: balint
    reviewed: [naasten-vraag]
evaluations:
  - date: 2025-11-25
    helps: [Een vaste dag, het hele jaar vooruit gepland]
    hinders: [Roosters en diensten]
    shared: true
""",
    "story": """\
id: drie-goede-vragen
title: De 3 goede vragen op de afdeling
teller: psychiater
groups: ["group:2026/ln-samen-beslissen"]
cycles_of_value: [potential, applied]
story: Wat begon als een pilot is nu een vaste vraag in het behandelplanoverleg.
evidence: ["action:2026/ln-samen-beslissen/drie-vragen-2026"]
share: network
""",
    "national-day": """\
title: Landelijke dag 2026
date: 2027-02-04
place: Congrescentrum De Reehorst, Ede
organiser: Netwerkbureau
email: netwerkbureau@example.org
programme:
  - {start: "10:00", minutes: 30, title: Opening, room: Grote zaal}
  - {start: "10:30", minutes: 60, title: Parelmarkt, kind: parels, form: parelmarkt}
  - {start: "11:30", minutes: 75, title: Tafels, kind: tables, form: w3}
parels: ["parel:2026/de-linde/spiegelgesprekken-in-de-kliniek"]
tables:
  - {id: naasten, standard: "standard:2026/C3", seats: 8, room: Zaal 2}
participants:
  - {name: Anouk de Vries, institution: de-linde, discipline: verpleegkundige}
ambitions: [Elke instelling een familie-ervaringsdeskundige]
agreements:
  - {id: leerkring-naasten, what: Een landelijke leerkring naasten, owner: netwerkbureau,
     due: 2027-06-30}
""",
}
"""A valid example of every file kind (tests check them against the models and the schemas)."""

FORMAT_INTRO = """\
# File format reference

<!-- Generated by scripts/gen_docs.py from src/leercyclus/models/: do not edit by hand. -->

A network repository is a folder of YAML files in git. Keys are English; values (texts) are in
the network's own language. `parels` and `oesters` keep their Dutch names.

- A file's name equals the id it carries: `standards/A1.yaml` holds `id: A1`.
- Ids are read as the text that was written, quoted or not: `id: 2025` is the cycle "2025", and
  `id: 1.10` is the standard "1.10". Institution ids use lowercase letters, digits and hyphens;
  other ids letters, digits, `.`, `_` and `-`.
- Dates are written `YYYY-MM-DD`. Booleans are only `true` and `false` (`no` is the text "no").
- Unknown keys, duplicate keys and YAML tags are errors (except `!!str`, which keeps a value
  text: `!!str true`); `leercyclus check` says where and why. Anchors and aliases may repeat
  a value.

A file refers to an item in another file with a reference, `kind:path`, the same for every
learning method: `standard:2026/B2`, `action:2025/de-linde/naasten-intake`,
`parel:2026/de-linde/herstelwerkplaats` and `oester:2026/de-linde/naasten-later` (a parel or oester
is named by its title in lowercase, words joined by hyphens). `check` reports a reference to an
item that does not exist (LC030), with the closest one that does.

Editors help while typing: `leercyclus schema` writes a JSON Schema per file kind to `schemas/`
in the repository (or `--out DIR`). Point a file at its schema with a first line such as
`# yaml-language-server: $schema=../../schemas/cycle.schema.json`, or map them by path in the
editor's settings (`yaml.schemas` in VS Code).
"""

RULES_INTRO = """\
# Check rules

<!-- Generated by scripts/gen_docs.py from CODES in repository/findings.py: do not edit by hand. -->

`leercyclus check` reports every finding with its file, line, column and a stable code. Errors
make `check` exit with 1 and stop `report`; warnings do not, unless `--strict` turns them into
errors. `--format json` gives the same findings to tools, `--format github` as annotations.
Each area has its own block of codes (LC0xx, LC1xx, ...); a learning method keeps to its block.
"""


@dataclass(frozen=True, slots=True)
class Row:
    """One key of a file kind, as the reference table shows it."""

    key: str
    type: str
    need: str
    en: str
    nl: str


def rows(kind: str) -> list[Row]:
    """Every key of a file kind, nested keys after their parent, in the model's order."""
    schema = base_schema(kind)
    return list(_rows(schema, schema.get("$defs", {}), ""))


def _rows(node: dict[str, Any], defs: dict[str, Any], prefix: str) -> Iterator[Row]:
    required = set(node.get("required", []))
    for key, prop in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        need = "required" if key in required else _default(prop)
        en, nl = prop.get("description", ""), prop.get("x-description-nl", "")
        yield Row(path, _words(prop, defs, key), need, en, nl)
        inner = _nested(prop, defs, key)
        if inner is not None:
            yield from _rows(inner[0], defs, f"{path}{inner[1]}")


def _plain(node: dict[str, Any]) -> dict[str, Any]:
    """`X | None` as X: the None only says that the key is optional."""
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    return options[0] if len(options) == 1 else node


def _target(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any] | None:
    ref = _plain(node).get("$ref")
    return defs[ref.rsplit("/", 1)[-1]] if isinstance(ref, str) else None


def _nested(
    prop: dict[str, Any], defs: dict[str, Any], key: str
) -> tuple[dict[str, Any], str] | None:
    node = _plain(prop)
    if (target := _target(node, defs)) is not None:
        return target, "."
    if node.get("type") == "array" and (target := _target(node["items"], defs)) is not None:
        return target, "[]."
    for value in node.get("patternProperties", {}).values():
        if (target := _target(value, defs)) is not None:
            return target, f".<{_placeholder(key)}>."
        if value.get("type") == "array" and (target := _target(value["items"], defs)):
            return target, f".<{_placeholder(key)}>[]."
    return None


_PLACEHOLDERS = {"scores": "theme-id", "agreed": "theme-id", "answers": "level-id"}
"""Mappings whose keys are ids of something else than what the key's name says."""


def _placeholder(key: str) -> str:
    return _PLACEHOLDERS.get(key) or f"{key.removesuffix('s')}-id"


_PLURALS = {"text": "texts", "id": "ids", "institution id": "institution ids"}


def _words(prop: dict[str, Any], defs: dict[str, Any], key: str) -> str:
    """The type of a key in plain words."""
    node = _plain(prop)
    kind = node.get("type")
    if "$ref" in node:
        return "mapping (keys below)"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in dict.fromkeys(str(v) for v in node["enum"]))
    if kind == ["string", "number"]:
        return "institution id" if node.get("pattern") == INSTITUTION_ID else "id"
    if node.get("format") == "date":
        return "date (YYYY-MM-DD)"
    if kind == "array":
        if _target(node["items"], defs) is not None:
            each = "list of mappings (keys below)"
        else:
            item = _words(node["items"], defs, key)
            each = f"list of {_PLURALS[item]}" if item in _PLURALS else f"list, each {item}"
        return each + (", at least one" if node.get("minItems") else "")
    if kind == "object":
        value: dict[str, Any] = next(iter(node.get("patternProperties", {}).values()), {})
        shown = "mapping (keys below)" if _target(value, defs) else _words(value, defs, key)
        return f"mapping of `<{_placeholder(key)}>` to a {shown}"
    words = {"string": "text", "boolean": "`true` or `false`"}.get(str(kind))
    if kind == ["number", "string"]:
        words = "number"
    if words is None and kind == ["integer", "string"]:
        minimum = node.get("minimum")
        words = "whole number" + (f", at least {minimum}" if minimum is not None else "")
    return words or str(kind)


def _default(prop: dict[str, Any]) -> str:
    value = prop.get("default")
    if value in (None, [], {}) or isinstance(value, dict):
        return "optional"
    return f"default `{_flow(value)}`"


def _flow(value: Any) -> str:
    """A default as YAML writes it in flow style."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _title(kind: str) -> str:
    return TITLES.get(kind) or kind.replace("-", " ").capitalize()


def render_format() -> str:
    """docs/format.md: the layout, then per file kind its keys and an example."""
    out = [FORMAT_INTRO, "## Layout\n", "```text"]
    out += [f"{info.place:<50} {_title(name)}" for name, info in KINDS.items()]
    out += ["```\n"]
    for name, info in KINDS.items():
        out.append(f"## {_title(name)}: `{info.place}`\n")
        doc = base_schema(name).get("description", "")
        out.append(f"{doc} JSON Schema: `{info.file}`.")
        if name in ID_FIELD:
            owner = "folder's" if name == "cycle" else "file's"
            out.append(f"The {owner} name must equal its `{ID_FIELD[name]}`.")
        if name in NOTES:
            out.append(NOTES[name])
        out.append("")
        out += ["| Key | Type | Required | Description | Beschrijving |", "|---|---|---|---|---|"]
        for row in rows(name):
            cells = [f"`{row.key}`", row.type, row.need, row.en, row.nl]
            out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        if name in EXAMPLES:
            out += ["", "Example:", "", "```yaml", EXAMPLES[name].rstrip("\n"), "```"]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_rules() -> str:
    """docs/rules.md: every finding code with its severity and meaning."""
    out = [RULES_INTRO]
    for prefix, title in CODE_BLOCKS.items():
        if not any(code.startswith(prefix) for code in CODES):
            continue
        heading = f"{prefix}xx: {title[0].upper()}{title[1:]}"
        out += [f"## {heading}\n", "| Code | Severity | Meaning |", "|---|---|---|"]
        for code, (severity, meaning) in CODES.items():
            if code.startswith(prefix):
                out.append(f"| {code} | {severity} | {_cell(meaning)} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def generated_docs() -> dict[str, str]:
    """Every generated document: its path in the repository and its text."""
    return {"docs/format.md": render_format(), "docs/rules.md": render_rules()}
