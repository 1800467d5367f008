"""Module-level services (apptest/runtime/streamlit_api/services.py).

Behaviour AppTest can observe (trees, exception texts, cache hits across reruns, secrets set
through ``at.secrets``, ``st.context``/``st.user`` seeded through ``at.context``/``at.user``,
navigation) is compared against ``streamlit.testing.v1.AppTest``. Streamlit's caches are
process-global, apptest's are per session: the AppTest side clears them around every test, and
the per-session isolation is checked on its own.
"""

from __future__ import annotations

import datetime
import logging
import re
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apptest.runtime.elements import Block, Element
from apptest.runtime.session import Script, Session
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api import services

streamlit = pytest.importorskip("streamlit")
AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
from streamlit.testing.v1 import element_tree as _et  # noqa: E402 - after the importorskip


@pytest.fixture(autouse=True)
def _isolated_streamlit() -> Iterator[None]:
    logger = logging.getLogger("streamlit")
    saved = logger.level
    logger.setLevel(logging.CRITICAL)
    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()
    yield
    streamlit.cache_data.clear()
    streamlit.cache_resource.clear()
    logger.setLevel(saved)


# ---------------------------------------------------------------------------------- normalising
_AT_BLOCK_TYPE = {"container": "flex_container", "horizontal": "flex_container"}
_TEXT_PROP = {"code": "code_text", "exception": "message"}
_VALUELESS = {"balloons", "snow", "empty"}
_WIDGETS = {"button", "checkbox", "toggle", "text_input", "text_area"}


def _code(text: Any) -> Any:
    # st.code drops one leading and one trailing newline (Streamlit's code.py).
    return re.sub(r"\n\Z", "", re.sub(r"\A\n", "", text)) if isinstance(text, str) else text


def _at_node(n: Any) -> Any:
    if isinstance(n, _et.Block):
        return (n.type, [_at_node(c) for _, c in sorted(n.children.items())])
    if n.type in _WIDGETS:
        return (n.type, n.label)
    if n.type in _VALUELESS:
        return (n.type, None)
    return (n.type, _code(n.value) if n.type == "code" else n.value)


def _our_node(n: Element | Block) -> Any:
    if isinstance(n, Block):
        return (_AT_BLOCK_TYPE.get(n.type, n.type), [_our_node(c) for c in n.children])
    if n.type in _WIDGETS:
        return (n.type, n.props["label"])
    if n.type in _VALUELESS:
        return (n.type, None)
    value = n.props.get(_TEXT_PROP.get(n.type, "body"))
    return (n.type, _code(value) if n.type == "code" else value)


def at_tree(at: Any) -> dict[str, list[Any]]:
    return {name: [_at_node(c) for _, c in sorted(at._tree.children[i].children.items())]
            for i, name in enumerate(("main", "sidebar", "event"))}


def _walk(block: Block) -> Iterator[Element | Block]:
    for c in block.children:
        yield c
        if isinstance(c, Block):
            yield from _walk(c)


class Ours:
    """Drives a Session the way AppTest drives Streamlit (all widget values re-sent each run)."""

    def __init__(self, src: str, **kwargs: Any) -> None:
        self.session = Session(Script.from_string(textwrap.dedent(src)), **kwargs)
        self.first = True

    def run(self, *, clicks: tuple[str, ...] = ()) -> Ours:
        if self.first:
            self.first = False
            self.session.run(None)
            return self
        st = self.session.state
        ws: dict[str, Any] = {}
        for root in self.session.roots.values():
            for n in _walk(root):
                wid = n.props.get("id")
                if wid and wid in st.meta:
                    ws[wid] = st.frontend_value(wid)
        for key in clicks:
            ws[st.key_to_id[key]] = True
        self.session.run(ws)
        return self

    def tree(self) -> dict[str, list[Any]]:
        return {name: [_our_node(c) for c in self.session.roots[name].children] for name in ("main", "sidebar", "event")}

    def texts(self) -> list[str]:
        return [n.props["body"] for n in _walk(self.session.roots["main"]) if n.type == "markdown"]


