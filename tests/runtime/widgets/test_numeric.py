"""Conformance of st.slider, st.number_input, st.date_input, st.time_input, st.datetime_input.

Each case runs the same script and the same interactions through apptest's ``Session`` and
through Streamlit's own ``streamlit.testing.v1.AppTest``, and compares what the script shows
(``st.text`` lines), the exceptions (type and message), and the filtered session state after
every run.
"""

from __future__ import annotations

import textwrap
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from widget_engines import Ours, R, Step, Theirs, both

HEAD = "import streamlit as st\nimport datetime as dt\n"


def src_of(body: str) -> str:
    return HEAD + textwrap.dedent(body)


# ====================================================================================== slider
@pytest.mark.parametrize(
    "call",
    [
        'st.slider("S")',
        'st.slider("S", 0.0, 1.0)',
        'st.slider("S", 0.5, 2.5, 1.25, 0.25)',
        'st.slider("S", value=dt.date(2020, 1, 1))',
        'st.slider("S", value=dt.datetime(2020, 1, 1, 12, 30))',
        'st.slider("S", value=dt.time(10, 0))',
        'st.slider("S", value=(2, 5))',
        'st.slider("S", value=[3])',
        'st.slider("S", value=[])',
        'st.slider("S", value=[0.2, 0.4])',
        'st.slider("S", value=(dt.date(2020, 1, 1), dt.date(2020, 2, 1)))',
        'st.slider("S", value=(dt.time(8), dt.time(17)))',
        'st.slider("S", 0, 10, 20)',
        'st.slider("S", 0, 10, -5)',
        'st.slider("S", 10, 0, 5)',
        'st.slider("S", 0, 10, (8, 2))',
        'st.slider("S", dt.date(2020, 1, 1), dt.date(2020, 1, 1) + dt.timedelta(hours=5))',
        'st.slider("S", min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2020, 1, 1, 6))',
        'st.slider("S", 0, 100, 50, 5, format="%d%%")',
        'st.slider("S", None, None, None)',
        'st.slider("S", min_value=5)',
    ],
)
def test_slider_defaults(call: str) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), R)


@pytest.mark.parametrize(
    ("call", "value"),
    [
        ('st.slider("S", 0, 10, 3)', 7),
        ('st.slider("S", 0, 10, 3)', 99),  # frontend out of range -> default
        ('st.slider("S", 0.0, 1.0, 0.5)', 0.25),
        ('st.slider("S", value=(2, 5))', (1, 9)),
        ('st.slider("S", value=(2, 5))', (1,)),  # wrong length -> default
        ('st.slider("S", value=(2, 5))', [0, 200]),
        ('st.slider("S", value=dt.date(2020, 1, 1))', date(2020, 1, 10)),
        ('st.slider("S", value=dt.datetime(2020, 1, 1, 12))', datetime(2020, 1, 3, 8, 15)),
        ('st.slider("S", value=dt.time(10, 0))', time(13, 45)),
        ('st.slider("S", value=(dt.time(8), dt.time(17)))', (time(9), time(12))),
        ('st.slider("S", value=dt.date(2020, 1, 1))', date(2021, 1, 1)),  # out of range -> default
    ],
)
def test_slider_interaction(call: str, value: Any) -> None:
    obs = both(src_of(f"v = {call}\nst.text(repr(v))\n"), ("set", "slider", 0, value), R, R)
    assert len(obs) == 3


def test_slider_timezone_aware_datetime() -> None:
    src = src_of("""
        tz = dt.timezone(dt.timedelta(hours=2))
        v = st.slider("S", value=dt.datetime(2020, 1, 1, 12, tzinfo=tz), key="s")
        st.text(repr(v))
    """)
    from datetime import timezone

    both(src, ("set", "slider", 0, datetime(2020, 1, 2, 6, tzinfo=timezone(timedelta(hours=2)))), R)


