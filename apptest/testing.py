"""An ``AppTest``-compatible driver over apptest's headless runtime.

``from apptest import AppTest`` is a drop-in for ``streamlit.testing.v1.AppTest``: the same
constructors (``from_file``/``from_string``/``from_function``), the same ``run()``, the same
element tree (``at.button[0].click().run()``, ``at.text_input(key="name").input("Ada")``,
``at.exception[0].value``...) and the same ``at.session_state`` / ``at.query_params`` /
``at.secrets``. It runs the app on :class:`apptest.runtime.session.Session`, without Streamlit.

What a run sends is what AppTest sends: every widget of the current tree, with its staged
value (``set_value``, ``click``, ``input``...) or else its value read from session state by
widget id, in its wire form; staged edits inside a form count only when that form's submit
button is clicked. Staged values apply to the next ``run()`` only.

Example:
    >>> at = AppTest.from_string('''
    ... import streamlit as st
    ... if st.button("Add"):
    ...     st.session_state.n = st.session_state.get("n", 0) + 1
    ... ''').run()
    >>> at.button[0].click().run().session_state.n
    1
"""

from __future__ import annotations

import builtins
import hashlib
import inspect
import os
import tempfile
import textwrap
import traceback
import weakref
from collections.abc import Callable, ItemsView, Iterator, KeysView, Sequence, ValuesView
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, NoReturn, TypeVar, overload

from apptest.errors import ApptestError
from apptest.runtime.elements import ROOT_NAMES
from apptest.runtime.session import Script, Session
from apptest.runtime.session_state import SessionState, WidgetMeta

if TYPE_CHECKING:
    from typing_extensions import Self

    from apptest.runtime.elements import Block as RuntimeBlock
    from apptest.runtime.elements import Element as RuntimeElement

__all__ = [
    "AppTest",
    "AppTestError",
    "Block",
    "BlockList",
    "Button",
    "ButtonGroup",
    "Caption",
    "ChatInput",
    "ChatMessage",
    "Checkbox",
    "Code",
    "ColorPicker",
    "Column",
    "Dataframe",
    "DateInput",
    "DateTimeInput",
    "Divider",
    "DownloadButton",
    "Element",
    "ElementList",
    "ElementTree",
    "Error",
    "Exception",
    "Expander",
    "Feedback",
    "FileUploader",
    "Header",
    "Help",
    "Html",
    "Image",
    "Info",
    "InitialValue",
    "Json",
    "Latex",
    "LinkButton",
    "Markdown",
    "MenuButton",
    "Metric",
    "Multiselect",
    "NumberInput",
    "PageLink",
    "Pagination",
    "Progress",
    "Radio",
    "SelectSlider",
    "Selectbox",
    "Slider",
    "Space",
    "Status",
    "Subheader",
    "Success",
    "Tab",
    "Table",
    "Text",
    "TextArea",
    "TextInput",
    "TimeInput",
    "Title",
    "Toast",
    "Toggle",
    "UnknownElement",
    "Warning",
    "Widget",
    "WidgetList",
]

T = TypeVar("T")
_REPR_DEFAULTS: list[Any] = [None, "", False, [], set(), {}]


class AppTestError(ApptestError):
    """An AppTest query or interaction a user could not perform (a disabled widget...).

    Mirrors ``streamlit.testing.v1.errors.AppTestError``.
    """


class InitialValue:
    """Marks a widget that the test has not given a value since the last run."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "InitialValue()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InitialValue)

    def __hash__(self) -> int:
        return 0


_INITIAL = InitialValue()
# The user key of each element id seen (it is a function of the id).
_KEYS_OF_IDS: dict[str, Any] = {}
_NO_KEY = object()


def _user_key_from_element_id(element_id: str) -> str | None:
    user_key = element_id.split("-", maxsplit=2)[-1]
    return None if user_key == "None" else user_key


def _format_value_for_widget(format_func: Callable[[Any], Any], value: Any) -> str:
    """The option label of ``value``; a label passed as the value stays itself (as AppTest)."""
    try:
        return str(format_func(value))
    except builtins.Exception:
        if isinstance(value, str):
            return value
        raise


# ---------------------------------------------------------------------------------- reprs
def _field_values(obj: Any) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for name in obj._repr_fields:
        try:
            value = getattr(obj, name)
        except (AttributeError, KeyError):
            continue
        try:
            if value in _REPR_DEFAULTS:
                continue
        except builtins.Exception:  # values whose == is not a bool (DataFrames)
            pass
        out.append((name, value))
    return out


def _flat_repr(obj: Any) -> str:
    fields = ", ".join(f"{k}={v!r}" for k, v in _field_values(obj))
    return f"{type(obj).__name__}({fields})"


def _format_dict(d: dict[Any, Any]) -> str:
    lines = ",\n".join(f"{k}: {v!r}" for k, v in d.items())
    return "{\n" + textwrap.indent(lines, " " * 4) + "\n}"


def _tree_repr(obj: Any, values: list[tuple[str, Any]] | None = None) -> str:
    reprs = [
        f"{k}={_format_dict(v)}" if isinstance(v, dict) else f"{k}={v!r}"
        for k, v in (values if values is not None else _field_values(obj))
    ]
    if not reprs:
        return f"{type(obj).__name__}(\n)"
    reprs[0] = "\n" + reprs[0]
    body = textwrap.indent(",\n".join(reprs), " " * 4)
    return f"{type(obj).__name__}({body}\n)"


class _Proto:
    """Read-only attribute view of an element's properties (our stand-in for its protobuf)."""

    __slots__ = ("_props",)

    def __init__(self, props: dict[str, Any]) -> None:
        self._props = props

    def __getattr__(self, name: str) -> Any:
        try:
            return self._props[name]
        except KeyError:
            raise AttributeError(f"element has no property {name!r}") from None

    def HasField(self, name: str) -> bool:
        return self._props.get(name) is not None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Proto) and other._props == self._props

    def __hash__(self) -> int:
        return id(self._props)

    def __repr__(self) -> str:
        return f"proto({self._props!r})"


class _BlockProto(_Proto):
    """A generic container's proto, shaped like Streamlit's ``BlockProto``: ``id`` at the top and
    the container's own properties under its type (``proto.popover.label``, ``proto.form.form_id``).
    """

    __slots__ = ("_kind",)

    def __init__(self, props: dict[str, Any], kind: str) -> None:
        super().__init__(props)
        self._kind = kind

    def __getattr__(self, name: str) -> Any:
        if name == self._kind:
            return _Proto(self._props)
        if name == "id":
            return str(self._props.get("id") or "")
        raise AttributeError(f"block has no property {name!r}")

    def HasField(self, name: str) -> bool:
        return name == self._kind or (name == "id" and bool(self._props.get("id")))

    def WhichOneof(self, group: str) -> str | None:
        return self._kind if group == "type" else None


# ---------------------------------------------------------------------------------- elements
class Element:
    """Base class of every element in the tree.

    Properties of the original element are readable as attributes (``Button.label``,
    ``Caption.help``, ``Toast.icon``); ``proto`` is the same view.
    """

    type: str
    proto: Any
    root: ElementTree
    key: str | None
    _repr_fields: ClassVar[tuple[str, ...]] = ("key",)
    # Runtime properties that Streamlit's proto for this element does not have.
    _hidden: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        self.proto = _Proto(node.props)
        self.root = root
        self.type = type_ if type_ is not None else node.type
        self.key = None

    def __iter__(self) -> Iterator[Element]:
        yield self

    @property
    def value(self) -> Any:
        """The value or contents of the element."""
        raise NotImplementedError

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("proto", "root", "_value", "_files"):
            raise AttributeError(name)
        if name in {"set_value", "click"}:

            def unsupported_interaction(*_args: Any, **_kwargs: Any) -> None:
                self._raise_unsupported_interaction(name)

            return unsupported_interaction
        try:
            if name in self._hidden:
                raise AttributeError(name)
            return getattr(self.proto, name)
        except AttributeError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}"
            ) from None

    def _raise_unsupported_interaction(self, method: str) -> NoReturn:
        key_part = f" (key={self.key!r})" if self.key else ""
        if isinstance(self, Widget):
            raise AppTestError(
                f"{method}() is not supported for {self.type}{key_part}. "
                "Use set_value() or one of this widget's typed interaction methods."
            )
        raise AppTestError(
            f"{method}() is not supported for {self.type}{key_part}. "
            "AppTest can inspect this element but does not implement "
            "interactions for it. Set its value through at.session_state if it "
            "has a key, or use a Playwright e2e test."
        )

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app again, with the values staged on the tree's widgets."""
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        return _flat_repr(self)


