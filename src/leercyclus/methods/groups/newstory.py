"""`leercyclus new story`: a story of value to fill in, the cycles of value explained above it."""

from __future__ import annotations

import json
import posixpath
import re
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from leercyclus.errors import UsageError
from leercyclus.methods.groups import data
from leercyclus.models.common import INSTITUTION_ID
from leercyclus.models.groups import ValueCycle
from leercyclus.repository.listing import CYCLES
from leercyclus.rules.schema import DEFAULT_FOLDER, KINDS

if TYPE_CHECKING:
    from leercyclus.loading.network import Network

WIDTH = 98

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Een verhaal van waarde uit cyclus {cycle}: wat het leren in een leernetwerk of"
        " intervisiegroep opleverde, verteld door iemand die erbij was.",
        "how": "Vul de velden met een commentaar erachter in en haal het commentaar weg. Een naam"
        " hoort hier niet: de verteller staat er met een rol, cliënten en collega's zonder naam."
        " `leercyclus check` zegt wat nog ontbreekt.",
        "cycles": "Welke waarde het leren had (één of meer, onder cycles_of_value):",
        "immediate": "immediate (direct): de bijeenkomst zelf was de moeite waard (steun,"
        " herkenning, energie)",
        "potential": "potential (potentieel): een inzicht, vaardigheid, contact of hulpmiddel om"
        " later te gebruiken",
        "applied": "applied (toegepast): het werk gaat anders (een vraag, een werkwijze, een"
        " afspraak)",
        "realized": "realized (gerealiseerd): het andere werk maakte verschil voor cliënten,"
        " naasten of collega's (noem onder evidence wat dat laat zien)",
        "reframing": "reframing (herdefinitie): we kijken anders naar wat goede zorg of succes is",
        "transformative": "transformative (transformatief): het veranderde de organisatie of het"
        " netwerk (noem onder evidence wat dat laat zien)",
        "f_title": "een korte titel",
        "f_teller": "de rol van de verteller (verpleegkundige, ervaringsdeskundige), nooit een"
        " naam",
        "f_groups": "de groepen waar het uit komt, bv. group:{cycle}/ln-samen-beslissen",
        "f_cycles": "bv. [immediate, applied]",
        "f_story": "het verhaal, in de woorden van de verteller (op de regels eronder)",
        "f_evidence": "wat het laat zien: action:…, group:…, een indicator",
        "f_share": "private (alleen in de repository) of network (alle deelnemers lezen het)",
    },
    "en": {
        "title": "A story of value from cycle {cycle}: what learning in a learning network or"
        " intervision group brought, told by someone who was there.",
        "how": "Fill in the fields that have a comment after them and remove the comment. No names"
        " here: the teller is a role, clients and colleagues go without a name."
        " `leercyclus check` says what is still missing.",
        "cycles": "The value the learning had (one or more, under cycles_of_value):",
        "immediate": "immediate: the meeting itself was worth it (support, recognition, energy)",
        "potential": "potential: an insight, skill, contact or tool to use later",
        "applied": "applied: the work is done differently (a question, a way of working, an"
        " agreement)",
        "realized": "realized: the changed work made a difference for clients, relatives or"
        " colleagues (name what shows it under evidence)",
        "reframing": "reframing: we see differently what good care or success is",
        "transformative": "transformative: it changed the organisation or the network (name what"
        " shows it under evidence)",
        "f_title": "a short title",
        "f_teller": "the teller's role (nurse, expert by experience), never a name",
        "f_groups": "the groups it comes from, e.g. group:{cycle}/ln-shared-decisions",
        "f_cycles": "e.g. [immediate, applied]",
        "f_story": "the story, in the teller's words (on the lines below)",
        "f_evidence": "what shows it: action:…, group:…, an indicator",
        "f_share": "private (in the repository only) or network (every participant reads it)",
    },
}


def story_path(root: Path, cycle: str, story: str) -> Path:
    """Where a story of `cycle` lives."""
    return root / CYCLES / cycle / "stories" / f"{story}.yaml"


def story_form(net: Network, cycle: str, story: str, groups: list[str]) -> tuple[Path, str]:
    """A story of value to fill in: its id and groups set, the rest to write, with the cycles of
    value explained. It does not pass `check` until its title, teller, story and value are in."""
    if not re.fullmatch(INSTITUTION_ID, story):
        raise UsageError(
            f"'{story}' cannot be a story's id",
            "use lower-case letters, digits and hyphens, e.g. drie-goede-vragen",
        )
    refs = [_group_ref(net, cycle, g) for g in groups]
    language = net.settings.model.language if net.settings is not None else "nl"
    words = TEXTS.get(language, TEXTS["nl"])
    path = story_path(net.root, cycle, story)
    rel = path.relative_to(net.root).as_posix()
    schema = f"{DEFAULT_FOLDER}/{KINDS['story'].file}"
    lines = [
        f"# yaml-language-server: $schema={posixpath.relpath(schema, posixpath.dirname(rel))}",
        *_comment(words["title"].format(cycle=cycle)),
        "#",
        *_comment(words["how"]),
        "#",
        *_comment(words["cycles"]),
        *(line for value in get_args(ValueCycle) for line in _comment(words[value], "  - ")),
        f"id: {story}",
        f"title:            # {words['f_title']}",
        f"teller:           # {words['f_teller']}",
        f"groups: [{', '.join(json.dumps(r) for r in refs)}]"
        + ("" if refs else f"   # {words['f_groups'].format(cycle=cycle)}"),
        f"cycles_of_value: []   # {words['f_cycles']}",
        f"story: >-         # {words['f_story']}",
        f"evidence: []      # {words['f_evidence']}",
        f"share: private    # {words['f_share']}",
    ]
    return path, "\n".join(lines) + "\n"


def _group_ref(net: Network, cycle: str, group: str) -> str:
    """`group:<cycle>/<id>` for a group of this cycle (`id`) or another (`cycle/id`)."""
    where, _, gid = group.rpartition("/")
    where = where or cycle
    if where not in net.cycles:
        cycles = ", ".join(net.cycle_order())  # one at least: the story's own
        raise UsageError(f"there is no cycle '{where}': the cycles are {cycles}")
    known = data.groups(net, where)
    if gid in net.cycles[where].failed.get("group", set()):
        raise UsageError(
            f"{CYCLES}/{where}/groups/{gid}.yaml has errors",
            "run `leercyclus check` and fix it first",
        )
    if gid not in known:
        there = ", ".join(known) or "none"
        raise UsageError(
            f"there is no group '{gid}' in cycle {where}",
            f"the groups of cycle {where} are: {there}",
        )
    return f"group:{where}/{gid}"


def _comment(text: str, lead: str = "") -> list[str]:
    """Text as wrapped comment lines, `lead` before the first and its width before the rest."""
    return textwrap.wrap(
        text, WIDTH, initial_indent=f"# {lead}", subsequent_indent="# " + " " * len(lead)
    )