@pytest.mark.parametrize(
    "call",
    [
        'st.slider("S", 5, 5)',
        'st.slider("S", 0.5, 0.5)',
        'st.slider("S", dt.date(2020, 1, 1), dt.date(2020, 1, 1))',
        'st.slider("S", 0, 1.0)',
        'st.slider("S", 0, 10, 5.0)',
        'st.slider("S", 0.0, 10.0, 5)',
        'st.slider("S", 0, 10, step=0)',
        'st.slider("S", 0.0, 1.0, step=0.0)',
        'st.slider("S", value=dt.date(2020, 1, 1), step=dt.timedelta(0))',
        'st.slider("S", value="abc")',
        'st.slider("S", value=(1, 2, 3))',
        'st.slider("S", value=(1, 2.5))',
        'st.slider("S", value=dt.date(2020, 1, 1), step=1)',
        'st.slider("S", 0, 2**60)',
        'st.slider("S", -1e309, 1.0)',
        'st.slider("S", value=dt.date(2020, 1, 1), min_value=dt.datetime(2020, 1, 1))',
        'st.slider("S", label_visibility="nope")',
        'st.slider("S", on_change=5)',
        'st.slider("S", key="")',
    ],
)
def test_slider_errors(call: str) -> None:
    obs = both(src_of(f"st.text('before')\nv = {call}\nst.text(repr(v))\n"), R)
    assert obs[0]["exceptions"], "expected an exception"


@pytest.mark.parametrize(
    ("call", "written"),
    [
        ('st.slider("S", 0, 10, 3, key="s")', 7),
        ('st.slider("S", 0, 10, 3, key="s")', -1),
        ('st.slider("S", 0, 10, 3, key="s")', 99),
        ('st.slider("S", 0.0, 1.0, key="s")', 5),
        ('st.slider("S", 0.0, 1.0, key="s")', 0.5),
        ('st.slider("S", 0, 10, 3, key="s")', 2.5),
        ('st.slider("S", 0, 10, 3, key="s")', (1, 2)),
        ('st.slider("S", 0, 10, (2, 4), key="s")', (1, 20)),
        ('st.slider("S", 0, 10, (2, 4), key="s")', 5),
        ('st.slider("S", 0, 10, 3, key="s")', None),
        ('st.slider("S", 0, 10, 3, key="s")', "abc"),
        ('st.slider("S", 0, 10, key="s")', (3, 6)),  # value=None: range decided by the state
        ('st.slider("S", key="s")', 1.5),
        ('st.slider("S", value=dt.date(2020, 1, 1), key="s")', date(2020, 1, 5)),
        ('st.slider("S", value=dt.date(2020, 1, 1), key="s")', date(2019, 1, 5)),
        ('st.slider("S", value=dt.date(2020, 1, 1), key="s")', datetime(2020, 1, 5, 10)),
        ('st.slider("S", value=dt.time(10), key="s")', time(23, 59, 59, 999999)),
    ],
)
def test_slider_session_state_write(call: str, written: Any) -> None:
    src = src_of(f"""
        if "go" not in st.session_state:
            st.session_state.go = 1
            st.session_state.s = {written!r}
        v = {call}
        st.text(repr(v))
        st.text(repr(st.session_state.get("s")))
    """)
    # A value the frontend cannot hold (None, "abc") makes AppTest itself fail on the run after.
    steps = (R,) if written is None or isinstance(written, str) else (R, R)
    both(src.replace("datetime.", "dt.").replace("dt.dt.", "dt."), *steps)


def test_slider_session_state_between_runs_and_callback() -> None:
    src = src_of("""
        def cb():
            st.session_state.log = st.session_state.get("log", []) + [st.session_state.s]
            st.session_state.t = 9
        v = st.slider("S", 0, 10, 3, key="s", on_change=cb)
        w = st.slider("T", 0, 10, key="t")
        st.text(repr((v, w, st.session_state.get("log"))))
    """)
    both(src, ("ss", "s", 4), R, ("set", "slider", 0, 6), R, R, ("set", "slider", 0, 6), R)


