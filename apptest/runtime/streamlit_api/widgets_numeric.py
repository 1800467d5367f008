"""Widget family: numeric and time-like inputs.

``st.slider``, ``st.number_input``, ``st.date_input``, ``st.time_input`` and
``st.datetime_input``, reproducing Streamlit 1.67.0 (``elements/widgets/slider.py``,
``number_input.py`` and ``time_widgets.py``): the same parameter checks in the same order,
the same defaults, the same silent resets and the same wire format.

Wire formats (what the frontend sends back, and what each widget's serializer produces):

- slider: ``list`` of numbers (Streamlit's ``double_array_value``). Numeric sliders send
  floats; date/datetime/time sliders send integer microseconds since the epoch, reading
  the wall clock as UTC (a time is put on 2000-01-01, a date at midnight).
- number_input: a number or ``None`` (``double_value``).
- date_input: ``list`` of ``"YYYY-MM-DD"`` strings, 0 to 2 of them (``string_array_value``).
- time_input: ``"HH:MM"``, or ``"HH:MM:SS"`` when ``step`` is not a whole number of
  minutes, or ``None`` (``string_value``).
- datetime_input: ``["YYYY-MM-DDTHH:MM"]`` or ``[]`` (``string_array_value``).

A driver turns a user value into its wire value with the widget's ``WidgetMeta.serializer``;
``WidgetMeta.info`` carries the facts needed to check a value first (type, bounds, step).
"""

from __future__ import annotations

import contextlib
import logging
import math
import numbers
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Final

from apptest.runtime import context as _context
from apptest.runtime.elements import Element
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
    register_widget,
    state_holds_none,
    to_key,
    widget_id,
)

__all__ = ["NumericWidgetsMixin"]

_NUMBER_INPUT_LOGGER = logging.getLogger("streamlit.elements.widgets.number_input")

# ---------------------------------------------------------------------------------- JS numbers
MAX_SAFE_INTEGER: Final = (1 << 53) - 1
MIN_SAFE_INTEGER: Final = -((1 << 53) - 1)
MAX_VALUE: Final = 1.7976931348623157e308
MIN_NEGATIVE_VALUE: Final = -MAX_VALUE


class _JSNumberBounds(Exception):
    pass


def _validate_int_bounds(value: int, name: str) -> None:
    if value < MIN_SAFE_INTEGER:
        raise _JSNumberBounds(f"{name} ({value}) must be >= -((1 << 53) - 1)")
    if value > MAX_SAFE_INTEGER:
        raise _JSNumberBounds(f"{name} ({value}) must be <= (1 << 53) - 1")


def _validate_float_bounds(value: Any, name: str) -> None:
    if not isinstance(value, (numbers.Integral, float)):
        raise _JSNumberBounds(f"{name} ({value}) is not a float")
    num: Any = value  # an Integral need not be a Python int (numpy)
    if num < MIN_NEGATIVE_VALUE:
        raise _JSNumberBounds(f"{name} ({value}) must be >= -1.797e+308")
    if num > MAX_VALUE:
        raise _JSNumberBounds(f"{name} ({value}) must be <= 1.797e+308")


def _proto_double(v: Any) -> float:
    """What assigning ``v`` to a protobuf ``double`` field stores (or raises)."""
    if not isinstance(v, numbers.Real):
        raise TypeError(f"must be real number, not {type(v).__name__}")
    return float(v)


# ---------------------------------------------------------------------------------- slider
_INT: Final = "int"
_FLOAT: Final = "float"
_DATETIME: Final = "datetime"
_DATE: Final = "date"
_TIME: Final = "time"
_TIMELIKE: Final = (_DATETIME, _DATE, _TIME)
# Lookup by exact class, as Streamlit does (an unsupported class raises KeyError).
_TIMELIKE_BY_CLASS: Final[dict[type, str]] = {datetime: _DATETIME, date: _DATE, time: _TIME}
_SINGLE_TYPES: Final = (numbers.Integral, numbers.Real, datetime, date, time)

_SECONDS_TO_MICROS: Final = 1000 * 1000
_DAYS_TO_MICROS: Final = 24 * 60 * 60 * _SECONDS_TO_MICROS
UTC: Final = timezone.utc
_UTC_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_SAFE_TIMELIKE_SPAN: Final = timedelta(microseconds=MAX_SAFE_INTEGER)
_MIN_SAFE_DAY: Final = (datetime(1970, 1, 1) - _SAFE_TIMELIKE_SPAN).date() + timedelta(days=1)
_MAX_SAFE_DAY: Final = (datetime(1970, 1, 1) + _SAFE_TIMELIKE_SPAN).date() - timedelta(days=1)

_SLIDER_DEFAULT_FORMAT: Final = {
    _INT: "%d",
    _FLOAT: "%0.2f",
    _DATETIME: "YYYY-MM-DD",
    _DATE: "YYYY-MM-DD",
    _TIME: "HH:mm",
}


def _slider_kind(v: Any) -> str:
    if isinstance(v, numbers.Integral):
        return _INT
    if isinstance(v, numbers.Real):
        return _FLOAT
    return _TIMELIKE_BY_CLASS[type(v)]


def _time_to_datetime(t: time) -> datetime:
    # An arbitrary day well after the epoch, as Streamlit picks (pre-epoch tz issues).
    return datetime.combine(date(2000, 1, 1), t)


def _date_to_datetime(d: date) -> datetime:
    return datetime.combine(d, time())


def _delta_to_micros(delta: timedelta) -> int:
    return delta.microseconds + delta.seconds * _SECONDS_TO_MICROS + delta.days * _DAYS_TO_MICROS


def _datetime_to_micros(dt: datetime) -> int:
    # The frontend knows no time zones: the wall clock is sent as if it were UTC.
    return _delta_to_micros(dt.replace(tzinfo=UTC) - _UTC_EPOCH)


