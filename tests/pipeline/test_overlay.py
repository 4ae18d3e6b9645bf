"""OpenAPI Overlay 1.0: a client's configuration corrects its provider's document while
specs/ stays a faithful copy."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import ClientConfig, load_project
from generator.diagnostics import FatalError
from generator.ir_builder import build
from generator.overlay import parse_path
from generator.pipeline import load_with_overlays
from tests.conftest import GENERATED, ROOT

SPEC = """openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
components:
  schemas:
    Item:
      type: object
      properties:
        counts: {type: object, description: Empty Object}
        legacy: {type: string}
        tags: {type: array, items: {type: string}, enum: [[a]]}
"""


def test_the_jsonpath_subset():
    assert parse_path("$.components.schemas['Item'].properties.*") == [
        "components",
        "schemas",
        "Item",
        "properties",
        None,
    ]
    assert parse_path('$.paths["/items"].get.parameters[0]') == [
        "paths",
        "/items",
        "get",
        "parameters",
        0,
    ]
    assert parse_path("$..description") is None
    assert parse_path("components") is None


def configured(tmp_path: Path, overlay: str) -> ClientConfig:
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "fix.yaml").write_text(overlay)
    config = ClientConfig.default(tmp_path / "spec.yaml", tmp_path / "out", "out")
    return replace(config, overlays=(tmp_path / "fix.yaml",))


def test_update_merges_and_remove_deletes(tmp_path: Path):
    config = configured(
        tmp_path,
        """overlay: 1.0.0
info: {title: fix, version: "1"}
actions:
  - target: $.components.schemas.Item.properties.counts
    update:
      properties: {total: {type: integer}}
  - target: $.components.schemas.Item.properties.legacy
    remove: true
""",
    )
    documents = load_with_overlays(config, "spec.yaml")
    item = documents.root.data["components"]["schemas"]["Item"]
    assert item["properties"]["counts"] == {
        "type": "object",
        "description": "Empty Object",
        "properties": {"total": {"type": "integer"}},
    }
    assert "legacy" not in item["properties"]
    api = build(documents, config, lambda _: None)
    assert "ItemCounts" in api.model_modules()


def test_a_target_that_selects_nothing_is_located(tmp_path: Path):
    config = configured(
        tmp_path,
        """overlay: 1.0.0
info: {title: fix, version: "1"}
actions:
  - target: $.components.schemas.Gone
    remove: true
""",
    )
    with pytest.raises(FatalError) as raised:
        load_with_overlays(config, "spec.yaml")
    assert str(raised.value).endswith(
        "fix.yaml:4: /actions/0/target: target $.components.schemas.Gone selects"
        " nothing in the spec (has the spec changed?)"
    )


def test_siliconflow_batches_are_typed_by_its_overlay():
    [config] = [
        c
        for c in load_project(ROOT / "pyproject.toml").clients
        if c.package == "siliconflow"
    ]
    assert config.overlays == (ROOT / "specs/overlays/siliconflow.yaml",)
    model = (GENERATED / "siliconflow/models/batch_object.py").read_text()
    assert "request_counts: BatchRequestCounts | None = None" in model
    # The fields every batch shown has are required; the rest stay optional.
    for field in ("id", "status", "input_file_id"):
        assert f"    {field}: str\n" in model
    assert "    output_file_id: str | None = None" in model
    counts = (GENERATED / "siliconflow/models/batch_request_counts.py").read_text()
    for field in ("total", "completed", "failed"):
        assert f"    {field}: int | None = None" in counts
    request = (GENERATED / "siliconflow/models/batch_create_request.py").read_text()
    assert "at least 24 hours, at most" in request