def test_slider_keyed_whitelist() -> None:
    src = src_of("""
        lo = st.session_state.get("lo", 0)
        lab = st.session_state.get("lab", "S")
        v = st.slider(lab, lo, 10, 3, key="s")
        u = st.slider(lab, lo, 10, 3)
        st.text(repr((v, u)))
    """)
    both(
        src,
        ("set", "slider", 0, 5),
        ("set", "slider", 1, 6),
        R,
        ("ss", "lab", "Other"),
        R,
        ("set", "slider", 0, 7),
        ("set", "slider", 1, 7),
        R,
        ("ss", "lo", 1),
        R,
    )


def test_slider_element_props_match_proto() -> None:
    calls = [
        'st.slider("S", 0, 100, 50, 5, format="%d%%", help="h")',
        'st.slider("S", value=(dt.date(2020, 1, 1), dt.date(2020, 2, 1)))',
        'st.slider("S", value=dt.time(10, 0), disabled=True)',
        'st.slider("S", 0.0, 1.0, (0.2, 0.3))',
    ]
    src = src_of("\n".join(calls))
    ours, theirs = Ours(src), Theirs(src)
    ours.run()
    theirs.run()
    for i, el in enumerate(ours.elements("slider")):
        p = theirs.at.slider[i].proto
        assert el.props["min"] == p.min
        assert el.props["max"] == p.max
        assert el.props["step"] == p.step
        assert el.props["format"] == p.format
        assert el.props["default"] == list(p.default)
        assert el.props["disabled"] == p.disabled
        assert el.props["help"] == p.help
        assert el.props["label"] == p.label


# ====================================================================================== number_input
@pytest.mark.parametrize(
    "call",
    [
        'st.number_input("N")',
        'st.number_input("N", 0)',
        'st.number_input("N", 5, 10)',
        'st.number_input("N", 1.5, 10.0)',
        'st.number_input("N", value=3)',
        'st.number_input("N", value=2.5)',
        'st.number_input("N", max_value=10)',
        'st.number_input("N", step=2)',
        'st.number_input("N", step=0.5)',
        'st.number_input("N", value=None)',
        'st.number_input("N", 0, 10, None)',
        'st.number_input("N", value=None, step=1)',
        'st.number_input("N", format="%.3f")',
        'st.number_input("N", value=1, format="%0.2f")',
        'st.number_input("N", value=True)',
    ],
)
def test_number_input_defaults(call: str) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), R)


@pytest.mark.parametrize(
    "call",
    [
        'st.number_input("N", 0, 10.0)',
        'st.number_input("N", 0.0, 10)',
        'st.number_input("N", value=1, step=0.5)',
        'st.number_input("N", min_value=1.0, value=2)',
        'st.number_input("N", 10, 0)',
        'st.number_input("N", 5, 10, 1)',
        'st.number_input("N", 0, 10, 11)',
        'st.number_input("N", 0.5, 1.0, 2.0)',
        'st.number_input("N", format="abc")',
        'st.number_input("N", value=2**60)',
        'st.number_input("N", min_value=-(2**60))',
        'st.number_input("N", value="abc")',
        'st.number_input("N", value=5, min_value="3")',
        'st.number_input("N", on_change="nope")',
    ],
)
def test_number_input_errors(call: str) -> None:
    obs = both(src_of(f"st.text('before')\nv = {call}\nst.text(repr(v))\n"), R)
    assert obs[0]["exceptions"], "expected an exception"


