"""The learning methods, each a package of its own; registered here, in one place.

A method may use every shared block (models, repository, rules, loading, privacy, publishing,
forms) but never another method: they meet in the shared action model, references and scopes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leercyclus.loading.method import Method


def registered() -> list[Method]:
    """Every learning method, in the order their findings and reports come."""
    from leercyclus.methods import audit, groups, improvement, nationalday, peerreview

    return [peerreview.METHOD, improvement.METHOD, audit.METHOD, groups.METHOD, nationalday.METHOD]