class UnknownElement(Element):
    """An element the driver has no class for; its properties are its attributes."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, type_)
        eid = node.props.get("id")
        self.key = _user_key_from_element_id(eid) if isinstance(eid, str) and eid else None

    @property
    def value(self) -> Any:
        props = self.proto._props
        eid = props.get("id")
        if eid:
            try:
                return self.root.session_state[eid]
            except (KeyError, ValueError):
                pass
        for name in ("value", "body", "text", "label"):
            if name in props:
                return props[name]
        return None


class Widget(Element):
    """Base class of interactive elements: a staged value, an id, a key."""

    id: str
    _value: Any
    # What ``_value`` holds while nothing is staged (AppTest uses three different markers).
    _unset: ClassVar[Any] = None
    _repr_fields: ClassVar[tuple[str, ...]] = ("key", "disabled", "_value")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, type_)
        props = node.props
        eid = props.get("id", "")
        self.id = eid = eid if type(eid) is str else str(eid)
        if eid.startswith("$$ID"):
            key = _KEYS_OF_IDS.get(eid, _NO_KEY)
            if key is _NO_KEY:
                key = _user_key_from_element_id(eid)
                if len(_KEYS_OF_IDS) > 50_000:
                    _KEYS_OF_IDS.clear()
                _KEYS_OF_IDS[eid] = key
            self.key = key
        else:
            self.key = props.get("key")
        self._value = self._unset

    def _assert_can_interact(self) -> None:
        if self.proto._props.get("disabled", False):
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot update a disabled {self.type} widget{key_part}. "
                "A browser user cannot interact with a disabled widget."
            )

    def set_value(self, v: Any) -> Self:
        """Stage a value for the next run."""
        self._assert_can_interact()
        self._value = v
        return self

    # ------------------------------------------------------------------ internals
    def _has_pending(self) -> bool:
        unset = self._unset
        if isinstance(unset, InitialValue):
            return not isinstance(self._value, InitialValue)
        return self._value is not unset

    def _state_value(self) -> Any:
        state = self.root._state
        if state is None:
            return self.root.session_state[self.id]
        return _widget_state_value(state, self.id)

    def _meta(self) -> WidgetMeta | None:
        state = self.root._state
        if state is None:
            return None
        return state.meta.get(self.id)

    def _info(self) -> dict[str, Any]:
        meta = self._meta()
        return meta.info if meta is not None else {}

    def _serialize(self, value: Any) -> Any:
        meta = self._meta()
        return meta.serializer(value) if meta is not None else value

    def _wire(self) -> Any:
        """The wire value this widget sends on the next run (``None``: no value)."""
        return self._serialize(self.value)

    @property
    def value(self) -> Any:
        if self._has_pending():
            return self._value
        return self._state_value()


El_co = TypeVar("El_co", bound=Element, covariant=True)
W_co = TypeVar("W_co", bound=Widget, covariant=True)
B_co = TypeVar("B_co", bound="Block", covariant=True)


class ElementList(Generic[El_co]):
    """A sequence of elements: index, slice, iterate, or call with ``key=``."""

    def __init__(self, els: Sequence[El_co]) -> None:
        self._list: Sequence[El_co] = els

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self)

    @overload
    def __getitem__(self, idx: int) -> El_co: ...

    @overload
    def __getitem__(self, idx: slice) -> ElementList[El_co]: ...

    def __getitem__(self, idx: int | slice) -> El_co | ElementList[El_co]:
        if isinstance(idx, slice):
            return ElementList(self._list[idx])
        return self._list[idx]

    def __iter__(self) -> Iterator[El_co]:
        yield from self._list

    def __repr__(self) -> str:
        if not self._list:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}(_list={list(self._list)!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return bool(self._list == other._list)
        return bool(self._list == other)

    def __hash__(self) -> int:
        return hash(tuple(self._list))

    def __call__(self, key: str) -> El_co:
        """The first element of this collection with the given user key."""
        for e in self._list:
            if getattr(e, "key", None) == key:
                return e
        raise KeyError(key)

    @property
    def values(self) -> Sequence[Any]:
        return [e.value for e in self]


class WidgetList(ElementList[W_co], Generic[W_co]):
    """ElementList narrowed to widgets."""


class BlockList(Generic[B_co]):
    """A sequence of layout blocks with lookup by user key."""

    def __init__(self, els: Sequence[B_co]) -> None:
        self._list: list[B_co] = list(els)

    def __len__(self) -> int:
        return len(self._list)

    @property
    def len(self) -> int:
        return len(self)

    @overload
    def __getitem__(self, idx: int) -> B_co: ...

    @overload
    def __getitem__(self, idx: slice) -> BlockList[B_co]: ...

    def __getitem__(self, idx: int | slice) -> B_co | BlockList[B_co]:
        if isinstance(idx, slice):
            return BlockList(self._list[idx])
        return self._list[idx]

    def __iter__(self) -> Iterator[B_co]:
        return iter(self._list)

    def __repr__(self) -> str:
        if not self._list:
            return f"{type(self).__name__}()"
        return f"{type(self).__name__}(_list={self._list!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, BlockList):
            return bool(self._list == other._list)
        return bool(self._list == other)

    def __hash__(self) -> int:
        return hash(tuple(self._list))

    def __call__(self, key: str) -> B_co:
        for e in self._list:
            if e.key == key:
                return e
        raise KeyError(key)


# ---------------------------------------------------------------------------------- text
class AlertBase(Element):
    _repr_fields = ("key", "icon")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))


class Error(AlertBase):
    """``st.error``."""


class Warning(AlertBase):
    """``st.warning``."""


class Info(AlertBase):
    """``st.info``."""


class Success(AlertBase):
    """``st.success``."""


class Markdown(Element):
    """``st.markdown`` (and, as subclasses, caption, divider, latex)."""

    _repr_fields = ("key", "allow_html")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))

    @property
    def is_caption(self) -> bool:
        props = self.proto._props
        return bool(props.get("is_caption")) or props.get("element_type") == "CAPTION"


class Caption(Markdown):
    """``st.caption``."""


class Divider(Markdown):
    """``st.divider``."""


class Latex(Markdown):
    """``st.latex``."""


class HeadingBase(Element):
    _repr_fields = ("key", "tag", "anchor", "hide_anchor")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))

    @property
    def icon(self) -> str:
        return str(self.proto._props.get("icon", "") or "")

    @property
    def anchor(self) -> str | None:
        return self.proto._props.get("anchor")  # type: ignore[no-any-return]

    @property
    def hide_anchor(self) -> bool:
        return bool(self.proto._props.get("hide_anchor", False))


class Title(HeadingBase):
    """``st.title``."""


class Header(HeadingBase):
    """``st.header``."""


class Subheader(HeadingBase):
    """``st.subheader``."""


class Text(Element):
    """``st.text``."""

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))


class Code(Element):
    """``st.code``."""

    _repr_fields = ("key", "language", "show_line_numbers")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("code_text", ""))


class Json(Element):
    """``st.json``."""

    _repr_fields = ("key", "expanded")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))


class Exception(Element):
    """An exception shown by the app (``st.exception`` or an uncaught error)."""

    _repr_fields = ("key", "message", "is_markdown", "stack_trace", "is_warning")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "exception")
        props = node.props
        self.is_markdown: bool = bool(
            props.get("is_markdown", props.get("message_is_markdown", False))
        )
        self.stack_trace: list[str] = list(props.get("stack_trace", []))

    @property
    def message(self) -> str:
        return str(self.proto._props.get("message", ""))

    @property
    def is_warning(self) -> bool:
        return bool(self.proto._props.get("is_warning", False))

    @property
    def value(self) -> str:
        return self.message


_METRIC_COLORS = {"red": 0, "green": 1, "gray": 2, "orange": 3, "yellow": 4, "blue": 5, "violet": 6, "primary": 7}
_METRIC_DIRECTIONS = {"down": 0, "up": 1, "none": 2}


class Metric(Element):
    """``st.metric``; ``color`` and ``direction`` are the proto's enum numbers, as in AppTest."""

    _repr_fields = ("key", "label", "delta", "color", "help")

    @property
    def value(self) -> str:
        props = self.proto._props
        return str(props.get("body", props.get("value", "")))

    @property
    def color(self) -> int:
        color = self.proto._props.get("color", "red")
        return _METRIC_COLORS.get(color, 0) if isinstance(color, str) else int(color)

    @property
    def direction(self) -> int:
        direction = self.proto._props.get("direction", "down")
        return _METRIC_DIRECTIONS.get(direction, 0) if isinstance(direction, str) else int(direction)


class Toast(Element):
    """``st.toast``."""

    _repr_fields = ("key", "icon")

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))


class Help(Element):
    """``st.help``."""

    _repr_fields = ("key", "name")

    @property
    def doc_string(self) -> str:
        return str(self.proto._props.get("doc_string", ""))

    @property
    def value(self) -> Any:
        props = self.proto._props
        return props.get("value", props.get("name", ""))


class Html(Element):
    """``st.html``."""

    @property
    def value(self) -> str:
        return str(self.proto._props.get("body", ""))


class Progress(Element):
    """``st.progress``: ``value`` is an int from 0 to 100."""

    @property
    def value(self) -> int:
        return int(self.proto._props.get("value", 0))

    @property
    def text(self) -> str:
        return str(self.proto._props.get("text", "") or "")


class Image(Element):
    """``st.image``."""

    @property
    def value(self) -> list[str]:
        props = self.proto._props
        imgs = props.get("imgs")
        if isinstance(imgs, list):
            return [str(i.get("url", "")) if isinstance(i, dict) else str(i) for i in imgs]
        urls = props.get("images", props.get("urls", props.get("value", [])))
        return list(urls) if isinstance(urls, (list, tuple)) else [urls]

    @property
    def captions(self) -> list[str]:
        props = self.proto._props
        imgs = props.get("imgs")
        if isinstance(imgs, list):
            return [str(i.get("caption", "")) if isinstance(i, dict) else "" for i in imgs]
        caps = props.get("captions", props.get("caption", []))
        return list(caps) if isinstance(caps, (list, tuple)) else [caps]


class LinkButton(Element):
    """``st.link_button`` (read-only: clicking opens a URL, which AppTest does not do)."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, type_)
        eid = node.props.get("id")
        self.key = _user_key_from_element_id(eid) if isinstance(eid, str) and eid else None

    @property
    def value(self) -> str:
        return str(self.proto._props.get("label", ""))

    def _raise_unsupported_interaction(self, method: str) -> NoReturn:
        key_part = f" (key={self.key!r})" if self.key else ""
        raise AppTestError(
            f"{method}() is not supported for link_button{key_part}. "
            "AppTest does not open URLs or trigger on_click. "
            "Use a Playwright e2e test."
        )


class PageLink(Element):
    """``st.page_link`` (read-only)."""

    @property
    def value(self) -> str:
        return str(self.proto._props.get("label", ""))

    def _raise_unsupported_interaction(self, method: str) -> NoReturn:
        raise AppTestError(
            f"{method}() is not supported for page_link. Switch pages with AppTest.switch_page(page_path)."
        )


class Space(Element):
    """``st.space``."""

    _repr_fields = ("key", "size")

    @property
    def size(self) -> Any:
        return self.value

    @property
    def value(self) -> Any:
        props = self.proto._props
        return props.get("size", props.get("value", "small"))


class Dataframe(Element):
    """``st.dataframe`` / ``st.data_editor``: ``value`` is the input table as a DataFrame."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "dataframe")
        eid = node.props.get("id")
        self.key = _user_key_from_element_id(eid) if isinstance(eid, str) and eid else None

    @property
    def editing_mode(self) -> str:
        return str(self.proto._props.get("editing_mode", "read_only"))

    @property
    def value(self) -> Any:
        return _table_value(self.proto._props)


class Table(Element):
    """``st.table``: ``value`` is the table as a DataFrame."""

    @property
    def value(self) -> Any:
        return _table_value(self.proto._props)


def _table_value(props: dict[str, Any]) -> Any:
    for name in ("value", "data", "df"):
        if name in props:
            data = props[name]
            mod = type(data).__module__ or ""
            if mod.startswith("pandas") and type(data).__name__ == "DataFrame":
                return data
            import importlib

            return importlib.import_module("pandas").DataFrame(
                data
            )  # only when a test reads a table
    return None


# ---------------------------------------------------------------------------------- widgets
class Button(Widget):
    """``st.button`` and ``st.form_submit_button``."""

    _unset = False
    _repr_fields = ("key", "disabled", "_value", "label", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "button")

    @property
    def value(self) -> bool:
        if self._value:
            return self._value  # type: ignore[no-any-return]
        # The value the button returned when it was rendered (as is: a session-state write
        # from an earlier run can make it a non-bool).
        return self.proto._props.get("value", False)  # type: ignore[no-any-return]

    def _wire(self) -> Any:
        return bool(self._value)

    def set_value(self, v: bool) -> Self:
        return super().set_value(v)

    def click(self) -> Self:
        """Click the button: its value is True in the next run."""
        return self.set_value(True)


