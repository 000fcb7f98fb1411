"""Build network repositories from texts: a minimal valid network and scenario overrides."""

from __future__ import annotations

import datetime as dt
import subprocess
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

import pytest

TODAY = dt.date(2026, 1, 1)
"""The fixed 'today' of every check in the tests (actions due before it are overdue)."""

CYCLE = "cycles/2025"
SETTINGS = "leercyclus.yaml"
REGISTER = "institutions.yaml"
CYCLE_FILE = f"{CYCLE}/cycle.yaml"
STANDARD_A1 = f"{CYCLE}/standards/A1.yaml"
STANDARD_A2 = f"{CYCLE}/standards/A2.yaml"
STANDARD_B1 = f"{CYCLE}/standards/B1.yaml"
SELF_REVIEW = f"{CYCLE}/self-reviews/de-linde.yaml"
VISIT = f"{CYCLE}/visits/de-linde.yaml"
ACTIONS = f"{CYCLE}/actions/de-linde.yaml"
EVALUATION = f"{CYCLE}/evaluation.yaml"


def build_tree(root: Path, files: Mapping[str, str | bytes | None]) -> Path:
    """Write `files` (relative path → text) under `root`, dedenting texts; None removes a file."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def git(root: Path, *args: str) -> str:
    """Run git in `root`; its standard output."""
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return done.stdout.decode()


def committed(root: Path) -> Path:
    """`root` made a git repository with everything in it committed once."""
    git(root, "init", "-q")
    git(root, "config", "user.email", "test@example.org")
    git(root, "config", "user.name", "Test")
    git(root, "add", ".")
    git(root, "commit", "-qm", "network")
    return root


def xfail(reason: str) -> pytest.MarkDecorator:
    """A known bug: the test says what should happen, and fails until it does."""
    return pytest.mark.xfail(strict=True, reason=reason)


class Found(NamedTuple):
    """A finding as the tests compare it: everything the user sees."""

    severity: str
    file: str
    line: int
    column: int
    code: str
    message: str


def found(root: Path, *, strict_mode: bool = False) -> list[Found]:
    """Every finding of `check` on the repository at `root`, on the tests' fixed day."""
    from leercyclus.commands.pipeline import check

    result = check(root, strict_mode=strict_mode, today=TODAY)
    return [Found(f.severity, f.file, f.line, f.column, f.code, f.message) for f in result.findings]