@pytest.mark.parametrize(
    ("call", "steps"),
    [
        ('st.number_input("N")', [("inc", 0), R, ("inc", 0), R, ("dec", 0), R]),
        (
            'st.number_input("N", 0, 3)',
            [("inc", 0), R, ("inc", 0), R, ("inc", 0), R, ("inc", 0), R],
        ),
        ('st.number_input("N", 0, 10, 5)', [("set", "number_input", 0, 8), R]),
        (
            'st.number_input("N", 0, 10, 5)',
            [("set", "number_input", 0, 50), R],
        ),  # out of range -> default
        ('st.number_input("N", 0.0, 1.0)', [("set", "number_input", 0, 0.75), R]),
        (
            'st.number_input("N", value=None)',
            [("set", "number_input", 0, 4.5), R, ("set", "number_input", 0, None), R],
        ),
        ('st.number_input("N", 0, 10, None)', [("set", "number_input", 0, 4), R]),
        ('st.number_input("N", step=3)', [("inc", 0), R, ("set", "number_input", 0, 7.9), R]),
    ],
)
def test_number_input_interaction(call: str, steps: list[Step]) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), *steps)


@pytest.mark.parametrize(
    ("call", "written"),
    [
        ('st.number_input("N", 0, 10, key="n")', 7),
        ('st.number_input("N", 0, 10, key="n")', 50),
        ('st.number_input("N", 0, 10, 5, key="n")', -3),
        ('st.number_input("N", 0, 10, key="n")', 3.7),
        ('st.number_input("N", 0.0, 10.0, key="n")', 4),
        ('st.number_input("N", 0, 10, 5, key="n")', None),
        ('st.number_input("N", key="n")', None),
        ('st.number_input("N", key="n")', "abc"),
        ('st.number_input("N", 0.0, key="n")', "abc"),
        ('st.number_input("N", key="n")', True),
        ('st.number_input("N", key="n")', 1e300),
    ],
)
def test_number_input_session_state_write(call: str, written: Any) -> None:
    src = src_of(f"""
        if "go" not in st.session_state:
            st.session_state.go = 1
            st.session_state.n = {written!r}
        v = {call}
        st.text(repr(v))
        st.text(repr(st.session_state.get("n")))
    """)
    # A str cannot go on the wire (AppTest itself would fail on a third run).
    steps: tuple[Step, ...] = (R,) if isinstance(written, str) else (R, ("inc", 0), R)
    both(src, *steps)


def test_number_input_bounds_change_resets_keyed_value() -> None:
    src = src_of("""
        hi = st.session_state.get("hi", 10)
        v = st.number_input("N", 0, hi, 2, key="n")
        st.text(repr((v, st.session_state.n)))
    """)
    both(src, ("set", "number_input", 0, 8), R, ("ss", "hi", 5), R, R)


def test_number_input_callback() -> None:
    src = src_of("""
        def cb(tag):
            st.session_state.log = st.session_state.get("log", []) + [(tag, st.session_state.n)]
        v = st.number_input("N", 0, 10, key="n", on_change=cb, args=("x",))
        st.text(repr((v, st.session_state.get("log"))))
    """)
    both(src, ("inc", 0), R, R, ("set", "number_input", 0, 1), R, ("ss", "n", 4), R)


# ====================================================================================== date_input
@pytest.mark.parametrize(
    "call",
    [
        'st.date_input("D")',
        'st.date_input("D", dt.date(2020, 1, 1))',
        'st.date_input("D", dt.datetime(2020, 1, 1, 12, 30))',
        'st.date_input("D", "2020-03-04")',
        'st.date_input("D", "2020-03-04T10:00")',
        'st.date_input("D", "today")',
        'st.date_input("D", None)',
        'st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))',
        'st.date_input("D", [dt.date(2020, 1, 1)])',
        'st.date_input("D", [])',
        'st.date_input("D", ["2020-01-01", dt.datetime(2020, 5, 1)])',
        'st.date_input("D", min_value=dt.date(2000, 1, 1), max_value=dt.date(2001, 1, 1))',
        'st.date_input("D", dt.date(2024, 2, 29))',
        'st.date_input("D", format="DD.MM.YYYY")',
    ],
)
def test_date_input_defaults(call: str) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), R)


