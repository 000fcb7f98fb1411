"""What the command line says in the network's language (`language` in leercyclus.yaml).

The way gettext does it: a message is written in English where it is said, and each other
language has one table from those English texts (with their {fields}) to its own. A text a table
does not have is said in English. Finding codes, option names and `--help` stay as they are.
"""

from __future__ import annotations

import re
import string

NL: dict[str, str] = {
    # check
    "✓ {files} files checked: no errors, no warnings": (
        "✓ {files} bestanden gecontroleerd: geen fouten, geen waarschuwingen"
    ),
    "{errors}, {warnings} in {bad} of {files} files": (
        "{errors}, {warnings} in {bad} van {files} bestanden"
    ),
    " (--strict: warnings count as errors)": " (--strict: waarschuwingen tellen als fouten)",
    "1 error": "1 fout",
    "{n} errors": "{n} fouten",
    "1 warning": "1 waarschuwing",
    "{n} warnings": "{n} waarschuwingen",
    # report
    "checking the data": "de gegevens controleren",
    "building reports": "rapporten maken",
    "national report": "landelijk rapport",
    "DOCX and PDF": "DOCX en PDF",
    "starting the de-identifier (deduce): about ten seconds": (
        "de-identificatie (deduce) starten: ongeveer tien seconden"
    ),
    "the de-identifier (deduce) builds its lookup tables: 1-2 minutes, once after installation": (
        "de-identificatie (deduce) bouwt zijn opzoektabellen: 1 à 2 minuten, eenmalig na de "
        "installatie"
    ),
    "Written": "Geschreven",
    "report": "rapport",
    "scope": "soort",
    "format": "formaat",
    "size": "grootte",
    "file": "bestand",
    "files": "bestanden",
    "national": "landelijk",
    "in {folder}/": "in {folder}/",
    "✓ {files} written": "✓ {files} geschreven",
    "1 file": "1 bestand",
    "{n} files": "{n} bestanden",
    "; {n} unchanged (use --force to rebuild them)": (
        "; {n} ongewijzigd (--force maakt ook die opnieuw)"
    ),
    # status
    "the data has {errors} and {warnings}: run `leercyclus check` to see them": (
        "de gegevens hebben {errors} en {warnings}: `leercyclus check` laat ze zien"
    ),
    "; the table shows what could be read": "; de tabel toont wat gelezen kon worden",
    "Cycle {cycle}": "Cyclus {cycle}",
    "participant": "deelnemer",
    "self-review": "zelfreview",
    "no expl.": "zonder toel.",
    "completed": "afgerond",
    "review day": "reviewdag",
    "team": "team",
    "reports": "rapporten",
    "actions open": "acties open",
    "overdue": "te laat",
    " (planned)": " (gepland)",
    "complete": "compleet",
    "no {role}": "geen {role}",
    "chair": "voorzitter",
    "client": "cliënt",
    "in progress": "bezig",
    "missing": "ontbreekt",
    "invalid": "ongeldig",
    "present": "aanwezig",
    "Milestones": "Mijlpalen",
    "as of {day}": "stand {day}",
    "{n} standards": "{n} standaarden",
    "done": "klaar",
    "not yet": "nog niet",
    "due {day}": "uiterlijk {day}",
    "late": "te laat",
    "standards": "standaarden",
    "self-reviews": "zelfreviews",
    "review days": "reviewdagen",
    "institution reports": "instellingsrapporten",
    "action plans": "actieplannen",
    "evaluation": "evaluatie",
    "location": "locatie",
    "audited": "geaudit",
    "team conversation": "teamgesprek",
    "escalations open": "escalaties open",
    "agreements open": "afspraken open",
    "late: {day}": "te laat: {day}",
    "{state} (by {day})": "{state} (uiterlijk {day})",
    "due": "aan de beurt",
    "Groups": "Groepen",
    "group": "groep",
    "kind": "soort",
    "meetings": "bijeenkomsten",
    "rotation": "rouleren",
    "{n} behind": "{n}, achter",
    "intervision": "intervisie",
    "learning network": "leernetwerk",
    "working group": "werkgroep",
    "Improvement cycles": "Verbetercycli",
    "institution": "instelling",
    "what": "wat",
    "project, indicator or document": "project, indicator of document",
    "since": "sinds",
    "review overdue": "herziening te laat",
    "cycle": "cyclus",
    "National day": "Landelijke dag",
    "parel without consent": "parel zonder toestemming",
    "parel without contact": "parel zonder contactpersoon",
    "table without facilitator": "tafel zonder gespreksleider",
    "participants without seat": "deelnemers zonder plaats",
    "ambition not in an action plan": "ambitie niet in een actieplan",
    "agreement open": "afspraak open",
    "agreement overdue": "afspraak te laat",
    "ask for share: true, or drop it": "vraag om share: true, of laat de parel weg",
    "add contact to the parel": "vul bij de parel een contactpersoon in",
    "add seats or a table; `leercyclus day assign` shows who": (
        "voeg plaatsen of een tafel toe; `leercyclus day assign` laat zien wie"
    ),
    "study overdue": "bestudering te laat",
    # stopping
    "interrupted": "onderbroken",
    "interrupted: the build was stopped and nothing was written": (
        "onderbroken: het bouwen is gestopt en er is niets geschreven"
    ),
}
"""Dutch."""

