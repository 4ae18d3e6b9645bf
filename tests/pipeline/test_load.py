"""Load stage: JSON-compatible YAML, relative-file $refs, located fatal errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.diagnostics import FatalError
from generator.load import iter_refs, load
from generator.validate import validate

MINIMAL = """
openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
"""


def test_yaml_scalars_stay_json_compatible(write_spec):
    spec = write_spec(
        MINIMAL
        + """
components:
  schemas:
    Thing:
      type: object
      example: {released: 2023-11-07, enabled: on, answer: yes, flag: true,
                at: 12:30, tiny: 1e-08, big: 1E+5, count: 12, id: 1_000, half: .5}
      properties: {}
x-codes:
  200: ok
"""
    )
    data = load(spec).root.data
    example = data["components"]["schemas"]["Thing"]["example"]
    assert example == {
        "released": "2023-11-07",
        "enabled": "on",
        "answer": "yes",
        "flag": True,
        "at": "12:30",
        "tiny": 1e-08,
        "big": 100000.0,
        "count": 12,
        "id": "1_000",
        "half": 0.5,
    }
    assert isinstance(example["count"], int)
    assert data["x-codes"] == {"200": "ok"}


def test_an_unquoted_equals_sign_is_the_text(write_spec):
    """YAML 1.1 gives a lone `=` a type of its own that no loader constructs; a filter
    operator enum in a real spec was an exit 2."""
    spec = write_spec(
        MINIMAL
        + """
components:
  schemas:
    Operator: {type: string, enum: [=, "!=", "<"], default: =}
"""
    )
    operator = load(spec).root.data["components"]["schemas"]["Operator"]
    assert operator["enum"] == ["=", "!=", "<"]
    assert operator["default"] == "="


def test_relative_file_refs_are_followed(write_spec):
    write_spec(
        "Pet:\n  type: object\n  properties:\n    name: {type: string}\n",
        "schemas/pets.yaml",
    )
    spec = write_spec(
        MINIMAL
        + "components:\n  schemas:\n    Pet:\n      $ref: 'schemas/pets.yaml#/Pet'\n"
    )
    documents = load(spec)
    assert len(documents.documents) == 2
    target = documents.resolve("schemas/pets.yaml#/Pet", documents.root)
    assert target.value["properties"]["name"] == {"type": "string"}


def test_line_of_pointer(write_spec):
    spec = write_spec(MINIMAL + "components:\n  schemas:\n    A:\n      type: string\n")
    root = load(spec).root
    expected = spec.read_text().splitlines().index("      type: string") + 1
    assert root.line_of("/components/schemas/A/type") == expected
    # A pointer that goes deeper than the document stops at the nearest parent.
    assert root.line_of("/components/schemas/A/type/nope") == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (None, "missing.yaml", "missing.yaml: /: file not found"),
        (
            "openapi: 3.1.0\ninfo: {title: [unclosed\n",
            "broken.yaml",
            "broken.yaml:3: /: YAML syntax error",
        ),
        (
            '{"openapi": "3.1.0",\n "info": }',
            "broken.json",
            "broken.json:2: /: JSON syntax error",
        ),
        ("just: a mapping\n", "other.yaml", "other.yaml:1: /: not an OpenAPI document"),
    ],
)
def test_fatal_input_errors_name_file_and_line(tmp_path: Path, text, name, expected):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(FatalError) as caught:
        load(path, name)
    assert str(caught.value).startswith(expected)


def test_dangling_ref_names_the_ref_location(write_spec):
    spec = write_spec(
        MINIMAL.replace("paths: {}", "")
        + """
paths:
  /a:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Missing'}