@pytest.mark.parametrize(
    "call",
    [
        'st.date_input("D", dt.date(2020, 1, 1), min_value=dt.date(2021, 1, 1))',
        'st.date_input("D", dt.date(2020, 1, 1), max_value=dt.date(2019, 1, 1))',
        'st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 6, 1)), max_value=dt.date(2020, 3, 1))',
        'st.date_input("D", min_value=dt.date(2021, 1, 1), max_value=dt.date(2020, 1, 1))',
        'st.date_input("D", "not a date")',
        'st.date_input("D", 5)',
        'st.date_input("D", (dt.date(2020, 1, 1),) * 3)',
        'st.date_input("D", min_value=5)',
        'st.date_input("D", format="YYYY/DD/MM")',
        'st.date_input("D", format=5)',
    ],
)
def test_date_input_errors(call: str) -> None:
    obs = both(src_of(f"st.text('before')\nv = {call}\nst.text(repr(v))\n"), R)
    assert obs[0]["exceptions"], "expected an exception"


@pytest.mark.parametrize(
    ("call", "value"),
    [
        ('st.date_input("D", dt.date(2020, 1, 1))', date(2020, 5, 5)),
        (
            'st.date_input("D", dt.date(2020, 1, 1))',
            date(2040, 5, 5),
        ),  # outside the ±10 years -> default
        ('st.date_input("D", None)', date(2020, 5, 5)),
        (
            'st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))',
            (date(2020, 3, 1), date(2020, 4, 1)),
        ),
        ('st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))', (date(2020, 3, 1),)),
        ('st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)))', ()),
    ],
)
def test_date_input_interaction(call: str, value: Any) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), ("set", "date_input", 0, value), R, R)


@pytest.mark.parametrize(
    ("call", "written"),
    [
        ('st.date_input("D", dt.date(2020, 1, 1), key="d")', "dt.date(2020, 6, 1)"),
        ('st.date_input("D", dt.date(2020, 1, 1), key="d")', "dt.date(2090, 6, 1)"),
        (
            'st.date_input("D", dt.date(2020, 1, 1), dt.date(2019, 1, 1), dt.date(2021, 1, 1), key="d")',
            "dt.date(2090, 6, 1)",
        ),
        (
            'st.date_input("D", dt.date(2020, 1, 1), dt.date(2019, 1, 1), key="d")',
            "dt.date(2018, 6, 1)",
        ),
        ('st.date_input("D", dt.date(2020, 1, 1), key="d")', "dt.datetime(2020, 6, 1, 10, 30)"),
        (
            'st.date_input("D", dt.date(2020, 1, 1), dt.date(2019, 1, 1), key="d")',
            "(dt.date(2020, 6, 1),)",
        ),
        (
            'st.date_input("D", (dt.date(2020, 1, 1),), dt.date(2019, 1, 1), key="d")',
            "(dt.date(2020, 6, 1), dt.date(2030, 1, 1))",
        ),
        (
            'st.date_input("D", (dt.date(2020, 1, 1),), key="d")',
            "(dt.date(2020, 6, 1), dt.date(2020, 7, 1))",
        ),
        ('st.date_input("D", key="d")', "(dt.date(2020, 6, 1), dt.date(2020, 7, 1))"),
        ('st.date_input("D", key="d")', "None"),
        ('st.date_input("D", dt.date(2020, 1, 1), key="d")', "None"),
    ],
)
def test_date_input_session_state_write(call: str, written: str) -> None:
    src = src_of(f"""
        if "go" not in st.session_state:
            st.session_state.go = 1
            st.session_state.d = {written}
        v = {call}
        st.text(repr(v))
        st.text(repr(st.session_state.get("d")))
    """)
    both(src, R, R)


def test_date_input_props_match_proto() -> None:
    calls = [
        'st.date_input("D")',
        'st.date_input("D", (dt.date(2020, 1, 1), dt.date(2020, 2, 1)), format="MM/DD/YYYY")',
        'st.date_input("D", None, dt.date(1999, 1, 1))',
        'st.date_input("D", dt.date(2024, 2, 29))',
    ]
    src = src_of("\n".join(calls))
    ours, theirs = Ours(src), Theirs(src)
    ours.run()
    theirs.run()
    for i, el in enumerate(ours.elements("date_input")):
        p = theirs.at.date_input[i].proto
        assert (el.props["min"], el.props["max"], el.props["format"]) == (p.min, p.max, p.format)
        assert (el.props["default"], el.props["is_range"]) == (list(p.default), p.is_range)


