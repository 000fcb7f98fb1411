"""Classes 4 to 7: committed state is never trusted; bombs end in a clear finding; output
channels carry only what they should; git runs no program of the repository's choosing."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import git
from hostile.conftest import CYCLE, INSTITUTION, SELF_REVIEW, Hostile, cli, report
from leercyclus import __version__
from leercyclus.repository.cache import file_digest, pack_name
from leercyclus.repository.listing import list_files
from leercyclus.repository.parse import read_data
from leercyclus.rules.summary import current_inputs, outside_state, summary_key

# --- 4. committed state ------------------------------------------------------------------------


def _break_self_review(h: Hostile) -> bytes:
    """Make de-linde's self-review invalid; its valid bytes before."""
    valid = (h.root / SELF_REVIEW).read_bytes()
    h.edit(SELF_REVIEW, lambda d: d["standards"]["A1"].update(outcome="prima"))
    return valid


def test_a_committed_parse_cache_cannot_make_check_pass(hostile: Hostile) -> None:
    valid = _break_self_review(hostile)
    key = file_digest(hostile.root / SELF_REVIEW)
    pack = {key: read_data(valid)}  # the valid data, filed under the invalid file's content
    hostile.write(f".leercyclus/cache/v{__version__}/{pack_name([key])}", json.dumps(pack))
    hostile.commit()
    ran = cli("check", str(hostile.root))
    assert ran.code == 1 and "prima" in ran.out


def test_a_committed_remembered_answer_is_never_used(hostile: Hostile) -> None:
    """Outside git (a repository copied without .git) the answer's key is the files alone."""
    _break_self_review(hostile)
    shutil.rmtree(hostile.root / ".git")
    today = dt.date.today()
    key = summary_key(
        today, *current_inputs(hostile.root, list_files(hostile.root)), outside_state(hostile.root)
    )
    answer = {"key": key, "files": 1, "findings": []}
    hostile.write(f".leercyclus/cache/v{__version__}/summary.json", json.dumps(answer))
    ran = cli("check", str(hostile.root))
    assert ran.code == 1 and "prima" in ran.out


def test_the_de_identification_cache_is_never_the_repository_s(
    hostile: Hostile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leercyclus.privacy import deidentify

    used: list[Path | None] = []

    class Recording(deidentify.Deidentifier):
        def __init__(self, cache_dir: Path | None, **kwargs: Any) -> None:
            used.append(cache_dir)
            super().__init__(cache_dir, **kwargs)

        def __call__(self, text: str) -> str:
            return text  # deduce itself is not what this test is about

    monkeypatch.setattr(deidentify, "Deidentifier", Recording)
    report(hostile.root, "md", national=True)
    assert used and all(p is not None and not p.is_relative_to(hostile.root) for p in used)


def test_a_committed_build_with_a_tampered_report_is_rebuilt(hostile: Hostile) -> None:
    assert report(hostile.root, "md").code == 0
    out = hostile.root / "build/2026/confidential/de-linde/institution-report.md"
    made = out.read_text(encoding="utf-8")
    out.write_text(made.replace("Zorggroep De Linde", "TAMPERED"), encoding="utf-8")
    hostile.commit()  # build/ as a contributor commits it: the report changed, the data not
    assert report(hostile.root, "md").code == 0
    rebuilt = out.read_text(encoding="utf-8")
    assert "TAMPERED" not in rebuilt and "Zorggroep De Linde" in rebuilt


# --- 5. bombs ------------------------------------------------------------------------------------


def _alias_bomb(levels: int, width: int, leaf: str) -> str:
    lines = [f"a0: &a0 {leaf}"]
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "bomb",
    [_alias_bomb(4, 10, "x" * 190_000), _alias_bomb(9, 10, "lol")],
    ids=["bytes", "values"],
)
def test_aliases_cannot_expand_a_file_beyond_bounds(hostile: Hostile, bomb: str) -> None:
    hostile.write("cycles/2026/standards/A/A9.yaml", bomb)
    ran = cli("check", str(hostile.root), "--format", "json")
    assert ran.code == 1
    codes = {(f["file"], f["code"]) for f in json.loads(ran.out)}
    assert ("cycles/2026/standards/A/A9.yaml", "LC005") in codes


def _form(hostile: Hostile) -> Path:
    ran = cli("export", "self-review", INSTITUTION, "--repo", str(hostile.root), "--out",
              str(hostile.root.parent / "form.xlsx"))  # fmt: skip
    assert ran.code == 0, ran.err
    return hostile.root.parent / "form.xlsx"


