"""Compile once (with Streamlit's magic rewrite), execute per rerun, stop on time.

``compile_script`` caches code objects by (filename, source), so a rerun never recompiles.
``arm``/``disarm`` interrupt a script that runs too long: on the main thread with ``SIGALRM``
(which also breaks out of ``time.sleep``), elsewhere by raising asynchronously in the
script's thread (which stops busy loops).
"""

from __future__ import annotations

import ast
import importlib
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import CodeType
from typing import Any

__all__ = [
    "MAGIC_NAME",
    "RerunException",
    "ScriptTimeout",
    "StopException",
    "arm",
    "compile_script",
    "disarm",
]

MAGIC_NAME = "__streamlitmagic__"


class StopException(BaseException):
    """Raised by ``st.stop()``: ends the run, keeps what was rendered."""


class RerunException(BaseException):
    """Raised by ``st.rerun()``: ends the run and starts a new one without widget states."""

    def __init__(self, scope: str = "app", fragment_ids: list[str] | None = None) -> None:
        super().__init__(scope)
        self.scope = scope
        # For a keyed ``st.rerun("frag")`` from a callback: the fragments to rerun alone.
        self.fragment_ids = fragment_ids


class ScriptTimeout(BaseException):
    """Raised inside the script when its run exceeds the time limit.

    A ``BaseException``, so an app's ``except Exception`` cannot swallow it.
    """


# ---------------------------------------------------------------------------------- magic
def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _write_call(args: list[ast.expr]) -> ast.Call:
    return ast.Call(
        func=ast.Attribute(value=ast.Name(id=MAGIC_NAME, ctx=ast.Load()), attr="transparent_write", ctx=ast.Load()),
        args=args,
        keywords=[],
    )


def _rewrite(tree: Any, body_attr: str = "body") -> None:
    body = getattr(tree, body_attr)
    parent_type = type(tree)
    for i, node in enumerate(body):
        t = type(node)
        if t in (ast.FunctionDef, ast.AsyncFunctionDef, ast.With, ast.AsyncWith):
            _rewrite(node)
        elif t in (ast.For, ast.While, ast.AsyncFor):
            _rewrite(node)
            _rewrite(node, "orelse")
        elif t is ast.ClassDef:
            for inner in node.body:
                if type(inner) in (ast.FunctionDef, ast.AsyncFunctionDef):
                    _rewrite(inner)
        elif t is ast.Try or (sys.version_info >= (3, 11) and t is getattr(ast, "TryStar", None)):
            _rewrite(node)
            _rewrite(node, "finalbody")
            _rewrite(node, "orelse")
            for handler in node.handlers:
                _rewrite(handler)
        elif t is ast.If:
            _rewrite(node)
            _rewrite(node, "orelse")
        elif t is ast.Match:
            for case in node.cases:
                _rewrite(case)
        elif t is ast.Expr:
            value = node.value
            vt = type(value)
            if vt is ast.Call:
                continue
            if i == 0 and _is_str(value) and parent_type in (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module):
                continue
            if vt in (ast.Yield, ast.YieldFrom, ast.Await):
                continue
            args = value.elts if vt is ast.Tuple else [value]
            node.value = ast.copy_location(_write_call(args), value)


_code_cache: dict[tuple[str, str, bool], CodeType] = {}


def compile_script(source: str, filename: str, *, magic: bool = True) -> CodeType:
    """Compile an app script once per (filename, source); raises SyntaxError as Python does."""
    cache_key = (filename, source, magic)
    code = _code_cache.get(cache_key)
    if code is None:
        tree = ast.parse(source, filename, "exec")
        if magic:
            _rewrite(tree)
            ast.fix_missing_locations(tree)
        code = compile(tree, filename, "exec", dont_inherit=True)
        if len(_code_cache) > 256:
            _code_cache.clear()
        _code_cache[cache_key] = code
    return code


# ---------------------------------------------------------------------------------- timeout
#: Last resort for a script that swallows every interruption (``except BaseException`` or a
#: bare ``except`` in an endless loop): called from the timer signal once a run has taken more
#: than twice its time limit. The command line sets it to report the step and exit; the default
#: (None) keeps interrupting every 100 ms.
hard_stop: Callable[[float], None] | None = None
_run_started = 0.0
_run_seconds = 0.0


def _alarm(signum: int, frame: Any) -> None:
    stop = hard_stop
    if stop is not None and time.monotonic() - _run_started > 2 * _run_seconds:
        stop(_run_seconds)
    raise ScriptTimeout()


_HAS_ITIMER = hasattr(signal, "setitimer")
_MAIN_THREAD_ID = threading.main_thread().ident
# The C-level signal(): ``signal.signal`` wraps it with an enum round trip on every call.
_set_handler: Any = importlib.import_module("_signal").signal


_SIGALRM = signal.SIGALRM if _HAS_ITIMER else 0
_ITIMER_REAL = signal.ITIMER_REAL if _HAS_ITIMER else 0
_setitimer: Any = signal.setitimer if _HAS_ITIMER else None


def arm(seconds: float | None) -> Any:
    """Start a run's time limit: :class:`ScriptTimeout` is raised in the running code once
    ``seconds`` have passed. Returns what :func:`disarm` needs; called around every rerun, so
    it is two plain functions, with the low-level ``_signal`` calls (no enum round trip).

    On the main thread this is SIGALRM through the real-time interval timer. A timer that was
    already running (pytest-timeout's signal method, an app test's own alarm) is put back,
    less the time the run took, when the run ends.
    """
    if not seconds or seconds <= 0:
        return None
    if _HAS_ITIMER and threading.get_ident() == _MAIN_THREAD_ID:
        global _run_started, _run_seconds
        _run_started = started = time.monotonic()
        _run_seconds = seconds
        previous = _set_handler(_SIGALRM, _alarm)
        # Re-fire every 100 ms in case the script swallows the first one with a bare except.
        outer = _setitimer(_ITIMER_REAL, seconds, 0.1)
        return (previous, outer, started)
    thread = _thread_deadline(seconds)
    next(thread)
    return thread


def disarm(token: Any) -> None:
    """End the time limit :func:`arm` started."""
    if token is None:
        return
    if type(token) is tuple:
        previous, outer, started = token
        _setitimer(_ITIMER_REAL, 0)
        # None: a handler installed from C; the default action is the nearest we can restore.
        _set_handler(_SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if outer[0]:  # someone else's timer was running: it goes on, with its own handler
            left = outer[0] - (time.monotonic() - started)
            _setitimer(_ITIMER_REAL, left if left > 0 else 1e-6, outer[1])
    else:
        token.close()


def _thread_deadline(seconds: float) -> Iterator[None]:
    import ctypes

    target = threading.get_ident()
    done = threading.Event()

    def watchdog() -> None:
        if done.wait(seconds):
            return
        while not done.is_set():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(ScriptTimeout))
            if done.wait(0.1):
                break

    t = threading.Thread(target=watchdog, daemon=True, name="apptest-deadline")
    t.start()
    try:
        yield
    finally:
        done.set()
        t.join()
        # Withdraw an exception the watchdog may have queued just as the run ended.
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
