"""Tests of apptest.scenario.loader: valid files, every malformed file, and robustness."""

from __future__ import annotations

import datetime
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apptest.errors import Problem, ScenarioError
from apptest.scenario import (
    NOT_GIVEN,
    Expect,
    Options,
    Scenario,
    ScenarioLoader,
    Setup,
    Step,
    load_scenario,
    load_scenario_text,
)

HERE = Path(__file__).parent
MALFORMED = sorted((HERE / "malformed").glob("*.yaml"))
VALID = sorted((HERE / "valid").glob("*.yaml"))
EXPECT_LINE = re.compile(r"^# expect: (\d+): (.*)$", re.MULTILINE)


def problems_of(text: str, **kwargs: object) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, **kwargs)  # type: ignore[arg-type]
    assert "Traceback" not in str(info.value)
    return info.value.problems


def script_scenario(steps: str = "", extra: str = "") -> str:
    """A valid scenario with an inline script, plus the given steps block / extra keys."""
    text = "version: 1\nscript: import streamlit as st\n" + extra
    if steps:
        text += "steps:\n" + textwrap.indent(textwrap.dedent(steps), "  ")
    return text


# --------------------------------------------------------------------------------------------
# malformed files: one test per file, expectations in the file's leading comment lines
# --------------------------------------------------------------------------------------------


def test_there_are_at_least_30_malformed_files() -> None:
    assert len(MALFORMED) >= 30


@pytest.mark.parametrize("path", MALFORMED, ids=[p.stem for p in MALFORMED])
def test_malformed_file_is_reported(path: Path) -> None:
    expected = EXPECT_LINE.findall(path.read_bytes().decode("utf-8", errors="replace"))
    assert expected, f"{path.name} has no '# expect: LINE: MESSAGE' line"

    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    err = info.value
    text = str(err)

    assert "Traceback" not in text
    assert not any("internal error" in p.message for p in err.problems), text
    # exactly the expected problems: no cascade of follow-up errors
    assert len(err.problems) == len(expected), text
    for line, fragment in expected:
        matches = [p for p in err.problems if p.line == int(line) and fragment in p.message]
        assert matches, f"no problem at line {line} containing {fragment!r}:\n{text}"
    for problem in err.problems:
        assert problem.path == str(path)
        assert problem.hint, f"problem without a fix: {problem}"
        assert str(problem) in text
    assert err.path == str(path)


def test_several_errors_in_one_file_are_all_reported_in_line_order() -> None:
    path = HERE / "malformed" / "multiple_errors.yaml"
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problems = info.value.problems
    assert [p.line for p in problems] == [9, 11, 13, 14, 15, 17]
    assert [p.step for p in problems] == [None, None, 1, 2, 3, 5]
    assert str(info.value).startswith("6 problems in scenario file:\n")


def test_error_message_shape() -> None:
    text = script_scenario("- click: add\n- clik: add\n")
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, path="scenarios/counter.yaml")
    assert str(info.value) == (
        "1 problem in scenario file:\n"
        "  scenarios/counter.yaml:5:5 (step 2): unknown step kind 'clik' - did you mean 'click'?"
        " Valid steps: click, set, submit, state, rerun, expect.\n"
        "    fix: rename 'clik' to 'click'"
    )


# --------------------------------------------------------------------------------------------
# valid files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_files_load(path: Path) -> None:
    scenario = load_scenario(path)
    assert isinstance(scenario, Scenario)
    assert scenario.path == str(path)
    assert [s.index for s in scenario.steps] == list(range(1, len(scenario.steps) + 1))


