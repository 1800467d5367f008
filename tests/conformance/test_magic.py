"""§10 Magic: which expression statements are written, and how."""

from __future__ import annotations

import textwrap

import pytest

from tests.conformance.harness import Case, case, check_case, params, run


def raw(name: str, source: str, *steps: object) -> Case:
    """A case whose script is exactly ``source`` (no prelude: module docstrings must come first)."""
    return Case(name=name, script=textwrap.dedent(source), steps=steps)  # type: ignore[arg-type]


CASES: list[Case] = [
    case(
        "names_attributes_literals",
        """
        import types
        x = 5
        obj = types.SimpleNamespace(attr="value")
        x
        obj.attr
        "second string literal"
        None
        3.25
        True
        """,
    ),
    case(
        "lists_dicts_and_json",
        """
        [1, 2, 3]
        {"a": 1, "b": [True, None]}
        {"nested": {"x": 1}}
        """,
        run(),
    ),
    case(
        "expressions",
        """
        x = 5
        f"value is {x}"
        x == 5
        x * 2 + 1
        (y := 7)
        y
        not x
        """,
    ),
    case(
        "tuple_statement_written_as_one",
        """
        x = 5
        x, "tail"
        "a", "b", 3
        ()
        """,
    ),
    case(
        "lambda_written_as_help",
        """
        lambda: 1
        """,
    ),
    case(
        "session_state_and_comprehension",
        """
        st.session_state.setdefault("k", "v")
        st.session_state
        [i * i for i in range(4)]
        {i: str(i) for i in range(2)}
        """,
    ),
    case(
        "calls_are_not_written",
        """
        def f():
            return 42

        f()
        len("abc")
        abs(-1)
        st.text_input("T")
        st.write("explicit")
        st.empty()
        """,
    ),
    raw(
        "module_docstring_not_written",
        '''
        """The module docstring."""
        import streamlit as st

        "a later string"
        ''',
    ),
    raw(
        "module_docstring_after_comment_not_written",
        '''
        # a comment first
        """Still the module docstring."""
        import streamlit as st
        42
        ''',
    ),
    case(
        "function_docstring_not_written_second_string_is",
        '''
        def f():
            """Docstring of f."""
            "second string in f"
            local = 3
            local

        f()
        f()
        ''',
    ),
    case(
        "class_body_not_written_methods_are",
        '''
        class C:
            """Class docstring."""
            7
            "class body string"

            def method(self):
                """Method docstring."""
                "in method"
                99

        C().method()
        ''',
    ),
    case(
        "generators_and_await_not_written",
        """
        import asyncio

        def gen():
            yield 1
            x = yield 2
            yield from [3]

        list(gen())

        async def coro():
            await asyncio.sleep(0)
            "after await"

        asyncio.run(coro())
        """,
    ),
    case(
        "control_flow_bodies",
        """
        x = 2
        if x > 5:
            "big"
        elif x > 1:
            "medium"
        else:
            "small"
        for i in range(2):
            i
        else:
            "for else"
        n = 0
        while n < 1:
            n += 1
            "in while"
        else:
            "while else"
        with st.container():
            "in with"
        try:
            "in try"
            1 / 0
        except ZeroDivisionError:
            "in except"
        else:
            "never"
        finally:
            "in finally"
        try:
            pass
        except Exception:
            pass
        else:
            "try else"
        """,
    ),
    case(
        "match_cases",
        """
        value = ("point", 1, 2)
        match value:
            case ("point", x, y):
                x + y
            case _:
                "other"
        """,
    ),
    case(
        "if_test_expression_not_written",
        """
        items = [1]
        if items:
            "has items"
        while not items:
            pass
        """,
    ),
    case(
        "write_of_tuple_and_empty",
        """
        st.write((1, 2))
        st.write([])
        st.write({})
        st.write("a", 1, "b")
        st.write()
        """,
    ),
    case(
        "write_scalars_and_strings",
        """
        import datetime, enum

        class Color(enum.Enum):
            RED = 1

        st.write(1, 2.5, None, True)
        st.write(b"bytes")
        st.write({1, 2})
        st.write(frozenset())
        st.write(Color.RED)
        st.write(datetime.date(2024, 1, 2))
        st.write("multi\\nline", "`tick`")
        st.write(3 + 4j, range(3))
        st.write(1.0, float("nan"))
        st.write("<b>html</b>", unsafe_allow_html=True)
        st.write("text with ``` inside", 42)
        """,
    ),
    case(
        "write_mappings_and_views_as_json",
        """
        import collections, types

        NT = collections.namedtuple("NT", "a b")
        st.write(NT(1, 2))
        st.write({"a": 1}.keys(), {"a": 1}.values(), {"a": 1}.items())
        st.write(types.MappingProxyType({"m": 1}))
        st.write(collections.OrderedDict(a=1))
        st.write(collections.Counter("aab"))
        st.write(collections.ChainMap({"c": 1}, {"d": 2}))
        st.write(collections.UserDict(u=1), collections.UserList([1]))
        st.write(map(str, [1, 2]), enumerate("ab"))
        st.write("x", {"k": 1}, "y")
        st.write(["a", 1], ("t", 2))
        st.write({"s": {1}, "f": frozenset({2}), "o": 3})
        """,
    ),
    case(
        "json_element_conversions",
        """
        import collections

        NT = collections.namedtuple("NT", "a b")
        st.json(NT(1, [2]))
        st.json({"a": 1}.keys())
        st.json(range(3))
        st.json(frozenset({"only"}))
        st.json('{"raw": "string body"}')
        st.json({"set": {1}, "tuple": (1, 2)})
        st.json(st.session_state)
        """,
    ),
    case(
        "write_objects_as_help",
        """
        import dataclasses, math

        @dataclasses.dataclass
        class P:
            x: int = 1

        class Plain:
            pass

        st.write(P)
        st.write(len)
        st.write(math)
        st.write(Plain)
        """,
    ),
    case(
        "write_exception_and_stringio",
        """
        import io

        st.write(ValueError("shown"), "after")
        st.write(io.StringIO("from **StringIO**"))
        """,
    ),
    case(
        "write_multiple_args_into_slot_rejected",
        """
        slot = st.empty()
        slot.write("one")
        slot.write("a", "b")
        """,
    ),
    case(
        "magic_widget_value_expression",
        """
        name = st.text_input("Name", key="name")
        name
        st.session_state.name
        """,
        run(),
    ),
    case(
        "magic_inside_sidebar_with",
        """
        with st.sidebar:
            "sidebar magic"
            [1]
        "main magic"
        """,
    ),
    case(
        "semicolon_and_last_expression_call",
        """
        x = 3
        x;
        str(x)
        """,
    ),
]


@pytest.mark.parametrize("case", params(CASES))
def test_magic(case: Case) -> None:
    check_case(case)