"""
    )
    with pytest.raises(FatalError) as caught:
        load(spec, "spec.yaml")
    message = str(caught.value)
    assert message.startswith(
        "spec.yaml:13: /paths/~1a/get/responses/200/content/application~1json/schema/$ref"
    )
    assert "'#/components/schemas/Missing'" in message


def test_refs_outside_the_spec_folder_are_refused(write_spec, tmp_path: Path):
    (tmp_path / "secret.yaml").write_text("X: {type: string}\n")
    spec = write_spec(
        MINIMAL + "components:\n  schemas:\n    A: {$ref: '../secret.yaml#/X'}\n",
        "inner/spec.yaml",
    )
    with pytest.raises(FatalError, match="points outside .*inner, the folder a spec"):
        load(spec)


def test_remote_refs_are_not_fetched(write_spec):
    spec = write_spec(
        MINIMAL
        + "components:\n  schemas:\n    A: {$ref: 'https://example.com/x.yaml#/X'}\n"
    )
    with pytest.raises(FatalError, match="remote \\$ref"):
        load(spec)


def test_yaml_alias_bombs_are_refused(write_spec):
    levels = [
        'x-0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
    ]
    levels += [f"x-{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 8)]
    spec = write_spec(MINIMAL + "\n".join(levels) + "\n")
    with pytest.raises(FatalError, match="expand to more than"):
        load(spec)
    recursive = write_spec(MINIMAL + "x-r: &r [1, *r]\n", "recursive.yaml")
    with pytest.raises(FatalError, match="refers to itself"):
        load(recursive)


def test_yaml_aliases_that_do_not_explode_are_fine(write_spec):
    spec = write_spec(MINIMAL + "x-a: &a {k: v}\nx-b: [*a, *a]\n")
    assert load(spec).root.data["x-b"] == [{"k": "v"}, {"k": "v"}]


def test_refs_inside_vendor_extensions_are_not_followed(write_spec):
    spec = write_spec(
        MINIMAL
        + "x-code-samples:\n  - $ref: 'snippets/missing.ts'\n"
        + "components:\n  schemas:\n    A:\n      properties:\n        x-id: {$ref: '#/components/schemas/B'}\n"
    )
    with pytest.raises(FatalError, match="'#/components/schemas/B'"):
        load(spec)  # a property named x-id is not an extension: its $ref is checked
    fixed = spec.read_text().replace(
        "        x-id: {$ref: '#/components/schemas/B'}\n", ""
    )
    spec.write_text(fixed)
    assert load(spec).root.data["x-code-samples"] == [{"$ref": "snippets/missing.ts"}]


def test_control_characters_yaml_forbids_are_read_with_a_located_warning(write_spec):
    spec = write_spec(MINIMAL + 'x-note: "bad \x9f byte"\n')
    documents = load(spec)
    assert documents.root.data["x-note"] == "bad \ufffd byte"
    [finding] = [f for f in validate(documents) if "control character" in f.message]
    assert finding.location.line == 4  # openapi, info, paths, then x-note
    assert finding.location.pointer == "/x-note"
    assert "U+009F" in finding.message


def test_refs_inside_example_and_default_data_are_not_followed(write_spec):
    spec = write_spec(
        MINIMAL
        + """
components:
  examples:
    group:
      value: {members: [{$ref: 'https://api.example.com/users/1'}]}
  schemas:
    Thing:
      type: object
      default: {$ref: '#/nowhere'}
      example: {$ref: '#/nowhere'}
      properties:
        value: {$ref: '#/components/schemas/Other'}
        default: {$ref: '#/components/schemas/Other'}
    Other: {type: string}
"""
    )
    refs = [ref for _, ref in iter_refs(load(spec).root.data)]
    assert refs == ["#/components/schemas/Other", "#/components/schemas/Other"]


def test_defs_refs_inside_an_embedded_schema_resolve_with_a_warning(write_spec):
    spec = write_spec(
        MINIMAL
        + """
components:
  schemas:
    Event:
      type: object
      properties:
        kind: {$ref: '#/$defs/Kind'}
      $defs:
        Kind: {type: string, enum: [a, b]}
"""
    )
    documents = load(spec)
    kind = documents.root.data["components"]["schemas"]["Event"]["properties"]["kind"]
    assert kind == {"$ref": "#/components/schemas/Event/$defs/Kind"}
    [finding] = [f for f in validate(documents) if "$defs" in f.message]
    assert finding.location.pointer == "/components/schemas/Event/properties/kind/$ref"
    assert finding.location.line == 10


def test_json_in_a_yaml_file_is_read_as_json(write_spec):
    """Kubernetes publishes JSON as `.yaml`: read ten times faster, the same data and lines."""
    text = '{\n  "openapi": "3.0.3",\n  "info": {"title": "T", "version": "1"},\n  "paths": {\n    "/a": {}\n  }\n}\n'  # fmt: skip
    spec = write_spec(text, "k8s.yaml")
    document = load(spec).root
    assert document.is_json
    assert document.data == yaml.safe_load(text)
    assert document.line_of("/paths/~1a") == 5


def test_yaml_starting_with_a_brace_is_still_yaml(write_spec):
    spec = write_spec('{openapi: 3.0.3, info: {title: T, version: "1"}, paths: {}}\n')
    document = load(spec).root
    assert not document.is_json
    assert document.data["openapi"] == "3.0.3"
