"""Fixtures for the snapshot layer's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from apptest.replay.trace import StepRecord, Trace


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests decide for themselves whether they run "on CI" (CI itself sets CI=true)."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("APPTEST_ALLOW_SNAPSHOT_WRITE", raising=False)
    yield


def counter_output(count: int, clicked: bool) -> dict[str, object]:
    return {
        "main": [
            {"title": "Counter"},
            {"button": {"key": "add", "label": "Add", "value": clicked}},
            {"markdown": f"Count: `{count}`"},
        ]
    }


def counter_trace(
    *, counts: tuple[int, ...] = (0, 1), scenario: str = "scenarios/counter.yaml"
) -> Trace:
    """A counter scenario: load, then one ``click: add`` per further count."""
    steps = []
    for i, n in enumerate(counts):
        steps.append(
            StepRecord(
                index=i,
                do="load" if i == 0 else {"click": "add"},
                callbacks=() if i == 0 else ("increment",),
                state={"count": n} if i == 0 else {"count": n, "add": True},
                output=counter_output(n, i > 0),
            )
        )
    return Trace(scenario=scenario, name="Counter", steps=steps)


@pytest.fixture
def trace() -> Trace:
    return counter_trace()