def test_spec_example(tmp_path: Path) -> None:
    (tmp_path / "apps").mkdir()
    app = tmp_path / "apps" / "counter.py"
    app.write_text("import streamlit as st\n")
    scenario_file = tmp_path / "counter.yaml"
    scenario_file.write_text((HERE / "valid" / "counter.yaml").read_text())

    sc = load_scenario(scenario_file)

    assert sc.name == "Counter goes up and greets"
    assert sc.description == "Clicking Add twice counts to 2; typing a name greets that person."
    assert sc.app == app.resolve()
    assert sc.script is None
    assert sc.source_line_of_app == 5
    assert sc.setup == Setup(session_state={"count": 0})
    assert sc.options == Options(timeout=3.0)
    assert [(s.kind, s.arg, s.index, s.line, s.column) for s in sc.steps[:4]] == [
        ("click", "add", 1, 9, 5),
        ("click", "Add", 2, 10, 5),
        ("set", {"name": "Ada"}, 3, 11, 5),
        ("set", {"agree": True, "volume": 7}, 4, 12, 5),
    ]
    assert [s.raw for s in sc.steps] == [
        {"click": "add"},
        {"click": "Add"},
        {"set": {"name": "Ada"}},
        {"set": {"agree": True, "volume": 7}},
        {"expect": {"state": {"count": 2}, "text": ["Hello, Ada"]}},
    ]
    assert sc.steps[3].positions == {"agree": (12, 11), "volume": (12, 24)}
    expect = sc.steps[4]
    assert expect.kind == "expect"
    assert expect.arg == Expect(state={"count": 2}, text=["Hello, Ada"])
    assert expect.arg.exception is NOT_GIVEN
    assert expect.positions["state.count"] == (14, 15)
    assert expect.positions["text.0"] == (15, 14)
    source, filename = sc.app_source()
    assert source == "import streamlit as st\n"
    assert filename == str(app.resolve())


