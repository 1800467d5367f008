"""Module-level names of the streamlit namespace that are neither element methods nor services
(st.column_config, st.components, st.typing, st.user, config options, compatibility modules, ...).

Submodules apps import as modules (``import streamlit.components.v1 as components``,
``from streamlit import column_config``) are real :class:`types.ModuleType` objects: the ones
the runtime installs as ``streamlit.<name>`` before any app runs (see the package's
``SUBMODULE_DOCS``); this module, imported on first use, defines their contents. The dotted ones
(``components.v1``) are also reachable through the attribute chain (``st.components.v1``).

Names that ``services`` (or ``control``) already define are not exported from here, so the
fallbacks below never shadow the real implementations.
"""

from __future__ import annotations

import datetime
import inspect
import json
import logging
import os
import secrets as _secrets_mod
import sys
import threading
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from apptest.runtime import context as _context
from apptest.runtime.elements import Element
from apptest.runtime.streamlit_api import LAZY_HOOKS, submodule
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api import services as _services
from apptest.runtime.streamlit_api.core import register_widget, widget_id
from apptest.runtime.streamlit_api.delta_generator import DeltaGenerator
from apptest.runtime.streamlit_api.elements_more import (
    DataEditorState,
    DataframeState,
    EChartsState,
    PlotlyState,
    PydeckState,
    ReadOnlyAttributeDictionary,
    VegaLiteState,
)

_LOGGER = logging.getLogger("streamlit")
_VERSION = "1.67.0"


def _module(name: str, attrs: Mapping[str, Any]) -> types.ModuleType:
    """Define the contents of ``name``, whose (empty) module object the runtime may have installed."""
    mod = submodule(name.removeprefix("streamlit."))
    d = mod.__dict__
    for hook in LAZY_HOOKS:
        d.pop(hook, None)
    d.update(attrs)
    d.setdefault("__all__", [k for k in attrs if not k.startswith("_")])
    return mod


def _main_dg() -> DeltaGenerator:
    return DeltaGenerator("main")


def _deprecated_name(old: str, new: str, date: str) -> None:
    _LOGGER.warning(f"Please replace `{old}` with `{new}`.\n\n`{old}` will be removed after {date}.")


# ====================================================================================== column_config
def _iso(v: Any) -> Any:
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, datetime.timedelta):
        return v.total_seconds()
    return v


def _base(label: Any, width: Any, help: Any, pinned: Any, *,
          disabled: Any = ..., required: Any = ..., alignment: Any = ..., default: Any = ...,
          type_config: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"label": label, "width": width, "help": help}
    if disabled is not ...:
        out["disabled"] = disabled
    if required is not ...:
        out["required"] = required
    out["pinned"] = pinned
    if alignment is not ...:
        out["alignment"] = alignment
    if default is not ...:
        out["default"] = default
    if type_config is not None:
        out["type_config"] = type_config
    return out


def Column(label: str | None = None, *, width: Any = None, help: str | None = None,
           disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
           alignment: str | None = None) -> dict[str, Any]:
    """A generic column configuration (``st.column_config.Column``)."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment)


def TextColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None) -> dict[str, Any]:
    """A text column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=default, type_config={"type": "text", "max_chars": max_chars, "validate": validate})


def NumberColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                 alignment: str | None = None, default: Any = None, format: Any = None,
                 min_value: Any = None, max_value: Any = None, step: Any = None) -> dict[str, Any]:
    """A number column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=default, type_config={"type": "number", "min_value": min_value, "max_value": max_value,
                                               "format": format, "step": step})


def CheckboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: bool | None = None) -> dict[str, Any]:
    """A checkbox column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=default, type_config={"type": "checkbox"})


def _options(options: Iterable[Any] | None, format_func: Callable[[Any], str] | None) -> Any:
    if options is None:
        return None
    opts = list(options)
    if format_func is None:
        return opts
    return [{"value": o, "label": format_func(o)} for o in opts]


def SelectboxColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                    disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                    default: Any = None, options: Iterable[Any] | None = None,
                    format_func: Callable[[Any], str] | None = None) -> dict[str, Any]:
    """A selectbox column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, default=default,
                 type_config={"type": "selectbox", "options": _options(options, format_func)})


def MultiselectColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                      disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                      default: Iterable[str] | None = None, options: Iterable[str] | None = None,
                      accept_new_options: bool | None = None, color: Any = None,
                      format_func: Callable[[str], str] | None = None) -> dict[str, Any]:
    """A multiselect column configuration."""
    opts = None
    if options is not None:
        opts = []
        for o in options:
            entry: dict[str, Any] = {"value": o}
            if format_func is not None:
                entry["label"] = format_func(o)
            if isinstance(color, str) and color != "auto":
                entry["color"] = color
            opts.append(entry)
    return _base(label, width, help, pinned, disabled=disabled, required=required,
                 default=list(default) if default is not None else None,
                 type_config={"type": "multiselect", "options": opts, "accept_new_options": accept_new_options})


def _temporal(kind: str, label: Any, width: Any, help: Any, disabled: Any, required: Any,
              pinned: Any, alignment: Any, default: Any, format: Any, min_value: Any,
              max_value: Any, step: Any, **extra: Any) -> dict[str, Any]:
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=_iso(default), type_config={"type": kind, "format": format, "min_value": _iso(min_value),
                                                     "max_value": _iso(max_value), "step": _iso(step), **extra})


def DateColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: Any = None, format: Any = None,
               min_value: Any = None, max_value: Any = None, step: int | None = None) -> dict[str, Any]:
    """A date column configuration."""
    return _temporal("date", label, width, help, disabled, required, pinned, alignment, default, format,
                     min_value, max_value, step)


def TimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: Any = None, format: Any = None,
               min_value: Any = None, max_value: Any = None, step: Any = None) -> dict[str, Any]:
    """A time column configuration."""
    return _temporal("time", label, width, help, disabled, required, pinned, alignment, default, format,
                     min_value, max_value, step)


def DatetimeColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: Any = None, format: Any = None,
                   min_value: Any = None, max_value: Any = None, step: Any = None,
                   timezone: str | None = None) -> dict[str, Any]:
    """A datetime column configuration."""
    return _temporal("datetime", label, width, help, disabled, required, pinned, alignment, default, format,
                     min_value, max_value, step, timezone=timezone)


def LinkColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
               alignment: str | None = None, default: str | None = None, max_chars: int | None = None,
               validate: str | None = None, display_text: str | None = None) -> dict[str, Any]:
    """A link column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=default, type_config={"type": "link", "max_chars": max_chars, "validate": validate,
                                               "display_text": display_text})


def ListColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, disabled: bool | None = None, required: bool | None = None,
               default: Iterable[str] | None = None) -> dict[str, Any]:
    """A list column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required,
                 default=list(default) if default is not None else None, type_config={"type": "list"})


def _simple(kind: str) -> Callable[..., dict[str, Any]]:
    def column(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, alignment: str | None = None) -> dict[str, Any]:
        return _base(label, width, help, pinned, alignment=alignment, type_config={"type": kind})

    column.__name__ = column.__qualname__ = f"{kind.capitalize()}Column"
    column.__doc__ = f"A {kind} column configuration."
    return column


ImageColumn = _simple("image")
JsonColumn = _simple("json")
AudioColumn = _simple("audio")
VideoColumn = _simple("video")


def MarkdownColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   disabled: bool | None = None, required: bool | None = None, pinned: bool | None = None,
                   alignment: str | None = None, default: str | None = None) -> dict[str, Any]:
    """A Markdown column configuration."""
    return _base(label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
                 default=default, type_config={"type": "markdown"})


def ProgressColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                   pinned: bool | None = None, format: Any = None, min_value: Any = None,
                   max_value: Any = None, step: Any = None, color: Any = None) -> dict[str, Any]:
    """A progress column configuration."""
    return _base(label, width, help, pinned, type_config={"type": "progress", "format": format,
                                                          "min_value": min_value, "max_value": max_value,
                                                          "step": step, "color": color})


def _chart_column(kind: str) -> Callable[..., dict[str, Any]]:
    def column(label: str | None = None, *, width: Any = None, help: str | None = None,
               pinned: bool | None = None, y_min: Any = None, y_max: Any = None, color: Any = None) -> dict[str, Any]:
        return _base(label, width, help, pinned, type_config={"type": kind, "y_min": y_min, "y_max": y_max,
                                                              "color": color})

    name = "".join(p.capitalize() for p in kind.split("_")) + "Column"
    column.__name__ = column.__qualname__ = name
    column.__doc__ = f"A {kind.replace('_', ' ')} column configuration."
    return column


LineChartColumn = _chart_column("line_chart")
BarChartColumn = _chart_column("bar_chart")
AreaChartColumn = _chart_column("area_chart")


def ButtonColumn(label: str | None = None, *, width: Any = None, help: str | None = None,
                 pinned: bool | None = None, alignment: str | None = None, type: str = "secondary",
                 on_click: Any = None, args: Any = None, kwargs: Any = None, key: str | None = None) -> dict[str, Any]:
    """A button column configuration (clicks are not simulated)."""
    out = _base(label, width, help, pinned, alignment=alignment)
    out["disabled"] = True
    out["type_config"] = {"type": "button", "button_type": type}
    return out


_COLUMN_NAMES = ("AreaChartColumn", "AudioColumn", "BarChartColumn", "ButtonColumn", "CheckboxColumn", "Column",
                 "DateColumn", "DatetimeColumn", "ImageColumn", "JsonColumn", "LineChartColumn", "LinkColumn",
                 "ListColumn", "MarkdownColumn", "MultiselectColumn", "NumberColumn", "ProgressColumn",
                 "SelectboxColumn", "TextColumn", "TimeColumn", "VideoColumn")
column_config = _module("streamlit.column_config", {n: globals()[n] for n in _COLUMN_NAMES})
for _n in _COLUMN_NAMES:
    globals()[_n].__module__ = "streamlit.column_config"


# ====================================================================================== components
class MarshallComponentException(E.StreamlitAPIException):
    """Raised when a custom component's arguments cannot be marshalled."""