def _micros_to_datetime(micros: int, orig_tz: tzinfo | None) -> datetime:
    return (_UTC_EPOCH + timedelta(microseconds=micros)).replace(tzinfo=orig_tz)


def _window_around(anchor: Any, window: timedelta) -> tuple[Any, Any]:
    """``anchor`` -/+ ``window``, clamped to what the frontend can represent."""
    if isinstance(anchor, datetime):
        floor: Any = datetime.combine(_MIN_SAFE_DAY, time.min, tzinfo=anchor.tzinfo)
        ceiling: Any = datetime.combine(_MAX_SAFE_DAY, time.max, tzinfo=anchor.tzinfo)
    else:
        floor, ceiling = _MIN_SAFE_DAY, _MAX_SAFE_DAY
    try:
        low = min(anchor, max(anchor - window, floor))
    except OverflowError:
        low = anchor
    try:
        high = max(anchor, min(anchor + window, ceiling))
    except OverflowError:
        high = anchor
    return low, high


class _SliderSerde:
    __slots__ = ("data_type", "max_value", "min_value", "orig_tz", "single_value", "value")

    def __init__(
        self,
        value: list[Any],
        data_type: str,
        single_value: bool,
        orig_tz: tzinfo | None,
        min_value: float,
        max_value: float,
    ) -> None:
        self.value = value
        self.data_type = data_type
        self.single_value = single_value
        self.orig_tz = orig_tz
        self.min_value = min_value
        self.max_value = max_value

    def deserialize_single_value(self, value: Any) -> Any:
        dt = self.data_type
        if dt == _INT:
            return int(value)
        if dt == _DATETIME:
            return _micros_to_datetime(int(value), self.orig_tz)
        if dt == _DATE:
            return _micros_to_datetime(int(value), self.orig_tz).date()
        if dt == _TIME:
            return _micros_to_datetime(int(value), self.orig_tz).time().replace(tzinfo=self.orig_tz)
        return value

    def deserialize(self, ui_value: Any) -> Any:
        if ui_value is not None:
            val = list(ui_value)
            if len(val) != (1 if self.single_value else 2):
                val = self.value
            else:
                for v in val:
                    if not math.isfinite(v) or v < self.min_value or v > self.max_value:
                        val = self.value
                        break
                else:
                    if self.data_type == _FLOAT:
                        # The wire is a double array: numbers come back as floats.
                        val = [float(v) for v in val]
        else:
            val = self.value
        values = [self.deserialize_single_value(v) for v in val]
        return values[0] if self.single_value else tuple(values)

    def serialize(self, v: Any) -> list[Any]:
        items = list(v) if isinstance(v, (list, tuple)) else [v]
        dt = self.data_type
        if dt == _DATE:
            return [_datetime_to_micros(_date_to_datetime(x)) for x in items]
        if dt == _TIME:
            return [_datetime_to_micros(_time_to_datetime(x)) for x in items]
        if dt == _DATETIME:
            return [_datetime_to_micros(x) for x in items]
        return [float(x) for x in items]


# ---------------------------------------------------------------------------------- number_input
class _NumberInputSerde:
    __slots__ = ("data_type", "max_value", "min_value", "value")

    def __init__(self, value: Any, data_type: str, min_value: Any, max_value: Any) -> None:
        self.value = value
        self.data_type = data_type
        self.min_value = min_value
        self.max_value = max_value

    def serialize(self, v: Any) -> Any:
        return v

    def deserialize(self, ui_value: Any) -> Any:
        if ui_value is None:
            val = self.value
        elif self.data_type == _FLOAT and isinstance(ui_value, numbers.Real):
            val = float(ui_value)  # a double on the wire
        else:
            val = ui_value
        if val is not None:
            if self.data_type == _INT:
                val = int(val)
            if (
                (self.data_type == _FLOAT and not math.isfinite(val))
                or val < self.min_value
                or val > self.max_value
            ):
                return self.value
        return val


# ---------------------------------------------------------------------------------- dates and times
DEFAULT_STEP_MINUTES: Final = 15
_SUPPORTED_DATE_FORMATS: Final = [
    "YYYY/MM/DD",
    "DD/MM/YYYY",
    "MM/DD/YYYY",
    "YYYY.MM.DD",
    "DD.MM.YYYY",
    "MM.DD.YYYY",
    "YYYY-MM-DD",
    "DD-MM-YYYY",
    "MM-DD-YYYY",
]
_ALLOWED_DATE_FORMATS: Final = re.compile(
    "^(" + "|".join(re.escape(f) for f in _SUPPORTED_DATE_FORMATS) + ")$"
)
_DATETIME_LEGACY_FORMAT: Final = "%Y/%m/%d, %H:%M"
_DATETIME_ISO_FORMAT: Final = "%Y-%m-%dT%H:%M"
_DEFAULT_MIN_BOUND_TIME: Final = time(hour=0, minute=0)
_DEFAULT_MAX_BOUND_TIME: Final = time(hour=23, minute=59)


def _adjust_years(d: date, years: int) -> date:
    target = d.year + years
    if target > date.max.year:
        return date.max
    if target < date.min.year:
        return date.min
    try:
        return d.replace(year=target)
    except ValueError:
        # 29 February in a year that has none.
        return d.replace(year=target, month=2, day=28)


def _validate_date_format(date_format: object) -> None:
    if not isinstance(date_format, str):
        raise E.StreamlitInvalidParameterTypeError("format", type(date_format).__name__, ["str"])
    if not _ALLOWED_DATE_FORMATS.match(date_format):
        raise E.StreamlitValueError(
            "format",
            [repr(f) for f in _SUPPORTED_DATE_FORMATS],
            detail=f"Provided value: {date_format!r}.",
        )


def _date_to_proto_string(v: date) -> str:
    return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"


def _datetime_to_iso_string(v: datetime) -> str:
    return f"{_date_to_proto_string(v)}T{v.hour:02d}:{v.minute:02d}"