class DownloadButton(Button):
    """``st.download_button``."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        Widget.__init__(self, node, root, "download_button")


class ChatInput(Widget):
    """``st.chat_input``: ``set_value`` submits text on the next run (once)."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "placeholder")
    _hidden = frozenset({"label"})

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "chat_input")
        self._files: list[tuple[str, str, bytes, str]] | InitialValue | None = _INITIAL

    @property
    def value(self) -> Any:
        if self._value is not None:
            return self._value
        return self.proto._props.get("value")

    def set_value(self, v: str | None) -> Self:
        return super().set_value(v)

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> Self:
        """Attach one file to the next submission (when the widget accepts files)."""
        from uuid import uuid4

        self._assert_can_interact()
        accept = self.proto._props.get("accept_file", False)
        if not accept or accept == "none":
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"st.chat_input{key_part} does not accept files. Pass accept_file=True, 'multiple', or 'directory'."
            )
        if not isinstance(filename, str) or filename == "":
            raise AppTestError(
                f"st.chat_input file names must be a non-empty string. Got {filename!r}."
            )
        if not isinstance(content, bytes):
            raise AppTestError(
                f"st.chat_input file content must be bytes. Got {type(content).__name__}."
            )
        if not isinstance(mime_type, str) or mime_type == "":
            raise AppTestError(
                f"st.chat_input file MIME types must be a non-empty string. Got {mime_type!r}."
            )
        allowed = self.proto._props.get("file_type") or []
        if allowed:
            from apptest.runtime.streamlit_api.widgets_other import enforce_filename_restriction

            try:
                enforce_filename_restriction(filename, list(allowed))
            except builtins.Exception as exc:
                raise AppTestError(str(exc)) from exc
        record = (str(uuid4()), filename, content, mime_type)
        if accept in ("multiple", "directory"):
            staged = self._files if isinstance(self._files, list) else []
            staged.append(record)
            self._files = staged
        else:
            self._files = [record]
        return self

    def clear(self) -> Self:
        """Remove files staged for the next submission."""
        self._assert_can_interact()
        self._files = None
        return self

    def _wire(self) -> Any:
        files = self._files if isinstance(self._files, list) else []
        if self._value is None and not files:
            return None
        text = "" if self._value is None else self._value
        if not files:
            return text
        return {"text": text, "files": [_file_record(f) for f in files]}


class Checkbox(Widget):
    """``st.checkbox``."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "label", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "checkbox")

    @property
    def value(self) -> bool:
        if self._value is not None:
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def set_value(self, v: bool) -> Self:
        return super().set_value(v)

    def check(self) -> Self:
        return self.set_value(True)

    def uncheck(self) -> Self:
        return self.set_value(False)


class Toggle(Widget):
    """``st.toggle``."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "label", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "toggle")

    @property
    def value(self) -> bool:
        if self._value is not None:
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def set_value(self, v: bool) -> Self:
        return super().set_value(v)


class ColorPicker(Widget):
    """``st.color_picker``."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "label", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "color_picker")

    @property
    def value(self) -> str:
        if self._value is not None:
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def set_value(self, v: str) -> Self:
        return super().set_value(v)

    def pick(self, v: str) -> Self:
        """Pick a color as a hex string; the ``#`` may be omitted."""
        if not v.startswith("#"):
            v = f"#{v}"
        return self.set_value(v)


class _TextWidget(Widget):
    _unset = _INITIAL
    _repr_fields: ClassVar[tuple[str, ...]] = (
        "key",
        "disabled",
        "_value",
        "label",
        "max_chars",
        "autocomplete",
        "placeholder",
        "help",
        "form_id",
    )

    @property
    def value(self) -> str | None:
        if not isinstance(self._value, InitialValue):
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def _wire(self) -> Any:
        v = self.value
        return None if v is None else self._serialize(v)

    def set_value(self, v: str | None) -> Self:
        return super().set_value(v)

    def input(self, v: str) -> Self:
        """Type ``v``; ignored (as in AppTest) when it is longer than ``max_chars``."""
        max_chars = self.proto._props.get("max_chars") or 0
        if max_chars and len(v) > max_chars:
            return self
        return self.set_value(v)


class TextInput(_TextWidget):
    """``st.text_input``."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "text_input")


class TextArea(_TextWidget):
    """``st.text_area``."""

    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "max_chars",
        "placeholder",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "text_area")


class NumberInput(Widget):
    """``st.number_input``."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "label", "min", "max", "step", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "number_input")
        props = node.props
        # Streamlit's proto holds the bounds and the step as doubles.
        self.min: float | None = _as_double(props.get("min"))
        self.max: float | None = _as_double(props.get("max"))

    @property
    def step(self) -> Any:
        step = self.proto._props.get("step")
        return _as_double(step) if step is not None else step

    @property
    def data_type(self) -> int:
        return _data_type_enum(self.proto._props.get("data_type"))

    @property
    def value(self) -> Any:
        if not isinstance(self._value, InitialValue):
            return self._value
        return self._state_value()

    def _wire(self) -> Any:
        v = self.value
        return None if v is None else self._serialize(v)

    def set_value(self, v: float | None) -> Self:
        return super().set_value(v)

    def increment(self) -> Self:
        """Click "+"."""
        if self.value is None:
            return self
        return self.set_value(min(self.value + self.step, self.max or float("inf")))

    def decrement(self) -> Self:
        """Click "-"."""
        if self.value is None:
            return self
        return self.set_value(max(self.value - self.step, self.min or float("-inf")))


def _as_double(v: Any) -> Any:
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v


_DATA_TYPES = {"int": 0, "float": 1, "datetime": 2, "date": 3, "time": 4}


def _data_type_enum(v: Any) -> int:
    """Streamlit's ``DataType`` enum value of a numeric widget's data type."""
    if isinstance(v, int):
        return v
    return _DATA_TYPES.get(str(v).lower(), 0)


def _labels(widget: Widget) -> list[str]:
    props = widget.proto._props
    opts = props.get("options")
    if opts is None:
        opts = widget._info().get("labels", [])
    return [str(o) for o in opts]


def _format_func(widget: Widget) -> Callable[[Any], Any]:
    ff = widget._info().get("format_func")
    return ff if callable(ff) else str


class Selectbox(Widget, Generic[T]):
    """``st.selectbox``."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "label", "options", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "selectbox")
        self.options: list[str] = _labels(self)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def index(self) -> int | None:
        if self.value is None:
            return None
        if len(self.options) == 0:
            return 0
        return self.options.index(_format_value_for_widget(self.format_func, self.value))

    @property
    def value(self) -> Any:
        if not isinstance(self._value, InitialValue):
            return self._value
        return self._state_value()

    def _wire(self) -> Any:
        idx = self.index
        if idx is not None and len(self.options) > 0:
            return self.options[idx]
        return None

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)

    def select(self, v: Any) -> Self:
        return self.set_value(v)

    def select_index(self, index: int | None) -> Self:
        if index is None:
            return self.set_value(None)
        return self.set_value(self.options[index])


class Radio(Widget, Generic[T]):
    """``st.radio``."""

    _unset = _INITIAL
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "options",
        "horizontal",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "radio")
        self.options: list[str] = _labels(self)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def index(self) -> int | None:
        if self.value is None:
            return None
        return self.options.index(_format_value_for_widget(self.format_func, self.value))

    @property
    def value(self) -> Any:
        if not isinstance(self._value, InitialValue):
            return self._value
        return self._state_value()

    def _wire(self) -> Any:
        idx = self.index
        if idx is not None and len(self.options) > 0:
            return self.options[idx]
        return None

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)


class Multiselect(Widget, Generic[T]):
    """``st.multiselect``."""

    _unset = None
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "options",
        "max_selections",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "multiselect")
        self.options: list[str] = _labels(self)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def value(self) -> list[Any]:
        if self._value is not None:
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    @property
    def values(self) -> Sequence[str]:
        """The labels of the selected options."""
        ff = self.format_func
        return [_format_value_for_widget(ff, v) for v in self.value]

    @property
    def indices(self) -> Sequence[int]:
        return [self.options.index(v) for v in self.values]

    def _wire(self) -> Any:
        return list(self.values)

    def set_value(self, v: list[Any]) -> Self:
        return super().set_value(v)

    def select(self, v: Any) -> Self:
        """Add ``v`` to the selection (nothing if already selected)."""
        current = self.value
        if v in current:
            return self
        return self.set_value([*current, v])

    def unselect(self, v: Any) -> Self:
        """Remove every occurrence of ``v`` from the selection."""
        current = self.value
        if v not in current:
            return self
        return self.set_value([x for x in current if x != v])


class SelectSlider(Widget, Generic[T]):
    """``st.select_slider``."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "label", "data_type", "options", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "select_slider")
        self.options: list[str] = _labels(self)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def value(self) -> Any:
        if self._value is not None:
            return self._value
        return self._state_value()

    def _wire(self) -> Any:
        value = self.value
        ff = self.format_func
        try:
            try:
                formatted = str(ff(value))
                if formatted in self.options:
                    return [formatted]
            except builtins.Exception:
                pass
            if isinstance(value, (tuple, list)):
                return [str(ff(x)) for x in value]
            return [str(ff(value))]
        except (ValueError, TypeError) as e:
            raise ValueError(f"Could not serialize value {value}") from e

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)

    def set_range(self, lower: Any, upper: Any) -> Self:
        return self.set_value([lower, upper])


class Slider(Widget, Generic[T]):
    """``st.slider``."""

    @property
    def data_type(self) -> int:
        return _data_type_enum(self.proto._props.get("data_type"))

    _unset = None
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "data_type",
        "min",
        "max",
        "step",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "slider")

    @property
    def value(self) -> Any:
        if self._value is not None:
            return self._value
        return self._state_value()

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)

    def set_range(self, lower: Any, upper: Any) -> Self:
        return self.set_value([lower, upper])


def _to_date(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, str):
        return date.fromisoformat(v.strip())
    return v


class DateInput(Widget):
    """``st.date_input``."""

    _unset = _INITIAL
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "min",
        "max",
        "is_range",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "date_input")
        props = node.props
        self.min: Any = _to_date(props.get("min")) if props.get("min") is not None else None
        self.max: Any = _to_date(props.get("max")) if props.get("max") is not None else None

    @property
    def value(self) -> Any:
        if not isinstance(self._value, InitialValue):
            v = self._value
            if v is None:
                return None
            items = v if isinstance(v, Sequence) and not isinstance(v, str) else [v]
            return tuple(_to_date(x) for x in items)
        return self._state_value()

    def _wire(self) -> Any:
        if isinstance(self._value, InitialValue):
            return self._serialize(self._state_value())
        v = self._value
        if v is None:
            return self._serialize(None)
        if isinstance(v, Sequence) and not isinstance(v, str):
            return self._serialize(tuple(_to_date(x) for x in v))
        return self._serialize(_to_date(v))

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)