def _check_tab_index(tab_index: Any) -> None:
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise E.StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise E.StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])


def _json_safe(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(value)} bytes>"
    mod = type(value).__module__ or ""
    if mod.startswith(("pandas", "numpy", "pyarrow", "polars")):
        from apptest.runtime.streamlit_api.elements_more import table_summary

        return table_summary(value)
    return value


class CustomComponent:
    """What ``components.declare_component`` returns: calling it renders one component instance."""

    def __init__(self, name: str, path: str | None = None, url: str | None = None,
                 module_name: str | None = None) -> None:
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name

    @property
    def abspath(self) -> str | None:
        return None if self.path is None else os.path.abspath(self.path)

    def __call__(self, *args: Any, default: Any = None, key: str | None = None, on_change: Any = None,
                 tab_index: int | None = None, **kwargs: Any) -> Any:
        return self.create_instance(*args, default=default, key=key, on_change=on_change, tab_index=tab_index,
                                    **kwargs)

    def create_instance(self, *args: Any, default: Any = None, key: str | None = None, on_change: Any = None,
                        tab_index: int | None = None, **kwargs: Any) -> Any:
        if args:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        if on_change is not None and not callable(on_change):
            if isinstance(on_change, str) and on_change in ("rerun", "ignore"):
                raise E.StreamlitAPIException(
                    f'`on_change="{on_change}"` is not supported on this widget. Pass a callback, or omit `on_change`.',
                    error_id="unsupported-on-change-mode",
                )
            raise E.StreamlitValueError("on_change", ["a callback function"])
        _check_tab_index(tab_index)
        all_args = dict(kwargs, default=default, key=key)
        json_args: dict[str, Any] = {}
        special: dict[str, Any] = {}
        for arg_name, value in all_args.items():
            safe = _json_safe(value)
            if safe is value:
                json_args[arg_name] = value
            else:
                special[arg_name] = safe
        try:
            serialized = json.dumps(json_args)
        except Exception as ex:
            raise MarshallComponentException("Could not convert component args to JSON", ex) from ex
        ctx = _context.require()
        dg = _main_dg()
        eid = widget_id(ctx, "component_instance", key, dg, {"name", "url"}, {
            "name": self.name, "url": self.url, "json_args": serialized, "special_args": repr(special),
        })
        value, _ = register_widget(
            ctx, element_id=eid, element_type="component_instance", user_key=key,
            deserializer=lambda wire: wire, serializer=lambda v: v, on_change=on_change, value_type="json_value",
            form_id=dg._form_id(ctx), label=self.name,
        )
        result = default if value is None else value
        shown_args = {k: v for k, v in json_args.items() if k not in ("key", "default")}
        shown_args.update({k: v for k, v in special.items() if k not in ("key", "default")})
        props: dict[str, Any] = {"id": eid, "key": key, "name": self.name, "args": shown_args, "value": result}
        if self.url is not None:
            props["url"] = self.url
        dg._enqueue(ctx, Element("component_instance", props))
        return result

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (self.name, self.path, self.url, self.module_name) == (
            other.name, other.path, other.url, other.module_name)

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url, self.module_name))

    def __repr__(self) -> str:
        return f"CustomComponent('{self.name}': {self.path if self.path is not None else self.url})"

    __str__ = __repr__


