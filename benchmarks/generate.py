"""Generate a realistic, fictional network repository of N institutions x M standards.

Usage: python benchmarks/generate.py OUT --institutions N --standards M [--cycles 2]
[--errors K] [--seed S]. The same arguments always give the same bytes. Free text is Dutch,
assembled from phrase pools so that no two explanations read alike; names, places and people
are fictional. `--errors K` plants one realistic mistake in each of K files of the newest cycle.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LATEST_YEAR = 2026
"""The newest cycle's year; with --cycles 2 the cycle before it is 2025."""

Doc = dict[str, Any]

# =============================================================================================
# Phrase pools (fictional names; Dutch text of the kind networks write)

PREFIXES = [
    "Zorggroep", "Stichting", "GGZ", "Forensisch Centrum", "Kliniek", "Herstelcentrum",
    "Behandelcentrum", "Zorgcentrum", "Psychiatrisch Centrum", "Woonzorg", "Verslavingszorg",
    "Jeugdzorg",
]  # fmt: skip
CORE_NAMES = [
    "De Linde", "Het Anker", "De Waterlelie", "Bosrand", "De Horizon", "Zeezicht", "De Eik",
    "Het Baken", "De Vuurtoren", "Duinrust", "Veldzicht", "De Meander", "Het Kompas", "De Brug",
    "Rivierduin", "Lindenhof", "De Beuk", "Het Roer", "De Boei", "Heuvelrug", "De Kern",
    "Zonnehoeve", "De Wissel", "Het Veer", "De Steiger", "Oosterpoort", "De Wilgen",
    "Het Lichtpunt", "De Hoeve", "Berkenstede", "De Sluis", "Het Dok", "Molenweide", "De Kaap",
    "Het Palet", "De Vlonder", "Eikenburg", "De Regenboog", "Het Wiel", "De Schakel", "Akkerhof",
    "De Dijk", "Het Haventje", "De Ooievaar", "Valkenhorst", "De Kastanje", "Het Spoor",
    "De Zwaluw", "Beekdal", "De Terp", "Het Bolwerk", "De Oever", "Hoogland", "De Wending",
    "Het Keerpunt", "De Wadden", "Nieuw Hoven", "De Esch", "Klaverweide", "De Lindeboom",
]  # fmt: skip
CITIES = [
    "Zwolle", "Deventer", "Leeuwarden", "Apeldoorn", "Groningen", "Assen", "Emmen", "Enschede",
    "Arnhem", "Nijmegen", "Utrecht", "Amersfoort", "Haarlem", "Alkmaar", "Leiden", "Delft",
    "Rotterdam", "Dordrecht", "Breda", "Tilburg", "Eindhoven", "'s-Hertogenbosch", "Venlo",
    "Maastricht", "Heerlen", "Middelburg", "Goes", "Lelystad", "Almere", "Hilversum", "Hoorn",
    "Den Helder", "Gouda", "Zaandam", "Ede", "Doetinchem", "Roermond", "Sneek", "Meppel",
    "Hengelo", "Oss", "Helmond", "Roosendaal", "Vlissingen",
]  # fmt: skip
FIRST_NAMES = [
    "Petra", "Sanne", "Ruud", "Hanneke", "Karin", "Joost", "Marieke", "Bas", "Ingrid", "Wouter",
    "Femke", "Erik", "Anouk", "Thijs", "Yvonne", "Mehmet", "Fatima", "Sjoerd", "Lotte", "Daan",
    "Esther", "Rik", "Nadia", "Gerrit", "Ilse", "Koen", "Miriam", "Hans", "Saskia", "Jeroen",
    "Annelies", "Youssef", "Wendy", "Pieter", "Linda", "Stefan", "Noor", "Arjen", "Priya", "Tom",
]  # fmt: skip
SURNAMES = [
    "Jansen", "de Vries", "Bakker", "Hendriks", "de Boer", "Visser", "Smit", "Meijer", "Mulder",
    "de Graaf", "van Dijk", "Bos", "Vos", "Peters", "Dekker", "van Leeuwen", "Brouwer", "de Wit",
    "Dijkstra", "Kok", "Jacobs", "van der Meer", "Willems", "Kuipers", "Postma", "Hoekstra",
    "Yilmaz", "El Amrani", "Verhoeven", "Scholten", "van den Berg", "Koster", "Prins", "Huisman",
]  # fmt: skip
NETWORK_NAMES = ["Herstelgerichte Zorg", "Forensische Zorg", "Langdurige GGZ", "Verslavingszorg"]
EXTRA_TERMS = ["Project Vlinder", "Paviljoen Noord", "De Oase", "Team Kompas", "Huize Zon"]
ROLES = [
    "teamleider kliniek", "2 cliënten", "verpleegkundige", "psychiater", "ervaringsdeskundige",
    "naaste", "regiebehandelaar", "lid cliëntenraad", "kwaliteitsfunctionaris", "psycholoog",
    "sociotherapeut", "lid familieraad",
]  # fmt: skip
DISCIPLINES = [
    "verpleegkundige", "psycholoog", "psychiater", "sociotherapeut", "maatschappelijk werker",
    "vaktherapeut", "verpleegkundig specialist", "teamleider",
]  # fmt: skip
OWNERS = [
    "teamleider kliniek", "regiebehandelaar", "kwaliteitsfunctionaris", "manager behandelzaken",
    "coördinator ervaringsdeskundigheid", "teamleider ambulant", "bestuurder", "opleidingsadviseur",
]  # fmt: skip