class TimeInput(Widget):
    """``st.time_input``."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "label", "step", "help", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "time_input")

    @property
    def value(self) -> time | None:
        if not isinstance(self._value, InitialValue):
            v = self._value
            return v.time() if isinstance(v, datetime) else v
        return self._state_value()  # type: ignore[no-any-return]

    def _wire(self) -> Any:
        v = self.value
        return None if v is None else self._serialize(v)

    def set_value(self, v: time | datetime | None) -> Self:
        return super().set_value(v)

    @property
    def step(self) -> int:
        step = self.proto._props.get("step", 900)
        if isinstance(step, timedelta):
            return int(step.total_seconds())
        return int(step)

    def increment(self) -> Self:
        """Select the next available time."""
        if self.value is None:
            return self
        dt = datetime.combine(date.today(), self.value) + timedelta(seconds=self.step)
        return self.set_value(dt.time())

    def decrement(self) -> Self:
        """Select the previous available time."""
        if self.value is None:
            return self
        dt = datetime.combine(date.today(), self.value) - timedelta(seconds=self.step)
        return self.set_value(dt.time())


class DateTimeInput(Widget):
    """``st.datetime_input``."""

    _unset = _INITIAL
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "label",
        "format",
        "min",
        "max",
        "step",
        "help",
        "form_id",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "date_time_input")

    @property
    def value(self) -> datetime | None:
        if not isinstance(self._value, InitialValue):
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def _wire(self) -> Any:
        v = self.value
        return None if v is None else self._serialize(v)

    def set_value(self, v: datetime | None) -> Self:
        return super().set_value(v)


class Feedback(Widget):
    """``st.feedback``."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "feedback")

    @property
    def value(self) -> int | None:
        if not isinstance(self._value, InitialValue):
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def set_value(self, v: int | None) -> Self:
        return super().set_value(v)


