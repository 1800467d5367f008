"""More output elements: data, charts, media, metrics, status and progress, misc (element methods).

Element properties are plain data chosen to be stable across runs and machines, except ``value``
of tables:

- tables (``dataframe``, ``table``, ``data_editor``, all recorded as ``dataframe``/``table``
  elements, with ``editing_mode`` telling editors apart) record ``columns``, ``rows`` (the row
  count), ``preview`` (the first :data:`PREVIEW_ROWS` rows as lists), ``index`` (only when the index
  is not the default ``0..n-1``) and ``value``: the whole input table (what ``AppTest``'s
  ``.value`` makes a DataFrame of). A data editor adds ``id``/``key``/``form_id`` and ``edits``
  (its session-state value); a selectable dataframe adds ``selection``;
- charts record their kind plus a small summary of their data (columns and row count, trace or
  layer types, the DOT or Mermaid source); with ``on_select`` they are widgets whose ``value`` is
  the selection state;
- media record a descriptor (the URL, or ``"<N bytes>"``, ``"<array HxW...>"``, a file name...);
  images (and ``pyplot``) as ``urls`` plus ``captions``, audio/video/pdf as ``src``.

pandas and numpy are optional: they are imported only inside functions, when an argument is such
an object (or when a data editor has edits to apply).
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import inspect
import json
import math
import numbers
import os
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

from apptest.runtime import context as _context
from apptest.runtime.elements import Element
from apptest.runtime.streamlit_api import errors as E
from apptest.runtime.streamlit_api.core import (
    DeltaGenerator,
    check_widget_policies,
    label_text,
    register_widget,
    to_key,
    widget_id,
)

__all__ = [
    "PREVIEW_ROWS",
    "DataEditorState",
    "DataframeSelectionState",
    "DataframeState",
    "EChartsSelectionState",
    "EChartsState",
    "MoreElementsMixin",
    "PlotlySelectionState",
    "PlotlyState",
    "PydeckSelectionState",
    "PydeckState",
    "ReadOnlyAttributeDictionary",
    "VegaLiteState",
    "table_summary",
]

PREVIEW_ROWS = 10
_DEPRECATED_UCW = (
    "For `use_container_width=True`, use `width='stretch'`. "
    "For `use_container_width=False`, use `width='content'`."
)


# ---------------------------------------------------------------------------------- widget states
_READ_ONLY_ERROR_MSG = (
    "Widget state is read-only because modifying nested values has no effect "
    "on the app. For widget states that support programmatic updates "
    "(e.g. st.dataframe selections), assign a new dictionary to the Session "
    "State key instead, for example:\n"
    "    st.session_state['my_key'] = {'selection': {'rows': [0]}}"
)


class ReadOnlyAttributeDictionary(dict[Any, Any]):
    """A read-only dict with attribute access, as Streamlit returns widget states in."""

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        return ReadOnlyAttributeDictionary(item) if isinstance(item, dict) and not isinstance(
            item, ReadOnlyAttributeDictionary) else item

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError as err:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{key}'") from err

    def __setattr__(self, name: str, value: Any) -> None:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def __delitem__(self, key: Any) -> None:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def __ior__(self, other: Any) -> ReadOnlyAttributeDictionary:  # type: ignore[misc]
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def clear(self) -> None:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def pop(self, *args: Any) -> Any:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def popitem(self) -> tuple[Any, Any]:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(_READ_ONLY_ERROR_MSG)

    def __copy__(self) -> ReadOnlyAttributeDictionary:
        return type(self)(dict.copy(self))

    def __deepcopy__(self, memo: dict[Any, Any]) -> ReadOnlyAttributeDictionary:
        return type(self)({copy.deepcopy(k, memo): copy.deepcopy(v, memo) for k, v in self.items()})


class DataframeSelectionState(ReadOnlyAttributeDictionary):
    """``st.dataframe`` selection: ``rows``, ``columns``, ``cells``."""


class DataframeState(ReadOnlyAttributeDictionary):
    """``st.dataframe`` event state: ``{"selection": DataframeSelectionState}``."""


class DataEditorState(ReadOnlyAttributeDictionary):
    """``st.data_editor`` edit state: ``edited_rows``, ``added_rows``, ``deleted_rows``."""


class VegaLiteState(ReadOnlyAttributeDictionary):
    """Vega-Lite/Altair chart event state."""


class PlotlySelectionState(ReadOnlyAttributeDictionary):
    """Plotly selection: ``points``, ``point_indices``, ``box``, ``lasso``."""


class PlotlyState(ReadOnlyAttributeDictionary):
    """Plotly chart event state."""


class PydeckSelectionState(ReadOnlyAttributeDictionary):
    """Pydeck selection: ``indices``, ``objects``."""


class PydeckState(ReadOnlyAttributeDictionary):
    """Pydeck chart event state."""


class EChartsSelectionState(ReadOnlyAttributeDictionary):
    """ECharts selection: ``selected``, ``areas``."""


class EChartsState(ReadOnlyAttributeDictionary):
    """ECharts chart event state."""


for _cls in (ReadOnlyAttributeDictionary, DataframeSelectionState, DataframeState, DataEditorState, VegaLiteState,
             PlotlySelectionState, PlotlyState, PydeckSelectionState, PydeckState, EChartsSelectionState,
             EChartsState):
    _cls.__module__ = "streamlit.typing" if _cls is not ReadOnlyAttributeDictionary else "streamlit.util"


def _plain_state(value: Any) -> Any:
    """A widget state as plain dicts/lists (for element props)."""
    if isinstance(value, dict):
        return {k: _plain_state(dict.__getitem__(value, k)) for k in value}
    if isinstance(value, (list, tuple)):
        return [_plain_state(v) for v in value]
    return value


# ---------------------------------------------------------------------------------- small helpers
def _clean(text: Any) -> str:
    return textwrap.dedent(str(text)).strip()


def _help(help: Any) -> str:
    return "" if help is None else textwrap.dedent(str(help))


def _is_url(url: Any, schemas: tuple[str, ...] = ("http", "https")) -> bool:
    try:
        result = urlparse(str(url))
    except ValueError:
        return False
    if result.scheme not in schemas:
        return False
    if result.scheme in ("http", "https"):
        return bool(result.netloc)
    if result.scheme in ("mailto", "data"):
        return bool(result.path)
    return False


def _validate_on_select(value: Any, param: str = "on_select", *, none_supported: bool = False) -> Any:
    """Streamlit's validate_on_change_mode for ("rerun", "ignore"): the callback or None."""
    if value is None and none_supported:
        return None
    if callable(value):
        return value
    if isinstance(value, str) and value in ("rerun", "ignore"):
        return None
    raise E.StreamlitValueError(param, ["'rerun'", "'ignore'", "a callback function"])


def _warn_deprecated(message: str, *, in_browser: bool) -> None:
    import logging

    logging.getLogger("streamlit.deprecation_util").warning(message)
    if in_browser:
        ctx = _context.current()
        if ctx is not None:
            import apptest.runtime.streamlit_api.st as st_module

            getattr(st_module, "warning")(message)  # noqa: B009 - bound at import time


def _ucw_warning() -> None:
    _warn_deprecated(
        "Please replace `use_container_width` with `width`.\n\n`use_container_width` will be removed after "
        f"2025-12-31.\n\n{_DEPRECATED_UCW}",
        in_browser=False,
    )


def _check_width(width: Any, *, allow_content: bool = False) -> None:
    if isinstance(width, bool) or not (
        (isinstance(width, int) and width > 0) or width == "stretch" or (allow_content and width == "content")
    ):
        raise E.StreamlitInvalidWidthError(width, allow_content)


def _check_height(height: Any, *, allow_content: bool = False, extra: tuple[str, ...] = ()) -> None:
    if isinstance(height, bool) or not (
        (isinstance(height, int) and height > 0) or height == "stretch" or height in extra
        or (allow_content and height == "content")
    ):
        raise E.StreamlitInvalidHeightError(height, allow_content)


# ---------------------------------------------------------------------------------- tables
def _module_of(obj: Any) -> str:
    return type(obj).__module__ or ""


def _is_foreign_frame(data: Any) -> bool:
    """A pandas/numpy/pyarrow/polars/... object (handled through pandas)."""
    mod = _module_of(data)
    return mod.split(".", 1)[0] in ("pandas", "numpy", "pyarrow", "polars", "xarray", "dask", "modin",
                                     "pyspark", "snowflake", "duckdb") or (
        hasattr(data, "to_pandas") and callable(data.to_pandas)
    ) or hasattr(data, "__dataframe__") or hasattr(data, "__arrow_c_stream__")


def _conversion_error(data: Any) -> E.StreamlitDataframeConversionError:
    return E.StreamlitDataframeConversionError(
        f"""
Unable to convert object of type `{type(data)}` to `pandas.DataFrame`.
Offending object:
```py
{data}
```"""
    )


def _is_scalar(v: Any) -> bool:
    return not isinstance(v, (list, tuple, dict, set, frozenset, Mapping)) and not (
        _is_foreign_frame(v) and hasattr(v, "__len__")
    )


_MISSING: Any = float("nan")


def _py_table(data: Any) -> tuple[list[Any], list[list[Any]], list[Any] | None] | None:
    """(columns, rows, index-or-None) for plain Python data; None when pandas is needed."""
    if isinstance(data, (str, bytes, int, float, bool, complex)):
        raise _conversion_error(data)
    if isinstance(data, Mapping):
        if not data:
            return [], [], None
        values = list(data.values())
        if all(isinstance(v, (list, tuple)) for v in values):
            n = len(values[0])
            if all(len(v) == n for v in values):
                return list(data.keys()), [list(r) for r in zip(*values, strict=False)], None
            return None
        if all(_is_scalar(v) for v in values):
            return ["value"], [[v] for v in values], list(data.keys())
        return None
    if isinstance(data, (list, tuple, set, frozenset, range)) or type(data).__name__ in ("deque", "map", "UserList"):
        items = list(data)
        if not items:
            return [], [], None
        if all(isinstance(x, dict) for x in items):
            cols: list[Any] = []
            seen: set[Any] = set()
            for x in items:
                for k in x:
                    if k not in seen:
                        seen.add(k)
                        cols.append(k)
            return cols, [[x.get(c, _MISSING) for c in cols] for x in items], None
        if all(isinstance(x, (list, tuple)) for x in items):
            width = max(len(x) for x in items)
            rows = [list(x) + [None] * (width - len(x)) for x in items]
            cols = ["value"] if width == 1 else list(range(width))
            return cols, rows, None
        if all(_is_scalar(x) for x in items):
            return ["value"], [[x] for x in items], None
        return None
    return None


