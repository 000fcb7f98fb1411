"""Spreadsheet forms: a self-review or review day as .xlsx out, and a filled-in form back in."""

from __future__ import annotations

from leercyclus.forms.export import export_form
from leercyclus.forms.importer import import_form
from leercyclus.forms.kinds import KINDS, Exported, ImportResult

__all__ = ["KINDS", "Exported", "ImportResult", "export_form", "import_form"]
