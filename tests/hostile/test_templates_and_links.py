"""Classes 2 and 3: a repository's templates run sandboxed; a link never takes a read or a
write out of the repository, and public/ holds only what leercyclus made."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from hostile.conftest import SECRET, SELF_REVIEW, Hostile, Listener, cli, report

OUR_REFERENCE = Path(__file__).resolve().parents[2] / "templates" / "reference.docx"

# --- templates ----------------------------------------------------------------------------

SANDBOX_ESCAPES = {
    "shell": "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ t.__globals__ }}",
    "import": "{{ self._TemplateReference__context.environment.__class__ }}",
    "huge": "{{ 'x' * 10000000000 }}",
    "power": "{{ 7 ** 999999999 }}",
}


@pytest.mark.parametrize("attack", list(SANDBOX_ESCAPES))
def test_a_template_cannot_run_code_or_reach_python(hostile: Hostile, attack: str) -> None:
    body = SANDBOX_ESCAPES[attack].replace("{marker}", str(hostile.marker))
    hostile.write(
        "templates/institution-report.md.j2",
        '{% extends "leercyclus/institution-report.md.j2" %}{% block team %}'
        + body
        + "{% endblock %}",
    )
    ran = report(hostile.root, "md")
    assert ran.code == 1, ran.out
    assert "template" in ran.err
    assert not hostile.marker.exists()
    assert not list((hostile.root / "build").rglob("*.md"))


def test_a_template_cannot_include_a_file_outside_its_folder(hostile: Hostile) -> None:
    hostile.write("templates/institution-report.md.j2", '{% include "../../outside/secret.txt" %}')
    ran = report(hostile.root, "md")
    assert ran.code != 0 and SECRET not in ran.out + ran.err


@pytest.mark.parametrize("which", ["file", "folder"])
def test_a_linked_template_or_template_folder_is_refused(hostile: Hostile, which: str) -> None:
    secret = hostile.outside / "institution-report.md.j2"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    if which == "file":
        hostile.link("templates/institution-report.md.j2", secret)
    else:
        hostile.link("templates", hostile.outside)
    ran = report(hostile.root, "md")
    assert ran.code == 1 and "symbolic link" in ran.err
    assert SECRET not in ran.out + ran.err
    assert not list((hostile.root / "build").rglob("*.md"))


def _reference_with(part: str, text: str) -> bytes:
    """Our reference.docx with one part replaced or added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(OUR_REFERENCE) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            if item.filename != part:
                target.writestr(item, source.read(item))
        target.writestr(part, text)
    return buffer.getvalue()


EXTERNAL_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId99" Type="http://schemas.openxmlfo'
    'rmats.org/officeDocument/2006/relationships/attachedTemplate" Target="{url}/t.dotm" '
    'TargetMode="External"/></Relationships>'
)
FIELD = (
    '<w:document><w:body><w:p><w:r><w:instrText> INCLUDEPICTURE "{url}/f.png" </w:instrText>'
    "</w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("attack", ["external", "field", "bomb", "link"])
def test_a_reference_docx_that_brings_in_anything_is_refused(
    hostile: Hostile, listener: Listener, attack: str
) -> None:
    if attack == "external":
        data = _reference_with(
            "word/_rels/settings.xml.rels", EXTERNAL_RELS.format(url=listener.url)
        )
        hostile.write("templates/reference.docx", data)
    elif attack == "field":
        data = _reference_with("word/header9.xml", FIELD.format(url=listener.url))
        hostile.write("templates/reference.docx", data)
    elif attack == "bomb":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("word/document.xml", b"\0" * 60_000_000)
        hostile.write("templates/reference.docx", buffer.getvalue())
    else:
        (hostile.outside / "reference.docx").write_bytes(OUR_REFERENCE.read_bytes())
        hostile.link("templates/reference.docx", hostile.outside / "reference.docx")
    ran = report(hostile.root, "docx")
    assert ran.code == 1 and "reference.docx" in ran.err
    assert listener.requests == []
    assert not list((hostile.root / "build").rglob("*.docx"))


# --- symbolic links: reading ----------------------------------------------------------------


@pytest.mark.parametrize(
    "rel",
    [
        SELF_REVIEW,
        "cycles/2026/standards/A/A9.yaml",
        "cycles/2026",
        "institutions.yaml",
        "leercyclus.yaml",
        "cycles/2026/visits",
    ],
)
def test_a_link_out_of_the_repository_is_refused_and_never_shown(
    hostile: Hostile, rel: str
) -> None:
    target = hostile.outside / ("secret.yaml" if rel.endswith(".yaml") else "")
    if not rel.endswith(".yaml"):
        (hostile.outside / "x.yaml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    hostile.link(rel, target)
    for fmt in ("text", "json", "github"):
        ran = cli("check", str(hostile.root), "--format", fmt)
        assert ran.code == 1
        assert SECRET not in ran.out + ran.err
        assert "LC022" in ran.out and rel.split("/")[-1] in ran.out


def test_a_link_into_git_s_own_folder_is_refused(hostile: Hostile) -> None:
    """The CI checkout keeps its token in .git/config: no data file may read it."""
    (hostile.root / ".git" / "config").write_text(
        (hostile.root / ".git" / "config").read_text() + f"[secret]\n  token = {SECRET}\n"
    )
    hostile.link("cycles/2026/standards/A/A9.yaml", Path("../../../../.git/config"))
    ran = cli("check", str(hostile.root))
    assert ran.code == 1 and "LC022" in ran.out and SECRET not in ran.out


# --- symbolic links and strangers: writing ---------------------------------------------------


@pytest.mark.parametrize("where", ["build", "build/2026", "build/2026/confidential"])
def test_a_committed_link_under_the_outputs_is_never_written_through(
    hostile: Hostile, where: str
) -> None:
    before = hostile.outside_files()
    hostile.link(where, hostile.outside)
    hostile.commit()
    ran = report(hostile.root, "md")
    assert ran.code == 1 and "symbolic link" in ran.err
    assert hostile.outside_files() == before


def test_confidential_reports_cannot_be_steered_into_public(hostile: Hostile) -> None:
    (hostile.root / "build/2026/public").mkdir(parents=True)
    hostile.link("build/2026/confidential", Path("public"))
    hostile.commit()
    ran = report(hostile.root, "md,html", national=False)
    assert ran.code == 1
    assert list((hostile.root / "build/2026/public").iterdir()) == []


def test_a_file_planted_in_public_is_refused(hostile: Hostile) -> None:
    hostile.write("build/2026/public/index.html", "<script>steal()</script>")
    hostile.commit()
    ran = report(hostile.root, "md")
    assert ran.code == 1 and "did not make" in " ".join(ran.err.split())


def test_import_and_new_write_nothing_through_a_link(hostile: Hostile) -> None:
    before = hostile.outside_files()
    hostile.link("cycles/2026/self-reviews", hostile.outside)
    ran = cli("new", "self-review", "de-linde", str(hostile.root), "--force")
    assert ran.code != 0
    assert hostile.outside_files() == before