def declare_component(name: str, path: Any = None, url: str | None = None) -> CustomComponent:
    """Declare a custom component; calling it records a ``component_instance`` and returns ``default``
    (or the value the frontend sent)."""
    if path is not None:
        path = str(path)
    frame = inspect.currentframe()
    caller = frame.f_back if frame is not None else None
    module_name = "__main__"
    if caller is not None:
        module_name = str(caller.f_globals.get("__name__", "__main__"))
        if module_name == "__main__":
            module_name = os.path.splitext(os.path.basename(caller.f_code.co_filename))[0]
    return CustomComponent(name=f"{module_name}.{name}", path=path, url=url, module_name=module_name)


def _components_html(html: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
                     tab_index: int | None = None) -> Any:
    _deprecated_name("st.components.v1.html", "st.iframe", "2026-06-01")
    return _main_dg()._html(html, width=width, height=height, scrolling=scrolling, tab_index=tab_index)


def _components_iframe(src: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
                       tab_index: int | None = None) -> Any:
    _deprecated_name("st.components.v1.iframe", "st.iframe", "2026-06-01")
    return _main_dg()._iframe(src, width=width, height=height, scrolling=scrolling, tab_index=tab_index)


_components_html.__name__ = _components_html.__qualname__ = "html"
_components_iframe.__name__ = _components_iframe.__qualname__ = "iframe"


class ComponentRenderer:
    """What ``components.v2.component`` returns (a bidirectional component)."""

    def __init__(self, name: str, html: str | None, css: str | None, js: str | None) -> None:
        self.name = name
        self.html = html
        self.css = css
        self.js = js

    def __call__(self, *, key: str | None = None, data: Any = None, default: Any = None, width: Any = "stretch",
                 height: Any = "content", isolate_styles: bool = True, **callbacks: Any) -> Any:
        ctx = _context.require()
        dg = _main_dg()
        defaults = dict(default) if isinstance(default, Mapping) else {}
        eid = widget_id(ctx, "bidi_component", key, dg, True, {
            "name": self.name, "data": json.dumps(_json_safe(data), default=str),
        })
        value, _ = register_widget(
            ctx, element_id=eid, element_type="bidi_component", user_key=key,
            deserializer=lambda wire: defaults if wire is None else wire, serializer=lambda v: v,
            value_type="json_value", form_id=dg._form_id(ctx), label=self.name,
        )
        state = dict(value) if isinstance(value, Mapping) else {"value": value}
        dg._enqueue(ctx, Element("bidi_component", {"id": eid, "key": key, "name": self.name,
                                                    "data": _json_safe(data), "value": state}))
        return ReadOnlyAttributeDictionary(state)


def component(name: str, *, html: str | None = None, css: str | None = None, js: str | None = None,
              isolate_styles: bool = True) -> ComponentRenderer:
    """Declare a v2 (bidirectional) component."""
    if not isinstance(name, str) or not name:
        raise E.StreamlitInvalidParameterTypeError("name", type(name).__name__, ["str"])
    return ComponentRenderer(name, html, css, js)


components_v1 = _module("streamlit.components.v1", {
    "html": _components_html, "iframe": _components_iframe, "declare_component": declare_component,
    "CustomComponent": CustomComponent, "MarshallComponentException": MarshallComponentException,
})
components_v1.__dict__["__all__"] = ["declare_component", "html", "iframe"]
components_v2 = _module("streamlit.components.v2", {"component": component})
components = _module("streamlit.components", {"v1": components_v1, "v2": components_v2})
components.__path__ = []  # a package, so `import streamlit.components.v1` resolves through it


# ====================================================================================== typing
def _find_class(name: str) -> Any:
    for modname in ("widgets_other", "widgets_basic", "widgets_selection", "widgets_numeric", "layout",
                    "services", "text"):
        mod = sys.modules.get(f"apptest.runtime.streamlit_api.{modname}")
        obj = getattr(mod, name, None) if mod is not None else None
        if isinstance(obj, type):
            return obj
    return None