class Pagination(Widget):
    """``st.pagination``: ``value`` is the current page (1-indexed)."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "form_id", "num_pages", "default")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "pagination")

    @property
    def value(self) -> int:
        if not isinstance(self._value, InitialValue):
            return self._value  # type: ignore[no-any-return]
        return self._state_value()  # type: ignore[no-any-return]

    def set_value(self, v: int) -> Self:
        self._assert_can_interact()
        num_pages = int(self.proto._props.get("num_pages", 0))
        if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= num_pages:
            key_part = f" (key={self.key!r})" if self.key else ""
            raise AppTestError(
                f"Cannot set pagination{key_part} to {v!r}. Page must be an int between 1 and {num_pages}."
            )
        return super().set_value(v)

    def select(self, page: int) -> Self:
        return self.set_value(page)

    def _wire(self) -> Any:
        try:
            value = self.value
        except KeyError:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return self._serialize(value)
        return None


class ButtonGroup(Widget, Generic[T]):
    """``st.pills`` and ``st.segmented_control``."""

    _unset = _INITIAL
    _repr_fields = ("key", "disabled", "_value", "options", "form_id")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "button_group")
        self.style: str = (
            node.type
            if node.type in ("pills", "segmented_control")
            else str(node.props.get("style", "pills"))
        )
        self.options: list[str] = _labels(self)

    @property
    def _is_single_select(self) -> bool:
        props = self.proto._props
        mode = props.get("selection_mode", props.get("click_mode", "single"))
        return mode in ("single", "SINGLE_SELECT", 0)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def value(self) -> Any:
        if not isinstance(self._value, InitialValue):
            return self._value
        return self._state_value()

    @property
    def formatted_values(self) -> Sequence[str]:
        ff = self.format_func
        value = self.value
        if value is None:
            return []
        if self._is_single_select:
            return [_format_value_for_widget(ff, value)]
        return [_format_value_for_widget(ff, v) for v in value]

    @property
    def indices(self) -> Sequence[int]:
        return [self.options.index(v) for v in self.formatted_values]

    def _wire(self) -> Any:
        return list(self.formatted_values)

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)

    def select(self, v: Any) -> Self:
        if self._is_single_select:
            return self.set_value(v)
        current = list(self.value or [])
        if v in current:
            return self
        return self.set_value([*current, v])

    def unselect(self, v: Any) -> Self:
        if self._is_single_select:
            if self.value == v:
                return self.set_value(None)
            return self
        current = list(self.value or [])
        if v not in current:
            return self
        return self.set_value([x for x in current if x != v])


class MenuButton(Widget, Generic[T]):
    """``st.menu_button``: clicking an option triggers it for one run."""

    _unset = None
    _repr_fields = ("key", "disabled", "_value", "label", "options", "help")

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "menu_button")
        self.options: list[str] = _labels(self)

    @property
    def format_func(self) -> Callable[[Any], Any]:
        return _format_func(self)

    @property
    def value(self) -> Any:
        if self._value is not None:
            return self._value
        return self.proto._props.get("value")

    def _wire(self) -> Any:
        if self._value is None:
            return None
        try:
            return str(self.format_func(self._value))
        except builtins.Exception:
            return str(self._value)

    def set_value(self, v: Any) -> Self:
        return super().set_value(v)

    def click(self, v: Any) -> Self:
        return self.set_value(v)

    def click_index(self, index: int) -> Self:
        original = self._info().get("options")
        return self.set_value(original[index] if original is not None else self.options[index])


def _file_record(f: tuple[str, str, bytes, str]) -> dict[str, Any]:
    file_id, name, content, mime = f
    return {"file_id": file_id, "name": name, "type": mime, "data": content, "size": len(content)}


class _FileWidget(Widget):
    """Upload widgets: staged files are ``(file_id, name, content, mime_type)`` records."""

    _repr_fields: ClassVar[tuple[str, ...]] = (
        "key",
        "disabled",
        "_value",
        "_files",
        "label",
        "help",
        "form_id",
    )
    _single_file: ClassVar[bool] = False

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, type_)
        self._files: list[tuple[str, str, bytes, str]] | InitialValue | None = _INITIAL

    def _has_pending(self) -> bool:
        return not isinstance(self._files, InitialValue)

    @property
    def value(self) -> Any:
        return self._state_value()

    def upload(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> Self:
        """Stage one more file (replacing the staged one on single-file widgets)."""
        from uuid import uuid4

        self._assert_can_interact()
        record = (str(uuid4()), filename, content, mime_type)
        if self._single_file or not isinstance(self._files, list):
            self._files = [record]
        else:
            self._files.append(record)
        return self

    def clear(self) -> Self:
        """Remove every file."""
        self._assert_can_interact()
        self._files = None
        return self

    def set_value(self, files: Any) -> Self:
        """Set the file(s): a ``(name, content, mime_type)`` tuple, a list of them, or None."""
        from uuid import uuid4

        self._assert_can_interact()
        if files is None:
            self._files = None
        elif isinstance(files, tuple) and len(files) == 3 and isinstance(files[0], str):
            self._files = [(str(uuid4()), files[0], files[1], files[2])]
        else:
            self._files = [(str(uuid4()), n, c, m) for n, c, m in files]
        return self

    def _get_files_to_register(self) -> list[tuple[str, str, bytes, str]]:
        if not isinstance(self._files, InitialValue):
            return self._files or []
        try:
            current = self._state_value()
        except KeyError:
            return []
        items = current if isinstance(current, list) else [current] if current is not None else []
        out: list[tuple[str, str, bytes, str]] = []
        for f in items:
            getvalue = getattr(f, "getvalue", None)
            if getvalue is None:
                continue
            out.append(
                (
                    str(getattr(f, "file_id", "")),
                    str(getattr(f, "name", "")),
                    getvalue(),
                    str(getattr(f, "type", "")),
                )
            )
        return out

    def _wire(self) -> Any:
        if isinstance(self._files, InitialValue):
            try:
                return self._serialize(self._state_value())
            except KeyError:
                return None
        files = self._files or []
        if not files:
            return None
        return [_file_record(f) for f in files]


class FileUploader(_FileWidget):
    """``st.file_uploader``."""

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "file_uploader")

    @property
    def accept_multiple_files(self) -> bool:
        props = self.proto._props
        return bool(props.get("multiple_files", props.get("accept_multiple_files", False)))

    @property
    def accept_directory(self) -> bool:
        return bool(self.proto._props.get("accept_directory", False))

    @property
    def allowed_type(self) -> list[str]:
        types = self.proto._props.get("type") or []
        return [types] if isinstance(types, str) else list(types)


class _OneFileWidget(_FileWidget):
    """Camera and audio inputs: exactly one file of one kind, as the browser produces."""

    _single_file = True
    _what: ClassVar[tuple[str, str, str, str]] = ("", "", "", "")  # command, verb, noun, suffix
    _mime: ClassVar[str] = ""

    def _parse(self, file: object) -> tuple[str, bytes, str]:
        command, verb, noun, suffix = self._what
        if (
            isinstance(file, tuple)
            and len(file) == 3
            and isinstance(file[0], str)
            and isinstance(file[1], (bytes, bytearray))
            and isinstance(file[2], str)
        ):
            filename, content, mime_type = file
            if not filename.lower().endswith(suffix):
                raise AppTestError(
                    f"st.{command} only {verb} {suffix} files. Got filename {filename!r}."
                )
            if mime_type.lower() != self._mime:
                raise AppTestError(
                    f"st.{command} {noun}s use MIME type {self._mime!r}. Got {mime_type!r}."
                )
            return filename, bytes(content), self._mime
        if isinstance(file, list):
            raise AppTestError(f"st.{command} {verb} one {noun}. A list is not accepted.")
        raise AppTestError(
            f"st.{command} {verb} one {noun}. "
            "Pass one (filename, content, mime_type) tuple whose content is bytes, "
            f"or None to clear. Got {type(file).__name__}."
        )

    def set_value(self, files: Any) -> Self:
        """Set the file as ``(name, content, mime_type)``, or None to clear it."""
        from uuid import uuid4

        self._assert_can_interact()
        if files is None:
            self._files = None
            return self
        filename, content, mime_type = self._parse(files)
        self._files = [(str(uuid4()), filename, content, mime_type)]
        return self

    def upload(self, filename: str, content: bytes, mime_type: str | None = None) -> Self:
        """Stage the file, replacing any staged one."""
        return self.set_value((filename, content, self._mime if mime_type is None else mime_type))

    def clear(self) -> Self:
        return self.set_value(None)


class CameraInput(_OneFileWidget):
    """``st.camera_input``: one JPEG photo (``.jpg``, ``image/jpeg``)."""

    _what = ("camera_input", "captures", "photo", ".jpg")
    _mime = "image/jpeg"

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "camera_input")


class AudioInput(_OneFileWidget):
    """``st.audio_input``: one WAV recording (``.wav``, ``audio/wav``)."""

    _what = ("audio_input", "records", "recording", ".wav")
    _mime = "audio/wav"
    _repr_fields = (
        "key",
        "disabled",
        "_value",
        "_files",
        "label",
        "help",
        "form_id",
        "sample_rate",
    )

    def __init__(self, node: RuntimeElement, root: ElementTree, type_: str | None = None) -> None:
        super().__init__(node, root, "audio_input")


# ---------------------------------------------------------------------------------- blocks
class _Queries:
    """Typed element queries shared by blocks and ``AppTest`` (``.button``, ``.markdown``...)."""

    def __iter__(self) -> Iterator[Node]:
        raise NotImplementedError

    def get(self, element_type: str) -> Sequence[Node]:
        raise NotImplementedError

    def _els(self, name: str) -> list[Any]:
        return list(self.get(name))

    def _blocks(self, cls: type[Block]) -> list[Any]:
        return [e for e in self if isinstance(e, cls) and e is not self]

    @property
    def audio_input(self) -> WidgetList[AudioInput]:
        return WidgetList(self._els("audio_input"))

    @property
    def button(self) -> WidgetList[Button]:
        return WidgetList(self._els("button"))

    @property
    def button_group(self) -> WidgetList[ButtonGroup[Any]]:
        return WidgetList(self._els("button_group"))

    @property
    def pills(self) -> WidgetList[ButtonGroup[Any]]:
        return WidgetList([b for b in self.button_group if b.style == "pills"])

    @property
    def segmented_control(self) -> WidgetList[ButtonGroup[Any]]:
        return WidgetList([b for b in self.button_group if b.style == "segmented_control"])

    @property
    def camera_input(self) -> WidgetList[CameraInput]:
        return WidgetList(self._els("camera_input"))

    @property
    def caption(self) -> ElementList[Caption]:
        return ElementList(self._els("caption"))

    @property
    def chat_input(self) -> WidgetList[ChatInput]:
        return WidgetList(self._els("chat_input"))

    @property
    def chat_message(self) -> BlockList[ChatMessage]:
        return BlockList(self._blocks(ChatMessage))

    @property
    def checkbox(self) -> WidgetList[Checkbox]:
        return WidgetList(self._els("checkbox"))

    @property
    def code(self) -> ElementList[Code]:
        return ElementList(self._els("code"))

    @property
    def color_picker(self) -> WidgetList[ColorPicker]:
        return WidgetList(self._els("color_picker"))

    @property
    def columns(self) -> BlockList[Column]:
        return BlockList(self._blocks(Column))

    @property
    def container(self) -> BlockList[Block]:
        """``st.container`` blocks (not the row wrapper of ``st.columns``)."""
        return BlockList(
            [
                e
                for e in self
                if isinstance(e, Block)
                and e is not self
                and e.type in ("container", "flex_container")
                and not any(isinstance(c, Column) for c in e.children.values())
                and not e._grid_cell
            ]
        )

    @property
    def dataframe(self) -> ElementList[Dataframe]:
        return ElementList(self._els("dataframe"))

    @property
    def data_editor(self) -> ElementList[Dataframe]:
        return ElementList([d for d in self.dataframe if d.editing_mode != "read_only"])

    @property
    def date_input(self) -> WidgetList[DateInput]:
        return WidgetList(self._els("date_input"))

    @property
    def datetime_input(self) -> WidgetList[DateTimeInput]:
        return WidgetList(self._els("date_time_input"))

    @property
    def divider(self) -> ElementList[Divider]:
        return ElementList(self._els("divider"))

    @property
    def download_button(self) -> WidgetList[DownloadButton]:
        return WidgetList(self._els("download_button"))

    @property
    def error(self) -> ElementList[Error]:
        return ElementList(self._els("error"))

    @property
    def exception(self) -> ElementList[Exception]:
        return ElementList(self._els("exception"))

    @property
    def expander(self) -> BlockList[Expander]:
        return BlockList(self._blocks(Expander))

    @property
    def feedback(self) -> WidgetList[Feedback]:
        return WidgetList(self._els("feedback"))

    @property
    def file_uploader(self) -> WidgetList[FileUploader]:
        return WidgetList(self._els("file_uploader"))

    @property
    def form(self) -> BlockList[Block]:
        """``st.form`` blocks; the form key is ``Block.key``."""
        return BlockList(
            [e for e in self if isinstance(e, Block) and e is not self and e.type == "form"]
        )

    @property
    def form_submit_button(self) -> WidgetList[Button]:
        return WidgetList([b for b in self.button if b.proto._props.get("form_id")])

    @property
    def grid(self) -> BlockList[Grid]:
        return BlockList(self._blocks(Grid))

    @property
    def header(self) -> ElementList[Header]:
        return ElementList(self._els("header"))

    @property
    def help(self) -> ElementList[Help]:
        return ElementList(self._els("help"))

    @property
    def html(self) -> ElementList[Html]:
        return ElementList(self._els("html"))

    @property
    def image(self) -> ElementList[Image]:
        return ElementList(self._els("image"))

    @property
    def info(self) -> ElementList[Info]:
        return ElementList(self._els("info"))

    @property
    def json(self) -> ElementList[Json]:
        return ElementList(self._els("json"))

    @property
    def latex(self) -> ElementList[Latex]:
        return ElementList(self._els("latex"))

    @property
    def link_button(self) -> ElementList[LinkButton]:
        return ElementList(self._els("link_button"))

    @property
    def markdown(self) -> ElementList[Markdown]:
        return ElementList(self._els("markdown"))

    @property
    def metric(self) -> ElementList[Metric]:
        return ElementList(self._els("metric"))

    @property
    def menu_button(self) -> WidgetList[MenuButton[Any]]:
        return WidgetList(self._els("menu_button"))

    @property
    def multiselect(self) -> WidgetList[Multiselect[Any]]:
        return WidgetList(self._els("multiselect"))

    @property
    def number_input(self) -> WidgetList[NumberInput]:
        return WidgetList(self._els("number_input"))

    @property
    def page_link(self) -> ElementList[PageLink]:
        return ElementList(self._els("page_link"))

    @property
    def pagination(self) -> WidgetList[Pagination]:
        return WidgetList(self._els("pagination"))

    @property
    def progress(self) -> ElementList[Progress]:
        return ElementList(self._els("progress"))

    @property
    def radio(self) -> WidgetList[Radio[Any]]:
        return WidgetList(self._els("radio"))

    @property
    def select_slider(self) -> WidgetList[SelectSlider[Any]]:
        return WidgetList(self._els("select_slider"))

    @property
    def selectbox(self) -> WidgetList[Selectbox[Any]]:
        return WidgetList(self._els("selectbox"))

    @property
    def slider(self) -> WidgetList[Slider[Any]]:
        return WidgetList(self._els("slider"))

    @property
    def space(self) -> ElementList[Space]:
        return ElementList(self._els("space"))

    @property
    def status(self) -> BlockList[Status]:
        return BlockList(self._blocks(Status))

    @property
    def subheader(self) -> ElementList[Subheader]:
        return ElementList(self._els("subheader"))

    @property
    def success(self) -> ElementList[Success]:
        return ElementList(self._els("success"))

    @property
    def table(self) -> ElementList[Table]:
        return ElementList(self._els("table"))

    @property
    def tabs(self) -> BlockList[Tab]:
        return BlockList(self._blocks(Tab))

    @property
    def text(self) -> ElementList[Text]:
        return ElementList(self._els("text"))

    @property
    def text_area(self) -> WidgetList[TextArea]:
        return WidgetList(self._els("text_area"))

    @property
    def text_input(self) -> WidgetList[TextInput]:
        return WidgetList(self._els("text_input"))

    @property
    def time_input(self) -> WidgetList[TimeInput]:
        return WidgetList(self._els("time_input"))

    @property
    def title(self) -> ElementList[Title]:
        return ElementList(self._els("title"))

    @property
    def toast(self) -> ElementList[Toast]:
        return ElementList(self._els("toast"))

    @property
    def toggle(self) -> WidgetList[Toggle]:
        return WidgetList(self._els("toggle"))

    @property
    def warning(self) -> ElementList[Warning]:
        return ElementList(self._els("warning"))


# Public collection names that are not a node ``type``.
_GET_TYPE_ALIASES = {"datetime_input": "date_time_input", "help": "help_info"}
_LAYOUT_GETS = frozenset({"columns", "column", "tabs", "tab"})
_FILTERED_GETS = frozenset(
    {
        "pills",
        "segmented_control",
        "container",
        "grid",
        "form",
        "form_submit_button",
        "data_editor",
        "chat_message",
        "expander",
        "status",
    }
)


class Block(_Queries):
    """A container of elements, queried like ``AppTest`` itself (``block.button``...)."""

    type: str
    children: dict[int, Node]
    proto: Any
    root: ElementTree
    _repr_fields: ClassVar[tuple[str, ...]] = ("type", "children")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        self.children = {}
        props = node.props if node is not None else {}
        self.root = root
        self.type = (
            type_
            if type_ is not None
            else (_BLOCK_TYPE_ALIASES.get(node.type, node.type) if node else "unknown")
        )
        # AppTest gives a container with no class of its own the whole BlockProto.
        self.proto = _BlockProto(props, self.type) if type(self) is Block and node is not None else _Proto(props)
        self._grid_cell = bool(props.get("grid_cell", False))

    def __len__(self) -> int:
        return len(self.children)

    def __iter__(self) -> Iterator[Node]:
        # Pre-order, like AppTest's recursive walk, without a generator per level.
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Block) and node.children:
                stack.extend(reversed(list(node.children.values())))

    def __getitem__(self, k: int) -> Node:
        return self.children[k]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("proto", "children", "root"):
            raise AttributeError(name)
        try:
            return getattr(self.proto, name)
        except AttributeError:
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}"
            ) from None

    @property
    def key(self) -> str | None:
        """The user key of this container (the form key for a form)."""
        props = self.proto._props
        bid = props.get("id")
        if isinstance(bid, str) and bid.startswith("$$ID"):
            return _user_key_from_element_id(bid)
        if props.get("key") is not None:
            return str(props["key"])
        if self.type == "form":
            fid = props.get("form_id")
            return None if fid is None else str(fid)
        return None

    def get(self, element_type: str) -> Sequence[Node]:
        """Nodes of an AppTest collection name (``"button"``, ``"tabs"``...) or node type."""
        if element_type in _FILTERED_GETS:
            return list(getattr(self, element_type))
        if element_type in ("columns", "column"):
            return list(self.columns)
        if element_type in ("tabs", "tab"):
            return list(self.tabs)
        resolved = _GET_TYPE_ALIASES.get(element_type, element_type)
        return [e for e in self if e.type == resolved]

    def get_by_key(self, key: str) -> Node:
        """The one node with this user key (KeyError if none, AppTestError if several)."""
        matches = [e for e in self if e is not self and getattr(e, "key", None) == key]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise KeyError(key)
        raise AppTestError(
            f"Multiple elements have key {key!r}. Scope the query to a container or use a typed collection."
        )

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the app again, with the values staged on the tree's widgets."""
        return self.root.run(timeout=timeout)

    def __repr__(self) -> str:
        return _tree_repr(self)


