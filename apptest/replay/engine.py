"""How steps drive the runtime: one callback-then-rerun cycle per step, a record after each.

The engine plays the browser: it remembers the value each widget shows (the "frontend"),
holds edits of form widgets as pending until their form is submitted, and sends the whole
widget-state message on every interaction, as Streamlit's frontend does.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from apptest.errors import InteractionError, ScriptTimeoutError, UnknownTargetError
from apptest.replay.capture import capture_output
from apptest.replay.trace import StepPacker, Trace
from apptest.runtime.elements import Block, Element
from apptest.runtime.session import Script, Session
from apptest.scenario.model import NOT_GIVEN, Expect, Scenario, Step
from apptest.snapshot.plain import plain, plain_mapping

__all__ = ["ExpectationFailed", "Replayer", "replay"]

_TRIGGERS = {"button", "download_button", "form_submit_button"}


class ExpectationFailed(InteractionError):
    """An ``expect`` step did not hold."""


def _walk(block: Block) -> Iterator[Element | Block]:
    for c in block.children:
        yield c
        if c.is_block:
            yield from _walk(c)  # type: ignore[arg-type]


class Replayer:
    """Replays one scenario on a fresh session."""

    def __init__(self, scenario: Scenario, *, timeout: float | None = None, display_path: str | None = None) -> None:
        self.scenario = scenario
        self.path = display_path or scenario.path
        source, filename = scenario.app_source()
        self.timeout = timeout if timeout is not None else scenario.options.timeout
        self.session = Session(
            Script(source, filename),
            secrets=dict(scenario.setup.secrets),
            query_params=dict(scenario.setup.query_params),
            timeout=self.timeout,
        )
        self.frontend: dict[str, Any] = {}
        self.pending: dict[str, dict[str, Any]] = {}
        self.trace = Trace(scenario=self.path, name=scenario.name, description=scenario.description)
        self._packer = StepPacker()
        # The last recorded step's state, output and exceptions, for steps that run nothing.
        self._shown: tuple[dict[str, Any], dict[str, Any], tuple[dict[str, Any], ...]] = ({}, {}, ())
        self.current_step: Step | None = None  # the step being performed (None during the load)

    # ------------------------------------------------------------------ public
    def run(self) -> Trace:
        """Replay every step; a harness error stops the scenario and is recorded at its step."""
        for k, v in self.scenario.setup.session_state.items():
            self.session.state.set_from_outside(str(k), v)
        cwd = os.getcwd()
        modules_before = set(sys.modules)
        try:
            try:
                self._record(0, "load", self._run({}))
            except InteractionError as err:
                err.step, err.path = 0, self.path
                err.line = self.scenario.source_line_of_app
                self._record(0, "load", None, error=str(err))
            for step in self.scenario.steps:
                if self.trace.steps and self.trace.steps[-1].error is not None:
                    break
                self.current_step = step
                try:
                    self._do(step)
                except InteractionError as err:
                    if err.step is None:
                        err.step = step.index
                    if err.path is None:
                        err.path = self.path
                        err.line = step.line
                    self._record(step.index, step.raw, None, error=str(err))
        finally:
            os.chdir(cwd)
            self._forget_app_modules(modules_before)
        return self.trace

    # ------------------------------------------------------------------ running
    def _run(self, states: dict[str, Any] | None) -> Any:
        try:
            return self.session.run(states)
        except ScriptTimeoutError as err:
            raise InteractionError(
                f"the app did not finish within {self.timeout:g} s ({err})",
                hint="look for an endless loop or a long sleep in the app, or raise `options: {timeout: N}`",
            ) from None
        except SyntaxError as err:
            raise InteractionError(
                f"the app has a syntax error: {err.msg} ({err.filename}:{err.lineno})",
                hint="fix the app script; apptest runs it exactly as Streamlit would",
            ) from None

    def _record(self, index: int, do: Any, result: Any, *, error: str | None = None) -> None:
        s = self.session
        state = plain_mapping(dict(sorted(s.state.filtered_state().items())))
        output = capture_output(s.roots)
        exception = tuple(
            {"type": n.props["type"], "message": n.props["message"]}
            for n in _walk(s.roots["main"])
            if not n.is_block and n.type == "exception"
        )
        self._shown = (state, output, exception)
        self.trace.steps.append(
            self._packer.record(
                index,
                plain(do),
                tuple(result.callbacks) if result is not None else (),
                state,
                output,
                exception,
                error=error,
                reruns=result.reruns if result is not None else 0,
            )
        )
        if result is not None:
            self._refresh_frontend()

    def _record_unchanged(self, step: Step) -> None:
        """A step that ran nothing: the last step's state and output again."""
        self.trace.steps.append(self._packer.record(step.index, plain(step.raw), (), *self._shown, reruns=0))

    def _refresh_frontend(self) -> None:
        """After a run the frontend shows each rendered widget's current value."""
        state = self.session.state
        fe: dict[str, Any] = {}
        for w in self._widgets():
            wid = w.props["id"]
            meta = state.meta.get(wid)
            if meta is None:
                continue
            try:
                fe[wid] = meta.serializer(state[wid])
            except KeyError:
                fe[wid] = self.frontend.get(wid)
            except Exception:
                fe[wid] = self.frontend.get(wid)
        self.frontend = fe

    def _widgets(self) -> list[Element]:
        out: list[Element] = []
        for root in self.session.roots.values():
            for n in _walk(root):
                if not n.is_block and "id" in n.props and n.props["id"] in self.session.state.meta:
                    out.append(n)  # type: ignore[arg-type]
        return out

    # ------------------------------------------------------------------ steps
    def _do(self, step: Step) -> None:
        kind = step.kind
        if kind == "click":
            self._click(step, self._target(step, step.arg))
        elif kind == "submit":
            self._submit(step)
        elif kind == "set":
            self._set(step)
        elif kind == "state":
            for k, v in step.arg.items():
                self.session.state.set_from_outside(str(k), v)
            self._record(step.index, step.raw, self._run(dict(self.frontend)))
        elif kind == "rerun":
            self._record(step.index, step.raw, self._run(dict(self.frontend)))
        elif kind == "expect":
            try:
                self._expect(step, step.arg)
            except ExpectationFailed as err:
                err.path, err.line = self.path, step.line
                self.trace.expectation_failures.append((step.index, str(err)))
            self._record_unchanged(step)
        else:  # pragma: no cover - the loader rejects unknown kinds
            raise InteractionError(f"unknown step kind {kind!r}")

    def _click(self, step: Step, w: Element) -> None:
        if w.type not in _TRIGGERS:
            raise InteractionError(
                f"`click: {step.arg}` targets a {w.type}, which cannot be clicked",
                step=step.index,
                hint="use `set:` for value widgets; `click:` is for button, download_button and form_submit_button",
            )
        self._check_enabled(step, w)
        states = dict(self.frontend)
        form_id = w.props.get("form_id") or ""
        if w.props.get("is_form_submitter") and form_id:
            states.update(self.pending.pop(form_id, {}))
        states[w.props["id"]] = True
        result = self._run(states)
        if form_id and self.session.stores.get("forms", {}).get(form_id, {}).get("clear_on_submit"):
            self._stage_form_defaults(form_id)
        self._record(step.index, step.raw, result)

    def _stage_form_defaults(self, form_id: str) -> None:
        """After a clear_on_submit submit the browser shows defaults and holds them as edits."""
        state = self.session.state
        staged: dict[str, Any] = {}
        for w in self._widgets():
            if w.props.get("form_id") == form_id and w.type not in _TRIGGERS:
                meta = state.meta[w.props["id"]]
                staged[w.props["id"]] = meta.serializer(meta.deserializer(None))
        self.pending[form_id] = staged

    def _submit(self, step: Step) -> None:
        form = str(step.arg)
        buttons = [w for w in self._widgets() if w.props.get("is_form_submitter") and w.props.get("form_id") == form]
        if not buttons:
            forms = sorted({str(w.props.get("form_id")) for w in self._widgets() if w.props.get("form_id")})
            raise UnknownTargetError(
                f"`submit: {form}`: no form with that key and a submit button in the current run",
                step=step.index,
                alternatives=forms,
                hint=_did_you_mean(form, forms) or "give the key passed to st.form(...)",
            )
        self._click(step, buttons[0])

    def _set(self, step: Step) -> None:
        changes: dict[str, Any] = {}
        staged: dict[str, dict[str, Any]] = {}
        for target, value in step.arg.items():
            w = self._target(step, str(target))
            self._check_enabled(step, w)
            if w.type in _TRIGGERS:
                raise InteractionError(
                    f"`set: {{{target}: ...}}` targets a {w.type}; buttons are clicked, not set",
                    step=step.index,
                    hint=f"write `- click: {target}`",
                )
            wire = self._to_wire(step, str(target), w, value)
            form_id = w.props.get("form_id") or ""
            if form_id:
                staged.setdefault(form_id, {})[w.props["id"]] = wire
            else:
                changes[w.props["id"]] = wire
        for form_id, values in staged.items():
            self.pending.setdefault(form_id, {}).update(values)
        if changes:
            states = dict(self.frontend)
            states.update(changes)
            self._record(step.index, step.raw, self._run(states))
        else:
            self._record_unchanged(step)

    # ------------------------------------------------------------------ targets and values
    def _target(self, step: Step, target: str) -> Element:
        widgets = self._widgets()
        by_key = [w for w in widgets if w.props.get("key") == target]
        if by_key:
            return by_key[0]
        by_label = [w for w in widgets if str(w.props.get("label", "")) == target]
        if len(by_label) == 1:
            return by_label[0]
        keys = sorted({str(w.props["key"]) for w in widgets if w.props.get("key")})
        labels = sorted({str(w.props.get("label", "")) for w in widgets if w.props.get("label")})
        if len(by_label) > 1:
            raise UnknownTargetError(
                f"{target!r} matches the labels of {len(by_label)} widgets ({', '.join(w.type for w in by_label)})",
                step=step.index,
                alternatives=[f"key {k}" for k in keys],
                hint="target the widget by its key instead (give it `key=` in the app if it has none)",
            )
        suggestion = _did_you_mean(target, keys + labels)
        shown = [n.props for n in _walk(self.session.roots["main"]) if not n.is_block and n.type == "exception"]
        because = f" (the last run ended with {shown[0]['type']}: {shown[0]['message']})" if shown else ""
        raise UnknownTargetError(
            f"no widget with key or label {target!r} in the current run{because}",
            step=step.index,
            alternatives=[f"key {k}" for k in keys] + [f"label {lab!r}" for lab in labels],
            hint=suggestion or "check the widget is rendered at this point of the scenario",
        )

    def _check_enabled(self, step: Step, w: Element) -> None:
        if w.props.get("disabled"):
            raise InteractionError(
                f"{w.type} {w.props.get('key') or w.props.get('label')!r} is disabled; a user cannot change it",
                step=step.index,
                hint="enable the widget in the app first, or remove this step",
            )

    def _to_wire(self, step: Step, target: str, w: Element, value: Any) -> Any:
        from apptest.replay.values import to_widget_value

        meta = self.session.state.meta[w.props["id"]]
        try:
            v = to_widget_value(w.type, w.props, meta.info, value)
        except ValueError as err:
            line = step.positions.get(target, (step.line, 0))[0]
            raise InteractionError(
                f"`set: {{{target}: {value!r}}}`: {w.type} {target!r} cannot take this value: {err}",
                step=step.index,
                path=self.path,
                line=line,
                hint="give a value this widget accepts",
            ) from None
        return meta.serializer(v)

    # ------------------------------------------------------------------ expectations
    def _expect(self, step: Step, exp: Expect) -> None:
        state = self.session.state.filtered_state()
        problems: list[str] = []
        for k, v in (exp.state or {}).items():
            if k not in state:
                problems.append(f"state.{k} is missing (expected {v!r})")
            elif plain(state[k]) != plain(v):
                problems.append(f"state.{k} is {state[k]!r}, expected {v!r}")
        for k in exp.absent or []:
            if k in state:
                problems.append(f"state.{k} is present ({state[k]!r}), expected absent")
        if exp.text:
            texts = _all_text(self.session.roots)
            for sub in exp.text:
                if not any(sub in t for t in texts):
                    problems.append(f"text {sub!r} is not in the output")
        for target, v in (exp.widgets or {}).items():
            w = self._target(step, str(target))
            actual = self.session.state[w.props["id"]] if w.type not in _TRIGGERS else w.props.get("value")
            if plain(actual) != plain(_coerce_expected(actual, v)):
                problems.append(f"widget {target!r} is {actual!r}, expected {v!r}")
        if exp.exception is not NOT_GIVEN:
            shown = [n.props for n in _walk(self.session.roots["main"]) if not n.is_block and n.type == "exception"]
            if exp.exception is None and shown:
                problems.append(f"an exception was shown: {shown[0]['type']}: {shown[0]['message']}")
            elif exp.exception is not None and not any(
                exp.exception in p["type"] or exp.exception in p["message"] for p in shown
            ):
                problems.append(f"no exception containing {exp.exception!r} was shown")
        if problems:
            raise ExpectationFailed(
                "expectation failed: " + "; ".join(problems),
                step=step.index,
                hint="fix the app or update the expectation",
            )

    # ------------------------------------------------------------------ isolation
    def _forget_app_modules(self, before: set[str]) -> None:
        """Drop modules the app imported from its own folder so the next scenario starts clean."""
        folder = self.session.script.folder
        if folder is None:
            return
        prefix = str(Path(folder).resolve())
        for name in set(sys.modules) - before:
            mod = sys.modules.get(name)
            f = getattr(mod, "__file__", None)
            if f and str(Path(f).resolve()).startswith(prefix):
                del sys.modules[name]