FINDINGS_NL: dict[str, str] = {
    # reading YAML (LC001-LC006)
    "cannot read the file: {reason}": "het bestand is niet te lezen: {reason}",
    "the file is not UTF-8 text (byte 0x{byte}): save it as UTF-8 in your editor": (
        "het bestand is geen UTF-8-tekst (byte 0x{byte}): sla het in de editor op als UTF-8"
    ),
    "the file contains NUL characters: it is not a text file": (
        "het bestand bevat NUL-tekens: het is geen tekstbestand"
    ),
    "YAML syntax error: a tab is used for indentation: indent with spaces": (
        "YAML-fout: er is ingesprongen met een tab: spring in met spaties"
    ),
    "YAML syntax error: a quoted text is not closed: add the closing quote": (
        "YAML-fout: een tekst tussen aanhalingstekens is niet afgesloten: zet het "
        "aanhalingsteken aan het eind"
    ),
    "YAML syntax error: a key is not followed by ':' (a line without 'key: value', or a "
    "missing ':')": (
        "YAML-fout: na een sleutel staat geen ':' (een regel zonder 'sleutel: waarde', of een "
        "vergeten ':')"
    ),
    "YAML syntax error: the character U+{code} is not allowed in YAML text: remove it (it may "
    "have come in with copied text)": (
        "YAML-fout: het teken U+{code} mag niet in YAML-tekst staan: haal het weg (het kan met "
        "gekopieerde tekst zijn meegekomen)"
    ),
    "YAML syntax error: {detail}": "YAML-fout: {detail}",
    "the file is empty: fill it in or remove it": (
        "het bestand is leeg: vul het in of verwijder het"
    ),
    "duplicate key '{key}' (first on line {line}): keep one of the two": (
        "de sleutel '{key}' staat er twee keer (eerst op regel {line}): houd er één over"
    ),
    "the file nests deeper than {levels} levels": (
        "het bestand is dieper genest dan {levels} niveaus"
    ),
    "the file expands to more than {count} values (anchors and aliases repeated): write the "
    "values out or split the file": (
        "het bestand groeit uit tot meer dan {count} waarden (herhaalde ankers en aliassen): "
        "schrijf de waarden uit of splits het bestand"
    ),
    "the YAML tag '{tag}' is not allowed (tags are never executed): remove it": (
        "de YAML-tag '{tag}' is niet toegestaan (tags worden nooit uitgevoerd): haal hem weg"
    ),
    "a key must be plain text, not a list or mapping": (
        "een sleutel moet gewone tekst zijn, geen lijst of mapping"
    ),
    # one file against its model (LC010, LC101-LC107)
    "the file holds {found}, where a mapping of keys belongs (such as {keys}): see "
    "docs/format.md": (
        "het bestand bevat {found}, waar sleutels met waarden horen (zoals {keys}): zie "
        "docs/format.md"
    ),
    "unknown key '{key}': did you mean '{hint}'?": "onbekende sleutel '{key}': bedoelt u '{hint}'?",
    "unknown key '{key}': the keys allowed here are {keys}": (
        "onbekende sleutel '{key}': hier horen de sleutels {keys}"
    ),
    "the required key '{key}' is missing in '{parent}': add it": (
        "de verplichte sleutel '{key}' ontbreekt in '{parent}': voeg hem toe"
    ),
    "the required key '{key}' is missing: add it": (
        "de verplichte sleutel '{key}' ontbreekt: voeg hem toe"
    ),
    "{found} is not a valid {name}: use one of {allowed}; did you mean '{hint}'?": (
        "{found} is geen geldige waarde voor {name}: kies uit {allowed}; bedoelt u '{hint}'?"
    ),
    "{found} is not a valid {name}: use one of {allowed}": (
        "{found} is geen geldige waarde voor {name}: kies uit {allowed}"
    ),
    "'{value}' is not a valid {what} id: {rule}, e.g. '{example}'": (
        "'{value}' is geen geldige code voor een {what}: {rule}, bijvoorbeeld '{example}'"
    ),
    "'{name}' must not be empty: write the text or remove the key": (
        "'{name}' mag niet leeg zijn: schrijf de tekst of haal de sleutel weg"
    ),
    "'{name}' must not be empty: write the text": "'{name}' mag niet leeg zijn: schrijf de tekst",
    "'{name}' must have at least one entry": "'{name}' moet minstens één onderdeel hebben",
    "'{name}' must be at least {bound}, not {found}": (
        "'{name}' moet minstens {bound} zijn, niet {found}"
    ),
    "'{name}' must be at most {bound}, not {found}": (
        "'{name}' mag hoogstens {bound} zijn, niet {found}"
    ),
    "'{name}' must be {kind}, not {found}": "'{name}' moet {kind} zijn, niet {found}",
    "'{name}': '{value}' is not a date: write it as YYYY-MM-DD, e.g. 2025-04-14": (
        "'{name}': '{value}' is geen datum: schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2025-04-14"
    ),
    "'{name}': '{value}' is not an existing date": "'{name}': '{value}' is geen bestaande datum",
    "'{name}': the date is empty: write it as YYYY-MM-DD, e.g. 2025-04-14": (
        "'{name}': de datum is leeg: schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2025-04-14"
    ),
    "the file is named {file}, but {field} is '{written}': rename the file to {name} or set "
    "{field}: {expected}": (
        "het bestand heet {file}, maar {field} is '{written}': hernoem het bestand naar {name} "
        "of zet {field}: {expected}"
    ),
    "the folder is cycles/{folder}, but {field} is '{written}': make them equal (id: \"{folder}\", "
    "or rename the folder)": (
        "de map is cycles/{folder}, maar {field} is '{written}': maak ze gelijk "
        '(id: "{folder}", of hernoem de map)'
    ),
    # the files together (LC020-LC021, LC201-LC217)
    "{file} is not a file leercyclus knows, so it is ignored: {advice}": (
        "{file} is geen bestand dat leercyclus kent en wordt overgeslagen: {advice}"
    ),
    "there is no institutions.yaml beside leercyclus.yaml: create it with the list of "
    "institutions (see docs/format.md)": (
        "naast leercyclus.yaml staat geen institutions.yaml: maak dat bestand, met de lijst van "
        "instellingen (zie docs/format.md)"
    ),
    "the cycle folder {folder} has no cycle.yaml: add one, or remove the folder": (
        "de cyclusmap {folder} heeft geen cycle.yaml: voeg er een toe, of verwijder de map"
    ),
    "unknown {kind} '{value}' of cycle {cycle}: did you mean '{hint}'?": (
        "{kind} '{value}' bestaat niet in cyclus {cycle}: bedoelt u '{hint}'?"
    ),
    "unknown {kind} '{value}' of cycle {cycle}: {where} ({known})": (
        "{kind} '{value}' bestaat niet in cyclus {cycle}: {where} ({known})"
    ),
    "unknown {kind} '{value}' of cycle {cycle}: {where}": (
        "{kind} '{value}' bestaat niet in cyclus {cycle}: {where}"
    ),
    "there is no {kind} '{path}': did you mean '{ref}'?": (
        "er is geen {kind} '{path}': bedoelt u '{ref}'?"
    ),
    "there is no {kind} '{path}' to refer to": "er is geen {kind} '{path}' om naar te verwijzen",
    "{field} gives its own scores («{sentence}»), and the national report prints this field: a"
    " reader who knows the participants could tell which institution this is; the report leaves"
    " such a sentence out, so describe the practice instead": (
        "{field} noemt de eigen scores («{sentence}»), en het landelijk rapport drukt dit veld af:"
        " wie de deelnemers kent, herkent zo de instelling; het rapport laat zo'n zin weg,"
        " beschrijf dus liever de werkwijze"
    ),
    "{field} makes {what} («{sentence}»), and the national report prints this field: a reader"
    " who knows the participants could tell which institution this is; the report leaves such a"
    " sentence out, so describe the practice instead": (
        "{field} bevat {what} («{sentence}»), en het landelijk rapport drukt dit veld af: wie de"
        " deelnemers kent, herkent zo de instelling; het rapport laat zo'n zin weg, beschrijf dus"
        " liever de werkwijze"
    ),
    "{field} holds {what} ('{text}'), and the national report prints this field: it would be"
    " replaced there, and the report refused if it got through; give contact details only as a"
    " shared parel's contact": (
        "{field} bevat {what} ('{text}'), en het landelijk rapport drukt dit veld af: het zou daar"
        " worden vervangen, en het rapport geweigerd als het erdoor kwam; geef contactgegevens"
        " alleen als contactpersoon van een gedeelde parel"
    ),
    "unknown {kind} '{value}': did you mean '{hint}'?": (
        "{kind} '{value}' bestaat niet: bedoelt u '{hint}'?"
    ),
    "unknown {kind} '{value}': {where} ({known})": (
        "{kind} '{value}' bestaat niet: {where} ({known})"
    ),
    "unknown {kind} '{value}': {where}": "{kind} '{value}' bestaat niet: {where}",
    "a cycle cannot be its own previous cycle: name the cycle before it, or remove 'previous'": (
        "een cyclus kan niet zijn eigen vorige cyclus zijn: noem de cyclus ervoor, of haal "
        "'previous' weg"
    ),
    "continues '{standard}', but this cycle has no 'previous' in cycle.yaml: set it, or remove "
    "'continues'": (
        "continues '{standard}', maar deze cyclus heeft geen 'previous' in cycle.yaml: vul die "
        "in, of haal 'continues' weg"
    ),
    "'{institution}' is not a participant of cycle {cycle}, so it has no {what}: add it to "
    "'participants' in cycle.yaml, or remove this file": (
        "'{institution}' doet niet mee aan cyclus {cycle} en heeft dus geen {what}: zet haar bij "
        "'participants' in cycle.yaml, of verwijder dit bestand"
    ),
    "standard {standard} has no explanation: describe how you shape this in practice (hoe geven "
    "wij dit vorm?)": (
        "standaard {standard} heeft geen toelichting: beschrijf hoe jullie dit in de praktijk "
        "doen (hoe geven wij dit vorm?)"
    ),
    "{count} standard(s) of the cycle are not answered: {standards}. Answer them, or give outcome "
    "not_applicable": (
        "{count} standaard(en) van de cyclus zijn niet beantwoord: {standards}. Beantwoord ze, of "
        "geef als uitkomst not_applicable"
    ),
    "the review team has no client or expert by experience: add a member with role client or "
    "expert_by_experience": (
        "het reviewteam heeft geen cliënt of ervaringsdeskundige: voeg een lid toe met de rol "
        "client of expert_by_experience"
    ),
    "team member {name} has no 'institution': add their home institution (only network_staff may "
    "leave it out)": (
        "teamlid {name} heeft geen 'institution': vul de eigen instelling in (alleen "
        "network_staff mag die weglaten)"
    ),
    "team member {name} is from the visited institution itself: a review team comes from other "
    "institutions": (
        "teamlid {name} komt van de bezochte instelling zelf: een reviewteam komt van andere "
        "instellingen"
    ),
    "the review day ({day}) is before the self-review was completed ({completed}): check both "
    "dates": (
        "de reviewdag ({day}) ligt vóór de afronding van de zelfreview ({completed}): controleer "
        "beide datums"
    ),
    "action '{action}' was due on {due} and is {status}: update its status, or set a new date": (
        "actie '{action}' moest af zijn op {due} en is {status}: werk de status bij, of kies een "
        "nieuwe datum"
    ),
    "the {what} '{value}' is listed twice: keep one": (
        "{what} '{value}' staat er twee keer: houd er één"
    ),
    "there is already a {what} '{key}' in {file}: give each its own id, or remove one": (
        "er is al een {what} '{key}' in {file}: geef elk een eigen code, of verwijder er een"
    ),
    "the text of standard {standard} changed after this answer was written (commit {commit}): "
    "check that the answer still fits the new text; the warning goes once the self-review is "
    "committed again": (
        "de tekst van standaard {standard} is veranderd nadat dit antwoord is geschreven (commit "
        "{commit}): kijk of het antwoord nog past bij de nieuwe tekst; de waarschuwing verdwijnt "
        "zodra de zelfreview opnieuw is gecommit"
    ),
}
"""Dutch for the findings' messages; a message none of these fits stays English."""