def _to_pandas(data: Any) -> Any:
    """Streamlit's convert_anything_to_pandas_df, for the formats an app is likely to pass."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    def fix(df: Any) -> Any:
        if len(df.columns) == 1 and df.columns[0] == 0:
            df = df.rename(columns={0: "value"})
        return df

    if isinstance(data, pd.DataFrame):
        return data
    if isinstance(data, (pd.Series, pd.Index, pd.api.extensions.ExtensionArray)):
        return pd.DataFrame(data)
    if type(data).__name__ == "Styler" and _module_of(data).startswith("pandas"):
        return data.data
    mod = _module_of(data)
    if mod.startswith("numpy") and type(data).__name__ == "ndarray":
        return pd.DataFrame([]) if len(data.shape) == 0 else fix(pd.DataFrame(data))
    if mod.startswith("polars"):
        name = type(data).__name__
        if name == "LazyFrame":
            return data.limit(10000).collect().to_pandas()
        if name == "Series":
            return data.to_pandas().to_frame()
        return data.to_pandas()
    if hasattr(data, "to_pandas") and callable(data.to_pandas):
        return pd.DataFrame(data.to_pandas())
    if inspect.isgeneratorfunction(data):
        return fix(pd.DataFrame(list(data())))
    if isinstance(data, Mapping) and not isinstance(data, dict):
        data = dict(data)
    if type(data).__name__ in ("deque", "map", "UserList") or isinstance(data, (set, frozenset)):
        return fix(pd.DataFrame(list(data)))
    try:
        return fix(pd.DataFrame(data))
    except (ValueError, TypeError) as ex:
        if isinstance(data, dict):
            try:
                return fix(pd.DataFrame.from_dict(data, orient="index"))
            except (ValueError, TypeError):
                pass
        raise _conversion_error(data) from ex


def _py_value(v: Any) -> Any:
    item = getattr(v, "item", None)
    if item is not None and callable(item) and _module_of(v).startswith("numpy"):
        try:
            return item()
        except (ValueError, TypeError):
            return v
    return v


def _col_name(c: Any) -> Any:
    c = _py_value(c)
    return c if isinstance(c, (str, int)) and not isinstance(c, bool) else str(c)


def _pandas_summary(df: Any, with_value: bool) -> dict[str, Any]:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    head = df.head(PREVIEW_ROWS)
    out: dict[str, Any] = {
        "columns": [_col_name(c) for c in df.columns],
        "rows": len(df),
        "preview": [[_py_value(v) for v in row] for row in head.itertuples(index=False, name=None)],
    }
    idx = df.index
    if not (isinstance(idx, pd.RangeIndex) and idx.start == 0 and idx.step == 1):
        out["index"] = [_py_value(v) for v in head.index]
    if with_value:
        out["value"] = df
    return out


def table_summary(data: Any, *, with_value: bool = False) -> dict[str, Any]:
    """A table's plain summary: ``columns``, ``rows`` (the count), ``preview`` (the first
    :data:`PREVIEW_ROWS` rows as lists) and ``index`` (only when not the default ``0..n-1``).

    With ``with_value``, ``value`` is the whole table, what ``AppTest``'s ``.value`` turns into a
    DataFrame: the DataFrame itself for pandas-like input, else a column mapping
    (``{column: [values]}``, or ``{column: {index: value}}`` when the index is not the default).
    """
    if data is None:
        out: dict[str, Any] = {"columns": [], "rows": 0, "preview": []}
        if with_value:
            out["value"] = None
        return out
    if not _is_foreign_frame(data):
        table = _py_table(data)
        if table is not None:
            cols, rows, index = table
            out = {"columns": [_col_name(c) for c in cols], "rows": len(rows), "preview": rows[:PREVIEW_ROWS]}
            if index is not None:
                out["index"] = index[:PREVIEW_ROWS]
            if with_value:
                columns = [[row[i] for row in rows] for i in range(len(cols))]
                if index is None:
                    out["value"] = dict(zip(cols, columns, strict=False))
                else:
                    out["value"] = {c: dict(zip(index, v, strict=False)) for c, v in zip(cols, columns, strict=False)}
            return out
    if importlib.util.find_spec("pandas") is None:
        out = {"columns": [], "rows": len(data) if hasattr(data, "__len__") else 0, "preview": [],
               "type": type(data).__name__}
        if with_value:
            out["value"] = None
        return out
    return _pandas_summary(_to_pandas(data), with_value)


def _shape_summary(data: Any) -> dict[str, Any]:
    """``{"columns", "rows"}`` only (for charts)."""
    s = table_summary(data)
    return {"columns": s["columns"], "rows": s["rows"]}


def _data_signature(data: Any) -> str:
    """A stable digest of a table's full contents (part of unkeyed widget ids)."""
    h = hashlib.blake2b(digest_size=12)
    if data is None:
        return "none"
    if _is_foreign_frame(data):
        try:
            df = _to_pandas(data)
            h.update(repr(list(df.columns)).encode())
            h.update(df.to_json(orient="split", default_handler=str).encode())
            return h.hexdigest()
        except Exception:
            pass
    h.update(repr(data).encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------- data editor
def _editor_format(data: Any) -> str:
    """The DataFormat name Streamlit would give ``data`` (the shape returned by data_editor)."""
    if data is None:
        return "EMPTY"
    mod = _module_of(data)
    name = type(data).__name__
    if mod.startswith("pandas"):
        return {"DataFrame": "PANDAS_DATAFRAME", "Series": "PANDAS_SERIES", "Styler": "PANDAS_STYLER"}.get(
            name, "PANDAS_INDEX" if "Index" in name else "PANDAS_ARRAY")
    if mod.startswith("numpy") and name == "ndarray":
        return "NUMPY_LIST" if len(data.shape) == 1 else "NUMPY_MATRIX"
    if mod.startswith("pyarrow"):
        return "PYARROW_TABLE" if name == "Table" else "PYARROW_ARRAY"
    if mod.startswith("polars"):
        return {"Series": "POLARS_SERIES", "LazyFrame": "POLARS_LAZYFRAME"}.get(name, "POLARS_DATAFRAME")
    if _is_foreign_frame(data):
        return "OTHER_FRAME"
    if type(data).__name__ in ("ChainMap", "UserDict", "mappingproxy", "OrderedDict") or (
        isinstance(data, tuple) and hasattr(data, "_fields")
    ) or (hasattr(data, "__dataclass_fields__") and not isinstance(data, type)):
        return "KEY_VALUE_DICT"
    if type(data).__name__ in ("dict_items", "enumerate"):
        return "LIST_OF_ROWS"
    if isinstance(data, (list, tuple, set, frozenset)):
        if all(_is_scalar(x) for x in data):
            if isinstance(data, tuple):
                return "TUPLE_OF_VALUES"
            if isinstance(data, (set, frozenset)):
                return "SET_OF_VALUES"
            return "LIST_OF_VALUES"
        first = next(iter(data))
        if isinstance(first, dict):
            return "LIST_OF_RECORDS"
        if isinstance(first, (list, tuple, set, frozenset)):
            return "LIST_OF_ROWS"
        return "UNKNOWN"
    if isinstance(data, Mapping):
        if not data:
            return "KEY_VALUE_DICT"
        first_value = next(iter(data.values()))
        if isinstance(first_value, dict):
            return "COLUMN_INDEX_MAPPING"
        if isinstance(first_value, (list, tuple)):
            return "COLUMN_VALUE_MAPPING"
        if _module_of(first_value).startswith("pandas"):
            return "COLUMN_SERIES_MAPPING"
        return "KEY_VALUE_DICT"
    if hasattr(data, "__iter__") and not isinstance(data, (str, bytes)):
        return "LIST_OF_VALUES"
    return "UNKNOWN"


def _editor_deserialize(wire: Any) -> DataEditorState:
    state: dict[str, Any] = (
        {"edited_rows": {}, "added_rows": [], "deleted_rows": []} if wire is None
        else json.loads(wire) if isinstance(wire, (str, bytes)) else dict(wire)
    )
    state.setdefault("edited_rows", {})
    state.setdefault("added_rows", [])
    state.setdefault("deleted_rows", [])
    state["edited_rows"] = {int(k): v for k, v in state["edited_rows"].items()}
    return DataEditorState(state)


def _editor_serialize(state: Any) -> str:
    return json.dumps(state, default=str)


def _has_edits(state: Mapping[str, Any]) -> bool:
    return bool(state.get("edited_rows") or state.get("added_rows") or state.get("deleted_rows"))


def _unchanged_copy(data: Any, fmt: str) -> Any:
    """What data_editor returns without edits, for plain Python inputs (no pandas needed)."""
    if fmt == "LIST_OF_VALUES":
        return list(data)
    if fmt == "TUPLE_OF_VALUES":
        return tuple(data)
    if fmt == "SET_OF_VALUES":
        return set(data)
    if fmt == "COLUMN_VALUE_MAPPING":
        return {k: list(v) for k, v in data.items()}
    if fmt == "KEY_VALUE_DICT" and isinstance(data, dict):
        return dict(data)
    if fmt == "LIST_OF_RECORDS":
        cols, rows, _ = _py_table(data) or ([], [], None)
        return [{c: (None if isinstance(v, float) and math.isnan(v) else v) for c, v in zip(cols, r, strict=False)} for r in rows]
    if fmt == "LIST_OF_ROWS" and isinstance(data, (list, tuple)):
        _, rows, _ = _py_table(data) or ([], [], None)
        return rows
    return copy.copy(data)


def _parse_cell(value: Any, dtype: Any) -> Any:
    if value is None:
        return None
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    kind = getattr(dtype, "kind", "O")
    try:
        if kind in "iu":
            return int(value)
        if kind == "f":
            return float(value)
        if kind == "b":
            return bool(value)
        if kind == "M":
            return pd.Timestamp(value)
        if kind == "m":
            return pd.Timedelta(value, unit="s") if isinstance(value, (int, float)) else pd.Timedelta(value)
    except (ValueError, TypeError, OverflowError):
        return None
    return value


def _apply_edits(df: Any, state: Mapping[str, Any]) -> Any:
    edited = state.get("edited_rows") or {}
    for row_id, changes in edited.items():
        pos = int(row_id)
        for col, value in changes.items():
            try:
                if col == "_index":
                    df.index = df.index.delete(pos).insert(pos, value)
                else:
                    loc = df.columns.get_loc(col)
                    df.iat[pos, loc] = _parse_cell(value, df.dtypes.iloc[loc])
            except (TypeError, ValueError, OverflowError, KeyError, IndexError):
                continue
    deleted = state.get("deleted_rows") or []
    if deleted:
        df = df.drop(df.index[list(deleted)])
    added = state.get("added_rows") or []
    if added:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        stop = None
        if isinstance(df.index, pd.RangeIndex):
            stop = df.index.stop
        elif pd.api.types.is_integer_dtype(df.index.dtype):
            stop = 0 if df.index.empty else int(df.index.max()) + 1
        for row in added:
            values = [None] * df.shape[1]
            index_value = None
            for col, value in row.items():
                if col == "_index":
                    index_value = value
                elif col in df.columns:
                    loc = df.columns.get_loc(col)
                    values[loc] = _parse_cell(value, df.dtypes.iloc[loc])
            label = index_value if index_value is not None and stop is None else stop
            if label is None:
                continue
            try:
                df.loc[label] = dict(zip(df.columns, values, strict=False))
            except (TypeError, ValueError, OverflowError):
                continue
            if stop is not None and label == stop:
                stop += 1
    return df


def _from_pandas(df: Any, fmt: str, original: Any) -> Any:
    """Streamlit's convert_pandas_df_to_data_format."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    def unify(frame: Any) -> Any:
        return frame.astype(object).where(pd.notna(frame), None)

    if fmt in ("EMPTY", "PANDAS_DATAFRAME", "PANDAS_INDEX", "PANDAS_STYLER", "PANDAS_ARRAY", "OTHER_FRAME"):
        return df
    if fmt == "NUMPY_LIST":
        import numpy as np

        return np.ndarray(0) if df.empty else df.iloc[:, 0].to_numpy()
    if fmt == "NUMPY_MATRIX":
        import numpy as np

        return np.ndarray(0) if df.empty else df.to_numpy()
    if fmt == "PYARROW_TABLE":
        import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]

        return pa.Table.from_pandas(df)
    if fmt == "PANDAS_SERIES":
        return df.iloc[:, 0] if len(df.columns) == 1 else df
    if fmt in ("POLARS_DATAFRAME", "POLARS_LAZYFRAME"):
        import polars as pl  # type: ignore[import-not-found, unused-ignore]

        return pl.from_pandas(df)
    if fmt == "LIST_OF_RECORDS":
        return unify(df).to_dict(orient="records")
    if fmt == "LIST_OF_ROWS":
        return unify(df).to_numpy().tolist()
    if fmt == "COLUMN_INDEX_MAPPING":
        return unify(df).to_dict(orient="dict")
    if fmt == "COLUMN_VALUE_MAPPING":
        return unify(df).to_dict(orient="list")
    if fmt == "COLUMN_SERIES_MAPPING":
        return df.to_dict(orient="series")
    if fmt in ("LIST_OF_VALUES", "TUPLE_OF_VALUES", "SET_OF_VALUES"):
        frame = unify(df)
        values: list[Any] = []
        if len(frame.columns) == 1:
            values = frame.iloc[:, 0].tolist()
        elif len(frame.columns) > 1:
            raise E.StreamlitDataframeConversionError(
                f"DataFrame is expected to have a single column but has {len(frame.columns)}.")
        if fmt == "TUPLE_OF_VALUES":
            return tuple(values)
        if fmt == "SET_OF_VALUES":
            return set(values)
        return values
    if fmt == "KEY_VALUE_DICT":
        frame = unify(df)
        return {} if frame.empty else frame.iloc[:, 0].to_dict()
    return df


# ---------------------------------------------------------------------------------- metric
_METRIC_COLORS = ("red", "orange", "yellow", "green", "blue", "violet", "gray", "grey", "primary")
_VALID_DELTA_COLORS = ("normal", "inverse", "off", *_METRIC_COLORS)


def _metric_number(value: Any, parameter: str) -> str:
    if isinstance(value, numbers.Number):
        return str(value)
    item = getattr(value, "item", None)
    if item is not None:
        try:
            v = item()
            if isinstance(v, (float, int)):
                return str(v)
        except Exception:
            pass
    raise E.StreamlitInvalidParameterTypeError(
        parameter, type(value).__name__, ["int", "float", "Decimal", "NumPy number"],
        detail="Convert the value to a number type.",
    )


def _metric_value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return _metric_number(value, "value")


def _metric_delta(delta: Any) -> str:
    if delta is None or (isinstance(delta, str) and delta == ""):
        return ""
    if isinstance(delta, str):
        return textwrap.dedent(delta)
    return _metric_number(delta, "delta")


def _metric_color(delta_color: str, delta: Any) -> tuple[str, str]:
    if delta_color not in _VALID_DELTA_COLORS:
        raise E.StreamlitValueError("delta_color", [f"'{c}'" for c in _VALID_DELTA_COLORS])
    if delta is None or (isinstance(delta, str) and delta == ""):
        return "gray", "none"
    zero = textwrap.dedent(delta) == "0" if isinstance(delta, str) else bool(delta == 0)
    if zero:
        direction = "none"
    elif textwrap.dedent(str(delta)).startswith("-"):
        direction = "down"
    else:
        direction = "up"
    if delta_color in _METRIC_COLORS:
        return ("gray" if delta_color == "grey" else delta_color), direction
    if direction == "none" or delta_color == "off":
        return "gray", direction
    negative = direction == "down"
    if delta_color == "normal":
        return ("red" if negative else "green"), direction
    return ("green" if negative else "red"), direction


# ---------------------------------------------------------------------------------- media
def _nbytes(n: int) -> str:
    return f"<{n} bytes>"


def _media_descriptor(data: Any, kind: str) -> str:
    """A stable one-line description of a media source."""
    if data is None:
        return ""
    if isinstance(data, Path):
        p = data
        return f"file {p.name} ({p.stat().st_size} bytes)" if p.is_file() else f"file {p.name}"
    if isinstance(data, str):
        s = data.strip()
        if _is_url(s, ("http", "https", "data")) or s.startswith("/"):
            if s.startswith("data:") and len(s) > 80:
                return f"{s[:s.find(',') + 1]}...{_nbytes(len(s))}"
            if not s.startswith("/") or not os.path.isfile(s):
                return s
        if kind == "image" and s.lstrip().startswith(("<svg", "<?xml")):
            return f"<svg {len(s)} chars>"
        if os.path.isfile(s):
            return f"file {os.path.basename(s)} ({os.path.getsize(s)} bytes)"
        return s
    if isinstance(data, (bytes, bytearray, memoryview)):
        return _nbytes(len(data))
    mod = _module_of(data)
    name = type(data).__name__
    if mod.startswith("numpy") and name == "ndarray":
        return f"<array {'x'.join(str(d) for d in data.shape)} {data.dtype}>"
    if mod.startswith("PIL"):
        size = getattr(data, "size", None)
        mode = getattr(data, "mode", "")
        return f"<image {mode} {size[0]}x{size[1]}>" if size else f"<image {mode}>"
    getvalue = getattr(data, "getvalue", None)
    if callable(getvalue):
        try:
            return _nbytes(len(getvalue()))
        except Exception:
            pass
    getbuffer = getattr(data, "getbuffer", None)
    if callable(getbuffer):
        return _nbytes(len(getbuffer()))
    if hasattr(data, "read"):
        n = getattr(data, "size", None)
        return _nbytes(n) if isinstance(n, int) else f"<{name}>"
    return f"<{name}>"


def _media_time(value: Any, param: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return int(value)
    try:
        import datetime

        if isinstance(value, datetime.timedelta):
            return int(value.total_seconds())
        text = str(value).strip()
        seconds = _parse_duration(text)
        if seconds is None:
            raise ValueError
        return int(seconds)
    except ValueError:
        raise E.StreamlitAPIException(_time_error(value, param)) from None


_DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*(w|week|weeks|d|day|days|h|hour|hours|m|min|mins|minute|minutes|"
                       r"s|sec|secs|second|seconds))\s*")
_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}


def _parse_duration(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    rest = text
    matched = False
    while rest:
        m = _DURATION.match(rest)
        if not m:
            return None
        matched = True
        unit = m.group(2)
        key = "m" if unit.startswith("mi") or unit == "m" else unit[0]
        total += float(m.group(1)) * _UNITS[key]
        rest = rest[m.end():]
    return total if matched else None


def _time_error(value: Any, param: str) -> str:
    return (
        f"Failed to convert '{param}' to a timedelta. Please use a string in a format supported by "
        "[Pandas Timedelta constructor](https://pandas.pydata.org/docs/reference/api/pandas.Timedelta.html), "
        f'e.g. `"10s"`, `"15 seconds"`, or `"1h23s"`. Got: {value}'
    )


def _check_media_data(data: Any) -> None:
    if data is None or isinstance(data, (str, bytes, bytearray, memoryview, Path)):
        return
    if hasattr(data, "read") or hasattr(data, "getvalue") or hasattr(data, "getbuffer"):
        return
    if _module_of(data).startswith("numpy"):
        return
    raise E.StreamlitInvalidParameterTypeError(
        "data", type(data).__name__, ["str", "bytes", "Path", "BytesIO", "file-like", "ndarray"])


# ---------------------------------------------------------------------------------- charts
def _check_columns(cols: list[Any], *names: Any) -> None:
    available = [str(c) for c in cols]
    for name in names:
        if name is None:
            continue
        for n in [name] if isinstance(name, str) else list(name) if isinstance(name, (list, tuple)) else []:
            if isinstance(n, str) and n not in available:
                raise E.StreamlitAPIException(
                    f'Data does not have a column named `"{n}"`. Available columns are `{", ".join(available)}`',
                    error_id="chart-column-not-found",
                )


def _vega_params(spec: Any) -> set[str]:
    names: set[str] = set()
    if not isinstance(spec, dict) or not spec:
        return names
    params = spec.get("params")
    if isinstance(params, list):
        for p in params:
            if isinstance(p, dict) and p.get("name") and p.get("select"):
                names.add(p["name"])
    for key in ("layer", "hconcat", "vconcat", "concat"):
        children = spec.get(key)
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    names |= _vega_params(child)
    inner = spec.get("spec")
    if isinstance(inner, dict):
        names |= _vega_params(inner)
    return names


def _vega_selection_modes(spec: Any, selection_mode: Any) -> list[str]:
    params = _vega_params(spec)
    if not params:
        raise E.StreamlitAPIException(
            "Selections are activated, but the provided chart spec does not "
            "have any selections defined. To add selections to `st.altair_chart`, check out the documentation "
            "[here](https://altair-viz.github.io/user_guide/interactions.html#selections-capturing-chart-interactions)."
            " For adding selections to `st.vega_lite_chart`, take a look "
            "at the specification [here](https://vega.github.io/vega-lite/docs/selection.html).",
            error_id="vega-on-select-without-spec-selections",
        )
    if selection_mode is None:
        return sorted(params)
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for m in modes:
        if m not in params:
            raise E.StreamlitAPIException(
                f"Selection parameter '{m}' is not defined in the chart spec. "
                f"Available selection parameters are: {params}.",
                error_id="vega-selection-parameter-not-defined",
            )
    return sorted(modes)


def _mark_of(spec: Mapping[str, Any]) -> Any:
    mark = spec.get("mark")
    if isinstance(mark, dict):
        return mark.get("type")
    if mark is None:
        for key in ("layer", "hconcat", "vconcat", "concat"):
            children = spec.get(key)
            if isinstance(children, list):
                return [_mark_of(c) for c in children if isinstance(c, dict)]
        inner = spec.get("spec")
        if isinstance(inner, dict):
            return _mark_of(inner)
    return mark


def _title_of(title: Any) -> Any:
    if isinstance(title, dict):
        return title.get("text")
    return title


# ---------------------------------------------------------------------------------- pdf / pages
def _pdf_component_installed() -> bool:
    return importlib.util.find_spec("streamlit_pdf") is not None


def _page_name_from_path(path: str) -> str:
    stem = Path(path).stem
    stem = re.sub(r"^[0-9]+[_ -]*", "", stem)
    return stem.replace("_", " ").strip() or Path(path).stem


# ---------------------------------------------------------------------------------- skeleton
class SkeletonPlaceholder:
    """What ``st.skeleton`` returns: the placeholder slot, usable with ``with``."""

    __slots__ = ("_dg",)

    def __init__(self, dg: DeltaGenerator) -> None:
        object.__setattr__(self, "_dg", dg)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        return getattr(self._dg, name)

    def __enter__(self) -> SkeletonPlaceholder:
        getattr(self._dg, "empty")()  # noqa: B009 - added by another mixin
        return self

    def __exit__(self, *exc: Any) -> Literal[False]:
        return False


# ====================================================================================== the mixin
class MoreElementsMixin:
    __slots__ = ()

    @property
    def dg(self) -> DeltaGenerator:
        """The DeltaGenerator itself (Streamlit's mixins expose it as ``.dg``)."""
        return self  # type: ignore[return-value]

    # ------------------------------------------------------------------ metric
    def metric(
        self,
        label: str,
        value: Any,
        delta: Any = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        icon: str | None = None,
        label_visibility: str = "visible",
        border: bool = False,
        width: Any = "stretch",
        height: Any = "content",
        chart_data: Any = None,
        chart_type: str = "line",
        delta_arrow: str = "auto",
        format: Any = None,
        delta_description: str | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        text = label_text(label, label_visibility)
        body = _metric_value(value)
        delta_text = _metric_delta(delta)
        color, direction = _metric_color(_clean(delta_color), delta)
        arrow = _clean(delta_arrow)
        if arrow not in ("auto", "up", "down", "off"):
            raise E.StreamlitValueError("delta_arrow", ["'auto'", "'up'", "'down'", "'off'"])
        if arrow != "auto":
            direction = {"off": "none", "up": "up", "down": "down"}[arrow]
        props: dict[str, Any] = {
            "label": text, "value": body, "delta": delta_text, "color": color, "direction": direction,
            "help": _help(help), "icon": icon or "", "border": bool(border), "label_visibility": label_visibility,
        }
        if chart_data is not None:
            series: list[float] = []
            for v in _to_list(chart_data):
                try:
                    series.append(float(v))
                except Exception as ex:
                    raise E.StreamlitAPIException(
                        "Only numeric values are supported for chart data sequence. The "
                        f"value '{v}' is of type {type(v)} and cannot be converted to float.",
                        error_id="metric-chart-data-not-numeric",
                    ) from ex
            if series:
                props["chart_data"] = series
                props["chart_type"] = chart_type if chart_type in ("bar", "area") else "line"
        if format is not None:
            props["format"] = format
        if delta_description is not None:
            props["delta_description"] = delta_description
        return dg._add_element("metric", props)

    # ------------------------------------------------------------------ markdown-like
    def divider(self, *, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("divider", {"body": "---", "element_type": "DIVIDER", "help": "", "allow_html": False})

    def latex(self, body: Any, *, help: str | None = None, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if _module_of(body).startswith("sympy"):
            import sympy  # type: ignore[import-untyped, unused-ignore]

            body = sympy.latex(body)
        return dg._add_element("latex", {"body": f"$$\n{_clean(body)}\n$$", "help": _help(help) if help else "",
                                         "element_type": "LATEX", "allow_html": False})

    def badge(
        self,
        label: str,
        *,
        icon: str | None = None,
        color: str = "blue",
        width: Any = "content",
        help: str | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        icon_str = f"{icon} " if icon else ""
        escaped = label.replace("[", "\\[").replace("]", "\\]")
        return dg._add_element("markdown", {"body": f":{color}-badge[{icon_str}{escaped}]", "help": _help(help),
                                            "allow_html": False, "element_type": "NATIVE"})

    def html(self, body: Any, *, width: Any = "stretch", unsafe_allow_javascript: bool = False) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        repr_html = getattr(body, "_repr_html_", None)
        if callable(repr_html):
            content = str(repr_html())
        elif isinstance(body, Path):
            content = body.read_text(encoding="utf-8")
            if body.suffix.lower() == ".css":
                content = f"<style>{content}</style>"
        elif isinstance(body, str) and len(body) <= 4096 and "<" not in body and _is_file(body):
            _warn_deprecated("Passing a local file path as a string to `st.html` is no longer supported. "
                             "To load a local file, pass a `pathlib.Path` object instead.", in_browser=True)
            content = _clean(body)
        else:
            content = _clean(body)
        if content == "":
            raise E.StreamlitMissingRequiredParameterError("body")
        if _only_style_tags(content):
            return type(dg)("event")._add_element("html", {"body": content})
        return dg._add_element("html", {"body": content, "unsafe_allow_javascript": bool(unsafe_allow_javascript)})

    # ------------------------------------------------------------------ progress / space / skeleton
    def progress(self, value: Any, text: str | None = None, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if isinstance(value, int):
            if not 0 <= value <= 100:
                raise E.StreamlitValueOutOfRangeError("value", value, 0, 100)
            v = value
        elif isinstance(value, float):
            if not (0.0 <= value <= 1.0 or math.isclose(value, 0.0, rel_tol=1e-9, abs_tol=1e-9)
                    or math.isclose(value, 1.0, rel_tol=1e-9, abs_tol=1e-9)):
                raise E.StreamlitValueOutOfRangeError("value", value, 0.0, 1.0)
            v = int(value * 100)
        else:
            raise E.StreamlitInvalidParameterTypeError("value", type(value).__name__, ["int", "float"])
        if text is not None and not isinstance(text, str):
            raise E.StreamlitInvalidParameterTypeError("text", type(text).__name__, ["str"])
        return dg._add_element("progress", {"value": v, "text": _clean(text) if text is not None else ""})

    def space(self, size: Any = "small") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        valid = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
        if not ((isinstance(size, str) and size in valid) or (isinstance(size, int) and size > 0)):
            raise E.StreamlitValueError("size", [*(f"'{s}'" for s in valid), "a positive integer"],
                                        detail=f"Got {size!r}.")
        return dg._add_element("space", {"size": size})

    def skeleton(self, height: Any = None, *, width: Any = "stretch") -> SkeletonPlaceholder:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _check_width(width)
        if height is not None:
            _check_height(height)
        props: dict[str, Any] = {}
        if height is not None:
            props["height"] = height
        return SkeletonPlaceholder(dg._add_element("skeleton", props))

    # ------------------------------------------------------------------ tables
    def dataframe(
        self,
        data: Any = None,
        width: Any = "stretch",
        height: Any = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Any = None,
        key: Any = None,
        on_select: Any = "ignore",
        selection_mode: Any = "multi-row",
        selection_default: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        lazy: bool | None = None,
        alt: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        callback = _validate_on_select(on_select)
        key = to_key(key)
        active = not (isinstance(on_select, str) and on_select == "ignore")
        if selection_default is not None and not active:
            raise E.StreamlitIncompatibleParametersError(
                "selection_default", "on_select='ignore'",
                explanation="Set `on_select` to `'rerun'` or a callback to use `selection_default`.",
            )
        modes: list[str] = []
        if active:
            check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=True,
                                  enable_check_callback_rules=callback is not None)
            modes = _selection_modes(selection_mode)
        if use_container_width is not None:
            _ucw_warning()
            if use_container_width:
                width = "stretch"
            elif not isinstance(width, int):
                width = "content"
        _check_width(width, allow_content=True)
        _check_height(height, allow_content=True, extra=("auto",))
        props: dict[str, Any] = table_summary(data, with_value=True)
        props["editing_mode"] = "read_only"
        if hide_index is not None:
            props["hide_index"] = bool(hide_index)
        if column_order:
            props["column_order"] = list(column_order)
        if column_config:
            props["column_config"] = _column_config_props(column_config)
        if not active:
            return dg._add_element("dataframe", props)
        num_rows = int(props["rows"] or 0)
        default_state = _normalize_df_selection(selection_default) if selection_default is not None else None
        eid = widget_id(ctx, "dataframe", key, dg, {"selection_mode", "is_selection_activated"}, {
            "data": _data_signature(data), "width": width, "height": height,
            "column_order": props.get("column_order"), "column_config": str(props.get("column_config")),
            "selection_mode": tuple(modes), "is_selection_activated": True,
            "selection_default": json.dumps(default_state) if default_state else None,
            "row_height": row_height, "placeholder": placeholder, "alt": alt,
        })
        required = "single-row-required" in modes

        def deserialize(wire: Any) -> DataframeState:
            if wire is not None:
                state: Any = json.loads(wire) if isinstance(wire, (str, bytes)) else _plain_state(wire)
            elif default_state is not None:
                state = {"selection": dict(default_state["selection"])}
            else:
                state = {"selection": {"rows": [], "columns": [], "cells": []}}
            if "selection" not in state:
                state = {"selection": {"rows": [], "columns": [], "cells": []}}
            sel = state["selection"]
            sel.setdefault("rows", [])
            sel.setdefault("columns", [])
            sel["cells"] = [tuple(c) for c in sel.get("cells", [])]
            if required and num_rows > 0 and not sel["rows"]:
                sel["rows"] = [0]
            state["selection"] = DataframeSelectionState(sel)
            return DataframeState(state)

        form_id = dg._form_id(ctx)
        value, _ = register_widget(
            ctx, element_id=eid, element_type="dataframe", user_key=key, deserializer=deserialize,
            serializer=lambda v: json.dumps(_plain_state(v)), on_change=callback, value_type="string_value",
            form_id=form_id,
        )
        if not isinstance(value, DataframeState):
            value = deserialize(json.dumps(_plain_state(value), default=str))
        props.update({"id": eid, "key": key, "form_id": form_id, "selection_mode": modes,
                      "selection": _plain_state(value)})
        dg._enqueue(ctx, Element("dataframe", props))
        return value

    def table(
        self,
        data: Any = None,
        *,
        border: Any = True,
        width: Any = "stretch",
        height: Any = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
        alt: str | None = None,
    ) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if not (isinstance(border, bool) or border == "horizontal"):
            raise E.StreamlitValueError("border", ["True", "False", "'horizontal'"])
        props = table_summary(data, with_value=True)
        if hide_index is not None:
            props["hide_index"] = bool(hide_index)
        if hide_header is not None:
            props["hide_header"] = bool(hide_header)
        return dg._add_element("table", props)

    def data_editor(
        self,
        data: Any,
        *,
        width: Any = "stretch",
        height: Any = "auto",
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Any = None,
        num_rows: str = "fixed",
        disabled: Any = False,
        key: Any = None,
        on_change: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        alt: str | None = None,
    ) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = _validate_on_select(on_change, "on_change", none_supported=True)
        _check_width(width, allow_content=True)
        _check_height(height, allow_content=True, extra=("auto",))
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False)
        if use_container_width is not None:
            _ucw_warning()
            if use_container_width:
                width = "stretch"
            elif not isinstance(width, int):
                width = "content"
        fmt = _editor_format(data)
        if fmt == "UNKNOWN":
            raise E.StreamlitDataframeConversionError(
                f"The data type ({type(data).__name__}) or format is not supported by "
                "the data editor. Please convert your data into a Pandas Dataframe or "
                "another supported data format."
            )
        props: dict[str, Any] = table_summary(data, with_value=True)
        duplicated = _duplicates(props["columns"])
        if duplicated:
            raise E.StreamlitAPIException(
                "All column names are required to be unique for usage with data editor. "
                f"The following column names are duplicated: {duplicated}. "
                "Please rename the duplicated columns in the provided data.",
                error_id="data-editor-duplicate-column-names",
            )
        if "_index" in props["columns"]:
            raise E.StreamlitAPIException(
                "The column name '_index' is reserved for the index column "
                "and can't be used for data columns. Please rename the column in the "
                "provided data.",
                error_id="data-editor-reserved-index-column-name",
            )
        order = list(column_order) if column_order is not None else None
        signature = _data_signature(data)
        identity: bool | set[str] = {"data_signature", "num_rows"} if key is not None and num_rows == "fixed" else False
        eid = widget_id(ctx, "data_editor", key, dg, identity, {
            "data": signature, "width": width, "height": height, "column_order": order,
            "column_config_mapping": str(column_config), "num_rows": num_rows, "row_height": row_height,
            "placeholder": placeholder, "alt": alt, "data_signature": signature,
        })
        form_id = dg._form_id(ctx)
        state, _ = register_widget(
            ctx, element_id=eid, element_type="data_editor", user_key=key,
            deserializer=_editor_deserialize, serializer=_editor_serialize, on_change=callback,
            args=args, kwargs=kwargs, value_type="string_value", disabled=disabled is True, form_id=form_id,
            info={"ignore_rerun": isinstance(on_change, str) and on_change == "ignore"},
        )
        if not isinstance(state, Mapping):
            state = _editor_deserialize(None)
        if _has_edits(state) and importlib.util.find_spec("pandas") is not None:
            df = _to_pandas(data).copy()
            result = _from_pandas(_apply_edits(df, state), fmt, data)
        elif fmt.startswith(("PANDAS", "NUMPY", "PYARROW", "POLARS")) or fmt == "OTHER_FRAME":
            result = _from_pandas(_to_pandas(data).copy(), fmt, data) if fmt != "PANDAS_DATAFRAME" else data.copy()
        else:
            result = _unchanged_copy(data, fmt)
        mode = {"dynamic": "dynamic", "add": "add", "delete": "delete"}.get(num_rows, "fixed")
        props.update({
            "id": eid, "key": key, "form_id": form_id, "editing_mode": mode, "disabled": disabled is True,
            "edits": _plain_state(state),
        })
        if hide_index is not None:
            props["hide_index"] = bool(hide_index)
        if order:
            props["column_order"] = order
        if column_config:
            props["column_config"] = _column_config_props(column_config)
        dg._enqueue(ctx, Element("dataframe", props))
        return result

    # ------------------------------------------------------------------ built-in charts
    def _builtin_chart(self, kind: str, data: Any, **params: Any) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if params.pop("use_container_width", None) is not None:
            _ucw_warning()
        params.pop("width", None)
        params.pop("height", None)
        summary = table_summary(data)
        _check_columns(summary["columns"], params.get("x"), params.get("y"))
        color = params.get("color")
        if isinstance(color, str) and not color.startswith("#") and not color.startswith(("rgb", "hsl")):
            _check_columns(summary["columns"], color)
        size = params.get("size")
        if isinstance(size, str):
            _check_columns(summary["columns"], size)
        props: dict[str, Any] = {"chart": kind, "columns": summary["columns"], "rows": summary["rows"]}
        for k, v in params.items():
            if v is not None:
                props[k] = list(v) if isinstance(v, tuple) else v
        return dg._add_element(kind, props)

    def line_chart(self, data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None,
                   y_label: str | None = None, color: Any = None, width: Any = "stretch", height: Any = "content",
                   use_container_width: bool | None = None, alt: str | None = None) -> DeltaGenerator:
        return self._builtin_chart("line_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
                                   width=width, height=height, use_container_width=use_container_width)

    def area_chart(self, data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None,
                   y_label: str | None = None, color: Any = None, stack: Any = None, width: Any = "stretch",
                   height: Any = "content", use_container_width: bool | None = None,
                   alt: str | None = None) -> DeltaGenerator:
        _check_stack(stack)
        return self._builtin_chart("area_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
                                   stack=stack, width=width, height=height, use_container_width=use_container_width)

    def bar_chart(self, data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None,
                  y_label: str | None = None, color: Any = None, horizontal: bool = False, sort: Any = True,
                  stack: Any = None, width: Any = "stretch", height: Any = "content",
                  use_container_width: bool | None = None, alt: str | None = None) -> DeltaGenerator:
        _check_stack(stack)
        return self._builtin_chart("bar_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
                                   horizontal=horizontal or None, sort=None if sort is True else sort, stack=stack,
                                   width=width, height=height, use_container_width=use_container_width)

    def scatter_chart(self, data: Any = None, *, x: str | None = None, y: Any = None, x_label: str | None = None,
                      y_label: str | None = None, color: Any = None, size: Any = None, width: Any = "stretch",
                      height: Any = "content", use_container_width: bool | None = None,
                      alt: str | None = None) -> DeltaGenerator:
        if size is not None and not isinstance(size, (str, int, float)):
            raise E.StreamlitValueError("size", ["a column name", "a number"], detail=f"Got {size!r}.")
        return self._builtin_chart("scatter_chart", data, x=x, y=y, x_label=x_label, y_label=y_label, color=color,
                                   size=size, width=width, height=height, use_container_width=use_container_width)

    def map(self, data: Any = None, *, latitude: str | None = None, longitude: str | None = None,
            color: Any = None, size: Any = None, zoom: int | None = None, width: Any = "stretch",
            height: Any = 500, use_container_width: bool | None = None, alt: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if use_container_width is not None:
            _ucw_warning()
        summary = table_summary(data)
        props: dict[str, Any] = {"columns": summary["columns"], "rows": summary["rows"]}
        if data is not None and summary["columns"]:
            cols = summary["columns"]
            props["latitude"] = _lat_lon(cols, "latitude", latitude, ("LAT", "LATITUDE", "lat", "latitude"))
            props["longitude"] = _lat_lon(cols, "longitude", longitude, ("LON", "LONGITUDE", "lon", "longitude"))
        for k, v in (("color", color), ("size", size), ("zoom", zoom)):
            if v is not None:
                props[k] = list(v) if isinstance(v, tuple) else v
        return dg._add_element("map", props)

    # ------------------------------------------------------------------ library charts
    def vega_lite_chart(self, data: Any = None, spec: Any = None, *, width: Any = None, height: Any = "content",
                        use_container_width: bool | None = None, theme: Any = "streamlit", key: Any = None,
                        on_select: Any = "ignore", selection_mode: Any = None, alt: str | None = None,
                        **kwargs: Any) -> Any:
        if isinstance(data, dict) and spec is None:
            spec, data = data, None
        if spec is None:
            spec = {}
        spec = {**spec, **kwargs} if kwargs else spec
        if not spec:
            raise E.StreamlitMissingRequiredParameterError(
                "spec", detail="Vega-Lite charts require a non-empty spec dict.")
        if data is None and isinstance(spec.get("data"), dict) and "values" in spec["data"]:
            data = spec["data"]["values"]
        return self._vega("vega_lite_chart", spec, data, theme, key, on_select, selection_mode, use_container_width)

    def altair_chart(self, altair_chart: Any, *, width: Any = None, height: Any = "content",
                     use_container_width: bool | None = None, theme: Any = "streamlit", key: Any = None,
                     on_select: Any = "ignore", selection_mode: Any = None, alt: str | None = None) -> Any:
        active = not (isinstance(on_select, str) and on_select == "ignore")
        spec: dict[str, Any] = {}
        if active:
            to_dict = getattr(altair_chart, "to_dict", None)
            if callable(to_dict):
                try:
                    spec = to_dict()
                except Exception:
                    spec = {}
        else:
            mark = getattr(altair_chart, "mark", None)
            if mark is not None and not _is_undefined(mark):
                spec["mark"] = mark if isinstance(mark, str) else getattr(mark, "type", str(mark))
            for layer_key in ("layer", "hconcat", "vconcat", "concat"):
                children = getattr(altair_chart, layer_key, None)
                if isinstance(children, list):
                    spec[layer_key] = [{"mark": _altair_mark(c)} for c in children]
            title = getattr(altair_chart, "title", None)
            if title is not None and not _is_undefined(title):
                spec["title"] = title if isinstance(title, str) else getattr(title, "text", str(title))
        data = getattr(altair_chart, "data", None)
        if data is None or _is_undefined(data) or type(data).__name__ in ("UrlData", "InlineData", "NamedData"):
            data = None
        return self._vega("altair_chart", spec, data, theme, key, on_select, selection_mode, use_container_width)

    def _vega(self, kind: str, spec: Mapping[str, Any], data: Any, theme: Any, key: Any, on_select: Any,
              selection_mode: Any, use_container_width: bool | None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if theme not in ("streamlit", None):
            raise E.StreamlitValueError("theme", ["'streamlit'", "None"])
        callback = _validate_on_select(on_select)
        key = to_key(key)
        if use_container_width is not None:
            _ucw_warning()
        props: dict[str, Any] = {"chart": kind}
        mark = _mark_of(spec)
        if mark is not None:
            props["mark"] = mark
        title = _title_of(spec.get("title"))
        if title is not None:
            props["title"] = title
        if data is not None:
            props.update(_shape_summary(data))
        active = not (isinstance(on_select, str) and on_select == "ignore")
        if not active:
            return dg._add_element("vega_lite_chart", props)
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False,
                              enable_check_callback_rules=callback is not None)
        modes = _vega_selection_modes(spec, selection_mode)
        eid = widget_id(ctx, "arrow_vega_lite_chart", key, dg, {"selection_mode"}, {
            "vega_lite_spec": json.dumps(spec, sort_keys=True, default=str), "data": _data_signature(data),
            "theme": theme, "selection_mode": tuple(modes),
        })

        def deserialize(wire: Any) -> VegaLiteState:
            empty = VegaLiteState({"selection": ReadOnlyAttributeDictionary({m: {} for m in modes})})
            if wire is None:
                return empty
            parsed = json.loads(wire) if isinstance(wire, (str, bytes)) else _plain_state(wire)
            if "selection" not in parsed:
                return empty
            parsed["selection"] = ReadOnlyAttributeDictionary(parsed["selection"])
            return VegaLiteState(parsed)

        return self._selection_widget(ctx, eid, key, props, kind, "vega_lite_chart", deserialize, callback,
                                      {"selection_mode": modes})

    def _selection_widget(self, ctx: Any, eid: str, key: str | None, props: dict[str, Any], kind: str,
                          element: str, deserialize: Callable[[Any], Any], callback: Any,
                          extra: dict[str, Any]) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        form_id = dg._form_id(ctx)
        value, _ = register_widget(
            ctx, element_id=eid, element_type=kind, user_key=key, deserializer=deserialize,
            serializer=lambda v: json.dumps(_plain_state(v), default=str), on_change=callback,
            value_type="string_value", form_id=form_id,
        )
        if not isinstance(value, ReadOnlyAttributeDictionary):
            value = deserialize(json.dumps(_plain_state(value), default=str))
        props.update({"id": eid, "key": key, "form_id": form_id, **extra, "value": _plain_state(value)})
        dg._enqueue(ctx, Element(element, props))
        return value

    def plotly_chart(self, figure_or_data: Any, use_container_width: bool | None = None, *, width: Any = "stretch",
                     height: Any = "content", theme: Any = "streamlit", key: Any = None, on_select: Any = "ignore",
                     selection_mode: Any = ("points", "box", "lasso"), config: dict[str, Any] | None = None,
                     alt: str | None = None, **kwargs: Any) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        if theme not in ("streamlit", None):
            raise E.StreamlitValueError("theme", ["'streamlit'", "None"])
        callback = _validate_on_select(on_select)
        key = to_key(key)
        if use_container_width is not None:
            _ucw_warning()
        fig = figure_or_data
        if not (isinstance(fig, dict) or hasattr(fig, "to_dict")) and hasattr(fig, "to_plotly_json"):
            fig = fig.to_plotly_json()
        as_dict: Any = fig.to_dict() if hasattr(fig, "to_dict") and not isinstance(fig, dict) else fig
        traces: list[Any] = []
        title: Any = None
        if isinstance(as_dict, dict):
            raw = as_dict.get("data") or []
            layout = as_dict.get("layout") or {}
            title = _title_of(layout.get("title")) if isinstance(layout, dict) else None
        elif isinstance(as_dict, (list, tuple)):
            raw = list(as_dict)
        else:
            raw = []
        for t in raw:
            if isinstance(t, dict):
                traces.append(t.get("type", "scatter"))
            else:
                traces.append(getattr(t, "type", type(t).__name__))
        props: dict[str, Any] = {"chart": "plotly_chart", "traces": traces}
        if title is not None:
            props["title"] = title
        active = not (isinstance(on_select, str) and on_select == "ignore")
        if not active:
            return dg._add_element("plotly_chart", props)
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False,
                              enable_check_callback_rules=callback is not None)
        modes = _plotly_modes(selection_mode)
        eid = widget_id(ctx, "plotly_chart", key, dg, {"selection_mode", "is_select_enabled"}, {
            "plotly_spec": json.dumps(_plain_state(as_dict), sort_keys=True, default=str) if isinstance(
                as_dict, (dict, list)) else repr(as_dict),
            "theme": theme, "selection_mode": tuple(modes), "is_select_enabled": True,
        })

        def deserialize(wire: Any) -> PlotlyState:
            empty = PlotlyState({"selection": PlotlySelectionState(
                {"points": [], "point_indices": [], "box": [], "lasso": []})})
            if wire is None:
                return empty
            parsed = json.loads(wire) if isinstance(wire, (str, bytes)) else _plain_state(wire)
            if "selection" not in parsed:
                return empty
            parsed["selection"] = PlotlySelectionState(parsed["selection"])
            return PlotlyState(parsed)

        return self._selection_widget(ctx, eid, key, props, "plotly_chart", "plotly_chart", deserialize, callback,
                                      {"selection_mode": modes})

    def pydeck_chart(self, pydeck_obj: Any = None, *, width: Any = "stretch", use_container_width: bool | None = None,
                     height: Any = 500, selection_mode: str = "single-object", on_select: Any = "ignore",
                     key: Any = None, alt: str | None = None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        callback = _validate_on_select(on_select)
        key = to_key(key)
        if use_container_width is not None:
            _ucw_warning()
        layers: list[Any] = []
        for layer in getattr(pydeck_obj, "layers", None) or []:
            layers.append(getattr(layer, "type", type(layer).__name__))
        props: dict[str, Any] = {"chart": "pydeck_chart", "layers": layers}
        active = not (isinstance(on_select, str) and on_select == "ignore")
        if not active:
            return dg._add_element("deck_gl_json_chart", props)
        if selection_mode not in ("single-object", "multi-object"):
            raise E.StreamlitValueError("selection_mode", ["'single-object'", "'multi-object'"])
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False,
                              enable_check_callback_rules=callback is not None)
        spec = pydeck_obj.to_json() if hasattr(pydeck_obj, "to_json") else "{}"
        eid = widget_id(ctx, "deck_gl_json_chart", key, dg, {"selection_mode", "is_selection_activated"}, {
            "json": spec, "selection_mode": selection_mode, "is_selection_activated": True,
        })

        def deserialize(wire: Any) -> PydeckState:
            empty = PydeckState({"selection": PydeckSelectionState({"indices": {}, "objects": {}})})
            if wire is None:
                return empty
            parsed = json.loads(wire) if isinstance(wire, (str, bytes)) else _plain_state(wire)
            if "selection" not in parsed:
                return empty
            parsed["selection"] = PydeckSelectionState(parsed["selection"])
            return PydeckState(parsed)

        return self._selection_widget(ctx, eid, key, props, "deck_gl_json_chart", "deck_gl_json_chart",
                                      deserialize, callback, {"selection_mode": [selection_mode]})

    def echarts_chart(self, spec: Any, *, width: Any = "stretch", height: Any = "content", theme: Any = "streamlit",
                      key: Any = None, on_select: Any = "ignore", renderer: str = "canvas",
                      alt: str | None = None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        callback = _validate_on_select(on_select)
        key = to_key(key)
        options: Any = spec
        dump = getattr(spec, "dump_options", None)
        if callable(dump):
            try:
                options = json.loads(dump())
            except Exception:
                options = {}
        series: list[Any] = []
        title: Any = None
        if isinstance(options, dict):
            raw = options.get("series") or []
            for s in raw if isinstance(raw, list) else [raw]:
                series.append(s.get("type") if isinstance(s, dict) else type(s).__name__)
            t = options.get("title")
            title = _title_of(t[0] if isinstance(t, list) and t else t)
        props: dict[str, Any] = {"chart": "echarts_chart", "series": series}
        if title is not None:
            props["title"] = title
        active = not (isinstance(on_select, str) and on_select == "ignore")
        if not active:
            return dg._add_element("echarts_chart", props)
        check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False,
                              enable_check_callback_rules=callback is not None)
        eid = widget_id(ctx, "echarts_chart", key, dg, True, {
            "spec": json.dumps(_plain_state(options), sort_keys=True, default=str), "theme": theme,
        })

        def deserialize(wire: Any) -> EChartsState:
            state: Any = ({"selection": {"selected": [], "areas": []}} if wire is None
                          else json.loads(wire) if isinstance(wire, (str, bytes)) else _plain_state(wire))
            if "selection" not in state:
                state = {"selection": {"selected": [], "areas": []}}
            state["selection"].setdefault("selected", [])
            state["selection"].setdefault("areas", [])
            state["selection"] = EChartsSelectionState(state["selection"])
            return EChartsState(state)

        return self._selection_widget(ctx, eid, key, props, "echarts_chart", "echarts_chart", deserialize, callback,
                                      {})

    def pyplot(self, fig: Any = None, clear_figure: bool = False, *, width: Any = "stretch",
               use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if fig is None:
            raise E.StreamlitMissingRequiredParameterError("fig", detail=_FIG_REQUIRED)
        if use_container_width is not None:
            _ucw_warning()
        if kwargs:
            _warn_deprecated(_SAVEFIG_KWARGS_DEPRECATION, in_browser=True)
        axes = list(getattr(fig, "axes", None) or [])
        props: dict[str, Any] = {"chart": "pyplot", "axes": len(axes)}
        titles = [ax.get_title() for ax in axes if hasattr(ax, "get_title")]
        if any(titles):
            props["titles"] = titles
        suptitle = getattr(fig, "_suptitle", None)
        if suptitle is not None and hasattr(suptitle, "get_text"):
            props["suptitle"] = suptitle.get_text()
        if clear_figure and hasattr(fig, "clf"):
            fig.clf()
        return dg._add_element("image", {"urls": ["<pyplot figure>"], "captions": [""], "chart": props})

    def graphviz_chart(self, figure_or_dot: Any, use_container_width: bool | None = None, *, width: Any = "content",
                       height: Any = "content", alt: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if use_container_width is not None:
            _ucw_warning()
        if isinstance(figure_or_dot, str):
            source = figure_or_dot
            engine = "dot"
        elif hasattr(figure_or_dot, "source"):
            source = str(figure_or_dot.source)
            engine = str(getattr(figure_or_dot, "engine", "dot"))
        else:
            raise E.StreamlitAPIException(
                f"Unhandled type for graphviz chart: {type(figure_or_dot)}",
                error_id="graphviz-unhandled-type",
            )
        return dg._add_element("graphviz_chart", {"spec": source, "engine": engine})

    def mermaid_chart(self, body: str, *, width: Any = "stretch", alt: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        return dg._add_element("mermaid_chart", {"body": _clean(body)})

    # ------------------------------------------------------------------ media
    def image(self, image: Any, caption: Any = None, width: Any = "content", clamp: bool = False,
              channels: str = "RGB", output_format: str = "auto", *, use_container_width: bool | None = None,
              link: str | None = None, use_column_width: Any = None, alt: Any = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if use_column_width is not None:
            _warn_deprecated(
                "The `use_column_width` parameter has been removed and has no effect. "
                "Please use the `width` parameter instead.", in_browser=True)
        if use_container_width is not None:
            _ucw_warning()
        if _module_of(image).startswith("numpy") or not isinstance(image, (list, tuple, set)):
            images = [image]
        else:
            images = list(image)
        if caption is None:
            captions: list[Any] = [None] * len(images)
        elif isinstance(caption, str):
            captions = [caption]
        elif _module_of(caption).startswith("numpy"):
            captions = list(caption.tolist())
        else:
            captions = list(caption)
        if len(captions) != len(images):
            raise E.StreamlitAPIException(
                f"Cannot pair {len(captions)} captions with {len(images)} images.",
                error_id="image-caption-count-mismatch",
            )
        if link is not None and len(images) > 1:
            raise E.StreamlitAPIException(
                "The `link` parameter is only supported when displaying a single image. "
                f"You passed {len(images)} images.",
                error_id="image-link-requires-single-image",
            )
        props: dict[str, Any] = {"urls": [_media_descriptor(i, "image") for i in images],
                                 "captions": ["" if c is None else str(c) for c in captions]}
        if link is not None:
            props["link"] = link
        return dg._add_element("image", props)

    def audio(self, data: Any, format: str = "audio/wav", start_time: Any = 0, *,
              sample_rate: int | None = None, end_time: Any = None, loop: bool = False, autoplay: bool = False,
              alt: str | None = None, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        start, end = _media_times(start_time, end_time, check_order=False)
        is_array = _module_of(data).startswith("numpy") or (
            isinstance(data, list) and data and all(isinstance(x, (int, float)) for x in data))
        if is_array and sample_rate is None:
            raise E.StreamlitMissingRequiredParameterError(
                "sample_rate", detail="Must be specified when `data` is a numpy array.")
        if not is_array:
            _check_media_data(data)
        props: dict[str, Any] = {"src": _media_descriptor(data, "audio"), "format": format, "start_time": start}
        if end is not None:
            props["end_time"] = end
        if loop:
            props["loop"] = True
        if autoplay:
            props["autoplay"] = True
        if is_array:
            props["sample_rate"] = sample_rate
        return dg._add_element("audio", props)

    def video(self, data: Any, format: str = "video/mp4", start_time: Any = 0, *,
              subtitles: Any = None, end_time: Any = None, loop: bool = False, autoplay: bool = False,
              muted: bool = False, alt: str | None = None, width: Any = "stretch") -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        start, end = _media_times(start_time, end_time, check_order=True)
        _check_media_data(data)
        props: dict[str, Any] = {"src": _media_descriptor(data, "video"), "format": format, "start_time": start}
        if end is not None:
            props["end_time"] = end
        if subtitles is not None:
            if isinstance(data, str) and ("youtube.com" in data or "youtu.be" in data):
                raise E.StreamlitIncompatibleParametersError(
                    "subtitles", "data=<YouTube URL>", explanation="Subtitles are not supported for YouTube videos.")
            if isinstance(subtitles, dict):
                props["subtitles"] = {str(k): _media_descriptor(v, "subtitles") for k, v in subtitles.items()}
            elif isinstance(subtitles, (str, bytes, Path)) or hasattr(subtitles, "read"):
                props["subtitles"] = {"default": _media_descriptor(subtitles, "subtitles")}
            else:
                raise E.StreamlitInvalidParameterTypeError(
                    "subtitles", type(subtitles).__name__, ["str", "bytes", "BytesIO", "Path", "dict"])
        for k, v in (("loop", loop), ("autoplay", autoplay), ("muted", muted)):
            if v:
                props[k] = True
        return dg._add_element("video", props)

    def pdf(self, data: Any, *, height: Any = 500, key: str | None = None, alt: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if data is None:
            raise E.StreamlitMissingRequiredParameterError(
                "data", detail="Please provide a valid PDF file path, URL, bytes data, or file-like object.")
        if not _pdf_component_installed():
            raise E.StreamlitAPIException(
                "The PDF viewer requires the `streamlit-pdf` component to be installed.\n\n"
                "Please run `pip install streamlit[pdf]` to install it.\n\n"
                "For more information, see the Streamlit PDF documentation at "
                "https://docs.streamlit.io/develop/api-reference/media/st.pdf.",
                error_id="pdf-component-not-installed",
            )
        _check_height(height)
        if isinstance(data, (str, Path)):
            s = str(data).strip()
            if _is_url(s):
                src = s
            else:
                try:
                    with open(s, "rb") as f:
                        src = _nbytes(len(f.read()))
                except (FileNotFoundError, PermissionError) as e:
                    raise E.StreamlitAPIException(f"Unable to read file '{s}': {e}",
                                                  error_id="pdf-unable-to-read-file") from e
        elif isinstance(data, bytes) or hasattr(data, "read"):
            src = _media_descriptor(data, "pdf")
        else:
            raise E.StreamlitInvalidParameterTypeError(
                "data", type(data).__name__, ["str", "Path", "bytes", "file-like object"],
                detail="A str can be a file path or a URL.")
        props: dict[str, Any] = {"src": src, "height": height}
        if key is not None:
            props["key"] = str(key)
        return dg._add_element("pdf", props)

    def iframe(self, src: Any, *, width: Any = "stretch", height: Any = "content", tab_index: int | None = None,
               alt: str | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _check_width(width, allow_content=True)
        _check_height(height, allow_content=True)
        props: dict[str, Any] = {}
        if isinstance(src, Path):
            props["srcdoc"] = f"file {src.name}"
        else:
            s = str(src)
            if _is_url(s, ("http", "https", "data")) or s.startswith("/"):
                props["src"] = s
            elif _is_file(s):
                _warn_deprecated("Passing a local file path as a string to `st.iframe` is no longer supported. "
                                 "To load a local file, pass a `pathlib.Path` object instead.", in_browser=True)
                props["srcdoc"] = s
            else:
                props["srcdoc"] = s
        _check_tab_index(tab_index)
        if tab_index is not None:
            props["tab_index"] = tab_index
        return dg._add_element("iframe", props)

    def _iframe(self, src: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
                tab_index: int | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _check_tab_index(tab_index)
        props: dict[str, Any] = {"src": src, "scrolling": bool(scrolling)}
        if tab_index is not None:
            props["tab_index"] = tab_index
        return dg._add_element("iframe", props)

    def _html(self, html: str, width: int | None = None, height: int | None = None, scrolling: bool = False, *,
              tab_index: int | None = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        _check_tab_index(tab_index)
        props: dict[str, Any] = {"srcdoc": html, "scrolling": bool(scrolling)}
        if tab_index is not None:
            props["tab_index"] = tab_index
        return dg._add_element("iframe", props)

    # ------------------------------------------------------------------ links
    def link_button(self, label: str, url: str, *, key: Any = None, on_click: Any = "ignore", args: Any = None,
                    kwargs: Any = None, help: str | None = None, type: str = "secondary",
                    icon: str | None = None, icon_position: str = "left", disabled: bool = False,
                    use_container_width: bool | None = None, width: Any = "content", shortcut: str | None = None,
                    wrap: bool | None = None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if type not in ("primary", "secondary", "tertiary"):
            raise E.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        if icon_position is None:
            icon_position = "left"
        if icon_position not in ("left", "right"):
            raise E.StreamlitValueError("icon_position", ["'left'", "'right'"])
        if use_container_width is not None:
            width = "stretch" if use_container_width else "content"
        ctx = _context.require()
        key = to_key(key)
        text = "" if label is None else str(label)
        callback = _validate_on_select(on_click, "on_click", none_supported=True)
        rerun_mode = not (isinstance(on_click, str) and on_click == "ignore")
        check = rerun_mode or key is not None
        eid = ""
        if check:
            check_widget_policies(ctx, dg, key, callback, default_value=None, writes_allowed=False)
        if check or shortcut is not None:
            eid = widget_id(ctx, "link_button", key, dg, check, {
                "label": text, "icon": icon, "url": url, "help": help, "type": type, "width": width,
                "icon_position": icon_position, "shortcut": shortcut,
            })
        props: dict[str, Any] = {"label": text, "url": url, "type": type, "disabled": bool(disabled),
                                 "help": _help(help), "icon": icon or ""}
        if eid:
            props["id"] = eid
            props["key"] = key
        if not rerun_mode:
            return dg._enqueue(ctx, Element("link_button", props))
        value, _ = register_widget(
            ctx, element_id=eid, element_type="link_button", user_key=key,
            deserializer=lambda w: bool(w) if w is not None else False, serializer=bool, on_change=callback,
            args=args, kwargs=kwargs, value_type="trigger_value", disabled=disabled, label=text,
        )
        props["value"] = bool(value)
        dg._enqueue(ctx, Element("link_button", props))
        return bool(value)

    def page_link(self, page: Any, *, label: str | None = None, icon: str | None = None,
                  icon_position: str = "left", help: str | None = None, disabled: bool = False,
                  use_container_width: bool | None = None, width: Any = "content",
                  query_params: Any = None) -> DeltaGenerator:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        if icon_position is None:
            icon_position = "left"
        if icon_position not in ("left", "right"):
            raise E.StreamlitValueError("icon_position", ["'left'", "'right'"])
        props: dict[str, Any] = {"label": "" if label is None else str(label), "page": "", "external": False,
                                 "disabled": bool(disabled), "help": _help(help), "icon": icon or ""}
        if query_params:
            props["query_params"] = _plain_state(dict(query_params)) if isinstance(query_params, Mapping) else \
                [list(p) if isinstance(p, tuple) else p for p in query_params]
        if hasattr(page, "url_path") and hasattr(page, "title"):  # an st.Page
            if label is None:
                props["label"] = str(page.title)
            if icon is None:
                props["icon"] = getattr(page, "icon", "") or ""
            if getattr(page, "is_external", False):
                props["page"] = getattr(page, "external_url", "") or ""
                props["external"] = True
            else:
                props["page"] = page.url_path
            return dg._add_element("page_link", props)
        target = str(page)
        if _is_url(target, ("http", "https", "mailto", "data")):
            if label is None or label == "":
                raise E.StreamlitMissingRequiredParameterError(
                    "label", detail="Streamlit cannot infer a label for an external URL.")
            props["page"] = target
            props["external"] = True
            return dg._add_element("page_link", props)
        ctx = _context.current()
        script = getattr(getattr(ctx, "session", None), "script", None)
        folder = getattr(script, "folder", None)
        main_file = getattr(script, "filename", "") or ""
        if folder is not None:
            full = os.path.realpath(os.path.join(folder, target))
            if not os.path.isfile(full):
                raise E.StreamlitPageNotFoundError(page=target, main_script_directory=folder)
            is_main = full == os.path.realpath(main_file)
        else:
            full = target
            is_main = target == main_file
        if label is None:
            props["label"] = _page_name_from_path(full)
        props["page"] = "" if is_main else _page_name_from_path(full).replace(" ", "_")
        return dg._add_element("page_link", props)

    # ------------------------------------------------------------------ fallbacks (widget families)
    # Used only while no widget mixin defines them (the widget mixins come first in the MRO).
    def menu_button(self, label: str, options: Any, *, key: Any = None, help: str | None = None,
                    on_click: Any = None, args: Any = None, kwargs: Any = None, type: str = "secondary",
                    icon: str | None = None, disabled: bool = False, width: Any = "content",
                    format_func: Callable[[Any], str] = str, wrap: bool | None = None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        text = "" if label is None else str(label)
        if on_click is not None and not callable(on_click):
            if isinstance(on_click, str) and on_click in ("rerun", "ignore"):
                raise E.StreamlitAPIException(
                    f'`on_click="{on_click}"` is not supported on this widget. Pass a callback, or omit `on_click`.',
                    error_id="unsupported-on-change-mode")
            raise E.StreamlitValueError("on_click", ["a callback function"])
        check_widget_policies(ctx, dg, key, on_click, default_value=None, writes_allowed=False)
        if type not in ("primary", "secondary", "tertiary"):
            raise E.StreamlitValueError("type", ["'primary'", "'secondary'", "'tertiary'"])
        opts = _to_list(options)
        if not opts:
            raise E.StreamlitMissingRequiredParameterError("options", detail="Provide at least one option.")
        labels = [format_func(o) for o in opts]
        index = {lab: i for i, lab in enumerate(labels)}
        if len(index) != len(labels):
            raise E.StreamlitAPIException(
                "The `format_func` produced duplicate labels for the menu button "
                "options. Each formatted option label must be unique.",
                error_id="menu-button-duplicate-format-labels")
        eid = widget_id(ctx, "menu_button", key, dg, True, {
            "label": text, "options": labels, "help": help, "type": type, "icon": icon, "width": width})

        def deserialize(wire: Any) -> Any:
            if wire is None:
                return None
            i = index.get(wire)
            return opts[i] if i is not None else None

        def serialize(v: Any) -> Any:
            if v is None:
                return None
            try:
                return format_func(v)
            except Exception:
                return str(v)

        value, _ = register_widget(
            ctx, element_id=eid, element_type="menu_button", user_key=key, deserializer=deserialize,
            serializer=serialize, on_change=on_click, args=args, kwargs=kwargs,
            value_type="string_trigger_value", disabled=disabled, label=text,
            info={"format_func": format_func, "labels": labels},
        )
        dg._enqueue(ctx, Element("menu_button", {
            "id": eid, "key": key, "label": text, "options": labels, "value": value, "type": type,
            "disabled": bool(disabled), "help": _help(help), "icon": icon or "", "form_id": "",
        }))
        return value

    def pagination(self, num_pages: int, *, default: int = 1, max_visible_pages: int | None = 7,
                   width: Any = "content", key: Any = None, on_change: Any = "rerun", args: Any = None,
                   kwargs: Any = None, disabled: bool = False, bind: Any = None, persist_state: Any = None) -> int:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        ctx = _context.require()
        key = to_key(key)
        callback = _validate_on_select(on_change, "on_change", none_supported=True)
        if not isinstance(num_pages, int) or isinstance(num_pages, bool) or num_pages < 1:
            raise E.StreamlitAPIException(f"`num_pages` must be an integer of at least 1. Got {num_pages}.",
                                          error_id="pagination-invalid-num-pages")
        if isinstance(default, bool) or not isinstance(default, int):
            raise E.StreamlitInvalidParameterTypeError("default", type(default).__name__, ["int"])
        if not 1 <= default <= num_pages:
            raise E.StreamlitValueOutOfRangeError("default", default, 1, num_pages)
        if max_visible_pages is not None and (not isinstance(max_visible_pages, int)
                                              or isinstance(max_visible_pages, bool) or max_visible_pages < 0):
            raise E.StreamlitAPIException(
                f"`max_visible_pages` must be a non-negative integer or None. Got {max_visible_pages}.",
                error_id="pagination-invalid-max-visible-pages")
        check_widget_policies(ctx, dg, key, callback, default_value=default)
        eid = widget_id(ctx, "pagination", key, dg, True, {
            "num_pages": num_pages, "default": default, "max_visible_pages": max_visible_pages, "width": width})
        form_id = dg._form_id(ctx)

        def deserialize(wire: Any) -> int:
            if wire is None or wire < 1 or wire > num_pages:
                return default
            return int(wire)

        value, _ = register_widget(
            ctx, element_id=eid, element_type="pagination", user_key=key, deserializer=deserialize,
            serializer=lambda v: v, on_change=callback, args=args, kwargs=kwargs, value_type="int_value",
            disabled=disabled, form_id=form_id,
            info={"ignore_rerun": isinstance(on_change, str) and on_change == "ignore"},
        )
        current = value
        if not (isinstance(current, int) and not isinstance(current, bool) and 1 <= current <= num_pages):
            current = default
            if key is not None:
                ctx.session.state.reset_state_value(key, current)
        dg._enqueue(ctx, Element("pagination", {
            "id": eid, "key": key, "value": current, "num_pages": num_pages, "default": default,
            "max_visible_pages": max_visible_pages, "disabled": bool(disabled), "form_id": form_id,
        }))
        return int(current)

    # ------------------------------------------------------------------ streaming
    def write_stream(self, stream: Any, *, cursor: str | None = None) -> Any:
        dg: DeltaGenerator = self  # type: ignore[assignment]
        from apptest.runtime.streamlit_api.text import _is_dataframe_like

        if isinstance(stream, str) or _is_dataframe_like(stream):
            raise E.StreamlitInvalidParameterTypeError(
                "stream", type(stream).__name__, ["generator", "stream-like object"],
                detail="Please use `st.write` instead for this data type.",
            )
        cursor_str = cursor or ""
        written: list[Any] = []
        container: DeltaGenerator | None = None
        text = ""

        def flush() -> None:
            nonlocal container, text
            if text and container is not None:
                container.markdown(text)  # type: ignore[attr-defined]
                written.append(text)
                container = None
                text = ""

        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            stream = _sync_iter(stream)
        try:
            iterator = iter(stream)
        except TypeError as exc:
            raise E.StreamlitAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. "
                "Please make sure that it is a generator, generator function or iterable.",
                error_id="write-stream-not-iterable",
            ) from exc
        for chunk in iterator:
            chunk = _unwrap_chunk(chunk)
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = container is None
                if container is None:
                    container = dg.empty()  # type: ignore[attr-defined]
                text += chunk
                container.markdown(text + ("" if first else cursor_str))  # type: ignore[union-attr]
            elif callable(chunk):
                flush()
                chunk()
            else:
                flush()
                dg.write(chunk)  # type: ignore[attr-defined]
                written.append(chunk)
        flush()
        if not written:
            return ""
        if len(written) == 1 and isinstance(written[0], str):
            return written[0]
        return written


# ---------------------------------------------------------------------------------- more helpers
_FIG_REQUIRED = """Passing `None` is not supported because Matplotlib's global figure object
is not thread-safe.

Pass a figure explicitly:

```python
fig, ax = plt.subplots()
ax.scatter([1, 2, 3], [1, 2, 3])
# other plotting actions...
st.pyplot(fig)
```"""

_SAVEFIG_KWARGS_DEPRECATION = (
    "Passing Matplotlib savefig keyword arguments through `**kwargs` to `st.pyplot` is deprecated. "
    "Call `fig.savefig(...)` yourself and display the result with `st.image` instead."
)


def _is_file(obj: str) -> bool:
    if len(obj) > 4096 or "<" in obj:
        return False
    try:
        return Path(obj).is_file()
    except (TypeError, OSError, ValueError):
        return False


def _only_style_tags(content: str) -> bool:
    without_comments = re.sub(r"<!--.*?-->", "", content, flags=re.DOTALL)
    without_styles = re.sub(r"<style[^>]*>.*?</style>", "", without_comments, flags=re.DOTALL | re.IGNORECASE)
    return without_styles.strip() == ""


def _to_list(data: Any) -> list[Any]:
    if _is_foreign_frame(data):
        tolist = getattr(data, "tolist", None)
        if callable(tolist):
            out = tolist()
            return list(out) if isinstance(out, (list, tuple)) else [out]
        df = _to_pandas(data)
        return list(df.iloc[:, 0].tolist()) if len(df.columns) else []
    if isinstance(data, (str, bytes)):
        return [data]
    if isinstance(data, Mapping):
        return list(data.keys())
    return list(data)


def _duplicates(cols: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    dup: list[Any] = []
    for c in cols:
        if c in seen and c not in dup:
            dup.append(c)
        seen.add(c)
    return dup


def _check_stack(stack: Any) -> None:
    if stack not in (None, True, False, "normalize", "center", "layered"):
        raise E.StreamlitValueError("stack", ["True", "False", "'normalize'", "'center'", "'layered'", "None"])


def _lat_lon(cols: list[Any], human: str, from_user: str | None, defaults: tuple[str, ...]) -> str:
    if isinstance(from_user, str) and from_user in cols:
        return from_user
    for c in defaults:
        if c in cols:
            return c
    allowed = ", ".join(map(repr, sorted(defaults)))
    existing = ", ".join(map(repr, cols))
    raise E.StreamlitAPIException(
        f"Map data must contain a {human} column named: {allowed}. Existing columns: {existing}",
        error_id="map-missing-lat-lon-column",
    )


def _is_undefined(v: Any) -> bool:
    return type(v).__name__ == "UndefinedType"


def _altair_mark(chart: Any) -> Any:
    mark = getattr(chart, "mark", None)
    if mark is None or _is_undefined(mark):
        return None
    return mark if isinstance(mark, str) else getattr(mark, "type", str(mark))


_DF_SELECTION_MODES = ("single-row", "multi-row", "single-row-required", "single-column", "multi-column",
                       "single-cell", "multi-cell")


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode or [])
    for m in modes:
        if m not in _DF_SELECTION_MODES:
            raise E.StreamlitAPIException(f"Invalid selection mode: {m}. Valid options are: {list(_DF_SELECTION_MODES)}")
    s = set(modes)
    if len({"single-row", "multi-row", "single-row-required"} & s) > 1:
        raise E.StreamlitAPIException("Only one of `single-row`, `multi-row` or `single-row-required` can be selected.")
    if {"single-column", "multi-column"} <= s:
        raise E.StreamlitAPIException("Only one of `single-column` or `multi-column` can be selected.")
    if {"single-cell", "multi-cell"} <= s:
        raise E.StreamlitAPIException("Only one of `single-cell` or `multi-cell` can be selected.")
    return sorted(s)


def _normalize_df_selection(default: Any) -> dict[str, Any]:
    sel = dict(default.get("selection", {})) if isinstance(default, Mapping) else {}
    return {"selection": {"rows": list(sel.get("rows", [])), "columns": list(sel.get("columns", [])),
                          "cells": [list(c) for c in sel.get("cells", [])]}}


def _plotly_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for m in modes:
        if m not in ("points", "box", "lasso"):
            raise E.StreamlitAPIException(
                f"Invalid selection mode: {m}. Valid options are: {['points', 'box', 'lasso']}")
    return sorted(set(modes))


def _column_config_props(config: Any) -> Any:
    if not isinstance(config, Mapping):
        return str(config)
    out: dict[str, Any] = {}
    for k, v in config.items():
        if isinstance(v, str) or v is None:
            out[str(k)] = v if v is None else {"label": v}
        elif isinstance(v, Mapping):
            out[str(k)] = {ck: cv for ck, cv in v.items() if cv is not None and not callable(cv)}
        else:
            out[str(k)] = str(v)
    return out


def _media_times(start_time: Any, end_time: Any, *, check_order: bool) -> tuple[int, int | None]:
    start = _media_time(start_time, "start_time") or 0
    end = _media_time(end_time, "end_time")
    if check_order and (start < 0 or (end is not None and end <= start)):
        raise E.StreamlitAPIException("Invalid start_time and end_time combination.",
                                      error_id="media-invalid-start-end-time")
    return start, end


def _check_tab_index(tab_index: Any) -> None:
    if tab_index is None:
        return
    if isinstance(tab_index, bool) or not isinstance(tab_index, int):
        raise E.StreamlitInvalidParameterTypeError("tab_index", type(tab_index).__name__, ["int"])
    if tab_index < -1:
        raise E.StreamlitValueError("tab_index", ["None", "-1", "a non-negative integer"])


def _sync_iter(agen: Any) -> Iterator[Any]:
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(agen.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.close()


_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})


def _unwrap_chunk(chunk: Any) -> Any:
    """OpenAI / LangChain chunk objects carry their text in an attribute."""
    mod = _module_of(chunk)
    name = type(chunk).__name__
    if mod.startswith("openai"):
        if name == "ChatCompletionChunk":
            choices = getattr(chunk, "choices", None) or []
            if not choices or choices[0].delta is None:
                return ""
            return choices[0].delta.content or ""
        if hasattr(chunk, "type") and str(getattr(chunk, "type", "")).startswith("response."):
            return (getattr(chunk, "delta", "") or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
    if name == "AIMessageChunk" and mod.startswith("langchain_core"):
        return chunk.content or ""
    return chunk
