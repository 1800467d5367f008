"""The simulated ``streamlit`` namespace loads its services and submodules on first use.

``st.cache_data``, ``st.secrets``, ``st.column_config``, ``streamlit.components.v1``, ... live in
``services`` and ``namespace_extra``, imported on the first access of any of them; before that
they are already listed by ``dir(st)`` and ``st.__all__``, and the ``streamlit.<name>`` module
objects the runtime installs are the ones ``namespace_extra`` fills. Each check runs in a fresh
interpreter, where nothing has imported those modules yet.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from apptest.runtime import streamlit_api
from apptest.runtime.streamlit_api import namespace_extra, services, st

ROOT = Path(__file__).resolve().parents[2]
LAZY_MODULES = ("apptest.runtime.streamlit_api.services", "apptest.runtime.streamlit_api.namespace_extra")


def _fresh(code: str) -> str:
    prelude = f"import sys\nLAZY = {LAZY_MODULES!r}\ndef loaded():\n    return [m for m in LAZY if m in sys.modules]\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


def test_the_lazy_name_lists_match_the_modules() -> None:
    assert list(st._LAZY_SERVICES) == sorted(services.__all__)
    assert list(st._LAZY_EXTRA) == sorted(namespace_extra.__all__)
    for name in st._LAZY:
        source = services if name in services.__all__ else namespace_extra
        assert getattr(st, name) is getattr(source, name), name
    assert st.toast is services.toast  # the service, not the bound element method


def test_submodule_table_and_docs_match() -> None:
    assert list(namespace_extra._SUBMODULE_TABLE) == list(streamlit_api.SUBMODULE_DOCS)
    for name, module in namespace_extra._SUBMODULE_TABLE.items():
        assert module is streamlit_api.submodule(name)
        assert module.__name__ == f"streamlit.{name}"
        assert module.__doc__ == streamlit_api.SUBMODULE_DOCS[name]
        assert not any(hook in vars(module) and vars(module)[hook].__module__ == streamlit_api.__name__
                       for hook in streamlit_api.LAZY_HOOKS), name


def test_importing_st_loads_neither_services_nor_the_extra_names() -> None:
    out = _fresh("""
        from apptest.runtime.streamlit_api import module_table, st
        table = module_table()
        before = loaded()
        listed = "cache_data" in dir(st) and "column_config" in st.__all__ and "components" in dir(st)
        print(before, listed, loaded())
        print(st.cache_data is sys.modules["apptest.runtime.streamlit_api.services"].cache_data, loaded() == list(LAZY))
        try:
            st.no_such_name
        except AttributeError as exc:
            print(exc)
    """)
    assert out.splitlines() == [
        "[] True []",
        "True True",
        "module 'streamlit' has no attribute 'no_such_name'",
    ]


def test_dir_and_all_are_the_same_before_and_after_loading() -> None:
    out = _fresh("""
        from apptest.runtime.streamlit_api import module_table, st
        table = module_table()
        first = (dir(st), list(st.__all__), loaded())
        st.secrets
        print(dir(st) == first[0], list(st.__all__) == first[1], first[2], loaded() == list(LAZY))
    """)
    assert out == "True True [] True"
    out = _fresh("""
        from apptest.runtime.streamlit_api import module_table
        typing = module_table()["streamlit.typing"]
        first = (dir(typing), loaded())  # dir() of a module not filled yet fills it
        print(dir(typing) == first[0], "DataframeState" in first[0], first[1] == list(LAZY))
    """)
    assert out == "True True True"


def test_an_app_imports_the_submodules_on_first_use() -> None:
    out = _fresh("""
        from apptest.runtime.session import Script, Session
        from apptest.runtime.streamlit_api import module_table
        s = Session(Script.from_string("import streamlit as st\\nst.write('hi')\\n"))
        s.run(None)
        print(loaded())
        table = module_table()
        s = Session(Script.from_string(
            "import streamlit.components.v1 as components\\n"
            "from streamlit.runtime.scriptrunner import get_script_run_ctx\\n"
            "from streamlit import column_config\\n"
            "import streamlit as st\\n"
            "components.html('<b>x</b>')\\n"
            "st.session_state.ok = get_script_run_ctx() is not None and column_config.TextColumn('a')['label'] == 'a'\\n"
        ))
        s.run(None)
        print(s.state.filtered_state(), sorted(loaded()) == sorted(LAZY))
        from apptest.runtime.streamlit_api import namespace_extra
        print(namespace_extra.components_v1 is table["streamlit.components.v1"])
    """)
    assert out.splitlines() == ["[]", "{'ok': True} True", "True"]