def network(root: Path, overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
    """MINIMAL written under `root`, with files replaced by `overrides` (None removes a file)."""
    return build_tree(root, {**MINIMAL, **(overrides or {})})


def edited(rel: str, old: str, new: str) -> str:
    """MINIMAL's text of `rel` with `old` replaced by `new`; `old` must occur exactly once."""
    text = MINIMAL[rel]
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    return text.replace(old, new)


_MINIMAL: dict[str, str] = {
    SETTINGS: """\
        network: Kwaliteitsnetwerk Herstel
        language: nl
        formats: [html, docx]
        national:
          min_group: 3
          extra_terms: [Zonnehuis]
        """,
    REGISTER: """\
        institutions:
          - id: de-linde
            name: Zorggroep De Linde
            aliases: [De Linde, ZGL]
            city: Zwolle
          - id: het-anker
            name: Stichting Het Anker
            city: Deventer
          - id: de-brug
            name: GGZ De Brug
        """,
    CYCLE_FILE: """\
        id: "2025"
        title: Cyclus 2025
        theme:
          title: Naasten betrekken
          questions: [Hoe betrekken jullie naasten bij het behandelplan?]
        domains:
          - id: A
            title: Bejegening
          - id: B
            title: Naasten
        participants: [de-linde, het-anker, de-brug]
        """,
    STANDARD_A1: """\
        id: A1
        domain: A
        title: Respectvolle bejegening
        text: Cliënten en naasten ervaren dat zij met respect worden bejegend.
        type: 1
        """,
    STANDARD_A2: """\
        id: A2
        domain: A
        title: Eigen regie
        text: Cliënten houden de regie over hun herstel.
        """,
    STANDARD_B1: """\
        id: B1
        domain: B
        title: Naasten betrokken
        text: Naasten worden vanaf de intake betrokken.
        guidance: Denk aan het intakegesprek.
        """,
    SELF_REVIEW: """\
        institution: de-linde
        completed: 2025-02-20
        participants: [teamleider kliniek, 2 cliënten]
        standards:
          A1:
            outcome: met
            explanation: Wij bespreken bejegening in elk teamoverleg.
            evidence: [Cliënttevredenheidsonderzoek 2024]
          A2:
            outcome: partly_met
            explanation: Herstelplannen worden samen opgesteld.
          B1:
            outcome: not_applicable
        theme: Naasten komen vaak pas laat in beeld.
        """,
    VISIT: """\
        institution: de-linde
        date: 2025-04-14
        team:
          - name: Petra Jansen
            role: chair
            discipline: verpleegkundige
            institution: het-anker
          - name: Sam de Vries
            role: expert_by_experience
            institution: de-brug
          - name: Anna Smit
            role: network_staff
        standards:
          A1:
            outcome: partly_met
            note: Bejegening is goed, maar niet overal gelijk.
        parels:
          - title: Herstelwerkplaats
            text: Cliënten geven zelf workshops.
            standards: [A2]
            share: true
            contact: {name: Karin de Boer, email: k.deboer@example.org}
        oesters:
          - title: Naasten later betrokken dan gewenst
            text: Naasten worden pas na weken uitgenodigd.
            standards: [B1]
            suggestion: Nodig naasten uit bij de intake.
        """,
    ACTIONS: """\
        institution: de-linde
        ambition: Naasten vanaf dag één betrekken.
        actions:
          - id: naasten-intake
            what: Naasten uitnodigen bij het intakegesprek
            owner: teamleider kliniek
            due: 2099-09-01     # far ahead: the CLI checks against the real today
            status: in_progress
            standards: [B1]
            progress: [{date: 2025-06-01, note: Eerste gesprekken gevoerd.}]
          - id: workshop
            what: Workshop bejegening
            owner: opleidingen
            due: 2025-05-01
            status: done
        """,
    EVALUATION: """\
        standards:
          A1: {verdict: keep, note: Helder.}
          B1: {verdict: adjust}
        process: De reviewdagen waren goed voorbereid.
        """,
}

MINIMAL: dict[str, str] = {rel: textwrap.dedent(text) for rel, text in _MINIMAL.items()}
"""A small valid network: 3 institutions, cycle 2025 with 2 domains and 3 standards, one of each
file kind for de-linde. `check` finds nothing in it. Texts are dedented, so `str.replace` on them
works with the indentation as the files have it."""

PREVIOUS_CYCLE: dict[str, str | bytes | None] = {
    "cycles/2024/cycle.yaml": """\
id: "2024"
title: Cyclus 2024
domains: [{id: A, title: Bejegening}]
participants: [de-linde]
""",
    "cycles/2024/standards/A1.yaml": "id: A1\ndomain: A\ntitle: Bejegening\ntext: Respect.\n",
    CYCLE_FILE: edited(CYCLE_FILE, "title: Cyclus 2025\n", "title: Cyclus 2025\nprevious: 2024\n"),
}
"""A cycle 2024 with one standard A1, and cycle 2025 naming it as `previous`."""

SCENARIOS: dict[str, dict[str, str | bytes | None]] = {
    # File-level problems: the file cannot be read as data.
    "not_utf8": {STANDARD_A1: MINIMAL[STANDARD_A1].encode("latin-1")},
    "unclosed_quote": {
        STANDARD_A1: edited(STANDARD_A1, "title: Respectvolle", "title: 'Respectvolle\n ")
    },
    "empty_self_review": {SELF_REVIEW: ""},
    "duplicate_key": {
        VISIT: edited(VISIT, "date: 2025-04-14\n", "date: 2025-04-14\ndate: 2025-04-15\n")
    },
    "nested_too_deep": {SETTINGS: "network: " + "[" * 100 + "]" * 100 + "\n"},
    "python_tag": {SETTINGS: 'network: !!python/object/apply:os.system ["echo pwned"]\n'},
    "list_at_top": {REGISTER: "- id: de-linde\n  name: Zorggroep De Linde\n"},
    # Files leercyclus does not know, or that are missing.
    "stray_file": {"cycles/2025/notes.yaml": "note: alleen voor ons\n"},
    "no_register": {REGISTER: None},
    "cycle_folder_without_cycle_yaml": {"cycles/2024/standards/A1.yaml": MINIMAL[STANDARD_A1]},
    # One file does not match its model.
    "misspelt_key": {STANDARD_B1: edited(STANDARD_B1, "guidance:", "guidence:")},
    "unknown_key_far_from_any": {STANDARD_B1: edited(STANDARD_B1, "guidance:", "zzz:")},
    "missing_title": {STANDARD_A2: edited(STANDARD_A2, "title: Eigen regie\n", "")},
    "share_no": {VISIT: edited(VISIT, "share: true", "share: no")},
    "misspelt_role": {VISIT: edited(VISIT, "role: chair\n", "role: chairman\n")},
    "uppercase_institution_id": {REGISTER: edited(REGISTER, "id: de-brug", "id: De Brug")},
    "dutch_date": {VISIT: edited(VISIT, "date: 2025-04-14", "date: 14-04-2025")},
    "actions_file_of_other_institution": {
        ACTIONS: edited(ACTIONS, "institution: de-linde", "institution: het-anker")
    },
    "cycle_id_not_folder": {CYCLE_FILE: edited(CYCLE_FILE, 'id: "2025"', 'id: "2024"')},
    # Rules across files.
    "lowercase_domain": {STANDARD_A2: edited(STANDARD_A2, "domain: A", "domain: a")},
    "parel_unknown_standard": {VISIT: edited(VISIT, "standards: [A2]", "standards: [a2]")},
    "evaluation_unknown_standard": {EVALUATION: edited(EVALUATION, "  B1:", "  B2:")},
    "team_member_unknown_institution": {
        VISIT: edited(VISIT, "institution: de-brug", "institution: de-brugg")
    },
    "own_previous": {
        CYCLE_FILE: edited(
            CYCLE_FILE, "title: Cyclus 2025\n", "title: Cyclus 2025\nprevious: 2025\n"
        )
    },
    "unknown_previous": {
        CYCLE_FILE: edited(
            CYCLE_FILE, "title: Cyclus 2025\n", "title: Cyclus 2025\nprevious: 2024\n"
        )
    },
    "continues_unknown": {**PREVIOUS_CYCLE, STANDARD_A2: MINIMAL[STANDARD_A2] + "continues: A11\n"},
    "continues_without_previous": {STANDARD_A2: MINIMAL[STANDARD_A2] + "continues: A1\n"},
    "not_a_participant": {
        CYCLE_FILE: edited(CYCLE_FILE, "[de-linde, het-anker, de-brug]", "[het-anker, de-brug]")
    },
    "unanswered_standard": {
        SELF_REVIEW: edited(SELF_REVIEW, "  B1:\n    outcome: not_applicable\n", "")
    },
    "no_explanation": {
        SELF_REVIEW: edited(
            SELF_REVIEW, "    explanation: Herstelplannen worden samen opgesteld.\n", ""
        )
    },
    "no_client_on_team": {VISIT: edited(VISIT, "role: expert_by_experience", "role: professional")},
    "member_from_visited": {
        VISIT: edited(VISIT, "    institution: het-anker\n", "    institution: de-linde\n")
    },
    "visit_before_self_review": {VISIT: edited(VISIT, "date: 2025-04-14", "date: 2025-02-01")},
    "overdue_action": {ACTIONS: edited(ACTIONS, "due: 2099-09-01", "due: 2025-09-01")},
    "duplicate_institution": {
        REGISTER: MINIMAL[REGISTER] + "  - id: het-anker\n    name: Dubbel\n"
    },
    "duplicate_action_id": {ACTIONS: edited(ACTIONS, "id: workshop", "id: naasten-intake")},
    "member_without_institution": {VISIT: edited(VISIT, "    institution: het-anker\n", "")},
    "unknown_reference": {
        ACTIONS: edited(
            ACTIONS,
            "    standards: [B1]\n",
            "    standards: [B1]\n    source: oester:2025/de-linde/naasten-later\n",
        )
    },
    # Texts the national report prints that would tell who wrote them.
    "own_scores_in_parel": {
        VISIT: edited(
            VISIT, "zelf workshops.", "zelf workshops. We voldoen aan 11 van de 14 normen."
        )
    },
    "claim_in_oester_title": {
        VISIT: edited(
            VISIT, "title: Naasten later", "title: Als enige in het netwerk naasten later"
        )
    },
    "contact_in_parel": {
        VISIT: edited(VISIT, "zelf workshops.", "zelf workshops. Mail werkplaats (at) linde.nl.")
    },
}
"""Named scenarios: MINIMAL with one or two files changed so that exactly one rule breaks."""
