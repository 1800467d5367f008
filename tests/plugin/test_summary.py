"""``--apptest-summary PATH``: a Markdown summary (counts, a table of scenario / status / first
diverging step, each diff in a collapsible section), also appended to ``$GITHUB_STEP_SUMMARY``."""

from __future__ import annotations

import re

import pytest

from ._helpers import Project


@pytest.fixture
def mixed(project: Project) -> Project:
    """ok passes, changed differs at step 1, new has no snapshot, broken cannot be replayed."""
    project.app()
    project.app(rel="scenarios/apps/changed.py")
    project.scenario("ok")
    project.scenario("changed", app="apps/changed.py")
    project.write_snapshots()
    project.app(rel="scenarios/apps/changed.py", step=5)
    project.scenario("new")
    project.write("scenarios/broken.yaml", "version: 1\nname: broken\napp: apps/counter.py\nsteps:\n  - click: nope\n")
    return project


def test_counts_table_and_collapsible_diffs(mixed: Project) -> None:
    result = mixed.pytest("--apptest-summary", "out/summary.md")

    result.assert_outcomes(passed=1, failed=3)
    md = mixed.read("out/summary.md")
    lines = md.splitlines()
    assert lines[0] == "## apptest scenarios"
    assert "**4 scenarios:** 1 changed, 1 error, 1 new, 1 passed" in lines
    table = [line for line in lines if line.startswith("|")]
    assert table == [
        "| scenario | status | first diverging step |",
        "|---|---|---|",
        "| `scenarios/changed.yaml` | ❌ changed | step 1 (click add) |",
        "| `scenarios/broken.yaml` | 💥 error | step 1 |",
        "| `scenarios/new.yaml` | 🆕 new |  |",
        "| `scenarios/ok.yaml` | ✅ passed |  |",
    ]
    # The changed scenario's step diff, collapsed under its one-line summary.
    block = re.search(r"<details><summary>(scenarios/changed\.yaml: [^<]*)</summary>\n\n```diff\n(.*?)\n```\n\n</details>",
                      md, re.S)
    assert block is not None, md
    assert block.group(1).startswith("scenarios/changed.yaml: step 1 (click add): state.count 1 → 5")
    diff = block.group(2).splitlines()
    assert diff[:2] == ["--- stored step 1 (click add)", "+++ received step 1 (click add)"]
    assert "-    count: 1" in diff
    assert "+    count: 5" in diff
    # The error is explained too; passing and new scenarios have no section.
    assert "<details><summary>scenarios/broken.yaml:5 (step 1): no widget" in md
    assert md.count("<details>") == 2
    assert "apptest review" in md
    # Balanced: every section is closed.
    assert md.count("<details>") == md.count("</details>")
    assert md.count("```") % 2 == 0


def test_appended_to_github_step_summary(mixed: Project) -> None:
    gh = mixed.path / "gh-summary.md"
    gh.write_text("## Earlier step\n\nkept\n", encoding="utf-8")

    mixed.pytest("--apptest-summary", "summary.md", env={"GITHUB_STEP_SUMMARY": str(gh)})

    text = gh.read_text(encoding="utf-8")
    assert text.startswith("## Earlier step\n\nkept\n")
    assert text[len("## Earlier step\n\nkept\n"):].strip() == mixed.read("summary.md").strip()


def test_github_step_summary_alone_is_enough(mixed: Project) -> None:
    gh = mixed.path / "gh-summary.md"

    mixed.pytest(env={"GITHUB_STEP_SUMMARY": str(gh)})

    assert "**4 scenarios:** 1 changed, 1 error, 1 new, 1 passed" in gh.read_text(encoding="utf-8")


def test_a_run_without_scenarios_adds_nothing_to_the_job_summary(project: Project) -> None:
    project.write("tests/test_plain.py", "def test_one():\n    pass\n")
    gh = project.path / "gh-summary.md"

    project.pytest(env={"GITHUB_STEP_SUMMARY": str(gh)}).assert_outcomes(passed=1)

    assert not gh.exists()


def test_a_green_run(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()

    project.pytest("--apptest-summary", "summary.md").assert_outcomes(passed=1)

    md = project.read("summary.md")
    assert "**1 scenario:** 1 passed" in md
    assert "<details>" not in md
    assert "apptest review" not in md


def test_no_summary_file_unless_asked(project: Project) -> None:
    project.app()
    project.scenario("counter")
    project.write_snapshots()

    project.pytest().assert_outcomes(passed=1)

    assert not list(project.path.glob("*.md"))
