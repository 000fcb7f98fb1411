"""Every fixed text of the reports, one table per language (nl, en); dates, numbers and plurals."""
# ruff: noqa: E501  (a table of prose: one text per line reads best)

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from fractions import Fraction

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}  # fmt: skip

NUMBER_WORDS = {
    "nl": ["geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
           "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
           "negentien", "twintig"],
    "en": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty"],
}  # fmt: skip
"""Numbers up to twenty are written in words in running text, as Dutch and English style asks."""

NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "nl": {
        "action": ("actie", "acties"),
        "standard": ("standaard", "standaarden"),
        "institution": ("instelling", "instellingen"),
        "domain": ("domein", "domeinen"),
        "parel": ("parel", "parels"),
        "oester": ("oester", "oesters"),
        "reviewer": ("reviewer", "reviewers"),
        "review_day": ("reviewdag", "reviewdagen"),
    },
    "en": {
        "action": ("action", "actions"),
        "standard": ("standard", "standards"),
        "institution": ("institution", "institutions"),
        "domain": ("domain", "domains"),
        "parel": ("parel", "parels"),
        "oester": ("oester", "oesters"),
        "reviewer": ("reviewer", "reviewers"),
        "review_day": ("review day", "review days"),
    },
}
"""Singular and plural of the nouns the reports count."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        # covers and shared words
        "institution_report": "Instellingsrapport",
        "national_report": "Landelijk rapport",
        "confidential": "Vertrouwelijk: alleen bestemd voor de bezochte instelling.",
        "public": "Openbaar: dit rapport noemt geen instellingen en geen personen.",
        "public_contacts": (
            "Openbaar: dit rapport noemt geen instellingen, en van personen alleen de "
            "contactpersonen van gedeelde parels, die daar toestemming voor gaven."
        ),
        "cycle": "Cyclus",
        "review_day": "Reviewdag",
        "self_review": "Zelfreview",
        "completed": "afgerond op",
        "not_completed": "nog niet afgerond",
        "published": "Publicatiedatum",
        "no_visit": "De reviewdag heeft nog niet plaatsgevonden.",
        "contents": "Inhoud",
        "and": "en",
        "of": "van",
        # method
        "method": "Werkwijze",
        "method_text": (
            "In de zelfreview beschrijft elke instelling, samen met cliënten, hoe zij invulling geeft "
            "aan elke standaard. Een reviewteam van collega-instellingen, altijd met een cliënt of "
            "ervaringsdeskundige, bespreekt de zelfreview op de reviewdag en geeft per standaard een "
            "eigen oordeel. De standaarden zijn ambitieus: het zijn geen minimumeisen, maar een "
            "aanleiding voor het gesprek over hoe het beter kan."
        ),
        "scope": "Aan deze cyclus deden {institutions} mee; zij bespraken {standards} in {domains}.",
        "theme": "Thema van dit jaar",
        "theme_questions": "Gespreksvragen",
        "theme_reflection": "Reflectie op het thema",
        "no_theme_reflection": "De zelfreview bevat geen reflectie op het thema.",
        "reading_guide": "Leeswijzer",
        "reading_guide_text": (
            "Het eindoordeel is het oordeel van het reviewteam; waar het team een standaard niet "
            "beoordeelde, telt het oordeel uit de zelfreview. Standaarden die niet van toepassing "
            "zijn, tellen niet mee in de percentages. Percentages zijn afgerond op hele procenten, "
            "een half naar boven. De kolom 'In het netwerk' telt per standaard de eindoordelen van "
            "alle deelnemende instellingen, alleen als minstens {min_group} instellingen een oordeel "
            "hebben; andere instellingen worden niet genoemd."
        ),
        # institution report: team and programme
        "team": "Het reviewteam",
        "role": "Rol",
        "discipline": "Discipline",
        "home_institution": "Instelling",
        "programme": "Programma van de reviewdag",
        "programme_intro": "Met wie het reviewteam sprak.",
        "time": "Tijd",
        "spoke_with": "Gesprek met",
        "topic": "Onderwerp",
        # institution report: summary
        "summary": "Samenvatting",
        "overall": (
            "{institution} voldoet volledig aan {met} van de {judged} standaarden die van toepassing "
            "zijn ({pct})."
        ),
        "overall_rest": " Aan {count} voldoet de instelling deels of nog niet.",
        "overall_differs": " Het reviewteam kwam bij {count} tot een ander oordeel dan de zelfreview.",
        "overall_not_judged": " {count} beoordeelde het team niet; daar telt de zelfreview.",
        "overall_since": " Sinds {previous} ging de uitkomst bij {up} omhoog en bij {down} omlaag.",
        "overall_none": "Er zijn nog geen oordelen over de standaarden.",
        "met_per_domain": "Volledig voldaan per domein",
        "met_count": "Volledig voldaan",
        "share": "Aandeel",
        "all_domains": "Alle domeinen",
        "summary_parels": "Parels",
        "summary_oesters": "Oesters",
        "parels_intro": "Wat de instelling uitzonderlijk goed doet.",
        "oesters_intro": "Waar ontwikkeling mogelijk is.",
        "more_in_chapter": "En nog {count}: zie het hoofdstuk {chapter}.",
        "since_last": "Sinds vorig jaar",
        "since_intro": (
            "Het eindoordeel van nu naast dat van {previous}, voor de standaarden waarvan de tekst "
            "niet veranderde."
        ),
        "went_up": "Beter",
        "went_down": "Minder",
        "no_change": "Bij geen enkele vergelijkbare standaard veranderde de uitkomst.",
        "changed_not_compared": "Gewijzigde tekst, niet vergeleken",
        "new_standards": "Nieuw in deze cyclus",
        "first_cycle": "{institution} doet dit jaar voor het eerst mee; er is dus nog geen vergelijking met vorig jaar.",
        "no_previous_cycle": "Er is geen vorige cyclus om mee te vergelijken.",
        # institution report: overview
        "overview": "Overzicht per domein",
        "overview_intro": (
            "Per domein het aantal standaarden per uitkomst: de zelfreview naast het oordeel van "
            "het reviewteam. 'Geen oordeel' telt de standaarden die het team niet beoordeelde (of "
            "die de zelfreview openliet)."
        ),
        "no_outcome": "geen oordeel",
        "domain": "Domein",
        "standard": "Standaard",
        "standards": "Standaarden",
        "self": "Zelfreview",
        "team_view": "Reviewteam",
        "final": "Eindoordeel",
        "outcome": "Uitkomst",
        "explanation": "Hoe geven wij hier invulling aan?",
        "evidence": "Onderbouwing",
        "team_note": "Toelichting van het team",
        "not_judged": "niet beoordeeld",
        "not_answered": "niet ingevuld",
        "self_only": "(zelfreview)",
        "differences": "Verschillen tussen zelfreview en reviewteam",
        "differences_intro": (
            "Bij deze standaarden kwamen de zelfreview en het reviewteam tot een ander oordeel. "
            "Een verschil is geen fout: het is juist iets om samen over te praten."
        ),
        "no_differences": "Zelfreview en reviewteam kwamen bij elke standaard tot hetzelfde oordeel.",
        "not_met_list": "Standaarden die (nog) niet volledig voldaan zijn",
        "not_met_intro": (
            "Alle standaarden met het eindoordeel 'deels' of 'niet', met de opmerking van het "
            "reviewteam. Waar het team de standaard niet beoordeelde, staat '(zelfreview)'."
        ),
        "all_met": "Aan alle standaarden die van toepassing zijn, is volledig voldaan.",
        "team_remark": "Opmerking van het team",
        "previous": "Vorige cyclus",
        "network_context": "In het netwerk",
        "network_suppressed": "niet getoond, om herleidbaarheid te voorkomen (zie het landelijk rapport)",
        "network_context_note": (
            "Het netwerkbeeld telt de uitkomsten van alle deelnemende instellingen, alleen waar "
            "minstens {min_group} instellingen een oordeel hebben; het noemt geen andere instelling."
        ),
        "new_standard": "Nieuwe standaard in deze cyclus.",
        "changed_standard": "De tekst van deze standaard is gewijzigd sinds {previous}; de vorige uitkomst gaat over de oude tekst.",
        "old_text": "oude tekst",
        "new": "nieuw",
        "suggestion": "Tip",
        "contact": "Contact",
        "related": "Standaarden",
        "shared": "gedeeld in het landelijk rapport",
        "no_parels": "Het reviewteam heeft geen parels vastgelegd.",
        "no_oesters": "Het reviewteam heeft geen oesters vastgelegd.",
        # institution report: actions
        "previous_actions": "Het actieplan van de vorige cyclus",
        "other_methods": "Uit de andere leervormen van het netwerk",
        "other_methods_intro": "Wat verbetertrajecten, audits en groepen van deze instelling laten zien, naast de visitatie.",
        "previous_ambition": "Ambitie",
        "action": "Actie",
        "owner": "Wie",
        "due": "Klaar op",
        "status": "Status",
        "latest_progress": "Laatste voortgang",
        "reason_dropped": "Waarom vervallen",
        "no_progress": "geen voortgang vastgelegd",
        "effect": "Uitkomst (vorige cyclus → nu)",
        "effect_line": "{standard}: {before} → {after}",
        "effect_changed": "{standard}: {before} → {after} (gewijzigde tekst)",
        "effect_gone": "{standard}: vervallen in deze cyclus",
        "no_previous_plan": "Er is geen actieplan van de vorige cyclus.",
        "no_previous_plan_new": "{institution} doet dit jaar voor het eerst mee; er is dus nog geen eerder actieplan.",
        "plan": "Het actieplan van deze cyclus",
        "next_steps": "Reflectie en actie",
        "next_steps_text": (
            "Dit rapport is een startpunt. Bespreek het met medewerkers, cliënten en naasten: wat "
            "herkennen jullie, waar ligt jullie ambitie, en welke acties horen daarbij (wie doet wat, "
            "en wanneer)?"
        ),
        "plan_missing": "Leg de ambitie en de acties daarna vast in het actieplan van deze cyclus.",
        "plan_exists": "Het actieplan voor deze cyclus is al opgesteld, met {count}:",
        # colophon
        "colophon": "Colofon",
        "colophon_text": "Een uitgave van {network}.",
        "provenance": "Gemaakt met leercyclus {version}; gegevensversie {commit} van {date}.",
        "provenance_nogit": "Gemaakt met leercyclus {version}.",
        # national report
        "foreword": "Voorwoord",
        "foreword_text": (
            "Dit landelijk rapport geeft een beeld van de sector in de cyclus {cycle}: wat goed gaat, "
            "waar de uitdagingen liggen en welke parels de instellingen met elkaar delen. Het is geen "
            "benchmark: het rapport laat niet zien hoe een afzonderlijke instelling het doet."
        ),
        "gloss": (
            "Parels zijn werkwijzen die een reviewteam uitzonderlijk goed vond en die het waard zijn "
            "om te delen; oesters zijn punten waar een instelling nog kan groeien."
        ),
        "key_messages": "Kernboodschappen",
        "key_scope": "Aan de cyclus {cycle} deden {institutions} mee. Zij bespraken {standards} in {domains}.",
        "key_strengths": "Het vaakst volledig voldaan: {items}.",
        "key_challenges": "De grootste uitdagingen: {items}.",
        "key_item_met": "{standard} ({met} van {judged})",
        "key_item_challenge": "{standard} ({count} van {judged} niet volledig)",
        "key_comparison": (
            "Bij de {institutions} die ook aan de cyclus {previous} meededen, steeg het aandeel "
            "'volledig voldaan' bij {up} van de {compared} vergelijkbare standaarden en daalde het bij {down}."
        ),
        "key_trend": (
            "Van {first} tot en met {last} steeg bij de {institutions} die aan elke cyclus meededen "
            "het aandeel 'volledig voldaan' bij {up} van de {followed} gevolgde standaarden, en daalde het bij {down}."
        ),
        "key_trend_none_down": (
            "Van {first} tot en met {last} steeg bij de {institutions} die aan elke cyclus meededen "
            "het aandeel 'volledig voldaan' bij {up} van de {followed} gevolgde standaarden; bij geen enkele daalde het."
        ),
        "key_agreement": (
            "Zelfreview en reviewteam kwamen bij {pct} van de standaarden die zij allebei "
            "beoordeelden tot hetzelfde oordeel."
        ),
        "key_parels": "De instellingen delen {parels} met het netwerk; de catalogus noemt bij elke parel een contactpersoon.",
        "plain": "In het kort, voor cliënten en naasten",
        "plain_intro": (
            "In {network} werken {institutions} samen aan goede zorg. Elk jaar kijkt iedere "
            "instelling eerst zelf, samen met cliënten, hoe het gaat. Daarna komt een team van "
            "andere instellingen op bezoek. In dat team zit altijd iemand die zelf cliënt is of was."
        ),
        "plain_good": "Wat gaat goed? Het vaakst: {items}.",
        "plain_better": "Wat kan beter? Vooral: {items}.",
        "plain_next": (
            "Wat gebeurt er nu? Elke instelling maakt een plan om de zorg te verbeteren. In de "
            "volgende ronde kijken we samen of dat gelukt is."
        ),
        "participants": "Deelnemende instellingen",
        "participants_intro": "Aan deze cyclus deden de volgende instellingen mee (in alfabetische volgorde).",
        "timeline": "Tijdpad van de cyclus",
        "timeline_intro": "De geplande data uit het cyclusplan.",
        "step": "Stap",
        "planned": "Gepland",
        "review_period": "De reviewdagen vonden plaats van {first} tot en met {last}.",
        "review_period_one": "De reviewdagen vonden plaats in {first}.",
        "review_teams": "Aan de reviewteams deden {reviewers} mee, van wie {clients} als cliënt of ervaringsdeskundige; in elk team zat er minstens één.",
        "standards_changes": "Wat er veranderde in de standaarden",
        "standards_changes_intro": (
            "De standaarden van deze cyclus naast die van de cyclus {previous}, met de reden uit de "
            "evaluatie van die cyclus waar die er is."
        ),
        "change_new": "Nieuw",
        "change_changed": "Gewijzigd",
        "change_dropped": "Vervallen",
        "change_guidance": "Alleen de toelichting of titel aangepast",
        "change_kept_note": "Ongewijzigd, met een opmerking uit de evaluatie",
        "no_standards_changes": "De standaarden zijn dezelfde als in de cyclus {previous}.",
        "no_reason": "geen toelichting in de evaluatie",
        "sector": "Het beeld van de sector",
        "sector_intro": (
            "Per standaard het aantal instellingen per uitkomst (het oordeel van het reviewteam, "
            "anders dat van de zelfreview). Een standaard krijgt alleen cijfers als minstens "
            "{min_group} instellingen er een uitkomst voor hebben. Een aantal in zo'n rij kan klein "
            "zijn, ook 1: het zegt iets over de groep, niet welke instelling het is."
        ),
        "sector_chart": "Volledig voldaan per standaard, van hoog naar laag",
        "suppressed": "–",
        "suppressed_note": (
            "– : minder dan {min_group} instellingen hebben een uitkomst voor deze standaard; om "
            "herleidbaarheid te voorkomen niet getoond."
        ),
        "suppressed_changed": (
            "– : de instellingen met een uitkomst voor deze standaard zijn andere dan in cyclus "
            "{previous}, maar minder dan {min_group} verschillen. Naast de cijfers van toen zouden "
            "de cijfers van nu de uitkomsten laten zien van wie erbij kwam of wegging; daarom "
            "staan ze er niet."
        ),
        "domain_totals": "Totaal domein",
        "domain_totals_partial": "Totaal domein (zonder {count} niet getoonde standaarden)",
        "domain_totals_partial_one": "Totaal domein (zonder 1 niet getoonde standaard)",
        "qualitative_only": (
            "Aan deze cyclus deden minder dan {min_group} instellingen mee. Om herleidbaarheid te "
            "voorkomen bevat dit rapport daarom geen cijfers, alleen de inhoudelijke delen."
        ),
        "strengths": "Wat goed gaat",
        "strengths_intro": (
            "De standaarden waaraan de instellingen het vaakst volledig voldoen. Rangorde: het "
            "aandeel instellingen met het eindoordeel 'volledig', van hoog naar laag. Er staan "
            "{top}, aangevuld met elke standaard die hetzelfde aandeel heeft als de laatste "
            "daarvan: een gelijke stand wordt nooit afgekapt."
        ),
        "challenges": "Waar de uitdagingen liggen",
        "challenges_intro": (
            "De standaarden waaraan de instellingen het vaakst deels of niet voldoen, met de "
            "oesters die reviewteams erbij noteerden. Rangorde: het aandeel instellingen met het "
            "eindoordeel 'deels' of 'niet', van hoog naar laag; bij een gelijk aandeel gaat de "
            "standaard met meer 'niet' voor. Er staan {top}, aangevuld met elke standaard die "
            "hetzelfde aandeel heeft als de laatste daarvan."
        ),
        "met_of": "Volledig voldaan",
        "self_only_mark": "Bij een standaard met {mark} komt een deel van de eindoordelen alleen uit de zelfreview: het reviewteam beoordeelde de standaard daar niet.",
        "challenge_line_partly": "Van de {judged} instellingen{applies} {verb} er {partly} deels aan deze standaard ({pct}).",
        "challenge_line_not": "Van de {judged} instellingen{applies} {verb} er {not_met} niet aan deze standaard ({pct}).",
        "challenge_line_both": "Van de {judged} instellingen{applies} {verb} er {partly} deels en {not_met} niet aan deze standaard ({pct}).",
        "verb_one": "voldoet",
        "verb_many": "voldoen",
        "applies": " waarvoor de standaard geldt,",
        "oester_themes": "Oesters van de reviewteams",
        "theme_findings": "Wat de instellingen over het thema zeggen",
        "no_theme_findings": "Er zijn geen reflecties op het thema.",
        "theme_count": (
            "{count} van de {total} instellingen schreven een reflectie op het thema. Dit rapport "
            "citeert geen reflectie in haar geheel: wie de deelnemers kent, herkent een instelling "
            "vaak aan wat zij over zichzelf vertelt."
        ),
        "theme_quotes": "Met instemming van de instellingen die ze schreven:",
        "parel_catalogue": "Catalogus van parels",
        "parel_catalogue_intro": (
            "Parels die instellingen met het netwerk willen delen. Neem gerust contact op met de "
            "contactpersoon."
        ),
        "no_shared_parels": "Er zijn geen parels gedeeld.",
        "comparison": "Vergelijking met de cyclus {previous}",
        "comparison_intro": (
            "We vergelijken alleen wat vergelijkbaar is: de {institutions} die aan beide cycli "
            "meededen, en alleen de standaarden waarvan de tekst niet veranderde. Per standaard het "
            "aandeel van deze instellingen dat volledig voldoet, in {previous} en in {cycle}."
        ),
        "comparison_same_group": (
            "Aan beide cycli deden dezelfde {institutions} mee. Per standaard waarvan de tekst niet "
            "veranderde: het aandeel dat volledig voldoet, in {previous} en in {cycle}."
        ),
        "change": "Verandering",
        "higher": "hoger",
        "lower": "lager",
        "same": "gelijk",
        "not_compared": "Niet vergeleken: {items}.",
        "not_compared_changed": "{ids} (tekst gewijzigd)",
        "not_compared_new": "{ids} (nieuw)",
        "not_compared_small": "{ids} (te weinig instellingen)",
        "not_compared_apart": "{ids} (naast andere cijfers over deze standaard zouden ze de uitkomst van een paar instellingen verraden)",
        "no_comparison": "Er zijn geen standaarden met genoeg instellingen om te vergelijken.",
        "no_common": "Geen van de instellingen van deze cyclus deed mee aan de cyclus {previous}; er is dus niets te vergelijken.",
        # trends over three or more cycles (national and institution report)
        "trend": "Ontwikkeling van {first} tot en met {last}",
        "trend_intro": (
            "We volgen elke standaard zolang de tekst niet veranderde, en tellen alleen de "
            "{institutions} die aan alle cycli meededen. Zo vergelijken we steeds dezelfde "
            "instellingen op dezelfde vraag. Per standaard het aandeel van deze instellingen dat "
            "volledig voldoet."
        ),
        "trend_too_few": (
            "Aan alle cycli van {first} tot en met {last} deden minder dan {min_group} instellingen "
            "mee. Cijfers over zo'n kleine groep zeggen iets over afzonderlijke instellingen; daarom "
            "staat hier geen ontwikkeling."
        ),
        "trend_own_intro": (
            "Het eindoordeel van {institution} per standaard in elke cyclus, zolang de tekst van de "
            "standaard niet veranderde."
        ),
        "trend_domains": "Per domein",
        "last_day": "Terug naar de landelijke dag van {date}",
        "last_day_intro": "Op de landelijke dag ({title}) noemden de deelnemers hun ambities en maakte het netwerk afspraken. Zo staan ze er nu voor.",
        "last_day_ambitions": "De ambities van die dag",
        "last_day_agreement": "Afspraak",
        "trend_domains_intro": (
            "Per domein de uitkomsten van de standaarden die in elke cyclus een cijfer hebben, bij "
            "elkaar opgeteld: het aandeel volledig voldaan per cyclus. 'Gevolgd' zegt hoeveel "
            "standaarden van het domein meetellen."
        ),
        "trend_domains_own": (
            "Per domein de oordelen over de standaarden die in elke cyclus een oordeel hebben, bij "
            "elkaar opgeteld: het aandeel volledig voldaan per cyclus. 'Gevolgd' zegt hoeveel "
            "standaarden van het domein meetellen."
        ),
        "trend_no_domains": "Geen domein heeft standaarden met een cijfer in elke cyclus.",
        "trend_standards": "Per standaard",
        "trend_followed": "Gevolgd",
        "trend_count": "{count} van {of}",
        "trend_chart": "Uitkomsten per domein, {first} tot en met {last}",
        "trend_chart_cell": "{cycle} {percent}% volledig",
        "trend_course": "Verloop",
        "trend_earlier": "eerder {ids}",
        "trend_other_text": "·",
        "trend_absent": "niet meegedaan",
        "trend_legend_other_text": "· : de standaard had in die cyclus een andere tekst, of bestond nog niet.",
        "trend_legend_withheld": (
            "– : geen cijfer, omdat minder dan {min_group} van deze instellingen een uitkomst hadden, "
            "of omdat het cijfer naast andere cijfers over dezelfde standaard en cyclus de uitkomst "
            "van een paar instellingen zou verraden."
        ),
        "trend_legend_course": (
            "Verloop: het eerste cijfer van de standaard naast het laatste, tussenliggende cycli niet "
            "meegerekend."
        ),
        "trend_legend_course_own": (
            "Verloop: het eerste oordeel over de standaard naast het laatste, tussenliggende cycli "
            "niet meegerekend."
        ),
        "trend_not_followed": "Nog geen ontwikkeling: {items}.",
        "trend_new": "{ids} (nieuw in {cycle})",
        "trend_reworded": "{ids} (tekst gewijzigd in {cycle})",
        "recommendations": "Aanbevelingen voor de sector",
        "recommend_agenda": "Zet de uitdagingen op de agenda van de landelijke bijeenkomst: {items}.",
        "recommend_parel": "Leer van elkaar bij {standard}: de parel '{parel}' laat zien hoe het kan.",
        "recommend_self_only": (
            "Bij {items} komt een groot deel van de eindoordelen alleen uit de zelfreview. Geef de "
            "reviewteams in de volgende cyclus de ruimte om deze standaarden te bespreken."
        ),
        "evaluation": "Evaluatie van deze cyclus",
        "evaluation_intro": "Het oordeel van de evaluatie over de standaarden, voor de volgende cyclus.",
        "evaluation_process": "Terugblik op het proces",
        "verdict": "Oordeel",
        "note": "Toelichting",
        "no_evaluation": "De evaluatie van deze cyclus volgt nog.",
        "no_evaluation_planned": "De evaluatie van deze cyclus is gepland voor {date}.",
        "appendix": "Bijlage: de standaarden",
        "type": "Type",
        "guidance": "Toelichting",
        "chart_label": "{label}: {met} volledig, {partly} deels, {not_met} niet, {na} nvt",
    },
    "en": {
        # covers and shared words
        "institution_report": "Institution report",
        "national_report": "National report",
        "confidential": "Confidential: for the visited institution only.",
        "public": "Public: this report names no institution and no person.",
        "public_contacts": (
            "Public: this report names no institution, and no person except the contact persons "
            "of shared parels, who agreed to be named."
        ),
        "cycle": "Cycle",
        "review_day": "Review day",
        "self_review": "Self-review",
        "completed": "completed on",
        "not_completed": "not yet completed",
        "published": "Published",
        "no_visit": "The review day has not taken place yet.",
        "contents": "Contents",
        "and": "and",
        "of": "of",
        # method
        "method": "How the review works",
        "method_text": (
            "In the self-review, each institution describes, together with its clients, how it puts "
            "each standard into practice. A review team from other institutions in the network, "
            "which always includes a client or an expert by experience, discusses the self-review "
            "on the review day and reaches its own view on each standard. The standards are "
            "deliberately ambitious: they are not minimum requirements but a starting point for a "
            "discussion about improvement."
        ),
        "scope": "{institutions} took part in this cycle, covering {standards} in {domains}.",
        "theme": "This year's theme",
        "theme_questions": "Questions for discussion",
        "theme_reflection": "Reflection on the theme",
        "no_theme_reflection": "The self-review contains no reflection on the theme.",
        "reading_guide": "How to read this report",
        "reading_guide_text": (
            "The final rating is the review team's rating; where the team did not assess a "
            "standard, the self-review rating is used. Standards that do not apply are left out of "
            "all percentages. Percentages are rounded to whole numbers, halves upwards. The 'Across "
            "the network' column counts the final ratings of all participating institutions for "
            "each standard, but only where at least {min_group} institutions have a rating; no "
            "other institution is named. The standards, and the texts from the self-review and "
            "the review day, are in the network's own language."
        ),
        # institution report: team and programme
        "team": "The review team",
        "role": "Role",
        "discipline": "Discipline",
        "home_institution": "Institution",
        "programme": "Programme of the review day",
        "programme_intro": "Who the review team met.",
        "time": "Time",
        "spoke_with": "Meeting with",
        "topic": "Topic",
        # institution report: summary
        "summary": "Summary",
        "overall": "{institution} fully meets {met} of the {judged} standards that apply ({pct}).",
        "overall_rest": " It partly meets or does not yet meet {count}.",
        "overall_differs": " The review team reached a different view from the self-review on {count}.",
        "overall_not_judged": " The team did not assess {count}; for those, the self-review rating is used.",
        "overall_since": " Since {previous}, the rating has improved on {up} and fallen on {down}.",
        "overall_none": "No standard has been rated yet.",
        "met_per_domain": "Standards fully met, by domain",
        "met_count": "Fully met",
        "share": "Share",
        "all_domains": "All domains",
        "summary_parels": "Parels",
        "summary_oesters": "Oesters",
        "parels_intro": "Practices the review team found exceptionally good and worth sharing.",
        "oesters_intro": "Areas where the institution has room to grow.",
        "more_in_chapter": "{count} more: see the chapter {chapter}.",
        "since_last": "Since last year",
        "since_intro": (
            "This cycle's final rating compared with {previous}'s, for standards whose wording has "
            "not changed."
        ),
        "went_up": "Improved",
        "went_down": "Fell",
        "no_change": "No comparable standard changed its rating.",
        "changed_not_compared": "Reworded, so not compared",
        "new_standards": "New this cycle",
        "first_cycle": "This is {institution}'s first cycle, so there is no comparison with last year yet.",
        "no_previous_cycle": "There is no previous cycle to compare with.",
        # institution report: overview
        "overview": "Ratings by domain",
        "overview_intro": (
            "For each domain, the number of standards with each rating: the self-review beside the "
            "review team. 'No rating' counts the standards the team did not assess (or the "
            "self-review left blank)."
        ),
        "no_outcome": "no rating",
        "domain": "Domain",
        "standard": "Standard",
        "standards": "Standards",
        "self": "Self-review",
        "team_view": "Review team",
        "final": "Final rating",
        "outcome": "Rating",
        "explanation": "How do we put this into practice?",
        "evidence": "Evidence",
        "team_note": "Review team's comments",
        "not_judged": "not assessed",
        "not_answered": "not completed",
        "self_only": "(self-review)",
        "differences": "Where the self-review and the review team differ",
        "differences_intro": (
            "For these standards the self-review and the review team reached different ratings. A "
            "difference is not an error; it is something to discuss."
        ),
        "no_differences": "The self-review and the review team gave the same rating for every standard.",
        "not_met_list": "Standards not (yet) fully met",
        "not_met_intro": (
            "Every standard with a final rating of 'partly met' or 'not met', with the review "
            "team's comments. '(self-review)' marks a standard the team did not assess."
        ),
        "all_met": "Every standard that applies is fully met.",
        "team_remark": "Review team's comments",
        "previous": "Previous cycle",
        "network_context": "Across the network",
        "network_suppressed": "not shown, to prevent recognition (see the national report)",
        "network_context_note": (
            "The network picture counts the outcomes of all participating institutions, only where "
            "at least {min_group} institutions have an outcome; it names no other institution."
        ),
        "new_standard": "A new standard this cycle.",
        "changed_standard": "This standard has been reworded since {previous}; the previous rating refers to the old wording.",
        "old_text": "old wording",
        "new": "new",
        "suggestion": "Suggestion",
        "contact": "Contact",
        "related": "Standards",
        "shared": "shared in the national report",
        "no_parels": "The review team recorded no parels.",
        "no_oesters": "The review team recorded no oesters.",
        # institution report: actions
        "previous_actions": "Last cycle's action plan",
        "other_methods": "From the network's other ways of learning",
        "other_methods_intro": "What this institution's improvement projects, audits and groups show, beside the peer review.",
        "previous_ambition": "Ambition",
        "action": "Action",
        "owner": "Lead",
        "due": "Due",
        "status": "Status",
        "latest_progress": "Latest progress",
        "reason_dropped": "Why it was dropped",
        "no_progress": "no progress recorded",
        "effect": "Rating (previous cycle → now)",
        "effect_line": "{standard}: {before} → {after}",
        "effect_changed": "{standard}: {before} → {after} (reworded)",
        "effect_gone": "{standard}: dropped this cycle",
        "no_previous_plan": "There is no action plan from the previous cycle.",
        "no_previous_plan_new": "This is {institution}'s first cycle, so there is no earlier action plan.",
        "plan": "This cycle's action plan",
        "next_steps": "Reflection and action",
        "next_steps_text": (
            "This report is a starting point. Discuss it with staff, clients and relatives: what do "
            "you recognise, what are your ambitions, and which actions will get you there (who "
            "does what, and by when)?"
        ),
        "plan_missing": "Then set out the ambition and the actions in this cycle's action plan.",
        "plan_exists": "This cycle's action plan is already in place, with {count}:",
        # colophon
        "colophon": "Colophon",
        "colophon_text": "Published by {network}.",
        "provenance": "Generated by leercyclus {version}; data version {commit} of {date}.",
        "provenance_nogit": "Generated by leercyclus {version}.",
        # national report
        "foreword": "Foreword",
        "foreword_text": (
            "This national report describes the sector in cycle {cycle}: what is going well, where "
            "the challenges lie, and which parels institutions share with each other. It is not a "
            "benchmark: it does not show how any individual institution performs."
        ),
        "gloss": (
            "Parels (pearls) are practices a review team found exceptionally good and worth "
            "sharing; oesters (oysters) are areas where an institution has room to grow. The "
            "standards, and the texts quoted from the reviews, are in the network's own language."
        ),
        "key_messages": "Key messages",
        "key_scope": "{institutions} took part in cycle {cycle}, covering {standards} in {domains}.",
        "key_strengths": "Most often fully met: {items}.",
        "key_challenges": "The main challenges: {items}.",
        "key_item_met": "{standard} ({met} of {judged})",
        "key_item_challenge": "{standard} ({count} of {judged} not fully met)",
        "key_comparison": (
            "Among the {institutions} that also took part in cycle {previous}, the share fully "
            "meeting a standard rose on {up} of the {compared} comparable standards and fell on {down}."
        ),
        "key_trend": (
            "From {first} to {last}, among the {institutions} that took part in every cycle, the "
            "share fully meeting a standard rose on {up} of the {followed} standards followed and fell on {down}."
        ),
        "key_trend_none_down": (
            "From {first} to {last}, among the {institutions} that took part in every cycle, the "
            "share fully meeting a standard rose on {up} of the {followed} standards followed and fell on none."
        ),
        "key_agreement": (
            "The self-review and the review team agreed on {pct} of the standards that both rated."
        ),
        "key_parels": "Institutions shared {parels} with the network; the catalogue gives a contact for each.",
        "plain": "In brief, for clients and relatives",
        "plain_intro": (
            "In {network}, {institutions} work together to improve care. Every year, each "
            "institution first looks at how it is doing, together with its clients. Then a team "
            "from other institutions visits. Each team always includes someone who uses or has "
            "used services."
        ),
        "plain_good": "What is going well? Most often: {items}.",
        "plain_better": "What could be better? Above all: {items}.",
        "plain_next": (
            "What happens next? Each institution draws up a plan to improve its care. In the next "
            "round, we will look together at whether it has worked."
        ),
        "participants": "Participating institutions",
        "participants_intro": "The following institutions took part in this cycle (in alphabetical order).",
        "timeline": "Timeline of the cycle",
        "timeline_intro": "The planned dates from the cycle plan.",
        "step": "Step",
        "planned": "Planned",
        "review_period": "The review days took place from {first} to {last}.",
        "review_period_one": "The review days took place in {first}.",
        "review_teams": "{reviewers} served on the review teams, {clients} of them as a client or expert by experience; every team had at least one.",
        "standards_changes": "Changes to the standards",
        "standards_changes_intro": (
            "This cycle's standards compared with those of cycle {previous}, with the reason from "
            "that cycle's evaluation where there is one."
        ),
        "change_new": "New",
        "change_changed": "Reworded",
        "change_dropped": "Dropped",
        "change_guidance": "Guidance or title revised only",
        "change_kept_note": "Unchanged, with a comment from the evaluation",
        "no_standards_changes": "The standards are the same as in cycle {previous}.",
        "no_reason": "no reason recorded in the evaluation",
        "sector": "The picture across the sector",
        "sector_intro": (
            "Per standard, the number of institutions per outcome (the review team's view, else "
            "the self-review's). A standard has figures only where at least {min_group} "
            "institutions have an outcome for it. A count in such a row may be small, even 1: it "
            "describes the group, not which institution it is."
        ),
        "sector_chart": "Standards fully met, from most to least",
        "suppressed": "–",
        "suppressed_note": (
            "– : fewer than {min_group} institutions have an outcome for this standard; not shown "
            "to prevent recognition."
        ),
        "suppressed_changed": (
            "– : the institutions with an outcome for this standard differ from those of cycle "
            "{previous}, by fewer than {min_group}. Beside the figures of then, the figures of now "
            "would show the outcomes of whoever joined or left, so they are not shown."
        ),
        "domain_totals": "Domain total",
        "domain_totals_partial": "Domain total (excluding {count} standards not shown)",
        "domain_totals_partial_one": "Domain total (excluding 1 standard not shown)",
        "qualitative_only": (
            "Fewer than {min_group} institutions took part in this cycle. To prevent "
            "identification, this report therefore contains no figures, only its descriptive parts."
        ),
        "strengths": "What is going well",
        "strengths_intro": (
            "The standards that institutions most often fully meet, ranked by the share of "
            "institutions whose final rating is 'met', highest first. The list shows {top} "
            "plus any standard with the same share as the last of them: ties are never split."
        ),
        "challenges": "Where the challenges lie",
        "challenges_intro": (
            "The standards that institutions most often only partly meet or do not meet, with the "
            "oesters that review teams recorded. They are ranked by the share of institutions whose "
            "final rating is 'partly met' or 'not met', highest first; where shares are equal, the "
            "standard with more 'not met' ratings comes first. The list shows {top} plus any "
            "standard with the same share as the last of them."
        ),
        "met_of": "Fully met",
        "self_only_mark": "{mark} Some final ratings for this standard come from the self-review only: the review team did not assess it there.",
        "challenge_line_partly": "This standard is partly met by {partly} of the {judged} institutions{applies} ({pct}).",
        "challenge_line_not": "This standard is not met by {not_met} of the {judged} institutions{applies} ({pct}).",
        "challenge_line_both": "This standard is partly met by {partly} and not met by {not_met} of the {judged} institutions{applies} ({pct}).",
        "verb_one": "",
        "verb_many": "",
        "applies": " to which it applies",
        "oester_themes": "Oesters recorded by review teams",
        "theme_findings": "What institutions say about the theme",
        "no_theme_findings": "There are no reflections on the theme.",
        "theme_count": (
            "{count} of the {total} institutions wrote a reflection on the theme. This report "
            "quotes no reflection whole: a reader who knows the participants often recognises an "
            "institution by what it tells about itself."
        ),
        "theme_quotes": "Quoted with the consent of the institutions that wrote them:",
        "parel_catalogue": "Catalogue of parels",
        "parel_catalogue_intro": (
            "Parels that institutions want to share with the network. The contact person will be "
            "glad to hear from you."
        ),
        "no_shared_parels": "No parels were shared.",
        "comparison": "Comparison with cycle {previous}",
        "comparison_intro": (
            "Only like is compared with like: the {institutions} that took part in both cycles, and "
            "only standards whose wording has not changed. For each standard, the share of these "
            "institutions fully meeting it in {previous} and in {cycle}."
        ),
        "comparison_same_group": (
            "The same {institutions} took part in both cycles. For each standard whose wording has "
            "not changed: the share fully meeting it in {previous} and in {cycle}."
        ),
        "change": "Change",
        "higher": "higher",
        "lower": "lower",
        "same": "same",
        "not_compared": "Not compared: {items}.",
        "not_compared_changed": "{ids} (reworded)",
        "not_compared_new": "{ids} (new)",
        "not_compared_small": "{ids} (too few institutions)",
        "not_compared_apart": "{ids} (beside other figures of the standard they would reveal the outcome of a few institutions)",
        "no_comparison": "No standard has enough institutions to compare.",
        "no_common": "None of this cycle's institutions took part in cycle {previous}, so there is nothing to compare.",
        # trends over three or more cycles (national and institution report)
        "trend": "Trends from {first} to {last}",
        "trend_intro": (
            "We follow each standard for as long as its text stayed the same, and count only the "
            "{institutions} that took part in every cycle: the same institutions on the same "
            "question each time. Per standard, the share of these institutions that fully meet it."
        ),
        "trend_too_few": (
            "Fewer than {min_group} institutions took part in every cycle from {first} to {last}. "
            "Figures about so small a group tell about single institutions, so no trend is shown."
        ),
        "trend_own_intro": (
            "{institution}'s final outcome per standard in each cycle, for as long as the text of "
            "the standard stayed the same."
        ),
        "trend_domains": "Per domain",
        "last_day": "Back to the national day of {date}",
        "last_day_intro": "On the national day ({title}) the participants named their ambitions and the network made agreements. This is where they stand.",
        "last_day_ambitions": "The ambitions of that day",
        "last_day_agreement": "Agreement",
        "trend_domains_intro": (
            "Per domain, the outcomes of the standards with a figure in every cycle, added up: the "
            "share fully met in each cycle. 'Followed' says how many of the domain's standards "
            "count."
        ),
        "trend_domains_own": (
            "Per domain, the outcomes of the standards with an outcome in every cycle, added up: "
            "the share fully met in each cycle. 'Followed' says how many of the domain's standards "
            "count."
        ),
        "trend_no_domains": "No domain has standards with a figure in every cycle.",
        "trend_standards": "Per standard",
        "trend_followed": "Followed",
        "trend_count": "{count} of {of}",
        "trend_chart": "Outcomes per domain, {first} to {last}",
        "trend_chart_cell": "{cycle} {percent}% fully met",
        "trend_course": "Direction",
        "trend_earlier": "formerly {ids}",
        "trend_other_text": "·",
        "trend_absent": "did not take part",
        "trend_legend_other_text": "· : the standard had another text in that cycle, or did not exist yet.",
        "trend_legend_withheld": (
            "– : no figure, because fewer than {min_group} of these institutions had an outcome, or "
            "because beside other figures about the same standard and cycle it would reveal the "
            "outcome of a few institutions."
        ),
        "trend_legend_course": (
            "Direction: the standard's first figure beside its last, the cycles in between not "
            "counted."
        ),
        "trend_legend_course_own": (
            "Direction: the first outcome of the standard beside its last, the cycles in between "
            "not counted."
        ),
        "trend_not_followed": "No trend yet: {items}.",
        "trend_new": "{ids} (new in {cycle})",
        "trend_reworded": "{ids} (reworded in {cycle})",
        "recommendations": "Recommendations for the sector",
        "recommend_agenda": "Put the challenges on the agenda of the network's national meeting: {items}.",
        "recommend_parel": "Learn from each other on {standard}: the parel '{parel}' shows how it can be done.",
        "recommend_self_only": (
            "For {items}, many final ratings come from the self-review alone. In the next cycle, "
            "give review teams time to discuss these standards."
        ),
        "evaluation": "Evaluation of this cycle",
        "evaluation_intro": "The evaluation's verdict on each standard, for the next cycle.",
        "evaluation_process": "Looking back on the process",
        "verdict": "Verdict",
        "note": "Comments",
        "no_evaluation": "The evaluation of this cycle is still to come.",
        "no_evaluation_planned": "The evaluation of this cycle is planned for {date}.",
        "appendix": "Appendix: the standards",
        "type": "Type",
        "guidance": "Guidance",
        "chart_label": "{label}: {met} met, {partly} partly met, {not_met} not met, {na} n/a",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "met": "volledig",
        "partly_met": "deels",
        "not_met": "niet",
        "not_applicable": "nvt",
        "chair": "voorzitter",
        "professional": "zorgprofessional",
        "client": "cliënt",
        "expert_by_experience": "ervaringsdeskundige",
        "network_staff": "medewerker netwerkbureau",
        "observer": "toehoorder",
        "open": "open",
        "in_progress": "loopt",
        "done": "afgerond",
        "dropped": "vervallen",
        "keep": "behouden",
        "adjust": "aanpassen",
        "drop": "schrappen",
        "1": "essentieel",
        "2": "verwacht",
        "3": "wenselijk",
        "standards": "standaarden vastgesteld",
        "self_reviews": "zelfreviews afgerond",
        "review_days": "reviewdagen gehouden",
        "institution_reports": "instellingsrapporten verstuurd",
        "national_report": "landelijk rapport verschenen",
        "action_plans": "actieplannen opgesteld",
        "evaluation": "cyclus geëvalueerd",
    },
    "en": {
        "met": "met",
        "partly_met": "partly met",
        "not_met": "not met",
        "not_applicable": "n/a",
        "chair": "chair",
        "professional": "clinician",
        "client": "client",
        "expert_by_experience": "expert by experience",
        "network_staff": "network office",
        "observer": "observer",
        "open": "not started",
        "in_progress": "in progress",
        "done": "completed",
        "dropped": "dropped",
        "keep": "keep",
        "adjust": "revise",
        "drop": "drop",
        "1": "essential",
        "2": "expected",
        "3": "desirable",
        "standards": "standards agreed",
        "self_reviews": "self-reviews completed",
        "review_days": "review days held",
        "institution_reports": "institution reports sent",
        "national_report": "national report published",
        "action_plans": "action plans written",
        "evaluation": "cycle evaluated",
    },
}


def long_date(value: dt.date | None, language: str) -> str:
    """A date as a reader writes it: '14 april 2025' (nl) or '14 April 2025' (en)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[language][value.month - 1]} {value.year}"


