"""Selection widgets: radio, selectbox, multiselect, select_slider, pills, segmented_control.

All of them work the way Streamlit 1.67.0 does: the options are turned into a list, every
option is formatted with ``format_func`` and the frontend only ever sees (and sends back)
these *labels*. A label maps back to its option object; when two options share a label the
last one wins (multiselect: the first one, as in Streamlit). A value that no longer matches
an option (a session-state write, or options that changed under a keyed widget) is reset to
the default, except in multiselect and multi-select button groups, which drop it.

Wire formats (what a driver sends in ``Session.run(widget_states)``):

- radio, selectbox: the label (``str``) or ``None``;
- multiselect, multi-select pills/segmented_control: a list of labels;
- single-select pills/segmented_control: ``[label]``, or ``[]`` for "nothing selected";
- select_slider: ``[label]`` or ``[low_label, high_label]`` (a bare label is accepted too).

Each widget's :class:`WidgetMeta` ``info`` holds ``options`` (the option objects), ``labels``
(the formatted labels) and ``format_func``, so a driver can turn a user value into a label.
"""

from __future__ import annotations

import array
import importlib
from collections import UserList, deque
from collections.abc import Callable, ItemsView, KeysView, Mapping, Sequence, ValuesView
from enum import Enum, EnumMeta
from numbers import Integral
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.elements import Element
from apptest.runtime.session_state import Serialized, SessionState
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import (
    DeltaGenerator,
    WidgetPlan,
    append_planned,
    check_callback,
    check_widget_policies,
    claim_plan,
    get_plan,
    has_negative_zero,
    keep_plan,
    label_text,
    plan_key,
    register_planned,
    register_widget,
    state_holds_none,
    to_key,
    widget_id,
)

__all__ = ["SelectionWidgetsMixin", "create_mappings", "to_option_list"]

_MISSING: Any = object()
_LIST_LIKE = (
    list, set, tuple, array.array, deque, enumerate, frozenset, ItemsView, KeysView, map, range, UserList,
    ValuesView,
)
_FLOAT_EQUALITY_EPSILON = 0.000000000005
_SELECT_ALL_ALWAYS = -1
_DEFAULT_SELECT_ALL = 1000
_SELECT_ALL_MAX_THRESHOLD = 2**31 - 1
_FILTER_MODES = frozenset({"fuzzy", "contains", "prefix", None})
_PROTO_TYPE_ERROR = "bad argument type for built-in operation"


# ---------------------------------------------------------------------------------- options
def to_option_list(obj: Any) -> list[Any]:
    """Streamlit's ``convert_anything_to_list``: options (or defaults) as a fresh list."""
    if obj is None:
        return []
    if isinstance(obj, (str, int, float, bool)):
        return [obj]
    if isinstance(obj, EnumMeta):
        members: list[Any] = list(obj)
        return [getattr(m, "value", m) if isinstance(m, str) else m for m in members]
    if isinstance(obj, Mapping):
        return list(obj.keys())
    if isinstance(obj, _LIST_LIKE):
        return list(obj)
    return _first_column(obj)


def _first_column(obj: Any) -> list[Any]:
    """Dataframe-like (pandas, numpy, polars...) options: the first column, as Streamlit does."""
    module = type(obj).__module__.split(".", 1)[0]
    if module in ("pandas", "numpy") or hasattr(obj, "to_pandas"):
        pd: Any = importlib.import_module("pandas")

        data = obj
        if hasattr(data, "to_pandas") and module not in ("pandas", "numpy"):
            data = data.to_pandas()
        if hasattr(data, "data") and type(data).__name__ == "Styler":
            data = data.data
        if isinstance(data, pd.DataFrame):
            df = data
        elif hasattr(data, "shape") and len(getattr(data, "shape", ())) == 0:
            return []
        else:
            df = pd.DataFrame(data)
        return [] if df.empty else list(df.iloc[:, 0].to_list())
    if isinstance(obj, (bytes, bytearray)) or not hasattr(obj, "__iter__"):
        return [obj]
    return list(obj)