def test_app_is_relative_to_the_scenario_file_not_the_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "scenarios" / "apps").mkdir(parents=True)
    (tmp_path / "scenarios" / "apps" / "a.py").write_text("x = 1\n")
    (tmp_path / "scenarios" / "a.yaml").write_text("version: 1\napp: apps/a.py\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    sc = load_scenario(Path("..") / "scenarios" / "a.yaml")
    assert sc.app == (tmp_path / "scenarios" / "apps" / "a.py").resolve()
    assert sc.name == "a"


def test_text_app_is_relative_to_base_dir(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("x = 1\n")
    sc = load_scenario_text("version: 1\napp: app.py\n", base_dir=tmp_path)
    assert sc.app == (tmp_path / "app.py").resolve()
    problems = problems_of("version: 1\napp: app.py\n", base_dir=tmp_path / "nowhere")
    assert "not found" in problems[0].message
    assert str(tmp_path / "nowhere" / "app.py") in problems[0].message


def test_yaml_12_booleans_and_strings() -> None:
    sc = load_scenario_text(
        script_scenario(
            """\
            - set: {on: true, off: false, yes: no, y: n, a: True, b: FALSE, c: On, d: YES}
            """
        )
    )
    assert sc.steps[0].arg == {
        "on": True,
        "off": False,
        "yes": "no",
        "y": "n",
        "a": True,
        "b": False,
        "c": "On",
        "d": "YES",
    }
    assert sc.steps[0].positions["on"] == (4, 11)


def test_dates_datetimes_and_times() -> None:
    sc = load_scenario_text(
        script_scenario(
            """\
            - set:
                d: 2024-01-31
                dt: 2024-01-31T09:45:00
                tz: 2024-01-31T09:45:00Z
                t1: '09:45'
                t2: 09:45
                t3: 09:45:30
                t4: "09:45:30"
            """
        )
    )
    arg = sc.steps[0].arg
    assert arg["d"] == datetime.date(2024, 1, 31)
    assert type(arg["d"]) is datetime.date
    assert arg["dt"] == datetime.datetime(2024, 1, 31, 9, 45)
    assert arg["tz"] == datetime.datetime(2024, 1, 31, 9, 45, tzinfo=datetime.timezone.utc)
    assert arg["t1"] == arg["t2"] == "09:45"
    assert arg["t3"] == arg["t4"] == "09:45:30"


def test_yaml_12_numbers_and_nulls() -> None:
    sc = load_scenario_text(
        script_scenario(
            "- state: {a: 010, b: 0x1F, c: 0o17, d: 1e3, e: -2.5, f: .inf, g: ~, h: null, i: 1_000, j: =}\n"
        )
    )
    arg = sc.steps[0].arg
    assert arg == {
        "a": 10,
        "b": 31,
        "c": 15,
        "d": 1000.0,
        "e": -2.5,
        "f": float("inf"),
        "g": None,
        "h": None,
        "i": "1_000",
        "j": "=",
    }


@pytest.mark.parametrize(
    ("step", "raw"),
    [("- rerun\n", "rerun"), ("- rerun:\n", {"rerun": None}), ("- rerun: null\n", {"rerun": None})],
)
def test_rerun_forms(step: str, raw: object) -> None:
    (s,) = load_scenario_text(script_scenario(step)).steps
    assert (s.kind, s.arg, s.raw, s.line, s.column) == ("rerun", None, raw, 4, 5)


def test_all_step_kinds_and_expect_keys() -> None:
    sc = load_scenario(HERE / "valid" / "values.yaml")
    assert [s.kind for s in sc.steps] == [
        "set",
        "set",
        "state",
        "submit",
        "rerun",
        "rerun",
        "expect",
    ]
    assert sc.steps[1].arg["range"] == [1, 5]
    assert sc.steps[1].arg["choice"] == "no"
    assert sc.steps[1].arg["nothing"] is None
    assert sc.steps[2].arg == {"count": 3, "y": "y", "n": "n"}
    assert sc.steps[3].arg == "my_form"
    assert sc.steps[6].arg == Expect(
        state={"count": 3, "mode": "off"},
        absent=["ghost"],
        text=["Hello"],
        widgets={"on": True, "day": datetime.date(2024, 1, 31)},
        exception=None,
    )
    assert sc.setup == Setup(
        session_state={"mode": "off", "answer": "yes"},
        query_params={"page": 2, "tags": ["a", "b"]},
        secrets={"db": {"user": "admin", "password": "hunter2"}},
    )
    assert sc.options.timeout == 5.0
    assert isinstance(sc.options.timeout, float)
    assert sc.description == "Every kind of value a step can carry, and YAML 1.2 booleans.\n"
    assert sc.name == "values"


def test_inline_script_source_and_line() -> None:
    text = "version: 1\nscript: |\n  import streamlit as st\n  st.write(1)\n"
    sc = load_scenario_text(text, path="dir/inline.yaml")
    assert sc.script == "import streamlit as st\nst.write(1)\n"
    assert sc.source_line_of_app == 3  # script line 1 is scenario line 3
    assert sc.app is None
    assert sc.name == "inline"
    assert sc.app_source() == (sc.script, "<script in dir/inline.yaml>")
    one_line = load_scenario_text("version: 1\nscript: x = 1\n")
    assert one_line.source_line_of_app == 2
    assert one_line.name == "<string>"


@pytest.mark.parametrize(
    "extra",
    [
        "",
        "steps:\n",
        "steps: []\n",
        "steps: null\n",
        "setup:\noptions:\n",
        "setup: {}\noptions: {}\n",
    ],
)
def test_missing_or_empty_sections_use_defaults(extra: str) -> None:
    sc = load_scenario_text(script_scenario(extra=extra))
    assert sc.steps == ()
    assert sc.setup == Setup()
    assert sc.options == Options()
    assert sc.description is None


def test_name_null_uses_the_file_stem() -> None:
    sc = load_scenario_text(script_scenario(extra="name:\n"), path="x/my_case.yml")
    assert sc.name == "my_case"


def test_anchors_and_merges_are_allowed() -> None:
    sc = load_scenario(HERE / "valid" / "anchors.yaml")
    assert sc.steps[0].arg == {"count": 1, "name": "Ada"}
    assert sc.steps[1].arg.state == {"count": 0, "name": "Ada"}
    # merged keys point at the line where they are written (the anchor)
    assert sc.steps[0].positions["name"] == (7, 39)
    assert sc.steps[0].positions["count"] == (11, 7)


def test_a_merge_overriding_a_key_is_not_a_duplicate() -> None:
    load_scenario_text(script_scenario("- set: {<<: {a: 1}, a: 2}\n"))


def test_duplicate_keys_are_reported_even_under_unknown_keys() -> None:
    (problem,) = problems_of(
        script_scenario(extra="setup:\n  session_state: {a: 1}\n  x: {k: 1, k: 2}\n")
    )[1:]
    assert "duplicate key 'k'" in problem.message
    assert problem.line == 5


def test_version_2_reports_only_the_version() -> None:
    problems = problems_of("version: 3\nsteps:\n  - teleport: mars\nunknown: 1\n")
    assert len(problems) == 1
    assert (
        "unsupported scenario format version 3; this build reads version 1" in problems[0].message
    )


def test_unknown_step_with_widget_like_name_suggests_set() -> None:
    (problem,) = problems_of(script_scenario("- name: Ada\n"))
    assert problem.hint == "to change the widget 'name', write '- set: {name: Ada}'"
    assert problem.step == 1


def test_bad_value_in_a_step_has_the_step_index() -> None:
    (problem,) = problems_of(script_scenario("- rerun\n- set: {d: 2024-13-01}\n"))
    assert problem.step == 2
    assert "'2024-13-01' is not a valid date" in problem.message


def test_unsafe_tags_are_never_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = script_scenario(f'- click: !!python/object/apply:os.system ["touch {marker}"]\n')
    (problem,) = problems_of(text)
    assert "unsupported YAML tag" in problem.message
    assert not marker.exists()


def test_recursive_alias_does_not_hang() -> None:
    problems = problems_of(script_scenario(extra="setup:\n  session_state: &a {me: *a}\n"))
    assert "used inside itself" in problems[0].message


def test_billion_laughs_stays_cheap() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 20):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    text = "version: 1\nscript: x\nsetup:\n  secrets:\n" + textwrap.indent("\n".join(lines), "    ")
    sc = load_scenario_text(text + "\n")
    assert len(sc.setup.secrets["a19"]) == 10


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "--- # c\n...\n"])
def test_empty_documents(text: str) -> None:
    (problem,) = problems_of(text)
    assert problem.line == 1
    assert "the scenario file is empty" in problem.message


