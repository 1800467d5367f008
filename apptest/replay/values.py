"""Scenario values -> the Python value a widget takes (validated; never silently changed)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

__all__ = ["to_widget_value"]


def _options(props: dict[str, Any], info: dict[str, Any]) -> tuple[list[Any], list[str]]:
    labels = [str(x) for x in (info.get("labels") or props.get("options") or [])]
    raw = info.get("options")
    options = list(raw) if raw is not None else list(labels)
    return options, labels


def _pick(value: Any, options: list[Any], labels: list[str]) -> Any:
    for o in options:
        try:
            if (o == value and type(o) is not bool) or (o is value):
                return o
        except Exception:
            continue
    if isinstance(value, (str, int, float)) and str(value) in labels:
        # The last option with that label wins, as in Streamlit.
        idx = len(labels) - 1 - labels[::-1].index(str(value))
        return options[idx]
    shown = ", ".join(repr(lab) for lab in labels[:20])
    raise ValueError(f"{value!r} is not one of the options ({shown})")


def _number(value: Any, props: dict[str, Any], info: dict[str, Any], *, allow_none: bool) -> Any:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{value!r} is not a number")
    lo = info.get("min", props.get("min"))
    hi = info.get("max", props.get("max"))
    if lo is not None and value < lo:
        raise ValueError(f"{value!r} is below the minimum {lo!r}")
    if hi is not None and value > hi:
        raise ValueError(f"{value!r} is above the maximum {hi!r}")
    if info.get("data_type") == "int" or (isinstance(props.get("value"), int) and not isinstance(props.get("value"), bool)):
        if isinstance(value, float) and not value.is_integer():
            raise ValueError(f"{value!r} is not a whole number, and this widget takes integers")
        return int(value)
    return value


def _date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date (write it as 2024-01-31)")


def _time(value: Any) -> _dt.time:
    if isinstance(value, _dt.time):
        return value
    if isinstance(value, _dt.datetime):
        return value.time()
    if isinstance(value, int) and not isinstance(value, bool):
        # PyYAML may read 09:45 as sexagesimal minutes; the loader keeps strings, but be safe.
        return _dt.time(value // 60 % 24, value % 60)
    if isinstance(value, str):
        try:
            return _dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a time (write it as '09:45' or '09:45:30')")


def _datetime(value: Any) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return _dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a datetime (write it as 2024-01-31T09:45:00)")


def to_widget_value(kind: str, props: dict[str, Any], info: dict[str, Any], value: Any) -> Any:
    """Convert ``value`` (as written in YAML) to what widget ``kind`` returns, or raise ValueError."""
    if kind in ("checkbox", "toggle"):
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false")
        return value
    if kind in ("text_input", "text_area", "chat_input"):
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError(f"{value!r} is not text (quote it: '{value}')")
        max_chars = props.get("max_chars") or info.get("max_chars")
        if max_chars and len(value) > max_chars:
            raise ValueError(f"{len(value)} characters is more than max_chars={max_chars}")
        return value
    if kind == "number_input":
        return _number(value, props, info, allow_none=True)
    if kind in ("radio", "selectbox", "segmented_control", "pills") and not isinstance(value, list):
        if value is None:
            return None
        options, labels = _options(props, info)
        if kind == "selectbox" and info.get("accept_new_options") and isinstance(value, str) and value not in labels:
            return value
        return _pick(value, options, labels)
    if kind in ("multiselect", "pills", "segmented_control"):
        if not isinstance(value, list):
            value = [value]
        options, labels = _options(props, info)
        picked = [_pick(v, options, labels) for v in value]
        max_sel = info.get("max_selections") or props.get("max_selections")
        if max_sel and len(picked) > max_sel:
            raise ValueError(f"{len(picked)} selections is more than max_selections={max_sel}")
        return picked
    if kind == "select_slider":
        options, labels = _options(props, info)
        if isinstance(value, list):
            if len(value) != 2:
                raise ValueError("a range takes exactly two values")
            return tuple(_pick(v, options, labels) for v in value)
        return _pick(value, options, labels)
    if kind == "slider":
        data_type = info.get("data_type")
        conv: Any
        if data_type == "date":
            conv = _date
        elif data_type == "datetime":
            conv = _datetime
        elif data_type == "time":
            conv = _time
        else:
            def conv(v: Any) -> Any:
                return _number(v, props, info, allow_none=False)
        if isinstance(value, list):
            if len(value) != 2:
                raise ValueError("a range takes exactly two values")
            lo, hi = (conv(v) for v in value)
            if lo > hi:
                raise ValueError(f"the range {value!r} is reversed")
            return (lo, hi)
        if info.get("range"):
            raise ValueError("this is a range slider: give a list of two values")
        return conv(value)
    if kind == "date_input":
        if value is None:
            return None
        if isinstance(value, list):
            return tuple(_date(v) for v in value)
        return _date(value)
    if kind == "time_input":
        return None if value is None else _time(value)
    if kind == "datetime_input":
        return None if value is None else _datetime(value)
    if kind == "color_picker":
        import re

        if not isinstance(value, str) or not re.fullmatch(r"#([0-9a-fA-F]{3}){1,2}", value):
            raise ValueError(f"{value!r} is not a hex colour like '#00ffaa'")
        return value
    return value
