"""Conformance of st.radio, st.selectbox, st.multiselect, st.select_slider, st.pills and
st.segmented_control.

Each case runs the same script and the same interactions through apptest's ``Session`` and
through Streamlit's own ``streamlit.testing.v1.AppTest``, and compares what the script shows
(``st.text`` lines), the exceptions (type and message) and the filtered session state after
every run. Our side is driven with wire values (the formatted labels), as a browser sends them.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from widget_engines import R, both, ours_only, walk

from apptest.runtime.session import Script, Session

HEAD = "import streamlit as st\nimport enum\n"


def src_of(body: str) -> str:
    return HEAD + textwrap.dedent(body)


def show(call: str) -> str:
    return src_of(f"v = {call}\nst.text(repr(v))\n")


# ====================================================================================== radio
@pytest.mark.parametrize(
    "call",
    [
        'st.radio("R", ["a", "b", "c"])',
        'st.radio("R", ["a", "b", "c"], index=2)',
        'st.radio("R", ["a", "b", "c"], index=None)',
        'st.radio("R", [])',
        'st.radio("R", [], index=None)',
        'st.radio("R", [], index=5)',
        'st.radio("R", ("x", "y"), key="k")',
        'st.radio("R", {"k1": 1, "k2": 2}, index=1)',
        'st.radio("R", range(3), index=1)',
        'st.radio("R", "abc")',
        'st.radio("R", 5)',
        'st.radio("R", [{"a": 1}, {"b": 2}], index=1)',
        'st.radio("R", [1, 2], format_func=lambda x: f"#{x}", horizontal=True, captions=["one", None])',
        'st.radio("R", ["a", "b"], index="1")',
        'st.radio("R", ["a", "b"], index=2)',
        'st.radio("R", ["a", "b"], index=-1)',
        'st.radio("R", ["a", "b"], index=1.0)',
        'st.radio("R", ["a", "b"], captions=[1, 2])',
        'st.radio("R", [1, 2, 3], format_func=lambda x: x * 2)',
        'st.radio("R", ["a"], label_visibility="nope")',
        'st.radio("R", ["a"], key="")',
        'st.radio("", ["a"])',
    ],
)
def test_radio_defaults_and_errors(call: str) -> None:
    both(show(call), R)


def test_radio_duplicate_id() -> None:
    both(src_of('st.radio("R", ["a"])\nst.radio("R", ["a"], disabled=True)\n'))


@pytest.mark.parametrize(
    ("call", "value", "wire"),
    [
        ('st.radio("R", ["a", "b", "c"])', "b", "b"),
        ('st.radio("R", ["a", "b", "c"], key="k")', "c", "c"),
        ('st.radio("R", ["a", "b", "c"], index=None)', "a", "a"),
        ('st.radio("R", [1, 2, 3], format_func=lambda x: "odd" if x % 2 else "even")', 1, "odd"),
        ('st.radio("R", [{"a": 1}, {"b": 2}], format_func=lambda d: list(d)[0])', {"b": 2}, "b"),
    ],
)
def test_radio_interaction(call: str, value: Any, wire: Any) -> None:
    obs = both(show(call), ("set", "radio", 0, value, wire), R, R)
    assert len(obs) == 3


def test_radio_duplicate_labels_last_wins() -> None:
    obs = both(show('st.radio("R", [1, 2, 3], format_func=lambda x: "odd" if x % 2 else "even")'),
               ("set", "radio", 0, 1, "odd"), R)
    assert obs[-1]["text"] == ["3"]


@pytest.mark.parametrize("written", ['"b"', '"zz"', "None", "2", '["a"]'])
def test_radio_session_state_write(written: str) -> None:
    src = src_of(f"""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.r = {written}
        v = st.radio("R", ["a", "b", "c"], index=1, key="r")
        st.text(repr(v))
        st.text(repr(st.session_state.r))
    """)
    both(src, R, R)


def test_radio_between_run_write_and_callback() -> None:
    src = src_of("""
        def cb(tag):
            st.session_state.log = st.session_state.get("log", []) + [(tag, st.session_state.r)]
        v = st.radio("R", ["a", "b", "c"], key="r", on_change=cb, args=("x",))
        st.text(repr(v))
    """)
    both(src, ("ss", "r", "c"), R, ("set", "radio", 0, "b", "b"), R, R, ("set", "radio", 0, "b", "b"), R)


def test_radio_keyed_options_change() -> None:
    src = src_of("""
        opts = st.session_state.get("opts", ["x", "y", "z"])
        v = st.radio("R", opts, key="r")
        st.text(repr(v))
    """)
    obs = both(src, ("set", "radio", 0, "y", "y"), R, ("ss", "opts", ["y", "w"]), R, ("ss", "opts", ["q", "w"]), R, R)
    assert [o["text"] for o in obs] == [["'x'"], ["'y'"], ["'y'"], ["'q'"], ["'q'"]]


def test_radio_enum_coercion_across_redefinition() -> None:
    src = src_of("""
        class Color(enum.Enum):
            RED = 1
            GREEN = 2
        v = st.radio("R", Color, key="c", format_func=lambda c: c.name)
        st.text(repr(v))
        st.text(str(type(v) is Color))
    """)
    both(src, ("set", "radio", 0, "GREEN", "GREEN"), R, R)


def test_radio_in_form_with_callback() -> None:
    both(src_of("""
        with st.form("f"):
            st.radio("R", ["a"], on_change=lambda: None)
            st.form_submit_button()
    """))


# ====================================================================================== selectbox
@pytest.mark.parametrize(
    "call",
    [
        'st.selectbox("S", ["a", "b", "c"])',
        'st.selectbox("S", ["a", "b", "c"], index=1)',
        'st.selectbox("S", ["a", "b", "c"], index=None, placeholder="pick")',
        'st.selectbox("S", [])',
        'st.selectbox("S", [], index=None)',
        'st.selectbox("S", ["a", "b"], index="0")',
        'st.selectbox("S", ["a", "b"], index=3)',
        'st.selectbox("S", ["a"], filter_mode="regex")',
        'st.selectbox("S", ["a"], filter_mode=None, accept_new_options=True)',
        'st.selectbox("S", ["a"], filter_mode=None)',
        'st.selectbox("S", ["a"], accept_new_options=True, placeholder="")',
        'st.selectbox("S", [1, 2], format_func=lambda x: x)',
        'st.selectbox("S", [1.5, 2.5], index=1, key="f")',
    ],
)
def test_selectbox_defaults_and_errors(call: str) -> None:
    both(show(call), R)


@pytest.mark.parametrize(
    ("call", "value", "wire"),
    [
        ('st.selectbox("S", ["a", "b", "c"])', "c", "c"),
        ('st.selectbox("S", ["a", "b", "c"], index=None, key="k")', "b", "b"),
        ('st.selectbox("S", ["a", "b", "c"], key="k")', None, None),
        ('st.selectbox("S", [10, 20], format_func=lambda x: f"n{x}")', 20, "n20"),
        ('st.selectbox("S", ["a", "b"], accept_new_options=True, key="k")', "b", "b"),
    ],
)
def test_selectbox_interaction(call: str, value: Any, wire: Any) -> None:
    both(show(call), ("set", "selectbox", 0, value, wire), R, R)


@pytest.mark.parametrize("written", ['"b"', '"zz"', "None", "0"])
def test_selectbox_session_state_write(written: str) -> None:
    src = src_of(f"""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.s = {written}
        v = st.selectbox("S", ["a", "b", "c"], index=2, key="s")
        st.text(repr(v))
        st.text(repr(st.session_state.s))
    """)
    both(src, R, R)


def test_selectbox_keyed_options_change_and_new_option() -> None:
    src = src_of("""
        opts = st.session_state.get("opts", ["x", "y"])
        v = st.selectbox("S", opts, key="s")
        st.text(repr(v))
    """)
    both(src, ("set", "selectbox", 0, "y", "y"), R, ("ss", "opts", ["y"]), R, ("ss", "opts", ["q"]), R)


def test_selectbox_accept_new_options_returns_typed_text() -> None:
    src = show('st.selectbox("S", ["a", "b"], accept_new_options=True, key="k")')
    obs = ours_only(src, ("set", "selectbox", 0, None, "brand new"), R, R)
    assert [o["text"] for o in obs] == [["'a'"], ["'brand new'"], ["'brand new'"]]
    assert obs[-1]["state"] == {"k": "brand new"}
    # without accept_new_options an unknown label resets to the default
    obs = ours_only(show('st.selectbox("S", ["a", "b"], index=1, key="k")'),
                    ("set", "selectbox", 0, None, "brand new"), R)
    assert obs[-1]["text"] == ["'b'"]


def test_selectbox_format_func_failing_on_stale_value_uses_wire_label() -> None:
    # format_func looks options up by identity: it fails on the deepcopy kept from the last run,
    # so the stored wire label decides (resolve_value_against_options).
    src = src_of("""
        class Opt:
            def __init__(self, n):
                self.n = n
        if "opts" not in st.session_state:
            st.session_state.opts = [Opt(1), Opt(2)]
        opts = st.session_state.opts
        names = {id(o): f"o{o.n}" for o in opts}
        v = st.selectbox("S", opts, format_func=lambda o: names[id(o)], key="s")
        st.text(str(v.n))
        st.text(str(v is opts[0] or v is opts[1]))
    """)
    obs = ours_only(src, ("set", "selectbox", 0, None, "o2"), R, R)
    assert [o["text"] for o in obs] == [["1", "True"], ["2", "True"], ["2", "True"]]


# ====================================================================================== multiselect
@pytest.mark.parametrize(
    "call",
    [
        'st.multiselect("M", ["a", "b", "c"])',
        'st.multiselect("M", ["a", "b", "c"], default="b")',
        'st.multiselect("M", ["a", "b", "c"], default=["c", "a"])',
        'st.multiselect("M", ["a", "b", "c"], default=("b",), key="k")',
        'st.multiselect("M", ["a", "b"], default="z")',
        'st.multiselect("M", ["a", "b"], default=["a", "b"], max_selections=1)',
        'st.multiselect("M", ["a", "b"], max_selections=0)',
        'st.multiselect("M", ["a", "b"], max_selections=-2)',
        'st.multiselect("M", ["a", "b"], max_selections="2")',
        'st.multiselect("M", ["a", "b"], max_selections=True)',
        'st.multiselect("M", ["a"], select_all=-1)',
        'st.multiselect("M", ["a"], select_all="yes")',
        'st.multiselect("M", [1, 2], format_func=lambda x: x)',
        'st.multiselect("M", [])',
        'st.multiselect("M", [1, 2, 3], default=[2], format_func=lambda x: "odd" if x % 2 else "even")',
    ],
)
def test_multiselect_defaults_and_errors(call: str) -> None:
    both(show(call), R)


@pytest.mark.parametrize(
    ("call", "value", "wire"),
    [
        ('st.multiselect("M", ["a", "b", "c"])', ["c", "a"], ["c", "a"]),
        ('st.multiselect("M", ["a", "b", "c"], default="b", key="k")', [], []),
        ('st.multiselect("M", [1, 2, 3], format_func=lambda x: "odd" if x % 2 else "even")', [3], ["odd"]),
        ('st.multiselect("M", ["a", "b", "c"], max_selections=1)', ["a", "b"], ["a", "b"]),
    ],
)
def test_multiselect_interaction(call: str, value: Any, wire: Any) -> None:
    both(show(call), ("set", "multiselect", 0, value, wire), R, R)


@pytest.mark.parametrize("written", ['["b"]', '["a", "zz"]', '["zz"]', "[]", '"a"', "None", '("c", "a")'])
def test_multiselect_session_state_write(written: str) -> None:
    src = src_of(f"""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.m = {written}
        v = st.multiselect("M", ["a", "b", "c"], default="c", key="m")
        st.text(repr(v))
        st.text(repr(st.session_state.m))
    """)
    both(src, R, R)


def test_multiselect_session_state_exceeds_max() -> None:
    src = src_of("""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.m = ["a", "b", "c"]
        v = st.multiselect("M", ["a", "b", "c"], max_selections=2, key="m")
        st.text(repr(v))
    """)
    both(src, R)


def test_multiselect_options_shrink_filters_keyed_value() -> None:
    src = src_of("""
        opts = st.session_state.get("opts", ["x", "y", "z"])
        v = st.multiselect("M", opts, key="m")
        st.text(repr(v))
    """)
    obs = both(src, ("set", "multiselect", 0, ["z", "x"], ["z", "x"]), R, ("ss", "opts", ["x", "y"]), R, R)
    assert obs[-1]["text"] == ["['x']"]


def test_multiselect_accept_new_options() -> None:
    src = show('st.multiselect("M", ["a", "b"], accept_new_options=True, key="k")')
    obs = ours_only(src, ("set", "multiselect", 0, None, ["b", "new"]), R)
    assert obs[-1]["text"] == ["['b', 'new']"]
    obs = ours_only(show('st.multiselect("M", ["a", "b"], key="k")'), ("set", "multiselect", 0, None, ["b", "new"]), R)
    assert obs[-1]["text"] == ["['b']"]


# ====================================================================================== select_slider
@pytest.mark.parametrize(
    "call",
    [
        'st.select_slider("S", ["lo", "mid", "hi"])',
        'st.select_slider("S", ["lo", "mid", "hi"], value="mid")',
        'st.select_slider("S", ["lo", "mid", "hi"], value=("lo", "hi"))',
        'st.select_slider("S", ["lo", "mid", "hi"], value=["hi", "lo"])',
        'st.select_slider("S", range(10), value=(3, 3))',
        'st.select_slider("S", [0.1, 0.2], value=0.2)',
        'st.select_slider("S", ["a", "b"], value="z")',
        'st.select_slider("S", [])',
        'st.select_slider("S")',
        'st.select_slider("S", ["a", "b", "c"], value=("a", "b", "c"))',
        'st.select_slider("S", ["a", "b", "c"], value=["a"])',
        'st.select_slider("S", [None, 1])',
        'st.select_slider("S", [1, 2], format_func=lambda x: x)',
    ],
)
def test_select_slider_defaults_and_errors(call: str) -> None:
    both(show(call), R)


@pytest.mark.parametrize(
    ("call", "value", "wire"),
    [
        ('st.select_slider("S", ["lo", "mid", "hi"])', "hi", ["hi"]),
        ('st.select_slider("S", ["lo", "mid", "hi"], value=("lo", "mid"))', ("mid", "hi"), ["mid", "hi"]),
        ('st.select_slider("S", [1, 2, 3], value=(1, 2), format_func=lambda x: f"v{x}")', (2, 3), ["v2", "v3"]),
        ('st.select_slider("S", ["lo", "mid", "hi"], key="k")', "mid", ["mid"]),
    ],
)
def test_select_slider_interaction(call: str, value: Any, wire: Any) -> None:
    both(show(call), ("set", "select_slider", 0, value, wire), R, R)


def test_select_slider_frontend_edge_values() -> None:
    src = show('st.select_slider("S", ["lo", "mid", "hi"], value=("lo", "mid"))')
    obs = ours_only(src, ("set", "select_slider", 0, None, ["hi", "lo"]), R, ("set", "select_slider", 0, None, ["lo"]), R,
                    ("set", "select_slider", 0, None, ["zz", "hi"]), R)
    assert [o["text"] for o in obs[1:]] == [["('lo', 'hi')"], ["('lo', 'mid')"], ["('lo', 'hi')"]]


@pytest.mark.parametrize("written", ['"hi"', '"zz"', '("mid", "hi")', '("lo", "zz")'])
def test_select_slider_session_state_write(written: str) -> None:
    src = src_of(f"""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.s = {written}
        v = st.select_slider("S", ["lo", "mid", "hi"], value="mid", key="s")
        st.text(repr(v))
        st.text(repr(st.session_state.s))
    """)
    both(src, R, R)


# ====================================================================================== pills / segmented
@pytest.mark.parametrize("kind", ["pills", "segmented_control"])
@pytest.mark.parametrize(
    "args",
    [
        '["a", "b", "c"]',
        '["a", "b", "c"], default="b"',
        '["a", "b", "c"], default=["c"]',
        '["a", "b", "c"], selection_mode="multi"',
        '["a", "b", "c"], selection_mode="multi", default=["c", "a"]',
        '["a", "b", "c"], selection_mode="multi", default="b"',
        '["a", "b"], default="z"',
        '["a", "b"], default=["a", "b"]',
        '["a", "b"], selection_mode="many"',
        '["a", "b"], selection_mode="multi", required=True',
        '["a", "b"], required=True, default="a"',
        '[1, 2], format_func=lambda x: f"n{x}", default=2',
        '[1, 2], format_func=lambda x: x',
        '[]',
        '["a"], label_visibility="nope"',
        '["a"], on_change=7',
    ],
)
def test_button_group_defaults_and_errors(kind: str, args: str) -> None:
    both(show(f'st.{kind}("P", {args})'), R)


@pytest.mark.parametrize("kind", ["pills", "segmented_control"])
@pytest.mark.parametrize(
    ("args", "value", "wire"),
    [
        ('["a", "b", "c"]', "b", ["b"]),
        ('["a", "b", "c"], default="a", key="k"', None, []),
        ('["a", "b", "c"], selection_mode="multi"', ["c", "a"], ["c", "a"]),
        ('["a", "b", "c"], selection_mode="multi", default=["a"], key="k"', [], []),
        ('[1, 2, 3], format_func=lambda x: "odd" if x % 2 else "even"', 3, ["odd"]),
    ],
)
def test_button_group_interaction(kind: str, args: str, value: Any, wire: Any) -> None:
    both(show(f'st.{kind}("P", {args})'), ("set", kind, 0, value, wire), R, R)


@pytest.mark.parametrize(
    ("mode", "written"),
    [
        ("single", '"b"'), ("single", '"zz"'), ("single", "None"),
        ("multi", '["b"]'), ("multi", '["a", "zz"]'), ("multi", "[]"),
    ],
)
def test_button_group_session_state_write(mode: str, written: str) -> None:
    src = src_of(f"""
        if "init" not in st.session_state:
            st.session_state.init = True
            st.session_state.p = {written}
        v = st.pills("P", ["a", "b", "c"], selection_mode="{mode}", key="p")
        st.text(repr(v))
        st.text(repr(st.session_state.p))
    """)
    both(src, R, R)


def test_button_group_callback_and_keyed_options_change() -> None:
    src = src_of("""
        def cb():
            st.session_state.log = st.session_state.get("log", 0) + 1
        opts = st.session_state.get("opts", ["x", "y", "z"])
        v = st.segmented_control("P", opts, key="p", on_change=cb)
        st.text(repr(v))
    """)
    both(src, ("set", "segmented_control", 0, "y", ["y"]), R, R, ("ss", "opts", ["x", "z"]), R, R)


# ====================================================================================== metadata
def test_widget_meta_info_and_props() -> None:
    src = src_of("""
        st.selectbox("S", [1, 2, 3], format_func=lambda x: f"n{x}", key="s")
        st.multiselect("M", ["a", "b"], default="b", key="m")
        st.pills("P", ["p", "q"], selection_mode="multi", key="p")
    """)
    s = Session(Script.from_string(src))
    s.run(None)
    state = s.state
    sb = state.meta[state.key_to_id["s"]]
    assert sb.info["options"] == [1, 2, 3]
    assert sb.info["labels"] == ["n1", "n2", "n3"]
    assert sb.info["format_func"](2) == "n2"
    assert sb.serializer(3) == "n3"
    els = list(walk(s.roots["main"]))
    assert [e.type for e in els] == ["selectbox", "multiselect", "pills"]
    assert els[0].props["options"] == ["n1", "n2", "n3"]
    assert els[0].props["value"] == 1
    assert els[0].props["index"] == 0
    assert els[1].props["default"] == [1]
    assert els[1].props["value"] == ["b"]
    assert state.meta[state.key_to_id["m"]].serializer(["a", "b"]) == ["a", "b"]
    assert state.meta[state.key_to_id["p"]].info["multi"] is True
