"""A simulated Streamlit session: runs one app script through callback-then-rerun cycles."""

from __future__ import annotations

import collections
import os
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apptest.errors import ScriptTimeoutError
from apptest.runtime import context as _context
from apptest.runtime.context import RunContext
from apptest.runtime.elements import Block, Element, new_roots
from apptest.runtime.script_runner import (
    MAGIC_NAME,
    RerunException,
    ScriptTimeout,
    StopException,
    arm,
    compile_script,
    disarm,
)
from apptest.runtime.session_state import SessionState

__all__ = ["RunResult", "Script", "Session"]

# The page hash Streamlit mixes into every element id (one page apps).
DEFAULT_PAGE_HASH = "apptest-main-page"


@dataclass(frozen=True)
class Script:
    """An app script: its source and where it lives."""

    source: str
    filename: str

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Script:
        p = Path(path)
        return cls(p.read_text(encoding="utf-8"), str(p.resolve()))

    @classmethod
    def from_string(cls, source: str, filename: str = "<streamlit app>") -> Script:
        return cls(source, filename)

    @property
    def folder(self) -> str | None:
        filename = self.filename
        try:
            return _FOLDERS[filename]
        except KeyError:
            pass
        folder = None if filename.startswith("<") else str(Path(filename).parent)
        if len(_FOLDERS) > 1024:
            _FOLDERS.clear()
        _FOLDERS[filename] = folder
        return folder


# Script.folder per filename (a rerun asks for it every time).
_FOLDERS: dict[str, str | None] = {}


@dataclass
class RunResult:
    """What one ``Session.run`` did."""

    callbacks: list[str] = field(default_factory=list)
    reruns: int = 0
    body_completed: bool = False
    stopped: bool = False
    exception: BaseException | None = None
    timed_out: bool = False
    # The script did not compile: nothing ran (no callbacks, no widget states applied).
    compile_error: bool = False


def _callable_name(fn: Any) -> str:
    name = getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None)
    if name is None:
        func = getattr(fn, "func", None)  # functools.partial
        if func is not None:
            return _callable_name(func)
        return type(fn).__name__
    return str(name)


class Session:
    """One user session of one app script."""

    def __init__(
        self,
        script: Script,
        *,
        secrets: dict[str, Any] | None = None,
        query_params: dict[str, Any] | None = None,
        timeout: float = 3.0,
        magic: bool = True,
    ) -> None:
        self.script = script
        self.state = SessionState()
        self.roots: dict[str, Block] = new_roots()
        self.timeout = timeout
        self.magic = magic
        self.page_hash = DEFAULT_PAGE_HASH
        self.secrets: dict[str, Any] = dict(secrets or {})
        from apptest.runtime.streamlit_api.query_params import QueryParamsData

        self.query_params = QueryParamsData(query_params or {})
        # Per-session stores of the st API (caches, fragments, page config...).
        self.stores: dict[str, Any] = {}
        self.run_count = 0
        self.last_result: RunResult | None = None

    # ------------------------------------------------------------------ running
    def run(self, widget_states: dict[str, Any] | None, *, timeout: float | None = None) -> RunResult:
        """Run the script once (plus any ``st.rerun()`` chain).

        ``widget_states`` is the frontend's message: widget id -> wire value. ``None`` means a
        run without widget states (no compaction, no callbacks).

        Raises:
            ScriptTimeoutError: the run took longer than ``timeout`` seconds.
        """
        result = RunResult()
        try:
            code = compile_script(self.script.source, self.script.filename, magic=self.magic)
        except Exception as exc:  # SyntaxError, ValueError (null bytes)...
            # As Streamlit: the run stops before callbacks and the body, with nothing rendered
            # (the browser shows the error in a modal, not as an element).
            result.exception = exc
            result.compile_error = True
            self.roots = new_roots()
            self.last_result = result
            return result
        seconds = self.timeout if timeout is None else timeout
        with _installed_streamlit(self.script.folder):
            try:
                alarm = arm(seconds)
                try:
                    self._run_chain(code, widget_states, result)
                finally:
                    disarm(alarm)
            except ScriptTimeout:
                result.timed_out = True
                _context._set(None)
                self.last_result = result
                raise ScriptTimeoutError(seconds) from None
            finally:
                _context._set(None)
        self.last_result = result
        return result

    def _run_chain(self, code: types.CodeType, widget_states: dict[str, Any] | None, result: RunResult) -> None:
        state = self.state
        fragments: list[str] | None = None  # a fragment-only run of these fragment ids
        while True:
            result.reruns += 1
            self.run_count += 1
            roots = new_roots()
            ctx = RunContext(self, roots, self.page_hash)
            self.roots = roots
            _context._set(ctx)
            for hook in self.stores.get("_before_run_hooks", ()):
                hook(ctx)
            if widget_states is not None:
                changed = state.on_script_will_rerun(widget_states)
                widget_states = None
                ctx.callback_phase = True
                # What the callbacks asked for (Streamlit's rerun "votes"): a keyed
                # st.rerun("frag") targets fragments; a normal return or a plain st.rerun()
                # wants the interaction's full-app run, which wins over targeted requests.
                rerun_requested = False
                wants_default = False
                targeted: list[str] = []
                for wid in changed:
                    result.callbacks.append(_callable_name(state.meta[wid].callback))
                    try:
                        state.call_callback(wid)
                    except RerunException as rerun:
                        rerun_requested = True
                        if rerun.fragment_ids:
                            targeted.extend(f for f in rerun.fragment_ids if f not in targeted)
                        else:
                            wants_default = True
                    except StopException:
                        result.stopped = True
                        return
                    except Exception as exc:  # app error in a callback: shown, body skipped
                        result.exception = exc
                        self.show_exception(ctx, exc)
                        return
                    else:
                        wants_default = True
                ctx.callback_phase = False
                if rerun_requested:
                    state.on_script_finished(ctx.widget_ids, remove_stale=False)
                    fragments = targeted if targeted and not wants_default else None
                    continue
            if fragments is not None:
                ctx.extra["fragment_run"] = True
                ctx.extra["fragment_ids_this_run"] = fragments
            module = types.ModuleType("__main__")
            module.__dict__["__file__"] = self.script.filename
            module.__dict__[MAGIC_NAME] = _magic_module()
            old_main = sys.modules.get("__main__")
            sys.modules["__main__"] = module
            try:
                if fragments is None:
                    exec(code, module.__dict__)
                else:
                    registry: dict[str, Any] = self.stores.get("fragments", {})
                    for fid in fragments:
                        registry[fid]["func"]()
            except RerunException as rerun:
                state.on_script_finished(ctx.widget_ids, remove_stale=False)
                fragments = rerun.fragment_ids if rerun.scope == "fragment" and rerun.fragment_ids else None
                continue
            except StopException:
                result.stopped = True
                return
            except ScriptTimeout:
                raise
            except Exception as exc:
                result.exception = exc
                self.show_exception(ctx, exc)
                return
            finally:
                if old_main is not None:
                    sys.modules["__main__"] = old_main
            result.body_completed = True
            state.on_script_finished(
                ctx.widget_ids, remove_stale=True, fragment_ids=None if fragments is None else set(fragments)
            )
            for hook in self.stores.get("_after_run_hooks", ()):
                hook(ctx)
            return

    def show_exception(self, ctx: RunContext, exc: BaseException) -> None:
        """Append an uncaught exception to main, as Streamlit shows it."""
        from apptest.runtime.streamlit_api.errors import FragmentHandledException
        from apptest.runtime.streamlit_api.exception import exception_props

        if isinstance(exc, FragmentHandledException):  # already shown inside its fragment
            return
        ctx.roots["main"].children.append(Element("exception", exception_props(exc, uncaught=True)))

    # ------------------------------------------------------------------ reading
    def iter_elements(self, root: str = "main") -> Iterator[Element | Block]:
        def walk(b: Block) -> Iterator[Element | Block]:
            for c in b.children:
                yield c
                if c.is_block:
                    yield from walk(c)  # type: ignore[arg-type]

        return walk(self.roots[root])