def _typing_getattr(name: str) -> Any:
    if name in ("ChatInputValue", "UploadedFile", "ButtonColumnClickState"):
        found = _find_class(name)
        if found is not None:
            return found
        placeholder = type(name, (ReadOnlyAttributeDictionary,) if name == "ButtonColumnClickState" else (), {
            "__module__": "streamlit.typing", "__doc__": f"Placeholder for streamlit.typing.{name}."})
        typing.__dict__[name] = placeholder
        return placeholder
    raise AttributeError(f"module 'streamlit.typing' has no attribute '{name}'")


typing = _module("streamlit.typing", {
    "DataEditorState": DataEditorState, "DataframeState": DataframeState, "EChartsState": EChartsState,
    "PlotlyState": PlotlyState, "PydeckState": PydeckState, "VegaLiteState": VegaLiteState,
    "__getattr__": _typing_getattr,
})
typing.__dict__["__all__"] = ["ButtonColumnClickState", "ChatInputValue", "DataEditorState", "DataframeState", "EChartsState",
                  "PlotlyState", "PydeckState", "UploadedFile", "VegaLiteState"]


# ====================================================================================== config
# Defaults of Streamlit 1.67's config options (options whose default is None are listed by name).
_CONFIG_DEFAULTS: dict[str, Any] = {
    "global.disableWidgetStateDuplicationWarning": False, "global.showWarningOnDirectExecution": True,
    "global.developmentMode": False, "global.e2eTest": False, "global.unitTest": False, "global.appTest": False,
    "global.suppressDeprecationWarnings": False, "global.minCachedMessageSize": 10000.0,
    "global.maxCachedMessageAge": 2, "logger.level": "info", "logger.messageFormat": "%(asctime)s %(message)s",
    "logger.enableRich": False, "logger.hideWelcomeMessage": False, "client.showErrorDetails": "full",
    "client.toolbarMode": "auto", "client.disableDataExport": False, "client.showSidebarNavigation": True,
    "client.showErrorLinks": "auto", "client.allowedOrigins": [], "runner.magicEnabled": True,
    "runner.postScriptGC": True, "runner.fastReruns": True, "runner.enforceSerializableSessionState": False,
    "runner.enumCoercion": "nameOnly", "runner.cacheBackgroundRefreshMaxWorkers": 4,
    "runner.cacheBackgroundRefreshTTLMultiplier": 2.0, "runner.cacheHashSeed": 0, "server.folderWatchList": [],
    "server.folderWatchBlacklist": [], "server.fileWatcherType": "auto", "server.enableExpensiveMemoryStats": False,
    "server.cookieSecret": _secrets_mod.token_hex(32), "server.headless": True, "server.showEmailPrompt": True,
    "server.runOnSave": False, "server.allowRunOnSave": True, "server.port": 8501,
    "server.scriptHealthCheckEnabled": False, "server.baseUrlPath": "", "server.customComponentBaseUrlPath": "",
    "server.enableCORS": True, "server.corsAllowedOrigins": [], "server.allowedHosts": [],
    "server.enableXsrfProtection": True, "server.xsrfCookieSameSite": "lax", "server.maxUploadSize": 200,
    "server.maxMessageSize": 200, "server.maxWidgetStateSize": 25, "server.enableWebsocketCompression": False,
    "server.enableStaticServing": False, "server.disconnectedSessionTTL": 120, "server.enableAgentApi": False,
    "server.agentWaitTimeout": 30, "server.agentSessionTTL": 900, "server.agentMaxSessions": 100,
    "server.agentPreviewRows": 100, "server.trustedUserHeaders": {}, "server.unsafeMetricsUserAttributes": [],
    "browser.serverAddress": "localhost", "browser.gatherUsageStats": True, "browser.serverPort": 8501,
    "magic.displayRootDocString": False, "magic.displayLastExprIfNoSemicolon": False,
}
_THEME_SECTION_OPTIONS = ["primaryColor", "backgroundColor", "secondaryBackgroundColor", "textColor", "redColor", "orangeColor", "yellowColor", "blueColor", "greenColor", "violetColor", "grayColor", "redBackgroundColor", "orangeBackgroundColor", "yellowBackgroundColor", "blueBackgroundColor", "greenBackgroundColor", "violetBackgroundColor", "grayBackgroundColor", "redTextColor", "orangeTextColor", "yellowTextColor", "blueTextColor", "greenTextColor", "violetTextColor", "grayTextColor", "linkColor", "linkUnderline", "codeTextColor", "codeBackgroundColor", "font", "headingFont", "headingFontSizes", "headingFontWeights", "codeFont", "codeFontSize", "codeFontWeight", "baseRadius", "buttonRadius", "paddingTop", "paddingBottom", "borderColor", "dataframeBorderColor", "dataframeHeaderBackgroundColor", "dataframeHeaderTextColor", "showWidgetBorder", "chartCategoricalColors", "chartSequentialColors", "chartDivergingColors"]
_THEME_ONLY_OPTIONS = ["base", "fontFaces", "baseFontSize", "baseFontWeight", "metricValueFontSize", "metricValueFontWeight", "showSidebarBorder"]
_NONE_OPTIONS = frozenset(
    ["runner.parallelMaxWorkers", "runner.connectionDefaultTTL", "server.maxCacheDataSize", "server.address",
     "server.websocketPingInterval", "server.sslCertFile", "server.sslKeyFile"]
    + [f"theme.{o}" for o in (*_THEME_SECTION_OPTIONS, *_THEME_ONLY_OPTIONS)]
    + [f"{section}.{o}" for section in ("theme.sidebar", "theme.light", "theme.dark", "theme.light.sidebar",
                                         "theme.dark.sidebar") for o in _THEME_SECTION_OPTIONS]
)
_SCRIPTABLE_OPTIONS = frozenset({"logger.enableRich", "client.showErrorDetails", "client.toolbarMode",
                                 "client.disableDataExport", "client.showSidebarNavigation"})
