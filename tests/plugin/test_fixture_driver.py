"""``apptest_driver``: an AppTest-compatible driver, paths resolved against the test file."""

from __future__ import annotations

import pytest

from ._helpers import Project

DRIVER_TESTS = """\
from pathlib import Path


def test_relative_to_this_file(apptest_driver):
    at = apptest_driver("apps/counter.py").run()
    assert at.title[0].value == "Tests' counter"
    at.button(key="add").click().run()
    at.button(key="add").click().run()
    assert at.session_state.count == 2
    assert not at.exception


def test_parent_folders(apptest_driver):
    at = apptest_driver("../shared/other.py").run()
    assert at.markdown[0].value == "shared app"


def test_absolute_path(apptest_driver):
    at = apptest_driver(Path(__file__).parent / "apps" / "counter.py").run()
    assert at.session_state.count == 0


def test_missing_app_names_the_resolved_path(apptest_driver):
    import pytest

    with pytest.raises(FileNotFoundError) as info:
        apptest_driver("apps/nope.py")
    expected = Path(__file__).parent.resolve() / "apps" / "nope.py"
    assert str(expected) in str(info.value)
"""


@pytest.fixture
def driver_project(project: Project) -> Project:
    project.app(title="Tests' counter", rel="tests/flows/apps/counter.py")
    project.write("tests/shared/other.py", "import streamlit as st\n\nst.write('shared app')\n")
    project.write("tests/flows/test_driver.py", DRIVER_TESTS)
    # A different app at the same relative path from the project root: must not be picked.
    project.app(title="Root counter", rel="apps/counter.py")
    return project


def test_paths_resolve_against_the_test_file(driver_project: Project) -> None:
    result = driver_project.pytest("tests", "-v")

    result.assert_outcomes(passed=4)


def test_paths_resolve_against_the_test_file_from_any_working_directory(
    driver_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = driver_project.path / "docs"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    result = driver_project.pytest(str(driver_project.path / "tests"), "-v")

    result.assert_outcomes(passed=4)


def test_default_timeout_is_passed_on(project: Project) -> None:
    project.write("tests/apps/slow.py", "import time\n\ntime.sleep(5)\n")
    project.write(
        "tests/test_slow.py",
        """\
        import pytest


        def test_times_out(apptest_driver):
            at = apptest_driver("apps/slow.py", default_timeout=0.3)
            with pytest.raises(RuntimeError, match="timed out"):
                at.run()
        """,
    )

    result = project.pytest("tests")

    result.assert_outcomes(passed=1)