def both(src: str, **at_attrs: Any) -> tuple[Any, Ours]:
    src = textwrap.dedent(src)
    at = AppTest.from_string(src, default_timeout=10)
    for k, v in at_attrs.items():
        setattr(at, k, v)
    at.run()
    ours = Ours(src, secrets=at_attrs.get("secrets")).run()
    if "context" in at_attrs or "user" in at_attrs:  # seeded before the first run, as AppTest does
        ours = Ours(src)
        if "context" in at_attrs:
            ours.session.stores["context"] = dict(at_attrs["context"])
        if "user" in at_attrs:
            ours.session.stores["user"] = dict(at_attrs["user"])
        ours.run()
    return at, ours


def assert_runs_match(src: str, runs: int = 3, **at_attrs: Any) -> tuple[Any, Ours]:
    at, ours = both(src, **at_attrs)
    assert ours.tree() == at_tree(at)
    for _ in range(runs - 1):
        at.run()
        ours.run()
        assert ours.tree() == at_tree(at)
    return at, ours


# ================================================================================== secrets
SECRETS_PROBE = """
import streamlit as st
def probe(fn):
    try:
        st.write(repr(fn()))
    except BaseException as e:
        st.write(type(e).__name__ + ": " + str(e))
probe(lambda: st.secrets["k"])
probe(lambda: st.secrets.k)
probe(lambda: st.secrets["db"]["user"])
probe(lambda: st.secrets.db.user)
probe(lambda: type(st.secrets.db).__name__)
probe(lambda: st.secrets["missing"])
probe(lambda: st.secrets.missing)
probe(lambda: st.secrets.db["nokey"])
probe(lambda: st.secrets.db.noattr)
probe(lambda: "k" in st.secrets)
probe(lambda: st.secrets.get("zz", 5))
probe(lambda: st.secrets.to_dict())
probe(lambda: len(st.secrets))
probe(lambda: st.secrets.db.to_dict())
probe(lambda: st.secrets.db.pw.x)
probe(lambda: sorted(st.secrets.keys()))
"""
SECRET_ASSIGNMENTS = """
import streamlit as st
for stmt in ('st.secrets["a"] = 1', 'st.secrets.a = 1', 'del st.secrets["k"]', 'st.secrets.db["x"] = 1',
             'st.secrets.db.x = 1'):
    try:
        exec(stmt)
    except TypeError as e:
        st.write(str(e))
"""


def test_secrets_match_apptest() -> None:
    values = {"k": "v", "db": {"user": "u", "pw": {"x": 1}}}
    at, ours = both(SECRETS_PROBE, secrets=dict(values))
    assert ours.tree() == at_tree(at)
    at, ours = both(SECRET_ASSIGNMENTS, secrets=dict(values))
    assert ours.tree() == at_tree(at)
    assert len(ours.texts()) == 5


def test_no_secrets_raises_streamlits_not_found_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    at, ours = both(SECRETS_PROBE)
    ours_texts = ours.texts()
    at_texts = [m.value for m in at.markdown]
    # Same error kind on every probe; the listed paths are each engine's own search paths.
    assert [t.split(":")[0] for t in ours_texts] == [t.split(":")[0] for t in at_texts]
    expected = (
        "StreamlitSecretNotFoundError: No secrets found. Valid paths for a secrets.toml file or secret "
        f"directories are: {tmp_path / 'home' / '.streamlit' / 'secrets.toml'}, "
        f"{tmp_path / '.streamlit' / 'secrets.toml'}"
    )
    assert ours_texts[0] == expected
    with pytest.raises(E.StreamlitSecretNotFoundError):
        raise E.StreamlitSecretNotFoundError("x")  # and it is a FileNotFoundError
    assert issubclass(E.StreamlitSecretNotFoundError, FileNotFoundError)


def test_secrets_toml_is_read_when_none_are_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('token = "t0k"\n[db]\nuser = "me"\n', encoding="utf-8")
    ours = Ours("import streamlit as st\nst.write(st.secrets.token, st.secrets.db.user)\n").run()
    assert ours.texts() == ["t0k me"]


def test_secrets_are_per_session() -> None:
    src = "import streamlit as st\nst.write(st.secrets['k'])\n"
    a = Ours(src, secrets={"k": "one"}).run()
    b = Ours(src, secrets={"k": "two"}).run()
    assert (a.texts(), b.texts()) == (["one"], ["two"])