def _coerce_expected(actual: Any, v: Any) -> Any:
    if isinstance(actual, tuple) and isinstance(v, list):
        return tuple(v)
    if isinstance(actual, _dt.date) and isinstance(v, str):
        try:
            return type(actual).fromisoformat(v)
        except ValueError:
            return v
    if isinstance(actual, _dt.time) and isinstance(v, str):
        try:
            return _dt.time.fromisoformat(v)
        except ValueError:
            return v
    return v


def _all_text(roots: dict[str, Block]) -> list[str]:
    out: list[str] = []
    for root in roots.values():
        for n in _walk(root):
            for k in ("body", "label", "code_text", "message", "value"):
                v = n.props.get(k)
                if isinstance(v, str):
                    out.append(v)
    return out


def _did_you_mean(word: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def replay(scenario: Scenario | str | os.PathLike[str], *, timeout: float | None = None) -> Trace:
    """Replay a scenario (a loaded :class:`Scenario` or a path) and return its trace.

    Example:
        >>> trace = replay("scenarios/counter.yaml")  # doctest: +SKIP
        >>> trace.steps[1].state["count"]  # doctest: +SKIP
        1
    """
    if not isinstance(scenario, Scenario):
        from apptest.scenario.loader import load_scenario

        scenario = load_scenario(scenario)
    return Replayer(scenario, timeout=timeout).run()
