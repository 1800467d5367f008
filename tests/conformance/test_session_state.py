"""§1 ``st.session_state`` as a mapping: API, exact error texts, key conversion, clear, del."""

from __future__ import annotations

import pytest

from tests.conformance.harness import (
    Case,
    act,
    case,
    check_case,
    click,
    del_state,
    params,
    run,
    state,
)

CASES: list[Case] = [
    case(
        "init_item_and_attribute",
        """
        if "key" not in st.session_state:
            st.session_state["key"] = "value"
        if "other" not in st.session_state:
            st.session_state.other = 1
        st.session_state.other += 1
        show(st.session_state.key, st.session_state["other"], "key" in st.session_state)
        """,
        run(),
        run(),
    ),
    case(
        "str_key_conversion",
        """
        st.session_state[5] = "five"
        show(st.session_state["5"], 5 in st.session_state, "5" in st.session_state)
        st.session_state[(1, 2)] = "t"
        show(st.session_state["(1, 2)"], sorted(st.session_state.keys()))
        show(st.session_state.get(5), st.session_state.pop(5))
        show(sorted(st.session_state))
        """,
        run(),
    ),
    case(
        "empty_key_errors",
        """
        attempt(lambda: st.session_state.__setitem__("", 1))
        attempt(lambda: st.session_state[""])
        attempt(lambda: st.session_state.get(""))
        attempt(lambda: "" in st.session_state)
        attempt(lambda: st.session_state.setdefault("", 3))
        attempt(lambda: st.session_state.pop(""))
        st.session_state[""] = 1
        """,
    ),
    case(
        "reserved_id_prefix_errors",
        """
        attempt(lambda: st.session_state.__setitem__("$$ID-abc", 1))
        attempt(lambda: st.session_state["$$IDfoo"])
        attempt(lambda: st.session_state.__delitem__("$$ID"))
        show(st.session_state.get("$ID", "ok"))
        st.session_state["$$ID-1-k"]
        """,
    ),
    case(
        "missing_key_keyerror_caught",
        """
        try:
            st.session_state["zz"]
        except KeyError as e:
            show(type(e).__name__, e.args, str(e))
        try:
            st.session_state.zz
        except AttributeError as e:
            show(type(e).__name__, str(e))
        """,
    ),
    case(
        "missing_key_uncaught",
        """
        st.text("before")
        st.session_state["zz"]
        st.text("after")
        """,
    ),
    case(
        "missing_attribute_uncaught",
        """
        st.text("before")
        value = st.session_state.zz
        """,
    ),
    case(
        "del_missing_key_and_attribute",
        """
        try:
            del st.session_state["zz"]
        except KeyError as e:
            show("item", str(e))
        try:
            del st.session_state.zz
        except AttributeError as e:
            show("attr", str(e))
        del st.session_state.yy
        """,
    ),
    case(
        "attribute_named_like_method",
        """
        st.session_state.items = 5
        st.session_state["get"] = 6
        show(st.session_state["items"], callable(st.session_state.items), callable(st.session_state.get))
        show(sorted(st.session_state.keys()))
        """,
        run(),
    ),
    case(
        "mapping_mixins",
        """
        st.session_state.clear()
        st.session_state.a = 1
        show(st.session_state.get("zz", "dflt"), st.session_state.get("a", "dflt"))
        show(st.session_state.setdefault("a", 99), st.session_state.setdefault("b", 2))
        st.session_state.update({"c": 3}, d=4)
        show(st.session_state.pop("c"), st.session_state.pop("zz", "none"))
        show(st.session_state == {"a": 1, "b": 2, "d": 4}, st.session_state != {"a": 1})
        show(len(st.session_state), sorted(st.session_state.items()), sorted(st.session_state.values()))
        k, v = st.session_state.popitem()  # which item is hash order: put it back
        show(len(st.session_state), k in ("a", "b", "d"))
        st.session_state[k] = v
        attempt(lambda: st.session_state.pop("zz"))
        """,
        run(),
    ),
    case(
        "views_are_filtered",
        """
        st.session_state.setdefault("user", "u")
        st.checkbox("unkeyed")
        st.checkbox("keyed", key="kw")
        st.text_input("T", key="txt")
        keys = st.session_state.keys()
        show(type(keys).__name__, type(st.session_state.values()).__name__, type(st.session_state.items()).__name__)
        show(sorted(keys), len(st.session_state), sorted(iter(st.session_state)))
        show(sorted(st.session_state.to_dict().items()))
        show(any(k.startswith("$$") for k in st.session_state))
        """,
        act("checkbox", 0, "check"),
        act("text_input", "txt", "input", "hello"),
    ),
    case(
        "to_dict_is_a_copy",
        """
        st.session_state.setdefault("lst", [1])
        d = st.session_state.to_dict()
        d["new"] = 1
        d["lst"] = "replaced"
        show("new" in st.session_state, st.session_state.lst, d is st.session_state.to_dict())
        """,
        run(),
    ),
    case(
        "values_stored_by_reference",
        """
        st.session_state.setdefault("lst", [])
        st.session_state.lst.append(len(st.session_state.lst))
        ref = st.session_state["lst"]
        ref.append("x")
        show(st.session_state.lst)
        """,
        run(),
        run(),
    ),
    case(
        "widget_return_is_a_copy",
        """
        st.session_state.setdefault("ms", ["a"])
        picked = st.multiselect("M", ["a", "b", "c"], key="ms")
        picked.append("c")
        show(picked, st.session_state.ms)
        st.session_state.ms.append("b")
        show(st.session_state.ms)
        """,
        run(),
        act("multiselect", "ms", "select", "c"),
    ),
    case(
        "clear_resets_keyed_widget_not_unkeyed",
        """
        if st.session_state.get("wipe"):
            st.session_state.clear()
        show(len(st.session_state))
        a = st.text_input("A", "dflt", key="a")
        b = st.text_input("B", "dflt")
        show(a, b, sorted(st.session_state.keys()))
        """,
        act("text_input", "a", "input", "x", run=False),
        act("text_input", 1, "input", "y"),
        state("wipe", True),
        run(),
    ),
    case(
        "clear_all_keys_loop_from_docs",
        """
        st.session_state.setdefault("a", 1)
        st.session_state.setdefault("b", 2)
        st.checkbox("C", key="c")
        if st.button("wipe"):
            for key in st.session_state.keys():
                del st.session_state[key]
        show(sorted(st.session_state.keys()))
        """,
        act("checkbox", "c", "check"),
        click(0),
        run(),
        # The loop deletes the checkbox's key after the checkbox was rendered; AppTest then
        # fails reading the checkbox's value by id. In a browser the page would render and the
        # next interaction would re-send the checkbox value.
        artifact="AppTest reads rendered widget values by id: deleting a rendered widget's key makes run() raise KeyError",
    ),
    case(
        "clear_all_keys_loop_before_widgets",
        """
        if st.session_state.get("wipe"):
            for key in st.session_state.keys():
                del st.session_state[key]
        st.session_state.setdefault("a", 1)
        show(st.checkbox("C", key="c"), sorted(st.session_state.keys()))
        """,
        act("checkbox", "c", "check"),
        state("wipe", True),
        run(),
    ),
    case(
        "del_before_widget_resets_it",
        """
        if st.button("reset"):
            del st.session_state["t"]
        t = st.text_input("T", "start", key="t")
        show(t, st.session_state.get("t"))
        """,
        act("text_input", "t", "input", "typed"),
        click(0),
        run(),
    ),
    case(
        "del_after_widget_apptest_crashes",
        """
        t = st.text_input("T", key="t")
        if st.button("del"):
            del st.session_state["t"]
            show("deleted", "t" in st.session_state)
        """,
        act("text_input", "t", "input", "typed"),
        click(0),
        run(),
        # AppTest reads every widget's value by id from session state before the next run;
        # the id is gone, so its next run() raises KeyError. A browser would instead re-send
        # the text box's value ("typed") on the next interaction and the widget would
        # come back with it.
        artifact="AppTest re-sends widget values by id: deleting a rendered widget's key makes the next run() raise KeyError",
    ),
    case(
        "del_never_raises_already_instantiated",
        """
        st.slider("S", 0, 10, 3, key="s")
        del st.session_state.s
        show("s" in st.session_state)
        attempt(lambda: st.session_state.__setitem__("s", 4))
        show(st.session_state.get("s"))
        """,
        # Same artifact as above, already on the first run: AppTest reads the rendered
        # slider's value by id after the run. A browser shows the page with the slider at 3.
        artifact="AppTest reads rendered widget values by id: a key deleted after its widget makes run() raise KeyError",
    ),
    case(
        "str_and_repr",
        """
        st.session_state.setdefault("a", 1)
        show(str(st.session_state))
        r = repr(st.session_state)
        show(r.startswith("<streamlit.runtime.state.session_state_proxy.SessionStateProxy object at 0x"))
        """,
        run(),
    ),
    case(
        "write_session_state_renders_json",
        """
        import datetime
        st.session_state.setdefault("n", 1)
        st.session_state.setdefault("s", {3})
        st.session_state.setdefault("t", (1, "a"))
        st.session_state.setdefault("d", datetime.date(2024, 1, 2))
        st.session_state.setdefault("nested", {"x": [1, None, True]})
        st.checkbox("C", key="c")
        st.write(st.session_state)
        """,
        act("checkbox", "c", "check"),
    ),
    case(
        "write_session_state_unserializable_keys_warning",
        """
        st.session_state.setdefault("m", {(1, 2): "tuple key", "ok": 1})
        st.write(st.session_state)
        """,
    ),
    case(
        "magic_session_state_line",
        """
        st.session_state.setdefault("a", [1, 2])
        st.session_state
        st.session_state.a
        """,
        run(),
    ),
    case(
        "write_empty_session_state",
        """
        st.write(st.session_state)
        show(len(st.session_state), st.session_state.to_dict())
        """,
    ),
    case(
        "driver_writes_before_first_run",
        """
        show(sorted(st.session_state.items()))
        st.session_state.count = st.session_state.get("count", 0) + 1
        """,
        state("extra", "x"),
        del_state("extra"),
        setup=lambda at: at.session_state.__setitem__("seeded", 41),
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_session_state(case: Case) -> None:
    check_case(case)