def test_deep_nesting_is_a_scenario_error() -> None:
    problems = problems_of("[" * 3000)
    assert problems[0].message


def test_unexpected_internal_errors_are_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    from apptest.scenario import loader

    def boom(self: object, root: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(loader._Reader, "validate", boom)
    (problem,) = problems_of(script_scenario(), path="s.yaml")
    assert problem.path == "s.yaml"
    assert "internal error" in problem.message
    assert "RuntimeError: boom" in problem.message


def test_missing_scenario_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.yaml")
    assert "scenario file not found" in str(info.value)
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path)
    assert "is a folder, not a file" in str(info.value)


def test_text_may_be_bytes_but_not_other_types() -> None:
    assert load_scenario_text(b"\xef\xbb\xbfversion: 1\nscript: x\n").script == "x"
    with pytest.raises(TypeError):
        load_scenario_text(42)  # type: ignore[arg-type]


def test_crlf_line_endings() -> None:
    sc = load_scenario_text("version: 1\r\nscript: x\r\nsteps:\r\n  - click: a\r\n")
    assert sc.steps[0].line == 4


def test_step_describe() -> None:
    sc = load_scenario_text(script_scenario("- click: add\n- set: {a: 1, b: 2}\n- rerun\n"))
    assert [s.describe() for s in sc.steps] == ["click add", "set a, b", "rerun"]


def test_scenario_loader_for_plain_yaml_load() -> None:
    data = yaml.load("a: on\nb: true\nc: 09:45\nd: 2024-01-31\ne: 010\n", Loader=ScenarioLoader)
    assert data == {"a": "on", "b": True, "c": "09:45", "d": datetime.date(2024, 1, 31), "e": 10}
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'a'"):
        yaml.load("a: 1\na: 2\n", Loader=ScenarioLoader)
    assert yaml.load("b: &b {x: 1}\nc: {<<: *b, x: 2}\n", Loader=ScenarioLoader) == {
        "b": {"x": 1},
        "c": {"x": 2},
    }


def test_loaded_values_match_scenario_loader() -> None:
    """The node walker and ScenarioLoader agree on what a valid file says."""
    for path in VALID:
        data = yaml.load(path.read_text(), Loader=ScenarioLoader)
        sc = load_scenario(path)
        assert [s.raw for s in sc.steps] == (data.get("steps") or [])
        assert sc.setup.session_state == ((data.get("setup") or {}).get("session_state") or {})


