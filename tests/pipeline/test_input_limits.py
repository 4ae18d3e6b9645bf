"""Errors as values: a problem of the input drops only the piece that needs it, located;
Python's own limits met by hostile input are located errors; a bug is never swallowed."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import ClientConfig
from generator.ir_builder import build
from generator.ir_builder.operations import OperationBuilder
from generator.ir_builder.schemas import MAX_SCHEMA_NESTING, SchemaBuilder
from generator.load import load
from generator.naming import MAX_MODULE_NAME

INFO = {"title": "T", "version": "1"}


def spec_with(schemas: dict[str, object] | str, response: str = "A") -> str:
    """A JSON spec with one operation returning `#/components/schemas/{response}`."""
    body = schemas if isinstance(schemas, str) else json.dumps(schemas)
    return (
        '{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/x": '
        '{"get": {"operationId": "getX", "responses": {"200": {"description": "ok", '
        '"content": {"application/json": {"schema": {"$ref": '
        f'"#/components/schemas/{response}"'
        '}}}}}}}}, "components": {"schemas": ' + body + "}}"
    )


def sdkforge(spec: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec),
            "--output",
            str(tmp_path / "out" / "limits"),
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def build_api(spec: Path):
    warnings = []
    config = ClientConfig.default(spec, spec.parent / "out", "limits")
    return build(load(spec), config, warnings.append), [str(w) for w in warnings]


def nested_objects(levels: int) -> str:
    return (
        '{"type": "object", "properties": {"p": ' * levels
        + '{"type": "string"}'
        + "}}" * levels
    )


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "json-nesting",
            spec_with('{"A": ' + nested_objects(2000) + "}"),
            "spec.json:1: /: nested deeper than Python's parsers can read",
        ),
        (
            "recursion",
            spec_with('{"A": ' + nested_objects(300) + "}"),
            "spec.json:1: /components/schemas/A/properties/p/properties/p/",
        ),
        (
            "long-integer",
            spec_with(
                '{"A": {"type": "object", "properties": {"n": {"type": "integer", '
                '"default": ' + "9" * 5000 + "}}}}"
            ),
            (
                "spec.json:1: /components/schemas/A/properties/n/default: a number "
                "with 5,000 digits"
            ),
        ),
    ],
)
def test_python_limits_are_located_errors(
    tmp_path: Path, name: str, text: str, expected: str
):
    spec = tmp_path / "spec.json"
    spec.write_text(text)
    result = sdkforge(spec, tmp_path)
    assert result.returncode == 2, (name, result.stderr)
    assert expected in result.stderr
    assert "internal error" not in result.stderr
    assert not (tmp_path / "out" / "limits").exists()


def test_deep_yaml_is_a_located_error(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    lines = ["openapi: 3.0.3", "info: {title: T, version: '1'}", "paths: {}", "x-deep:"]
    lines += [" " * (level + 1) + "- " for level in range(3000)]
    spec.write_text("\n".join(lines) + "x\n")
    result = sdkforge(spec, tmp_path)
    assert result.returncode == 2, result.stderr
    assert "spec.yaml:" in result.stderr and "internal error" not in result.stderr


def test_lone_surrogates_are_repaired_with_a_located_warning(tmp_path: Path):
    spec = tmp_path / "spec.json"
    text = spec_with({"A": {"type": "object", "description": "DESCRIPTION"}})
    # JSON escapes: a high surrogate with no low one, and a low one alone.
    text = text.replace("DESCRIPTION", "a \\ud800 b").replace('"ok"', '"ok \\udc00"')
    spec.write_text(text)
    result = sdkforge(spec, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "spec.json:1: /: 2 lone surrogate escape(s)" in result.stderr
    model = (tmp_path / "out" / "limits" / "models" / "a.py").read_text()
    assert "a \ufffd b" in model


def test_a_pair_of_surrogate_escapes_is_one_character(tmp_path: Path):
    spec = tmp_path / "spec.json"
    text = spec_with({"A": {"type": "object", "description": "DESCRIPTION"}})
    spec.write_text(text.replace("DESCRIPTION", "\\ud83d\\ude00"))
    result = sdkforge(spec, tmp_path)
    assert result.returncode == 0 and "surrogate" not in result.stderr
    assert "\U0001f600" in (tmp_path / "out" / "limits" / "models" / "a.py").read_text()


def test_names_too_long_for_a_file_are_shortened_with_a_warning(tmp_path: Path):
    long_schema, long_tag = "B" * 300, "t" * 300
    spec = tmp_path / "spec.json"
    text = spec_with(
        {long_schema: {"type": "object", "properties": {"x": {"type": "string"}}}},
        response=long_schema,
    ).replace(
        # An operationId that says more than the path: the tag groups the operation.
        '"operationId": "getX"',
        f'"tags": ["{long_tag}"], "operationId": "fetchReport"',
    )
    spec.write_text(text)
    result = sdkforge(spec, tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"/components/schemas/{long_schema}: schema name is 300 characters" in (
        result.stderr
    )
    assert "resource name is 300 characters long" in result.stderr
    package = tmp_path / "out" / "limits"
    names = [p.name for p in package.rglob("*.py")]
    assert max(len(n) for n in names) <= MAX_MODULE_NAME + len(".py")


def test_a_pure_ref_cycle_is_any_and_the_operation_kept(tmp_path: Path):
    spec = tmp_path / "spec.json"
    spec.write_text(
        spec_with(
            {
                "A": {"$ref": "#/components/schemas/B"},
                "B": {"$ref": "#/components/schemas/A"},
            }
        )
    )
    api, warnings = build_api(spec)
    assert len(list(api.operations())) == 1 and api.skipped == ()
    assert any(
        "/components/schemas/A: $refs that lead only back" in w for w in warnings
    )


def test_a_response_ref_cycle_drops_only_its_operation(tmp_path: Path):
    spec = tmp_path / "spec.json"
    document = json.loads(spec_with({"A": {"type": "string"}}))
    document["paths"]["/y"] = {
        "get": {"responses": {"200": {"$ref": "#/components/responses/R"}}}
    }
    document["components"]["responses"] = {
        "R": {"$ref": "#/components/responses/S"},
        "S": {"$ref": "#/components/responses/R"},
    }
    spec.write_text(json.dumps(document))
    api, warnings = build_api(spec)
    assert [op.path for _, op in api.operations()] == ["/x"]
    assert [(s.method, s.path) for s in api.skipped] == [("GET", "/y")]
    assert any("operation skipped: $ref" in w and "leads back" in w for w in warnings)


def test_schemas_nested_too_deep_drop_the_schema_and_what_needs_it(tmp_path: Path):
    spec = tmp_path / "spec.json"
    spec.write_text(
        spec_with(
            '{"A": {"type": "object", "properties": {"deep": '
            + nested_objects(MAX_SCHEMA_NESTING + 5)
            + '}}, "C": {"type": "object", "properties": {"a": {"$ref": '
            '"#/components/schemas/A"}}}, "Fine": {"type": "string"}}'
        )
    )
    api, warnings = build_api(spec)
    assert list(api.operations()) == []
    skipped = {(s.method, s.path) for s in api.skipped}
    assert {("GET", "/x"), ("SCHEMA", "A"), ("SCHEMA", "C")} <= skipped
    definitions = {d.name for m in api.modules for d in m.definitions}
    assert "Fine" in definitions and "A" not in definitions and "C" not in definitions
    assert any(f"nest more than {MAX_SCHEMA_NESTING} levels" in w for w in warnings)


def test_a_schema_failing_after_a_cycle_drops_the_models_that_refer_to_it(
    tmp_path: Path,
):
    # B is built inside A (and refers back to A) before A's deep field fails.
    spec = tmp_path / "spec.json"
    spec.write_text(
        spec_with(
            '{"A": {"type": "object", "properties": {"b": {"$ref": '
            '"#/components/schemas/B"}, "z": '
            + nested_objects(MAX_SCHEMA_NESTING + 5)
            + '}}, "B": {"type": "object", "properties": {"a": {"$ref": '
            '"#/components/schemas/A"}}}}',
            response="B",
        )
    )
    api, _ = build_api(spec)
    definitions = {d.name for m in api.modules for d in m.definitions}
    assert not {"A", "B"} & definitions
    assert list(api.operations()) == []


@pytest.mark.parametrize(
    ("owner", "method"), [(OperationBuilder, "build"), (SchemaBuilder, "_definition")]
)
def test_a_bug_in_the_builder_is_not_swallowed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner: type, method: str
):
    spec = tmp_path / "spec.json"
    spec.write_text(spec_with({"A": {"type": "object"}}))

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("a generator bug")

    monkeypatch.setattr(owner, method, broken)
    config = replace(ClientConfig.default(spec, tmp_path / "out", "limits"))
    with pytest.raises(KeyError, match="a generator bug"):
        build(load(spec), config, lambda diagnostic: None)
