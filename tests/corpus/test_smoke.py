"""A fixed smoke subset of ../shared/corpus, run by `make test` (`make corpus` runs it all).

Each document must generate a client with every operation of the spec and with every
module importing, and an LLM provider's client must pass `ruff check`, `ruff format
--check`, `black --check` and `mypy --strict`; each negative fixture must end in a
located error or warning.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import ClientConfig
from generator.diagnostics import FatalError
from generator.pipeline import generate
from generator.write import write_package
from tests.gates import failed_gates

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

SMOKE = [
    "oai-spec/examples/v3.0/petstore.yaml",
    "oai-spec/examples/v3.0/petstore-expanded.yaml",
    "oai-spec/examples/v3.0/uspto.yaml",
    "oai-spec/examples/v3.0/link-example.yaml",
    "oai-spec/examples/v3.0/callback-example.yaml",
    "oai-spec/examples/v3.0/api-with-examples.yaml",
    "oai-spec/examples/v3.1/webhook-example.yaml",
    "openapi-python-client/end_to_end_tests/baseline_openapi_3.0.json",
    "openapi-python-client/end_to_end_tests/baseline_openapi_3.1.yaml",
    "openapi-python-client/end_to_end_tests/3.1_specific.openapi.yaml",
    "openapi-python-client/end_to_end_tests/openapi_3.1_enums.yaml",
    "openapi-python-client/end_to_end_tests/docstrings_on_attributes.yml",
    "llm-providers/fireworks/openapi.yaml",
    "llm-providers/groq/openapi.yaml",
    "llm-providers/siliconflow/openapi.yaml",
    "llm-providers/moonshot/openapi.yaml",
    "llm-providers/mistral/openapi.yaml",
    "llm-providers/together/openapi.yaml",
    "llm-providers/cohere/cohere-openapi.yaml",
]

NEGATIVE = [
    "openapi-python-client/end_to_end_tests/documents_with_errors/bad-status-code.yaml",
    "openapi-python-client/end_to_end_tests/documents_with_errors/circular-body-ref.yaml",
    "openapi-python-client/end_to_end_tests/documents_with_errors/invalid-uuid-defaults.yaml",
    "openapi-python-client/end_to_end_tests/documents_with_errors/missing-body-ref.yaml",
    "openapi-python-client/end_to_end_tests/documents_with_errors/optional-path-param.yaml",
    "mermade-openapi3-examples/3.0/malicious/rapid7-js.json",
    "mermade-openapi3-examples/3.0/malicious/yamlbomb.yaml",
]

IMPORT_ALL = """
import importlib, pkgutil, sys
sys.path.insert(0, sys.argv[1])
package = importlib.import_module("smoke_client")
import pydantic
for info in pkgutil.walk_packages(package.__path__, "smoke_client."):
    module = importlib.import_module(info.name)
    # Models build their validators on first use (defer_build): build each one here.
    for value in list(vars(module).values()):
        if isinstance(value, type) and issubclass(value, pydantic.BaseModel) and value.__module__ == info.name:
            value.model_rebuild()
print("imported", package.__name__)
"""


def _operations_in_index(path: str) -> int:
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            if row["path"] == path:
                return int(row["n_operations"])
    raise LookupError(path)


@pytest.mark.parametrize("path", SMOKE)
def test_generates_every_operation_and_imports(path: str, tmp_path: Path):
    output = tmp_path / "smoke_client"
    config = ClientConfig.default(CORPUS / path, output, "smoke_client")
    result = generate(config, path)
    write_package(output, result.files)
    manifest = json.loads(result.files[".sdkforge.json"])
    assert result.operations == _operations_in_index(path), manifest["skipped"]
    imported = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr[-2000:]
    if path.startswith("llm-providers/"):
        # The specs our users bring: the client passes every gate the README promises.
        assert failed_gates(tmp_path, "smoke_client") == {}


@pytest.mark.parametrize("path", NEGATIVE)
def test_negative_fixture_ends_in_a_located_message(path: str, tmp_path: Path):
    output = tmp_path / "negative_client"
    config = ClientConfig.default(CORPUS / path, output, "negative_client")
    try:
        result = generate(config, path)
    except FatalError as error:
        assert error.location is not None and error.location.line, str(error)
        assert error.location.file == path
        return
    assert any(w.location.line and w.location.file == path for w in result.warnings), (
        result.warnings
    )