class SpecialBlock(Block):
    """The main area, the sidebar and the event container."""


class ChatMessage(Block):
    """``st.chat_message``."""

    _repr_fields = ("children", "name", "avatar")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "chat_message")
        props = self.proto._props
        self.name: str = str(props.get("name", ""))
        self.avatar: Any = props.get("avatar", "")


class Column(Block):
    """One column of ``st.columns``."""

    _repr_fields = ("children", "weight", "gap")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "column")
        props = self.proto._props
        self.weight: Any = props.get("weight")
        self.gap: Any = props.get("gap")


class Expander(Block):
    """``st.expander``."""

    _repr_fields = ("children", "icon", "label")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "expander")
        props = self.proto._props
        self.icon: str = str(props.get("icon", "") or "")
        self.label: str = str(props.get("label", ""))


class Status(Block):
    """``st.status``."""

    _repr_fields = ("children", "icon", "label")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "status")
        props = self.proto._props
        self.icon: str = str(props.get("icon", "") or "")
        self.label: str = str(props.get("label", ""))

    @property
    def state(self) -> str:
        return str(self.proto._props.get("state", "running")).lower()


class Tab(Block):
    """One tab of ``st.tabs``."""

    _repr_fields = ("children", "label")

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "tab")
        self.label: str = str(self.proto._props.get("label", ""))


class Grid(Block):
    """``st.grid``."""

    def __init__(
        self, node: RuntimeBlock | None, root: ElementTree, type_: str | None = None
    ) -> None:
        super().__init__(node, root, "grid_container")


Node = Element | Block

_BLOCK_TYPE_ALIASES = {
    "vertical": "flex_container",
    "horizontal": "flex_container",
    "container": "flex_container",
    "columns": "flex_container",
    "tabs": "tab_container",
    "expandable": "expander",
}

_BLOCK_CLASSES: dict[str, type[Block]] = {
    "chat_message": ChatMessage,
    "column": Column,
    "expander": Expander,
    "expandable": Expander,
    "status": Status,
    "tab": Tab,
    "grid": Grid,
    "grid_container": Grid,
}

_ELEMENT_CLASSES: dict[str, type[Element]] = {
    "audio_input": AudioInput,
    "button": Button,
    "form_submit_button": Button,
    "button_group": ButtonGroup,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "camera_input": CameraInput,
    "caption": Caption,
    "chat_input": ChatInput,
    "checkbox": Checkbox,
    "code": Code,
    "color_picker": ColorPicker,
    "dataframe": Dataframe,
    "data_editor": Dataframe,
    "date_input": DateInput,
    "datetime_input": DateTimeInput,
    "date_time_input": DateTimeInput,
    "divider": Divider,
    "download_button": DownloadButton,
    "error": Error,
    "exception": Exception,
    "feedback": Feedback,
    "file_uploader": FileUploader,
    "header": Header,
    "help": Help,
    "help_info": Help,
    "html": Html,
    "image": Image,
    "imgs": Image,
    "info": Info,
    "json": Json,
    "latex": Latex,
    "link_button": LinkButton,
    "markdown": Markdown,
    "menu_button": MenuButton,
    "metric": Metric,
    "multiselect": Multiselect,
    "number_input": NumberInput,
    "page_link": PageLink,
    "pagination": Pagination,
    "progress": Progress,
    "radio": Radio,
    "select_slider": SelectSlider,
    "selectbox": Selectbox,
    "slider": Slider,
    "space": Space,
    "subheader": Subheader,
    "success": Success,
    "table": Table,
    "text": Text,
    "text_area": TextArea,
    "text_input": TextInput,
    "time_input": TimeInput,
    "title": Title,
    "toast": Toast,
    "toggle": Toggle,
    "warning": Warning,
}
# Node types AppTest names differently from the element's command.
_ELEMENT_TYPE_NAMES = {
    "help": "help_info",
    "imgs": "image",
    "datetime_input": "date_time_input",
    "form_submit_button": "button",
    "pills": "button_group",
    "segmented_control": "button_group",
    "data_editor": "dataframe",
    # Streamlit's built-in charts are Vega-Lite charts, st.map a deck.gl chart.
    "line_chart": "vega_lite_chart",
    "bar_chart": "vega_lite_chart",
    "area_chart": "vega_lite_chart",
    "scatter_chart": "vega_lite_chart",
    "map": "deck_gl_json_chart",
}
_MARKDOWN_KINDS: dict[str, type[Element]] = {
    "NATIVE": Markdown,
    "CAPTION": Caption,
    "LATEX": Latex,
    "DIVIDER": Divider,
}
_HEADING_TAGS: dict[str, type[Element]] = {"h1": Title, "h2": Header, "h3": Subheader}
_KIND_NAMES: dict[type[Element], str] = {
    Markdown: "markdown",
    Caption: "caption",
    Latex: "latex",
    Divider: "divider",
    Title: "title",
    Header: "header",
    Subheader: "subheader",
}
_ALERT_FORMATS: dict[str, type[Element]] = {
    "error": Error,
    "warning": Warning,
    "info": Info,
    "success": Success,
}


# Element types with a class of their own: (class, AppTest type name, is a widget).
_PLAIN_ELEMENTS: dict[str, tuple[type[Element], str, bool]] = {
    ty: (cls, _ELEMENT_TYPE_NAMES.get(ty, ty), issubclass(cls, Widget))
    for ty, cls in _ELEMENT_CLASSES.items()
    if ty not in ("markdown", "heading", "alert")
}
def _widget_state_value(state: SessionState, wid: str) -> Any:
    """``state[wid]`` for a widget id, without the user-key lookups of ``__getitem__``."""
    try:
        return state._getitem(wid, state.id_to_key.get(wid, wid))
    except KeyError:
        return state[wid]  # raises with Streamlit's message


def _serialized(state: SessionState, wid: str, value: Any) -> Any:
    """``Widget._serialize``: the value through the widget's serializer."""
    meta = state.meta.get(wid)
    return meta.serializer(value) if meta is not None else value


def _idle_serialized(state: SessionState, wid: str) -> Any:
    """``Widget._wire()`` of a widget with nothing staged: its serialized state value."""
    return _serialized(state, wid, _widget_state_value(state, wid))


def _idle_serialized_or_none(state: SessionState, wid: str) -> Any:
    """``_TextWidget._wire()`` / ``NumberInput._wire()`` with nothing staged."""
    value = _widget_state_value(state, wid)
    return None if value is None else _serialized(state, wid, value)


def _idle_button(state: SessionState, wid: str) -> Any:
    """``Button._wire()`` with nothing staged."""
    return False


# The message value of an unwrapped widget, by its class (those with these exact ``_wire``).
_IDLE_WIRES: dict[type[Element], Callable[[SessionState, str], Any]] = {
    Checkbox: _idle_serialized,
    Toggle: _idle_serialized,
    Slider: _idle_serialized,
    TextInput: _idle_serialized_or_none,
    TextArea: _idle_serialized_or_none,
    NumberInput: _idle_serialized_or_none,
    Button: _idle_button,
}
# The ``type`` of each widget class's elements, as learned from the first one wrapped.
_WRAPPED_TYPE: dict[str, str] = {}
_LAZY_TREE_ATTRS = frozenset({"children", "_widgets", "_forms", "_index"})
# Query names an unbuilt tree answers from its element nodes: widget types, which no container
# and no markdown, heading or alert element has.
_WIDGET_TYPE_NAMES = frozenset({
    "audio_input", "button", "button_group", "camera_input", "chat_input", "checkbox", "color_picker",
    "date_input", "date_time_input", "download_button", "feedback", "file_uploader", "menu_button",
    "multiselect", "number_input", "pagination", "radio", "select_slider", "selectbox", "slider", "text_area",
    "text_input", "time_input", "toggle",
})


def _make_element(node: RuntimeElement, root: ElementTree) -> Element:
    ty = node.type
    props = node.props
    cls: type[Element] | None
    if ty == "markdown":
        cls = _MARKDOWN_KINDS.get(str(props.get("element_type", "NATIVE")).upper(), UnknownElement)
        return cls(node, root, _KIND_NAMES.get(cls, ty))
    if ty == "heading":
        cls = _HEADING_TAGS.get(str(props.get("tag", "")), UnknownElement)
        return cls(node, root, _KIND_NAMES.get(cls, ty))
    if ty == "alert":
        fmt = str(props.get("format", "")).lower()
        cls = _ALERT_FORMATS.get(fmt, UnknownElement)
        return cls(node, root, fmt if cls is not UnknownElement else ty)
    cls = _ELEMENT_CLASSES.get(ty)
    if cls is None:
        return UnknownElement(node, root, _ELEMENT_TYPE_NAMES.get(ty, ty))
    return cls(node, root, _ELEMENT_TYPE_NAMES.get(ty, ty))


def _make_node(node: RuntimeElement | RuntimeBlock, root: ElementTree) -> Node:
    if not node.is_block:
        entry = _PLAIN_ELEMENTS.get(node.type)
        element: Element
        if entry is not None:  # one class per type: no property decides it
            element_cls, name, is_widget = entry
            wrapped = root._wrapped
            earlier = wrapped.pop(id(node), None) if wrapped else None
            element = earlier if earlier is not None else element_cls(node, root, name)  # type: ignore[arg-type]
            if is_widget:
                root._widgets.append(element)  # type: ignore[arg-type]
        else:
            element = _make_element(node, root)  # type: ignore[arg-type]
            if isinstance(element, Widget):
                root._widgets.append(element)
        index = root._index
        ty = element.type
        if ty in index:
            index[ty].append(element)
        else:
            index[ty] = [element]
        return element
    block_node: RuntimeBlock = node  # type: ignore[assignment]
    ty = block_node.type
    if ty in ("expander", "expandable") and block_node.props.get("state") not in (
        None,
        "",
        "STATE_UNDEFINED",
    ):
        block: Block = Status(block_node, root)
    else:
        cls = _BLOCK_CLASSES.get(ty)
        block = cls(block_node, root) if cls is not None else Block(block_node, root)
    if block.type == "form":
        root._forms.append(block)
    root._index.setdefault(block.type, []).append(block)
    block.children = {i: _make_node(c, root) for i, c in enumerate(block_node.children)}
    return block


