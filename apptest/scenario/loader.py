"""Read and validate scenario files (format version 1).

The whole file is checked before anything runs, and every problem found is reported at once in
one :class:`~apptest.errors.ScenarioError`, each with its line, column and step. Nothing else
ever escapes :func:`load_scenario` / :func:`load_scenario_text` for a bad file.

YAML is read with :class:`ScenarioLoader`, a safe loader with YAML 1.2 scalars (only
``true``/``false`` are booleans, so ``on``/``off``/``yes``/``no`` stay strings; ``09:45`` stays a
string), YAML timestamps for dates and datetimes, and duplicate keys as errors.

Example:
    >>> from apptest.scenario import load_scenario_text
    >>> sc = load_scenario_text('''
    ... version: 1
    ... script: |
    ...   import streamlit as st
    ...   st.toggle("on", key="on")
    ... steps:
    ...   - set: {on: true}
    ...   - rerun
    ... ''')
    >>> [s.raw for s in sc.steps]
    [{'set': {'on': True}}, 'rerun']
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from apptest.errors import Problem, ScenarioError
from apptest.scenario.model import (
    NOT_GIVEN,
    STEP_KINDS,
    Expect,
    NotGiven,
    Options,
    Scenario,
    Setup,
    Step,
)

__all__ = [
    "EXPECT_KEYS",
    "OPTION_KEYS",
    "SETUP_KEYS",
    "SUPPORTED_VERSIONS",
    "TOP_LEVEL_KEYS",
    "ScenarioLoader",
    "load_scenario",
    "load_scenario_text",
]

#: The scenario format versions this build reads.
SUPPORTED_VERSIONS: Final[tuple[int, ...]] = (1,)
TOP_LEVEL_KEYS: Final[tuple[str, ...]] = (
    "version",
    "name",
    "description",
    "app",
    "script",
    "setup",
    "options",
    "steps",
)
SETUP_KEYS: Final[tuple[str, ...]] = ("session_state", "query_params", "secrets")
OPTION_KEYS: Final[tuple[str, ...]] = ("timeout",)
EXPECT_KEYS: Final[tuple[str, ...]] = ("state", "absent", "text", "widgets", "exception")

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = _T + "str", _T + "int", _T + "float", _T + "bool", _T + "null"
_TIMESTAMP, _MERGE, _SEQ, _MAP = _T + "timestamp", _T + "merge", _T + "seq", _T + "map"
_SCALAR_TAGS: Final = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP})

_VERSIONS_TEXT: Final = " or ".join(str(v) for v in SUPPORTED_VERSIONS)


# --------------------------------------------------------------------------------------------
# YAML: a safe loader with YAML 1.2 core-schema scalars
# --------------------------------------------------------------------------------------------


def _yaml12_int(text: str) -> int:
    t = text.replace("_", "")  # only reachable through an explicit !!int tag
    sign = 1
    if t.startswith(("+", "-")):
        sign = -1 if t[0] == "-" else 1
        t = t[1:]
    base = {"0x": 16, "0o": 8, "0b": 2}.get(t[:2].lower(), 10)
    return sign * int(t[2:] if base != 10 else t, base)


def _yaml12_float(text: str) -> float:
    t = text.replace("_", "").lower()
    if t in (".inf", "+.inf"):
        return math.inf
    if t == "-.inf":
        return -math.inf
    if t == ".nan":
        return math.nan
    return float(t)


class ScenarioLoader(yaml.SafeLoader):
    """A ``yaml.SafeLoader`` for scenario files.

    - YAML 1.2 core schema: only ``true``/``false`` (``True``/``TRUE``/...) are booleans;
      ``yes``/``no``/``on``/``off``/``y``/``n`` stay strings; ints are decimal, ``0o`` or
      ``0x``; ``09:45`` (a YAML 1.1 sexagesimal int) stays a string; ``=`` stays a string.
    - YAML timestamps are kept: ``2024-01-31`` -> ``date``, ``2024-01-31T09:45:00`` ->
      ``datetime``.
    - A duplicate mapping key is an error (``yaml.constructor.ConstructorError``).

    :func:`load_scenario_text` uses it to compose nodes and builds values itself (to keep
    positions and to report every problem); ``yaml.load(text, Loader=ScenarioLoader)`` gives
    the same values for a valid file.
    """

    yaml_implicit_resolvers: dict[Any, list[tuple[Any, re.Pattern[str]]]] = {}
    bool_values = {"true": True, "false": False}

    def construct_yaml_int(self, node: ScalarNode) -> int:
        return _yaml12_int(str(self.construct_scalar(node)))

    def construct_yaml_float(self, node: ScalarNode) -> float:
        return _yaml12_float(str(self.construct_scalar(node)))

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:
                    continue  # unhashable: the base class reports it
                if first is not None:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"found duplicate key {key!r} (first at line {first.start_mark.line + 1})",
                        key_node.start_mark,
                    )
                seen[key] = key_node
        return super().construct_mapping(node, deep=deep)  # type: ignore[arg-type]


for _tag, _regexp, _first in (
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (_INT, r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        _FLOAT,
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (
        _TIMESTAMP,
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
         (?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
         (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    (_MERGE, r"^(?:<<)$", "<"),
):
    ScenarioLoader.add_implicit_resolver(_tag, re.compile(_regexp, re.X), list(_first))
ScenarioLoader.add_constructor(_INT, ScenarioLoader.construct_yaml_int)
ScenarioLoader.add_constructor(_FLOAT, ScenarioLoader.construct_yaml_float)


# --------------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------------


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read, validate and return the scenario in ``path``.

    ``app`` paths are relative to the scenario file's folder.

    Raises:
        ScenarioError: the file cannot be read or is invalid; it lists every problem found.

    Example:
        >>> sc = load_scenario("scenarios/counter.yaml")  # doctest: +SKIP
        >>> sc.name, [s.describe() for s in sc.steps]  # doctest: +SKIP
        ('Counter goes up', ['click add', 'click add', 'expect'])
    """
    shown = os.fspath(path)
    where = Path(shown)
    try:
        data = where.read_bytes()
    except FileNotFoundError:
        raise ScenarioError(
            Problem(
                shown,
                None,
                None,
                f"scenario file not found: {shown!r} (looked for {os.path.abspath(where)})",
                hint="check the path; relative paths are relative to the current folder",
            )
        ) from None
    except (OSError, ValueError) as exc:
        what = "is a folder, not a file" if where.is_dir() else f"cannot be read ({exc})"
        raise ScenarioError(
            Problem(
                shown,
                None,
                None,
                f"scenario file {shown!r} {what}",
                hint="give the path of a .yaml scenario file",
            )
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ScenarioError(
            Problem(
                shown,
                line,
                column,
                f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded)",
                hint="save the file with UTF-8 encoding",
            )
        ) from None
    return load_scenario_text(text, path=shown, base_dir=where.parent)