_global_overrides: dict[str, Any] = {}


def _overrides() -> dict[str, Any]:
    ctx = _context.current()
    if ctx is None:
        return _global_overrides
    overrides: dict[str, Any] = ctx.session.stores.setdefault("config_overrides", {})
    return overrides


def get_option(key: str) -> Any:
    """The value of a config option (``st.get_option``)."""
    over = _overrides()
    if key in over:
        return over[key]
    if key in _CONFIG_DEFAULTS:
        value = _CONFIG_DEFAULTS[key]
        return list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
    if key in _NONE_OPTIONS:
        return None
    raise RuntimeError(f'Config key "{key}" not defined.')


def set_option(key: str, value: Any) -> None:
    """Set a config option at runtime (``st.set_option``): only the scriptable ones."""
    if key not in _CONFIG_DEFAULTS and key not in _NONE_OPTIONS:
        raise E.StreamlitAPIException(f"Unrecognized config option: {key}")
    if key not in _SCRIPTABLE_OPTIONS:
        raise E.StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. streamlit run script.py --{key}, "
            "or in config.toml instead."
        )
    _overrides()[key] = value


config = _module("streamlit.config", {"get_option": get_option, "set_option": set_option, "set_user_option": set_option})


# ====================================================================================== connections
class BaseConnection:
    """Base class of ``st.connection`` connections (subclass it and implement ``_connect``)."""

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._raw_instance: Any = self._connect(**kwargs)

    def _connect(self, **kwargs: Any) -> Any:
        raise NotImplementedError

    @property
    def _secrets(self) -> Any:
        secrets = getattr(_services, "secrets", None)
        if secrets is None:
            return {}
        try:
            return secrets.get("connections", {}).get(self._connection_name, {})
        except Exception:
            return {}

    def reset(self) -> None:
        self._raw_instance = None

    def _instance(self) -> Any:
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._connection_name}>"


ExperimentalBaseConnection = BaseConnection