def _convert_timelike_to_time(value: Any) -> time:
    if value == "now":
        return datetime.now().time().replace(microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value).replace(microsecond=0)
        except ValueError:
            try:
                return datetime.fromisoformat(value).time().replace(microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0, tzinfo=None)
    if isinstance(value, time):
        return value
    raise E.StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["datetime", "time", "ISO string"]
    )


def _convert_datelike_to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return datetime.now().date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise E.StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["date", "datetime", "ISO string", '"today"']
    )


def _parse_date_value(value: Any) -> tuple[list[date] | None, bool]:
    if value is None:
        return None, False
    if isinstance(value, Sequence) and not isinstance(value, str):
        is_range = True
        items: Sequence[Any] = value
    else:
        is_range = False
        items = [value]
    if len(items) not in {0, 1, 2}:
        raise E.StreamlitInvalidParameterTypeError(
            "value",
            type(value).__name__,
            ["date", "datetime", "sequence of 0 to 2 date or datetime values"],
        )
    return [_convert_datelike_to_date(v) for v in items], is_range


def _parse_bound_date(bound: Any, name: str, parsed: list[date] | None, years: int) -> date:
    if isinstance(bound, (datetime, date, str)):
        return _convert_datelike_to_date(bound)
    if bound is None:
        if parsed:
            return _adjust_years(parsed[0] if years < 0 else parsed[-1], years=years)
        return _adjust_years(date.today(), years=years)
    raise E.StreamlitInvalidParameterTypeError(
        name, type(bound).__name__, ["date", "datetime", "ISO string", "None"]
    )


class _DateInputValues:
    __slots__ = ("is_range", "max", "min", "value")

    def __init__(self, value: list[date] | None, is_range: bool, max_: date, min_: date) -> None:
        self.value = value
        self.is_range = is_range
        self.max = max_
        self.min = min_
        if self.min > self.max:
            raise E.StreamlitInvalidMinMaxError(self.min, self.max)
        if self.value:
            start, end = self.value[0], self.value[-1]
            if start < self.min:
                raise E.StreamlitValueBelowMinError(start, self.min)
            if end > self.max:
                raise E.StreamlitValueAboveMaxError(end, self.max)

    @classmethod
    def from_raw_values(cls, value: Any, min_value: Any, max_value: Any) -> _DateInputValues:
        parsed, is_range = _parse_date_value(value)
        parsed_min = _parse_bound_date(min_value, "min_value", parsed, -10)
        parsed_max = _parse_bound_date(max_value, "max_value", parsed, 10)
        if value == "today":
            assert parsed is not None
            v = parsed[0]
            if v < parsed_min:
                parsed = [parsed_min]
            if v > parsed_max:
                parsed = [parsed_max]
        return cls(parsed, is_range, parsed_max, parsed_min)


class _DateInputSerde:
    __slots__ = ("values",)

    def __init__(self, values: _DateInputValues) -> None:
        self.values = values

    @staticmethod
    def _parse_date(value: str) -> date:
        for fmt in ("%Y-%m-%d", "%Y/%m/%d"):
            try:
                return datetime.strptime(value, fmt).date()
            except ValueError:
                continue
        raise ValueError(f"Unable to parse date: {value}")

    def deserialize(self, ui_value: Any) -> Any:
        values = self.values
        result: Sequence[date] | None
        if ui_value is not None:
            try:
                result = tuple(self._parse_date(v) for v in ui_value)
            except ValueError:
                result = values.value
            else:
                if result and any(d < values.min or d > values.max for d in result):
                    result = values.value
        else:
            result = values.value
        if result is None or len(result) == 0:
            return () if values.is_range else None
        if not values.is_range:
            return result[0]
        return tuple(result)

    def serialize(self, v: Any) -> list[str]:
        if v is None:
            return []
        items = list(v) if isinstance(v, Sequence) else [v]
        return [_date_to_proto_string(d) for d in items]


def _to_date(v: date) -> date:
    return v.date() if isinstance(v, datetime) else v


def _validate_date_value(
    current: Any, values: _DateInputValues, explicit_bounds: bool
) -> tuple[Any, bool]:
    """Reset a value outside explicit bounds (or of the wrong shape) to the default."""
    if current is None or not explicit_bounds:
        return current, False
    needs_reset = False
    if values.is_range and isinstance(current, tuple) and len(current) > 0:
        start = current[0]
        end = current[-1] if len(current) > 1 else start
        if _to_date(start) < values.min or _to_date(end) > values.max:
            needs_reset = True
    elif not values.is_range and isinstance(current, date):
        if _to_date(current) < values.min or _to_date(current) > values.max:
            needs_reset = True
    else:
        needs_reset = True
    if not needs_reset:
        return current, False
    if values.value is None or len(values.value) == 0:
        return (() if values.is_range else None), True
    if not values.is_range:
        return values.value[0], True
    return tuple(values.value), True


class _TimeInputSerde:
    __slots__ = ("step", "value")

    def __init__(self, value: time | None, step: int = 900) -> None:
        self.value = value
        self.step = step

    @property
    def wire_fmt(self) -> str:
        return "%H:%M:%S" if self.step % 60 != 0 else "%H:%M"

    def deserialize(self, ui_value: Any) -> time | None:
        if ui_value is None:
            return self.value
        parsed: time | None = None
        try:
            parsed = datetime.strptime(ui_value, "%H:%M:%S").time()
        except ValueError:
            with contextlib.suppress(ValueError):
                parsed = datetime.strptime(ui_value, "%H:%M").time()
        if parsed is None:
            return self.value
        if self.step % 60 == 0:
            parsed = parsed.replace(second=0, microsecond=0)
        return parsed

    def serialize(self, v: Any) -> str | None:
        if v is None:
            return None
        if isinstance(v, datetime):
            v = v.time()
        return time.strftime(v, self.wire_fmt)


def _normalize_time(value: time) -> time:
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _normalize_datetime_value(value: datetime) -> datetime:
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def _combine_date_time(d: date, t: time) -> datetime:
    return datetime.combine(d, _normalize_time(t))