# ====================================================================================== time_input
@pytest.mark.parametrize(
    "call",
    [
        'st.time_input("T", dt.time(10, 30))',
        'st.time_input("T", dt.time(10, 30, 45))',
        'st.time_input("T", dt.time(10, 30, 45), step=30)',
        'st.time_input("T", dt.time(10, 30, 45), step=dt.timedelta(seconds=90))',
        'st.time_input("T", dt.datetime(2020, 1, 1, 8, 15, 20))',
        'st.time_input("T", "10:30")',
        'st.time_input("T", "10:30:15", step=1)',
        'st.time_input("T", "2020-01-01T07:45")',
        'st.time_input("T", None)',
        'st.time_input("T", dt.time(10, 30), format="12h")',
    ],
)
def test_time_input_defaults(call: str) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), R)


def test_time_input_now() -> None:
    src = src_of("""
        v = st.time_input("T")
        w = st.time_input("U", "now", step=1)
        st.text(repr((type(v).__name__, v.second, v.microsecond, type(w).__name__, w.microsecond)))
    """)
    both(src, R)


@pytest.mark.parametrize(
    "call",
    [
        'st.time_input("T", dt.time(1), step=0)',
        'st.time_input("T", dt.time(1), step=82801)',
        'st.time_input("T", dt.time(1), step=dt.timedelta(hours=24))',
        'st.time_input("T", dt.time(1), step="60")',
        'st.time_input("T", dt.time(1), step=True)',
        'st.time_input("T", dt.time(1), step=60.0)',
        'st.time_input("T", "noon")',
        'st.time_input("T", 5)',
        'st.time_input("T", dt.time(1), format="25h")',
    ],
)
def test_time_input_errors(call: str) -> None:
    obs = both(src_of(f"st.text('before')\nv = {call}\nst.text(repr(v))\n"), R)
    assert obs[0]["exceptions"], "expected an exception"


@pytest.mark.parametrize(
    ("call", "steps"),
    [
        ('st.time_input("T", dt.time(10, 30))', [("set", "time_input", 0, time(11, 45)), R]),
        ('st.time_input("T", dt.time(10, 30))', [("set", "time_input", 0, time(11, 45, 30)), R]),
        (
            'st.time_input("T", dt.time(10, 30), step=1)',
            [("set", "time_input", 0, time(11, 45, 30)), R],
        ),
        ('st.time_input("T", None)', [("set", "time_input", 0, datetime(2020, 1, 1, 9, 5)), R]),
        ('st.time_input("T", dt.time(10, 30), key="t")', [("ss", "t", time(1, 2, 3)), R, R]),
        ('st.time_input("T", dt.time(10, 30), key="t")', [("ss", "t", None), R, R]),
        (
            'st.time_input("T", dt.time(10, 30), key="t")',
            [("ss", "t", datetime(2020, 1, 1, 4, 5)), R, R],
        ),
        (
            'st.time_input("T", dt.time(10, 30), key="t", step=30)',
            [("ss", "t", time(1, 2, 3)), R, R],
        ),
    ],
)
def test_time_input_interaction(call: str, steps: list[Step]) -> None:
    both(
        src_of(f"v = {call}\nst.text(repr(v))\nst.text(repr(st.session_state.to_dict()))\n"), *steps
    )


def test_time_input_session_state_write_of_a_string() -> None:
    src = src_of("""
        if "go" not in st.session_state:
            st.session_state.go = 1
            st.session_state.t = "10:00"
        st.text("before")
        v = st.time_input("T", dt.time(10, 30), key="t")
        st.text(repr(v))
    """)
    obs = both(src)
    assert obs[0]["exceptions"]