def load_scenario_text(
    text: str | bytes,
    path: str | os.PathLike[str] = "<string>",
    base_dir: str | os.PathLike[str] | None = None,
) -> Scenario:
    """Validate scenario YAML given as text and return the :class:`Scenario`.

    Args:
        text: the YAML source.
        path: the name used in messages (and, when ``name`` is not given, for the name).
        base_dir: the folder ``app`` is relative to; default: the folder of ``path``, or the
            current folder when ``path`` is not a file name (``"<string>"``).

    Raises:
        ScenarioError: the text is not a valid scenario; it lists every problem found.
        TypeError: ``text`` is neither ``str`` nor ``bytes``.
    """
    shown = os.fspath(path)
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig", errors="replace")
    if not isinstance(text, str):
        raise TypeError(f"load_scenario_text() needs the YAML as str, got {type(text).__name__}")
    if base_dir is not None:
        base = Path(base_dir)
    elif shown.startswith("<"):
        base = Path.cwd()
    else:
        base = Path(shown).parent
    try:
        return _Reader(text, shown, base).read()
    except ScenarioError:
        raise
    except RecursionError:
        raise ScenarioError(
            Problem(
                shown,
                None,
                None,
                "the file is nested too deeply to be read",
                hint="flatten the nested lists/mappings",
            )
        ) from None
    except Exception as exc:  # never a traceback for a scenario file
        raise ScenarioError(
            Problem(
                shown,
                None,
                None,
                f"internal error while reading the scenario: {type(exc).__name__}: {exc}",
                hint="this is a bug in apptest; please report it with the scenario file",
            )
        ) from None


# --------------------------------------------------------------------------------------------
# implementation
# --------------------------------------------------------------------------------------------


def _suggest(word: object, choices: Sequence[str]) -> str | None:
    if not isinstance(word, str) or not word:
        return None
    if word.lower() in choices:
        return word.lower()
    import difflib

    close = difflib.get_close_matches(word.lower(), choices, n=1, cutoff=0.6)
    return close[0] if close else None


def _kind(value: Any) -> str:
    import datetime

    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime.datetime):
        return "a date-time"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_T) :] if tag.startswith(_T) else tag


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_Entry = tuple[Any, Node, Node]


