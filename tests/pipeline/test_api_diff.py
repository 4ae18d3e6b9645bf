"""`sdkforge diff` classifies each change as oasdiff's rules do: a change oasdiff calls ERR
is breaking, one it calls INFO is not, and for its WARN ("potential") the table says what
the generated client makes of it. Levels from oasdiff's checker/rules.go at 4553c69
(2026-08-08); oasdiff itself is not needed."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.api_diff import RULES, diff, report_json, suggested_bump
from generator.config import ClientConfig
from generator.ir_builder import build
from generator.load import load
from generator.surface import surface

OASDIFF_LEVELS = {
    "api-path-removed-without-deprecation": "ERR",
    "endpoint-added": "INFO",
    "endpoint-deprecated": "INFO",
    "new-required-request-parameter": "ERR",
    "new-optional-request-parameter": "INFO",
    "request-parameter-removed": "WARN",
    "request-parameter-became-required": "ERR",
    "request-parameter-became-optional": "INFO",
    "request-parameter-type-changed": "ERR",
    "request-parameter-enum-value-added": "INFO",
    "request-parameter-enum-value-removed": "ERR",
    "response-body-type-changed": "ERR",
    "response-non-success-status-added": "INFO",
    "response-non-success-status-removed": "INFO",
    "new-required-request-property": "ERR",
    "new-optional-request-property": "INFO",
    "request-property-removed": "WARN",
    "request-property-became-required": "ERR",
    "request-property-became-optional": "INFO",
    "request-property-type-changed": "ERR",
    "request-property-enum-value-added": "INFO",
    "request-property-enum-value-removed": "ERR",
    "request-property-default-value-changed": "INFO",
    "response-optional-property-added": "INFO",
    "response-required-property-added": "INFO",
    "response-optional-property-removed": "WARN",
    "response-required-property-removed": "ERR",
    "response-property-became-optional": "ERR",
    "response-property-became-required": "INFO",
    "response-property-type-changed": "ERR",
    "response-property-enum-value-added": "WARN",
    "response-property-enum-value-removed": "INFO",
}

BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Items", "version": "1.0.0"},
    "paths": {
        "/items/{item_id}": {
            "get": {
                "operationId": "getItem",
                "parameters": [
                    {"name": "item_id", "in": "path", "required": True,
                     "schema": {"type": "string"}},
                    {"name": "expand", "in": "query",
                     "schema": {"type": "string", "enum": ["owner", "tags"]}},
                ],
                "responses": {"200": {"description": "the item", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}},
            }
        },
        "/items": {
            "post": {
                "operationId": "createItem",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ItemCreate"}}}},
                "responses": {"200": {"description": "the item", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}},
            }
        },
    },
    "components": {"schemas": {
        "Item": {
            "type": "object",
            "required": ["id", "status"],
            "properties": {
                "id": {"type": "string"},
                "status": {"type": "string", "enum": ["active", "archived"]},
                "note": {"type": "string"},
            },
        },
        "ItemCreate": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "color": {"type": "string", "enum": ["red", "blue"]},
                "size": {"type": "integer", "default": 1},
            },
        },
    }},
}  # fmt: skip


def get(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/items/{item_id}"]["get"]


def expand(spec: dict[str, Any]) -> dict[str, Any]:
    return get(spec)["parameters"][1]


def item(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]["Item"]


def create(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]["ItemCreate"]


def query(name: str, required: bool) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": {"type": "string"},
    }


Mutation = Callable[[dict[str, Any]], object]
# (what changes in the spec, the oasdiff check, whether the client breaks for a WARN)
CASES: list[tuple[str, Mutation, str, bool | None]] = [
    ("operation removed", lambda s: s["paths"].pop("/items"), "api-path-removed-without-deprecation", None),
    ("operation added", lambda s: s["paths"]["/items"].update(get=copy.deepcopy(get(s)) | {"operationId": "listItems", "parameters": []}), "endpoint-added", None),
    ("operation deprecated", lambda s: get(s).update(deprecated=True), "endpoint-deprecated", None),
    ("required parameter added", lambda s: get(s)["parameters"].append(query("view", True)), "new-required-request-parameter", None),
    ("optional parameter added", lambda s: get(s)["parameters"].append(query("view", False)), "new-optional-request-parameter", None),
    # The keyword argument is gone: a call passing it no longer type-checks.
    ("parameter removed", lambda s: get(s)["parameters"].pop(1), "request-parameter-removed", True),
    ("parameter became required", lambda s: expand(s).update(required=True), "request-parameter-became-required", None),
    ("parameter became optional", lambda s: expand(s).update(required=False), "request-parameter-became-optional", None),
    ("parameter type changed", lambda s: expand(s).update(schema={"type": "integer"}), "request-parameter-type-changed", None),
    ("parameter enum value added", lambda s: expand(s)["schema"]["enum"].append("history"), "request-parameter-enum-value-added", None),
    ("parameter enum value removed", lambda s: expand(s)["schema"]["enum"].remove("tags"), "request-parameter-enum-value-removed", None),
    ("response type changed", lambda s: get(s)["responses"]["200"]["content"]["application/json"].update(schema={"type": "array", "items": {"$ref": "#/components/schemas/Item"}}), "response-body-type-changed", None),
    ("error status added", lambda s: get(s)["responses"].update({"404": {"description": "no such item"}}), "response-non-success-status-added", None),
    ("required body property added", lambda s: (create(s)["properties"].update(owner={"type": "string"}), create(s)["required"].append("owner")), "new-required-request-property", None),
    ("optional body property added", lambda s: create(s)["properties"].update(owner={"type": "string"}), "new-optional-request-property", None),
    ("body property removed", lambda s: create(s)["properties"].pop("color"), "request-property-removed", True),
    ("body property became required", lambda s: create(s)["required"].append("color"), "request-property-became-required", None),
    ("body property became optional", lambda s: create(s).update(required=[]), "request-property-became-optional", None),
    ("body property type changed", lambda s: create(s)["properties"].update(name={"type": "integer"}), "request-property-type-changed", None),
    ("body enum value added", lambda s: create(s)["properties"]["color"]["enum"].append("green"), "request-property-enum-value-added", None),
    ("body enum value removed", lambda s: create(s)["properties"]["color"]["enum"].remove("blue"), "request-property-enum-value-removed", None),
    ("body default changed", lambda s: create(s)["properties"]["size"].update(default=2), "request-property-default-value-changed", None),
    ("optional response property added", lambda s: item(s)["properties"].update(owner={"type": "string"}), "response-optional-property-added", None),
    ("required response property added", lambda s: (item(s)["properties"].update(owner={"type": "string"}), item(s)["required"].append("owner")), "response-required-property-added", None),
    # The attribute is gone from the model: code reading it no longer type-checks.
    ("optional response property removed", lambda s: item(s)["properties"].pop("note"), "response-optional-property-removed", True),
    ("required response property removed", lambda s: (item(s)["properties"].pop("id"), item(s)["required"].remove("id")), "response-required-property-removed", None),
    ("response property became optional", lambda s: item(s)["required"].remove("id"), "response-property-became-optional", None),
    ("response property became required", lambda s: item(s)["required"].append("note"), "response-property-became-required", None),
    ("response property type changed", lambda s: item(s)["properties"].update(id={"type": "integer"}), "response-property-type-changed", None),
    # An open enum (`Literal[...] | str`, the default) takes a value it does not know.
    ("response enum value added", lambda s: item(s)["properties"]["status"]["enum"].append("deleted"), "response-property-enum-value-added", False),
    ("response enum value removed", lambda s: item(s)["properties"]["status"]["enum"].remove("archived"), "response-property-enum-value-removed", None),
]  # fmt: skip


def surface_of(spec: dict[str, Any], folder: Path) -> dict[str, Any]:
    path = folder / "spec.json"
    path.write_text(json.dumps(spec))
    config = ClientConfig.default(path, folder / "items", "items")
    return surface(build(load(path, "spec.json", folder), config, lambda _: None))


@pytest.mark.parametrize(
    ("change", "mutate", "check", "warn_breaks"), CASES, ids=[c[0] for c in CASES]
)
def test_each_change_is_classified_as_oasdiff_does(
    change: str, mutate: Mutation, check: str, warn_breaks: bool | None, tmp_path: Path
):
    old = copy.deepcopy(BASE)
    if change == "parameter became optional":
        expand(old)["required"] = True
    new = copy.deepcopy(old)
    mutate(new)
    changes = diff(surface_of(old, tmp_path), surface_of(new, tmp_path))
    found = [c for c in changes if RULES[c.rule][1] == check]
    assert len(found) == 1, (change, changes)
    level = OASDIFF_LEVELS[check]
    expected = {"ERR": True, "INFO": False}.get(level, warn_breaks)
    assert found[0].breaking is expected, (change, found)
    # Nothing else is reported but models coming or going with the change.
    others = [c for c in changes if c not in found]
    assert all(c.rule in ("model-added", "model-removed") for c in others), others


def test_every_rule_names_an_oasdiff_check_we_know_or_none():
    for rule, (breaking, check) in RULES.items():
        if check:
            level = OASDIFF_LEVELS[check]
            assert level == "WARN" or breaking is (level == "ERR"), rule


def test_a_closed_enum_in_a_response_breaks_on_a_new_value():
    """A closed `Literal` (a `const`, or an enum under strict settings) rejects a value it
    does not know: a new one breaks readers; an open enum's does not."""

    def status(values: list[str], is_open: bool) -> dict[str, Any]:
        slot = {"type": "Literal", "optional": False, "values": values}
        return {"models": {"Status": {**slot, "open": is_open, "uses": ["response"]}}}

    closed = diff(status(["a"], False), status(["a", "b"], False))
    assert [(c.rule, c.breaking) for c in closed] == [
        ("response-enum-value-added-closed", True)
    ]
    opened = diff(status(["a"], True), status(["a", "b"], True))
    assert [(c.rule, c.breaking) for c in opened] == [
        ("response-enum-value-added-open", False)
    ]


def test_the_report_and_the_bump(tmp_path: Path):
    new = copy.deepcopy(BASE)
    item(new)["properties"]["owner"] = {"type": "string"}
    changes = diff(surface_of(BASE, tmp_path), surface_of(new, tmp_path))
    assert suggested_bump(changes) == "minor"
    report = json.loads(report_json(changes))
    assert report["changes"][0]["where"] == "Item.owner"
    assert report["changes"][0]["oasdiff"] == "response-optional-property-added"
    assert suggested_bump([]) == "none"