# ================================================================================== caching
CACHE_HITS = """
import streamlit as st
calls = st.session_state.setdefault("calls", [])
@st.cache_data
def load(n, _conn=None):
    calls.append(n)
    st.write(f"loading {n}")
    return {"n": n}
a = load(1)
b = load(1, _conn=object())
c = load(n=2)
st.write(repr((a == b, a is b, c)))
with st.container():
    load(3)
with st.sidebar:
    load(4)
st.sidebar.write(repr(calls))
"""


def test_cache_data_hits_and_replays_like_apptest() -> None:
    at, ours = assert_runs_match(CACHE_HITS)
    assert at.session_state["calls"] == ours.session.state["calls"] == [1, 2, 3, 4]


CACHE_IDENTITY = """
import streamlit as st
@st.cache_data
def data():
    return [1, 2]
@st.cache_resource
def resource():
    return [1, 2]
d1, d2 = data(), data()
d1.append(3)
r1, r2 = resource(), resource()
st.write(repr((d1 is d2, data(), r1 is r2, r1 is st.session_state.setdefault("r", r1))))
"""


def test_cache_data_copies_and_cache_resource_shares_like_apptest() -> None:
    assert_runs_match(CACHE_IDENTITY)


CACHE_CLEAR = """
import streamlit as st
calls = st.session_state.setdefault("calls", [])
@st.cache_data
def f(x):
    calls.append(("f", x))
    return x
@st.cache_resource
def g(x):
    calls.append(("g", x))
    return x
f(1); f(2); g(1)
run = st.session_state.setdefault("run", 0)
st.session_state.run += 1
if run == 1:
    f.clear(1)
elif run == 2:
    f.clear()
elif run == 3:
    st.cache_data.clear()
    st.cache_resource.clear()
f(1); f(2); g(1)
st.write(repr(calls))
"""


def test_cache_clear_variants_like_apptest() -> None:
    assert_runs_match(CACHE_CLEAR, runs=5)


CACHE_MAX_ENTRIES = """
import streamlit as st
calls = st.session_state.setdefault("calls", [])
@st.cache_data(max_entries=2, ttl="1h", show_spinner="Loading...")
def f(x):
    calls.append(x)
    return x
for v in [1, 2, 1, 3, 1, 2]:
    f(v)
st.write(repr(calls))
"""


def test_cache_max_entries_evicts_least_recently_used_like_apptest() -> None:
    _at, ours = assert_runs_match(CACHE_MAX_ENTRIES, runs=1)
    assert ours.texts() == ["[1, 2, 3, 2]"]


CACHE_HASHING = """
import dataclasses, datetime, enum, re
import streamlit as st
calls = st.session_state.setdefault("calls", [])
class Color(enum.Enum):
    RED = 1
@dataclasses.dataclass
class P:
    x: int
class Opaque:
    def __init__(self, v):
        self.v = v
@st.cache_data(hash_funcs={Opaque: lambda o: o.v})
def f(*args, **kwargs):
    calls.append(len(calls))
    return len(calls)
values = [1, 1.0, "1", b"1", True, None, (1, 2), [1, 2], {"a": 1}, {1, 2}, frozenset({3}),
          datetime.date(2020, 1, 1), datetime.datetime(2020, 1, 1, 12), Color.RED, P(1), re.compile("a+"),
          Opaque(1), Opaque(2)]
first = [f(v) for v in values]
again = [f(v) for v in values]
st.write(repr((first == again, len(set(first)), f(x=1) == f(x=1), f(Opaque(1)) == first[-2])))
"""


def test_cache_argument_hashing_by_value_like_apptest() -> None:
    _at, ours = assert_runs_match(CACHE_HASHING, runs=2)
    assert ours.texts()[-1] == "(True, 18, True, True)"


CACHE_ERRORS = """
import threading
import streamlit as st
def probe(fn):
    try:
        fn()
        st.write("ok")
    except Exception as e:
        st.write(type(e).__name__)
        st.code(str(e))
@st.cache_data
def f(x):
    return 1
probe(lambda: f(lambda: 1))
probe(lambda: f(object()))
@st.cache_data
def lock():
    return threading.Lock()
probe(lock)
@st.cache_data
def toasty():
    st.toast("hi")
    return 1
probe(toasty)
probe(toasty)
probe(lambda: st.cache_data(ttl="soon")(f))
probe(lambda: st.cache_data(persist="memory")(f))
probe(lambda: st.cache_resource(scope="user")(f))
probe(lambda: st.cache_data(refresh_mode="background")(f))
@st.cache_data(hash_funcs={int: lambda i: 1 / 0})
def bad_hash(n):
    return n
probe(lambda: bad_hash(3))
"""


