"""Buttons, checkboxes/toggles, text inputs, forms."""

from __future__ import annotations

import operator
from datetime import timedelta
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import (
    DeltaGenerator,
    WidgetPlan,
    append_planned,
    check_callback,
    check_widget_policies,
    claim_plan,
    get_plan,
    keep_plan,
    label_text,
    plan_key,
    register_planned,
    state_holds_none,
    to_key,
    widget_id,
)

FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n"
    "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def _trigger_deserialize(wire: Any) -> bool:
    return bool(wire) if wire is not None else False


def _bool_serialize(v: Any) -> bool:
    return bool(v)


def _identity(v: Any) -> Any:
    return v


_TEXT_INPUT_TYPES = ("default", "password", "email", "url", "phone", "search")

_DEFAULT_LIVE_DEBOUNCE_MS = 250
_MAX_LIVE_DEBOUNCE_MS = 60_000


def _parse_validate(validate: Any) -> str | None:
    """The regex of ``validate`` (what the widget id hashes); checks its type like Streamlit."""
    if validate is None:
        return None
    if isinstance(validate, str):
        return validate
    if isinstance(validate, tuple):
        if len(validate) == 2 and all(isinstance(item, str) for item in validate):
            return validate[0]  # type: ignore[no-any-return]
        raise E.StreamlitValueError("validate", ["a regex string", "a (regex, message) tuple of strings"])
    raise E.StreamlitInvalidParameterTypeError("validate", type(validate).__name__, ["None", "str", "tuple"])


def _parse_live(live: Any) -> int | None:
    """``live`` as a debounce in milliseconds (None when off), validated like Streamlit."""
    if live is False:
        return None
    if live is True:
        return _DEFAULT_LIVE_DEBOUNCE_MS
    if isinstance(live, (int, float, timedelta)):
        raise E.StreamlitInvalidParameterTypeError(
            "live", type(live).__name__, ["bool", "str"],
            detail=(
                "A number or `datetime.timedelta` is not accepted. "
                "Use `True` for a 250ms pause, or a duration string like "
                "`'300ms'` or `'0.5s'`. `live=300` is not milliseconds "
                "(and `live=0.3` is not seconds); duration units must be "
                "explicit."
            ),
        )
    if not isinstance(live, str):
        raise E.StreamlitInvalidParameterTypeError("live", type(live).__name__, ["bool", "str"])
    from apptest.runtime.streamlit_api.services import time_to_seconds

    seconds = float(time_to_seconds(live) or 0.0)
    debounce_ms = round(seconds * 1000.0)
    if seconds > 0 and debounce_ms == 0:
        debounce_ms = 1
    if seconds < 0 or debounce_ms > _MAX_LIVE_DEBOUNCE_MS:
        raise E.StreamlitValueOutOfRangeError(
            "live", live, "0ms", "1m",
            detail=(
                "Use `True` for the 250ms default, `'0ms'` to commit on every "
                "change, or a duration string up to `'1m'`."
            ),
        )
    return debounce_ms


