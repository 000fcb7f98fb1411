"""The Samen-Audit's files of a loaded network, per cycle: framework, audits, conversations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leercyclus.loading.network import Loaded, Network
    from leercyclus.models.audit import AuditRecord, Conversation, Framework
    from leercyclus.models.institutions import Location

FRAMEWORK = "audit-framework"
AUDIT = "audit"
CONVERSATION = "audit-conversation"


@dataclass
class AuditCycle:
    """One cycle's Samen-Audit: keys are (institution, location) and (institution, conversation)."""

    id: str
    framework: Loaded[Framework] | None
    audits: dict[tuple[str, str], Loaded[AuditRecord]] = field(default_factory=dict)
    conversations: dict[tuple[str, str], Loaded[Conversation]] = field(default_factory=dict)
    framework_failed: bool = False
    _talks: dict[str, list[Loaded[Conversation]]] | None = field(default=None, repr=False)
    _audits: dict[str, list[tuple[str, Loaded[AuditRecord]]]] | None = field(
        default=None, repr=False
    )

    @property
    def empty(self) -> bool:
        return self.framework is None and not self.audits and not self.conversations

    def conversations_of(self, institution: str) -> list[Loaded[Conversation]]:
        """An institution's conversations, by date."""
        if self._talks is None:
            self._talks = {}
            for (inst, _), talk in self.conversations.items():
                self._talks.setdefault(inst, []).append(talk)
            for talks in self._talks.values():
                talks.sort(key=lambda c: (c.model.date, c.model.id))
        return self._talks.get(institution, [])

    def audits_of(self, institution: str) -> list[tuple[str, Loaded[AuditRecord]]]:
        """An institution's audits: (location, file), by location."""
        if self._audits is None:
            self._audits = {}
            for (inst, loc), record in sorted(self.audits.items()):
                self._audits.setdefault(inst, []).append((loc, record))
        return self._audits.get(institution, [])

    @staticmethod
    def covers(conversation: Conversation, location: str) -> bool:
        """Whether a conversation discusses the location (no locations: all of them)."""
        return not conversation.locations or location in conversation.locations


def _split(key: str) -> tuple[str, str]:
    first, _, rest = key.partition("/")
    return first, rest


def audit_cycles(net: Network) -> list[AuditCycle]:
    """Every cycle that has audit files, oldest first."""
    found = []
    for cycle in net.cycle_order():
        data = net.cycles[cycle]
        frameworks = data.files.get(FRAMEWORK, {})
        item = AuditCycle(
            cycle,
            next(iter(frameworks.values()), None),
            {_split(k): v for k, v in data.files.get(AUDIT, {}).items()},
            {_split(k): v for k, v in data.files.get(CONVERSATION, {}).items()},
            bool(data.failed.get(FRAMEWORK)),
        )
        if not item.empty or item.framework_failed:
            found.append(item)
    return found


def locations(net: Network) -> dict[str, dict[str, Location]] | None:
    """Per registered institution its locations by id; None when institutions.yaml is unread."""
    if net.register is None:
        return None
    return {i.id: {loc.id: loc for loc in i.locations} for i in net.register.model.institutions}


def last_date(record: AuditRecord) -> dt.date:
    return max(record.dates)