def _convert_datetimelike_to_datetime(
    value: Any, *, fallback_date: date, fallback_time: time
) -> datetime:
    fallback_time = _normalize_time(fallback_time)
    if value == "now":
        return _normalize_datetime_value(datetime.now())
    if isinstance(value, datetime):
        return _normalize_datetime_value(value)
    if isinstance(value, date):
        return _combine_date_time(value, fallback_time)
    if isinstance(value, time):
        return _combine_date_time(fallback_date, value)
    if isinstance(value, str):
        stripped = value.strip()
        try:
            return _normalize_datetime_value(datetime.fromisoformat(stripped))
        except ValueError:
            pass
        for fmt in ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"):
            try:
                return _normalize_datetime_value(datetime.strptime(stripped, fmt))
            except ValueError:
                pass
        try:
            return _combine_date_time(date.fromisoformat(stripped), fallback_time)
        except ValueError:
            pass
        try:
            return _combine_date_time(fallback_date, time.fromisoformat(stripped))
        except ValueError:
            pass
    raise E.StreamlitInvalidParameterTypeError(
        "value", type(value).__name__, ["datetime", "date", "time", "ISO string", '"now"']
    )


def _datetime_to_proto_string(value: datetime) -> str:
    return _datetime_to_iso_string(_normalize_datetime_value(value))


class _DateTimeInputValues:
    __slots__ = ("max", "min", "value")

    def __init__(self, value: datetime | None, min_: datetime, max_: datetime) -> None:
        self.value = value
        self.min = min_
        self.max = max_
        if self.min > self.max:
            raise E.StreamlitInvalidMinMaxError(self.min, self.max)
        if self.value is not None:
            if self.value < self.min:
                raise E.StreamlitValueBelowMinError(self.value, self.min)
            if self.value > self.max:
                raise E.StreamlitValueAboveMaxError(self.value, self.max)

    @classmethod
    def from_raw_values(cls, value: Any, min_value: Any, max_value: Any) -> _DateTimeInputValues:
        parsed = (
            None
            if value is None
            else _convert_datetimelike_to_datetime(
                value, fallback_date=date.today(), fallback_time=_DEFAULT_MIN_BOUND_TIME
            )
        )
        base = parsed.date() if parsed is not None else date.today()
        parsed_min = (
            _combine_date_time(_adjust_years(base, years=-10), _DEFAULT_MIN_BOUND_TIME)
            if min_value is None
            else _convert_datetimelike_to_datetime(
                min_value, fallback_date=base, fallback_time=_DEFAULT_MIN_BOUND_TIME
            )
        )
        parsed_max = (
            _combine_date_time(_adjust_years(base, years=10), _DEFAULT_MAX_BOUND_TIME)
            if max_value is None
            else _convert_datetimelike_to_datetime(
                max_value, fallback_date=base, fallback_time=_DEFAULT_MAX_BOUND_TIME
            )
        )
        return cls(parsed, parsed_min, parsed_max)


class _DateTimeInputSerde:
    __slots__ = ("max", "min", "value")

    def __init__(self, value: datetime | None, min_: datetime, max_: datetime) -> None:
        self.value = value
        self.min = min_
        self.max = max_

    def deserialize(self, ui_value: Any) -> datetime | None:
        if ui_value is not None and len(ui_value) > 0:
            for fmt in (_DATETIME_ISO_FORMAT, _DATETIME_LEGACY_FORMAT):
                try:
                    parsed = _normalize_datetime_value(datetime.strptime(ui_value[0], fmt))
                    break
                except ValueError:
                    continue
            else:
                return self.value
            if parsed < self.min or parsed > self.max:
                return self.value
            return parsed
        return self.value

    def serialize(self, v: Any) -> list[str]:
        if v is None:
            return []
        return [_datetime_to_proto_string(v)]


def _step_seconds_range_error(step: int, low: str) -> E.StreamlitValueOutOfRangeError:
    return E.StreamlitValueOutOfRangeError(
        "step", value=f"{step} seconds", min_value=low, max_value="23 hours"
    )


def _slider_finish(
    ctx: Any, dg: DeltaGenerator, plan: WidgetPlan, on_change: Any, args: Any, kwargs: Any, disabled: bool,
    persist_state: str | None,
) -> Any:
    """Register a slider whose arguments are worked out, check a changed value, add the element."""
    v, changed = register_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
    if changed:
        serde: _SliderSerde = plan.data
        wire_min = serde.min_value
        wire_max = serde.max_value
        for sv in serde.serialize(v):
            if sv < wire_min:
                raise E.StreamlitValueBelowMinError(
                    value=serde.deserialize_single_value(sv),
                    min_value=serde.deserialize_single_value(wire_min),
                )
            if sv > wire_max:
                raise E.StreamlitValueAboveMaxError(
                    value=serde.deserialize_single_value(sv),
                    max_value=serde.deserialize_single_value(wire_max),
                )
    append_planned(ctx, dg, plan, v)
    return v


def _number_input_finish(
    ctx: Any, dg: DeltaGenerator, plan: WidgetPlan, on_change: Any, args: Any, kwargs: Any, disabled: bool,
    persist_state: str | None,
) -> Any:
    """Register a number input whose arguments are worked out, reset an out-of-bounds value, add it."""
    current, changed = register_planned(ctx, plan, on_change, args, kwargs, disabled, persist_state)
    value, has_user_min, has_user_max, wire_min, wire_max = plan.data
    # A value outside the current bounds (set through session state, or kept from a run
    # with other bounds) is reset to the default.
    needs_reset = False
    if current is not None and (
        (has_user_min and current < wire_min) or (has_user_max and current > wire_max)
    ):
        needs_reset = True
        current = value
        if plan.user_key is not None:
            ctx.session.state.reset_state_value(plan.user_key, current)
    if (needs_reset or changed) and current is not None:
        _proto_double(current)
    append_planned(ctx, dg, plan, current)
    return current


