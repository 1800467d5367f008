"""App scripts and scenario texts used by the benchmarks (the same source for both engines)."""

from __future__ import annotations

__all__ = [
    "COUNTER_APP",
    "FLOOR_STUB",
    "TINY_APP",
    "WIDE_APP",
    "cold_scenario",
    "cold_streamlit_script",
    "long_scenario",
    "scaling_app",
]

# 1. tiny: one button with a callback, and the count shown.
TINY_APP = '''\
import streamlit as st

if "count" not in st.session_state:
    st.session_state.count = 0


def increment():
    st.session_state.count += 1


st.button("Add", on_click=increment)
st.write("Count:", st.session_state.count)
'''

# 2. wide: 50 unkeyed widgets, 10 of each kind (ids hash every argument, Streamlit's costly path).
WIDE_APP = '''\
import streamlit as st

for i in range(10):
    st.checkbox(f"Check {i}")
    st.slider(f"Slide {i}", 0, 100, 50)
    st.text_input(f"Text {i}")
    st.selectbox(f"Pick {i}", ["a", "b", "c"])
    st.number_input(f"Number {i}", 0, 1000, 5)
'''


# 3. scaling: N text inputs.
def scaling_app(n: int) -> str:
    return f'''\
import streamlit as st

for i in range({n}):
    st.text_input(f"Field {{i}}")
'''


# 4./6. cold and long: a counter with two buttons with callbacks and a text input.
COUNTER_APP = '''\
import streamlit as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0


def increment(step=1):
    st.session_state.count += step


st.button("Add", key="add", on_click=increment)
st.button("Add ten", key="add10", on_click=increment, args=(10,))
st.write("Count:", st.session_state.count)

name = st.text_input("Your name", key="name")
if name:
    st.write(f"Hello, {name}")
'''


def cold_scenario() -> str:
    """5 steps: three clicks, one text input, one plain rerun."""
    return """\
version: 1
name: Cold start
app: apps/counter.py
steps:
  - click: add
  - click: add
  - click: add10
  - set: {name: Ada}
  - rerun
"""


def cold_streamlit_script() -> str:
    """The same 5 steps through Streamlit's AppTest (a whole process)."""
    return """\
from streamlit.testing.v1 import AppTest

at = AppTest.from_file("scenarios/apps/counter.py").run()
at.button(key="add").click().run()
at.button(key="add").click().run()
at.button(key="add10").click().run()
at.text_input(key="name").set_value("Ada").run()
at.run()
assert at.session_state.count == 12, at.session_state.count
assert not at.exception
"""


def long_scenario(steps: int) -> str:
    """``steps`` interactions cycling click / set / click / rerun on the counter app."""
    lines = ["version: 1", f"name: Long {steps}", "app: apps/counter.py", "steps:"]
    for i in range(steps):
        k = i % 4
        if k == 0:
            lines.append("  - click: add")
        elif k == 1:
            lines.append(f"  - set: {{name: n{i}}}")
        elif k == 2:
            lines.append("  - click: add10")
        else:
            lines.append("  - rerun")
    return "\n".join(lines) + "\n"


# 5. floor: a do-nothing `streamlit` whose widgets return their defaults.
FLOOR_STUB = '''\
"""A do-nothing streamlit: each widget returns its default; nothing is recorded."""

session_state = {}


def checkbox(label, value=False, key=None, help=None, on_change=None, args=None, kwargs=None, **kw):
    return value


def slider(label, min_value=None, max_value=None, value=None, step=None, format=None, key=None, **kw):
    return value if value is not None else (min_value if min_value is not None else 0)


def text_input(label, value="", max_chars=None, key=None, type="default", **kw):
    return value


def selectbox(label, options, index=0, format_func=str, key=None, **kw):
    options = list(options)
    return options[index] if index is not None and options else None


def number_input(label, min_value=None, max_value=None, value="min", step=None, format=None, key=None, **kw):
    if value == "min":
        return min_value if min_value is not None else 0.0
    return value


def write(*args, **kw):
    return None


def button(label, key=None, help=None, on_click=None, args=None, kwargs=None, **kw):
    return False
'''
