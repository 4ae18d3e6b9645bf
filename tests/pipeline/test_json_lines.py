"""JSON pointers are located on the line the YAML node tree gives, without building it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import yaml

from generator.diagnostics import join_pointer
from generator.json_lines import JsonLocator
from generator.load import YAML_LOADER, _pointer_tokens
from tests.corpus.test_smoke import CORPUS

TEXT = """{"a": {"b": [1, {"c": "x\\\\"}, [2,
  3]], "d" : {}},
 "e":
   "f", "g": {"h": null, "h": {"i": true}}}
"""


def pointers(value: Any, pointer: str = "") -> Iterator[str]:
    yield pointer
    if isinstance(value, dict):
        for key, child in value.items():
            yield from pointers(child, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from pointers(child, join_pointer(pointer, index))


def composed_line(root: yaml.Node, pointer: str) -> int:
    node = root
    for token in _pointer_tokens(pointer):
        if isinstance(node, yaml.MappingNode):
            node = [v for k, v in node.value if k.value == token][-1]
        else:
            node = node.value[int(token)]
    return node.start_mark.line + 1


def test_every_pointer_of_a_real_spec_is_on_the_composed_line():
    text = (CORPUS / "openapi-python-client/end_to_end_tests/baseline_openapi_3.0.json").read_text()  # fmt: skip
    root = yaml.compose(text, Loader=YAML_LOADER)
    locator = JsonLocator(text)
    every = list(pointers(json.loads(text)))
    assert len(every) > 1000
    for pointer in every:
        assert locator.line_of(_pointer_tokens(pointer)) == composed_line(root, pointer)


def test_odd_layouts_duplicates_and_missing_members():
    locator = JsonLocator(TEXT)
    assert locator.line_of(["a", "b", "2", "1"]) == 2
    assert locator.line_of(["e"]) == 4
    assert (
        locator.line_of(["g", "h", "i"]) == 4
    )  # the last duplicate, as json.loads keeps
    assert locator.line_of(["a", "d", "missing"]) == 2  # the nearest parent
    assert locator.line_of(["a", "b", "9"]) == 1
    assert JsonLocator("{not json").line_of(["a"]) is None
