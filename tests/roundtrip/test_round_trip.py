"""Round-trip property test: instances of component schemas survive the generated models.

For each component schema of a fixed sample of corpus specs, hypothesis-jsonschema draws
valid instances; each must parse into the model the generator made for that component
(`pydantic.TypeAdapter(Model).validate_json`, as the clients decode a body) and dump
back (`mode="json"`, `by_alias=True`, `exclude_unset=True`) to an equal JSON value. One test per schema, so a
generator bug shows as the schemas it breaks, each with its smallest failing instance;
schemas left out are skipped with the reason, and the run ends with a count of both.

The clients are generated and the property is run by the `round_trip_results` fixture
(conftest.py), two processes at a time; each test reports its schema's outcome.
"""

from __future__ import annotations

from typing import Any

import pytest
from roundtrip_schemas import Unsupported, to_json_schema
from roundtrip_support import CORPUS, Case, Outcome

from generator.load import load

# The sample is fixed, so every run tests the same schemas. Real-world LLM-provider specs
# first: the documents sdkforge exists for (OpenAPI 3.0 and 3.1, nullable and const,
# open enums, allOf, discriminated unions), and OpenAI's spec of 2023-11-07 (3.0,
# nullable everywhere). Then an example (ReadMe's) and two test fixtures:
# openapi-python-client's baseline (3.1: recursive and circular references, date and
# date-time unions, aliases) and datamodel-code-generator's aliases (non-identifier
# names). Only OpenAPI 3.x documents the generator makes a client of are listed. Left
# out for time (the module should stay well under three minutes on two cores):
# Anthropic's spec (734 schemas, all passing), Mistral's (481, all passing), Adyen's
# BalancePlatformService and eBay's sell-fulfillment (138, all passing).
SAMPLE = (
    "llm-providers/groq/openapi.yaml",
    "llm-providers/together/openapi.yaml",
    "llm-providers/siliconflow/openapi.yaml",
    "llm-providers/moonshot/openapi.yaml",
    "llm-providers/fireworks/openapi.yaml",
    "openai/history-2023-11-07/openapi.yaml",
    "readme-oas-examples/3.0/yaml/readme.yaml",
    "openapi-python-client/end_to_end_tests/baseline_openapi_3.1.yaml",
    "datamodel-code-generator/tests/data/openapi/alias.yaml",
)

EXAMPLES = 10
"""Instances per schema: derandomized, so the same ones on every run."""


def _cases() -> list[Any]:
    params = []
    for spec in SAMPLE:
        root = load(CORPUS / spec).root.data
        components = (root.get("components") or {}).get("schemas") or {}
        for name in components:
            try:
                converted = to_json_schema(components, name)
            except Unsupported as exc:
                case = Case(spec, name, None, excluded=str(exc))
            else:
                case = Case(
                    spec, name, converted.unrolled, recursive=converted.recursive
                )
            params.append(pytest.param(case, id=case.id))
    return params


@pytest.mark.parametrize("case", _cases())
def test_round_trip(case: Case, round_trip_results: dict[str, Outcome]) -> None:
    if case.excluded is not None:
        pytest.skip(f"excluded {case.id}: {case.excluded}")
    outcome, message = round_trip_results[case.id]
    if outcome == "excluded":
        pytest.skip(f"excluded {case.id}: {message}")
    if outcome == "failed":
        pytest.fail(message, pytrace=False)
    assert outcome == "passed"
