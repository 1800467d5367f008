from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import enum
import fractions
import math
import uuid
from decimal import Decimal
from pathlib import PurePosixPath

import pytest

from apptest.snapshot.plain import plain, plain_key, plain_mapping


class Color(enum.Enum):
    RED = "r"


class Level(enum.IntEnum):
    HIGH = 3


@dataclasses.dataclass
class Point:
    x: int
    y: int


class Thing:
    pass


def helper() -> None:
    pass


@pytest.mark.parametrize(
    "value",
    [None, True, False, 0, -5, 10**30, "", "text", "multi\nline", 1.5, -0.0, 0.1],
)
def test_scalars_are_kept(value: object) -> None:
    out = plain(value)
    assert out == value
    assert type(out) is type(value)


def test_floats_round_trip_through_repr() -> None:
    for f in (0.1, 1e17, 1e-7, 5e-324, 1.7976931348623157e308, 2 / 3):
        out = plain(f)
        assert isinstance(out, float)
        assert float(repr(out)) == f


def test_non_finite_floats_become_stable_strings() -> None:
    assert plain([math.nan, math.inf, -math.inf]) == [".nan", ".inf", "-.inf"]


def test_dates_times_and_durations_are_iso() -> None:
    tz = dt.timezone(dt.timedelta(hours=2))
    assert plain(dt.date(2024, 1, 31)) == "2024-01-31"
    assert plain(dt.datetime(2024, 1, 31, 9, 45)) == "2024-01-31T09:45:00"
    assert plain(dt.datetime(2024, 1, 31, 9, 45, tzinfo=tz)) == "2024-01-31T09:45:00+02:00"
    assert plain(dt.time(9, 45, 30)) == "09:45:30"
    assert plain(dt.timedelta(days=1, hours=2, minutes=3, seconds=4.5)) == "P1DT2H3M4.5S"
    assert plain(dt.timedelta(0)) == "PT0S"
    assert plain(dt.timedelta(minutes=-90)) == "-PT1H30M"
    assert plain(dt.timedelta(days=2)) == "P2D"


def test_tuples_become_lists_and_sets_are_sorted() -> None:
    assert plain((1, (2, 3))) == [1, [2, 3]]
    assert plain({"b", "c", "a"}) == ["a", "b", "c"]
    assert plain(frozenset({10, 9, 2.5})) == [2.5, 9, 10]


def test_mixed_sets_sort_by_kind_then_value() -> None:
    assert plain({"b", 2, None, "a", 1, (1, 2)}) == [1, 2, "a", "b", None, [1, 2]]


def test_dict_keys_become_strings_in_insertion_order() -> None:
    value = {"z": 1, 2: "two", None: 0, (1, "a"): 3, Color.RED: 4, dt.date(2024, 1, 1): 5}
    out = plain(value)
    assert out == {
        "z": 1,
        "2": "two",
        "None": 0,
        "[1, 'a']": 3,
        "Color.RED": 4,
        "2024-01-01": 5,
    }
    assert isinstance(out, dict)
    assert list(out) == ["z", "2", "None", "[1, 'a']", "Color.RED", "2024-01-01"]
    assert plain_key(1.5) == "1.5"


def test_enums_are_class_dot_member() -> None:
    assert plain(Color.RED) == "Color.RED"
    assert plain(Level.HIGH) == "Level.HIGH"  # not 3, although IntEnum is an int


def test_bytes_and_objects_become_placeholders() -> None:
    assert plain(b"abc") == "<bytes: 3>"
    assert plain(bytearray(2)) == "<bytearray: 2>"
    assert plain(helper) == "<function helper>"
    assert (
        plain(lambda: 1)
        == "<function test_bytes_and_objects_become_placeholders.<locals>.<lambda>>"
    )
    assert plain(len) == "<function len>"
    assert plain(Thing()) == "<Thing object>"
    assert plain(Point(1, 2)) == "<Point object>"
    assert plain(Thing) == "<class Thing>"
    assert plain(math) == "<module math>"
    assert "0x" not in str(plain([Thing(), object(), helper]))


def test_known_value_types_keep_their_text() -> None:
    assert plain(Decimal("1.50")) == "1.50"
    assert plain(fractions.Fraction(3, 4)) == "3/4"
    assert plain(uuid.UUID(int=1)) == "00000000-0000-0000-0000-000000000001"
    assert plain(PurePosixPath("a/b.txt")) == "a/b.txt"
    assert plain(collections.OrderedDict(b=1, a=2)) == {"b": 1, "a": 2}
    assert plain(collections.deque([3, 1])) == [3, 1]
    assert plain(range(3)) == "range(0, 3)"


def test_subclasses_of_builtins_become_builtins() -> None:
    class MyStr(str):
        def __str__(self) -> str:
            return "changed"

    class MyInt(int):
        pass

    s = plain(MyStr("x"))
    assert s == "x" and type(s) is str
    i = plain(MyInt(4))
    assert i == 4 and type(i) is int


def test_numpy_and_pandas_like_values_are_summarised_by_type_name() -> None:
    # Stand-ins named and placed like numpy/pandas types: the real libraries are not needed.
    ndarray = type("ndarray", (), {"__module__": "numpy", "shape": (2, 3), "dtype": "int64"})
    int64 = type("int64", (), {"__module__": "numpy", "shape": (), "item": lambda self: 7})
    frame = type(
        "DataFrame",
        (),
        {"__module__": "pandas.core.frame", "shape": (3, 2), "columns": ["a", "b"]},
    )
    assert plain(ndarray()) == "<ndarray 2x3 int64>"
    assert plain(int64()) == 7
    assert plain(frame()) == "<DataFrame 3x2: a, b>"


def test_cycles_are_cut() -> None:
    a: list[object] = [1]
    a.append(a)
    d: dict[str, object] = {"k": 1}
    d["self"] = d
    assert plain(a) == [1, "<cycle>"]
    assert plain(d) == {"k": 1, "self": "<cycle>"}


def test_shared_objects_are_not_cycles() -> None:
    shared = [1, 2]
    assert plain({"a": shared, "b": shared}) == {"a": [1, 2], "b": [1, 2]}


def test_result_is_a_fresh_copy() -> None:
    value = {"items": [1, 2]}
    out = plain(value)
    value["items"].append(3)
    assert out == {"items": [1, 2]}


def test_plain_mapping_is_typed_for_dicts() -> None:
    assert plain_mapping({"n": {1, 2}}) == {"n": [1, 2]}
    with pytest.raises(TypeError):
        plain_mapping([1])  # type: ignore[arg-type]
