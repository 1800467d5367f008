"""Layout containers and the feedback elements (DeltaGenerator methods).

Each container is a :class:`~apptest.runtime.elements.Block`; its type and props mirror what
``streamlit.testing.v1.AppTest`` shows (AppTest's attribute names are kept, marked ``*``):

- ``container``: Block ``container`` (AppTest: flex_container); key, id, border, width, height,
  horizontal, wrap, gap, horizontal_alignment, vertical_alignment, autoscroll.
- ``columns``: Block ``horizontal`` (AppTest: flex_container) with gap, width, wrap,
  vertical_alignment, border; holding one ``column`` Block per column: weight*, gap*,
  vertical_alignment, border. ``gap`` is the size name, or None for ``gap=None`` and pixel gaps.
- ``grid``: Block ``grid_container``; column_count*, min_column_width*, wrap*, gap*,
  vertical_alignment*, border*, row_height*, dense*, width*, height*, key, id. ``.cell()`` adds a
  ``container`` Block with grid_cell, column_span, row_span.
- ``tabs``: Block ``tab_container``; labels, default_index, key, id, value (the open label when
  stateful), width, height; one ``tab`` Block per label: label*, open.
- ``expander``: Block ``expander``; label*, icon*, expanded, type, key, id, open, width.
- ``status``: Block ``status``; label*, icon*, state*, expanded, type, width.
- ``popover``: Block ``popover``; label, type, help, icon, disabled, key, id, open, width, wrap.
- ``chat_message``: Block ``chat_message``; name*, avatar*, avatar_type, width.
- ``_dialog`` (used by ``@st.dialog``): Block ``dialog`` in the event root, as AppTest shows it;
  title, icon, width, position, dismissible, is_open, id, on_dismiss.
- ``balloons``/``snow``/``toast``: elements of those types (``st.toast`` writes to the event root);
  ``spinner`` is transient and records nothing, as AppTest sees nothing.

``open`` is None for stateless tabs/expanders/popovers (``on_change="ignore"``); stateful ones are
widgets (ids registered, values in session state, callbacks) exactly as in Streamlit 1.67.0.

Streamlit 1.67.0 has no nesting limits for columns (nor for columns in the sidebar): the checks
older versions made in ``DeltaGenerator._block`` are gone, so none are made here either.
"""

from __future__ import annotations

import contextlib
import io
import os
import textwrap
import unicodedata
from collections.abc import Callable, Collection, Iterator, Sequence
from numbers import Integral
from typing import TYPE_CHECKING, Any, Literal, cast

from apptest.runtime import context as _context
from apptest.runtime.elements import Block
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import (
    DeltaGenerator,
    check_widget_policies,
    register_widget,
    to_key,
    widget_id,
)

if TYPE_CHECKING:
    from types import TracebackType

__all__ = [
    "LayoutMixin",
    "gap_value",
    "is_emoji",
    "validate_height",
    "validate_icon",
    "validate_on_change_mode",
    "validate_width",
]

# ---------------------------------------------------------------------------------- validation
GAP_SIZES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_VALID_GAP_VALUES = [*(f"'{g}'" for g in GAP_SIZES), "None", "a non-negative integer (pixels)"]
_UINT32_MAX = 2**32 - 1
_ON_CHANGE_MODES = ("rerun", "ignore")


