"""Hostile specs: what Python source cannot hold is escaped, what JSON cannot say is read
as JSON with a located warning, and every input limit is a located error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ruff import find_ruff_bin

from generator import load as load_stage
from generator.diagnostics import FatalError
from generator.load import load

WEIRD = "bad \u0000 nul \u0007 bell \u001b esc \u007f del \u200b zwsp"


def run(
    spec: Path, *arguments: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec),
            "--no-cache",
            *arguments,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
    )


def test_control_characters_in_any_text_are_escaped(tmp_path: Path):
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T " + WEIRD, "version": "1", "description": WEIRD},
        "paths": {
            "/x": {
                "get": {
                    "operationId": "getX",
                    "summary": WEIRD,
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "description": WEIRD,
                            "schema": {
                                "type": "string",
                                "enum": ["a\u0000b", "c\u200bd"],
                            },
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": WEIRD,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/A"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "description": WEIRD,
                    "properties": {"p": {"type": "string", "description": WEIRD}},
                }
            }
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    result = run(path, "--output", str(tmp_path / "out" / "weird"))
    assert result.returncode == 0, result.stderr
    package = tmp_path / "out" / "weird"
    for file in package.rglob("*"):
        if file.is_file():
            text = file.read_text()
            assert not any(c in text for c in "\x00\x07\x1b\x7f\u200b"), file
    checked = subprocess.run(
        [find_ruff_bin(), "check", "--quiet", str(package)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout
    imported = subprocess.run(
        [sys.executable, "-c", "import weird.models.a as m; print(repr(m.A.__doc__))"],
        cwd=tmp_path / "out",
        check=False,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
    assert "\\x00 nul \\x07 bell" in imported.stdout  # the text itself, escaped back


def test_duplicate_keys_are_located_warnings(tmp_path: Path):
    json_spec = tmp_path / "dup.json"
    json_spec.write_text(
        '{"openapi": "3.0.3",\n "info": {"title": "T", "version": "1",\n'
        ' "title": "again"}, "paths": {}}'
    )
    yaml_spec = tmp_path / "dup.yaml"
    yaml_spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\npaths: {}\n"
    )
    json_repairs = [str(r) for r in load(json_spec).root.repairs]
    yaml_repairs = [str(r) for r in load(yaml_spec).root.repairs]
    assert json_repairs == [
        f"{json_spec}:3: /info/title: duplicate key 'title': the last one is used"
    ]
    assert yaml_repairs == [
        f"{yaml_spec}:4: /paths: duplicate key 'paths': the last one is used"
    ]


def test_yaml_tags_json_has_no_type_for_are_read_as_text(tmp_path: Path):
    spec = tmp_path / "tags.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"
        "x-when: !!timestamp 2020-01-01\nx-set: !!set {a, b}\nx-bytes: !!binary aGk=\n"
    )
    documents = load(spec)
    data = documents.root.data
    assert data["x-when"] == "2020-01-01" and data["x-bytes"] == "aGk="
    assert data["x-set"] == ["a", "b"]
    lines = sorted(r.location.line or 0 for r in documents.root.repairs)
    assert lines == [4, 5, 6]
    assert all("JSON has no type for" in r.message for r in documents.root.repairs)


def test_a_dangling_discriminator_mapping_is_a_located_warning(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n"
        "  schemas:\n    Pet:\n      oneOf: [{$ref: '#/components/schemas/Cat'}]\n"
        "      discriminator:\n        propertyName: kind\n        mapping:\n"
        "          cat: '#/components/schemas/Cat'\n          dog: Dog\n"
        "    Cat: {type: object, required: [kind], properties: {kind: {type: string}}}\n"
    )
    result = run(spec, "--output", str(tmp_path / "out" / "pets"))
    assert result.returncode == 0, result.stderr
    assert (
        f"{spec}:12: /components/schemas/Pet/discriminator/mapping/dog: "
        "discriminator mapping 'dog' names no schema ('Dog'); ignored"
    ) in result.stderr


@pytest.mark.parametrize(
    "name", ["os", "sys", "json", "httpx", "pydantic", "typing_extensions"]
)
def test_package_names_that_would_hide_a_module_are_refused(tmp_path: Path, name: str):
    spec = Path(__file__).resolve().parents[2] / "specs" / "mka1.yaml"
    result = run(spec, "--output", str(tmp_path / "out"), "--package", name)
    assert result.returncode == 2
    assert f"package name {name!r} is" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_alias_bomb_of_text_is_refused(tmp_path: Path):
    big = "x" * 100_000
    lines = [
        "openapi: 3.0.3",
        "info: {title: T, version: '1'}",
        "paths: {}",
        f"x-big: &big {big}",
    ]
    lines += ["x-copies:"] + ["  - *big"] * 2000
    spec = tmp_path / "bomb.yaml"
    spec.write_text("\n".join(lines) + "\n")
    with pytest.raises(FatalError, match="aliases expand to more than"):
        load(spec)


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        (
            "MAX_DOCUMENT_BYTES",
            100,
            "bytes: sdkforge reads documents of at most 100 bytes",
        ),
        ("MAX_OPERATIONS", 1, "/paths: 2 operations: sdkforge generates at most 1"),
        (
            "MAX_SCHEMAS",
            1,
            "/components/schemas: 2 schemas: sdkforge generates at most 1",
        ),
    ],
)
def test_size_limits_are_located_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    message: str,
):
    monkeypatch.setattr(load_stage, limit, value)
    spec = tmp_path / "spec.json"
    answer = {"responses": {"204": {"description": "none"}}}
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "T", "version": "1"},
                "paths": {"/a": {"get": answer, "post": answer}},
                "components": {"schemas": {"A": {}, "B": {}}},
            }
        )
    )
    with pytest.raises(FatalError, match=message):
        load(spec)