def _check_comparable(seq: Sequence[Any]) -> None:
    try:
        bool(seq[0] == seq[0])
    except LookupError:
        pass
    except ValueError:
        raise E.StreamlitAPIException(
            "Invalid option type provided. Options must be comparable, returning a "
            f"boolean when used with *==*. \n\nGot **{type(seq[0]).__name__}**, "
            "which cannot be compared. Refactor your code to use elements of "
            "comparable types as options, e.g. use indices instead.",
            error_id="incomparable-select-options",
        ) from None


def create_mappings(options: Sequence[Any], format_func: Callable[[Any], Any]) -> tuple[list[Any], dict[Any, int]]:
    """The formatted labels and label -> option index (a repeated label: the last one wins)."""
    labels: list[Any] = []
    index: dict[Any, int] = {}
    for i, option in enumerate(options):
        label = format_func(option)
        labels.append(label)
        index[label] = i
    return labels, index


def _require_str_labels(labels: list[Any]) -> None:
    """Assigning labels to the protobuf: anything but ``str`` fails with protobuf's TypeError."""
    for label in labels:
        if not isinstance(label, str):
            raise TypeError(_PROTO_TYPE_ERROR)


def _index_of(options: Sequence[Any], x: Any) -> int:
    """Streamlit's ``index_``: the first equal item (floats within an epsilon)."""
    for i, value in enumerate(options):
        if x == value:
            return i
        if isinstance(value, float) and isinstance(x, float) and abs(x - value) < _FLOAT_EQUALITY_EPSILON:
            return i
    raise ValueError(f"{x} is not in iterable")


def _default_indices(options: list[Any], default: Any) -> list[int]:
    if default is None:
        return []
    values = to_option_list(default)
    for value in values:
        if value not in options:
            raise E.StreamlitDefaultNotInOptionsError(value)
    return [options.index(value) for value in values]


def _check_filter_mode(filter_mode: Any, accept_new_options: bool) -> None:
    try:
        valid = filter_mode in _FILTER_MODES
    except TypeError:
        valid = False
    if not valid:
        raise E.StreamlitValueError("filter_mode", ["fuzzy", "contains", "prefix", "None"])
    if filter_mode is None and accept_new_options:
        raise E.StreamlitIncompatibleParametersError(
            "filter_mode=None",
            "accept_new_options=True",
            explanation=(
                "`filter_mode` cannot be `None` when `accept_new_options=True`. "
                "Set `filter_mode` to `fuzzy`, `contains`, or `prefix`."
            ),
        )


# ---------------------------------------------------------------------------------- enums
def _enum_class(options: Any, opt: Sequence[Any]) -> Any:
    if isinstance(options, EnumMeta):
        return options
    it = iter(opt)
    try:
        first = type(next(it))
    except StopIteration:
        return None
    if all(type(item) is first for item in it) and isinstance(first, EnumMeta):
        return first
    return None


def _coerce_enum_value(value: Enum, cls: type[Enum]) -> Any:
    """``runner.enumCoercion = "nameOnly"``: a member of a redefined Enum class maps by name."""
    if isinstance(value, cls):
        return value
    from_cls = type(value)
    if from_cls.__qualname__ != cls.__qualname__ or set(cls._member_names_) != set(from_cls._member_names_):
        return value
    return cls[value._name_]


def _maybe_coerce_enum(value: Any, options: Any, opt: Sequence[Any]) -> Any:
    if not isinstance(value, Enum):
        return value
    cls = _enum_class(options, opt)
    return value if cls is None else _coerce_enum_value(value, cls)


def _maybe_coerce_enum_sequence(value: Any, options: Any, opt: Sequence[Any]) -> Any:
    if not all(isinstance(v, Enum) for v in value):
        return value
    cls = _enum_class(options, opt)
    if cls is None:
        return value
    return type(value)(_coerce_enum_value(v, cls) for v in value)


# ---------------------------------------------------------------------------------- validation
def _reset(state: SessionState, key: str | None, value: Any) -> None:
    if key is not None:
        state.reset_state_value(key, value)