def _is_int(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _validate_uint32(parameter: str, value: int, *, min_value: int = 1) -> None:
    if value < min_value or value > _UINT32_MAX:
        raise E.StreamlitValueOutOfRangeError(parameter, value, min_value, _UINT32_MAX)


def gap_value(gap: Any, *, parameter: str = "gap") -> str | int | None:
    """Validate a ``gap`` argument; return it normalised (a size name, pixels, or None)."""
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        _validate_uint32(parameter, gap, min_value=0)
        return gap
    if gap is None:
        return None
    if isinstance(gap, str) and gap.lower() in GAP_SIZES:
        return gap.lower()
    raise E.StreamlitValueError(parameter, _VALID_GAP_VALUES, detail=f"Got {gap!r}.")


def _gap_with_detail(gap: Any, detail: str | None) -> str | int | None:
    if detail is None:
        return gap_value(gap)
    try:
        return gap_value(gap)
    except E.StreamlitValueError:
        raise E.StreamlitValueError("gap", _VALID_GAP_VALUES, detail=detail) from None


def _public_gap(gap: str | int | None) -> str | None:
    """The gap as AppTest's ``Column.gap`` reports it (pixel gaps read as None)."""
    return gap if isinstance(gap, str) else None


def validate_width(width: Any, allow_content: bool = False) -> None:
    if not isinstance(width, (int, str)):
        raise E.StreamlitInvalidWidthError(width, allow_content)
    if isinstance(width, str):
        if width != "stretch" and not (allow_content and width == "content"):
            raise E.StreamlitInvalidWidthError(width, allow_content)
    elif width <= 0:
        raise E.StreamlitInvalidWidthError(width, allow_content)
    else:
        _validate_uint32("width", width)


def validate_height(height: Any, allow_content: bool = False, allow_stretch: bool = True) -> None:
    if not isinstance(height, (int, str)):
        raise E.StreamlitInvalidHeightError(height, allow_content)
    if isinstance(height, str):
        if not ((allow_stretch and height == "stretch") or (allow_content and height == "content")):
            raise E.StreamlitInvalidHeightError(height, allow_content)
    elif height <= 0:
        raise E.StreamlitInvalidHeightError(height, allow_content)
    else:
        _validate_uint32("height", height)


_ALIGN_H = ("left", "center", "right", "distribute")
_ALIGN_V = ("top", "center", "bottom", "distribute")


def _validate_alignment(parameter: str, value: Any, valid: tuple[str, ...]) -> None:
    if value not in valid:
        raise E.StreamlitValueError(parameter, [f"'{a}'" for a in valid], detail=f"Got {value!r}.")


def validate_on_change_mode(
    callback: object,
    *,
    supported_modes: Collection[str] = _ON_CHANGE_MODES,
    none_supported: bool = True,
    param_name: str = "on_change",
) -> Callable[..., Any] | None:
    """Streamlit's ``validate_on_change_mode``: a callable, or None for a valid mode string."""
    if callback is None and none_supported:
        return None
    if callable(callback):
        return cast("Callable[..., Any]", callback)
    if isinstance(callback, str) and callback in _ON_CHANGE_MODES:
        if callback in supported_modes:
            return None
        raise E.StreamlitAPIException(
            f'`{param_name}="{callback}"` is not supported on this widget. '
            f"Pass a callback, or omit `{param_name}`.",
            error_id="unsupported-on-change-mode",
        )
    valid_values = ["a callback function"]
    if supported_modes:
        valid_values = [repr(m) for m in supported_modes] + valid_values
    raise E.StreamlitValueError(param_name, valid_values)


def _is_stateful_mode(on_change: Any) -> bool:
    return not (isinstance(on_change, str) and on_change == "ignore")


def validate_icon(icon: Any) -> str:
    """Normalise an ``icon`` argument (no emoji or Material catalog check is made)."""
    if icon is None:
        return ""
    if not isinstance(icon, str):
        raise E.StreamlitInvalidParameterTypeError("icon", type(icon).__name__, ["str", "None"])
    return icon.strip()


_EMOJI_JOINERS = {"Mn", "Me", "Cf", "Sk"}  # variation selectors, ZWJ, skin-tone modifiers


def is_emoji(text: str) -> bool:
    """A close approximation of Streamlit's catalog lookup: symbols only, at least one."""
    if not text or text.isascii() or len(text) > 16:
        return False
    seen_symbol = False
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "So":
            seen_symbol = True
        elif cat not in _EMOJI_JOINERS and not (0x1F1E6 <= ord(ch) <= 0x1F1FF):
            return False
        elif 0x1F1E6 <= ord(ch) <= 0x1F1FF:  # regional indicators (flags)
            seen_symbol = True
    return seen_symbol


# ---------------------------------------------------------------------------------- containers
class _OpenMixin:
    """``.open``: whether a stateful tab/expander/popover is open (None when stateless)."""

    __slots__ = ()

    @property
    def open(self) -> bool | None:
        block: Block | None = self._block  # type: ignore[attr-defined]
        if block is None:
            return None
        value = block.props.get("open")
        return None if value is None else bool(value)


class _TabContainerMixin(_OpenMixin):
    __slots__ = ()


class _ExpanderContainerMixin(_OpenMixin):
    __slots__ = ()


class _PopoverContainerMixin(_OpenMixin):
    __slots__ = ()


class _GridContainerMixin:
    """``st.grid``: ``.cell(column_span=, row_span=)`` adds one explicitly sized cell."""

    __slots__ = ()

    def cell(self, *, column_span: Any = 1, row_span: Any = 1) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if isinstance(column_span, str) and column_span == "all":
            span: str | int = "all"
        elif isinstance(column_span, str):
            raise E.StreamlitValueError(
                "column_span", ['"all"', "a positive integer"], detail=f"Got {column_span!r}."
            )
        elif not _is_int(column_span):
            raise E.StreamlitInvalidParameterTypeError("column_span", type(column_span).__name__, ["int", '"all"'])
        elif column_span < 1:
            raise E.StreamlitValueError(
                "column_span", ['"all"', "a positive integer"], detail=f"Got {column_span!r}."
            )
        else:
            _validate_uint32("column_span", column_span)
            declared = dg._block.props.get("column_count", "auto") if dg._block is not None else "auto"
            if declared != "auto" and column_span > declared:
                raise E.StreamlitValueOutOfRangeError("column_span", column_span, 1, declared)
            span = int(column_span)
        if not _is_int(row_span):
            raise E.StreamlitInvalidParameterTypeError("row_span", type(row_span).__name__, ["int"])
        if row_span < 1:
            raise E.StreamlitValueError("row_span", ["a positive integer"], detail=f"Got {row_span!r}.")
        _validate_uint32("row_span", row_span)
        return dg._add_block(
            "container",
            {"border": False, "width": "stretch", "height": "content", "horizontal": False, "gap": "small",
             "grid_cell": True, "column_span": span, "row_span": int(row_span)},
        )


STATE_ICONS = {"running": "spinner", "complete": ":material/check:", "error": ":material/error:"}


class _StatusContainerMixin:
    """``st.status``: ``.update(label=, expanded=, state=)``; leaving ``with`` settles a running state."""

    __slots__ = ()

    def update(self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None) -> None:
        block: Block | None = self._block  # type: ignore[attr-defined]
        if block is None:  # pragma: no cover - defensive, as Streamlit's RuntimeError
            raise RuntimeError("StatusContainer is not correctly initialized. This should never happen.")
        props = block.props
        if expanded is not None:
            props["expanded"] = bool(expanded)
        if label is not None:
            props["label"] = label
        if state is not None:
            if state not in STATE_ICONS:
                raise E.StreamlitValueError("state", [repr(s) for s in STATE_ICONS])
            props["icon"] = STATE_ICONS[state]
            props["state"] = state

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> Literal[False]:
        block: Block | None = self._block  # type: ignore[attr-defined]
        if block is not None and block.props.get("state") == "running":
            self.update(state="error" if typ is not None else "complete")
        ctx = _context.current()
        if ctx is not None and ctx.cursor:
            ctx.cursor.pop()
        return False


class _DialogMixin:
    __slots__ = ()

    def open(self) -> None:
        self._update(True)

    def close(self) -> None:
        self._update(False)

    def _update(self, should_open: bool) -> None:
        block: Block | None = self._block  # type: ignore[attr-defined]
        if block is None:  # pragma: no cover - defensive
            raise RuntimeError("Dialog not correctly initialized. This should never happen.")
        ctx = _context.current()
        if should_open and ctx is not None:
            if ctx.dialog_open:
                raise E.StreamlitInvalidLayoutContextError(
                    "Only one dialog is allowed to be opened at the same time. Please make sure "
                    "to not call a dialog-decorated function more than once in a script run."
                )
            ctx.dialog_open = True
        block.props["is_open"] = should_open


_container_classes: dict[type, type[DeltaGenerator]] = {}


def container_class(mixin: type) -> type[DeltaGenerator]:
    """The full DeltaGenerator class extended with ``mixin`` (built on first use).

    Built lazily because the full class (delta_generator.py) is composed from this module.
    """
    cls = _container_classes.get(mixin)
    if cls is None:
        from apptest.runtime.streamlit_api.delta_generator import DeltaGenerator as FullDG

        name = mixin.__name__.strip("_").replace("Mixin", "")
        cls = cast("type[DeltaGenerator]", type(name, (mixin, FullDG), {"__slots__": ()}))
        cls.__module__ = "streamlit.elements.lib"
        _container_classes[mixin] = cls
    return cls


def _wrap(gen: DeltaGenerator, mixin: type) -> Any:
    return container_class(mixin)(gen._root, gen._block)


def _stateful_widget(
    dg: DeltaGenerator,
    kind: str,
    key: str | None,
    callback: Callable[..., Any] | None,
    args: Any,
    kwargs: Any,
    ident: dict[str, Any],
    default: Any,
    value_type: str,
    *,
    disabled: bool = False,
    info: dict[str, Any] | None = None,
) -> tuple[str, Any]:
    """Register a stateful container (tabs, expander, popover) as a widget: (id, value)."""
    ctx = _context.require()
    is_callback = callback is not None
    check_widget_policies(
        ctx, dg, key, callback, default_value=None, writes_allowed=True, enable_check_callback_rules=is_callback
    )
    eid = widget_id(ctx, kind, key, dg, False, ident)

    if value_type == "string_value":

        def deserialize(wire: Any) -> Any:
            return wire if wire is not None else default

        def serialize(v: Any) -> Any:
            return str(v)

    else:

        def deserialize(wire: Any) -> Any:
            return wire if wire is not None else default

        def serialize(v: Any) -> Any:
            return bool(v)

    value, _ = register_widget(
        ctx,
        element_id=eid,
        element_type=kind,
        user_key=key,
        deserializer=deserialize,
        serializer=serialize,
        on_change=callback,
        args=args if is_callback else None,
        kwargs=kwargs if is_callback else None,
        value_type=value_type,
        disabled=disabled,
        form_id=dg._form_id(ctx),
        info=info if info is not None else {"default": default},
    )
    return eid, value


def _keyed_block_id(dg: DeltaGenerator, kind: str, key: str | None, ident: dict[str, Any]) -> str:
    if key is None:
        return ""
    ctx = _context.require()
    return widget_id(ctx, kind, key, dg, False, ident)


_CHAT_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}


