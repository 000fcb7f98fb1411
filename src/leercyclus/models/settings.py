"""leercyclus.yaml: the network's settings; its presence marks the repository root."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from leercyclus.models.common import Flag, Strict, Text, WholeNumber, doc
from leercyclus.models.groups import GroupSettings

Format = Literal["md", "html", "docx", "pdf"]


class National(Strict):
    """Settings of the public national report."""

    min_group: WholeNumber = doc(
        "No figure in the national report may describe fewer institutions than this.",
        "Geen getal in het landelijk rapport mag over minder instellingen gaan dan dit.",
        default=5,
        ge=2,
    )
    extra_terms: list[Text] = doc(
        "More words that must never appear in the national report (projects, wards, nicknames).",
        "Extra woorden die nooit in het landelijk rapport mogen staan (projecten, afdelingen).",
        default_factory=list,
    )
    list_participants: Flag = doc(
        "List the participating institutions by name in the national report (off by default). "
        "Many networks publish who takes part; the names then appear in that list only, and the "
        "leak guard still refuses them anywhere else in the report.",
        "Noem de deelnemende instellingen bij naam in het landelijk rapport (standaard uit). "
        "Veel netwerken maken bekend wie meedoet; de namen staan dan alleen in die lijst, en de "
        "controle op namen weigert ze overal elders in het rapport.",
        default=False,
    )


class Settings(Strict):
    """The network's settings (leercyclus.yaml)."""

    network: Text = doc("The network's name, as on the reports.", "Naam van het netwerk.")
    language: Literal["nl", "en"] = doc(
        "The language of the reports, and of the forms leercyclus writes: nl (default) or en.",
        "Taal van de rapporten en van de formulieren: nl (standaard) of en.",
        default="nl",
    )
    formats: list[Format] = doc(
        "Output formats of `leercyclus report`: md, html, docx, pdf.",
        "Uitvoerformaten van `leercyclus report`: md, html, docx, pdf.",
        default_factory=lambda: ["html", "docx"],
        min_length=1,
    )
    national: National = Field(
        default_factory=National,
        description="Settings of the public national report.",
        json_schema_extra={"x-description-nl": "Instellingen van het landelijk rapport."},
    )
    groups: GroupSettings = Field(
        default_factory=GroupSettings,
        description="The network's rules for intervision groups and learning networks.",
        json_schema_extra={"x-description-nl": "Regels voor intervisiegroepen en leernetwerken."},
    )
