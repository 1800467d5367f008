"""The session: the `streamlit` module swap, helper modules, compile-once, timeouts."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path

import pytest

from apptest.errors import ScriptTimeoutError
from apptest.runtime import script_runner
from apptest.runtime.session import Script, Session


def _bodies(session: Session) -> list[str]:
    return [c.props.get("body", "") for c in session.roots["main"].children]


def test_helper_modules_of_the_app_see_the_same_api(tmp_path: Path) -> None:
    (tmp_path / "ui_helpers.py").write_text(
        "import streamlit as st\n\ndef banner(text):\n    st.markdown(f'**{text}**')\n    return st\n",
        encoding="utf-8",
    )
    app = tmp_path / "app.py"
    app.write_text(
        "import streamlit as st\nimport ui_helpers\nassert ui_helpers.banner('hi') is st\nst.write('done')\n",
        encoding="utf-8",
    )
    s = Session(Script.from_file(app))
    result = s.run({})
    assert result.exception is None
    assert _bodies(s) == ["**hi**", "done"]
    sys.modules.pop("ui_helpers", None)


def test_the_process_streamlit_is_restored_after_a_run() -> None:
    import streamlit as real_st  # the installed package (test extras)

    s = Session(Script.from_string("import streamlit as st\nst.session_state['mod'] = st.__name__\n"))
    s.run({})
    assert sys.modules["streamlit"] is real_st
    assert s.state["mod"] == "streamlit"
    s2 = Session(Script.from_string("import streamlit as st\nst.session_state['cls'] = type(st.session_state).__module__\n"))
    s2.run({})
    assert s2.state["cls"] == "streamlit.runtime.state.session_state_proxy"
    assert sys.modules["streamlit"] is real_st


def test_the_script_is_compiled_once_per_source(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real_compile = compile

    def counting_compile(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args[1] if len(args) > 1 else None)
        return real_compile(*args, **kwargs)

    src = "import streamlit as st\nst.write('x')\n# unique 8d1f\n"
    monkeypatch.setattr("builtins.compile", counting_compile)
    s = Session(Script.from_string(src, "<compile-once>"))
    s.run({})
    after_first = calls.count("<compile-once>")  # ast.parse plus compile of the rewritten tree
    assert after_first >= 1
    for _ in range(5):
        s.run({})
    assert calls.count("<compile-once>") == after_first
    script_runner._code_cache.clear()


def test_an_endless_loop_is_stopped_within_twice_the_timeout() -> None:
    s = Session(Script.from_string("while True:\n    pass\n"), timeout=0.3)
    t0 = time.perf_counter()
    with pytest.raises(ScriptTimeoutError, match=r"timed out after 0.3\(s\)"):
        s.run({})
    assert time.perf_counter() - t0 < 0.6
    assert sys.modules.get("streamlit") is None or "apptest" not in repr(sys.modules.get("streamlit"))


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs the real-time interval timer")
def test_a_timer_of_the_test_process_survives_runs() -> None:
    # pytest-timeout's signal method (or a test's own alarm) runs a SIGALRM timer around the
    # whole test; a run's time limit borrows the timer and gives it back, less the time taken.
    fired: list[float] = []

    def handler(signum: int, frame: object) -> None:
        fired.append(time.monotonic())

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.6)
        started = time.monotonic()
        s = Session(Script.from_string("import streamlit as st\nst.write('x')\n"), timeout=5)
        for _ in range(20):
            s.run({})
        assert signal.getsignal(signal.SIGALRM) is handler
        left, interval = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < left <= 0.6 and interval == 0
        while not fired and time.monotonic() - started < 3:
            time.sleep(0.01)
        assert fired and 0.5 <= fired[0] - started < 1.5
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs the real-time interval timer")
def test_a_timer_of_the_test_process_that_runs_out_during_a_run() -> None:
    # The outer timer's time is up during the run: its own handler gets the signal after the
    # run, and the run is not reported as timed out.
    fired: list[int] = []

    def handler(signum: int, frame: object) -> None:
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        s = Session(Script.from_string("import time\ntime.sleep(0.2)\n"), timeout=5)
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        result = s.run({})
        assert not result.timed_out and result.exception is None
        time.sleep(0.1)
        assert fired == [signal.SIGALRM]
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