def month_year(value: dt.date, language: str) -> str:
    """'april 2026' (nl), 'April 2026' (en)."""
    return f"{MONTHS[language][value.month - 1]} {value.year}"


def percent(share: Fraction | float) -> int:
    """A share as a whole percentage, halves rounded up (62.5 → 63), as readers and spreadsheets do.

    The only rounding of the reports: every table, sentence and format uses it. A Fraction is
    rounded exactly; a float is first read back as the fraction it stands for.
    """
    exact = share if isinstance(share, Fraction) else Fraction(share).limit_denominator(10**6)
    return math.floor(exact * 100 + Fraction(1, 2))


def number(value: int, language: str) -> str:
    """A count in running text: words up to twenty ('vier', 'four'), digits above."""
    words = NUMBER_WORDS[language]
    return words[value] if 0 <= value < len(words) else str(value)


def count(value: int, noun: str, language: str) -> str:
    """A count with its noun in the right form: 'één actie', 'vier acties', 'one action'."""
    singular, plural = NOUNS[language][noun]
    return f"{number(value, language)} {singular if value == 1 else plural}"


def join(items: Sequence[str], language: str) -> str:
    """'A', 'A en B', 'A, B en C' (nl); 'A, B and C' (en)."""
    word = TEXTS[language]["and"]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def capitalise(text: str) -> str:
    """The first letter in upper case ('vier instellingen' → 'Vier instellingen')."""
    return text[:1].upper() + text[1:]