def _sync_single(
    value: Any, opt: Sequence[Any], label_index: dict[Any, int], default_index: int | None, key: str | None,
    format_func: Callable[[Any], Any], state: SessionState,
) -> tuple[Any, bool]:
    """``validate_and_sync_value_with_options``: an option-less value resets to the default."""
    if value is None:
        return None, False
    try:
        if format_func(value) in label_index:
            return value, False
    except Exception:
        pass
    new = opt[default_index] if default_index is not None and len(opt) > 0 else None
    _reset(state, key, new)
    return new, True


def _resolve_single(
    value: Any, opt: Sequence[Any], label_index: dict[Any, int], default_index: int | None, key: str | None,
    format_func: Callable[[Any], Any], incoming: Any, state: SessionState,
) -> tuple[Any, bool]:
    """``resolve_value_against_options`` (selectbox): falls back to the stored wire label."""
    if value is None:
        return None, False
    try:
        if format_func(value) in label_index:
            return value, False
    except Exception:
        i = label_index.get(incoming) if isinstance(incoming, str) else None
        if i is not None and 0 <= i < len(opt):
            return opt[i], False
    new = opt[default_index] if default_index is not None and len(opt) > 0 else None
    _reset(state, key, new)
    return new, True


def _sync_multi(
    values: Any, label_index: dict[Any, int], key: str | None, format_func: Callable[[Any], Any],
    state: SessionState,
) -> tuple[Any, bool]:
    """``validate_and_sync_multiselect_value_with_options``: option-less items are dropped."""
    if not values:
        return values, False
    valid: list[Any] = []
    count = 0
    for value in values:
        count += 1
        try:
            label = format_func(value)
        except Exception:
            continue
        if label in label_index:
            valid.append(value)
    if len(valid) == count:
        return values, False
    _reset(state, key, valid)
    return valid, True


def _incoming_wire(state: SessionState, eid: str, disabled: bool) -> Any:
    """The stored wire value of a widget before registration (Streamlit's get_serialized)."""
    if disabled:
        return None
    v = state._new_widget_state.get(eid, _MISSING)
    if v is _MISSING:
        return None
    if type(v) is Serialized:
        return v.wire
    meta = state.meta.get(eid)
    if meta is None:
        return None
    try:
        return meta.serializer(v)
    except Exception:
        return None


def _radio_finish(
    ctx: Any, dg: DeltaGenerator, plan: WidgetPlan, callback: Any, args: Any, kwargs: Any, disabled: bool,
    options: Any,
) -> Any:
    """Register a radio whose arguments are worked out, resolve its value, add the element."""
    opt, label_index, default_index, format_func = plan.data
    value, _ = register_planned(ctx, plan, callback, args, kwargs, disabled, None)
    value = _maybe_coerce_enum(value, options, opt)
    value, _ = _sync_single(value, opt, label_index, default_index, plan.user_key, format_func, ctx.session.state)
    append_planned(ctx, dg, plan, value)
    return value


def _multiselect_finish(
    ctx: Any, dg: DeltaGenerator, plan: WidgetPlan, callback: Any, args: Any, kwargs: Any, disabled: bool,
    options: Any,
) -> Any:
    """Register a multiselect whose arguments are worked out, check and sync its value, add it."""
    opt, label_index, max_selections, accept_new_options, format_func = plan.data
    value, _ = register_planned(ctx, plan, callback, args, kwargs, disabled, None)
    _check_max_selections(value, max_selections)
    value = _maybe_coerce_enum_sequence(value, options, opt)
    if not accept_new_options:
        value, _ = _sync_multi(value, label_index, plan.user_key, format_func, ctx.session.state)
    append_planned(ctx, dg, plan, value)
    return value


def _plain_sequence(values: Any) -> tuple[Any, ...] | None:
    """A list or tuple of plain scalars as a plan-key part (with its types); None otherwise."""
    kind = type(values)
    if kind is not list and kind is not tuple:
        return None
    items = tuple(values)
    types = (*map(type, items),)
    if not _PLAIN_OPTION_TYPES.issuperset(types) or (float in types and has_negative_zero(items)):
        return None
    return (kind, items, types)


