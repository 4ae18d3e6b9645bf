"""Validate stage: findings located by file, line and JSON pointer."""

from __future__ import annotations

from generator.load import load
from generator.validate import validate
from tests.conftest import SPECS


def _line(path, needle: str, occurrence: int = 1) -> int:
    lines = path.read_text().splitlines()
    hits = [i + 1 for i, line in enumerate(lines) if needle in line]
    return hits[occurrence - 1]


def test_duplicate_operation_ids_are_located():
    spec = SPECS / "siliconflow.yaml"
    findings = validate(load(spec, "specs/siliconflow.yaml"))
    duplicates = [f for f in findings if "is not unique" in f.message]
    assert [f.location.pointer for f in duplicates] == [
        "/paths/~1batches/post/operationId",
        "/paths/~1batches~1{batch_id}/get/operationId",
    ]
    assert duplicates[0].location.line == _line(spec, "operationId: UploadFiles", 2)
    assert str(duplicates[0]).startswith("specs/siliconflow.yaml:")


def test_invalid_defaults_are_located():
    spec = SPECS / "moonshot.yaml"
    findings = validate(load(spec, "specs/moonshot.yaml"))
    pointers = [f.location.pointer for f in findings]
    assert "/components/schemas/Message/properties/name/default" in pointers
    assert all(f.location.line for f in findings)
    assert len(findings) == 5


def test_clean_spec_has_no_findings():
    assert validate(load(SPECS / "mka1.yaml")) == []


def test_undeclared_and_unused_path_parameters(write_spec):
    spec = write_spec(
        """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /items/{item_id}:
            get:
              parameters:
                - {name: other, in: path, required: true, schema: {type: string}}
              responses: {"200": {description: ok}}
        """
    )
    messages = [f.message for f in validate(load(spec))]
    assert (
        "path parameter {item_id} is not declared; generated as a required string"
        in messages
    )
    assert "path parameter 'other' does not appear in the path template" in messages


DEFECTS = """openapi: 3.1.0
info:
  title: T
  version: "1"
  termsOfService: ht<p://example
  description: "<script>alert(1)</script>"
  contact: {name: n, email: 'hr%6A#5', url: https://example.com}
servers:
  - url: https://{region}.example.com
    variables:
      region: {enum: [eu, us], default: asia}
  - url: not a url
paths:
  '/items"; drop':
    get:
      parameters:
        - {name: q, in: query, schema: {type: string}, example: a, examples: {b: {value: b}}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              example: {links: {self: {href: x}}}
          links:
            next: {operationId: getItems, body: {url: x}}
components:
  schemas:
    Page:
      type: object
      description: "users/*/operations and =end here are harmless"
      properties:
        links: {type: object, properties: {about: {type: string}}}
        url: {type: string, default: "not a url either"}
"""


def test_what_the_spec_validator_lets_through_is_located(write_spec):
    spec = write_spec(DEFECTS)
    findings = {f.message: f.location for f in validate(load(spec))}
    expected = {
        "termsOfService 'ht<p://example' is not a URL": ("/info/termsOfService", 5),
        "email 'hr%6A#5' is not an email address": ("/info/contact/email", 7),
        "server variable default 'asia' is not in its enum": (
            "/servers/0/variables/region/default",
            11,
        ),
        "url 'not a url' is not a URL": ("/servers/1/url", 12),
        "path '/items\"; drop' has characters a URL path cannot hold": (
            '/paths/~1items"; drop',
            14,
        ),
        "`example` and `examples` are mutually exclusive": (
            '/paths/~1items"; drop/get/parameters/0/examples',
            17,
        ),
        "link object has no field 'body'": (
            '/paths/~1items"; drop/get/responses/200/links/next/body',
            25,
        ),
        "description holds code-like text '<script'; it reaches the generated code"
        " only as an escaped literal": ("/info/description", 6),
    }
    for message, (pointer, line) in expected.items():
        assert message in findings, message
        assert (findings[message].pointer, findings[message].line) == (pointer, line)
    ours = [m for m in findings if m not in expected and "not a URL" in m]
    assert ours == [], "schema properties and example data are not OpenAPI objects"
    assert not any("link object has no field 'about'" in m for m in findings)
    assert not any("'*/'" in m or "'=end'" in m for m in findings)


def test_yaml_flow_collections_left_of_their_block_are_located(write_spec):
    spec = write_spec(
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    A:\n      type: object\n      example: {\n"
        '        "a": 1\n     }\n'
    )
    [finding] = [f for f in validate(load(spec)) if "flow collection" in f.message]
    assert finding.location.line == 10
    assert finding.location.pointer == "/components/schemas/A/example"
    assert "column 6, left of its block (column 7)" in finding.message


def test_schema_meta_findings_are_located_in_the_document(write_spec):
    """A 3.1 schema that breaks its dialect is reported at its place in the document (the
    library reports the place inside the schema; a bare `/exclusiveMinimum` at line 1)."""
    spec = write_spec(
        """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            Tuning:
              type: object
              properties:
                rate:
                  type: number
                  exclusiveMinimum: true
        """
    )
    findings = validate(load(spec, "spec.yaml"))
    assert [(f.location.pointer, f.location.line) for f in findings] == [
        ("/components/schemas/Tuning/properties/rate/exclusiveMinimum", 11)
    ]
    assert findings[0].message == 'true is not of type "number"'