class _Reader:
    """Validates one scenario document, collecting problems; builds values from nodes."""

    def __init__(self, text: str, path: str, base: Path) -> None:
        self.text = text
        self.path = path
        self.base = base
        self.problems: list[Problem] = []
        self.step: int | None = None
        self._memo: dict[int, Any] = {}
        self._active: set[int] = set()
        self._entries: dict[int, list[_Entry]] = {}
        self._entries_active: set[int] = set()
        self._loader: ScenarioLoader | None = None
        # nodes with a YAML-level problem (bad tag, invalid scalar): not reported again
        self._flagged: set[int] = set()

    # -- reporting ---------------------------------------------------------------------------

    def report(self, node: Node | None, message: str, hint: str | None = None) -> None:
        if node is not None and id(node) in self._flagged:
            return
        line, column = _pos(node) if node is not None else (None, None)
        self.problems.append(Problem(self.path, line, column, message, self.step, hint))

    def written(self, node: Node) -> str:
        """The node as the user wrote it, on one line, shortened."""
        if isinstance(node, ScalarNode) and node.style is None:
            src = node.value
        else:
            src = self.text[node.start_mark.index : node.end_mark.index]
        src = " ".join(src.split())
        if len(src) > 60:
            src = src[:57] + "..."
        return src

    def got(self, node: Node) -> str:
        value = self.plain(node)
        src = self.written(node)
        if value is None and src in ("", "~", "null", "Null", "NULL"):
            return src if src else "nothing (an empty value)"
        if isinstance(node, ScalarNode) and node.style is None and isinstance(value, str):
            src = f"'{src}'"
        return f"{src} ({_kind(value)})"

    # -- YAML ---------------------------------------------------------------------------------

    def compose(self) -> Node | None:
        loader = ScenarioLoader(self.text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()

    def yaml_problem(self, exc: yaml.YAMLError) -> Problem:
        if isinstance(exc, yaml.MarkedYAMLError):
            mark = exc.problem_mark or exc.context_mark
            if "end of stream" in (exc.problem or "") and exc.context_mark is not None:
                # pointing at the end of the file helps nobody: show where the quote/bracket opened
                mark = exc.context_mark
            problem = (exc.problem or exc.context or "invalid YAML").strip()
            line = mark.line + 1 if mark is not None else None
            column = mark.column + 1 if mark is not None else None
            at = self.text[mark.index] if mark is not None and mark.index < len(self.text) else ""
            context = ""
            if exc.context and exc.problem:
                cm = exc.context_mark
                context = f" ({exc.context}"
                if cm is not None and mark is not None and cm.line != mark.line:
                    context += f" started at line {cm.line + 1}"
                context += ")"
            if "end of stream" in problem and "quoted scalar" in (exc.context or ""):
                return Problem(
                    self.path,
                    line,
                    column,
                    "invalid YAML: the quoted text that starts here is never closed",
                    hint="add the closing quote (or escape a quote inside the text)",
                )
            if "\\t" in problem or at == "\t":
                return Problem(
                    self.path,
                    line,
                    column,
                    "invalid YAML: a tab character is used where YAML allows only spaces (indentation must be spaces)",
                    hint="replace the tab with spaces",
                )
            if "expected a single document" in problem or "but found another document" in problem:
                return Problem(
                    self.path,
                    line,
                    column,
                    "the file holds more than one YAML document (a second one starts here); a scenario file is exactly one document",
                    hint="remove this '---' line and what follows, or move it into a separate scenario file",
                )
            return Problem(
                self.path,
                line,
                column,
                f"invalid YAML: {problem}{context}",
                hint=self._yaml_hint(problem, context),
            )
        position = getattr(exc, "position", None)
        line = column = None
        if isinstance(position, int):
            line = self.text.count("\n", 0, position) + 1
            column = position - (self.text.rfind("\n", 0, position) + 1) + 1
        character = getattr(exc, "character", None)
        if isinstance(character, str) and len(character) == 1:
            character = ord(character)
        shown = f" (U+{character:04X})" if isinstance(character, int) else ""
        return Problem(
            self.path,
            line,
            column,
            f"invalid YAML: the file contains a character YAML does not allow{shown}",
            hint="remove the control character (or write it as an escape inside a double-quoted string)",
        )

    @staticmethod
    def _yaml_hint(problem: str, context: str) -> str:
        if "mapping values are not allowed" in problem:
            return "quote a value that contains ': ' (e.g. text: ['a: b']), or fix the indentation of this key"
        if "could not find expected ':'" in problem:
            return "each entry needs 'key: value'; look for a missing ':' or an unclosed quote just before this line"
        if "quoted scalar" in context or "found unexpected end of stream" in problem:
            return "close the quote that was opened"
        if "flow sequence" in context or "flow mapping" in context:
            return "close the '[' or '{' and separate the items with ', '"
        if "undefined alias" in problem:
            return "define the anchor (&name) before using the alias (*name), or remove the alias"
        if "expected <block end>" in problem:
            return "line this entry up with the entries above it (same indentation)"
        return "check the indentation and quoting on this line and the one before it"

    # -- building values ------------------------------------------------------------------------

    def plain(self, node: Node) -> Any:
        """The plain Python value of ``node`` (problems in it are reported once)."""
        key = id(node)
        if key in self._memo:
            return self._memo[key]
        if key in self._active:
            self.report(
                node,
                f"the anchor at {self.written(node)[:30]!r} is used inside itself (a recursive structure)",
                hint="scenario values must be finite: copy the value instead of using the alias",
            )
            return None
        self._active.add(key)
        try:
            value = self._build(node)
        finally:
            self._active.discard(key)
        self._memo[key] = value
        return value

    def _build(self, node: Node) -> Any:
        if isinstance(node, ScalarNode):
            tag = node.tag
            if tag == _STR:
                return node.value
            if tag not in _SCALAR_TAGS:
                self._bad_tag(node)
                return node.value
            if self._loader is None:
                self._loader = ScenarioLoader("")
            try:
                return ScenarioLoader.yaml_constructors[tag](self._loader, node)
            except Exception as exc:
                kind = {_INT: "integer", _FLOAT: "number", _BOOL: "boolean", _NULL: "null"}.get(
                    tag, "date"
                )
                detail = f": {exc}" if tag == _TIMESTAMP and isinstance(exc, ValueError) else ""
                self.report(
                    node,
                    f"{self.written(node)!r} is not a valid {kind}{detail}",
                    hint="write a real date as YYYY-MM-DD (or quote the value to keep it as text)"
                    if tag == _TIMESTAMP
                    else f"quote the value to keep it as text, or write a valid {kind}",
                )
                self._flagged.add(id(node))
                return node.value
        if isinstance(node, SequenceNode):
            if node.tag != _SEQ:
                self._bad_tag(node)
            return [self.plain(item) for item in node.value]
        if isinstance(node, MappingNode):
            if node.tag != _MAP:
                self._bad_tag(node)
            return {k: self.plain(v) for k, _, v in self.entries(node)}
        # pragma: no cover - the composer only makes the three kinds above
        raise TypeError(f"unexpected YAML node {node!r}")

    def _bad_tag(self, node: Node) -> None:
        self.report(
            node,
            f"unsupported YAML tag {_tag_name(node.tag)!r}: scenario files hold plain data "
            "(text, numbers, true/false, null, dates, lists and mappings)",
            hint=f"remove the tag {_tag_name(node.tag)!r}",
        )
        self._flagged.add(id(node))

    def entries(self, node: MappingNode) -> list[_Entry]:
        """(key, key node, value node) of a mapping: merges applied, duplicates reported."""
        key = id(node)
        cached = self._entries.get(key)
        if cached is not None:
            return cached
        if key in self._entries_active:
            self.report(
                node,
                "a '<<' merge refers to the mapping that contains it",
                hint="remove the recursive merge",
            )
            return []
        self._entries_active.add(key)
        try:
            merged: dict[Any, _Entry] = {}
            explicit: dict[Any, _Entry] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE:
                    sources = (
                        [value_node]
                        if isinstance(value_node, MappingNode)
                        else value_node.value
                        if isinstance(value_node, SequenceNode)
                        else None
                    )
                    if sources is None or not all(isinstance(s, MappingNode) for s in sources):
                        self.report(
                            value_node,
                            f"'<<' (merge) needs a mapping or a list of mappings, got {self.written(value_node)!r}",
                            hint="merge an alias of a mapping, e.g. '<<: *defaults'",
                        )
                        continue
                    for source in sources:
                        for entry in self.entries(source):
                            merged.setdefault(entry[0], entry)
                    continue
                k = self.plain(key_node)
                try:
                    first = explicit.get(k)
                except TypeError:
                    self.report(
                        key_node,
                        f"a mapping key must be a single value (text or number), got {self.written(key_node)!r} ({_kind(k)})",
                        hint="use a text key",
                    )
                    continue
                if first is not None:
                    self.report(
                        key_node,
                        f"duplicate key {self.written(key_node)!r} (first given at line {first[1].start_mark.line + 1}); YAML would silently keep only the last one",
                        hint="remove one of the two"
                        + (" (to do something twice, write two steps)" if self.step else ""),
                    )
                explicit[k] = (k, key_node, value_node)
            result = {**merged, **explicit}
            entries = list(result.values())
        finally:
            self._entries_active.discard(key)
        self._entries[key] = entries
        return entries

    def section(
        self,
        node: MappingNode,
        valid: Sequence[str],
        where: str | None,
        hints: Callable[[str], str | None] | None = None,
    ) -> dict[str, tuple[Node, Node]]:
        """The known keys of a mapping; unknown keys reported with a did-you-mean."""
        found: dict[str, tuple[Node, Node]] = {}
        for k, key_node, value_node in self.entries(node):
            if isinstance(k, str) and k in valid:
                found[k] = (key_node, value_node)
                continue
            close = _suggest(k, valid)
            shown = self.written(key_node)
            if where is None:
                message, valid_text = f"unknown top-level key {shown!r}", "Valid top-level keys"
            else:
                message, valid_text = f"unknown key {shown!r} in {where}", f"Valid keys in {where}"
            message += f" - did you mean {close!r}?" if close else "."
            message += f" {valid_text}: " + ", ".join(valid) + "."
            if close:
                hint: str | None = f"rename {shown!r} to {close!r}"
            else:
                hint = hints(k) if hints is not None and isinstance(k, str) else None
                hint = hint or f"remove {shown!r} (unknown keys are not ignored)"
            self.report(key_node, message, hint=hint)
        return found

    # -- the document ---------------------------------------------------------------------------

    def read(self) -> Scenario:
        try:
            root = self.compose()
        except yaml.YAMLError as exc:
            raise ScenarioError(self.yaml_problem(exc)) from None
        scenario = self.validate(root)
        if root is not None:
            self.plain(root)  # report YAML-level problems (duplicate keys, tags) anywhere
        if self.problems or scenario is None:
            if not self.problems:  # pragma: no cover - validate() reports before returning None
                self.report(root, "invalid scenario")
            self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
            raise ScenarioError(self.problems)
        return scenario

    def validate(self, root: Node | None) -> Scenario | None:
        if isinstance(root, ScalarNode) and root.tag == _NULL and not root.value:
            root = None  # '---' alone: an empty document
        if root is None:
            self.problems.append(
                Problem(
                    self.path,
                    1,
                    None,
                    "the scenario file is empty (it has no YAML content, only comments or blank lines)",
                    hint="start it with 'version: 1' and 'app: path/to/app.py'",
                )
            )
            return None
        if not isinstance(root, MappingNode):
            self.report(
                root,
                "the top level of a scenario must be a mapping (version: ..., app: ..., steps: ...), "
                + (
                    f"got {self.got(root)}"
                    if isinstance(root, ScalarNode)
                    else f"got {_kind(self.plain(root))}"
                ),
                hint="write the scenario as 'key: value' lines starting with 'version: 1'",
            )
            return None
        version = next(
            ((k, v) for key, k, v in self.entries(root) if key == "version"),
            None,
        )
        if not self.check_version(root, version):
            return None
        top = self.section(
            root,
            TOP_LEVEL_KEYS,
            None,
            hints=lambda k: (
                f"steps go in the list under 'steps:', e.g. '  - {k}: ...'"
                if k in STEP_KINDS
                else None
            ),
        )

        name = Path(self.path).stem
        if "name" in top:
            value = self.plain(top["name"][1])
            if isinstance(value, str) and value.strip():
                name = value
            elif isinstance(value, str):
                self.report(
                    top["name"][1],
                    "'name' is empty",
                    hint="write a name, or remove 'name' to use the file's name",
                )
            elif value is not None:
                self.report(
                    top["name"][1],
                    f"'name' must be text, got {self.got(top['name'][1])}",
                    hint=f"quote it: name: '{self.written(top['name'][1])}'",
                )
        description: str | None = None
        if "description" in top:
            value = self.plain(top["description"][1])
            if isinstance(value, str) or value is None:
                description = value
            else:
                self.report(
                    top["description"][1],
                    f"'description' must be text, got {self.got(top['description'][1])}",
                    hint="quote it, or write it as a block: 'description: |' followed by indented lines",
                )
        app, script, source_line = self.check_app(root, top)
        setup = self.check_setup(top["setup"][1]) if "setup" in top else Setup()
        options = self.check_options(top["options"][1]) if "options" in top else Options()
        steps = self.check_steps(top["steps"][1]) if "steps" in top else ()
        return Scenario(
            path=self.path,
            name=name,
            description=description,
            app=app,
            script=script,
            setup=setup,
            options=options,
            steps=steps,
            source_line_of_app=source_line,
        )

    def check_version(self, root: Node, entry: tuple[Node, Node] | None) -> bool:
        """Report version problems; ``False`` when the rest must not be read as format 1."""
        if entry is None:
            self.report(
                root,
                f"missing 'version': say which scenario format the file is written in (this build reads version {_VERSIONS_TEXT})",
                hint="add 'version: 1' as the first line",
            )
            return True
        node = entry[1]
        value = self.plain(node)
        if isinstance(value, int) and not isinstance(value, bool):
            if value in SUPPORTED_VERSIONS:
                return True
            self.report(
                node,
                f"unsupported scenario format version {self.written(node)}; this build reads version {_VERSIONS_TEXT}",
                hint="write 'version: 1' if the file uses format 1, or upgrade apptest to read this version",
            )
            return False
        if isinstance(value, float) and value == 1:
            self.report(
                node,
                f"'version' must be the whole number 1, got {self.written(node)}",
                hint="write 'version: 1'",
            )
            return True
        if isinstance(value, float) and math.isfinite(value):
            self.report(
                node,
                f"unsupported scenario format version {self.written(node)}; this build reads version {_VERSIONS_TEXT}",
                hint="write 'version: 1'",
            )
            return False
        if isinstance(value, str) and value.strip() in ("1", "1.0"):
            self.report(
                node,
                f"'version' is the text {self.written(node)}, not the number 1 (this build reads version {_VERSIONS_TEXT})",
                hint="write 1 without quotes: 'version: 1'",
            )
            return True
        self.report(
            node,
            f"'version' must be the number {_VERSIONS_TEXT}, got {self.got(node)}",
            hint="write 'version: 1'",
        )
        return True

    def check_app(
        self, root: Node, top: dict[str, tuple[Node, Node]]
    ) -> tuple[Path | None, str | None, int | None]:
        if "app" not in top and "script" not in top:
            self.report(
                root,
                "no app given: a scenario needs 'app' (the path of the app script, relative to this file) or 'script' (the app's source inline)",
                hint="add 'app: path/to/app.py'",
            )
            return None, None, None
        if "app" in top and "script" in top:
            later = max(
                top["app"][0],
                top["script"][0],
                key=lambda n: (n.start_mark.line, n.start_mark.column),
            )
            self.report(
                later,
                "both 'app' and 'script' are given; a scenario runs exactly one app",
                hint="keep 'app' for an app file or 'script' for inline source, and remove the other",
            )
        app: Path | None = None
        script: str | None = None
        line: int | None = None
        if "app" in top:
            node = top["app"][1]
            line = _pos(node)[0]
            app = self.check_app_path(node)
        if "script" in top:
            node = top["script"][1]
            value = self.plain(node)
            if not isinstance(value, str):
                self.report(
                    node,
                    f"'script' must be the app's Python source as text, got {self.got(node)}",
                    hint="write it as a block: 'script: |' followed by the indented source lines",
                )
            elif not value.strip():
                self.report(
                    node,
                    "'script' is empty",
                    hint="write the app's source after 'script: |', indented",
                )
            else:
                script = value
                # the content of a block scalar starts on the line after its '|' / '>' header
                line = _pos(node)[0] + (
                    1 if isinstance(node, ScalarNode) and node.style in ("|", ">") else 0
                )
        return app, script, line

    def check_app_path(self, node: Node) -> Path | None:
        value = self.plain(node)
        if not isinstance(value, str) or not value.strip():
            self.report(
                node,
                f"'app' must be the path of the app's .py file, got {self.got(node)}",
                hint="write e.g. 'app: apps/counter.py' (relative to the scenario file)",
            )
            return None
        ok = True
        if not value.endswith(".py"):
            self.report(
                node,
                f"'app' must be a Python file ending in '.py', got {value!r}",
                hint="point 'app' at the app's .py script",
            )
            ok = False
        try:
            resolved = Path(os.path.abspath(self.base / value))
            exists, is_dir = resolved.exists(), resolved.is_dir()
        except (OSError, ValueError) as exc:
            self.report(
                node,
                f"'app' path {value!r} cannot be used: {exc}",
                hint="write a plain relative path",
            )
            return None
        if not exists:
            message = f"app file {value!r} not found (looked for {resolved})"
            close = self._close_file(resolved)
            if close is not None:
                message += f" - did you mean {close!r}?"
            self.report(
                node,
                message,
                hint=f"fix the path; it is relative to the scenario file's folder ({os.path.abspath(self.base)})",
            )
            return None
        if is_dir:
            self.report(
                node,
                f"'app' {value!r} is a folder, not a file ({resolved})",
                hint="point 'app' at the app's .py script inside it",
            )
            return None
        return resolved if ok else None

    def _close_file(self, resolved: Path) -> str | None:
        try:
            folder = resolved.parent
            if not folder.is_dir():
                return None
            names = sorted(p.name for p in folder.iterdir() if p.suffix == ".py")[:500]
        except (OSError, ValueError):
            return None
        close = _suggest(resolved.name, names)
        if close is None:
            return None
        try:
            return os.path.relpath(folder / close, os.path.abspath(self.base))
        except ValueError:  # pragma: no cover - different drives on Windows
            return str(folder / close)

    def mapping(
        self, node: Node, what: str, example: str, empty_ok: bool = True, key_word: str = "keys"
    ) -> dict[str, Any] | None:
        """A mapping with text keys, or ``None`` (problems reported)."""
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"{what} must be a mapping, got {self.got(node)}",
                hint=f"write it as {example}",
            )
            return None
        result: dict[str, Any] = {}
        ok = True
        for k, key_node, value_node in self.entries(node):
            if not isinstance(k, str):
                self.report(
                    key_node,
                    f"{key_word} in {what} must be text, got {self.got(key_node)}",
                    hint=f"quote the key: '{self.written(key_node)}'",
                )
                ok = False
                continue
            result[k] = self.plain(value_node)
        if not result and ok and not empty_ok:
            self.report(node, f"{what} is empty", hint=f"write it as {example}")
            return None
        return result if ok else None

    def check_setup(self, node: Node) -> Setup:
        if self.plain(node) is None:
            return Setup()
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"'setup' must be a mapping with {', '.join(SETUP_KEYS)}, got {self.got(node)}",
                hint="write e.g. 'setup:' then '  session_state: {count: 0}'",
            )
            return Setup()
        keys = self.section(node, SETUP_KEYS, "'setup'")
        parts: dict[str, dict[str, Any]] = {}
        for key in SETUP_KEYS:
            if key not in keys or self.plain(keys[key][1]) is None:
                continue
            value = self.mapping(keys[key][1], f"'setup.{key}'", "{KEY: VALUE, ...}")
            if value is None:
                continue
            params = keys[key][1]
            if key == "query_params" and isinstance(params, MappingNode):
                for k, _key_node, value_node in self.entries(params):
                    v = self.plain(value_node)
                    if isinstance(v, list):
                        good = all(x is not None and not isinstance(x, (list, dict)) for x in v)
                    else:
                        good = v is not None and not isinstance(v, dict)
                    if not good:
                        self.report(
                            value_node,
                            f"query parameter {k!r} must be a value or a list of values, got {self.got(value_node)}",
                            hint=f"write e.g. '{k}: value' or '{k}: [a, b]'",
                        )
            parts[key] = value
        return Setup(**parts)

    def check_options(self, node: Node) -> Options:
        if self.plain(node) is None:
            return Options()
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"'options' must be a mapping, got {self.got(node)}",
                hint="write e.g. 'options: {timeout: 5}'",
            )
            return Options()
        keys = self.section(node, OPTION_KEYS, "'options'")
        if "timeout" not in keys:
            return Options()
        value_node = keys["timeout"][1]
        value = self.plain(value_node)
        if value is None:
            return Options()
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and math.isfinite(value)
            and value > 0
        ):
            return Options(timeout=float(value))
        hint = "write a number of seconds greater than 0, e.g. 'timeout: 5'"
        if isinstance(value, str):
            digits = re.match(r"^\s*([0-9]+(?:\.[0-9]*)?)\s*s", value)
            if digits:
                hint = f"write the number of seconds without a unit: 'timeout: {digits.group(1)}'"
        self.report(
            value_node,
            f"'options.timeout' must be a positive number of seconds, got {self.got(value_node)}",
            hint=hint,
        )
        return Options()

    # -- steps ----------------------------------------------------------------------------------

    def check_steps(self, node: Node) -> tuple[Step, ...]:
        if isinstance(node, ScalarNode) and self.plain(node) is None:
            return ()
        if not isinstance(node, SequenceNode):
            self.report(
                node,
                f"'steps' must be a list of steps, each on a line starting with '- ', got {self.got(node)}",
                hint="write e.g. 'steps:' then '  - click: add'",
            )
            return ()
        steps: list[Step] = []
        for index, item in enumerate(node.value, start=1):
            self.step = index
            try:
                step = self.check_step(item, index)
            finally:
                self.step = None
            if step is not None:
                steps.append(step)
        return tuple(steps)

    def check_step(self, node: Node, index: int) -> Step | None:
        raw = self.plain(node)
        line, column = _pos(node)
        kinds = ", ".join(STEP_KINDS)
        if isinstance(node, ScalarNode):
            if raw == "rerun":
                return Step("rerun", None, index, line, column, raw)
            if raw is None:
                self.report(
                    node,
                    f"step {index} is empty",
                    hint="write a step such as '- click: KEY', or remove the empty '-' line",
                )
            elif isinstance(raw, str) and raw in STEP_KINDS:
                self.report(
                    node,
                    f"step '{raw}' needs an argument (only 'rerun' may be written alone)",
                    hint=_example(raw),
                )
            else:
                close = _suggest(raw, STEP_KINDS)
                message = f"unknown step {self.got(node)}"
                message += f" - did you mean {close!r}?" if close else "."
                self.report(
                    node,
                    f"{message} A step is a one-key mapping, one of: {kinds} (only 'rerun' may be written alone).",
                    hint=_example(close) if close else "write e.g. '- click: add'",
                )
            return None
        if not isinstance(node, MappingNode):
            self.report(
                node,
                f"a step must be a one-key mapping like '- click: add', got {self.got(node)}",
                hint="write each step as '- KIND: ARGUMENT' on its own line",
            )
            return None
        entries = self.entries(node)
        if not node.value:
            self.report(node, f"step {index} is an empty mapping", hint="write e.g. '- click: add'")
            return None
        if not entries:  # only unusable keys, reported already
            return None
        if len(entries) > 1:
            names = ", ".join(self.written(e[1]) for e in entries)
            kind_nulls = [
                e[0]
                for e in entries
                if e[0] in STEP_KINDS and self.plain(e[2]) is None and e[0] != "rerun"
            ]
            if len(kind_nulls) == 1:
                hint = f"indent the entries under '{kind_nulls[0]}:' further than '{kind_nulls[0]}' itself"
            else:
                hint = f"split it into {len(entries)} steps, each on its own '- ' line"
            self.report(
                entries[1][1],
                f"a step does exactly one thing, but step {index} has {len(entries)} keys ({names})",
                hint=hint,
            )
            return None
        kind, key_node, value_node = entries[0]
        if kind not in STEP_KINDS:
            close = _suggest(kind, STEP_KINDS)
            message = f"unknown step kind {self.written(key_node)!r}"
            message += f" - did you mean {close!r}?" if close else "."
            if close:
                hint = f"rename {self.written(key_node)!r} to {close!r}"
            elif isinstance(kind, str):
                hint = f"to change the widget {kind!r}, write '- set: {{{kind}: {self.written(value_node) or 'VALUE'}}}'"
            else:
                hint = "write e.g. '- click: add'"
            self.report(key_node, f"{message} Valid steps: {kinds}.", hint=hint)
            return None
        checked = _STEP_CHECKS[kind](self, kind, value_node)
        if checked is None:
            return None
        arg, positions = checked
        return Step(kind, arg, index, line, column, raw, positions)

    def check_target(self, kind: str, node: Node) -> tuple[Any, dict[str, tuple[int, int]]] | None:
        value = self.plain(node)
        what = "a form key" if kind == "submit" else "a widget key or label"
        one = "one form key" if kind == "submit" else "one widget key or label"
        if isinstance(value, str) and value.strip():
            return value, {}
        if value is None:
            self.report(
                node,
                f"'{kind}' needs {what}, got nothing",
                hint=f"write '- {kind}: {_EXAMPLES[kind]}'",
            )
        elif isinstance(value, str):
            self.report(
                node,
                f"'{kind}' needs {what}, got an empty text",
                hint=f"write '- {kind}: {_EXAMPLES[kind]}'",
            )
        elif isinstance(node, ScalarNode):
            self.report(
                node,
                f"'{kind}' needs {what} (text), got {self.got(node)}",
                hint=f"quote it: '- {kind}: \"{self.written(node)}\"'",
            )
        else:
            self.report(
                node,
                f"'{kind}' needs {one} (text), got {self.got(node)}",
                hint=f"write one {kind} step per target, e.g. '- {kind}: {_EXAMPLES[kind]}'",
            )
        return None

    def check_assign(self, kind: str, node: Node) -> tuple[Any, dict[str, tuple[int, int]]] | None:
        what = "widget" if kind == "set" else "session state key"
        example = "{name: Ada}" if kind == "set" else "{count: 0}"
        if not isinstance(node, MappingNode):
            value = self.plain(node)
            hint = f"write '- {kind}: {example}'"
            if isinstance(value, str) and value.strip():
                hint = f"write '- {kind}: {{{value}: VALUE}}'"
            self.report(
                node,
                f"'{kind}' needs a mapping of {what} -> value, got {self.got(node)}",
                hint=hint,
            )
            return None
        entries = self.entries(node)
        if not node.value:
            self.report(
                node,
                f"'{kind}' needs at least one {what}: value",
                hint=f"write '- {kind}: {example}'",
            )
            return None
        result: dict[str, Any] = {}
        positions: dict[str, tuple[int, int]] = {}
        ok = True
        for k, key_node, value_node in entries:
            if not isinstance(k, str) or not k:
                self.report(
                    key_node,
                    f"each {what} in '{kind}' must be given as text, got {self.got(key_node)}",
                    hint=f"quote the key: '\"{self.written(key_node)}\": ...'",
                )
                ok = False
                continue
            result[k] = self.plain(value_node)
            positions[k] = _pos(key_node)
        return (result, positions) if ok else None

    def check_rerun(self, kind: str, node: Node) -> tuple[Any, dict[str, tuple[int, int]]] | None:
        if self.plain(node) is None:
            return None, {}
        self.report(
            node, f"'rerun' takes no argument, got {self.got(node)}", hint="write '- rerun'"
        )
        return None

    def check_expect(self, kind: str, node: Node) -> tuple[Any, dict[str, tuple[int, int]]] | None:
        keys_text = ", ".join(EXPECT_KEYS)
        if not isinstance(node, MappingNode) or not node.value:
            self.report(
                node,
                f"'expect' needs a mapping with one or more of {keys_text}, got {self.got(node)}",
                hint="write e.g. '- expect: {state: {count: 1}}'",
            )
            return None
        keys = self.section(node, EXPECT_KEYS, "'expect'")
        if not keys:
            return None
        ok = True
        fields: dict[str, Any] = {}
        positions: dict[str, tuple[int, int]] = {}
        for key, (key_node, value_node) in keys.items():
            positions[key] = _pos(key_node)
            value = self.plain(value_node)
            if key in ("state", "widgets"):
                what = "session state key" if key == "state" else "widget"
                if not isinstance(value_node, MappingNode):
                    self.report(
                        value_node,
                        f"'expect.{key}' must be a mapping of {what} -> expected value, got {self.got(value_node)}",
                        hint=f"write e.g. '{key}: {{{'count: 1' if key == 'state' else 'name: Ada'}}}'",
                    )
                    ok = False
                    continue
                result = self.mapping(
                    value_node, f"'expect.{key}'", "{KEY: VALUE}", key_word=f"{what}s"
                )
                if result is None:
                    ok = False
                    continue
                for k, kn, _ in self.entries(value_node):
                    if isinstance(k, str):
                        positions[f"{key}.{k}"] = _pos(kn)
                fields[key] = result
            elif key in ("absent", "text"):
                what = "session state keys" if key == "absent" else "texts to find in the output"
                if not _is_str_list(value):
                    hint = f"write it as a list of text: '{key}: [...]'"
                    if isinstance(value, str):
                        hint = f"write it as a list: '{key}: [{self.written(value_node)}]'"
                    elif isinstance(value_node, SequenceNode):
                        bad = next(
                            n
                            for n, v in zip(value_node.value, value, strict=False)
                            if not isinstance(v, str)
                        )
                        hint = f"quote the item {self.written(bad)!r}"
                    self.report(
                        value_node,
                        f"'expect.{key}' must be a list of {what}, got {self.got(value_node)}",
                        hint=hint,
                    )
                    ok = False
                    continue
                if isinstance(value_node, SequenceNode):
                    for i, item in enumerate(value_node.value):
                        positions[f"{key}.{i}"] = _pos(item)
                fields[key] = list(value)
            else:  # exception
                if value is None or isinstance(value, str):
                    fields[key] = value
                else:
                    self.report(
                        value_node,
                        f"'expect.exception' must be null (no exception shown) or text found in the exception's type or message, got {self.got(value_node)}",
                        hint="write 'exception: null' or e.g. 'exception: ZeroDivisionError'",
                    )
                    ok = False
        if not ok:
            return None
        exception: str | NotGiven | None = fields.pop("exception", NOT_GIVEN)
        return Expect(**fields, exception=exception), positions


_EXAMPLES: Final[dict[str, str]] = {
    "click": "add",
    "set": "{name: Ada}",
    "submit": "my_form",
    "state": "{count: 0}",
    "rerun": "null",
    "expect": "{state: {count: 1}}",
}


def _example(kind: str) -> str:
    return "write '- rerun'" if kind == "rerun" else f"write '- {kind}: {_EXAMPLES[kind]}'"


_StepCheck = Callable[[_Reader, str, Node], "tuple[Any, dict[str, tuple[int, int]]] | None"]

#: How each step kind's argument is checked: returns (arg, positions) or None (reported).
_STEP_CHECKS: Final[dict[str, _StepCheck]] = {
    "click": _Reader.check_target,
    "submit": _Reader.check_target,
    "set": _Reader.check_assign,
    "state": _Reader.check_assign,
    "rerun": _Reader.check_rerun,
    "expect": _Reader.check_expect,
}