def test_cache_errors_match_apptest() -> None:
    _at, ours = assert_runs_match(CACHE_ERRORS, runs=2)
    names = [t for t in ours.texts() if t != "ok"]
    # Second run: both toasty() calls are cache hits, and a hit cannot replay a toast.
    assert names == ["UnhashableParamError", "UnhashableParamError", "UnserializableReturnValueError",
                     "CacheReplayClosureError", "CacheReplayClosureError", "StreamlitBadTimeStringError",
                     "StreamlitValueError", "StreamlitValueError", "StreamlitMissingRequiredParameterError",
                     "UserHashError"]


CACHED_WIDGET = """
import streamlit as st
@st.cache_data
def w():
    st.write("before widget")
    return st.checkbox("cb", key="cbk")
w()
st.write("after")
"""


def test_widget_in_cached_function_warns_and_replays_like_apptest() -> None:
    _at, ours = assert_runs_match(CACHED_WIDGET, runs=2)
    warnings = [n for n in _walk(ours.session.roots["main"]) if n.type == "exception"]
    assert len(warnings) == 1 and warnings[0].props["is_warning"]


def test_caches_are_per_session_and_shared_across_reruns() -> None:
    src = """
    import streamlit as st
    CALLS = st.session_state.setdefault("calls", [])
    @st.cache_resource
    def r():
        CALLS.append(1)
        return object()
    r(); r()
    """
    a = Ours(src).run()
    a.run()
    a.run()
    b = Ours(src).run()
    assert a.session.state["calls"] == [1]
    assert b.session.state["calls"] == [1]
    assert a.session.stores["cache_stats"] == {"hits": 5, "misses": 1}


def test_cache_ttl_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(services, "_clock", lambda: now[0])
    ours = Ours("""
        import datetime
        import streamlit as st
        calls = st.session_state.setdefault("calls", [])
        @st.cache_data(ttl=datetime.timedelta(minutes=1))
        def f():
            calls.append(1)
            return len(calls)
        st.write(str(f()))
        """).run()
    ours.run()
    now[0] += 59
    ours.run()
    assert ours.texts() == ["1"]
    now[0] += 2
    ours.run()
    assert ours.texts() == ["2"]


def test_cached_method_with_underscore_self() -> None:
    ours = Ours("""
        import streamlit as st
        calls = st.session_state.setdefault("calls", [])
        class Repo:
            @st.cache_data
            def get(_self, n):
                calls.append(n)
                return n * 2
        repo = Repo()
        st.write(repr((repo.get(2), Repo().get(2), repo.get(3), calls)))
        repo.get.clear()
        """).run()
    assert ours.texts() == ["(4, 4, 6, [2, 3])"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("1h", 3600), ("30m", 1800), ("10s", 10), ("1d2h", 93600), ("2 days", 172800), ("1h30m15s", 5415),
     ("1 day 2 hours", 93600), ("500ms", 0.5), ("01:00:00", 3600), ("1W", 604800)],
)
def test_ttl_strings_read_as_pandas_does(text: str, seconds: float) -> None:
    assert services.time_to_seconds(text) == pytest.approx(seconds)
    pd = pytest.importorskip("pandas")
    with warnings.catch_warnings():  # pandas deprecates lower-case units such as "1d"; Streamlit's docs use them
        warnings.simplefilter("ignore")
        assert pd.Timedelta(text).total_seconds() == pytest.approx(seconds)


def test_ttl_other_forms() -> None:
    assert services.time_to_seconds(None) == float("inf")
    assert services.time_to_seconds(None, coerce_none_to_inf=False) is None
    assert services.time_to_seconds(datetime.timedelta(hours=2)) == 7200
    assert services.time_to_seconds(42) == 42
    with pytest.raises(E.StreamlitBadTimeStringError) as err:
        services.time_to_seconds("soon")
    assert str(err.value) == (
        "Time string doesn't look right. It should be formatted as `'1d2h34m'` or `2 days`, for example. Got: soon"
    )