class SQLConnection(BaseConnection):
    """``st.connection(type="sql")`` (needs SQLAlchemy)."""

    def _connect(self, **kwargs: Any) -> Any:
        try:
            import sqlalchemy  # type: ignore[import-not-found, unused-ignore]
        except ImportError as err:
            raise ModuleNotFoundError(
                "No module named 'sqlalchemy'. To use SQLConnection, install it with `pip install SQLAlchemy`."
            ) from err
        url = kwargs.pop("url", None) or dict(self._secrets).get("url")
        if not url:
            raise E.StreamlitAPIException("Missing SQL DB connection configuration. Did you forget to set this in "
                                          "`secrets.toml` or as kwargs to `st.connection`?")
        return sqlalchemy.create_engine(url, **kwargs)

    def query(self, sql: str, *, ttl: Any = None, index_col: Any = None, chunksize: Any = None, params: Any = None,
              **kwargs: Any) -> Any:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
        import sqlalchemy

        with self._instance().connect() as con:
            return pd.read_sql(sqlalchemy.text(sql), con, index_col=index_col, chunksize=chunksize, params=params,
                               **kwargs)

    @property
    def engine(self) -> Any:
        return self._instance()

    @property
    def driver(self) -> str:
        return str(self._instance().driver)

    @property
    def session(self) -> Any:
        from sqlalchemy.orm import Session  # type: ignore[import-not-found, unused-ignore]

        return Session(self._instance())


class SnowflakeConnection(BaseConnection):
    """``st.connection(type="snowflake")`` (needs snowflake-connector-python)."""

    def _connect(self, **kwargs: Any) -> Any:
        try:
            import snowflake.connector  # type: ignore[import-not-found, unused-ignore]
        except ImportError as err:
            raise ModuleNotFoundError("No module named 'snowflake'. To use SnowflakeConnection, install "
                                      "snowflake-connector-python.") from err
        return snowflake.connector.connect(**{**dict(self._secrets), **kwargs})


SnowparkConnection = SnowflakeConnection
_connections: dict[tuple[Any, ...], BaseConnection] = {}
_connections_lock = threading.Lock()


def connection(name: str, type: Any = None, max_entries: int | None = None, ttl: Any = None,
               **kwargs: Any) -> Any:
    """Create or reuse a connection (``st.connection``); instances are shared like ``cache_resource``."""
    conn_type = type
    if conn_type is None:
        if name == "sql":
            conn_type = "sql"
        elif name == "snowflake":
            conn_type = "snowflake"
        else:
            secrets = getattr(_services, "secrets", None)
            try:
                conn_type = secrets["connections"][name]["type"] if secrets is not None else None
            except Exception:
                conn_type = None
    if conn_type is None:
        raise E.StreamlitAPIException(
            "Connection type not provided. Either provide a type to st.connection or specify a type field in "
            "the connection config in secrets.toml."
        )
    builtin = {"sql": SQLConnection, "snowflake": SnowflakeConnection, "snowpark": SnowparkConnection}
    if isinstance(conn_type, str):
        if conn_type in builtin:
            cls: Any = builtin[conn_type]
        else:
            module_name, _, class_name = conn_type.rpartition(".")
            import importlib

            cls = getattr(importlib.import_module(module_name), class_name)
    else:
        cls = conn_type
    key = (name, cls, json.dumps(kwargs, sort_keys=True, default=str))
    with _connections_lock:
        conn = _connections.get(key)
        if conn is None:
            conn = cls(connection_name=name, **kwargs)
            _connections[key] = conn
    return conn


connections = _module("streamlit.connections", {
    "BaseConnection": BaseConnection, "ExperimentalBaseConnection": ExperimentalBaseConnection,
    "SQLConnection": SQLConnection, "SnowflakeConnection": SnowflakeConnection,
    "SnowparkConnection": SnowparkConnection,
})