# Domains: title, then (standard title, topic as a noun phrase) pairs.
DOMAINS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Bejegening", [
        ("Respectvolle bejegening", "de respectvolle bejegening van cliënten"),
        ("Gastvrijheid", "een gastvrij ontvangst op elke afdeling"),
        ("Privacy en persoonlijke ruimte", "de persoonlijke ruimte van cliënten"),
        ("Omgaan met onvrede", "het bespreken van onvrede en klachten"),
        ("Cultuursensitief werken", "aandacht voor cultuur en levensbeschouwing"),
        ("Taal en communicatie", "begrijpelijke taal in gesprekken en brieven"),
        ("Bejegening bij crisis", "een rustige benadering in crisissituaties"),
    ]),
    ("Regie en samen beslissen", [
        ("Eigen behandelplan", "het samen opstellen van het behandelplan"),
        ("Samen beslissen", "gezamenlijke besluitvorming over de behandeling"),
        ("Eigen doelen", "doelen in de woorden van de cliënt zelf"),
        ("Inzage in het dossier", "inzage van cliënten in hun eigen dossier"),
        ("Keuzes in behandeling", "keuzevrijheid tussen behandelvormen"),
        ("Evaluatie van de zorg", "het regelmatig evalueren van de zorg met de cliënt"),
        ("Zelfmanagement", "ondersteuning bij zelfmanagement"),
    ]),
    ("Naasten", [
        ("Naasten bij de start", "het betrekken van naasten bij de intake"),
        ("Vast contactpunt", "een vast aanspreekpunt voor naasten"),
        ("Informatie voor naasten", "heldere informatie voor naasten"),
        ("Steun aan naasten", "steun voor naasten die het zwaar hebben"),
        ("Triadisch werken", "triadisch werken in het hele zorgproces"),
        ("Kinderen als naaste", "aandacht voor kinderen van cliënten"),
        ("Naasten en privacy", "afspraken over wat er met naasten gedeeld wordt"),
    ]),
    ("Veiligheid", [
        ("Signaleringsplan", "actuele signaleringsplannen"),
        ("Voorkomen van dwang", "het voorkomen van dwang en drang"),
        ("Veilig leefklimaat", "een veilig leefklimaat op de afdeling"),
        ("Nazorg na incidenten", "nabespreking en nazorg na incidenten"),
        ("Suïcidepreventie", "het bespreekbaar maken van suïcidale gedachten"),
        ("Medicatieveiligheid", "veilig voorschrijven en verstrekken van medicatie"),
        ("Agressiehantering", "de-escalerend werken bij spanning"),
    ]),
    ("Herstel en dagbesteding", [
        ("Herstelgericht werken", "herstelgericht werken in de dagelijkse zorg"),
        ("Zinvolle dagbesteding", "een zinvolle dagbesteding voor iedere cliënt"),
        ("Werk en opleiding", "ondersteuning bij werk, studie en vrijwilligerswerk"),
        ("Ervaringsdeskundigheid", "de inzet van ervaringsdeskundigen"),
        ("Weekendprogramma", "een zinvol programma in de weekenden"),
        ("Lichamelijke gezondheid", "aandacht voor bewegen, voeding en slaap"),
        ("Sociale contacten", "het onderhouden van sociale contacten buiten de instelling"),
    ]),
    ("Medewerkers", [
        ("Deskundigheid", "de deskundigheid van medewerkers"),
        ("Inwerken", "het inwerken van nieuwe medewerkers en invalkrachten"),
        ("Intervisie", "intervisie en reflectie in de teams"),
        ("Werkdruk", "een werkbare werkdruk voor de teams"),
        ("Leren van fouten", "een open cultuur waarin fouten besproken worden"),
        ("Vaste gezichten", "continuïteit van vaste medewerkers"),
        ("Scholing", "structurele scholing voor alle disciplines"),
    ]),
    ("Overgangen in zorg", [
        ("Zorgvuldige overdracht", "een zorgvuldige overdracht tussen teams"),
        ("Ontslag en nazorg", "een goed voorbereid ontslag met nazorg"),
        ("Samenwerking met de huisarts", "de samenwerking met huisarts en wijkteam"),
        ("Wachttijd", "contact met cliënten tijdens de wachttijd"),
        ("Terugval", "snelle hulp bij dreigende terugval"),
        ("Overplaatsing", "het voorbereiden van cliënten op een overplaatsing"),
        ("Ketenpartners", "afspraken met ketenpartners in de regio"),
    ]),
    ("Organisatie en leiderschap", [
        ("Visie op zorg", "een gedeelde visie op herstelgerichte zorg"),
        ("Zichtbaar leiderschap", "zichtbaar leiderschap op de werkvloer"),
        ("Cliëntenraad", "de invloed van de cliëntenraad"),
        ("Kwaliteitsbeleid", "een lerend kwaliteitsbeleid"),
        ("Verbetercultuur", "het vertalen van feedback naar verbeteringen"),
        ("Informatievoorziening", "betrouwbare informatie over de zorg"),
        ("Verantwoording", "open verantwoording over resultaten"),
    ]),
    ("Behandeling", [
        ("Diagnostiek", "zorgvuldige diagnostiek aan het begin van de behandeling"),
        ("Richtlijnen", "het werken volgens actuele richtlijnen"),
        ("Behandelaanbod", "een passend en breed behandelaanbod"),
        ("Medicatiebeleid", "het samen beslissen over medicatie"),
        ("Somatische screening", "lichamelijke screening bij opname"),
        ("Verslaving", "aandacht voor middelengebruik"),
        ("Trauma", "traumasensitief werken"),
    ]),
    ("Wonen en leefomgeving", [
        ("Huiselijke sfeer", "een huiselijke sfeer op de afdeling"),
        ("Eigen kamer", "een eigen kamer met ruimte voor persoonlijke spullen"),
        ("Huisregels", "huisregels die samen met cliënten zijn opgesteld"),
        ("Buitenruimte", "vrije toegang tot een buitenruimte"),
        ("Rust en prikkels", "een prikkelarme omgeving waar dat nodig is"),
        ("Maaltijden", "gezonde en gezamenlijke maaltijden"),
        ("Toegankelijkheid", "een toegankelijk gebouw voor iedereen"),
    ]),
]  # fmt: skip
ASPECTS = [
    "in de nacht", "in het weekend", "bij opname", "in de ambulante zorg", "bij langdurig verblijf",
    "voor jongeren", "voor ouderen", "in de kliniek",
]  # fmt: skip

