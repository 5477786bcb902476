"""The GitHub Pages workflow checks, tests, builds, deploys and releases."""

from __future__ import annotations

import re

import pytest
import yaml

from site_build import chromium, downloads, project

WORKFLOW = project.ROOT / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as True.
    return workflow.get("on", workflow.get(True))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def uses(workflow: dict, job: str) -> dict[str, str]:
    """``action -> version`` of every ``uses:`` step in ``job``."""
    return dict(s["uses"].split("@", 1) for s in steps(workflow, job) if "uses" in s)


def runs(workflow: dict, job: str) -> list[str]:
    return [s["run"] for s in steps(workflow, job) if "run" in s]


def test_it_runs_on_every_push_to_main_and_on_version_tags(workflow):
    push = triggers(workflow)["push"]
    assert push["branches"] == ["main"]
    assert push["tags"] == ["v*"]


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) >= 8
    for line in lines:
        assert re.fullmatch(r"\s*(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


def test_no_dependency_cache_in_the_job_that_builds_what_is_deployed(workflow):
    for step in steps(workflow, "build"):
        settings = step.get("with", {})
        assert "cache" not in settings and "cache-dependency-path" not in settings, step["name"]
        if step.get("uses", "").startswith("actions/setup-node"):
            assert settings["package-manager-cache"] is False


def test_the_checkout_does_not_keep_its_credentials(workflow):
    for job in workflow["jobs"]:
        for step in steps(workflow, job):
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_every_install_checks_hashes(workflow):
    installs = [c for c in runs(workflow, "build") if "pip install" in c]
    assert installs and all("--require-hashes" in c for c in installs)


def test_the_build_job_checks_tests_and_builds_in_that_order(workflow):
    actions = uses(workflow, "build")
    assert {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/upload-artifact",
    } <= set(actions)
    python = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/setup-python"))
    assert str(python["with"]["python-version"]) == "3.11"
    commands = runs(workflow, "build")
    order = [
        next(i for i, c in enumerate(commands) if "pip install --require-hashes -r requirements-test.txt" in c),
        commands.index("python scripts/normalise.py --check"),
        commands.index("bash scripts/test.sh"),
        commands.index("python scripts/build.py"),
    ]
    assert order == sorted(order)


def test_build_site_is_what_pages_deploys(workflow):
    upload = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "build/site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert "actions/deploy-pages" in uses(workflow, "deploy")


def test_the_zip_and_the_pdf_are_kept_and_released_on_a_tag(workflow):
    keep = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-artifact"))
    paths = keep["with"]["path"].split()
    assert paths == [
        f"build/site/{downloads.FOLDER}/{downloads.ZIP_NAME}",
        f"build/site/{downloads.FOLDER}/{downloads.PDF_NAME}",
    ]
    release = workflow["jobs"]["release"]
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    script = "\n".join(runs(workflow, "release"))
    assert "gh release create" in script and "gh release upload" in script
    assert downloads.ZIP_NAME in script and downloads.PDF_NAME in script


def test_the_browser_path_is_set_for_the_scripts(workflow):
    assert workflow["env"]["CHROMIUM_PATH"]
    assert "CHROMIUM_PATH" in (project.ROOT / "scripts" / "site_build" / "chromium.py").read_text(encoding="utf-8")
    assert chromium.DEFAULT_PATH == "/usr/bin/chromium"


def test_the_default_token_can_do_nothing_and_each_job_asks_for_what_it_needs(workflow):
    assert workflow["permissions"] == {}
    assert {job: spec["permissions"] for job, spec in workflow["jobs"].items()} == {
        "build": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
        "release": {"contents": "write"},
    }