class ElementTree(Block):
    """The elements of the last run: ``children`` is ``{0: main, 1: sidebar, 2: event}``.

    A ``3: bottom`` block is present when the app put something there (a top-level
    ``st.chat_input``).
    """

    def __init__(self, runner: AppTest | None = None) -> None:
        self.proto = _Proto({})
        self.root = self
        self.type = "root"
        self._grid_cell = False
        self._runner = runner
        self._state: SessionState | None = runner._session.state if runner is not None else None
        # Wrappers made before the whole tree was (for a typed query), by id of their node.
        self._wrapped: dict[int, Element] = {}
        self._roots: dict[str, RuntimeBlock] | None = None
        self._set_empty()

    def _set_empty(self) -> None:
        self.children = {}
        # Filled while the tree is built (in page order), so a run does not walk the tree.
        self._widgets: list[Widget] = []
        self._forms: list[Block] = []
        # Every node by its ``type``, in tree (pre-order) order: what ``get`` returns.
        self._index: dict[str, list[Node]] = {"root": [self]}

    # A tree made from a run is built on first use: ``children``, the widget and form lists and the
    # type index appear then. A typed widget query (``at.button``) or a run before that wraps only
    # the widgets it needs, from the run's element nodes; the tree reuses those wrappers later.
    def __getattr__(self, name: str) -> Any:
        if name in _LAZY_TREE_ATTRS:
            if self.__dict__.get("_roots") is None:
                raise AttributeError(name)
            self._build()
            return self.__dict__[name]
        return super().__getattr__(name)

    def get(self, element_type: str) -> Sequence[Node]:
        if element_type in _FILTERED_GETS or element_type in _LAYOUT_GETS:
            return super().get(element_type)
        name = _GET_TYPE_ALIASES.get(element_type, element_type)
        if "_index" not in self.__dict__:
            found = self._query_unbuilt(name)
            if found is not None:
                return found
        return list(self._index.get(name, ()))

    def _runtime_elements(self) -> tuple[list[RuntimeElement], bool]:
        """The run's element nodes in tree order, and whether the run has a form."""
        cached = self.__dict__.get("_rt_elements")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        out: list[RuntimeElement] = []
        has_form = False
        roots = self._roots or {}
        stack: list[Any] = []
        for name in ROOT_NAMES:  # the tree's order: main, sidebar, event, bottom
            rb = roots.get(name)
            if rb is not None:
                stack.extend(reversed(rb.children))
                while stack:
                    node = stack.pop()
                    if node.is_block:
                        if node.type == "form":
                            has_form = True
                        stack.extend(reversed(node.children))
                    else:
                        out.append(node)
        result = (out, has_form)
        self._rt_elements = result
        return result

    def _wrap(self, node: RuntimeElement) -> Element:
        element = self._wrapped.get(id(node))
        if element is None:
            element_cls, name, _ = _PLAIN_ELEMENTS[node.type]
            element = self._wrapped[id(node)] = element_cls(node, self, name)
            _WRAPPED_TYPE[node.type] = element.type
        return element

    def _query_unbuilt(self, name: str) -> list[Node] | None:
        """``get(name)`` before the tree is built, for widget types; None for other types."""
        if name not in _WIDGET_TYPE_NAMES:
            return None
        nodes, _ = self._runtime_elements()
        out: list[Node] = []
        for node in nodes:
            if node.type not in _PLAIN_ELEMENTS:  # markdown, heading, alert: never these types
                continue
            wrapped_type = _WRAPPED_TYPE.get(node.type)
            if wrapped_type is None:
                wrapped_type = self._wrap(node).type
            if wrapped_type == name:
                out.append(self._wrap(node))
        return out

    def _unbuilt_widget_states(self) -> dict[str, Any] | None:
        """``get_widget_states()`` of an unbuilt tree of a run without forms; None otherwise.

        A widget nobody wrapped has nothing staged: for the classes in ``_IDLE_WIRES`` its
        message value is worked out from the session state without making the wrapper.
        """
        if "_widgets" in self.__dict__:
            return None
        nodes, has_form = self._runtime_elements()
        if has_form:
            return None
        state = self._state
        wrapped = self._wrapped
        states: dict[str, Any] = {}
        for node in nodes:
            entry = _PLAIN_ELEMENTS.get(node.type)
            if entry is None or not entry[2]:
                continue
            widget = wrapped.get(id(node))
            if widget is None and state is not None:
                idle = _IDLE_WIRES.get(entry[0])
                if idle is not None:
                    wid = node.props.get("id", "")
                    states[wid] = idle(state, wid)
                    continue
            if widget is None:
                widget = self._wrap(node)
            states[widget.id] = widget._wire()
        return states

    @classmethod
    def _from_roots(cls, roots: dict[str, RuntimeBlock], runner: AppTest) -> ElementTree:
        tree = cls.__new__(cls)
        tree.__dict__.update(
            proto=_Proto({}), root=tree, type="root", _grid_cell=False, _runner=runner,
            _state=runner._session.state, _wrapped={}, _roots=roots,
        )
        return tree

    def _build(self) -> None:
        roots = self._roots
        assert roots is not None
        self._roots = None
        self._set_empty()
        tree = self
        index = tree._index
        for idx, name in enumerate(("main", "sidebar", "event")):
            special = SpecialBlock.__new__(SpecialBlock)  # SpecialBlock(None, tree, name), without the checks
            special.__dict__.update(children={}, root=tree, type=name, proto=_Proto({}), _grid_cell=False)
            index.setdefault(special.type, []).append(special)
            rb = roots.get(name)
            if rb is not None:
                special.children = {i: _make_node(c, tree) for i, c in enumerate(rb.children)}
            tree.children[idx] = special
        bottom = roots.get("bottom")
        if bottom is not None and bottom.children:
            block = Block(None, tree, "unknown")
            index.setdefault(block.type, []).append(block)
            block.children = {i: _make_node(c, tree) for i, c in enumerate(bottom.children)}
            tree.children[3] = block
        self._wrapped = {}

    @property
    def main(self) -> Block:
        m = self[0]
        assert isinstance(m, Block)
        return m

    @property
    def sidebar(self) -> Block:
        s = self[1]
        assert isinstance(s, Block)
        return s

    @property
    def session_state(self) -> SessionState:
        """The runtime's session state (widget values by id; AppTest's SafeSessionState)."""
        assert self._runner is not None
        return self._runner._session.state

    def get_widget_states(self) -> dict[str, Any]:
        """The frontend message for the next run: widget id -> wire value.

        Staged values inside a form count only when that form's submit button is clicked;
        after a ``clear_on_submit`` submit, the next submit sends the defaults of widgets
        the test did not set again (as AppTest does).
        """
        return self._widget_states(_submitted_form_ids(self), _form_clear_flags(self))

    def _widget_states(self, submitted: set[str], form_clears: dict[str, bool]) -> dict[str, Any]:
        runner = self._runner
        cleared: set[str] = runner._cleared_form_ids if runner is not None else set()
        states: dict[str, Any] = {}
        for node in self._widgets:
            form_id = node.proto._props.get("form_id")
            if not form_id:
                states[node.id] = node._wire()
                continue
            form_id = str(form_id)
            if _use_form_clear_defaults(node, submitted, cleared, form_clears):
                states[node.id] = None
                continue
            if form_id not in submitted:
                attr = "_files" if isinstance(node, _FileWidget) else "_value"
                saved = getattr(node, attr)
                setattr(node, attr, _INITIAL if attr == "_files" else node._unset)
                try:
                    states[node.id] = node._wire()
                finally:
                    setattr(node, attr, saved)
            else:
                states[node.id] = node._wire()
        return states

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script with the staged widget values."""
        assert self._runner is not None
        widget_states = self._unbuilt_widget_states()
        if widget_states is not None:  # no forms: nothing is held back or cleared
            return self._runner._run(widget_states, timeout=timeout)
        submitted = _submitted_form_ids(self)
        form_clears = _form_clear_flags(self)
        widget_states = self._widget_states(submitted, form_clears)
        result = self._runner._run(widget_states, timeout=timeout)
        for form_id in submitted:
            if form_clears.get(form_id):
                self._runner._cleared_form_ids.add(form_id)
            else:
                self._runner._cleared_form_ids.discard(form_id)
        return result

    def __repr__(self) -> str:
        return _format_dict(self.children)


def _widget_form_id(node: Widget) -> str:
    return str(node.proto._props.get("form_id", "") or "")


def _submitted_form_ids(tree: ElementTree) -> set[str]:
    if not tree._forms:
        return set()  # a submit button is always in a form
    return {
        fid
        for node in tree._widgets
        if node.type == "button" and node._value and (fid := _widget_form_id(node))
    }


def _form_clear_flags(tree: ElementTree) -> dict[str, bool]:
    flags: dict[str, bool] = {}
    for node in tree._forms:
        if node.type == "form":
            props = node.proto._props
            fid = props.get("form_id", node.key)
            if fid is not None:
                flags[str(fid)] = bool(props.get("clear_on_submit", False))
    return flags


def _use_form_clear_defaults(
    node: Widget, submitted: set[str], cleared: set[str], form_clears: dict[str, bool]
) -> bool:
    form_id = _widget_form_id(node)
    return bool(
        form_id
        and form_id in submitted
        and form_id in cleared
        and form_clears.get(form_id)
        and not isinstance(node, Button)
        and not node._has_pending()
    )


# ---------------------------------------------------------------------------------- session state
class _AppTestSessionState:
    """``at.session_state``: item and attribute access like ``st.session_state``.

    Writes between runs act like a script write at the top of the next run (and a keyed
    widget also receives the value, so no callback fires). Reading a missing key raises
    ``KeyError`` with Streamlit's message.
    """

    _state: SessionState

    def __init__(self, state: SessionState) -> None:
        object.__setattr__(self, "_state", state)

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self._state[key]
        except KeyError:
            return default

    def keys(self) -> KeysView[str]:
        return self._state.filtered_state().keys()

    def items(self) -> ItemsView[str, Any]:
        return self._state.filtered_state().items()

    def values(self) -> ValuesView[Any]:
        return self._state.filtered_state().values()

    def to_dict(self) -> dict[str, Any]:
        return self._state.filtered_state()

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.filtered_state())

    def __len__(self) -> int:
        return len(self._state.filtered_state())

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._state.set_from_outside(key, value)

    def __delitem__(self, key: str) -> None:
        del self._state[key]

    def __contains__(self, key: object) -> bool:
        return key in self._state.filtered_state()

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f"{key} not found in session_state.") from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f"{key} not found in session_state.") from None

    def __repr__(self) -> str:
        return repr(self._state.filtered_state())


# ---------------------------------------------------------------------------------- AppTest
_TMP_DIR: tempfile.TemporaryDirectory[str] | None = None
_FUNCTION_APPS: weakref.WeakValueDictionary[str, AppTest] = weakref.WeakValueDictionary()


def _tmp_dir() -> Path:
    global _TMP_DIR
    if _TMP_DIR is None:
        _TMP_DIR = tempfile.TemporaryDirectory(prefix="apptest-")
    return Path(_TMP_DIR.name)


def _function_args(token: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The args of an ``AppTest.from_function`` app (called by its generated script)."""
    at = _FUNCTION_APPS.get(token)
    if at is None:
        return (), {}
    return tuple(at.args or ()), dict(at.kwargs or {})


