"""The names generated for the LLM providers' specs our users bring: none echoes an HTTP
method or a version segment, none has more than four words (the spec's own naming hints
for Speakeasy or Fern aside: those are the official SDK's names)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import ClientConfig
from generator.ir_builder import build
from generator.load import load
from tests.corpus.test_smoke import CORPUS

SPECS = [
    "llm-providers/anthropic/openapi.yaml",
    "llm-providers/cohere/cohere-openapi.yaml",
    "llm-providers/fireworks/openapi.yaml",
    "llm-providers/groq/openapi.yaml",
    "llm-providers/mistral/openapi.yaml",
    "llm-providers/openrouter/openapi.yaml",
    "llm-providers/together/openapi.yaml",
]
HTTP_WORDS = {"get", "post", "put", "patch", "head", "options"}
VERSION = re.compile(r"v\d+")
HINTS = ("x-speakeasy-name-override", "x-fern-sdk-method-name")


@pytest.mark.parametrize("name", SPECS)
def test_names_echo_no_method_or_version_and_stay_short(name: str, tmp_path: Path):
    documents = load(CORPUS / name)
    config = ClientConfig.default(CORPUS / name, tmp_path / "client", "client")
    api = build(documents, config, lambda _: None)
    paths = documents.root.data["paths"]
    flagged = []
    for resource, operation in api.operations():
        spec_operation = paths[operation.path][operation.method]
        if any(hint in spec_operation for hint in HINTS):
            continue
        method_words = operation.name.split("_")
        resource_words = [w for part in resource for w in part.split("_")]
        if (
            HTTP_WORDS & set(method_words)
            or any(VERSION.fullmatch(w) for w in method_words + resource_words)
            or len(method_words) > 4
        ):
            flagged.append(
                f"{operation.method.upper()} {operation.path}: {operation.name}"
            )
    assert flagged == []
    assert list(api.operations())
