"""The runtime is Python kept in templates/runtime: imported here as it is, and copied
into every generated package unchanged but for the values of `_constants.py`."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.runtime import CONSTANTS, runtime_dir, runtime_modules, with_values
from tests.conftest import GENERATED

CLIENTS = ("mka1", "moonshot", "siliconflow")


def runtime_module(name: str) -> ModuleType:
    """A runtime module imported from where it is kept, as a module of a package."""
    if "kept_runtime" not in sys.modules:
        package = ModuleType("kept_runtime")
        package.__path__ = [str(runtime_dir())]
        sys.modules["kept_runtime"] = package
    return importlib.import_module(f"kept_runtime.{name}")


@pytest.mark.parametrize("client", CLIENTS)
def test_generated_runtime_modules_are_the_kept_ones(client: str):
    package = GENERATED / client
    kept = sorted(path.name for path in runtime_dir().glob("*.py"))
    assert kept, "no runtime modules found"
    for name in kept:
        if name != CONSTANTS:
            assert (package / name).read_text() == (runtime_dir() / name).read_text(), (
                name
            )


def test_generated_constants_are_the_kept_module_with_the_package_values():
    text = (GENERATED / "mka1" / CONSTANTS).read_text()
    assert 'PACKAGE = "mka1"' in text
    assert 'ENV_PREFIX = "MKA1"' in text
    assert (
        'AUTH_KIND: Literal["bearer", "basic", "header", "query"] | None = "bearer"'
        in text
    )
    # Everything but the values is the kept module's.
    kept = (runtime_dir() / CONSTANTS).read_text()
    assert [line for line in text.splitlines() if " = " not in line] == [
        line for line in kept.splitlines() if " = " not in line
    ]


def test_with_values_replaces_every_constant_and_only_values():
    source = (
        'A = "x"\n"""Doc of A."""\nB: int | None = 3  # why\nC = (\n    "long"\n)\n'
    )
    assert with_values(source, {"A": "é", "B": None, "C": "short"}) == (
        'A = "é"\n"""Doc of A."""\nB: int | None = None  # why\nC = (\n    "short"\n)\n'
    )


@pytest.mark.parametrize(
    "values", [{"A": "1"}, {"A": "1", "B": "2", "C": "3"}], ids=["missing", "unknown"]
)
def test_with_values_fails_when_generator_and_module_disagree(values: dict[str, str]):
    with pytest.raises(KeyError):
        with_values('A = "a"\nB = "b"\n', values)


def test_runtime_modules_fill_in_the_constants():
    modules = runtime_modules(
        {
            "PACKAGE": "pets",
            "USER_AGENT": "pets-python/1",
            "ENV_PREFIX": "PETS",
            "AUTH_KIND": "query",
            "AUTH_NAME": "api_key",
        }
    )
    assert 'AUTH_NAME = "api_key"' in modules[CONSTANTS]
    assert set(modules) == {path.name for path in runtime_dir().glob("*.py")}


def test_query_items_follow_the_openapi_styles():
    encoding = runtime_module("_encoding")
    query = {
        "ids": [1, 2],
        "tags": ["a", "b"],
        "filter": {"name": "x", "age": 3},
        "flag": True,
        "gone": None,
    }
    styles = {"tags": ("pipeDelimited", False), "filter": ("deepObject", True)}
    assert encoding.query_items(query, styles) == [
        ("ids", "1"),
        ("ids", "2"),
        ("tags", "a|b"),
        ("filter[name]", "x"),
        ("filter[age]", "3"),
        ("flag", "true"),
    ]


def test_path_values_are_escaped_whole_segments():
    encoding = runtime_module("_encoding")
    assert encoding.simple_value(
        "id", "a/b c", ("simple", False), encoding.path_segment
    ) == ("a%2Fb%20c")
    assert encoding.simple_value("id", [1, 2], ("label", True), str) == ".1.2"
    assert encoding.simple_value("id", {"k": "v"}, ("matrix", True), str) == ";k=v"


def test_secret_headers_derive_from_the_auth_constants():
    base_client = runtime_module("_base_client")
    constants = runtime_module("_constants")
    assert constants.AUTH_KIND == "bearer"
    assert "authorization" in base_client._SECRET_HEADERS
    assert base_client._SECRET_QUERY == frozenset()


def test_runtime_folder_is_where_the_generator_reads_it():
    assert (
        runtime_dir() == Path(__file__).resolve().parents[2] / "templates" / "runtime"
    )


MAX_TEMPLATE_LINES = 250


def test_templates_are_thin():
    """Templates hold layout, not logic: none is longer than MAX_TEMPLATE_LINES lines."""
    templates = sorted((runtime_dir().parent / "package").rglob("*.jinja"))
    assert templates
    lengths = {t.name: len(t.read_text().splitlines()) for t in templates}
    assert max(lengths.values()) <= MAX_TEMPLATE_LINES, lengths