def test_time_input_step_is_keyed_identity() -> None:
    src = src_of("""
        step = st.session_state.get("step", 900)
        lab = st.session_state.get("lab", "T")
        v = st.time_input(lab, dt.time(10, 30), key="t", step=step)
        st.text(repr(v))
    """)
    both(
        src,
        ("set", "time_input", 0, time(12, 0)),
        R,
        ("ss", "lab", "X"),
        R,
        ("ss", "step", 1800),
        R,
    )


# ====================================================================================== datetime_input
@pytest.mark.parametrize(
    "call",
    [
        'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10, 30, 45))',
        'st.datetime_input("DT", dt.date(2020, 1, 1))',
        'st.datetime_input("DT", "2020-01-01 10:30")',
        'st.datetime_input("DT", "2020/01/01 10:30")',
        'st.datetime_input("DT", "2020-01-01")',
        'st.datetime_input("DT", None)',
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), min_value=dt.date(2019, 1, 1), '
        "max_value=dt.date(2021, 1, 1))",
        'st.datetime_input("DT", dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc))',
    ],
)
def test_datetime_input_defaults(call: str) -> None:
    both(src_of(f"v = {call}\nst.text(repr(v))\n"), R)


@pytest.mark.parametrize(
    "call",
    [
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), min_value=dt.datetime(2021, 1, 1))',
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), max_value=dt.datetime(2019, 1, 1))',
        'st.datetime_input("DT", None, dt.datetime(2021, 1, 1), dt.datetime(2020, 1, 1))',
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), step=30)',
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), step=1.5)',
        'st.datetime_input("DT", dt.datetime(2020, 1, 1), format="bad")',
        'st.datetime_input("DT", 5)',
    ],
)
def test_datetime_input_errors(call: str) -> None:
    obs = both(src_of(f"st.text('before')\nv = {call}\nst.text(repr(v))\n"), R)
    assert obs[0]["exceptions"], "expected an exception"


@pytest.mark.parametrize(
    ("call", "steps"),
    [
        (
            'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10))',
            [("set", "datetime_input", 0, datetime(2020, 2, 2, 11, 45)), R, R],
        ),
        (
            'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10))',
            [("set", "datetime_input", 0, datetime(2050, 2, 2, 11, 45)), R],
        ),
        (
            'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10), key="x")',
            [("ss", "x", datetime(2090, 1, 1)), R, R],
        ),
        (
            'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10), dt.datetime(2019, 1, 1), key="x")',
            [("ss", "x", datetime(2018, 1, 1)), R, R],
        ),
        (
            'st.datetime_input("DT", dt.datetime(2020, 1, 1, 10), key="x")',
            [("ss", "x", None), R, R],
        ),
    ],
)
def test_datetime_input_interaction(call: str, steps: list[Step]) -> None:
    both(
        src_of(f"v = {call}\nst.text(repr(v))\nst.text(repr(st.session_state.to_dict()))\n"), *steps
    )


# ====================================================================================== common
def test_widgets_in_form_and_sidebar() -> None:
    src = src_of("""
        with st.form("f"):
            a = st.slider("A", 0, 10, 1)
            b = st.number_input("B", 0, 10, 2)
            st.form_submit_button("Go")
        c = st.sidebar.date_input("C", dt.date(2020, 1, 1))
        st.text(repr((a, b, c)))
    """)
    both(
        src,
        ("set", "slider", 0, 4),
        ("set", "number_input", 0, 5),
        R,
        ("set", "date_input", 0, date(2020, 2, 2)),
        R,
        ("set", "slider", 0, 6),
        ("set", "number_input", 0, 7),
        ("click", 0),
        R,
        R,
    )


def test_callback_in_form_is_rejected() -> None:
    src = src_of("""
        with st.form("f"):
            st.number_input("B", on_change=lambda: None)
            st.form_submit_button("Go")
    """)
    obs = both(src, R)
    assert obs[0]["exceptions"]


