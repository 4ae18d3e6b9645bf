"""Our walk of openapi-spec-validator's rules finds what the library finds, in its words.

Each document below trips at least one rule (the document schema, duplicate tags,
operationIds and parameters, path parameters, a schema that is not an object, a meta-schema
violation, an unknown dialect, required names an allOf never defines, defaults that are not
values of their schema: OpenAPI and IDN formats, 3.0 and 3.1). The library is run on the
same data, so a rule we drop, add or word differently fails here.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from generator.load import load
from generator.spec_validator import rule_findings
from tests.corpus.test_smoke import CORPUS

DOCUMENTS = [
    "openapi-python-client/end_to_end_tests/documents_with_errors/invalid-uuid-defaults.yaml",
    "readme-oas-examples/3.0/yaml/schema-validation.yaml",
    "readme-oas-examples/3.1/yaml/schema-validation-local.yaml",
    "readme-oas-examples/3.1/yaml/schema-validation-top-level.yaml",
    "mermade-openapi3-examples/3.0/fail/duplicateOperationId.yaml",
    "mermade-openapi3-examples/3.0/fail/duplicateParameter.yaml",
    "mermade-openapi3-examples/3.1/fail/no_containers.yaml",
    "oai-spec/v3.1-dev/tests/schema/fail/invalid_schema_types.yaml",
    "oai-spec/v3.1-dev/tests/schema/pass/json_schema_dialect.yaml",
    "datamodel-code-generator/tests/data/openapi/allof_required_inherited_model_references.yaml",
    "datamodel-code-generator/tests/data/openapi/enum_models.yaml",
    "apis-guru/APIs/cloudrf.com/2.0.0/openapi.yaml",
]

# The library lists the undefined names of a set, in hash order; we sort them.
_UNDEFINED = re.compile(r"(?<=Required list has not defined properties: )\[.*\]")
_PYTHON_LITERALS = {"None": "null", "True": "true", "False": "false", "'": '"'}
_LITERAL = re.compile("|".join(map(re.escape, _PYTHON_LITERALS)))

# Where jsonschema-rs, which words and judges the meta-schema and 3.1 checks, differs from
# the library's Python jsonschema: the regex format is ECMA-262's (an unescaped `{` is an
# error, Python's `re` reads it as a character); the IDN hostname check maps case (UTS 46),
# where the `idna` package the library asks rejects capitals; JSON pointers and durations
# are checked, where the library checks them only if optional packages are installed.
DIFFERENCES = {
    "readme-oas-examples/3.0/yaml/schema-validation.yaml": (
        [
            '"^(?:{[0-9a-fA-F]{4}(?:-?[0-9a-fA-F]{4}){7}}|[0-9a-fA-F]{4}(?:-?[0-9a-fA-F]{4}){7})$" is not a "regex"'
        ],
        ['"Bücher.example" is not a "idn-hostname"'],
    ),
    "readme-oas-examples/3.1/yaml/schema-validation-local.yaml": (
        ['"#/foo" is not a "json-pointer"', '"TBD" is not a "duration"'],
        ['"Bücher.example" is not a "idn-hostname"'],
    ),
}


def _normalised(message: str) -> str:
    """A message in JSON's words (jsonschema-rs's), a list's names sorted."""
    message = _UNDEFINED.sub(
        lambda found: str(sorted(ast.literal_eval(found.group(0)))), message
    )
    return _LITERAL.sub(
        lambda found: _PYTHON_LITERALS[found.group(0)], message
    ).replace(", ", ",")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_our_walk_finds_what_the_library_finds(name: str) -> None:
    documents = load(CORPUS / name)
    data = documents.root.data
    library = (
        OpenAPIV31SpecValidator
        if str(data.get("openapi")).startswith("3.1")
        else OpenAPIV30SpecValidator
    )
    base_uri = Path(documents.root.path).resolve().as_uri()
    theirs = Counter(
        # jsonschema-rs's message, without the trace the library appends to it
        _normalised(error.message.split("\n", 1)[0])
        for error in library(data, base_uri=base_uri).iter_errors()
        # Path parameters missing from the template or the parameters: validate.py's
        # own check reports them (test_validate), saying what is generated instead.
        if not error.message.endswith("was not resolved")
    )
    # We say which findings are about a default; the library's message is the rest.
    ours = Counter(
        _normalised(message.removeprefix("default value: "))
        for _, message in rule_findings(documents)
    )
    assert theirs, "the document no longer trips a rule: pick another"
    ours_only, theirs_only = DIFFERENCES.get(name, ([], []))
    assert ours - theirs == Counter(ours_only)
    assert theirs - ours == Counter(theirs_only)


def test_findings_point_where_the_fault_is() -> None:
    """The library leaves most findings at the document's root; ours name the place."""
    documents = load(
        CORPUS / "mermade-openapi3-examples/3.0/fail/duplicateParameter.yaml"
    )
    assert list(rule_findings(documents)) == [
        ("/paths/~1test/get/parameters/1", "Duplicate parameter 'test'")
    ]


def test_a_ref_cycle_stops_nothing(write_spec) -> None:
    """The library recursed until Python gave up on a `$ref` cycle; we pass it by (the
    builder reports it) and go on to the next rule."""
    spec = write_spec(
        """
        openapi: 3.0.3
        info: {title: t, version: "1"}
        paths:
          /a:
            get: {operationId: same, responses: {"200": {description: ok}}}
            put: {operationId: same, responses: {"200": {description: ok}}}
        components:
          schemas:
            A: {$ref: "#/components/schemas/B"}
            B: {$ref: "#/components/schemas/A"}
        """
    )
    assert [message for _, message in rule_findings(load(spec))] == [
        "Operation ID 'same' for 'put' in '/a' is not unique"
    ]
