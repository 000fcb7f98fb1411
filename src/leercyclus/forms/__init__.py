"""Spreadsheet forms: a self-review, a review day or a Samen-Audit observation (.xlsx, or an
XLSForm for tablets) out, and a filled-in form (or a tablet's submissions) back in."""

from __future__ import annotations

from leercyclus.forms.export import export_form
from leercyclus.forms.importer import import_form
from leercyclus.forms.kinds import KINDS, Exported, ImportResult

__all__ = ["KINDS", "Exported", "ImportResult", "export_form", "import_form"]