# ================================================================================== context, user
CONTEXT_PROBE = """
import streamlit as st
c = st.context
st.write(repr((dict(c.headers), dict(c.cookies), dict(c.theme), c.theme.type, c.timezone, c.timezone_offset,
               c.locale, c.url, c.is_embedded, "url" in c, "zz" in c, c["locale"])))
st.write(repr((c.headers.to_dict(), c.cookies.to_dict(), type(c.headers).__name__, type(c.theme).__name__)))
for bad in (lambda: c["zz"], lambda: c.zz, lambda: c.theme.zz, lambda: c.headers["X"]):
    try:
        bad()
    except (KeyError, AttributeError) as e:
        st.write(type(e).__name__ + ": " + str(e))
st.write(repr(st.user.to_dict()))
try:
    st.user.nope
except AttributeError as e:
    st.write(str(e))
try:
    st.user["nope"]
except KeyError as e:
    st.write(str(e))
st.logout()
st.write(repr((st.user.to_dict(), len(st.user), dict(st.user.tokens))))
"""


def test_context_and_user_defaults_match_apptest() -> None:
    at, ours = both(CONTEXT_PROBE)
    assert ours.tree() == at_tree(at)


def test_context_and_user_seeded_like_apptest() -> None:
    context = {"timezone": "Europe/Berlin", "timezone_offset": -60, "locale": "de-DE", "url": "http://x",
               "is_embedded": True, "theme": "dark"}
    user = {"is_logged_in": True, "name": "Ann", "tokens": {"id": "t1"}}
    at, ours = both(CONTEXT_PROBE, context=context, user=user)
    assert ours.tree() == at_tree(at)


def test_context_headers_and_cookies_can_be_seeded() -> None:
    ours = Ours("""
        import streamlit as st
        h = st.context.headers
        st.write(repr((h["user-agent"], h.get_all("X-Many"), dict(st.context.cookies), st.context.ip_address)))
        """)
    ours.session.stores["context"] = {"headers": [("User-Agent", "pytest"), ("x-many", "1"), ("X-Many", "2")],
                                      "cookies": {"c": "v"}, "ip_address": "10.0.0.1"}
    ours.run()
    assert ours.texts() == ["('pytest', ['1', '2'], {'c': 'v'}, '10.0.0.1')"]


# ================================================================================== page config, logo, auth
PAGE_CONFIG = """
import streamlit as st
st.write("first")
st.set_page_config(page_title="T", page_icon="🔥", layout="wide", initial_sidebar_state=300,
                   menu_items={"About": "# hi", "Get help": "https://example.com"})
st.set_page_config(page_title="T2")
def probe(fn):
    try:
        fn()
        st.write("ok")
    except Exception as e:
        st.write(type(e).__name__ + ": " + str(e))
probe(lambda: st.set_page_config(layout="huge"))
probe(lambda: st.set_page_config(initial_sidebar_state="open"))
probe(lambda: st.set_page_config(initial_sidebar_state=0))
probe(lambda: st.set_page_config(menu_items={"Donate": "https://x.org"}))
probe(lambda: st.set_page_config(menu_items={"Get help": "not a url"}))
probe(lambda: st.logo("https://example.com/logo.png", link="ftp://x"))
probe(lambda: st.logo("https://example.com/logo.png", size="huge"))
probe(lambda: st.logo("https://example.com/logo.png", link="https://example.com", size="large"))
probe(lambda: st.login())
"""


def test_page_config_logo_and_login_match_apptest() -> None:
    at, ours = both(PAGE_CONFIG)
    assert ours.tree() == at_tree(at)
    assert ours.session.stores["page_config"] == {
        "page_title": "T2", "page_icon": "emoji:🔥", "layout": "wide", "initial_sidebar_state": "auto",
        "initial_sidebar_width": 300, "menu_items": {"about": "# hi", "get help": "https://example.com"},
    }
    assert ours.session.stores["logo"]["size"] == "large"


# ================================================================================== fragments
FRAGMENTS = """
import streamlit as st
st.write("before")
@st.fragment
def frag():
    st.write("in frag")
    st.button("fb", key="fb")
frag()
@st.fragment(run_every="10s")
def frag2(x):
    st.write(f"frag2 {x}")
    return x * 2
st.write(f"r={frag2(3)}")
@st.fragment(key="k")
def a():
    st.write("a")
a()
a()
@st.fragment(key="k")
def b():
    st.write("b")
try:
    b()
except Exception as e:
    st.write(type(e).__name__)
@st.fragment
def bad():
    st.write("bad start")
    raise ValueError("boom")
bad()
st.write("never")
"""


