"""The simulated ``streamlit`` namespace covers Streamlit 1.67's public names.

Compares ``dir(streamlit)`` (the real package, installed) with our ``st`` module, the public
methods of the real ``DeltaGenerator`` with ours, and the contents of the submodules apps import
(``column_config``, ``components.v1``, ``typing``). A failure lists every missing name.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
import types
from typing import Any

import pytest

from apptest.runtime.streamlit_api import module_table
from apptest.runtime.streamlit_api import st as ours
from apptest.runtime.streamlit_api.delta_generator import DeltaGenerator as OurDeltaGenerator

streamlit = pytest.importorskip("streamlit")

# Submodules of the real package that apps use as public API: they must exist.
PUBLIC_MODULES = frozenset({
    "column_config", "components", "config", "connections", "delta_generator", "errors", "runtime", "typing",
    "version",
})
# Implementation modules that happen to be attributes of the real package (server, CLI, protobuf,
# file watching...): apps do not use them, so they are not simulated.
INTERNAL_MODULES = frozenset({
    "auth_util", "byte_util", "cli_util", "commands", "config_option", "config_util", "cursor", "dataframe_util",
    "delta_generator_singletons", "deprecation_util", "development", "elements", "env_util", "error_util",
    "file_util", "logger", "net_util", "path_security", "proto", "signal_util", "source_util", "starlette",
    "streamlit", "string_util", "time_util", "toml_writer", "type_util", "url_util", "user_info", "util",
    "watcher", "web",
})


def _public(names: list[str]) -> list[str]:
    return sorted(n for n in names if not n.startswith("_"))


@functools.cache
def _fresh_streamlit_names() -> tuple[list[str], frozenset[str]]:
    """Public names of a freshly imported ``streamlit`` and which are modules.

    A subprocess, because ``dir(streamlit)`` grows as other tests import its submodules
    (``streamlit.testing`` ...).
    """
    code = (
        "import json, types, streamlit as s\n"
        "names = [n for n in dir(s) if not n.startswith('_')]\n"
        "print(json.dumps([names, [n for n in names if isinstance(getattr(s, n), types.ModuleType)]]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    names, modules = json.loads(out.strip().splitlines()[-1])
    return sorted(names), frozenset(modules)


def _real_modules() -> set[str]:
    return set(_fresh_streamlit_names()[1])


def test_every_real_module_name_is_classified() -> None:
    unknown = sorted(_real_modules() - PUBLIC_MODULES - INTERNAL_MODULES)
    assert not unknown, f"new submodules in streamlit, classify them: {unknown}"


def test_top_level_names() -> None:
    required = [n for n in _fresh_streamlit_names()[0] if n not in INTERNAL_MODULES]
    missing = [n for n in required if not hasattr(ours, n)]
    assert not missing, f"missing from our streamlit namespace ({len(missing)}): {missing}"


def test_delta_generator_methods() -> None:
    real = streamlit.delta_generator.DeltaGenerator
    missing = [n for n in _public(dir(real)) if not hasattr(OurDeltaGenerator, n)]
    assert not missing, f"missing DeltaGenerator methods ({len(missing)}): {missing}"


def test_sidebar_has_every_element_method() -> None:
    real = streamlit.delta_generator.DeltaGenerator
    missing = [n for n in _public(dir(real)) if n != "id" and not hasattr(ours.sidebar, n)]
    assert not missing, f"missing on st.sidebar: {missing}"


@pytest.mark.parametrize("module", ["column_config", "typing", "components.v1"])
def test_submodule_names(module: str) -> None:
    real = streamlit
    mine: object = ours
    for part in module.split("."):
        real = getattr(real, part)
        mine = getattr(mine, part)
    assert isinstance(mine, types.ModuleType)
    wanted = getattr(real, "__all__", None) or [
        n for n in _public(dir(real)) if not isinstance(getattr(real, n), types.ModuleType)
    ]
    if module == "components.v1":
        wanted = ["declare_component", "html", "iframe"]
    missing = [n for n in wanted if not hasattr(mine, n)]
    assert not missing, f"missing from streamlit.{module}: {missing}"


def test_submodules_are_installed_under_streamlit_names() -> None:
    table = module_table()
    for name in ("streamlit.components", "streamlit.components.v1", "streamlit.column_config",
                 "streamlit.typing", "streamlit.runtime.scriptrunner", "streamlit.delta_generator"):
        assert name in table, name
        assert isinstance(table[name], types.ModuleType)
    assert getattr(ours, "components").v1 is table["streamlit.components.v1"]  # noqa: B009 - star-imported
    assert getattr(ours, "column_config") is table["streamlit.column_config"]  # noqa: B009


def test_column_config_shapes_match_streamlit() -> None:
    real = streamlit.column_config
    mine = getattr(ours, "column_config")  # noqa: B009 - star-imported into st
    cases: dict[str, dict[str, Any]] = {
        "Column": {"width": "small", "help": "h", "disabled": True, "pinned": True},
        "TextColumn": {"default": "x", "max_chars": 3, "validate": "^a"},
        "NumberColumn": {"format": "%d", "min_value": 0, "max_value": 9, "step": 1, "default": 1},
        "CheckboxColumn": {},
        "SelectboxColumn": {"options": ["a", "b"], "default": "a"},
        "LinkColumn": {"display_text": "x"},
        "ImageColumn": {},
        "ProgressColumn": {"min_value": 0, "max_value": 100, "format": "%f"},
        "ListColumn": {},
        "LineChartColumn": {"y_min": 0, "y_max": 1},
        "BarChartColumn": {},
        "AreaChartColumn": {},
        "JsonColumn": {},
        "MarkdownColumn": {},
        "TimeColumn": {},
        "DatetimeColumn": {"timezone": "UTC"},
        "AudioColumn": {},
        "VideoColumn": {},
        "MultiselectColumn": {"options": ["a"]},
    }
    for name, kwargs in cases.items():
        assert getattr(mine, name)("L", **kwargs) == getattr(real, name)("L", **kwargs), name
