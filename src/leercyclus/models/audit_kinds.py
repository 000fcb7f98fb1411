"""The Samen-Audit's file kinds (no pydantic here: listing reads this before any model loads)."""

from __future__ import annotations

from leercyclus.models.kinds import FileKind

KINDS = (
    FileKind(
        "audit-framework",
        "cycles/<cycle>/audit/framework.yaml",
        "leercyclus.models.audit:Framework",
        "audit",
    ),
    FileKind(
        "audit",
        "cycles/<cycle>/audit/<institution-id>/<location-id>.yaml",
        "leercyclus.models.audit:AuditRecord",
        "audit",
        "location",
    ),
    FileKind(
        "audit-conversation",
        "cycles/<cycle>/audit/<institution-id>/conversations/<conversation-id>.yaml",
        "leercyclus.models.audit:Conversation",
        "audit",
        "id",
    ),
)
"""The audit framework of a cycle, an audit of one location, a reflection conversation."""
