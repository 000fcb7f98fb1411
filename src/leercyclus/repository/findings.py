"""Findings: what `check` reports, each with its file, line, column and stable code."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # yamlread imports libyaml: only locating findings needs it
    from leercyclus.repository.yamlread import Path_

Severity = Literal["error", "warning"]

CODE_BLOCKS: dict[str, str] = {
    "LC0": "reading the repository, and the rules every method shares (references, actions)",
    "LC1": "each file against its model",
    "LC2": "the peer-review cycle (LC212, overdue actions, covers the actions of every method)",
    "LC3": "the Samen-Audit",
    "LC4": "intervision groups and learning networks",
    "LC5": "indicators and improvement cycles",
    "LC6": "client experience, incidents, complaints and documents",
    "LC7": "the national day, stories and the dialogue guide",
}
"""A block of codes per area: a learning method takes its own (Method.codes) and keeps to it."""

CODES: dict[str, tuple[Severity, str]] = {
    "LC001": ("error", "The file cannot be read, or is not UTF-8 text."),
    "LC002": ("error", "YAML syntax error (an unclosed quote, a missing ':', a tab as indent)."),
    "LC003": ("error", "The file is empty (or holds only comments)."),
    "LC004": ("error", "A key appears twice in one mapping."),
    "LC005": ("error", "The file nests too deep, or anchors and aliases expand it too far."),
    "LC006": ("error", "A YAML tag (`!!python/...`, `!!binary`, ...) is used; tags are refused."),
    "LC010": ("error", "The file holds a list or a single value where a mapping of keys belongs."),
    "LC020": ("warning", "A YAML file in a cycle folder where leercyclus expects none; ignored."),
    "LC021": ("error", "A required file is missing: institutions.yaml, or a cycle's cycle.yaml."),
    "LC022": (
        "error",
        "A symbolic link leads out of the repository (or into .git): it is not read.",
    ),
    "LC030": ("error", "A reference (`kind:path`) names an item that does not exist."),
    "LC101": ("error", "Unknown key (with a 'did you mean' hint where one is close)."),
    "LC102": ("error", "A required key is missing."),
    "LC103": (
        "error",
        "A value of the wrong kind: text, list, mapping, number, empty or too small.",
    ),
    "LC104": (
        "error",
        "A value that is not one of the allowed values (outcome, role, status, ...).",
    ),
    "LC105": ("error", "An id written with characters an id of its kind may not have."),
    "LC106": ("error", "A date that is not YYYY-MM-DD, or does not exist."),
    "LC107": ("error", "The file's (or cycle folder's) name differs from the id it holds."),
    "LC201": ("error", "A standard names a domain that its cycle.yaml does not have."),
    "LC202": ("error", "A standard is named that the cycle does not have."),
    "LC203": ("error", "An institution is named that institutions.yaml does not have."),
    "LC204": ("error", "`previous` names a cycle that does not exist, or the cycle itself."),
    "LC205": ("error", "`continues` names a standard the previous cycle does not have."),
    "LC206": ("error", "A self-review, visit or action plan of an institution not taking part."),
    "LC207": ("warning", "A self-review leaves out standards of its cycle."),
    "LC208": ("warning", "A self-review answer has no explanation (outcome not not_applicable)."),
    "LC209": ("error", "The review team has no client or expert by experience."),
    "LC210": ("error", "A team member comes from the visited institution itself."),
    "LC211": ("warning", "The review day is dated before the self-review was completed."),
    "LC212": ("warning", "An action is overdue and neither done nor dropped."),
    "LC213": ("error", "An id is used twice (institution, domain, participant, standard, action)."),
    "LC214": ("error", "A team member has no home institution (only network_staff may omit it)."),
    "LC216": ("error", "A standard `continues` another, but its cycle has no `previous`."),
    "LC217": (
        "warning",
        "A standard's text changed (in git) after a self-review answered it: review the answer.",
    ),
    "LC220": (
        "warning",
        "A text the national report prints gives its institution's own scores ('11 of the 14').",
    ),
    "LC221": (
        "warning",
        "A text the national report prints claims only its writer fits ('als enige', 'the only',"
        " 'as a newcomer').",
    ),
    "LC222": (
        "warning",
        "A text the national report prints holds contact data: an e-mail address (also written"
        " out), phone number, web address, social-media account, record number or birth date.",
    ),
    "LC301": (
        "error",
        "An audit or conversation names a theme, scale level, observer, unit or conversation "
        "level that is not declared.",
    ),
    "LC302": ("error", "An audit or conversation names an institution or location not registered."),
    "LC303": ("warning", "A score has no observation: the story behind the number is missing."),
    "LC304": ("warning", "An audit has one observer, or none with a client or family perspective."),
    "LC305": ("warning", "No team conversation about an audit within `discuss_within_days`."),
    "LC306": ("warning", "An escalation that no later conversation at that level took up in time."),
    "LC307": ("error", "A conversation is dated before the audit it discusses."),
    "LC308": ("warning", "Free text holds an e-mail address, phone number or BSN."),
    "LC309": ("error", "A cycle has audit files but no audit/framework.yaml."),
    "LC310": ("error", "An id is used twice in the audit framework, an audit or a conversation."),
    "LC401": ("error", "A person id is not in people.yaml."),
    "LC402": ("error", "A person is listed twice in people.yaml."),
    "LC403": ("warning", "A meeting lists someone present who is neither member nor facilitator."),
    "LC404": (
        "warning",
        "A group whose kind asks for one has no client, relative or expert by experience.",
    ),
    "LC405": (
        "warning",
        "A group is not multidisciplinary (fewer disciplines than the network sets).",
    ),
    "LC406": ("error", "Two people who must avoid each other share a group."),
    "LC407": ("error", "A person sits in two groups of the same kind in one cycle."),
    "LC408": ("warning", "A group was shuffled after fewer meetings than the network sets."),
    "LC409": (
        "warning",
        "A group's members have stayed the same for longer than the network sets.",
    ),
    "LC410": ("warning", "An action point was never returned to at a later meeting."),
    "LC411": (
        "error",
        "An action point id is used twice in a group, or `reviewed` names none of an earlier"
        " meeting.",
    ),
    "LC412": (
        "warning",
        "An accreditation criterion is not met (meetings a year, group size, attendance, chair).",
    ),
    "LC413": ("warning", "A story claims realized or transformative value without evidence."),
    "LC501": (
        "error",
        "An indicator series row is wrong: a period not written as the indicator's period, an"
        " unknown institution, a numerator that is no number (a decimal comma included) or"
        " exceeds the denominator of a proportion, a denominator of zero or less, a denominator"
        " that is no number in a count or rare events (which have none), a period given twice"
        " for an institution.",
    ),
    "LC502": (
        "error",
        "An indicator's baseline or phase does not fit its data: a period of the wrong form, a"
        " baseline that ends before it starts or lies outside the data, phases out of order.",
    ),
    "LC503": (
        "warning",
        "A baseline of fewer than 12 points: its control limits are trial limits, no signal.",
    ),
    "LC504": (
        "warning",
        "A PDSA cycle: a plan without prediction, a study without `prediction_held`, steps dated"
        " out of order, cycles not numbered 1, 2, 3, ...",
    ),
    "LC505": (
        "warning",
        "An active improvement project past its `next_check`, or without a new step for 90 days.",
    ),
    "LC506": ("warning", "An indicator series has a gap: a period missing for an institution."),
    "LC507": (
        "error",
        "A CSV column (or value) that looks like personal data: a name, BSN, birth date, address"
        " or contact; refused in every CSV file.",
    ),
    "LC508": ("warning", "A PDSA cycle's study step is overdue (`study_by`, or do + 30 days)."),
    "LC509": (
        "error",
        "A CSV file that cannot be read as a table: no header, a column that is not allowed or"
        " missing, a row with too many or too few values.",
    ),
    "LC510": (
        "error",
        "A file in the wrong place: a series indicators/data/<id>.csv without indicators/<id>.yaml,"
        " a project or register in the folder of another institution, or one not in the register.",
    ),
    "LC601": (
        "error",
        "An experience result is wrong: an unknown instrument or item, an answer outside the"
        " item's scale, a count that is not a whole number, a period other than the file's.",
    ),
    "LC602": (
        "warning",
        "A complaint decided (or still open) later than 6 weeks after receipt, or 10 weeks when"
        " `extended` is set (Wkkgz).",
    ),
    "LC603": (
        "error",
        "A complaint's coding is wrong: an HCAT category or stage not in the list, severity or"
        " harm outside 1-4, a date that is not YYYY-MM-DD, a decision before receipt.",
    ),
    "LC604": (
        "warning",
        "A controlled document (documents/<institution>.yaml) in force or under review is past"
        " its review date (`review_by`, or `approved` + `review_every_months`).",
    ),
    "LC605": (
        "error",
        "A complaint register with a column outside the allowed set: free text would carry names.",
    ),
    "LC606": (
        "error",
        "An experience file with a column outside the allowed set: only aggregated counts per"
        " item and answer, never one person's answers.",
    ),
    "LC701": ("error", "The national day shows a parel that is not marked `share: true`."),
    "LC702": (
        "warning",
        "A national-day table's standard was judged by fewer than `min_group` institutions: its"
        " handout shows no figures.",
    ),
    "LC703": ("error", "Two blocks of the national day's programme overlap in one room."),
    "LC704": ("error", "A national-day participant's institution is not in institutions.yaml."),
    "LC705": ("error", "The national day has more participants than its tables have seats."),
}
"""Every finding code `check` can report: its severity and what it means, in one line."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in the data. Until `locate_all` runs, `path` may stand in for line and column."""

    severity: Severity
    file: str
    code: str
    message: str
    line: int = 0
    column: int = 0
    path: Path_ | None = None
    at_key: bool = False

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def as_json(self) -> dict[str, object]:
        return {
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
        }