SUBJECTS = [
    "Het team", "De teamleider", "Iedere nieuwe medewerker", "De behandelaar",
    "De persoonlijk begeleider", "De verpleegkundige", "Onze ervaringsdeskundige",
    "Het multidisciplinair overleg", "De cliëntenraad", "De afdeling", "De regiebehandelaar",
    "De familievertrouwenspersoon", "De kwaliteitsfunctionaris", "Het managementteam",
]  # fmt: skip
VERBS = [
    "bespreekt {t}", "legt afspraken over {t} vast in het dossier", "besteedt aandacht aan {t}",
    "evalueert {t} samen met de cliënt", "maakt {t} bespreekbaar", "neemt {t} mee in het plan",
    "vraagt cliënten naar hun ervaringen met {t}", "werkt met een vaste werkwijze voor {t}",
    "houdt de voortgang rond {t} bij", "geeft voorlichting over {t}",
]  # fmt: skip
WHEN = [
    "in het wekelijkse werkoverleg", "tijdens de dagelijkse overdracht", "twee keer per jaar",
    "bij elke evaluatie van het behandelplan", "sinds de reorganisatie van vorig jaar",
    "op alle afdelingen", "vooral op de klinische afdelingen", "in de eerste zes weken na opname",
    "ook in de avond- en weekenddiensten", "met een vaste agenda", "samen met de naasten",
]  # fmt: skip
HOW_WELL = ["goed", "steeds beter", "redelijk", "wisselend", "nog niet overal"]
WHERE = [
    "op de vaste afdelingen", "overdag", "bij de ambulante teams", "in de kliniek",
    "op de langverblijfafdelingen", "in het beschermd wonen",
]  # fmt: skip
PROBLEMS = [
    "in de weekenden werken we nog veel met invalkrachten",
    "bij drukte schiet het er soms bij in",
    "het wordt nog niet overal consequent vastgelegd",
    "cliënten weten niet altijd waar ze terecht kunnen",
    "naasten worden nog te laat betrokken",
    "de werkwijze is nog niet bij alle nieuwe medewerkers bekend",
    "de roosters maken het lastig om vaste afspraken na te komen",
    "de registratie kost meer tijd dan we zouden willen",
]  # fmt: skip
MEASURES = [
    ("scholing", "voor alle teams een scholing over {t}", "organiseren"),
    ("ervaringsdeskundigen", "de ervaringsdeskundigen vaker bij {t}", "betrekken"),
    ("werkgroep", "met de cliëntenraad een werkgroep over {t}", "starten"),
    ("teamdag", "van {t} een vast onderwerp op de teamdag", "maken"),
    ("audit", "met een dossieraudit", "na|gaan hoe het staat met {t}"),
    ("werkinstructie", "de werkinstructie over {t} in begrijpelijke taal", "herschrijven"),
    ("folder", "samen met cliënten en naasten een folder over {t}", "maken"),
    ("aandachtsfunctionaris", "per team een aandachtsfunctionaris voor {t}", "aanwijzen"),
]  # fmt: skip
"""Improvements: an id word, the object and the verb ('|' splits a separable verb for 'te')."""
PLAN_OPENERS = ["We willen het komende jaar", "Het team heeft afgesproken om", "Daarom gaan we"]
PROGRESS = [
    "Eerste bijeenkomst van de werkgroep gehouden.", "Plan besproken in het managementteam.",
    "Scholing gegeven aan twee van de drie teams.", "De cliëntenraad om advies gevraagd.",
    "Uitgesteld door personeelstekort; er is een nieuwe planning gemaakt.",
    "Concept besproken met ervaringsdeskundigen en naasten.",
    "Afgerond en geëvalueerd met de teams.",
]  # fmt: skip
EVIDENCE = [
    "Cliënttevredenheidsonderzoek {y}", "Verslag teamdag november {y}", "Dossieraudit {y}",
    "Jaarverslag klachtencommissie {y}", "Notulen cliëntenraad maart {y}", "ROM-rapportage {y}",
    "Werkinstructie {title}", "Evaluatie familieavond {y}",
]  # fmt: skip
STANDARD_ENDS = [
    "ook op momenten van spanning", "afgestemd op hun eigen wensen en mogelijkheden",
    "in alle fasen van de zorg", "door iedereen in de instelling",
]  # fmt: skip
STANDARD_MORE = [
    "Medewerkers weten wat dit in hun dagelijkse werk betekent.",
    "De instelling evalueert dit regelmatig samen met cliënten en naasten.",
    "Afspraken hierover zijn vastgelegd en voor iedereen te vinden.",
    "Dit geldt voor alle afdelingen en in alle diensten.",
]  # fmt: skip
GUIDANCE_EXAMPLES = [
    "de manier waarop afspraken worden vastgelegd", "de rol van naasten",
    "wat cliënten hierover zeggen in het tevredenheidsonderzoek",
    "de avond, de nacht en het weekend",
    "het inwerken van nieuwe medewerkers", "hoe het team hierop reflecteert",
    "de inbreng van ervaringsdeskundigen", "voorbeelden uit de dagelijkse praktijk",
]  # fmt: skip
GUIDANCE_MORE = [
    "Het gaat er niet om dat alles op papier staat, maar dat cliënten het merken.",
    "Beschrijf in de zelfreview ook wat nog niet goed gaat.",
    "Laat in de toelichting zien hoe cliënten en naasten hierover denken.",
    "Geef waar het kan een voorbeeld uit de praktijk.",
]  # fmt: skip
SOURCES = [
    "de verslagen van het multidisciplinair overleg", "de evaluaties met de cliëntenraad",
    "de resultaten van de laatste dossieraudit", "gesprekken met naasten",
    "het jaarverslag van de klachtencommissie", "de uitkomsten van de ROM-metingen",
    "de notulen van de teamdagen",
]  # fmt: skip
QUOTES = [
    "Ik voel me hier echt gehoord.", "Soms moet ik lang wachten voordat iemand tijd heeft.",
    "Het helpt dat ik mijn eigen doelen mag opschrijven.", "In het weekend is er weinig te doen.",
    "Mijn moeder weet nu eindelijk bij wie ze terecht kan.",
    "Ze nemen me serieus, ook als ik boos ben.", "Ik wist niet dat ik mijn dossier mocht inzien.",
    "De ervaringsdeskundige begrijpt wat ik bedoel.",
]  # fmt: skip
THEME_QUESTIONS = [
    "Wat willen jullie hierin het komende jaar leren van andere instellingen?",
    "Wat merken cliënten en naasten hier nu al van?",
]
SPEAKERS = ["cliënt", "naaste", "lid van de cliëntenraad", "medewerker", "ervaringsdeskundige"]
TEAM_SAW = ["zag", "hoorde in de gesprekken", "constateerde", "merkte tijdens de rondleiding"]
TEAM_FINDINGS = [
    "er op de afdelingen veel aandacht is voor {t}",
    "de afspraken over {t} niet overal bekend zijn",
    "cliënten positief zijn over {t}", "medewerkers {t} op verschillende manieren uitleggen",
    "{t} in de praktijk sterker is dan de zelfreview doet vermoeden",
    "naasten nog weinig merken van {t}", "{t} goed is ingebed in de dagelijkse routine",
]  # fmt: skip
TEAM_VIEWS = [
    "De zelfreview is op dit punt strenger dan wat het team zag.",
    "Het team sluit zich aan bij het oordeel in de zelfreview.",
    "Cliënten bevestigen wat in de zelfreview staat.",
    "Het team oordeelt hier iets kritischer dan de instelling zelf.",
    "Dit punt kwam in bijna alle gesprekken terug.",
]  # fmt: skip
PAREL_TITLES = [
    "Herstelwerkplaats", "Naastenspreekuur", "Kookclub met de wijk", "Ervaringsdeskundige intake",
    "Triadekaart in elk gesprek", "Open dag voor naasten", "Herstelacademie", "Wandelgroep",
    "Eigen-regiekaart", "Buddyproject", "Teamreflectie na elke dienst", "Digitale dagstructuur",
    "Lotgenotengroep voor naasten", "Werkervaringsplekken in de wijk", "Rustkamer zonder dwang",
]  # fmt: skip
OESTER_TITLES = [
    "Naasten later betrokken dan gewenst", "Weinig activiteiten in het weekend",
    "Signaleringsplannen niet actueel", "Onbekendheid cliëntvertrouwenspersoon",
    "Overdracht in de huiskamer", "Veel wisselende invalkrachten", "Behandelplan in vaktaal",
    "Nazorg na incidenten niet vastgelegd", "Weinig zicht op lichamelijke gezondheid",
    "Ontslag zonder warme overdracht",
]  # fmt: skip
THEMES = [
    ("Naasten betrekken", "Hoe en wanneer betrekken jullie naasten bij de behandeling?"),
    ("Ervaringsdeskundigheid", "Welke plek hebben ervaringsdeskundigen in jullie teams?"),
    ("Leefklimaat", "Hoe weten jullie hoe cliënten het leefklimaat ervaren?"),
]  # fmt: skip


def improvement(rng: random.Random, topic: str, *, with_om: bool) -> str:
    """An improvement as an infinitive phrase: 'een folder over X maken' (or 'om ... te maken')."""
    _, what, verb = rng.choice(MEASURES)
    return f"{what} {infinitive(verb, with_te=with_om)}".format(t=topic)


def infinitive(verb: str, *, with_te: bool) -> str:
    """'maken' or 'te maken'; 'na|gaan' gives 'nagaan' or 'na te gaan'."""
    if "|" in verb:
        return verb.replace("|", " te " if with_te else "")
    return f"te {verb}" if with_te else verb


def sentence(rng: random.Random, topic: str, *, first: bool = False) -> str:
    """One sentence of a self-review about `topic`, of one of six kinds."""
    kind = rng.choices(range(6), (35, 0, 12, 0, 0, 0) if first else (35, 15, 12, 15, 8, 15))[0]
    if kind == 0:
        verb = rng.choice(VERBS).format(t=topic)
        return f"{rng.choice(SUBJECTS)} {verb} {rng.choice(WHEN)}."
    if kind == 1:
        return f"Dat lukt {rng.choice(HOW_WELL)} {rng.choice(WHERE)}, maar {rng.choice(PROBLEMS)}."
    if kind == 2:
        return rng.choice(
            [
                f"In het cliënttevredenheidsonderzoek van {LATEST_YEAR - 1} gaven cliënten "
                f"gemiddeld een {rng.randint(60, 89) / 10:.1f} voor {topic}.".replace(".", ",", 1),
                f"{rng.randint(55, 95)} procent van de cliënten is tevreden over {topic}.",
                f"Bij een audit van {rng.randint(15, 40)} dossiers waren in {rng.randint(8, 15)} "
                f"dossiers afspraken over {topic} vastgelegd.",
            ]
        )
    if kind == 3:
        opener = rng.choice(PLAN_OPENERS)
        return f"{opener} {improvement(rng, topic, with_om=opener.endswith('om'))}."
    if kind == 4:
        return f"Een {rng.choice(SPEAKERS)} zei hierover: '{rng.choice(QUOTES)}'"
    return f"Dit blijkt onder meer uit {rng.choice(SOURCES)}."