def test_duplicate_ids() -> None:
    both(src_of('st.slider("A")\nst.slider("A")\n'), R)
    both(src_of('st.number_input("A", key="k")\nst.date_input("B", key="k")\n'), R)


def test_disabled_widget_ignores_frontend_value() -> None:
    src = src_of("""
        v = st.slider("A", 0, 10, 1, key="a", disabled=st.session_state.get("dis", False))
        st.text(repr(v))
    """)
    both(src, ("set", "slider", 0, 4), R, ("ss", "dis", True), R)


def test_number_time_datetime_props_match_proto() -> None:
    src = src_of("""
        st.number_input("A")
        st.number_input("B", 0, 10, 5, 2, format="%02d", help="h", placeholder="p")
        st.number_input("C", value=None, min_value=1.5)
        st.time_input("T", dt.time(10, 30, 15), step=45)
        st.time_input("U", None)
        st.datetime_input("DT", dt.datetime(2020, 1, 1, 8, 5), step=120, format="DD.MM.YYYY")
        st.datetime_input("DU", None, min_value=dt.date(2019, 1, 1))
    """)
    ours, theirs = Ours(src), Theirs(src)
    ours.run()
    theirs.run()
    for i, el in enumerate(ours.elements("number_input")):
        p = theirs.at.number_input[i].proto
        assert el.props["min"] == (p.min if p.has_min else None)
        assert el.props["max"] == (p.max if p.has_max else None)
        assert (el.props["step"], el.props["format"]) == (p.step, p.format)
        assert el.props["default"] == (p.default if p.HasField("default") else None)
        assert (el.props["placeholder"], el.props["help"]) == (p.placeholder, p.help)
        assert el.props["data_type"] == ("int" if p.data_type == p.INT else "float")
    for i, el in enumerate(ours.elements("time_input")):
        p = theirs.at.time_input[i].proto
        assert (el.props["step"], el.props["format"]) == (p.step, p.format)
        assert el.props["default"] == (p.default if p.HasField("default") else None)
    for i, el in enumerate(ours.elements("date_time_input")):
        p = theirs.at.datetime_input[i].proto
        assert (el.props["min"], el.props["max"]) == (p.min, p.max)
        assert (el.props["step"], el.props["format"]) == (p.step, p.format)
        assert el.props["default"] == list(p.default)


def test_on_change_ignore_and_rerun_modes() -> None:
    src = src_of("""
        a = st.slider("A", 0, 10, on_change="ignore")
        b = st.number_input("B", on_change="rerun")
        c = st.date_input("C", dt.date(2020, 1, 1), on_change="ignore")
        d = st.time_input("D", dt.time(1), on_change="ignore")
        e = st.datetime_input("E", dt.datetime(2020, 1, 1), on_change="ignore")
        st.text(repr((a, b, c, d, e)))
    """)
    both(src, ("set", "slider", 0, 3), ("set", "time_input", 0, time(2)), R)


def test_unkeyed_widget_resets_when_its_parameters_change() -> None:
    src = src_of("""
        n = st.session_state.get("n", 1)
        a = st.number_input("A", 0, 10 * n)
        b = st.date_input("B", dt.date(2020, n, 1))
        c = st.time_input("C", dt.time(n))
        st.text(repr((a, b, c)))
    """)
    both(
        src,
        ("set", "number_input", 0, 4),
        ("set", "date_input", 0, date(2020, 5, 5)),
        ("set", "time_input", 0, time(5)),
        R,
        R,
        ("ss", "n", 2),
        R,
    )


def test_keyed_date_input_keeps_value_when_bounds_change() -> None:
    src = src_of("""
        lo = st.session_state.get("lo", dt.date(2019, 1, 1))
        v = st.date_input("D", dt.date(2020, 1, 1), lo, key="d")
        st.text(repr(v))
    """)
    both(
        src,
        ("set", "date_input", 0, date(2020, 3, 3)),
        R,
        ("ss", "lo", date(2020, 2, 1)),
        R,
        ("ss", "lo", date(2020, 4, 1)),
        R,
    )