def _rezip(form: Path, name: str, data: bytes) -> None:
    parts = {}
    with zipfile.ZipFile(form) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[name] = data
    with zipfile.ZipFile(form, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, d in parts.items():
            archive.writestr(n, d)


@pytest.mark.parametrize("bomb", ["zip", "entities"])
def test_a_form_bomb_is_refused_before_it_is_opened(hostile: Hostile, bomb: str) -> None:
    form = _form(hostile)
    if bomb == "zip":
        _rezip(form, "xl/worksheets/sheet9.xml", b"<x>" + b" " * 200_000_000 + b"</x>")
    else:
        laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>'
        _rezip(form, "xl/sharedStrings.xml", laughs)
    ran = cli("import", str(form), "--repo", str(hostile.root))
    assert ran.code == 1
    assert "not read" in " ".join(ran.err.split())


# --- 6. output channels ----------------------------------------------------------------------


def test_a_file_name_cannot_write_a_workflow_command(hostile: Hostile) -> None:
    hostile.write("cycles/2026/self-reviews/x\n::error file=evil::pwned,a:b.yaml", "a: 1\n")
    ran = cli("check", str(hostile.root), "--format", "github")
    lines = ran.out.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert not any("::error file=evil" in line for line in lines)
    assert any("%0A%3A%3Aerror file=evil%3A%3Apwned%2Ca%3Ab.yaml" in line for line in lines)


ESCAPES = '"\\e]0;owned\\a\\e[2J\\u009b31m\\u202eevil\\r"'


def test_escape_sequences_in_data_never_reach_the_terminal(hostile: Hostile) -> None:
    text = (hostile.root / CYCLE).read_text(encoding="utf-8")
    hostile.write(CYCLE, re.sub(r"^title: .*$", lambda _: f"title: {ESCAPES}", text, flags=re.M))
    review = (hostile.root / SELF_REVIEW).read_text(encoding="utf-8")
    hostile.write(SELF_REVIEW, review.replace("outcome: met", f"outcome: {ESCAPES}", 1))
    for args in (["check"], ["check", "--format", "json"], ["check", "--format", "github"],
                 ["status"]):  # fmt: skip
        ran = cli(args[0], str(hostile.root), *args[1:])
        shown = ran.out + ran.err
        assert not re.search("[\x1b\x07\x9b\u202e\r]", shown), (args, shown)


def test_a_line_break_in_a_name_or_title_writes_no_yaml_key(hostile: Hostile) -> None:
    hostile.edit(CYCLE, lambda d: d.update(title="Cyclus\ninjected: true\r\nalso: 1\u2028x: 2"))
    hostile.edit(
        "institutions.yaml",
        lambda d: d["institutions"][0].update(name="De Linde\nstandards: {A1: {outcome: met}}"),
    )
    for kind in ("self-review", "visit", "actions"):
        ran = cli("new", kind, INSTITUTION, str(hostile.root), "--force")
        assert ran.code == 0, ran.err
        folder = {"self-review": "self-reviews", "visit": "visits", "actions": "actions"}[kind]
        text = (hostile.root / f"cycles/2026/{folder}/{INSTITUTION}.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
        assert set(data) <= {"institution", "date", "team", "participants"}, data


def test_every_text_in_a_form_is_a_text(hostile: Hostile) -> None:
    formula = '=HYPERLINK("http://127.0.0.1:9/x","klik")'
    hostile.edit("leercyclus.yaml", lambda d: d.update(network=formula))
    hostile.edit(CYCLE, lambda d: d.update(title="=1+1"))
    form = _form(hostile)
    with zipfile.ZipFile(form) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)


# --- 7. git --------------------------------------------------------------------------------------


@pytest.mark.parametrize("attack", ["fsmonitor", "hook", "filter", "signature"])
def test_git_runs_no_program_the_repository_names(hostile: Hostile, attack: str) -> None:
    program = str(hostile.program())
    root = hostile.root
    if attack == "fsmonitor":
        git(root, "config", "core.fsmonitor", program)
    elif attack == "hook":
        hooks = hostile.outside / "hooks"
        hooks.mkdir()
        for name in ("post-index-change", "reference-transaction", "post-checkout"):
            (hooks / name).write_text(f"#!/bin/sh\n{program}\n")
            (hooks / name).chmod(0o755)
        git(root, "config", "core.hooksPath", str(hooks))
        path = root / SELF_REVIEW
        path.write_bytes(path.read_bytes())  # touched: status would write the index again
    elif attack == "filter":
        git(root, "config", "filter.evil.clean", program)
        git(root, "config", "filter.evil.required", "true")
        hostile.write(".gitattributes", "*.yaml filter=evil\n")
        hostile.commit()
        hostile.marker.unlink(missing_ok=True)  # the commit itself ran it: git's, not ours
        path = root / SELF_REVIEW
        path.write_bytes(path.read_bytes())  # touched: git must look at it again
    else:  # a signed commit: showing it runs the signature program
        tree = git(root, "rev-parse", "HEAD^{tree}").strip()
        head = git(root, "rev-parse", "HEAD").strip()
        stamp = "T <t@example.org> 1767225600 +0000"
        commit = (
            f"tree {tree}\nparent {head}\nauthor {stamp}\ncommitter {stamp}\n"
            "gpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\nsigned\n"
        )
        signed = subprocess.run(
            ["git", "-C", str(root), "hash-object", "-t", "commit", "-w", "--stdin"],
            input=commit.encode(), capture_output=True, check=True,
        ).stdout.decode().strip()  # fmt: skip
        git(root, "update-ref", "HEAD", signed)
        git(root, "config", "log.showSignature", "true")
        git(root, "config", "gpg.program", program)
    assert cli("check", str(root)).code in (0, 1)
    assert report(root, "md").code == 0
    assert not hostile.marker.exists()