def test_step_records_are_frozen() -> None:
    step = Step("click", "add", 1, 1, 1, {"click": "add"})
    with pytest.raises(AttributeError):
        step.kind = "set"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# robustness: whatever the text, the loader returns a Scenario or raises ScenarioError
# --------------------------------------------------------------------------------------------

SEEDS = [
    (HERE / "valid" / "counter.yaml").read_text(),
    (HERE / "valid" / "values.yaml").read_text(),
    (HERE / "valid" / "anchors.yaml").read_text(),
    (HERE / "malformed" / "multiple_errors.yaml").read_text(),
]
YAML_CHARS = ":-[]{},'\"#&*!|>?%@` \n\t\\~<=.0123456789abcdefxyzTF"

yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=8)
    | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def mutated_scenarios(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "swap", "value", "dup"]))
        lines = text.split("\n")
        if op == "insert":
            i = draw(st.integers(0, len(text)))
            text = text[:i] + draw(st.text(YAML_CHARS, min_size=1, max_size=4)) + text[i:]
        elif op == "delete" and text:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + text[i + draw(st.integers(1, 6)) :]
        elif op == "replace" and text:
            i = draw(st.integers(0, len(text) - 1))
            text = text[:i] + draw(st.sampled_from(YAML_CHARS)) + text[i + 1 :]
        elif op == "swap":
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "dup":
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif op == "value":
            candidates = [n for n, line in enumerate(lines) if ": " in line]
            if candidates:
                n = draw(st.sampled_from(candidates))
                dumped = yaml.safe_dump(draw(yaml_values), default_flow_style=True, width=10_000)
                dumped = dumped.removesuffix("\n").removesuffix("\n...").strip()
                head = lines[n].split(": ", 1)[0]
                lines[n] = f"{head}: {dumped}"
                text = "\n".join(lines)
    return text


def check_outcome(text: str, base_dir: Path) -> None:
    try:
        result = load_scenario_text(text, path="fuzz.yaml", base_dir=base_dir)
    except ScenarioError as err:
        assert err.problems
        rendered = str(err)
        assert "Traceback" not in rendered
        n_lines = text.count("\n") + 2
        for p in err.problems:
            assert isinstance(p, Problem)
            assert p.path == "fuzz.yaml"
            assert "internal error" not in p.message, rendered
            assert p.line is None or 1 <= p.line <= n_lines, rendered
            assert p.step is None or p.step >= 1
            assert p.hint
    else:
        assert isinstance(result, Scenario)
        assert (result.app is None) != (result.script is None)
        for i, step in enumerate(result.steps, start=1):
            assert step.index == i
            assert step.kind in ("click", "set", "submit", "state", "rerun", "expect")


@pytest.fixture(scope="module")
def app_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    (base / "apps").mkdir()
    (base / "apps" / "counter.py").write_text("import streamlit as st\n")
    return base


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated_scenarios())
def test_mutated_scenarios_load_or_raise_scenario_error(text: str, app_dir: Path) -> None:
    check_outcome(text, app_dir)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    doc=st.dictionaries(
        st.sampled_from(
            [
                "version",
                "name",
                "description",
                "app",
                "script",
                "setup",
                "options",
                "steps",
                "stpes",
            ]
        ),
        yaml_values
        | st.lists(
            st.dictionaries(
                st.sampled_from(["click", "set", "submit", "state", "rerun", "expect", "clik"]),
                yaml_values,
                max_size=2,
            )
            | st.sampled_from(["rerun", "click"]),
            max_size=4,
        ),
        max_size=8,
    )
)
def test_random_documents_load_or_raise_scenario_error(
    doc: dict[str, object], app_dir: Path
) -> None:
    check_outcome(yaml.safe_dump(doc, allow_unicode=True), app_dir)


def test_fuzz_seeds_are_what_we_think() -> None:
    # the seeds include valid files, so the property tests also exercise the success path
    assert isinstance(load_scenario_text(SEEDS[1]), Scenario)