def error(file: str, code: str, message: str, path: Path_ = (), *, at_key: bool = False) -> Finding:
    """An error at `path` inside `file`, located later."""
    return Finding("error", file, code, message, path=path, at_key=at_key)


def warning(
    file: str, code: str, message: str, path: Path_ = (), *, at_key: bool = False
) -> Finding:
    """A warning at `path` inside `file`, located later."""
    return Finding("warning", file, code, message, path=path, at_key=at_key)


def locate_all(findings: Iterable[Finding], root: Path) -> list[Finding]:
    """Give every finding its line and column, reading each file it names once; sorted."""
    from leercyclus.repository.yamlread import locate

    texts: dict[str, str | None] = {}
    located = []
    for finding in findings:
        if finding.line == 0:
            if finding.file not in texts:
                try:
                    raw = (root / finding.file).read_bytes()
                    texts[finding.file] = raw.decode("utf-8-sig", errors="replace")
                except OSError:
                    texts[finding.file] = None
            text = texts[finding.file]
            line, column = (1, 1)
            if text is not None and finding.path is not None:
                line, column = locate(text, finding.path, finding.at_key)
            finding = replace(finding, line=line, column=column)
        located.append(finding)
    return sorted(located, key=lambda f: f.sort_key)


def strict(findings: Iterable[Finding]) -> list[Finding]:
    """`--strict`: every warning becomes an error."""
    return [replace(f, severity="error") for f in findings]


def suggest(word: str, options: Iterator[str] | list[str] | set[str]) -> str | None:
    """The closest option to a misspelled word, if one is close enough."""
    matches = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    if not matches:
        lowered = {o.lower(): o for o in options}
        return lowered.get(str(word).lower())
    return matches[0]