# ====================================================================================== runtime shims
class ScriptRunContext:
    """What ``get_script_run_ctx()`` returns while a script runs under apptest."""

    def __init__(self, ctx: Any) -> None:
        session = ctx.session
        self._ctx = ctx
        self.session_id: str = session.stores.setdefault("session_id", f"apptest-session-{id(session):x}")
        self.page_script_hash: str = ctx.page_hash
        self.script_requests = None

    @property
    def user_info(self) -> dict[str, Any]:
        return _services._user_info()

    @property
    def session_state(self) -> Any:
        from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

        return SessionStateProxy()


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The current script run context, or None outside a run."""
    ctx = _context.current()
    if ctx is None:
        if not suppress_warning:
            _LOGGER.warning("missing ScriptRunContext! This warning can be ignored when running in bare mode.")
        return None
    cached = ctx.extra.get("script_run_ctx")
    if cached is None:
        cached = ScriptRunContext(ctx)
        ctx.extra["script_run_ctx"] = cached
    return cached


def add_script_run_ctx(thread: Any = None, ctx: Any = None) -> Any:
    """Attach the run context to a thread (a no-op under apptest: the context is process-wide)."""
    return thread if thread is not None else threading.current_thread()


def _runtime_exists() -> bool:
    return False


def _lazy_module(name: str, attrs: Mapping[str, Any], lazy: Mapping[str, str]) -> types.ModuleType:
    """A module whose ``lazy`` names are looked up in our modules on first access."""
    mod = _module(name, attrs)

    def __getattr__(attr: str) -> Any:
        target = lazy.get(attr)
        if target is not None:
            found = _find_class(target)
            if found is None:
                modname, _, objname = target.rpartition(":")
                if modname:
                    import importlib

                    found = getattr(importlib.import_module(modname), objname, None)
            if found is not None:
                return found
        raise AttributeError(f"module '{name}' has no attribute '{attr}'")

    mod.__dict__["__getattr__"] = __getattr__
    return mod


def _exceptions() -> dict[str, Any]:
    from apptest.runtime.script_runner import RerunException, StopException

    return {"RerunException": RerunException, "StopException": StopException}


scriptrunner = _module("streamlit.runtime.scriptrunner", {
    "get_script_run_ctx": get_script_run_ctx, "add_script_run_ctx": add_script_run_ctx,
    "ScriptRunContext": ScriptRunContext, **_exceptions(),
})
script_run_context = _module("streamlit.runtime.scriptrunner_utils.script_run_context", {
    "get_script_run_ctx": get_script_run_ctx, "add_script_run_ctx": add_script_run_ctx,
    "ScriptRunContext": ScriptRunContext,
})
scriptrunner_utils = _module("streamlit.runtime.scriptrunner_utils", {"script_run_context": script_run_context})
uploaded_file_manager = _lazy_module("streamlit.runtime.uploaded_file_manager", {},
                                     {"UploadedFile": "UploadedFile"})


def _session_state_proxy() -> Any:
    from apptest.runtime.streamlit_api.state_proxy import SessionStateProxy

    return SessionStateProxy


runtime_state = _module("streamlit.runtime.state", {"SessionStateProxy": _session_state_proxy()})
runtime = _module("streamlit.runtime", {
    "exists": _runtime_exists, "scriptrunner": scriptrunner, "scriptrunner_utils": scriptrunner_utils,
    "uploaded_file_manager": uploaded_file_manager, "state": runtime_state,
})
runtime.__path__ = []
scriptrunner_utils.__path__ = []

delta_generator = _module("streamlit.delta_generator", {"DeltaGenerator": DeltaGenerator})
version = _module("streamlit.version", {
    "STREAMLIT_VERSION_STRING": _VERSION, "__version__": _VERSION,
})


# ====================================================================================== fallbacks
bottom = DeltaGenerator("bottom")


class App:
    """``st.App``: the ASGI app wrapper of ``streamlit run`` (not runnable under apptest)."""

    def __init__(self, script_path: Any = None, **kwargs: Any) -> None:
        self.script_path = script_path
        self.kwargs = kwargs

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise E.StreamlitAPIException("st.App cannot serve requests under the apptest runtime.")


# ====================================================================================== exports
_SUBMODULE_TABLE: dict[str, types.ModuleType] = {
    "components": components,
    "components.v1": components_v1,
    "components.v2": components_v2,
    "column_config": column_config,
    "typing": typing,
    "config": config,
    "connections": connections,
    "delta_generator": delta_generator,
    "version": version,
    "runtime": runtime,
    "runtime.scriptrunner": scriptrunner,
    "runtime.scriptrunner_utils": scriptrunner_utils,
    "runtime.scriptrunner_utils.script_run_context": script_run_context,
    "runtime.uploaded_file_manager": uploaded_file_manager,
    "runtime.state": runtime_state,
}
SUBMODULE_NAMES: tuple[str, ...] = tuple(_SUBMODULE_TABLE)

_candidates: dict[str, Any] = {
    "column_config": column_config, "components": components, "typing": typing, "config": config,
    "connections": connections, "delta_generator": delta_generator, "version": version, "runtime": runtime,
    "get_option": get_option, "set_option": set_option, "connection": connection, "App": App,
    "bottom": bottom,
}

# st.py star-imports services first: only the names services exports can collide with ours.
_taken = set(getattr(_services, "__all__", ())) | {"rerun", "stop"}
for _name, _value in _candidates.items():
    if _name not in _taken:
        globals()[_name] = _value

__all__: list[str] = [n for n in _candidates if n not in _taken]