_PLAIN_OPTION_TYPES = frozenset({str, int, float, bool, type(None)})


def _selectbox_finish(
    ctx: Any, dg: DeltaGenerator, plan: WidgetPlan, callback: Any, args: Any, kwargs: Any, disabled: bool,
    options: Any,
) -> Any:
    """Register a selectbox whose arguments are worked out, resolve its value, add the element."""
    opt, label_index, default_index, accept_new_options, format_func = plan.data
    state = ctx.session.state
    incoming = _incoming_wire(state, plan.eid, disabled)
    value, _ = register_planned(ctx, plan, callback, args, kwargs, disabled, None)
    value = _maybe_coerce_enum(value, options, opt)
    if not accept_new_options:
        value, _ = _resolve_single(value, opt, label_index, default_index, plan.user_key, format_func, incoming,
                                   state)
    append_planned(ctx, dg, plan, value)
    return value


def _safe_label(format_func: Callable[[Any], Any], v: Any) -> Any:
    try:
        return format_func(v)
    except Exception:
        return str(v)


class SelectionWidgetsMixin:
    # ------------------------------------------------------------------ radio
    def radio(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=None if index == 0 else index)
        options_seen = _plain_sequence(options)
        captions_seen = None if captions is None else _plain_sequence(captions)
        pk = plan_key(ctx, dg, (
            "radio", label, index, key, help, disabled, horizontal, label_visibility, width,
            state_holds_none(ctx.session.state, key), captions is None,
        ), (options_seen, captions_seen)) if options_seen and (
            captions is None or captions_seen) and format_func is str else None
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return _radio_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)
        label = label_text(label, label_visibility)
        opt = to_option_list(options)
        _check_comparable(opt)
        labels, label_index = create_mappings(opt, format_func)
        eid = widget_id(ctx, "radio", key, dg, True, {
            "label": label, "options": labels, "index": index, "help": help, "horizontal": horizontal,
            "captions": captions, "width": width,
        })
        _check_index(index, opt)
        state = ctx.session.state
        if state_holds_none(state, key):
            index = None
        _require_str_labels(labels)
        caption_texts = [_caption(c) for c in captions] if captions is not None else []
        default_index = index

        def deserialize(wire: Any) -> Any:
            if len(opt) == 0:
                return None
            if wire is None:
                return opt[default_index] if default_index is not None else None
            i = label_index.get(wire)
            return opt[i] if i is not None else wire

        def serialize(v: Any) -> Any:
            if v is None or len(opt) == 0:
                return None
            return _safe_label(format_func, v)

        form_id = dg._form_id(ctx)
        plan = WidgetPlan(
            eid, "radio", key, label, form_id, deserialize, serialize, "string_value",
            {"options": opt, "labels": labels, "format_func": format_func, "index": default_index},
            {
                "id": eid, "key": key, "label": label, "options": labels, "value": None, "index": default_index,
                "help": help or "", "form_id": form_id, "disabled": disabled, "horizontal": horizontal,
                "captions": caption_texts, "label_visibility": label_visibility,
            },
            (opt, label_index, default_index, format_func),
        )
        keep_plan(pk, plan)
        return _radio_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)

    # ------------------------------------------------------------------ selectbox
    def selectbox(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        accept_new_options: bool = False,
        filter_mode: Any = "fuzzy",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=None if index == 0 else index)
        options_seen = _plain_sequence(options) if format_func is str else None
        pk = plan_key(ctx, dg, (
            "selectbox", label, index, key, help, placeholder, disabled, required, label_visibility, icon,
            accept_new_options, filter_mode, width, state_holds_none(ctx.session.state, key),
        ), (options_seen,)) if options_seen is not None else None
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return _selectbox_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)
        label = label_text(label, label_visibility)
        opt = to_option_list(options)
        _check_comparable(opt)
        _check_index(index, opt)
        if placeholder == "":
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options)
        labels, label_index = create_mappings(opt, format_func)
        eid = widget_id(ctx, "selectbox", key, dg, {"accept_new_options"}, {
            "label": label, "options": labels, "index": index, "help": help, "placeholder": placeholder,
            "accept_new_options": accept_new_options, "filter_mode": filter_mode, "width": width,
            "required": required, "icon": icon,
        })
        state = ctx.session.state
        if state_holds_none(state, key):
            index = None
        _require_str_labels(labels)
        default_index = index

        def deserialize(wire: Any) -> Any:
            if wire is None:
                return opt[default_index] if default_index is not None and len(opt) > 0 else None
            i = label_index.get(wire)
            return opt[i] if i is not None else wire

        def serialize(v: Any) -> Any:
            if v is None:
                return None
            return _safe_label(format_func, v)

        form_id = dg._form_id(ctx)
        plan = WidgetPlan(
            eid, "selectbox", key, label, form_id, deserialize, serialize, "string_value",
            {"options": opt, "labels": labels, "format_func": format_func, "index": default_index,
             "accept_new_options": accept_new_options},
            {
                "id": eid, "key": key, "label": label, "options": labels, "value": None, "index": default_index,
                "placeholder": placeholder or "", "help": help or "", "form_id": form_id, "disabled": disabled,
                "required": required, "accept_new_options": accept_new_options,
                "label_visibility": label_visibility,
            },
            (opt, label_index, default_index, accept_new_options, format_func),
        )
        keep_plan(pk, plan)
        return _selectbox_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)

    # ------------------------------------------------------------------ multiselect
    def multiselect(
        self,
        label: str,
        options: Any,
        default: Any = None,
        format_func: Callable[[Any], Any] = str,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        accept_new_options: bool = False,
        filter_mode: Any = "fuzzy",
        select_all: bool | int = _DEFAULT_SELECT_ALL,
        width: Any = "stretch",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=default)
        options_seen = _plain_sequence(options)
        if type(default) is list or type(default) is tuple:
            default_seen, default_scalar = _plain_sequence(default), None
            plain_default = default_seen is not None
        else:
            default_seen, default_scalar, plain_default = None, default, True
        pk = plan_key(ctx, dg, (
            "multiselect", label, default_scalar, key, help, max_selections, placeholder, disabled,
            label_visibility, accept_new_options, filter_mode, select_all, width,
        ), (options_seen, default_seen)) if options_seen and plain_default and format_func is str else None
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return _multiselect_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)
        label = label_text(label, label_visibility)
        if max_selections is not None:
            ms: object = max_selections
            if isinstance(ms, bool) or not isinstance(ms, Integral) or ms < 1:
                raise E.StreamlitValueError(
                    "max_selections",
                    ["a positive integer"],
                    detail=(
                        "To disable `st.multiselect`, use `disabled=True`."
                        if isinstance(ms, Integral) and ms == 0
                        else None
                    ),
                )
        opt = to_option_list(options)
        _check_comparable(opt)
        labels, label_index = create_mappings(opt, format_func)
        default_idx = _default_indices(opt, default)
        if placeholder == "":
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options)
        encoded_select_all = _encode_select_all(select_all)
        form_id = dg._form_id(ctx)
        eid = widget_id(ctx, "multiselect", key, dg, {"max_selections", "accept_new_options"}, {
            "label": label, "options": labels, "default": default_idx, "help": help,
            "max_selections": max_selections, "placeholder": placeholder, "accept_new_options": accept_new_options,
            "filter_mode": filter_mode, "select_all": encoded_select_all, "width": width,
        })
        _require_str_labels(labels)

        def deserialize(wire: Any) -> list[Any]:
            if wire is None:
                return [opt[i] for i in default_idx]
            out: list[Any] = []
            for v in wire:
                try:
                    out.append(opt[labels.index(v)])
                except ValueError:
                    out.append(v)
            return out

        def serialize(value: Any) -> list[Any]:
            return [_safe_label(format_func, v) for v in to_option_list(value)]

        plan = WidgetPlan(
            eid, "multiselect", key, label, form_id, deserialize, serialize, "string_array_value",
            {"options": opt, "labels": labels, "format_func": format_func, "default": default_idx,
             "max_selections": max_selections, "accept_new_options": accept_new_options, "multi": True},
            {
                "id": eid, "key": key, "label": label, "options": labels, "value": None, "default": default_idx,
                "max_selections": max_selections or 0, "placeholder": placeholder or "", "help": help or "",
                "form_id": form_id, "disabled": disabled, "accept_new_options": accept_new_options,
                "label_visibility": label_visibility,
            },
            (opt, label_index, max_selections, accept_new_options, format_func),
        )
        keep_plan(pk, plan)
        return _multiselect_finish(ctx, dg, plan, callback, args, kwargs, disabled, options)

    # ------------------------------------------------------------------ select_slider
    def select_slider(
        self,
        label: str,
        options: Any = (),
        value: Any = None,
        format_func: Callable[[Any], Any] = str,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=value)
        label = label_text(label, label_visibility)
        opt = to_option_list(options)
        _check_comparable(opt)
        if len(opt) == 0:
            raise E.StreamlitMissingRequiredParameterError("options", detail="Provide at least one option.")

        def as_index_list(v: Any) -> list[int]:
            if isinstance(v, (list, tuple)):
                indices = [_index_of(opt, x) for x in v]
                start, end = indices
                if start > end:
                    indices = [end, start]
                return indices
            try:
                return [_index_of(opt, v)]
            except ValueError:
                if value is not None:
                    raise
                return [0]

        default_idx = as_index_list(value)
        labels, label_index = create_mappings(opt, format_func)
        eid = widget_id(ctx, "select_slider", key, dg, True, {
            "label": label, "options": labels, "value": default_idx, "help": help, "width": width,
        })
        _require_str_labels(labels)
        is_range_default = len(default_idx) >= 2

        def default_value(is_range: bool) -> Any:
            if is_range or len(default_idx) >= 2:
                end = default_idx[1] if len(default_idx) > 1 else len(opt) - 1
                return (opt[default_idx[0]], opt[end])
            return opt[default_idx[0]]

        def deserialize(wire: Any) -> Any:
            if isinstance(wire, str):
                wire = [wire]
            if not wire:
                return default_value(is_range_default)
            if len(wire) != (2 if is_range_default else 1):
                return default_value(is_range_default)
            results: list[tuple[int, Any]] = []
            for i, s in enumerate(wire):
                idx = label_index.get(s)
                if idx is not None and idx < len(opt):
                    results.append((idx, opt[idx]))
                else:
                    d = default_idx[min(i, len(default_idx) - 1)]
                    results.append((d, opt[d]))
            if is_range_default:
                if results[0][0] > results[1][0]:
                    return (results[1][1], results[0][1])
                return (results[0][1], results[1][1])
            return results[0][1]

        def serialize(v: Any) -> list[Any]:
            try:
                formatted = format_func(v)
                if formatted in label_index:
                    return [formatted]
            except Exception:
                pass
            if isinstance(v, (tuple, list)):
                return [format_func(x) for x in v]
            return [format_func(v)]

        form_id = dg._form_id(ctx)
        state = ctx.session.state
        current, _ = register_widget(
            ctx, element_id=eid, element_type="select_slider", user_key=key, deserializer=deserialize,
            serializer=serialize, on_change=callback, args=args, kwargs=kwargs, value_type="string_array_value",
            disabled=disabled, form_id=form_id, label=label,
            info={"options": opt, "labels": labels, "format_func": format_func, "default": default_idx,
                  "range": is_range_default},
        )
        if isinstance(current, tuple):
            current = _maybe_coerce_enum_sequence(current, options, opt)
            current, _ = _sync_range(current, opt, label_index, default_idx, key, format_func, state)
        else:
            current = _maybe_coerce_enum(current, options, opt)
            current, _ = _sync_single(current, opt, label_index, default_idx[0], key, format_func, state)
        dg._enqueue(ctx, Element("select_slider", {
            "id": eid, "key": key, "label": label, "options": labels, "value": current, "default": default_idx,
            "help": help or "", "form_id": form_id, "disabled": disabled, "label_visibility": label_visibility,
        }))
        return current

    # ------------------------------------------------------------------ pills / segmented_control
    def pills(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        return self._button_group(
            "pills", options, label=label, selection_mode=selection_mode, default=default, required=required,
            format_func=format_func, key=key, help=help, on_change=on_change, args=args, kwargs=kwargs,
            disabled=disabled, label_visibility=label_visibility, width=width,
        )

    def segmented_control(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        wrap: bool | None = None,
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        return self._button_group(
            "segmented_control", options, label=label, selection_mode=selection_mode, default=default,
            required=required, format_func=format_func, key=key, help=help, on_change=on_change, args=args,
            kwargs=kwargs, disabled=disabled, label_visibility=label_visibility, width=width,
        )

    def _button_group(
        self,
        style: str,
        options: Any,
        *,
        label: Any,
        selection_mode: Any,
        default: Any,
        required: bool,
        format_func: Callable[[Any], Any] | None,
        key: Any,
        help: str | None,
        on_change: Any,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if label is not None:
            label = label_text(label, label_visibility)
        elif label_visibility not in ("visible", "hidden", "collapsed"):
            raise E.StreamlitValueError("label_visibility", ["'visible'", "'hidden'", "'collapsed'"])
        if required and selection_mode == "multi":
            raise E.StreamlitIncompatibleParametersError(
                "required=True",
                "selection_mode='multi'",
                explanation="`required` is only supported for single-select mode.",
            )
        fmt: Callable[[Any], Any] = format_func or str
        opt = to_option_list(options)
        _check_comparable(opt)
        default_idx = _default_indices(opt, default)
        labels, label_index = create_mappings(opt, fmt)
        state = ctx.session.state
        multi = selection_mode == "multi"
        fallback_single: Any = None
        fallback_multi: list[Any] | None = None
        if key is not None:
            try:
                ss_val = state[str(key)]
                if not multi:
                    if ss_val is not None and ss_val in opt:
                        fallback_single = ss_val
                elif isinstance(ss_val, list):
                    valid = [v for v in ss_val if v in opt]
                    if valid:
                        fallback_multi = valid
            except Exception:
                pass
        default_single = default_idx[0] if default_idx else None

        def serialize_single(v: Any) -> list[Any]:
            if v is None or len(opt) == 0:
                return []
            for i, o in enumerate(opt):
                if o == v:
                    return [labels[i]]
            return [_safe_label(fmt, v)]

        def deserialize_single(wire: Any) -> Any:
            if len(opt) == 0:
                return None
            if wire is None:
                return opt[default_single] if default_single is not None else None
            if isinstance(wire, str):
                wire = [wire]
            if len(wire) == 0:
                return None
            i = label_index.get(wire[0])
            if i is not None:
                return opt[i]
            if fallback_single is not None:
                return fallback_single
            if default_single is not None:
                return opt[default_single]
            return None

        def serialize_multi(value: Any) -> list[Any]:
            if value is None:
                return []
            out: list[Any] = []
            for v in to_option_list(value):
                for i, o in enumerate(opt):
                    if o == v:
                        out.append(labels[i])
                        break
                else:
                    out.append(_safe_label(fmt, v))
            return out

        def deserialize_multi(wire: Any) -> list[Any]:
            if wire is None:
                return [opt[i] for i in default_idx]
            values: list[Any] = []
            for v in wire:
                i = label_index.get(v)
                if i is not None:
                    values.append(opt[i])
            if len(values) < len(wire) and fallback_multi is not None:
                candidates = [o for o in fallback_multi if o not in values]
                if len(wire) - len(values) >= len(candidates):
                    return list(fallback_multi) + [o for o in values if o not in fallback_multi]
                return values
            if not values and wire and default_idx:
                return [opt[i] for i in default_idx]
            return values

        if selection_mode not in ("single", "multi"):
            raise E.StreamlitValueError("selection_mode", ["'single'", "'multi'"])
        if not multi and len(default_idx) > 1:
            raise E.StreamlitAPIException(
                f"The default argument to `st.{style}` must be a single value when `selection_mode='single'`.",
                error_id="button-group-single-select-multiple-defaults",
            )
        key = to_key(key)
        callback = check_callback(on_change)
        check_widget_policies(ctx, dg, key, callback, default_value=default_idx or None)
        for lab in labels:
            lab.split(" ", 1)  # Streamlit splits off a leading icon: a non-str label fails here
        form_id = dg._form_id(ctx)
        eid = widget_id(ctx, style, key, dg, {"click_mode"}, {
            "options": labels, "default": default_idx, "click_mode": 1 if multi else 0, "style": style,
            "width": width, "label": label, "help": help,
        })
        serializer = serialize_multi if multi else serialize_single
        value, _ = register_widget(
            ctx, element_id=eid, element_type=style, user_key=key,
            deserializer=deserialize_multi if multi else deserialize_single, serializer=serializer,
            on_change=callback, args=args, kwargs=kwargs, value_type="string_array_value", disabled=disabled,
            form_id=form_id, label=label or "",
            info={"options": opt, "labels": labels, "format_func": fmt, "default": default_idx, "multi": multi,
                  "selection_mode": selection_mode},
        )
        if multi:
            value, _ = _sync_multi(value, label_index, key, fmt, state)
            value = _maybe_coerce_enum_sequence(value, options, opt)
        else:
            value, _ = _sync_single(value, opt, label_index, default_single, key, fmt, state)
            value = _maybe_coerce_enum(value, options, opt)
        dg._enqueue(ctx, Element(style, {
            "id": eid, "key": key, "label": label or "", "options": labels, "value": value,
            "default": default_idx, "selection_mode": selection_mode, "required": required, "help": help or "",
            "form_id": form_id, "disabled": disabled, "label_visibility": label_visibility,
        }))
        return value


# ---------------------------------------------------------------------------------- helpers
def _check_index(index: Any, opt: Sequence[Any]) -> None:
    if index is not None and not isinstance(index, int):
        raise E.StreamlitInvalidParameterTypeError("index", type(index).__name__, ["int", "None"])
    if index is not None and len(opt) > 0 and not 0 <= index < len(opt):
        raise E.StreamlitValueOutOfRangeError("index", index, 0, len(opt) - 1)


def _caption(caption: Any) -> str:
    if caption is None:
        return ""
    if isinstance(caption, str):
        return caption
    raise E.StreamlitInvalidParameterTypeError("captions", type(caption).__name__, ["str", "None"])


def _encode_select_all(select_all: object) -> int:
    if isinstance(select_all, bool):
        return _SELECT_ALL_ALWAYS if select_all else 0
    if isinstance(select_all, int):
        if select_all < 0:
            raise E.StreamlitValueError(
                "select_all",
                ["True", "False", "a non-negative integer"],
                detail="When using an int, `select_all` must be a non-negative integer.",
            )
        return min(select_all, _SELECT_ALL_MAX_THRESHOLD)
    raise E.StreamlitInvalidParameterTypeError("select_all", type(select_all).__name__, ["bool", "int"])


def _check_max_selections(selections: Any, max_selections: int | None) -> None:
    if max_selections is None:
        return
    if selections is None:
        count = 0
    else:
        try:
            iter(selections)
        except TypeError:
            count = 1
        else:
            count = len(selections)
    if count > max_selections:
        raise E.StreamlitSelectionCountExceedsMaxError(
            current_selections_count=count, max_selections_count=max_selections
        )


def _sync_range(
    value: tuple[Any, ...], opt: Sequence[Any], label_index: dict[Any, int], default_idx: list[int],
    key: str | None, format_func: Callable[[Any], Any], state: SessionState,
) -> tuple[Any, bool]:
    """``validate_and_sync_range_value_with_options``: an invalid end resets the whole range."""
    if len(opt) == 0:
        return value, False

    def valid(v: Any) -> bool:
        try:
            return format_func(v) in label_index
        except Exception:
            return False

    if valid(value[0]) and valid(value[1]):
        return value, False
    end = default_idx[1] if len(default_idx) > 1 else len(opt) - 1
    new = (opt[default_idx[0]], opt[end])
    _reset(state, key, new)
    return new, True