PHRASES_NL: dict[str, str] = {
    "text": "tekst",
    "true or false": "true of false",
    "a list (lines starting with '- ')": "een lijst (regels die beginnen met '- ')",
    "a mapping (lines of 'key: value')": "sleutels met waarden (regels 'sleutel: waarde')",
    "a whole number": "een geheel getal",
    "an empty value": "een lege waarde",
    "a mapping": "sleutels met waarden",
    "a list": "een lijst",
    "institution": "instelling",
    "standard": "standaard",
    "domain": "domein",
    "cycle": "cyclus",
    "action": "actie",
    "participant": "deelnemer",
    "previous cycle": "vorige cyclus",
    "self-review": "zelfreview",
    "visit": "reviewdag",
    "action plan": "actieplan",
    "add it to institutions.yaml": "zet haar in institutions.yaml",
    "use a domain of cycle.yaml": "gebruik een domein uit cycle.yaml",
    "this cycle's standards are in cycles/{cycle}/standards": (
        "de standaarden van deze cyclus staan in cycles/{cycle}/standards"
    ),
    "use an id from cycles/{cycle}/standards": "gebruik een code uit cycles/{cycle}/standards",
    "it needs a folder cycles/<id>/ with a cycle.yaml": (
        "daarvoor is een map cycles/<id>/ met een cycle.yaml nodig"
    ),
    "use lowercase letters, digits and hyphens, starting with a letter or digit": (
        "gebruik kleine letters, cijfers en streepjes, en begin met een letter of cijfer"
    ),
    "use letters, digits, '.', '_' and '-', starting with a letter or digit": (
        "gebruik letters, cijfers, '.', '_' en '-', en begin met een letter of cijfer"
    ),
    "rename it to end in .yaml": "hernoem het zodat het op .yaml eindigt",
    "a cycle folder holds cycle.yaml, evaluation.yaml, standards/, self-reviews/, visits/ and "
    "actions/": (
        "een cyclusmap bevat cycle.yaml, evaluation.yaml, standards/, self-reviews/, visits/ en "
        "actions/"
    ),
}
"""Dutch for the words and phrases that the findings' messages are built from."""

