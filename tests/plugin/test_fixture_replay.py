"""``replay``: ``assert replay("scenarios/x.yaml") == snapshot`` writes and compares
``snapshots/x.yaml``, the same file the scenario's own item uses."""

from __future__ import annotations

from ._helpers import Project, failure_section

REPLAY_TESTS = """\
def test_counter(replay, snapshot):
    assert replay("scenarios/counter.yaml") == snapshot


def test_checkout(replay, snapshot):
    replayed = replay("scenarios/shop/checkout.yaml")
    assert len(replayed.steps) == 3  # load + two clicks
    assert replayed == snapshot
"""


def _project(project: Project) -> Project:
    project.app()
    project.scenario("counter")
    project.scenario("shop/checkout")
    project.write("tests/test_flows.py", REPLAY_TESTS)
    return project


def test_update_writes_the_scenario_snapshots(project: Project) -> None:
    _project(project)

    result = project.pytest("tests", "--snapshot-update")

    result.assert_outcomes(passed=2)
    assert "2 snapshots generated" in result.stdout.str()
    counter = project.snapshot("counter").read_text(encoding="utf-8")
    assert "scenario: scenarios/counter.yaml" in counter
    assert "- step: 2" in counter
    assert "scenario: scenarios/shop/checkout.yaml" in project.snapshot("shop/checkout").read_text(
        encoding="utf-8"
    )
    # Nothing else is written: no __snapshots__ folder beside the tests.
    assert not (project.path / "tests" / "__snapshots__").exists()


def test_snapshots_written_by_the_cli_compare_equal(project: Project) -> None:
    _project(project)
    project.write_snapshots()

    result = project.pytest("tests")

    result.assert_outcomes(passed=2)
    assert "2 snapshots passed" in result.stdout.str()


def test_a_change_fails_with_the_diverging_step(project: Project) -> None:
    _project(project)
    project.write_snapshots()
    project.app(step=2)  # each click now adds 2

    result = project.pytest("tests/test_flows.py::test_counter", "-vv")

    result.assert_outcomes(failed=1)
    text = "\n".join(failure_section(result, "test_counter"))
    # The explanation leads with the first diverging step, then its diff, then the fix.
    result.stdout.fnmatch_lines(
        [
            "E * assert scenarios/counter.yaml: step 1 (click add): state.count 1 → 2*",
            "E *--- stored step 1 (click add)",
            "E *+++ received step 1 (click add)",
        ]
    )
    assert "-    count: 1" in text
    assert "+    count: 2" in text
    assert "accept with: pytest --snapshot-update" in text
    # The stored snapshot is untouched until the change is accepted.
    assert "count: 1" in project.snapshot("counter").read_text(encoding="utf-8")


def test_the_scenario_item_and_the_fixture_share_one_snapshot(project: Project) -> None:
    _project(project)
    project.write_snapshots()

    result = project.pytest()  # scenario items and tests/test_flows.py

    result.assert_outcomes(passed=4)
    assert "unused" not in result.stdout.str()


def test_one_test_may_assert_several_scenarios(project: Project) -> None:
    _project(project)
    project.write(
        "tests/test_both.py",
        """\
        def test_both(replay, snapshot):
            assert replay("scenarios/counter.yaml") == snapshot
            assert replay("scenarios/shop/checkout.yaml") == snapshot
        """,
    )

    created = project.pytest("tests/test_both.py", "--snapshot-update")
    assert created.ret == 0, created.stdout.str()
    assert "2 snapshots generated" in created.stdout.str()
    assert project.snapshot("counter").is_file()
    assert project.snapshot("shop/checkout").is_file()

    again = project.pytest("tests/test_both.py")
    again.assert_outcomes(passed=1)


def test_a_path_relative_to_the_test_file(project: Project) -> None:
    _project(project)
    project.write_snapshots()
    project.write(
        "scenarios/test_near.py",
        """\
        def test_near(replay, snapshot):
            assert replay("counter.yaml") == snapshot
        """,
    )

    result = project.pytest("scenarios/test_near.py")

    result.assert_outcomes(passed=1)