# st.context keys a browser sends with every rerun (AppTest.context), and their value types.
_CONTEXT_FIELDS: dict[str, type] = {
    "timezone": str,
    "timezone_offset": int,
    "locale": str,
    "url": str,
    "is_embedded": bool,
    "theme": str,
}


def _context_from_dict(context: object) -> dict[str, Any]:
    """Validate ``AppTest.context`` the way AppTest does; return the values to seed."""
    if not isinstance(context, dict):
        raise AppTestError(f"AppTest.context must be a dict, not {type(context).__name__}.")
    out: dict[str, Any] = {}
    for key, value in context.items():
        if key not in _CONTEXT_FIELDS:
            supported = ", ".join(repr(name) for name in sorted(_CONTEXT_FIELDS))
            raise AppTestError(
                f"AppTest.context does not support {key!r}. Supported keys: {supported}."
            )
        if value is None:
            continue
        value_type = _CONTEXT_FIELDS[key]
        if not isinstance(value, value_type) or (value_type is int and isinstance(value, bool)):
            raise AppTestError(
                f"AppTest.context[{key!r}] must be {value_type.__name__}, not {type(value).__name__}."
            )
        if key == "theme" and value not in ("light", "dark"):
            raise AppTestError(
                f"AppTest.context['theme'] must be 'light' or 'dark', not {value!r}."
            )
        if key == "timezone_offset" and isinstance(value, int) and not -(2**31) <= value < 2**31:
            raise AppTestError(
                f"AppTest.context[{key!r}] has an invalid value {value!r}: Value out of range: {value}"
            )
        out[key] = value
    return out


def _user_for_run(user: object) -> dict[str, Any]:
    """A copy of ``AppTest.user`` for one run (``st.logout()`` must not clear the test's dict)."""
    if not isinstance(user, dict):
        raise AppTestError(f"AppTest.user must be a dict, not {type(user).__name__}.")
    if all(type(v) in _ATOMIC_USER_VALUES for v in user.values()):
        return dict(user)  # what deepcopy gives for flat values (str keys and atomic values)
    import copy

    return copy.deepcopy(user)


_ATOMIC_USER_VALUES = frozenset({str, int, float, bool, type(None)})


class AppTest(_Queries):
    """A simulated Streamlit app, driven like ``streamlit.testing.v1.AppTest``.

    Create one with :meth:`from_file`, :meth:`from_string` or :meth:`from_function`, then
    call :meth:`run` and interact through the element accessors.

    Attributes:
        secrets: ``st.secrets`` of the simulated app; set keys before ``run()``.
        session_state: the app's Session State (item/attribute access, ``get``, ``keys``...).
        query_params: the query string; seed before ``run()``, read after (a repeated key
            is a list).
        user: ``st.user`` information (kept for API parity).
        context: ``st.context`` values (kept for API parity).

    Example:
        >>> at = AppTest.from_string('import streamlit as st\\nst.text_input("Name", key="n")')
        >>> at.run().text_input(key="n").input("Ada").run().session_state.n
        'Ada'
    """

    def __init__(
        self,
        script_path: str | Path,
        *,
        default_timeout: float,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        self._script_path = str(script_path)
        self.default_timeout = default_timeout
        self._session = Session(Script("", self._script_path), timeout=default_timeout)
        self._script_stamp: tuple[int, int] | None = None
        self.session_state = _AppTestSessionState(self._session.state)
        self.query_params: dict[str, Any] = {}
        self.secrets: dict[str, Any] = {}
        self.user: dict[str, Any] = {"email": "test@example.com"}
        self.context: dict[str, Any] = {}
        self.args = args
        self.kwargs = kwargs
        self._cleared_form_ids: set[str] = set()
        self._tree = ElementTree(self)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3) -> AppTest:
        """An app whose script is the (dedented) string ``script``."""
        return cls._from_string(script, default_timeout=default_timeout)

    @classmethod
    def _from_string(
        cls,
        script: str,
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        name = hashlib.md5(script.encode("utf-8"), usedforsecurity=False).hexdigest()
        path = _tmp_dir() / name
        path.write_text(textwrap.dedent(script), encoding="utf-8")
        return cls(str(path), default_timeout=default_timeout, args=args, kwargs=kwargs)

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> AppTest:
        """An app whose script is the body of ``script`` followed by a call to it."""
        source_lines, _ = inspect.getsourcelines(script)
        source = textwrap.dedent("".join(source_lines))
        name = script.__name__ if hasattr(script, "__name__") else "script"
        if args is None and kwargs is None:
            return cls._from_string(source + f"\n{name}()", default_timeout=default_timeout)
        token = f"{id(script):x}-{len(_FUNCTION_APPS)}-{hashlib.md5(source.encode(), usedforsecurity=False).hexdigest()[:8]}"
        while token in _FUNCTION_APPS:
            token += "_"
        module = (
            source
            + "\nimport apptest.testing as __apptest_testing"
            + f"\n__args, __kwargs = __apptest_testing._function_args({token!r})"
            + f"\n{name}(*__args, **__kwargs)"
        )
        at = cls._from_string(module, default_timeout=default_timeout, args=args, kwargs=kwargs)
        _FUNCTION_APPS[token] = at
        return at

    @classmethod
    def from_file(cls, script_path: str | Path, *, default_timeout: float = 3) -> AppTest:
        """An app from a script file; a relative path is resolved against the calling file."""
        path = Path(script_path)
        if not path.is_absolute():
            stack = traceback.StackSummary.extract(traceback.walk_stack(None))
            path = Path(stack[1].filename).parent / path
        if not path.is_file():
            raise FileNotFoundError(
                f"AppTest script not found at {path.resolve()}. Relative paths are "
                "resolved against the file that calls AppTest.from_file()."
            )
        return cls(path, default_timeout=default_timeout)

    # ------------------------------------------------------------------ running
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the script (again), sending the staged widget values.

        Args:
            timeout: seconds the run may take; ``None`` uses ``default_timeout``.

        Raises:
            RuntimeError: ``AppTest script run timed out after N(s)``.
        """
        return self._tree.run(timeout=timeout)

    def _load_script(self) -> None:
        path = self._script_path
        try:
            st = os.stat(path)
        except OSError:
            raise FileNotFoundError(f"File not found at {path}") from None
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self._script_stamp:
            self._session.script = Script(
                Path(path).read_text(encoding="utf-8"), str(Path(path).resolve())
            )
            self._script_stamp = stamp

    def _run(
        self, widget_states: dict[str, Any] | None = None, timeout: float | None = None
    ) -> AppTest:
        if timeout is None:
            timeout = self.default_timeout
        # Validate before any side effect, as AppTest does.
        context = _context_from_dict(self.context)
        user = _user_for_run(self.user)
        self._load_script()
        session = self._session
        session.secrets = self.secrets
        if self.query_params or session.query_params.params:
            from apptest.runtime.streamlit_api.query_params import QueryParamsData

            session.query_params = QueryParamsData(self.query_params)
        stores = session.stores
        stores["user"] = user
        stores["context"] = context
        session.run(widget_states if widget_states is not None else {}, timeout=timeout)
        self._tree = ElementTree._from_roots(session.roots, self)
        params = session.query_params.params
        self.query_params = (
            {k: (v[0] if len(v) == 1 else list(v)) for k, v in params.items() if v} if params else {}
        )
        self.user = dict(stores.get("user", user))
        return self

    def switch_page(self, page_path: str) -> AppTest:
        """Switch to a page of an ``st.navigation`` app; call ``run()`` next.

        ``page_path`` is relative to the main script. Apps with a ``pages/`` folder (no
        ``st.navigation``) are not simulated by apptest: this raises ``NotImplementedError``.

        Raises:
            ValueError: no such file, or the file is not a page registered by ``st.navigation``.
        """
        main_dir = Path(self._script_path).parent
        full = main_dir / page_path
        if not full.is_file():
            raise ValueError(
                f"Could not find page {page_path!r} relative to the main script "
                f"{self._script_path!r}. Resolved page path: {str(full.resolve())!r}."
            )
        target = full.resolve()
        if (main_dir / "pages").is_dir():
            # With a pages/ folder AppTest runs the page file itself (multipage v1), which
            # apptest does not simulate.
            raise NotImplementedError(
                f"AppTest.switch_page({page_path!r}) is not supported by apptest for apps with a "
                "pages/ folder: apptest only simulates multipage apps made with st.navigation. "
                "Test the page on its own with AppTest.from_file()."
            )
        nav = self._session.stores.get("navigation") or {}
        pages: list[dict[str, Any]] = list(nav.get("pages", []))
        if not pages:
            raise NotImplementedError(
                f"AppTest.switch_page({page_path!r}) needs pages registered by st.navigation in an "
                "earlier run: apptest does not simulate multipage apps made with a pages/ folder. "
                "Call run() first, or test the page on its own with AppTest.from_file()."
            )

        def script_path(info: dict[str, Any]) -> Path | None:
            raw = info.get("script_path")
            if not raw:
                return None
            p = Path(str(raw))
            return (p if p.is_absolute() else main_dir / p).resolve()

        matches = [info for info in pages if script_path(info) == target]
        if matches:
            preferred = [m for m in matches if m.get("url_pathname") == target.stem]
            chosen = (preferred or matches)[0]
            self._session.stores["requested_page_hash"] = chosen["page_script_hash"]
            return self
        known = [
            str(info["script_path"])
            if info.get("script_path")
            else str(
                info.get("url_pathname") or info.get("page_name") or info.get("page_script_hash")
            )
            for info in pages
        ]
        raise ValueError(
            f"Could not find a navigation page for {str(target)!r}. "
            "AppTest.switch_page() matches registered script paths. "
            "If page registration depends on Session State, call "
            "AppTest.run() after updating the state and before switching. "
            f"Known pages: {known}."
        )

    # ------------------------------------------------------------------ the tree
    @property
    def main(self) -> Block:
        """The main area of the app."""
        return self._tree.main

    @property
    def sidebar(self) -> Block:
        """The sidebar of the app."""
        return self._tree.sidebar

    def __len__(self) -> int:
        return len(self._tree)

    def __iter__(self) -> Iterator[Node]:
        yield from self._tree

    def __getitem__(self, idx: int) -> Node:
        return self._tree[idx]

    def get(self, element_type: str) -> Sequence[Node]:
        """Nodes of an AppTest collection name (``"button"``, ``"tabs"``...) or node type."""
        return self._tree.get(element_type)

    def get_by_key(self, key: str) -> Node:
        """The one node with this user key."""
        return self._tree.get_by_key(key)

    def __repr__(self) -> str:
        values = [
            (k, v)
            for k, v in (
                ("_script_path", self._script_path),
                ("default_timeout", self.default_timeout),
                ("session_state", self.session_state),
                ("query_params", self.query_params),
                ("secrets", self.secrets),
                ("user", self.user),
                ("_tree", self._tree),
            )
            if not isinstance(v, dict) or v
        ]
        return _tree_repr(self, values)
