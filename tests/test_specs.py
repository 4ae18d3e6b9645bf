"""specs/ are faithful records: Moonshot's document unchanged, the seed still generates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.conftest import ROOT, SPECS
from tests.pipeline.helpers import generate_package

RAW_MOONSHOT = (
    ROOT.parent
    / "shared"
    / "providers"
    / "_raw"
    / "moonshot_platform.kimi.ai_docs_openapi.json__via_tryAGI_Moonshot_5a0c5b8.json"
)
SEED = ROOT / "tests" / "fixtures" / "moonshot_cancel_batch_seed.txt"


def test_moonshot_spec_is_the_providers_document_unchanged():
    assert yaml.safe_load((SPECS / "moonshot.yaml").read_text()) == json.loads(
        RAW_MOONSHOT.read_text()
    )


def test_operation_counts():
    def count(name: str) -> int:
        paths = yaml.safe_load((SPECS / name).read_text())["paths"]
        return sum(
            1
            for item in paths.values()
            for method in item
            if method in ("get", "post", "delete", "put", "patch")
        )

    assert (count("moonshot.yaml"), count("siliconflow.yaml"), count("mka1.yaml")) == (
        13,
        6,
        9,
    )


def test_seed_cancel_batch_document_generates(tmp_path: Path):
    """The project's first input, a docs page with an embedded OpenAPI document."""
    embedded = re.search(r"````yaml [^\n]*\n(.*?)````", SEED.read_text(), re.DOTALL)
    assert embedded is not None
    spec = tmp_path / "seed.yaml"
    spec.write_text(embedded.group(1))
    result, package = generate_package(spec, tmp_path / "out", "seed_moonshot")
    manifest = json.loads(result.files[".sdkforge.json"])
    assert manifest["operations"] == [
        {
            "method": "POST",
            "path": "/v1/batches/{batch_id}/cancel",
            "name": "batches.cancel",
        }
    ]
    batch = package.BatchObject.model_validate_json(
        b'{"id": "b1", "object": "batch", "endpoint": "/v1/chat/completions", "input_file_id": "f", '
        b'"completion_window": "24h", "status": "in_queue", "created_at": 1, '
        b'"request_counts": {"completed": 0, "failed": 0, "total": 1}}'
    )
    assert batch.status == "in_queue"
    assert (
        package.ErrorResponse.model_validate({"error": {"message": "no"}}).error.message
        == "no"
    )
