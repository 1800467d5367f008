"""Tests of apptest/scenario/schema.json: valid JSON Schema, in step with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from apptest.scenario import SCHEMA_PATH, STEP_KINDS, ScenarioLoader, load_scenario
from apptest.scenario.loader import EXPECT_KEYS, OPTION_KEYS, SETUP_KEYS, TOP_LEVEL_KEYS

HERE = Path(__file__).parent
VALID = sorted((HERE / "valid").glob("*.yaml"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_schema_is_json_of_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"]["const"] == 1
    assert schema["properties"]["version"]["description"]


def test_schema_lists_the_keys_the_loader_reads(schema: dict[str, Any]) -> None:
    props = schema["properties"]
    assert set(props) == set(TOP_LEVEL_KEYS)
    assert set(props["setup"]["properties"]) == set(SETUP_KEYS)
    assert set(props["options"]["properties"]) == set(OPTION_KEYS)
    assert set(schema["$defs"]["expect"]["properties"]) == set(EXPECT_KEYS)
    kinds = set()
    for alternative in schema["$defs"]["step"]["oneOf"]:
        if "const" in alternative:
            kinds.add(alternative["const"])
        else:
            kinds.update(alternative["required"])
    assert kinds == set(STEP_KINDS)


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_examples_validate(path: Path, validator: Any) -> None:
    load_scenario(path)  # valid for the loader ...
    data = yaml.load(path.read_text(), Loader=ScenarioLoader)
    errors = [e.message for e in validator.iter_errors(data)]
    assert errors == []  # ... and for the schema


@pytest.mark.parametrize(
    "text",
    [
        "script: x\n",  # no version
        "version: '1'\nscript: x\n",
        "version: 2\nscript: x\n",
        "version: 1\n",  # no app/script
        "version: 1\napp: a.py\nscript: x\n",
        "version: 1\napp: a.txt\n",
        "version: 1\nscript: x\nstpes: []\n",
        "version: 1\nscript: x\noptions: {timeout: 0}\n",
        "version: 1\nscript: x\nsetup: {session_sate: {}}\n",
        "version: 1\nscript: x\nsteps: [clik: a]\n",
        "version: 1\nscript: x\nsteps: [{click: a, set: {b: 1}}]\n",
        "version: 1\nscript: x\nsteps: [click]\n",
        "version: 1\nscript: x\nsteps: [{click: ''}]\n",
        "version: 1\nscript: x\nsteps: [{set: {}}]\n",
        "version: 1\nscript: x\nsteps: [{rerun: 2}]\n",
        "version: 1\nscript: x\nsteps: [{expect: {stat: {}}}]\n",
        "version: 1\nscript: x\nsteps: [{expect: {text: hi}}]\n",
        "version: 1\nscript: x\nsteps: [{expect: {}}]\n",
    ],
)
def test_invalid_documents_fail_the_schema(text: str, validator: Any) -> None:
    data = yaml.load(text, Loader=ScenarioLoader)
    assert list(validator.iter_errors(data))