class BasicWidgetsMixin:
    # ------------------------------------------------------------------ buttons
    def button(
        self,
        label: str,
        key: Any = None,
        help: str | None = None,
        on_click: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        return self._button(
            label, key, help, False, on_click, args, kwargs,
            type=type, icon=icon, icon_position=icon_position, disabled=disabled, width=width, shortcut=shortcut,
        )

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        key: Any = None,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
        wrap: bool | None = None,
    ) -> bool:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        form_id = dg._form_id(ctx)
        submit_key = to_key(key) or f"FormSubmitter:{form_id}-{label}"
        return self._button(
            label, submit_key, help, True, on_click, args, kwargs,
            type=type, icon=icon, icon_position=icon_position, disabled=disabled, width=width, shortcut=shortcut,
        )

    def _button(
        self,
        label: Any,
        key: Any,
        help: str | None,
        is_form_submitter: bool,
        on_click: Any,
        args: Any,
        kwargs: Any,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        width: Any = "content",
        shortcut: str | None = None,
    ) -> bool:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_click = check_callback(on_click, "on_click", modes=())
        check_widget_policies(
            ctx, dg, key, on_click, default_value=None, writes_allowed=False,
            enable_check_callback_rules=not is_form_submitter,
        )
        pk = plan_key(ctx, dg, (
            "button", label, key, help, is_form_submitter, type, icon, icon_position, disabled, width, shortcut,
        ))
        plan = get_plan(pk)
        if plan is None:
            plan = self._button_plan(ctx, label, key, help, is_form_submitter, type, icon, icon_position, disabled,
                                     width, shortcut)
            keep_plan(pk, plan)
        else:
            claim_plan(ctx, plan)
        value, _ = register_planned(ctx, plan, on_click, args, kwargs, disabled, None)
        append_planned(ctx, dg, plan, value)
        return value  # type: ignore[no-any-return]

    def _button_plan(
        self, ctx: Any, label: Any, key: str | None, help: str | None, is_form_submitter: bool, type: str,
        icon: str | None, icon_position: str, disabled: bool, width: Any, shortcut: str | None,
    ) -> WidgetPlan:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        label = "" if label is None else str(label)
        in_form = bool(dg._form_id(ctx))
        form_id = dg._form_id(ctx) if is_form_submitter else ""
        element_type = "form_submit_button" if is_form_submitter else "button"
        eid = widget_id(
            ctx, element_type, key, dg, True,
            {"label": label, "icon": icon, "help": help, "is_form_submitter": is_form_submitter, "type": type,
             "width": width, "icon_position": icon_position, "shortcut": shortcut},
        )
        if in_form and not is_form_submitter:
            raise E.StreamlitInvalidLayoutContextError(
                "`st.button()` can't be used in an `st.form()`. Use "
                "`st.form_submit_button()` instead to submit the form." + FORM_DOCS_INFO
            )
        if not in_form and is_form_submitter:
            raise E.StreamlitInvalidLayoutContextError(
                "`st.form_submit_button()` must be used inside an `st.form()`." + FORM_DOCS_INFO
            )
        return WidgetPlan(
            eid, "button", key, label, form_id, _trigger_deserialize, _bool_serialize, "trigger_value",
            {"is_form_submitter": is_form_submitter}, {
                "id": eid, "key": key, "label": label, "value": None, "help": help or "", "form_id": form_id,
                "disabled": disabled, "type": type, "is_form_submitter": is_form_submitter, "icon": icon or "",
            },
        )

    # ------------------------------------------------------------------ checkbox / toggle
    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: Any = None,
        help: str | None = None,
        on_change: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> bool:
        return self._checkbox("checkbox", label, value, key, help, on_change, args, kwargs, disabled, label_visibility, width,
                              persist_state)

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: Any = None,
        help: str | None = None,
        on_change: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> bool:
        return self._checkbox("toggle", label, value, key, help, on_change, args, kwargs, disabled, label_visibility, width,
                              persist_state)

    def _checkbox(
        self, kind: str, label: Any, value: Any, key: Any, help: str | None, on_change: Any, args: Any,
        kwargs: Any, disabled: bool, label_visibility: str, width: Any, persist_state: str | None = None,
    ) -> bool:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change = check_callback(on_change)
        check_widget_policies(ctx, dg, key, on_change, default_value=None if value is False else value)
        pk = plan_key(ctx, dg, (kind, label, value, key, help, disabled, label_visibility, width))
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
        else:
            label = label_text(label, label_visibility)
            default = bool(value)
            eid = widget_id(ctx, kind, key, dg, True, {"label": label, "value": default, "help": help, "width": width})
            form_id = dg._form_id(ctx)

            def deserialize(wire: Any) -> bool:
                return bool(wire if wire is not None else default)

            plan = WidgetPlan(eid, kind, key, label, form_id, deserialize, _bool_serialize, "value",
                              {"default": default}, {
                                  "id": eid, "key": key, "label": label, "value": None, "default": default,
                                  "help": help or "", "form_id": form_id, "disabled": disabled,
                                  "label_visibility": label_visibility,
                              })
            keep_plan(pk, plan)
        v, changed = register_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
        if changed:
            # Streamlit copies a changed value into the proto's bool field: only ints pass.
            operator.index(v)
        append_planned(ctx, dg, plan, v)
        return v  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ text
    def text_input(
        self,
        label: str,
        value: Any = "",
        max_chars: int | None = None,
        key: Any = None,
        type: str = "default",
        help: str | None = None,
        autocomplete: str | None = None,
        on_change: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
        live: Any = False,
        validate: Any = None,
        required: bool = False,
    ) -> str | None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change = check_callback(on_change)
        pk = plan_key(ctx, dg, (
            "text_input", label, value, max_chars, key, type, help, autocomplete, placeholder, disabled,
            label_visibility, icon, width, live, validate, required, state_holds_none(ctx.session.state, key),
        ))
        plan = get_plan(pk)
        if plan is not None:
            check_widget_policies(ctx, dg, key, on_change, default_value=None if value == "" else value)
            claim_plan(ctx, plan)
            return self._text_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
        live_ms = _parse_live(live)
        if type not in _TEXT_INPUT_TYPES:
            raise E.StreamlitValueError("type", [repr(t) for t in _TEXT_INPUT_TYPES])
        check_widget_policies(ctx, dg, key, on_change, default_value=None if value == "" else value)
        label = label_text(label, label_visibility)
        value = str(value) if value is not None else None
        validate_regex = _parse_validate(validate)
        eid = widget_id(ctx, "text_input", key, dg, {"max_chars", "validate"}, {
            "label": label, "value": value, "max_chars": max_chars, "type": type, "help": help,
            "autocomplete": autocomplete, "placeholder": str(placeholder), "icon": icon, "width": width,
            "live": live_ms, "validate": validate_regex, "required": required,
        })
        return self._text("text_input", eid, label, value, max_chars, key, on_change, args, kwargs, placeholder,
                          disabled, label_visibility, {"type": type}, persist_state, help, pk)

    def text_area(
        self,
        label: str,
        value: Any = "",
        height: Any = None,
        max_chars: int | None = None,
        key: Any = None,
        help: str | None = None,
        on_change: Any = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
        required: bool = False,
    ) -> str | None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change = check_callback(on_change)
        check_widget_policies(ctx, dg, key, on_change, default_value=None if value == "" else value)
        pk = plan_key(ctx, dg, (
            "text_area", label, value, height, max_chars, key, help, placeholder, disabled, label_visibility,
            width, required, state_holds_none(ctx.session.state, key),
        ))
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return self._text_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
        label = label_text(label, label_visibility)
        value = str(value) if value is not None else None
        eid = widget_id(ctx, "text_area", key, dg, {"max_chars"}, {
            "label": label, "value": value, "height": height, "max_chars": max_chars, "help": help,
            "placeholder": str(placeholder), "width": width, "required": required,
        })
        return self._text("text_area", eid, label, value, max_chars, key, on_change, args, kwargs, placeholder,
                          disabled, label_visibility, {}, persist_state, help, pk)

    def _text(
        self, kind: str, eid: str, label: str, value: str | None, max_chars: int | None, key: str | None,
        on_change: Any, args: Any, kwargs: Any, placeholder: Any, disabled: bool, label_visibility: str,
        extra: dict[str, Any], persist_state: str | None, help: str | None, pk: Any = None,
    ) -> str | None:
        """The part text_input and text_area share, after the element id is registered."""
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        state = ctx.session.state
        if state_holds_none(state, key):
            value = None  # a None in session state acts like value=None
        form_id = dg._form_id(ctx)
        default = value

        def deserialize(wire: Any) -> str | None:
            result = wire if wire is not None else default
            if result is not None and max_chars is not None:
                result = result[:max_chars]
            return result

        plan = WidgetPlan(eid, kind, key, label, form_id, deserialize, _identity, "value",
                          {"max_chars": max_chars, "default": default}, {
                              "id": eid, "key": key, "label": label, "value": None, "default": default,
                              "max_chars": max_chars or 0,
                              "placeholder": "" if placeholder is None else str(placeholder), "help": help or "",
                              "form_id": form_id, "disabled": disabled, "label_visibility": label_visibility,
                              **extra,
                          })
        keep_plan(pk, plan)
        return self._text_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)

    def _text_planned(
        self, ctx: Any, plan: WidgetPlan, on_change: Any, args: Any, kwargs: Any, disabled: bool,
        persist_state: str | None,
    ) -> str | None:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        v, changed = register_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
        if changed and v is not None and not isinstance(v, (str, bytes)):
            # Streamlit copies a changed value into the proto's string field.
            raise TypeError("bad argument type for built-in operation")
        append_planned(ctx, dg, plan, v)
        return v  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ forms
    def form(
        self,
        key: str,
        clear_on_submit: bool = False,
        *,
        enter_to_submit: bool = True,
        border: bool = True,
        width: Any = "stretch",
        height: Any = "content",
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if dg._form_id(ctx):
            raise E.StreamlitInvalidLayoutContextError("Forms cannot be nested in other forms.")
        form_key = str(key)
        if form_key in ctx.form_ids:
            raise E.StreamlitDuplicateElementKey(form_key)
        state = ctx.session.state
        if state.is_new_state_value(form_key):
            raise E.StreamlitValueAssignmentNotAllowedError(key=form_key)
        ctx.form_ids.add(form_key)
        forms = ctx.session.stores.setdefault("forms", {})
        forms[form_key] = {"clear_on_submit": clear_on_submit, "enter_to_submit": enter_to_submit}
        return dg._add_block("form", {"form_id": form_key, "clear_on_submit": clear_on_submit,
                                      "enter_to_submit": enter_to_submit, "border": border}, form_id=form_key)