def _avatar(avatar: Any) -> tuple[str, str]:
    """(avatar_type, avatar) as Streamlit's ``_process_avatar_input`` gives them."""
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str):
        if avatar in _CHAT_PRESETS:
            return "icon", _CHAT_PRESETS[avatar]
        if is_emoji(avatar):
            return "emoji", avatar
        if avatar.startswith(":material"):
            return "icon", avatar.strip()
        return "image", avatar
    if isinstance(avatar, (bytes, bytearray)):
        return "image", f"<image: {len(avatar)} bytes>"
    if not (isinstance(avatar, (io.BytesIO, os.PathLike))
            or (type(avatar).__module__ or "").startswith(("PIL", "numpy"))):
        # Streamlit's image_to_url cannot load it.
        raise E.StreamlitAPIException("Failed to load the provided avatar value as an image.")
    return "image", f"<image: {type(avatar).__name__}>"


class LayoutMixin:
    # ------------------------------------------------------------------ container
    def container(
        self,
        *,
        border: bool | None = None,
        key: Any = None,
        width: Any = "stretch",
        height: Any = "content",
        horizontal: bool = False,
        wrap: bool = True,
        horizontal_alignment: str = "left",
        vertical_alignment: str = "top",
        gap: Any = "small",
        autoscroll: bool | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        key = to_key(key)
        gap_v = gap_value(gap)
        _validate_alignment("horizontal_alignment", horizontal_alignment, _ALIGN_H)
        _validate_alignment("vertical_alignment", vertical_alignment, _ALIGN_V)
        if wrap is False and not horizontal:
            raise E.StreamlitIncompatibleParametersError(
                "wrap=False",
                "horizontal=False",
                explanation=(
                    "A vertical container has no horizontal row of elements to "
                    "keep in a single, scrolling row. Set `horizontal=True` to "
                    "use `wrap=False`, or remove the `wrap` argument."
                ),
            )
        validate_width(width, allow_content=True)
        shown_border = bool(border) if border is not None else isinstance(height, int)
        validate_height(height, allow_content=True)
        block_id = ""
        if key:
            block_id = widget_id(_context.require(), "container", key, dg, True, {})
        return dg._add_block(
            "container",
            {
                "key": key,
                "id": block_id,
                "border": shown_border,
                "width": width,
                "height": height,
                "horizontal": bool(horizontal),
                "wrap": bool(wrap) if horizontal else False,
                "gap": gap_v,
                "horizontal_alignment": horizontal_alignment,
                "vertical_alignment": vertical_alignment,
                "autoscroll": autoscroll,
            },
        )

    # ------------------------------------------------------------------ columns
    def columns(
        self,
        spec: Any,
        *,
        gap: Any = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        width: Any = "stretch",
        wrap: bool = True,
    ) -> list[DeltaGenerator]:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        weights: Sequence[Any]
        if isinstance(spec, int):
            weights = (1,) * spec
        elif isinstance(spec, Integral):
            weights = (1,) * int(spec)
        else:
            weights = spec
        try:
            invalid_spec = len(weights) == 0 or any(w <= 0 for w in weights)
        except TypeError as ex:
            raise E.StreamlitInvalidParameterTypeError(
                "spec", type(spec).__name__, ["int", "sequence of numbers"]
            ) from ex
        if invalid_spec:
            raise E.StreamlitInvalidColumnSpecError()
        if not isinstance(wrap, bool):
            raise E.StreamlitValueError("wrap", ["True", "False"])
        if vertical_alignment not in ("top", "center", "bottom"):
            raise E.StreamlitValueError(
                "vertical_alignment",
                ["'top'", "'center'", "'bottom'"],
                detail=f"Got {vertical_alignment!r}.",
            )
        gap_v = gap_value(gap)
        validate_width(width)
        row = dg._add_block(
            "horizontal",
            {"gap": gap_v, "width": width, "wrap": wrap, "vertical_alignment": vertical_alignment,
             "border": bool(border)},
        )
        total = sum(weights)
        public_gap = _public_gap(gap_v)
        return [
            row._add_block(
                "column",
                {"weight": float(w / total), "gap": public_gap, "vertical_alignment": vertical_alignment,
                 "border": bool(border)},
            )
            for w in weights
        ]

    # ------------------------------------------------------------------ grid
    def grid(
        self,
        columns: Any = "auto",
        *,
        min_column_width: Any = "auto",
        wrap: bool = True,
        gap: Any = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        row_height: Any = "content",
        width: Any = "stretch",
        height: Any = "content",
        key: Any = None,
        dense: bool = False,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if not isinstance(wrap, bool):
            raise E.StreamlitValueError("wrap", ["True", "False"])
        for name, flag in (("border", border), ("dense", dense)):
            if not isinstance(flag, bool):
                raise E.StreamlitInvalidParameterTypeError(name, type(flag).__name__, ["bool"])
        if isinstance(columns, str) and columns == "auto":
            count: str | int = "auto"
        elif isinstance(columns, str):
            raise E.StreamlitValueError("columns", ['"auto"', "an integer from 1 to 24"], detail=f"Got {columns!r}.")
        elif not _is_int(columns):
            raise E.StreamlitInvalidParameterTypeError("columns", type(columns).__name__, ["int", '"auto"'])
        elif not 1 <= columns <= 24:
            raise E.StreamlitValueOutOfRangeError("columns", columns, 1, 24)
        else:
            count = int(columns)
        if count == "auto" and wrap is False:
            raise E.StreamlitIncompatibleParametersError(
                'columns="auto"',
                "wrap=False",
                explanation="`wrap=False` requires an explicit column count. "
                "Pass an integer, such as `st.grid(3, wrap=False)`.",
            )
        min_width = self._grid_positive("min_column_width", min_column_width, "auto")
        row_detail: str | None = None
        col_detail: str | None = None
        if isinstance(gap, (tuple, list)):
            if len(gap) != 2:
                raise E.StreamlitValueError(
                    "gap", ["a gap size", "a 2-tuple or 2-list of (row_gap, column_gap)"],
                    detail=f"Got a sequence with {len(gap)} elements.",
                )
            row_gap, col_gap = gap
            row_detail = f"Got {row_gap!r} for the row gap in `gap`."
            col_detail = f"Got {col_gap!r} for the column gap in `gap`."
        else:
            row_gap = col_gap = gap
        if vertical_alignment not in ("top", "center", "bottom"):
            raise E.StreamlitValueError(
                "vertical_alignment", ["'top'", "'center'", "'bottom'"], detail=f"Got {vertical_alignment!r}."
            )
        row_h = self._grid_positive("row_height", row_height, "content")
        validate_width(width)
        validate_height(height, allow_content=True)
        row_g = _gap_with_detail(row_gap, row_detail)
        col_g = _gap_with_detail(col_gap, col_detail)
        key = to_key(key)
        block_id = widget_id(_context.require(), "grid", key, dg, True, {}) if key else ""
        gen = dg._add_block(
            "grid_container",
            {"column_count": count, "min_column_width": min_width, "wrap": wrap,
             "gap": row_g if row_g == col_g else (row_g, col_g), "vertical_alignment": vertical_alignment,
             "border": border, "row_height": row_h, "dense": dense, "width": width, "height": height,
             "key": key, "id": block_id},
        )
        return cast(DeltaGenerator, _wrap(gen, _GridContainerMixin))

    @staticmethod
    def _grid_positive(name: str, value: Any, word: str) -> str | int:
        if isinstance(value, str) and value == word:
            return word
        if isinstance(value, str):
            raise E.StreamlitValueError(name, [f'"{word}"', "a positive integer"], detail=f"Got {value!r}.")
        if not _is_int(value):
            raise E.StreamlitInvalidParameterTypeError(name, type(value).__name__, ["int", f'"{word}"'])
        if value < 1:
            raise E.StreamlitValueError(name, [f'"{word}"', "a positive integer"], detail=f"Got {value!r}.")
        _validate_uint32(name, value)
        return int(value)

    # ------------------------------------------------------------------ tabs
    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: Any = "stretch",
        height: Any = "content",
        default: str | None = None,
        key: Any = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: str | None = None,
    ) -> tuple[DeltaGenerator, ...]:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if not tabs:
            raise E.StreamlitMissingRequiredParameterError("tabs", detail="Provide at least one tab label.")
        if default and default not in tabs:
            raise E.StreamlitValueError(
                "default", ["a tab label from `tabs`"], detail=f"`{default}` is not in the list of tabs."
            )
        for tab in tabs:
            if not isinstance(tab, str):
                raise E.StreamlitInvalidParameterTypeError("tabs", type(tab).__name__, ["a string for each tab label"])
        callback = validate_on_change_mode(on_change, none_supported=False)
        if bind is not None and bind != "query-params":
            raise E.StreamlitValueError("bind", ["'query-params'", "None"])
        labels = list(tabs)
        if bind == "query-params":
            if any(not label for label in labels):
                raise E.StreamlitValueError(
                    "tabs", ["non-empty labels"], detail="Tab labels must be non-empty when bind='query-params'."
                )
            if len(set(labels)) != len(labels):
                raise E.StreamlitValueError(
                    "tabs", ["unique labels"], detail="Tab labels must be unique when bind='query-params'."
                )
        key = to_key(key)
        default_index = labels.index(default) if default else 0
        default_label = labels[default_index]
        stateful = _is_stateful_mode(on_change) or bind == "query-params"
        current = default_label
        block_id = ""
        if stateful:
            block_id, current = _stateful_widget(
                dg, "tabs", key, callback, args, kwargs,
                {"tabs": tuple(labels), "width": width, "height": height, "default": default},
                default_label, "string_value", info={"default": default_label, "options": labels},
            )
            if current not in labels:
                current = default_label
                if key is not None:
                    _context.require().session.state.reset_state_value(key, default_label)
        elif key is not None:
            block_id = _keyed_block_id(dg, "tabs", key, {})
        validate_width(width)
        validate_height(height, allow_content=True)
        try:
            current_index = labels.index(current)
        except ValueError:
            current_index = default_index
        container = dg._add_block(
            "tab_container",
            {"labels": labels, "default_index": current_index, "key": key, "id": block_id,
             "value": current if stateful else None, "width": width, "height": height},
        )
        out: list[DeltaGenerator] = []
        for label in labels:
            gen = container._add_block("tab", {"label": label, "open": (label == current) if stateful else None})
            out.append(_wrap(gen, _TabContainerMixin))
        return tuple(out)

    # ------------------------------------------------------------------ expander
    def expander(
        self,
        label: str,
        expanded: bool = False,
        *,
        key: Any = None,
        icon: str | None = None,
        type: str = "default",
        width: Any = "stretch",
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: str | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if label is None:
            raise E.StreamlitMissingRequiredParameterError("label")
        callback = validate_on_change_mode(on_change, none_supported=False)
        if type not in ("default", "compact", "step"):
            raise E.StreamlitValueError("type", ["'default'", "'compact'", "'step'"])
        if bind is not None and bind != "query-params":
            raise E.StreamlitValueError("bind", ["'query-params'", "None"])
        key = to_key(key)
        stateful = _is_stateful_mode(on_change) or bind == "query-params"
        current = bool(expanded)
        block_id = ""
        if stateful:
            block_id, value = _stateful_widget(
                dg, "expander", key, callback, args, kwargs,
                {"label": label, "expanded": expanded, "icon": icon, "width": width, "type": type},
                bool(expanded), "bool_value",
            )
            current = bool(value)
        elif key is not None:
            block_id = _keyed_block_id(dg, "expander", key, {"type": type})
        icon_s = validate_icon(icon)
        validate_width(width)
        gen = dg._add_block(
            "expander",
            {"label": str(label), "expanded": current, "icon": icon_s, "type": type, "key": key, "id": block_id,
             "open": current if stateful else None, "width": width},
        )
        return cast(DeltaGenerator, _wrap(gen, _ExpanderContainerMixin))

    # ------------------------------------------------------------------ popover
    def popover(
        self,
        label: str,
        *,
        type: str = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        wrap: bool | None = None,
        key: Any = None,
        on_change: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if label is None:
            raise E.StreamlitMissingRequiredParameterError("label")
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        if type not in ("primary", "secondary", "tertiary"):
            raise E.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        callback = validate_on_change_mode(on_change, none_supported=False)
        key = to_key(key)
        stateful = _is_stateful_mode(on_change)
        current = False
        block_id = ""
        if stateful:
            block_id, value = _stateful_widget(
                dg, "popover", key, callback, args, kwargs,
                {"label": label, "type": type, "help": help, "icon": icon, "disabled": disabled, "width": width},
                False, "bool_value", disabled=disabled,
            )
            current = bool(value)
        elif key is not None:
            block_id = _keyed_block_id(dg, "popover", key, {})
        icon_s = validate_icon(icon)
        validate_width(width, allow_content=True)
        gen = dg._add_block(
            "popover",
            {"label": str(label), "type": type, "help": str(help) if help else "", "icon": icon_s,
             "disabled": bool(disabled), "key": key, "id": block_id, "open": current if stateful else None,
             "width": width, "wrap": wrap},
        )
        return cast(DeltaGenerator, _wrap(gen, _PopoverContainerMixin))

    # ------------------------------------------------------------------ status
    def status(
        self,
        label: str,
        *,
        expanded: bool = False,
        state: str = "running",
        type: str = "default",
        width: Any = "stretch",
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if type not in ("default", "compact", "step"):
            raise E.StreamlitValueError("type", ["'default'", "'compact'", "'step'"])
        if state not in STATE_ICONS:
            raise E.StreamlitValueError("state", [repr(s) for s in STATE_ICONS])
        validate_width(width)
        gen = dg._add_block(
            "status",
            {"label": label or "", "expanded": bool(expanded), "icon": STATE_ICONS[state], "state": state,
             "type": type, "width": width},
        )
        return cast(DeltaGenerator, _wrap(gen, _StatusContainerMixin))

    # ------------------------------------------------------------------ chat_message
    def chat_message(self, name: str, *, avatar: Any = None, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if name is None:
            raise E.StreamlitMissingRequiredParameterError("name")
        if avatar is None and (name.lower() in _CHAT_PRESETS or is_emoji(name)):
            avatar = name.lower()
        avatar_type, avatar_value = _avatar(avatar)
        validate_width(width, allow_content=True)
        return dg._add_block(
            "chat_message", {"name": name, "avatar": avatar_value, "avatar_type": avatar_type, "width": width}
        )

    # ------------------------------------------------------------------ dialog (used by @st.dialog)
    def _dialog(
        self,
        title: str,
        *,
        width: Any = "small",
        position: str = "center",
        dismissible: bool = True,
        icon: str | None = None,
        on_dismiss: Any = "ignore",
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        callback = validate_on_change_mode(on_dismiss, none_supported=False, param_name="on_dismiss")
        if width in ("small", "medium", "large") or (_is_int(width) and 0 < width <= _UINT32_MAX):
            pass
        else:
            raise E.StreamlitValueError(
                "width", ["'small'", "'medium'", "'large'", "a positive integer"], detail=f"Got {width!r}."
            )
        if position not in ("left", "center", "right"):
            raise E.StreamlitValueError("position", ["'left'", "'center'", "'right'"])
        icon_s = validate_icon(icon)
        eid = widget_id(
            ctx, "dialog", None, dg, False,
            {"title": title, "dismissible": dismissible, "width": width, "position": position, "icon": icon,
             "on_dismiss": str(on_dismiss) if not callable(on_dismiss) else "callback"},
        )
        dismiss_active = _is_stateful_mode(on_dismiss)
        if dismiss_active:
            register_widget(
                ctx, element_id=eid, element_type="dialog", user_key=None,
                deserializer=lambda wire: wire if wire is not None else False,
                serializer=lambda v: v, on_change=callback, value_type="trigger_value",
            )
        gen = dg._add_block(
            "dialog",
            {"title": title, "icon": icon_s, "width": width, "position": position, "dismissible": bool(dismissible),
             "is_open": False, "id": eid, "on_dismiss": "rerun" if dismiss_active else "ignore"},
        )
        return cast(DeltaGenerator, _wrap(gen, _DialogMixin))

    # ------------------------------------------------------------------ feedback elements
    @contextlib.contextmanager
    def spinner(
        self, text: str = "In progress...", *, show_time: bool = False, _cache: bool = False, width: Any = "content"
    ) -> Iterator[None]:
        """A transient element: AppTest never sees it, so nothing is recorded."""
        validate_width(width, allow_content=True)
        yield

    def balloons(self) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("balloons", {"show": True})

    def snow(self) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("snow", {"show": True})

    def toast(self, body: Any, *, icon: str | None = None, duration: Any = "short") -> DeltaGenerator:
        """``st.toast`` writes to the event root (``st._event``); ``container.toast`` in place."""
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if str(body) == "":
            raise E.StreamlitMissingRequiredParameterError("body", detail="Please provide a message.")
        text = textwrap.dedent(str(body)).strip()
        icon_s = validate_icon(icon)
        seconds: int
        if duration == "short":
            seconds = 4
        elif duration == "long":
            seconds = 10
        elif duration == "infinite":
            seconds = 0
        elif isinstance(duration, int) and duration > 0:
            seconds = duration
        else:
            raise E.StreamlitValueError("duration", ["short", "long", "infinite", "a positive integer"])
        return dg._add_element("toast", {"body": text, "icon": icon_s, "duration": seconds})