def test_fragments_match_apptest() -> None:
    at, ours = both(FRAGMENTS)
    assert ours.tree() == at_tree(at)
    at.button(key="fb").click().run()
    ours.run(clicks=("fb",))
    assert ours.tree() == at_tree(at)
    result = ours.session.last_result
    assert result is not None and isinstance(result.exception, E.FragmentHandledException)


def test_fragment_widgets_are_tagged_and_fragments_registered() -> None:
    ours = Ours(FRAGMENTS).run()
    holder = ours.session.roots["main"].children[1]
    assert isinstance(holder, Block) and holder.type == "container"
    fid = holder.props["fragment_id"]
    meta = ours.session.state.meta[ours.session.state.key_to_id["fb"]]
    assert meta.fragment_id == fid
    registry = ours.session.stores["fragments"]
    assert registry[fid]["name"] == "__main__.frag"
    assert {f["run_every"] for f in registry.values()} == {None, 10.0}


@pytest.mark.parametrize("key", ["app", "fragment"])
def test_reserved_fragment_keys(key: str) -> None:
    at, ours = both(f"import streamlit as st\n@st.fragment(key={key!r})\ndef f():\n    pass\n")
    assert ours.tree() == at_tree(at)


# ================================================================================== echo
ECHO = """
import streamlit as st

with st.echo():
    a = 1 + 1
    st.write(a)

def show():
    with st.echo("below"):
        for i in range(2):
            st.write(i)
show()
"""


def test_echo_matches_apptest() -> None:
    at, ours = both(ECHO)
    assert ours.tree() == at_tree(at)
    assert ours.tree()["main"][0] == ("code", "a = 1 + 1\nst.write(a)")


# ================================================================================== navigation
NAVIGATION = """
import streamlit as st
def home():
    st.write("home")
    if st.button("go", key="go"):
        st.switch_page(other_page)
def other():
    st.write("other page")
    st.button("noop", key="noop")
home_page = st.Page(home, title="Home", icon="🏠")
other_page = st.Page(other, url_path="elsewhere")
pg = st.navigation({"Main": [home_page], "More": [other_page]})
st.sidebar.write(repr((pg.title, pg.url_path, pg.icon, other_page.title, other_page.url_path, home_page.url_path)))
pg.run()
def probe(fn):
    try:
        fn()
    except Exception as e:
        st.write(type(e).__name__ + ": " + str(e))
probe(lambda: st.Page("missing.py"))
probe(pg.run)
probe(lambda: st.navigation([]))
probe(lambda: st.navigation([home_page], position="left"))
probe(lambda: st.Page(home, visibility="secret"))
probe(lambda: st.Page(home, url_path="a/b"))
probe(lambda: st.switch_page("nowhere.py"))
probe(lambda: st.switch_page(st.Page("https://example.com", title="Ext")))
"""


def test_navigation_and_switch_page_match_apptest() -> None:
    at, ours = both(NAVIGATION)
    assert ours.tree() == at_tree(at)
    at.button(key="go").click().run()
    ours.run(clicks=("go",))
    assert ours.tree() == at_tree(at)
    at.button(key="noop").click().run()
    ours.run(clicks=("noop",))
    assert ours.tree() == at_tree(at)
    nav = ours.session.stores["navigation"]
    assert [(p["page_name"], p["section"], p["url_pathname"]) for p in nav["pages"]] == [
        ("Home", "Main", ""), ("other", "More", "elsewhere")]


def test_page_from_file_runs_the_file(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "2_📊_Charts.py").write_text("import streamlit as st\nst.write('charts!')\n",
                                                       encoding="utf-8")
    app = tmp_path / "app.py"
    app.write_text(
        "import streamlit as st\n"
        "p = st.Page('pages/2_📊_Charts.py')\n"
        "st.write(repr((p.title, p.icon, p.url_path)))\n"
        "st.navigation([p]).run()\n",
        encoding="utf-8",
    )
    session = Session(Script.from_file(app))
    session.run(None)
    bodies = [n.props["body"] for n in session.roots["main"].children]
    assert bodies == ["('Charts', '📊', 'Charts')", "charts!"]