PHRASE_FIELDS = frozenset({"found", "kind", "what", "where", "rule", "advice"})
"""The fields of the templates above that hold words of a message (translated in turn); the
others hold what the user wrote (keys, ids, values, file names) and stay as they are."""

TABLES: dict[str, dict[str, str]] = {"en": {}, "nl": NL}
"""Every language a network can choose, with its table (English needs none)."""

FINDINGS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "en": ({}, {}),
    "nl": (FINDINGS_NL, PHRASES_NL),
}
"""Per language: its findings' messages, and the phrases they are built from."""


def translate(text: str, language: str, **values: object) -> str:
    """`text` in `language`, its {fields} filled in with `values`."""
    return TABLES.get(language, {}).get(text, text).format(**values)


def translate_finding(message: str, language: str) -> str:
    """A finding's message in `language`: the first template it fits, its parts in turn."""
    messages, phrases = FINDINGS.get(language, ({}, {}))
    return _fit(message, messages, phrases, depth=2) if messages else message


def _fit(text: str, messages: dict[str, str], phrases: dict[str, str], depth: int) -> str:
    if text in phrases:
        return phrases[text]
    for english, pattern in _patterns(id(messages), messages, phrases):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        table = messages if english in messages else phrases
        parts = {
            name: _fit(value, messages, phrases, depth - 1)
            if depth and name in PHRASE_FIELDS
            else value
            for name, value in match.groupdict().items()
        }
        return table[english].format(**parts)
    return text


_COMPILED: dict[int, list[tuple[str, re.Pattern[str]]]] = {}


def _patterns(
    key: int, messages: dict[str, str], phrases: dict[str, str]
) -> list[tuple[str, re.Pattern[str]]]:
    """Each template with fields as a regular expression (a field used twice must repeat)."""
    if key not in _COMPILED:
        compiled = []
        for english in (*messages, *(p for p in phrases if "{" in p)):
            regex, seen = "", set()
            for literal, name, _, _ in string.Formatter().parse(english):
                regex += re.escape(literal)
                if name:
                    regex += f"(?P={name})" if name in seen else f"(?P<{name}>.+?)"
                    seen.add(name)
            compiled.append((english, re.compile(regex, re.DOTALL)))
        _COMPILED[key] = compiled
    return _COMPILED[key]
