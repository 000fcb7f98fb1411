"""What the command line says in the network's language (`language` in leercyclus.yaml).

The way gettext does it: a message is written in English where it is said, and each other
language has one table from those English texts (with their {fields}) to its own. A text a table
does not have is said in English. Finding codes, option names and `--help` stay as they are.
"""

from __future__ import annotations

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
    # stopping
    "interrupted": "onderbroken",
    "interrupted: the build was stopped and nothing was written": (
        "onderbroken: het bouwen is gestopt en er is niets geschreven"
    ),
}
"""Dutch."""

TABLES: dict[str, dict[str, str]] = {"en": {}, "nl": NL}
"""Every language a network can choose, with its table (English needs none)."""


def translate(text: str, language: str, **values: object) -> str:
    """`text` in `language`, its {fields} filled in with `values`."""
    return TABLES.get(language, {}).get(text, text).format(**values)
