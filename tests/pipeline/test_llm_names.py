"""The names generated for the LLM providers' specs our users bring: none echoes an HTTP
method, a version segment or its path, none has more than four words (the spec's own naming
hints for Speakeasy or Fern aside: those are the official SDK's names); on OpenAI's spec, the
official SDK's call paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import ClientConfig
from generator.ir import Api
from generator.ir_builder import build
from generator.load import load
from tests.corpus.name_quality import name_flags
from tests.corpus.official.sdk_calls import sdk_call_table
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
HINTS = ("x-speakeasy-name-override", "x-fern-sdk-method-name")


def _built(name: str, tmp_path: Path) -> tuple[Api, dict]:
    documents = load(CORPUS / name)
    config = ClientConfig.default(CORPUS / name, tmp_path / "client", "client")
    return build(documents, config, lambda _: None), documents.root.data


@pytest.mark.parametrize("name", SPECS)
def test_names_echo_nothing_and_stay_short(name: str, tmp_path: Path):
    api, spec = _built(name, tmp_path)
    flagged = [
        f"{operation.method.upper()} {operation.path}: {operation.name}: {flags}"
        for resource, operation in api.operations()
        if not any(h in spec["paths"][operation.path][operation.method] for h in HINTS)
        and (flags := name_flags(operation.path, resource, operation.name))
    ]
    assert flagged == []
    assert list(api.operations())


def test_name_flags_catch_what_they_name():
    path = "/api/v1/namespaces/{namespace}/pods"
    assert name_flags(path, ["core_v1"], "list_namespaces_by_namespace_pods") == [
        "echoes v1",
        "echoes the path (namespaces/by_namespace)",
        "more than 4 words",
    ]
    assert name_flags("/v1/files/{id}", ["files"], "get_file") == ["echoes get"]
    assert name_flags("/threads/{id}/runs", ["threads", "runs"], "list") == []


def test_openai_operations_get_the_official_sdks_call_paths(tmp_path: Path):
    """Of the operations whose Python code sample in the spec shows an SDK call, the share
    that gets the call path the official SDK's source has (the samples themselves are
    wrong in places). 100 of 116 today: the rest are Stainless configuration the spec does
    not carry (`beta.assistants` with no beta mark, `images.generate` for POST
    /images/generations); tests/corpus/NAMES.md lists them."""
    api, spec = _built("openai/openapi.json", tmp_path)
    ours = {
        (operation.method.upper(), operation.path): ".".join(
            (*resource, operation.name)
        )
        for resource, operation in api.operations()
    }
    official = sdk_call_table()
    sampled = [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if re.search(r"client\.[a-z_.]+\(", str(operation.get("x-oaiMeta", "")))
    ]
    same = [key for key in sampled if ours.get(key) in official.get(key, ())]
    assert len(sampled) == 116
    assert len(same) >= 100, sorted(set(sampled) - set(same))