# ---------------------------------------------------------------------------------- the mixin
class NumericWidgetsMixin:
    # ------------------------------------------------------------------ slider
    def slider(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = None,
        step: Any = None,
        format: str | None = None,
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
        on_change_cb = check_callback(on_change)
        check_widget_policies(ctx, dg, key, on_change_cb, default_value=value)
        if value is None and key is not None:  # the state decides single or range
            state = ctx.session.state
            single_in_state = isinstance(state[key], _SINGLE_TYPES) if key in state else None
        else:
            single_in_state = None
        pk = plan_key(ctx, dg, (
            "slider", label, min_value, max_value, value, step, format, key, help, disabled, label_visibility,
            width, single_in_state,
        ))
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return _slider_finish(ctx, dg, plan, on_change_cb, args, kwargs, disabled, persist_state)
        label = label_text(label, label_visibility)
        eid = widget_id(
            ctx,
            "slider",
            key,
            dg,
            {"min_value", "max_value", "step"},
            {
                "label": label,
                "min_value": min_value,
                "max_value": max_value,
                "value": value,
                "step": step,
                "format": format,
                "help": help,
                "width": width,
            },
        )
        state = ctx.session.state

        if value is None:
            # Single or range? Without a default, a value in session state tells.
            single = True
            if key is not None and key in state:
                single = isinstance(state[key], _SINGLE_TYPES)
            if single:
                value = min_value if min_value is not None else 0
            else:
                value = [
                    min_value if min_value is not None else 0,
                    max_value if max_value is not None else 100,
                ]

        single_value = isinstance(value, _SINGLE_TYPES)
        range_value = isinstance(value, (list, tuple)) and len(value) in {0, 1, 2}
        if not single_value and not range_value:
            if isinstance(value, (list, tuple)):
                raise E.StreamlitValueError(
                    "value",
                    [
                        "int",
                        "float",
                        "date",
                        "time",
                        "datetime",
                        "a list containing up to two such values",
                        "a tuple containing up to two such values",
                    ],
                )
            raise E.StreamlitInvalidParameterTypeError(
                "value",
                type(value).__name__,
                ["int", "float", "date", "time", "datetime", "list", "tuple"],
            )

        prepared: Any = [value] if single_value else value
        if len({_slider_kind(v) for v in prepared}) >= 2:
            raise E.StreamlitInvalidParameterTypeError(
                "value",
                ", ".join(type(v).__name__ for v in prepared),
                ["list or tuple containing values of the same type"],
            )
        data_type = _INT if len(prepared) == 0 else _slider_kind(prepared[0])

        dt_min: Any = time.min
        dt_max: Any = time.max
        if data_type == _TIME:
            dt_min = time.min.replace(tzinfo=prepared[0].tzinfo)
            dt_max = time.max.replace(tzinfo=prepared[0].tzinfo)
        elif data_type in (_DATETIME, _DATE):
            dt_min, dt_max = _window_around(prepared[0], timedelta(days=14))

        if min_value is None:
            min_value = {_INT: 0, _FLOAT: 0.0}.get(data_type, dt_min)
        if max_value is None:
            max_value = {_INT: 100, _FLOAT: 1.0}.get(data_type, dt_max)
        if step is None:
            if data_type == _INT:
                step = 1
            elif data_type == _FLOAT:
                step = 0.01
            elif data_type == _TIME:
                step = timedelta(minutes=15)
            else:
                step = timedelta(days=1)
                if abs(max_value - min_value) < timedelta(days=1):
                    step = timedelta(minutes=15)
        if format is None:
            format = _SLIDER_DEFAULT_FORMAT[data_type]

        if isinstance(step, timedelta):
            if step == timedelta(0):
                raise E.StreamlitValueError("step", ["a timedelta"], detail="Zero is not allowed.")
        elif step == 0:
            raise E.StreamlitValueError("step", ["a number"], detail="Zero is not allowed.")

        slider_args = [min_value, max_value, step]
        int_args = all(isinstance(a, numbers.Integral) for a in slider_args)
        float_args = all(
            isinstance(a, numbers.Real) and not isinstance(a, numbers.Integral) for a in slider_args
        )
        timelike_args = (
            data_type in _TIMELIKE
            and isinstance(step, timedelta)
            and type(min_value) is type(max_value)
        )
        if not int_args and not float_args and not timelike_args:
            raise E.StreamlitInvalidParameterTypeError(
                "value",
                f"min_value={type(min_value).__name__}, "
                f"max_value={type(max_value).__name__}, step={type(step).__name__}",
                ["matching numeric types", "matching date/time types"],
            )
        all_ints = data_type == _INT and int_args
        all_floats = data_type == _FLOAT and float_args
        all_timelikes = data_type in _TIMELIKE and timelike_args
        if not all_ints and not all_floats and not all_timelikes:
            raise E.StreamlitInvalidParameterTypeError(
                "value",
                f"value={type(value).__name__}, min_value={type(min_value).__name__}, "
                f"max_value={type(max_value).__name__}",
                ["value and arguments with matching types"],
            )

        # Swap reversed bounds, then widen them to include the default.
        if min_value > max_value:
            min_value, max_value = max_value, min_value
        if len(prepared) == 1:
            min_value = min(prepared[0], min_value)
            max_value = max(prepared[0], max_value)
        elif len(prepared) == 2:
            start, end = prepared
            if start > end:
                start, end = end, start
                prepared = start, end
            min_value = min(start, min_value)
            max_value = max(end, max_value)
        else:
            prepared = [min_value, max_value]
        described = (min_value, max_value, step)

        try:
            if all_ints:
                _validate_int_bounds(min_value, "`min_value`")
                _validate_int_bounds(max_value, "`max_value`")
            elif all_floats:
                _validate_float_bounds(min_value, "`min_value`")
                _validate_float_bounds(max_value, "`max_value`")
        except _JSNumberBounds as e:
            raise E.StreamlitJSNumberBoundsError(str(e)) from None

        orig_tz = None
        if data_type == _TIME:
            prepared = [_time_to_datetime(v) for v in prepared]
            min_value = _time_to_datetime(min_value)
            max_value = _time_to_datetime(max_value)
        if data_type == _DATE:
            prepared = [_date_to_datetime(v) for v in prepared]
            min_value = _date_to_datetime(min_value)
            max_value = _date_to_datetime(max_value)

        if min_value == max_value:
            raise E.StreamlitInvalidMinMaxError(min_value, max_value)

        if data_type in _TIMELIKE:
            orig_tz = prepared[0].tzinfo if data_type in (_TIME, _DATETIME) else None
            prepared = [_datetime_to_micros(v) for v in prepared]
            min_value = _datetime_to_micros(min_value)
            max_value = _datetime_to_micros(max_value)
            step = _delta_to_micros(step)
            for name, micros in (("`min_value`", min_value), ("`max_value`", max_value)):
                if abs(micros) > MAX_SAFE_INTEGER:
                    raise E.StreamlitJSNumberBoundsError(
                        f"{name} is too far from 1970 for Streamlit to represent exactly. Use a value between "
                        f"{_MIN_SAFE_DAY:%Y-%m-%d} and {_MAX_SAFE_DAY:%Y-%m-%d}."
                    )
        prepared = list(prepared)

        form_id = dg._form_id(ctx)
        # The proto holds min/max/step as doubles.
        wire_min = float(min_value)
        wire_max = float(max_value)
        wire_step = float(step)
        serde = _SliderSerde(prepared, data_type, single_value, orig_tz, wire_min, wire_max)
        plan = WidgetPlan(
            eid, "slider", key, label, form_id, serde.deserialize, serde.serialize, "double_array_value",
            {
                "data_type": data_type,
                "range": not single_value,
                "min": described[0],
                "max": described[1],
                "step": described[2],
                "wire_min": wire_min,
                "wire_max": wire_max,
                "wire_step": wire_step,
                "format": format,
                "default": serde.deserialize(None),
            },
            {
                "id": eid,
                "key": key,
                "label": label,
                "value": None,
                "default": [float(x) for x in prepared],
                "min": wire_min,
                "max": wire_max,
                "step": wire_step,
                "format": format,
                "data_type": data_type,
                "range": not single_value,
                "help": help or "",
                "form_id": form_id,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
            serde,
        )
        keep_plan(pk, plan)
        return _slider_finish(ctx, dg, plan, on_change_cb, args, kwargs, disabled, persist_state)

    # ------------------------------------------------------------------ number_input
    def number_input(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = "min",
        step: Any = None,
        format: str | None = None,
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
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change_cb = check_callback(on_change)
        check_widget_policies(
            ctx, dg, key, on_change_cb, default_value=value if value != "min" else None
        )
        state = ctx.session.state
        ss_none = state_holds_none(state, key)
        pk = plan_key(ctx, dg, (
            "number_input", label, min_value, max_value, value, step, format, key, help, placeholder, disabled,
            required, label_visibility, icon, width, ss_none,
        ))
        plan = get_plan(pk)
        if plan is not None:
            claim_plan(ctx, plan)
            return _number_input_finish(ctx, dg, plan, on_change_cb, args, kwargs, disabled, persist_state)
        label = label_text(label, label_visibility)
        eid = widget_id(
            ctx,
            "number_input",
            key,
            dg,
            True,
            {
                "label": label,
                "min_value": min_value,
                "max_value": max_value,
                "value": value,
                "step": step,
                "format": format,
                "help": help,
                "placeholder": None if placeholder is None else str(placeholder),
                "icon": icon,
                "width": width,
                "required": required,
            },
        )

        args_ = [min_value, max_value, value, step]
        all_int_args = all(isinstance(a, (numbers.Integral, type(None), str)) for a in args_)
        all_float_args = all(isinstance(a, (float, type(None), str)) for a in args_)
        if not all_int_args and not all_float_args:
            raise E.StreamlitMixedNumericTypesError(
                value=value, min_value=min_value, max_value=max_value, step=step
            )

        if ss_none:
            value = None

        if value == "min":
            if min_value is not None:
                value = min_value
            elif all_int_args and all_float_args:
                value = 0.0  # no numeric argument at all: a float input
            elif all_int_args:
                value = 0
            else:
                value = 0.0

        int_value = isinstance(value, numbers.Integral)
        float_value = isinstance(value, float)
        if value is None:
            if all_int_args and not all_float_args:
                int_value = True
            else:
                float_value = True

        number_format = ("%d" if int_value else "%0.2f") if format is None else format
        warned = True  # (a call that logs a warning keeps no plan: the warning is logged per call)
        if number_format in {"%d", "%u", "%i"} and float_value:
            _NUMBER_INPUT_LOGGER.warning(
                "st.number_input value has type float, but format %s displays as integer.",
                number_format,
                stack_info=True,
            )
        elif number_format[-1] == "f" and int_value:
            _NUMBER_INPUT_LOGGER.warning(
                "st.number_input value has type int so is displayed as int despite format string %s.",
                number_format,
                stack_info=True,
            )
        else:
            warned = False

        if step is None:
            step = 1 if int_value else 0.01

        try:
            float(number_format % 2)
        except (TypeError, ValueError):
            raise E.StreamlitInvalidNumberFormatError(number_format) from None

        all_ints = int_value and all_int_args

        if min_value is not None and max_value is not None and min_value > max_value:
            raise E.StreamlitInvalidMinMaxError(min_value, max_value)
        if min_value is not None and value is not None and min_value > value:
            raise E.StreamlitValueBelowMinError(value=value, min_value=min_value)
        if max_value is not None and value is not None and max_value < value:
            raise E.StreamlitValueAboveMaxError(value=value, max_value=max_value)

        has_user_min = min_value is not None
        has_user_max = max_value is not None
        try:
            if all_ints:
                if min_value is not None:
                    _validate_int_bounds(int(min_value), "`min_value`")
                else:
                    min_value = MIN_SAFE_INTEGER
                if max_value is not None:
                    _validate_int_bounds(int(max_value), "`max_value`")
                else:
                    max_value = MAX_SAFE_INTEGER
                if step is not None:
                    _validate_int_bounds(int(step), "`step`")
                if value is not None:
                    _validate_int_bounds(int(value), "`value`")
            else:
                if min_value is not None:
                    _validate_float_bounds(min_value, "`min_value`")
                else:
                    min_value = MIN_NEGATIVE_VALUE
                if max_value is not None:
                    _validate_float_bounds(max_value, "`max_value`")
                else:
                    max_value = MAX_VALUE
                if step is not None:
                    _validate_float_bounds(step, "`step`")
                if value is not None:
                    _validate_float_bounds(value, "`value`")
        except _JSNumberBounds as e:
            raise E.StreamlitJSNumberBoundsError(str(e)) from None

        data_type = _INT if all_ints else _FLOAT
        # What the proto fields hold (and the TypeError protobuf raises for a bad type).
        if value is not None:
            _proto_double(value)
        wire_min = _proto_double(min_value)
        wire_max = _proto_double(max_value)
        _proto_double(step)

        form_id = dg._form_id(ctx)
        serde = _NumberInputSerde(value, data_type, min_value, max_value)
        shown_min = min_value if has_user_min else None  # the bounds the user gave, as shown
        shown_max = max_value if has_user_max else None
        plan = WidgetPlan(
            eid, "number_input", key, label, form_id, serde.deserialize, serde.serialize, "double_value",
            {
                "data_type": data_type,
                "min": shown_min,
                "max": shown_max,
                "step": step,
                "format": number_format,
                "default": value,
                "clearable": value is None and not required,
            },
            {
                "id": eid,
                "key": key,
                "label": label,
                "value": None,
                "default": value,
                "min": shown_min,
                "max": shown_max,
                "step": step,
                "format": number_format,
                "data_type": data_type,
                "placeholder": "" if placeholder is None else str(placeholder),
                "help": help or "",
                "form_id": form_id,
                "disabled": disabled,
                "required": required,
                "icon": icon or "",
                "label_visibility": label_visibility,
            },
            (value, has_user_min, has_user_max, wire_min, wire_max),
        )
        if not warned:
            keep_plan(pk, plan)
        return _number_input_finish(ctx, dg, plan, on_change_cb, args, kwargs, disabled, persist_state)

    # ------------------------------------------------------------------ date_input
    def date_input(
        self,
        label: str,
        value: Any = "today",
        min_value: Any = None,
        max_value: Any = None,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        format: str = "YYYY/MM/DD",
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change_cb = check_callback(on_change)
        check_widget_policies(
            ctx, dg, key, on_change_cb, default_value=value if value != "today" else None
        )
        label = label_text(label, label_visibility)

        def for_id(v: Any) -> str | None:
            if v == "today":
                return None
            if isinstance(v, str):
                return v
            if isinstance(v, datetime):
                return _date_to_proto_string(v.date())
            if isinstance(v, date):
                return _date_to_proto_string(v)
            return None

        parsed_for_id: Any
        if value == "today":
            parsed_for_id = None
        elif isinstance(value, Sequence):
            parsed_for_id = [for_id(v) for v in value]
        else:
            parsed_for_id = for_id(value)
        eid = widget_id(
            ctx,
            "date_input",
            key,
            dg,
            {"format"},
            {
                "label": label,
                "value": parsed_for_id,
                "min_value": for_id(min_value),
                "max_value": for_id(max_value),
                "help": help,
                "format": format,
                "width": width,
                "required": required,
            },
        )
        _validate_date_format(format)
        values = _DateInputValues.from_raw_values(value, min_value, max_value)
        explicit_bounds = min_value is not None or max_value is not None

        state = ctx.session.state
        if value == "today" and key is not None and key in state:
            # Single or range? Without a default, a value in session state tells.
            values = _DateInputValues.from_raw_values(state[key], min_value, max_value)

        form_id = dg._form_id(ctx)
        serde = _DateInputSerde(values)
        wire_min = _date_to_proto_string(values.min)
        wire_max = _date_to_proto_string(values.max)
        default_wire = (
            [] if values.value is None else [_date_to_proto_string(v) for v in values.value]
        )
        current, changed = register_widget(
            ctx,
            element_id=eid,
            element_type="date_input",
            user_key=key,
            deserializer=serde.deserialize,
            serializer=serde.serialize,
            on_change=on_change_cb,
            args=args,
            kwargs=kwargs,
            value_type="string_array_value",
            disabled=disabled,
            form_id=form_id,
            label=label,
            info={
                "data_type": _DATE,
                "range": values.is_range,
                "min": values.min,
                "max": values.max,
                "format": format,
                "default": serde.deserialize(None),
                "clearable": values.value is None and not required,
            },
        )
        current, needs_reset = _validate_date_value(current, values, explicit_bounds)
        if needs_reset and key is not None:
            state.reset_state_value(key, current)
        if needs_reset or changed:
            serde.serialize(current)  # what setting the proto's value does (it may raise)

        dg._enqueue(
            ctx,
            Element(
                "date_input",
                {
                    "id": eid,
                    "key": key,
                    "label": label,
                    "value": current,
                    "default": default_wire,
                    "min": wire_min,
                    "max": wire_max,
                    "format": format,
                    "is_range": values.is_range,
                    "help": help or "",
                    "form_id": form_id,
                    "disabled": disabled,
                    "required": required,
                    "label_visibility": label_visibility,
                },
            ),
        )
        return current

    # ------------------------------------------------------------------ time_input
    def time_input(
        self,
        label: str,
        value: Any = "now",
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        step: Any = timedelta(minutes=DEFAULT_STEP_MINUTES),
        format: str = "24h",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change_cb = check_callback(on_change)
        check_widget_policies(
            ctx, dg, key, on_change_cb, default_value=value if value != "now" else None
        )
        label = label_text(label, label_visibility)

        parsed: time | None = None if value is None else _convert_timelike_to_time(value)
        step_secs = (
            int(step.total_seconds())
            if isinstance(step, timedelta)
            else step
            if isinstance(step, int)
            else 0
        )
        if parsed is not None and step_secs > 0 and step_secs % 60 == 0:
            parsed = parsed.replace(second=0, microsecond=0)

        eid = widget_id(
            ctx,
            "time_input",
            key,
            dg,
            {"step"},
            {
                "label": label,
                "value": parsed if isinstance(value, (datetime, time)) else value,
                "help": help,
                "step": step,
                "width": width,
                "required": required,
            },
        )
        state = ctx.session.state
        if state_holds_none(state, key):
            parsed = None

        if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
            raise E.StreamlitInvalidParameterTypeError(
                "step", type(step).__name__, ["int", "timedelta"]
            )
        if isinstance(step, timedelta):
            step = int(step.total_seconds())
        if not 1 <= step <= timedelta(hours=23).seconds:
            raise _step_seconds_range_error(step, "1 second")
        serde = _TimeInputSerde(parsed, step=step)
        default_wire = None if parsed is None else parsed.strftime(serde.wire_fmt)
        if format not in {"12h", "24h", "localized"}:
            raise E.StreamlitValueError("format", ["'12h'", "'24h'", "'localized'"])

        form_id = dg._form_id(ctx)
        current, changed = register_widget(
            ctx,
            element_id=eid,
            element_type="time_input",
            user_key=key,
            deserializer=serde.deserialize,
            serializer=serde.serialize,
            on_change=on_change_cb,
            args=args,
            kwargs=kwargs,
            value_type="string_value",
            disabled=disabled,
            form_id=form_id,
            label=label,
            info={
                "data_type": _TIME,
                "step": step,
                "format": format,
                "default": parsed,
                "clearable": parsed is None and not required,
            },
        )
        if changed:
            serde.serialize(current)  # what setting the proto's value does (it may raise)

        dg._enqueue(
            ctx,
            Element(
                "time_input",
                {
                    "id": eid,
                    "key": key,
                    "label": label,
                    "value": current,
                    "default": default_wire,
                    "step": step,
                    "format": format,
                    "help": help or "",
                    "form_id": form_id,
                    "disabled": disabled,
                    "required": required,
                    "label_visibility": label_visibility,
                },
            ),
        )
        return current

    # ------------------------------------------------------------------ datetime_input
    def datetime_input(
        self,
        label: str,
        value: Any = "now",
        min_value: Any = None,
        max_value: Any = None,
        *,
        key: Any = None,
        help: str | None = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        format: str = "YYYY/MM/DD",
        step: Any = timedelta(minutes=DEFAULT_STEP_MINUTES),
        disabled: bool = False,
        required: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: str | None = None,
        persist_state: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        on_change_cb = check_callback(on_change)
        check_widget_policies(
            ctx, dg, key, on_change_cb, default_value=value if value != "now" else None
        )
        label = label_text(label, label_visibility)

        values = _DateTimeInputValues.from_raw_values(value, min_value, max_value)
        default_value = values.value
        wire_min = _datetime_to_proto_string(values.min)
        wire_max = _datetime_to_proto_string(values.max)
        if isinstance(value, (datetime, date, time)):
            value_for_id: Any = (
                None if default_value is None else _datetime_to_proto_string(default_value)
            )
        else:
            value_for_id = value
        eid = widget_id(
            ctx,
            "date_time_input",
            key,
            dg,
            {"format", "step"},
            {
                "label": label,
                "value": value_for_id,
                "min_value": wire_min,
                "max_value": wire_max,
                "help": help,
                "format": format,
                "step": step,
                "width": width,
                "required": required,
            },
        )
        explicit_bounds = min_value is not None or max_value is not None
        _validate_date_format(format)
        if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
            raise E.StreamlitInvalidParameterTypeError(
                "step", type(step).__name__, ["int", "timedelta"]
            )
        step_seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
        if not 60 <= step_seconds <= timedelta(hours=23).seconds:
            raise _step_seconds_range_error(step_seconds, "60 seconds")

        state = ctx.session.state
        default_for_proto = default_value
        if state_holds_none(state, key):
            default_for_proto = None

        form_id = dg._form_id(ctx)
        serde = _DateTimeInputSerde(default_for_proto, values.min, values.max)
        current, changed = register_widget(
            ctx,
            element_id=eid,
            element_type="date_time_input",
            user_key=key,
            deserializer=serde.deserialize,
            serializer=serde.serialize,
            on_change=on_change_cb,
            args=args,
            kwargs=kwargs,
            value_type="string_array_value",
            disabled=disabled,
            form_id=form_id,
            label=label,
            info={
                "data_type": _DATETIME,
                "min": values.min,
                "max": values.max,
                "step": step_seconds,
                "format": format,
                "default": default_for_proto,
                "clearable": default_for_proto is None and not required,
            },
        )
        needs_reset = False
        if (
            current is not None
            and explicit_bounds
            and (current < values.min or current > values.max)
        ):
            current, needs_reset = values.value, True
        if needs_reset and key is not None:
            state.reset_state_value(key, current)
        if needs_reset or changed:
            serde.serialize(current)  # what setting the proto's value does (it may raise)

        dg._enqueue(
            ctx,
            Element(
                "date_time_input",
                {
                    "id": eid,
                    "key": key,
                    "label": label,
                    "value": current,
                    "default": []
                    if default_for_proto is None
                    else [_datetime_to_proto_string(default_for_proto)],
                    "min": wire_min,
                    "max": wire_max,
                    "step": step_seconds,
                    "format": format,
                    "help": help or "",
                    "form_id": form_id,
                    "disabled": disabled,
                    "required": required,
                    "label_visibility": label_visibility,
                },
            ),
        )
        return current