def sentences(rng: random.Random, topic: str, low: int, high: int) -> str:
    """Between `low` and `high` varied sentences about `topic`."""
    count = rng.randint(low, high)
    return " ".join(sentence(rng, topic, first=n == 0) for n in range(count))


def team_note(rng: random.Random, topic: str) -> str:
    """What a review team writes about one standard: one or two sentences."""
    first = f"Het team {rng.choice(TEAM_SAW)} dat {rng.choice(TEAM_FINDINGS).format(t=topic)}."
    if rng.random() < 0.5:
        return first
    return f"{first} {rng.choice([*TEAM_VIEWS, sentence(rng, topic)])}"


# =============================================================================================
# A small YAML emitter: block style, folded text, quoted only where YAML needs it

_PLAIN = re.compile(r"[A-Za-zÀ-ÿ](?:[^:#\[\]{},\"'\n]*[^:#\[\]{},\"'\n ])?")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
_WRAP: dict[int, re.Pattern[str]] = {}
FOLD_AT = 72
"""Texts longer than this become folded block scalars (`>-`), wrapped as an editor would."""


def scalar(value: object) -> str:
    """One scalar as YAML text: plain where safe, else double-quoted (JSON is valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | dt.date):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def _wrapped(text: str, indent: int) -> list[str]:
    width = 100 - indent
    pattern = _WRAP.get(width)
    if pattern is None:
        pattern = _WRAP[width] = re.compile(rf"(.{{1,{width}}})(?: |$)")
    pad = " " * indent
    return [pad + line for line in pattern.findall(text) if line]


def _is_flow_list(items: list[Any]) -> bool:
    short = all(isinstance(i, str) and len(i) < 30 and _PLAIN.fullmatch(i) for i in items)
    return short and sum(len(i) + 2 for i in items) < 70


def emit_map(data: Doc, indent: int, out: list[str]) -> None:
    """Append the lines of a block mapping at `indent` to `out`."""
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, dict):
            if list(value) == ["verdict"]:
                out.append(f"{pad}{key}: {{verdict: {value['verdict']}}}")
            else:
                out.append(f"{pad}{key}:")
                emit_map(value, indent + 2, out)
        elif isinstance(value, list):
            if not value or _is_flow_list(value):
                out.append(f"{pad}{key}: [{', '.join(value)}]")
            else:
                out.append(f"{pad}{key}:")
                _emit_list(value, indent + 2, out)
        elif isinstance(value, str) and len(value) > FOLD_AT:
            out.append(f"{pad}{key}: >-")
            out.extend(_wrapped(value, indent + 2))
        else:
            out.append(f"{pad}{key}: {scalar(value)}")


def _emit_list(items: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            start = len(out)
            emit_map(item, indent + 2, out)
            out[start] = f"{pad}- {out[start][indent + 2 :]}"
        elif isinstance(item, str) and len(item) > FOLD_AT:
            out.append(f"{pad}- >-")
            out.extend(_wrapped(item, indent + 2))
        else:
            out.append(f"{pad}- {scalar(item)}")


def dump(data: Doc, comment: str) -> str:
    """A whole file: a comment line, then the mapping."""
    out = [f"# {comment}"]
    emit_map(data, 0, out)
    return "\n".join(out) + "\n"


# =============================================================================================
# The network's fixed parts: institutions, domains, standards


@dataclass(frozen=True, slots=True)
class Institution:
    """A fictional institution; `short` is how people call it in free text."""

    id: str
    name: str
    short: str
    city: str
    has_plan: bool

    def as_data(self) -> Doc:
        acronym = "".join(w[0] for w in self.name.split() if w[0].isupper())
        aliases = [self.short] + ([acronym] if len(acronym) >= 2 else [])
        return {"id": self.id, "name": self.name, "aliases": aliases, "city": self.city}


def slug(text: str) -> str:
    """An id from a name: lowercase ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def make_institutions(rng: random.Random, count: int) -> list[Institution]:
    """`count` institutions with Dutch-looking names and unique ids; most get an action plan."""
    pairs = [(core, city) for core in CORE_NAMES for city in CITIES]
    if count > len(pairs):
        raise ValueError(f"at most {len(pairs)} institutions can be named")
    rng.shuffle(pairs)
    used: set[str] = set()
    out = []
    for n, (core, city) in enumerate(pairs[:count]):
        short = core if core not in used else f"{core} {city}"
        used.add(core)
        name = f"{rng.choice(PREFIXES)} {short}"
        out.append(Institution(slug(short), name, short, city, has_plan=n % 7 != 6))
    return out


@dataclass(frozen=True, slots=True)
class StandardInfo:
    """A standard: its id, domain and the topic its texts are about."""

    id: str
    domain: str
    title: str
    topic: str


