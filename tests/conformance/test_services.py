"""Module-level services (caches, secrets, query params, context, page config, fragments)
against Streamlit's AppTest.

Streamlit's caches are process-global (a function's cache is keyed by its module, name and
source, so two cases with the same cached function would share it): every cache case clears
them before its first run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conformance.harness import (
    Case,
    _named,
    act,
    case,
    check_case,
    click,
    params,
    query,
    run,
    set_value,
)

Action = Callable[[Any], Any]


def _clear_streamlit_caches(at: Any) -> None:
    import streamlit

    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()


def seed(**items: Any) -> Action:
    """Before the first run: clear Streamlit's caches and set ``at.secrets`` items."""

    def setup(at: Any) -> None:
        _clear_streamlit_caches(at)
        for k, v in items.items():
            at.secrets[k] = v

    return _named(setup, f"seed({items!r})")


def seed_query(**items: Any) -> Action:
    def setup(at: Any) -> None:
        for k, v in items.items():
            at.query_params[k] = v

    return _named(setup, f"seed_query({items!r})")


CLEAN = seed()

CASES: list[Case] = [
    # ------------------------------------------------------------------ cache_data
    case(
        "cache_data_hits_across_reruns",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def double(x):
            st.session_state.calls += 1
            return x * 2

        show(double(2), double(2), double(3))
        st.write(st.session_state.calls)
        """,
        run(),
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_clear_function_and_global",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def load(n):
            st.session_state.calls += 1
            return list(range(n))

        show(load(3), load(4))
        if st.button("clear one", key="one"):
            load.clear(3)
        if st.button("clear fn", key="fn"):
            load.clear()
        if st.button("clear all", key="all"):
            st.cache_data.clear()
        show(load(3), load(4))
        st.write(st.session_state.calls)
        """,
        run(),
        click("one"),
        click("fn"),
        click("all"),
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_returns_copies",
        """
        @st.cache_data
        def items():
            return {"xs": [1, 2]}

        a = items()
        a["xs"].append(99)
        show(items(), a)
        """,
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_replays_elements",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def compute(n):
            st.session_state.calls += 1
            st.text(f"computed {n}")
            st.markdown("**inside cache**")
            return n + 1

        show(compute(1))
        st.write(st.session_state.calls)
        """,
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_hashing_rules",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def f(x, _skip):
            st.session_state.calls += 1
            return x

        show(f(1, object()), f(1, object()))

        class Unhashable:
            def __reduce__(self):
                raise TypeError("nope")

        @st.cache_data
        def g(obj):
            return 1

        attempt(lambda: g(Unhashable()))

        @st.cache_data(hash_funcs={Unhashable: lambda o: 1})
        def h(obj):
            st.session_state.calls += 1
            return 2

        show(h(Unhashable()), h(Unhashable()))
        st.write(st.session_state.calls)
        """,
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_unpicklable_return",
        """
        import threading

        @st.cache_data
        def lock():
            return threading.Lock()

        lock()
        """,
        setup=CLEAN,
    ),
    case(
        "cache_data_max_entries_and_args",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data(max_entries=1, show_spinner=False)
        def sq(x):
            st.session_state.calls += 1
            return x * x

        show(sq(2), sq(3), sq(2))
        st.write(st.session_state.calls)
        attempt(lambda: st.cache_data(ttl="soon"))
        """,
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_with_widgets_and_methods",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def with_widget():
            st.session_state.calls += 1
            return st.checkbox("cached checkbox", key="cc")

        show(with_widget())

        class Repo:
            @st.cache_data
            def fetch(_self, n):
                st.session_state.calls += 1
                return n * 3

        show(Repo().fetch(2), Repo().fetch(2))
        st.write(st.session_state.calls)
        """,
        run(),
        setup=CLEAN,
    ),
    case(
        "cache_data_exception_not_cached",
        """
        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def flaky(x):
            st.session_state.calls += 1
            if st.session_state.calls < 2:
                raise ValueError("first call fails")
            return x

        attempt(lambda: flaky(1))
        show(flaky(1), flaky(1), st.session_state.calls)
        """,
        run(),
        setup=CLEAN,
    ),
    # ------------------------------------------------------------------ cache_resource
    case(
        "cache_resource_shared_object_and_clear",
        """
        st.session_state.setdefault("made", 0)

        @st.cache_resource
        def connection(name):
            st.session_state.made += 1
            return {"name": name, "uses": []}

        conn = connection("db")
        conn["uses"].append(1)
        show(conn is connection("db"), len(connection("db")["uses"]))
        if st.button("reset", key="reset"):
            connection.clear()
        if st.button("reset all", key="reset_all"):
            st.cache_resource.clear()
        st.write(st.session_state.made)
        """,
        run(),
        click("reset"),
        run(),
        click("reset_all"),
        setup=CLEAN,
    ),
    case(
        "cache_resource_validate",
        """
        st.session_state.setdefault("made", 0)

        @st.cache_resource(validate=lambda r: r["ok"])
        def res():
            st.session_state.made += 1
            return {"ok": st.session_state.made > 1}

        res()
        st.write(st.session_state.made)
        """,
        run(),
        run(),
        setup=CLEAN,
    ),
    # ------------------------------------------------------------------ secrets
    case(
        "secrets_seeded_values_and_sections",
        """
        show(st.secrets["api_key"], st.secrets.api_key)
        show(st.secrets["db"]["user"], st.secrets.db.port, type(st.secrets.db).__name__)
        show("api_key" in st.secrets, "nope" in st.secrets, st.secrets.get("nope", "default"))
        show(sorted(st.secrets.keys()), len(st.secrets))
        show(st.secrets.db.to_dict())
        attempt(lambda: st.secrets["missing"])
        attempt(lambda: st.secrets.missing)
        attempt(lambda: st.secrets.db.missing)
        """,
        run(),
        setup=seed(api_key="abc123", db={"user": "ada", "port": 5432}),
    ),
    case(
        "secrets_are_read_only",
        """
        attempt(lambda: st.secrets.__setitem__("k", "v"))
        attempt(lambda: setattr(st.secrets, "k", "v"))
        show(st.secrets["k"])
        """,
        setup=seed(k="original"),
    ),
    case(
        "secrets_written_by_st_write",
        """
        st.write(st.secrets.section)
        st.json(st.secrets.section)
        """,
        setup=seed(section={"a": 1, "b": "two"}),
    ),
    case(
        "secrets_missing_without_seed",
        """
        attempt(lambda: show(len(st.secrets)))
        attempt(lambda: show("k" in st.secrets))
        attempt(lambda: show(st.secrets.get("k")))
        attempt(lambda: st.secrets["k"])
        attempt(lambda: st.secrets.k)
        st.text("end")
        """,
        setup=CLEAN,
    ),
    # ------------------------------------------------------------------ query params
    case(
        "query_params_read_seeded_and_repeated",
        """
        qp = st.query_params
        show(qp.get("page"), qp.get_all("tag"), qp["tag"], qp.to_dict())
        """,
        run(),
        setup=seed_query(page="3", tag=["a", "b"]),
    ),
    case(
        "query_params_written_by_widgets",
        """
        choice = st.selectbox("Page", ["home", "about"], key="page")
        st.query_params["page"] = choice
        if st.button("tags", key="tags"):
            st.query_params["tag"] = ["x", "y"]
        attempt(lambda: st.query_params.__setitem__("d", {"k": 1}))
        show(st.query_params.to_dict(), st.query_params.get_all("tag"))
        """,
        act("selectbox", "page", "select", "about"),
        click("tags"),
        query("extra", "1"),
    ),
    # ------------------------------------------------------------------ context
    case(
        "context_defaults",
        """
        # Not compared: ctx.cookies.get(k), `k in ctx.cookies` and ctx.ip_address, which come from
        # a MagicMock under AppTest (its runtime is mocked): a mock object, True, a mock object.
        ctx = st.context
        show(dict(ctx.headers), dict(ctx.cookies), len(ctx.headers), len(ctx.cookies))
        show(ctx.headers.get("Host"), ctx.headers.get_all("Host"), "Host" in ctx.headers)
        show(ctx.timezone, ctx.timezone_offset, ctx.locale, ctx.is_embedded)
        show(ctx.url)
        show(ctx.theme.type)
        st.write(ctx.headers)
        """,
    ),
    case(
        "context_headers_are_read_only",
        """
        attempt(lambda: st.context.headers.__setitem__("X", "y"))
        attempt(lambda: st.context.headers["Missing"])
        show(st.context.headers.get_all("Missing"))
        """,
    ),
    # ------------------------------------------------------------------ set_page_config
    case(
        "set_page_config_first_and_repeated",
        """
        st.set_page_config(page_title="My app", page_icon="🎈", layout="wide",
                           initial_sidebar_state="expanded", menu_items={"About": "hello"})
        st.text("content")
        st.set_page_config(page_title="Changed later")
        """,
        run(),
    ),
    case(
        "set_page_config_invalid_values",
        """
        attempt(lambda: st.set_page_config(layout="huge"))
        attempt(lambda: st.set_page_config(initial_sidebar_state="sideways"))
        attempt(lambda: st.set_page_config(menu_items={"Bad key": "x"}))
        attempt(lambda: st.set_page_config(page_icon="not an icon"))
        st.text("end")
        """,
    ),
    case(
        "set_page_config_after_elements_and_icons",
        """
        st.text("first")
        st.set_page_config(page_title="Late", page_icon=":material/home:")
        st.set_page_config(page_icon="https://example.com/icon.png", layout="centered")
        st.set_page_config(initial_sidebar_state=300)
        st.text("still running")
        """,
    ),
    # ------------------------------------------------------------------ fragments
    case(
        "fragment_runs_in_full_app_runs",
        """
        st.session_state.setdefault("app_runs", 0)
        st.session_state.setdefault("frag_runs", 0)
        st.session_state.app_runs += 1

        @st.fragment
        def panel():
            st.session_state.frag_runs += 1
            st.button("inside", key="inside")
            st.text(f"fragment run {st.session_state.frag_runs}")

        panel()
        st.button("outside", key="outside")
        st.text(f"app run {st.session_state.app_runs}")
        """,
        click("inside"),
        click("outside"),
    ),
    case(
        "fragment_widgets_and_return_value",
        """
        @st.fragment
        def picker(label):
            v = st.slider(label, 0, 10, 2, key="s")
            st.text(f"inside {v}")
            return v * 10

        result = picker("Pick")
        show(result)
        """,
        set_value("slider", "s", 7),
    ),
    case(
        "fragment_rerun_scopes",
        """
        st.session_state.setdefault("n", 0)

        @st.fragment
        def frag():
            attempt(lambda: st.rerun(scope="fragment"))
            if st.button("app rerun", key="app") and st.session_state.n < 1:
                st.session_state.n += 1
                st.rerun(scope="app")
            st.text(f"n={st.session_state.n}")

        frag()
        attempt(lambda: st.rerun(scope="fragment"))
        attempt(lambda: st.rerun(scope="page"))
        """,
        click("app"),
    ),
    case(
        "fragment_writes_to_sidebar_get_a_wrapper",
        """
        @st.fragment
        def frag():
            st.sidebar.text("to sidebar")
            with st.sidebar:
                st.text("with sidebar")
                st.expander("side expander").text("in expander")
            st.text("own")

        frag()
        st.sidebar.text("app after")
        with st.sidebar:
            frag()
        """,
    ),
    case(
        "fragment_writes_to_outside_containers",
        """
        c = st.container()
        ph = st.empty()
        cols = st.columns(2)

        @st.fragment
        def frag():
            c.text("into outside container")
            c.text("second into outside")
            ph.text("into placeholder")
            ph.text("placeholder replaced")
            cols[1].button("col button", key="cb")
            inner = st.container()
            inner.text("inside own container")

        frag()
        c.text("main after")
        cols[0].text("col 0")
        """,
        click("cb"),
    ),
    case(
        "fragment_run_every_and_keys",
        """
        @st.fragment(run_every="10s")
        def ticker():
            st.text("tick")

        ticker()
        ticker()
        st.checkbox("c", key="c")
        """,
        act("checkbox", "c", "check"),
    ),
    case(
        "fragment_exception_and_stop",
        """
        @st.fragment
        def failing():
            st.text("fragment start")
            raise KeyError("inside fragment")

        @st.fragment
        def stopping():
            st.text("before stop")
            st.stop()

        failing()
        st.text("after failing fragment")
        stopping()
        st.text("not reached")
        """,
    ),
    case(
        "fragment_nested_and_in_columns",
        """
        @st.fragment
        def inner():
            st.text("inner")

        @st.fragment
        def outer():
            st.text("outer")
            inner()

        left, right = st.columns(2)
        with left:
            outer()
        with right:
            inner()
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_service(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_script_compiles(case: Case) -> None:
    """A script that does not compile would fail the same way in both drivers and prove nothing."""
    compile(case.script, case.name, "exec")
