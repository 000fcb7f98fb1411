"""The fixed texts of the national day's materials and the dialogue guide, in Dutch and English.

The questions invite curiosity, never blame: a difference with the team is asked about in both
directions, and every question can be answered with what the institution does well.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "met": "volledig",
        "partly_met": "deels",
        "not_met": "niet",
        "not_applicable": "nvt",
        "open": "open",
        "in_progress": "loopt",
        "done": "klaar",
        "dropped": "vervallen",
        "guide": "Gespreksleidraad",
        "confidential": "Vertrouwelijk: alleen voor de eigen instelling.",
        "guide_intro": (
            "Voor het reflectiegesprek na het rapport: waar ligt onze ambitie voor de komende"
            " periode? Elke vraag staat naast de feiten uit jullie eigen gegevens. Werk van"
            " wat er is (Wat?), via wat het betekent (En dan?), naar wat jullie gaan doen"
            " (Wat nu?)."
        ),
        "what": "Wat?",
        "so_what": "En dan?",
        "now_what": "Wat nu?",
        "facts": "Feiten voor de gespreksleider",
        "agreed": "Afgesproken actie",
        "gap_lower": (
            "Bij {standard} zag het reviewteam minder dan jullie zelf. Wat zagen zij, wat"
            " jullie niet zagen, en wat weten jullie dat zij niet konden zien?"
        ),
        "gap_higher": (
            "Bij {standard} zag het reviewteam meer dan jullie zelf. Wat doen jullie al goed"
            " zonder het zo te noemen?"
        ),
        "fact_self": "Zelfreview: {outcome}",
        "fact_team": "Reviewteam: {outcome}",
        "fact_team_note": "Het team: {note}",
        "oester_question": (
            "Oester '{title}': wat zou een eerste, kleine stap zijn, en wie doet mee?"
        ),
        "fact_suggestion": "Tip van het team: {suggestion}",
        "fact_standards": "Standaarden: {standards}",
        "decline_question": (
            "{standard} scoort lager dan in de vorige cyclus. Wat is er veranderd, bij jullie"
            " of in wat er gevraagd wordt?"
        ),
        "fact_before": "Cyclus {cycle} ({standard}): {outcome}",
        "fact_now": "Cyclus {cycle}: {outcome}",
        "action_question": "Actie van vorig jaar: '{what}'. Waar staat die, en wat is er nodig?",
        "fact_action": "Eigenaar: {owner}; gepland: {due}; status: {status}",
        "fact_overdue": "{days} dagen over de datum",
        "fact_progress": "Laatste voortgang ({date}): {note}",
        "surprise_question": (
            "Deze uitkomst uit een andere leervorm van het netwerk verraste. Wat zegt die over"
            " jullie praktijk, en past ze bij wat het reviewteam zag?"
        ),
        "open_question": (
            "Hier staat nog iets open. Wat heeft het tot nu toe opgeleverd, wat is er nodig om"
            " het af te ronden, en hoort het in het nieuwe actieplan?"
        ),
        "fact_about": "Over: {about}",
        "fact_source": "Bron: {method}",
        "ambition_question": "Waar ligt onze ambitie voor de komende periode?",
        "no_questions": "Er zijn geen verschillen, dalingen, oesters of open acties gevonden.",
        "next_step": "De stap naar het actieplan",
        "next_step_text": (
            "Schrijf de afgesproken acties in het actieplan. `leercyclus new actions {inst}`"
            " maakt het formulier, met de oesters van de reviewdag als begin;"
            " `leercyclus check` controleert het."
        ),
        "on_the_day": "Op de landelijke dag",
        "day_line": "{title}, {date}",
        "seat": "{person}: tafel '{table}'",
        "programme": "Programma",
        "network_only": "Voor de deelnemers van het netwerk.",
        "time": "Tijd",
        "block": "Onderdeel",
        "room": "Zaal",
        "form": "Werkvorm",
        "parels_shown": "Parels op deze dag",
        "contact": "Contact",
        "tables": "Tafels",
        "table": "Tafel",
        "seats": "Plaatsen",
        "seated": "Ingedeeld",
        "seated_line": "{people} deelnemers uit {homes} instellingen",
        "previous_day": "Terug naar de vorige landelijke dag: {title}",
        "previous_ambitions": "De ambities van toen (hoe staan ze ervoor?):",
        "handout": "Tafelkaart",
        "facilitator": "Gespreksleider",
        "challenge": "De uitdaging",
        "figures": "De cijfers van het netwerk",
        "figures_line": (
            "{judged} instellingen beoordeeld: {met} volledig, {partly} deels, {not_met} niet."
        ),
        "previous_figures": "Vorige cyclus ({cycle}): {line}",
        "too_few": (
            "Minder dan {min_group} instellingen beoordeelden deze standaard: geen cijfers."
        ),
        "questions": "Vragen (Wat? En dan? Wat nu?)",
        "w3_what": "Wat zien we in de cijfers en in onze eigen praktijk bij {title}?",
        "w3_so_what": "Wat betekent dat voor cliënten en naasten? Waarom is dit zo lastig?",
        "w3_now_what": "Wat gaan we doen, samen of ieder voor zich, en wanneer zien we dat terug?",
        "parels_help": "Parels die kunnen helpen",
        "no_parels": "Geen gedeelde parel bij deze standaard: vraag op de parelmarkt rond.",
        "ambitions": "Ambities",
        "agreements": "Afspraken",
        "owner": "Eigenaar",
        "due": "Datum",
        "status": "Status",
        "invitation": "Uitnodiging",
        "forms": "w3: Wat, En dan, Wat nu · 1-2-4-all: alleen, in tweeën, in vieren, allen",
    },
    "en": {
        "met": "met",
        "partly_met": "partly met",
        "not_met": "not met",
        "not_applicable": "n/a",
        "open": "open",
        "in_progress": "in progress",
        "done": "done",
        "dropped": "dropped",
        "guide": "Dialogue guide",
        "confidential": "Confidential: for the institution itself only.",
        "guide_intro": (
            "For the reflection meeting after the report: where does our ambition lie for the"
            " coming period? Each question stands beside the facts from your own data. Work"
            " from what is (What?), through what it means (So what?), to what you will do"
            " (Now what?)."
        ),
        "what": "What?",
        "so_what": "So what?",
        "now_what": "Now what?",
        "facts": "Facts for the facilitator",
        "agreed": "Agreed action",
        "gap_lower": (
            "On {standard} the review team saw less than you did. What did they see that you"
            " did not, and what do you know that they could not see?"
        ),
        "gap_higher": (
            "On {standard} the review team saw more than you did. What do you already do well"
            " without calling it that?"
        ),
        "fact_self": "Self-review: {outcome}",
        "fact_team": "Review team: {outcome}",
        "fact_team_note": "The team: {note}",
        "oester_question": "Oester '{title}': what would be a first, small step, and who joins?",
        "fact_suggestion": "The team's suggestion: {suggestion}",
        "fact_standards": "Standards: {standards}",
        "decline_question": (
            "{standard} is judged lower than in the previous cycle. What changed, with you or"
            " in what is asked?"
        ),
        "fact_before": "Cycle {cycle} ({standard}): {outcome}",
        "fact_now": "Cycle {cycle}: {outcome}",
        "action_question": "Last year's action: '{what}'. Where does it stand, what is needed?",
        "fact_action": "Owner: {owner}; due: {due}; status: {status}",
        "fact_overdue": "{days} days overdue",
        "fact_progress": "Last progress ({date}): {note}",
        "surprise_question": (
            "This outcome from another of the network's learning methods came as a surprise."
            " What does it say about your practice, and does it fit what the review team saw?"
        ),
        "open_question": (
            "Something is still open here. What has it brought so far, what does it need to be"
            " finished, and does it belong in the new action plan?"
        ),
        "fact_about": "About: {about}",
        "fact_source": "Source: {method}",
        "ambition_question": "Where does our ambition lie for the coming period?",
        "no_questions": "No differences, declines, oesters or open actions were found.",
        "next_step": "The step to the action plan",
        "next_step_text": (
            "Write the agreed actions into the action plan. `leercyclus new actions {inst}`"
            " writes the form, starting from the review day's oesters; `leercyclus check`"
            " checks it."
        ),
        "on_the_day": "On the national day",
        "day_line": "{title}, {date}",
        "seat": "{person}: table '{table}'",
        "programme": "Programme",
        "network_only": "For the network's participants.",
        "time": "Time",
        "block": "Item",
        "room": "Room",
        "form": "Work form",
        "parels_shown": "Parels on the day",
        "contact": "Contact",
        "tables": "Tables",
        "table": "Table",
        "seats": "Seats",
        "seated": "Assigned",
        "seated_line": "{people} participants from {homes} institutions",
        "previous_day": "Back to the previous national day: {title}",
        "previous_ambitions": "The ambitions named then (where do they stand?):",
        "handout": "Table handout",
        "facilitator": "Facilitator",
        "challenge": "The challenge",
        "figures": "The network's figures",
        "figures_line": (
            "{judged} institutions judged: {met} met, {partly} partly met, {not_met} not met."
        ),
        "previous_figures": "Previous cycle ({cycle}): {line}",
        "too_few": "Fewer than {min_group} institutions judged this standard: no figures.",
        "questions": "Questions (What? So what? Now what?)",
        "w3_what": "What do we see in the figures and in our own practice on {title}?",
        "w3_so_what": "What does it mean for clients and relatives? Why is this hard?",
        "w3_now_what": "What will we do, together or each of us, and when will we see it?",
        "parels_help": "Parels that could help",
        "no_parels": "No shared parel on this standard: ask around at the parel market.",
        "ambitions": "Ambitions",
        "agreements": "Agreements",
        "owner": "Owner",
        "due": "Due",
        "status": "Status",
        "invitation": "Invitation",
        "forms": "w3: What, So what, Now what · 1-2-4-all: alone, in pairs, in fours, all",
    },
}

METHOD_NAMES: dict[str, dict[str, str]] = {
    "nl": {
        "audit": "Samen-Audit",
        "improvement": "verbetercycli en indicatoren",
        "groups": "intervisie",
        "peerreview": "peer review",
    },
    "en": {
        "audit": "Samen-Audit",
        "improvement": "improvement cycles and indicators",
        "groups": "intervision",
        "peerreview": "peer review",
    },
}
"""What a quality officer calls the method a fact comes from (`Fact.method`)."""

SITE_TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Parels van het netwerk",
        "intro": (
            "Wat instellingen uitzonderlijk goed doen, gevonden op de reviewdagen van het"
            " netwerk. Elke parel staat hier met toestemming van de instelling, met iemand die"
            " u erover kunt vragen."
        ),
        "search": "Zoeken",
        "search_hint": "titel, tekst of standaard",
        "domain": "Domein",
        "standard": "Standaard",
        "year": "Jaar",
        "all": "alle",
        "shown": "{shown} van {total} parels",
        "none": "Geen parel past bij deze keuze.",
        "contact": "Contact",
        "standards": "Standaarden",
        "reports": "Landelijke rapporten",
        "report": "Landelijk rapport {year}",
        "no_reports": "Nog geen landelijk rapport in deze publicatie.",
        "noscript": (
            "Zet JavaScript aan om de parels te zien; de pagina haalt niets van buiten op."
        ),
        "made": "Gemaakt met leercyclus uit de gegevens van het netwerk.",
        "reset": "Alles tonen",
    },
    "en": {
        "title": "Parels of the network",
        "intro": (
            "What institutions do exceptionally well, found on the network's review days. Each"
            " parel is here with the institution's consent, with someone you can ask about it."
        ),
        "search": "Search",
        "search_hint": "title, text or standard",
        "domain": "Domain",
        "standard": "Standard",
        "year": "Year",
        "all": "all",
        "shown": "{shown} of {total} parels",
        "none": "No parel fits this choice.",
        "contact": "Contact",
        "standards": "Standards",
        "reports": "National reports",
        "report": "National report {year}",
        "no_reports": "No national report in this publication yet.",
        "noscript": (
            "Turn on JavaScript to see the parels; the page fetches nothing from elsewhere."
        ),
        "made": "Made with leercyclus from the network's data.",
        "reset": "Show all",
    },
}
"""The parels site's texts; the script reads its own from the data the page carries."""