def make_standards(rng: random.Random, count: int) -> tuple[list[Doc], list[StandardInfo]]:
    """Six to ten domains (fewer for few standards) and `count` standards spread over them."""
    chosen = rng.sample(DOMAINS, min(count, rng.randint(6, 10)))
    domains = [{"id": chr(ord("A") + n), "title": t} for n, (t, _) in enumerate(chosen)]
    sizes = [count // len(chosen)] * len(chosen)
    for n in rng.sample(range(len(chosen)), count % len(chosen)):
        sizes[n] += 1
    infos = []
    for domain, (_, topics), size in zip(domains, chosen, sizes, strict=True):
        for k in range(size):
            title, topic = topics[k % len(topics)]
            if k >= len(topics):
                aspect = ASPECTS[(k // len(topics) - 1 + k) % len(ASPECTS)]
                title, topic = f"{title} {aspect}", f"{topic} {aspect}"
            infos.append(StandardInfo(f"{domain['id']}{k + 1}", domain["id"], title, topic))
    return domains, infos


def person(rng: random.Random) -> str:
    """A fictional person's name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def day(rng: random.Random, year: int, first: tuple[int, int], last: tuple[int, int]) -> dt.date:
    """A random date between two (month, day) points of `year`."""
    start, end = dt.date(year, *first), dt.date(year, *last)
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# =============================================================================================
# Planted errors: each changes one file so that `check` reports errors in that file only

Plant = Callable[[Doc, random.Random], None]


def _key_typo(doc: Doc, rng: random.Random) -> None:
    item = doc["standards"][rng.choice(list(doc["standards"]))]
    item["explenation"] = item.pop("explanation", "Nog in te vullen.")


def _unknown_standard(doc: Doc, rng: random.Random) -> None:
    key = rng.choice(list(doc["standards"]))
    doc["standards"] = {(k + "0" if k == key else k): v for k, v in doc["standards"].items()}


def _bad_outcome(doc: Doc, rng: random.Random) -> None:
    doc["standards"][rng.choice(list(doc["standards"]))]["outcome"] = "gedeeltelijk"


def _no_client(doc: Doc, rng: random.Random) -> None:  # noqa: ARG001
    for member in doc["team"]:
        if member["role"] in ("client", "expert_by_experience"):
            member["role"] = "professional"


def _own_member(doc: Doc, rng: random.Random) -> None:
    rng.choice(doc["team"][:3])["institution"] = doc["institution"]


def _bad_date(doc: Doc, rng: random.Random) -> None:
    rng.choice(doc["actions"])["due"] = f"{LATEST_YEAR + 1}-02-30"


def _bad_status(doc: Doc, rng: random.Random) -> None:
    rng.choice(doc["actions"])["status"] = "bezig"


def _duplicate_action(doc: Doc, rng: random.Random) -> None:  # noqa: ARG001
    doc["actions"][1]["id"] = doc["actions"][0]["id"]


def _parel_standard(doc: Doc, rng: random.Random) -> None:
    doc["parels"][0]["standards"] = [rng.choice(["Z1", "X12"])]


def _no_change(doc: Doc, rng: random.Random) -> None:  # noqa: ARG001
    """The tab is planted in the text, after emitting."""


PLANTS: list[tuple[str, str, Plant]] = [
    ("self-reviews", "key typo: explenation", _key_typo),
    ("visits", "bad outcome: gedeeltelijk", _bad_outcome),
    ("actions", "impossible due date", _bad_date),
    ("self-reviews", "unknown standard id", _unknown_standard),
    ("visits", "team without client or expert by experience", _no_client),
    ("actions", "unknown status: bezig", _bad_status),
    ("visits", "team member from the visited institution", _own_member),
    ("actions", "duplicate action id", _duplicate_action),
    ("visits", "parel names an unknown standard", _parel_standard),
    ("self-reviews", "tab used for indentation", _no_change),
]
"""What --errors plants, in this order, each in a different file."""


def choose_plants(
    rng: random.Random, insts: list[Institution], year: int, count: int
) -> dict[str, tuple[str, Plant]]:
    """`count` distinct files of the newest cycle, and the error each one gets."""
    plants: dict[str, tuple[str, Plant]] = {}
    for n in range(count):
        folder, what, plant = PLANTS[n % len(PLANTS)]
        free = [
            f"cycles/{year}/{folder}/{i.id}.yaml"
            for i in insts
            if (i.has_plan or folder != "actions")
            and f"cycles/{year}/{folder}/{i.id}.yaml" not in plants
        ]
        if not free:
            raise ValueError(f"cannot plant {count} errors in a network this small")
        plants[rng.choice(free)] = (what, plant)
    return plants


# =============================================================================================
# Writing files


@dataclass
class Generated:
    """What was written: the root, the number of files and bytes, and the planted errors."""

    root: Path
    files: int = 0
    bytes: int = 0
    planted: dict[str, str] = field(default_factory=dict)


@dataclass
class Writer:
    """Writes documents under the root, planting an error where one is due."""

    result: Generated
    seed: int
    plants: dict[str, tuple[str, Plant]]
    dense: bool = False
    """Self-reviews with short explanations and long evidence lists: many small values."""

    def rng(self, rel: str) -> random.Random:
        """A generator per file, so each file depends only on the seed and its own path."""
        return random.Random(f"{self.seed}:{rel}")

    def write(self, rel: str, doc: Doc, comment: str) -> None:
        plant = self.plants.get(rel)
        if plant is not None:
            plant[1](doc, self.rng(rel + "#error"))
            self.result.planted[rel] = plant[0]
        text = dump(doc, comment)
        if plant is not None and plant[1] is _no_change:
            text = text.replace("\n    outcome:", "\n\toutcome:", 1)
        path = self.result.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.result.files += 1
        self.result.bytes += len(data)


@dataclass
class CycleWriter:
    """Writes one cycle's files."""

    w: Writer
    year: int
    previous: int | None
    infos: list[StandardInfo]
    everyone: list[Institution]
    shared: list[str] = field(default_factory=list)
    """References to the parels the visits mark `share: true` (the national day shows some)."""

    def rel(self, *parts: str) -> str:
        return "/".join(("cycles", str(self.year), *parts))

    def cycle(self, domains: list[Doc], members: list[Institution], network: str) -> None:
        rel = self.rel("cycle.yaml")
        rng = self.w.rng(rel)
        doc: Doc = {"id": str(self.year), "title": f"Cyclus {self.year}"}
        if self.previous is not None:
            doc["previous"] = str(self.previous)
        title, question = THEMES[self.year % len(THEMES)]
        doc["theme"] = {"title": title, "questions": [question, rng.choice(THEME_QUESTIONS)]}
        doc["domains"] = domains
        doc["participants"] = [i.id for i in members]
        self.w.write(rel, doc, f"Cyclus {self.year} van het {network}")

    def standard(self, info: StandardInfo) -> None:
        rel = self.rel("standards", info.domain, f"{info.id}.yaml")
        rng = self.w.rng(rel)
        text = (
            f"Cliënten en hun naasten ervaren dat er zorg is voor {info.topic}, "
            f"{rng.choice(STANDARD_ENDS)}. {rng.choice(STANDARD_MORE)}"
        )
        examples = rng.sample(GUIDANCE_EXAMPLES, 3)
        guidance = f"Denk aan {examples[0]}, {examples[1]} en {examples[2]}. " + " ".join(
            rng.sample(GUIDANCE_MORE, rng.randint(1, 2))
        )
        doc: Doc = {"id": info.id, "domain": info.domain, "title": info.title, "text": text}
        doc["guidance"] = guidance
        doc["type"] = rng.choices((1, 2, 3), (3, 5, 2))[0]
        if self.previous is not None and rng.random() < 0.9:
            doc["continues"] = info.id
        self.w.write(rel, doc, f"Standaard {info.id} ({info.title}) van cyclus {self.year}")

    def self_review(self, inst: Institution) -> dt.date:
        rel = self.rel("self-reviews", f"{inst.id}.yaml")
        rng = self.w.rng(rel)
        completed = day(rng, self.year, (1, 10), (3, 20))
        standards: Doc = {}
        for info in self.infos:
            item: Doc = {"outcome": rng.choices(OUTCOMES, (45, 35, 10, 10))[0]}
            item["explanation"] = sentences(rng, info.topic, 2, 5)
            if rng.random() < 0.5:
                evidence = rng.choice(EVIDENCE)
                item["evidence"] = [evidence.format(y=self.year - 1, title=info.title.lower())]
            if self.w.dense:
                item["explanation"] = item["explanation"].split(". ")[0][:60].rstrip(".") + "."
                item["evidence"] = [f"verslag {info.id} deel {n}" for n in range(1, DENSE + 1)]
            standards[info.id] = item
        doc: Doc = {
            "institution": inst.id,
            "completed": completed,
            "participants": rng.sample(ROLES, rng.randint(3, 7)),
            "standards": standards,
            "theme": sentences(rng, "het thema van dit jaar", 3, 5),
        }
        self.w.write(rel, doc, f"Zelfreview {self.year} van {inst.name}")
        return completed

    def visit(self, inst: Institution, after: dt.date) -> dict[str, str]:
        rel = self.rel("visits", f"{inst.id}.yaml")
        rng = self.w.rng(rel)
        others = [i for i in rng.sample(self.everyone, 4) if i.id != inst.id][:3]
        team = [
            {"name": person(rng), "role": "chair", "discipline": rng.choice(DISCIPLINES),
             "institution": others[0].id},
            {"name": person(rng), "role": "professional", "discipline": rng.choice(DISCIPLINES),
             "institution": others[1].id},
            {"name": person(rng), "role": "expert_by_experience", "institution": others[2].id},
            {"name": person(rng), "role": "network_staff"},
        ]  # fmt: skip
        judged: Doc = {}
        for info in self.infos:
            if rng.random() < 0.85:
                item: Doc = {"outcome": rng.choices(OUTCOMES, (50, 33, 9, 3))[0]}
                if rng.random() < 0.75:
                    item["note"] = team_note(rng, info.topic)
                judged[info.id] = item
        by_id = {i.id: i for i in self.infos}
        parels = []
        for sid in rng.sample(list(by_id), min(len(by_id), rng.randint(2, 3))):
            text = sentences(rng, by_id[sid].topic, 3, 5)
            parel: Doc = {"title": rng.choice(PAREL_TITLES), "text": text, "standards": [sid]}
            parel["share"] = rng.random() < 0.5
            if parel["share"]:
                name = person(rng)
                email = f"{slug(name).replace('-', '.')}@{inst.id}.example.org"
                parel["contact"] = {"name": name, "email": email}
            parels.append(parel)
        titles = [p["title"] for p in parels]  # a title twice: its reference names the first
        self.shared += [
            f"parel:{self.year}/{inst.id}/{slug(p['title'])}"
            for p in parels
            if p["share"] and titles.count(p["title"]) == 1
        ]
        oesters = []
        for sid in rng.sample(list(by_id), min(len(by_id), rng.randint(2, 3))):
            text = f"{team_note(rng, by_id[sid].topic)} {sentence(rng, by_id[sid].topic)}"
            oester: Doc = {"title": rng.choice(OESTER_TITLES), "text": text, "standards": [sid]}
            tip = improvement(rng, by_id[sid].topic, with_om=True)
            oester["suggestion"] = f"Overweeg om {tip}."
            oesters.append(oester)
        doc: Doc = {
            "institution": inst.id,
            "date": after + dt.timedelta(days=rng.randint(14, 90)),
            "team": team,
            "standards": judged,
            "parels": parels,
            "oesters": oesters,
        }
        self.w.write(rel, doc, f"Reviewdag {self.year} bij {inst.name}")
        return {o["standards"][0]: o["title"] for o in oesters}

    def actions(self, inst: Institution, oesters: dict[str, str]) -> None:
        rel = self.rel("actions", f"{inst.id}.yaml")
        rng = self.w.rng(rel)
        by_id = {i.id: i for i in self.infos}
        targets = list(oesters) + rng.sample(list(by_id), min(len(by_id), rng.randint(1, 3)))
        actions: list[Doc] = []
        for sid in targets:
            word, what, verb = rng.choice(MEASURES)
            action: Doc = {"id": f"{word}-{sid.lower()}-{len(actions) + 1}"}
            what = f"{what} {infinitive(verb, with_te=False)}".format(t=by_id[sid].topic)
            action["what"] = what[0].upper() + what[1:]
            action["owner"] = rng.choice(OWNERS)
            done = rng.random() < (0.4 if self.year == LATEST_YEAR else 0.8)
            if done:
                action["due"] = day(rng, self.year, (6, 1), (11, 15))
                action["status"] = "done"
            else:
                action["due"] = day(rng, LATEST_YEAR + 1, (1, 15), (10, 31))
                action["status"] = rng.choice(["open", "in_progress"])
            action["standards"] = [sid]
            notes = rng.sample(PROGRESS[:-1], rng.randint(0, 2)) + (PROGRESS[-1:] if done else [])
            dates = sorted(day(rng, self.year, (7, 1), (11, 15)) for _ in notes)
            if notes:
                action["progress"] = [
                    {"date": d, "note": n} for d, n in zip(dates, notes, strict=True)
                ]
            actions.append(action)
        ambition = (
            f"Over een jaar merken cliënten en naasten dat er meer aandacht is voor "
            f"{by_id[targets[0]].topic}. {sentences(rng, by_id[targets[-1]].topic, 1, 2)}"
        )
        doc: Doc = {"institution": inst.id, "ambition": ambition, "actions": actions}
        self.w.write(rel, doc, f"Actieplan {self.year} van {inst.name}")

    def evaluation(self) -> None:
        rel = self.rel("evaluation.yaml")
        rng = self.w.rng(rel)
        verdicts: Doc = {}
        for info in self.infos:
            verdict = rng.choices(("keep", "adjust", "drop"), (80, 15, 5))[0]
            verdicts[info.id] = {"verdict": verdict}
            if verdict != "keep":
                verdicts[info.id]["note"] = sentences(rng, info.topic, 2, 4)
        doc = {"standards": verdicts, "process": sentences(rng, "de reviewdagen", 5, 8)}
        self.w.write(rel, doc, f"Evaluatie van cyclus {self.year}")


OUTCOMES = ("met", "partly_met", "not_met", "not_applicable")
# =============================================================================================
# The Samen-Audit (only with --audits N): locations, a framework per cycle, audits, conversations

AUDIT_THEMES = [
    ("medicatie", "hard", "Medicatieveiligheid"),
    ("decubitus", "hard", "Decubituspreventie"),
    ("vrijheid", "hard", "Vrijheid en vrijheidsbeperking"),
    ("acp", "hard", "Proactieve zorgplanning"),
    ("aandacht", "soft", "Aandacht voor de persoon"),
    ("zinvolle-dag", "soft", "Zinvolle dag"),
    ("sfeer", "soft", "Sfeer in de huiskamer"),
    ("eten", "soft", "Eten en drinken"),
]
AUDIT_LEVELS = [
    ("team", "Teamoverleg"),
    ("management", "Managementteam"),
    ("bestuur", "Raad van bestuur"),
    ("clientenraad", "Centrale cliëntenraad"),
]
LOCATION_NAMES = [
    *("De Esch", "Het Hooghuis", "De Akker", "Vlinderhof", "De Hoeve", "Het Veld"),
    *("De Boomgaard", "Zonnewende", "De Wilgen", "Het Spijker", "De Meent", "Rietland"),
]
OBSERVERS = [
    ("o1", "kwaliteitsverpleegkundige", "staff"),
    ("o2", "lid cliëntenraad", "client"),
    ("o3", "teamleider van een andere locatie", "external"),
]


def audit_locations(count: int) -> list[Doc]:
    """`count` locations of an institution, each with two units."""
    return [
        {"id": slug(LOCATION_NAMES[n % len(LOCATION_NAMES)]) + (f"-{n}" if n >= 12 else ""),
         "name": LOCATION_NAMES[n % len(LOCATION_NAMES)] + (f" {n}" if n >= 12 else ""),
         "units": ["huiskamer-1", "huiskamer-2"]}
        for n in range(count)
    ]  # fmt: skip


def write_audits(cw: CycleWriter, members: list[Institution], count: int) -> None:
    """A cycle's framework, an audit of each member's locations, and its conversations."""
    rel = cw.rel("audit", "framework.yaml")
    labels = ["Zorgelijk", "Aandacht nodig", "Op orde", "Voorbeeld voor anderen"]
    framework: Doc = {
        "scale": {"levels": [{"id": str(n + 1), "label": label} for n, label in enumerate(labels)]},
        "themes": [
            {"id": tid, "kind": kind, "title": title,
             "look_fors": [f"Wat bewoners merken van {title.lower()}"]}
            for tid, kind, title in AUDIT_THEMES
        ],
        "levels": [{"id": lid, "title": title} for lid, title in AUDIT_LEVELS],
        "discuss_within_days": 42,
    }  # fmt: skip
    cw.w.write(rel, framework, f"Samen-Audit {cw.year}")
    latest = cw.year == LATEST_YEAR
    for inst in members:
        for loc in audit_locations(count):
            rel = cw.rel("audit", inst.id, f"{loc['id']}.yaml")
            rng = cw.w.rng(rel)
            audited = day(rng, cw.year, (3, 1), (3, 20))
            scores: Doc = {}
            for tid, _, title in AUDIT_THEMES:
                base = rng.randint(1, 4)
                scores[tid] = [
                    {"observer": oid, "unit": loc["units"][n % 2],
                     "score": str(min(4, max(1, base + rng.choice((-1, 0, 0, 1))))),
                     "observations": [sentence(rng, title.lower(), first=True)]}
                    for n, (oid, _, _) in enumerate(OBSERVERS)
                ]  # fmt: skip
            doc: Doc = {
                "location": loc["id"],
                "dates": [audited],
                "observers": [{"id": o, "role": r, "perspective": p} for o, r, p in OBSERVERS],
                "scores": scores,
                "agreed": {tid: {"score": items[1]["score"]} for tid, items in scores.items()},
            }
            cw.w.write(rel, doc, f"Samen-Audit {cw.year}: {loc['name']}")
            talk = f"team-{loc['id']}"
            due = day(rng, LATEST_YEAR + 1, (1, 15), (10, 31)) if latest else audited
            cw.w.write(cw.rel("audit", inst.id, "conversations", f"{talk}.yaml"), {
                "id": talk, "level": "team", "date": audited + dt.timedelta(days=21),
                "locations": [loc["id"]],
                "participants": ["teamleider", f"{rng.randint(4, 9)} zorgmedewerkers"],
                "quiz": [{"theme": "zinvolle-dag", "answers": {"2": rng.randint(0, 5),
                                                               "3": rng.randint(0, 5)}}],
                "meanings": [{"theme": "zinvolle-dag", "text": sentence(rng, "de middag")}],
                "agreements": [{"id": "afspraak",
                                "what": improvement(rng, "de middag", with_om=False),
                                "owner": "teamleider", "due": max(due, audited),
                                "status": "open" if latest else "done",
                                "themes": ["zinvolle-dag"]}],
                "escalate_to": ["management"],
            }, f"Teamgesprek {loc['name']}")  # fmt: skip
        talk = "management"
        cw.w.write(cw.rel("audit", inst.id, "conversations", f"{talk}.yaml"), {
            "id": talk, "level": "management", "date": dt.date(cw.year, 5, 15),
            "participants": ["bestuurder", "locatiemanagers"],
        }, f"Managementoverleg {inst.name}")  # fmt: skip


# =============================================================================================
# Intervision groups (only with --people N) and the national day (only with --national-day)

GROUP_SIZE = 8
"""Members of an intervision group: one client or expert by experience, seven professionals."""
MEETING_DATES = [(2, 10), (4, 14), (6, 9), (9, 15)]
CASES = [
    "Een cliënt die niet wil praten over terugval",
    "Een naaste die zich buitengesloten voelt bij het ontslag",
    "Een collega die de afspraken over separatie anders uitlegt",
    "Een ervaringsdeskundige die niet werd uitgenodigd voor het overleg",
    "Een cliënt die zijn behandelplan niet herkent",
    "Een dilemma over het delen van informatie met de huisarts",
]
METHODS = ["incidentmethode", "balint", "vijf-stappen", "dilemmamethode", "spiegelgesprek"]


def write_people_and_groups(w: Writer, everyone: list[Institution], people: int, year: int) -> None:
    """people.yaml (`people` people, one in eight a client or expert by experience) and, in the
    cycle of `year`, intervision groups of eight: four meetings each, an action point per
    meeting taken up at the next, and an evaluation with next steps."""
    rng = w.rng("people.yaml")
    found: list[Doc] = []
    for n in range(people):
        inst = everyone[n % len(everyone)]
        item: Doc = {"id": f"p{n + 1:04d}", "name": person(rng)}
        if n % GROUP_SIZE == 0:
            item["role"] = rng.choice(["client", "expert_by_experience"])
        else:
            item["role"] = "professional"
            item["discipline"] = DISCIPLINES[(n + n // GROUP_SIZE) % len(DISCIPLINES)]
        item["institution"] = inst.id
        found.append(item)
    w.write("people.yaml", {"people": found}, "Iedereen die meedoet aan intervisie")
    for g, first in enumerate(range(0, people - people % GROUP_SIZE, GROUP_SIZE)):
        gid = f"intervisie-{g + 1:03d}"
        rel = f"cycles/{year}/groups/{gid}.yaml"
        rng = w.rng(rel)
        members = [p["id"] for p in found[first : first + GROUP_SIZE]]
        meetings: list[Doc] = []
        for m, (month, mday) in enumerate(MEETING_DATES):
            absent = rng.choice(members[1:])
            meeting: Doc = {
                "date": dt.date(year, month, mday),
                "hours": 2,
                "present": [pid for pid in members if pid != absent],
                "method": rng.choice(METHODS),
                "case": rng.choice(CASES),
                "insights": [sentence(rng, "de casus", first=True)],
                "agreements": [f"We gaan {improvement(rng, 'de casus', with_om=False)}."],
            }
            if m:
                meeting["reviewed"] = [f"actie-{m}"]
            if m < len(MEETING_DATES) - 1:
                next_month, next_day = MEETING_DATES[m + 1]
                what = improvement(rng, "de casus", with_om=False)
                meeting["actions"] = [{
                    "id": f"actie-{m + 1}",
                    "what": what[0].upper() + what[1:],
                    "owner": rng.choice(members),
                    "due": dt.date(year, next_month, next_day),
                    "status": "done",
                }]  # fmt: skip
            meetings.append(meeting)
        evaluation: Doc = {
            "date": dt.date(year, 11, 25),
            "goal_vs_practice": sentences(rng, "de intervisie", 2, 3),
            "helps": ["Een vaste dag en tijd, het hele jaar vooruit gepland"],
            "hinders": ["Roosters en diensten: niet iedereen kan elke keer"],
            "next": [{
                "id": "volgend-jaar",
                "what": "Nieuwe groepen voorstellen met de rotatie",
                "owner": members[1],
                "due": day(rng, year + 1, (2, 1), (6, 30)),
                "status": "open",
            }],
        }  # fmt: skip
        doc: Doc = {
            "id": gid,
            "kind": "intervision",
            "title": f"Intervisiegroep {g + 1}",
            "goal": "Leren van elkaars casuïstiek rond het jaarthema",
            "facilitator": members[1],
            "members": members,
            "planned_meetings": len(MEETING_DATES),
            "meetings": meetings,
            "evaluations": [evaluation],
        }
        w.write(rel, doc, f"Intervisiegroep {g + 1} van cyclus {year}")


NATIONAL_TABLES = 10
"""Tables of the national day, each about one standard of the newest cycle."""


def write_national_day(cw: CycleWriter, members: list[Institution]) -> None:
    """The national day that closes the newest cycle: a programme, up to eight shared parels,
    a table per standard for the first ten standards, and two participants per institution
    (at most 400, seated at the tables)."""
    rel = cw.rel("national-day.yaml")
    rng = cw.w.rng(rel)
    guests = [(inst, d) for inst in members[:200] for d in rng.sample(DISCIPLINES, 2)]
    tables = cw.infos[:NATIONAL_TABLES]
    seats = -(-len(guests) // len(tables))
    programme = [
        ("09:30", 30, "Inloop met koffie", "break", None, None),
        ("10:00", 30, "Opening en de cyclus in vogelvlucht", "plenary", "Grote zaal", None),
        ("10:30", 60, "Parelmarkt", "parels", "Foyer", "parelmarkt"),
        ("11:30", 75, "Tafels over de gedeelde oesters", "tables", "Zalen 1-10", "w3"),
        ("12:45", 45, "Lunch", "break", None, None),
        (
            "13:30",
            60,
            "Onze ambitie voor de komende cyclus",
            "ambitions",
            "Grote zaal",
            "1-2-4-all",
        ),
        ("14:30", 30, "Afspraken en afsluiting", "plenary", "Grote zaal", None),
    ]
    blocks: list[Doc] = []
    for start, minutes, title, kind, room, form in programme:
        block: Doc = {"start": start, "minutes": minutes, "title": title, "kind": kind}
        block.update({"room": room} if room else {})
        block.update({"form": form} if form else {})
        blocks.append(block)
    doc: Doc = {
        "title": f"Landelijke dag {cw.year}",
        "date": dt.date(cw.year + 1, 2, 4),
        "place": "Congrescentrum De Reehorst, Ede",
        "organiser": "Netwerkbureau",
        "programme": blocks,
        "parels": list(dict.fromkeys(cw.shared))[:8],
        "tables": [
            {"id": f"tafel-{n + 1}", "standard": f"standard:{cw.year}/{info.id}",
             "title": info.title, "seats": seats, "room": f"Zaal {n + 1}"}
            for n, info in enumerate(tables)
        ],
        "participants": [
            {"name": person(rng), "institution": inst.id, "discipline": discipline}
            for inst, discipline in guests
        ],
    }  # fmt: skip
    cw.w.write(rel, doc, f"De landelijke dag die cyclus {cw.year} afsluit")


DENSE = 25
"""Evidence entries per answer in a --dense network."""


def generate(
    out: Path,
    institutions: int,
    standards: int,
    *,
    cycles: int = 1,
    errors: int = 0,
    seed: int = 1,
    dense: bool = False,
    audits: int = 0,
    indicators: int = 0,
    periods: int = 60,
    people: int = 0,
    national_day: bool = False,
) -> Generated:
    """Write a network repository of `institutions` x `standards` into `out` (new or empty);
    with `indicators`, also that many indicator series of `periods` months per institution;
    with `audits`, that many audited locations per institution; with `people`, that many
    people in intervision groups of eight in the newest cycle; with `national_day`, the day
    that closes the newest cycle."""
    if institutions < 5 or standards < 1 or cycles < 1:
        raise ValueError("need at least 5 institutions, 1 standard and 1 cycle")
    if out.exists() and any(out.iterdir()):
        raise ValueError(f"{out} is not empty: give a new or empty folder")
    rng = random.Random(seed)
    everyone = make_institutions(rng, institutions)
    domains, infos = make_standards(rng, standards)
    years = [LATEST_YEAR - cycles + 1 + n for n in range(cycles)]
    result = Generated(out)
    writer = Writer(result, seed, choose_plants(rng, everyone, years[-1], errors), dense)
    network = f"Kwaliteitsnetwerk {rng.choice(NETWORK_NAMES)}"
    national = {"min_group": 5, "extra_terms": rng.sample(EXTRA_TERMS, 3)}
    settings = {"network": network, "language": "nl", "formats": ["html", "docx"]}
    writer.write("leercyclus.yaml", {**settings, "national": national}, f"Instellingen {network}")
    register = {"institutions": [i.as_data() for i in everyone]}
    if audits:  # the Samen-Audit's locations, per institution
        for item in register["institutions"]:
            item["locations"] = audit_locations(audits)
    writer.write("institutions.yaml", register, f"Register van het {network}")
    for n, year in enumerate(years):
        members = everyone if year == years[-1] else [i for i in everyone if rng.random() < 0.9]
        cw = CycleWriter(writer, year, years[n - 1] if n else None, infos, everyone)
        cw.cycle(domains, members, network)
        for info in infos:
            cw.standard(info)
        for inst in members:
            oesters = cw.visit(inst, cw.self_review(inst))
            if inst.has_plan:
                cw.actions(inst, oesters)
        cw.evaluation()
        if audits:
            write_audits(cw, members, audits)
        if national_day and year == years[-1]:
            write_national_day(cw, members)
    if people:
        write_people_and_groups(writer, everyone, people, years[-1])
    if indicators:
        write_indicators(result, everyone, indicators, periods, seed)
    return result


INDICATOR_KINDS = (
    ("proportion", "percent", "higher_is_better", "Intakes met een naaste", "Intakes"),
    ("rate", "per_1000", "lower_is_better", "Separaties", "Verpleegdagen"),
    ("proportion", "percent", "higher_is_better", "Signaleringsplannen besproken", "Bewoners"),
    ("rate", "per_1000", "lower_is_better", "Valincidenten", "Verpleegdagen"),
)


def write_indicators(
    result: Generated, everyone: list[Institution], count: int, periods: int, seed: int
) -> None:
    """indicators/<id>.yaml and indicators/data/<id>.csv: every institution, every month, with a
    level per institution, binomial or Poisson noise, and a shift in some series. A random
    generator of its own, so that the rest of the network stays byte for byte the same."""
    rng = random.Random(seed * 7919 + 17)
    first_year = LATEST_YEAR - (periods + 11) // 12 + 1
    months = [f"{first_year + k // 12}-{k % 12 + 1:02d}" for k in range(periods)]
    for n in range(count):
        kind, unit, direction, numerator, denominator = INDICATOR_KINDS[n % len(INDICATOR_KINDS)]
        ind_id = f"indicator-{n + 1:03d}"
        doc = {
            "id": ind_id,
            "title": f"{numerator} ({n + 1})",
            "kind": kind,
            "numerator": numerator,
            "denominator": denominator,
            "unit": unit,
            "direction": direction,
            "period": "month",
            "baseline": {"from": months[0], "to": months[min(11, periods - 1)]},
        }
        path = result.root / "indicators" / f"{ind_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dump(doc, f"Indicator {n + 1} van het benchmarknetwerk").encode("utf-8")
        path.write_bytes(data)
        lines = ["period,institution,numerator,denominator,note"]
        for inst in everyone:
            level = rng.uniform(0.2, 0.7) if kind == "proportion" else rng.uniform(1.0, 5.0)
            shift_at = rng.randrange(periods) if rng.random() < 0.2 else periods
            for k, month in enumerate(months):
                here = level * (1.25 if k >= shift_at else 1.0)
                if kind == "proportion":
                    size = rng.randint(20, 60)
                    value = sum(rng.random() < min(here, 0.95) for _ in range(size))
                else:
                    size = rng.randint(1200, 2400)
                    value = _poisson(rng, here * size / 1000)
                lines.append(f"{month},{inst.id},{value},{size},")
        table = ("\n".join(lines) + "\n").encode("utf-8")
        csv_path = result.root / "indicators" / "data" / f"{ind_id}.csv"
        csv_path.parent.mkdir(parents=True, exist_ok=True)
        csv_path.write_bytes(table)
        result.files += 2
        result.bytes += len(data) + len(table)


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth; fine for the small means of a month)."""
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def main(argv: list[str] | None = None) -> int:
    """Command line: python benchmarks/generate.py OUT --institutions N --standards M ..."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="a new or empty folder")
    parser.add_argument("--institutions", type=int, required=True)
    parser.add_argument("--standards", type=int, required=True)
    parser.add_argument("--cycles", type=int, default=1)
    parser.add_argument("--errors", type=int, default=0, help="plant errors in this many files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--indicators", type=int, default=0, help="indicator series to add")
    parser.add_argument("--periods", type=int, default=60, help="months per indicator series")
    parser.add_argument(
        "--dense",
        action="store_true",
        help="short explanations and 25 evidence entries per answer: many small values per MB",
    )
    parser.add_argument(
        "--audits", type=int, default=0, help="Samen-Audit: audited locations per institution"
    )
    parser.add_argument(
        "--people", type=int, default=0, help="people in intervision groups of eight (newest cycle)"
    )
    parser.add_argument(
        "--national-day", action="store_true", help="the national day that closes the newest cycle"
    )
    args = parser.parse_args(argv)
    try:
        made = generate(
            args.out,
            args.institutions,
            args.standards,
            cycles=args.cycles,
            errors=args.errors,
            seed=args.seed,
            dense=args.dense,
            audits=args.audits,
            indicators=args.indicators,
            periods=args.periods,
            people=args.people,
            national_day=args.national_day,
        )
    except ValueError as exc:
        print(f"generate.py: {exc}", file=sys.stderr)
        return 2
    print(f"{made.files} files, {made.bytes / 1e6:.1f} MB in {made.root}")
    for rel, what in sorted(made.planted.items()):
        print(f"  error planted in {rel}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