# ---------------------------------------------------------------------------------- modules
_MODULE_NAMES: tuple[str, ...] = ()
_MODULE_NAME_SET: frozenset[str] = frozenset()
_NONES: tuple[None, ...] = ()
_OUR_MODULES: dict[str, types.ModuleType] = {}
_consume: Callable[[Iterable[Any]], None] = collections.deque(maxlen=0).extend  # runs an iterator out, in C


def _our_modules() -> dict[str, types.ModuleType]:
    global _MODULE_NAMES, _MODULE_NAME_SET, _NONES
    if not _OUR_MODULES:
        from apptest.runtime import streamlit_api

        _OUR_MODULES.update(streamlit_api.module_table())
        _MODULE_NAMES = tuple(_OUR_MODULES)
        _MODULE_NAME_SET = frozenset(_MODULE_NAMES)
        _NONES = (None,) * len(_MODULE_NAMES)
    return _OUR_MODULES


_magic: types.ModuleType | None = None


def _magic_module() -> types.ModuleType:
    global _magic
    if _magic is None:
        from apptest.runtime.streamlit_api import magic_funcs

        _magic = magic_funcs
    return _magic


_install_depth = 0


class _installed_streamlit:
    """Make ``import streamlit`` give apptest's API for the duration of a run, then restore.

    A plain class rather than a generator context manager: this runs on every rerun.
    """

    __slots__ = ("_added_path", "_folder", "_outer", "_saved")

    def __init__(self, folder: str | None) -> None:
        self._folder = folder
        self._outer = False
        self._added_path = False
        self._saved: dict[str, Any] | None = None

    def __enter__(self) -> None:
        global _install_depth
        ours = _our_modules()
        if _install_depth:
            _install_depth += 1
            return
        modules = sys.modules
        # Usually none of the names is taken (no real streamlit imported): set operations in C.
        present = modules.keys() & _MODULE_NAME_SET
        self._saved = {name: modules[name] for name in present} if present else None
        modules.update(ours)
        folder = self._folder
        self._added_path = folder is not None and folder not in sys.path
        if self._added_path:
            sys.path.insert(0, folder)  # type: ignore[arg-type]
        self._outer = True
        _install_depth = 1

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        global _install_depth
        if not self._outer:
            _install_depth -= 1
            return
        _install_depth = 0
        modules = sys.modules
        _consume(map(modules.pop, _MODULE_NAMES, _NONES))
        if self._saved:
            modules.update(self._saved)
        if self._added_path and self._folder in sys.path:
            sys.path.remove(self._folder)


def run_hooks(session: Session, name: str) -> list[Callable[[RunContext], None]]:
    hooks: list[Callable[[RunContext], None]] = session.stores.setdefault(name, [])
    return hooks
