"""Execution control: ``st.rerun``, ``st.stop``."""

from __future__ import annotations

from typing import Any, NoReturn

from apptest.runtime import context as _context
from apptest.runtime.script_runner import RerunException, StopException
from apptest.runtime.streamlit_api import errors as E


def rerun(*, scope: Any = "app") -> NoReturn:
    ctx = _context.require()
    if isinstance(scope, str):
        if scope not in ("app", "fragment"):
            raise E.StreamlitValueError("scope", ["'app'", "'fragment'"])
        if scope == "fragment" and not ctx.extra.get("fragment_run"):
            raise E.StreamlitInvalidLayoutContextError(
                'scope="fragment" can only be specified from `@st.fragment`-decorated '
                "functions during fragment reruns."
            )
    elif not isinstance(scope, (list, tuple)):
        raise E.StreamlitInvalidParameterTypeError("scope", type(scope).__name__, ["str"])
    raise RerunException(scope if isinstance(scope, str) else "app")


def stop() -> NoReturn:
    _context.require()
    raise StopException()
