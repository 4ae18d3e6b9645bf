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
