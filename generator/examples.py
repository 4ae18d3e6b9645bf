"""An example value of a schema, from the spec's own examples where it has them: what the
generated package's in-memory fake answers with (`testing.py`)."""

from __future__ import annotations

import json
from typing import Any

from .diagnostics import InputError
from .load import Document, DocumentSet

MAX_DEPTH = 8
"""Nesting past which an example stops (a recursive schema would never end)."""
MAX_VALUES = 200
"""Values in one example: a wide spec's (Stripe's) would otherwise run to megabytes."""

_PLACEHOLDERS: dict[str, Any] = {
    "string": "string",
    "integer": 0,
    "number": 0.0,
    "boolean": False,
    "array": [],
    "object": {},
    "null": None,
}


def media_example(
    media: dict[str, Any], documents: DocumentSet, document: Document
) -> str | None:
    """A JSON response's example as JSON text: the media type's `example`, its first
    `examples` value, else one built from its schema; None if it cannot be had."""
    try:
        if "example" in media:
            return json.dumps(media["example"])
        examples = media.get("examples")
        if isinstance(examples, dict):
            for named in examples.values():
                value, _, _ = documents.follow(named, document, "")
                if isinstance(value, dict) and "value" in value:
                    return json.dumps(value["value"])
        budget = [MAX_VALUES]
        return json.dumps(_example(media.get("schema"), documents, document, 0, budget))
    except (InputError, TypeError, ValueError, RecursionError):
        return None


def _example(
    schema: Any,
    documents: DocumentSet,
    document: Document,
    depth: int,
    budget: list[int],
) -> Any:
    """`budget` counts down the values still allowed; required properties come first."""
    schema, document, _ = documents.follow(schema, document, "")
    if not isinstance(schema, dict) or depth > MAX_DEPTH or budget[0] <= 0:
        return None
    budget[0] -= 1
    if "example" in schema:
        return schema["example"]
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if "default" in schema:
        return schema["default"]
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return _example(schema[key][0], documents, document, depth + 1, budget)
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = _example(part, documents, document, depth + 1, budget)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):  # OpenAPI 3.1: ["string", "null"]
        kind = next((k for k in kind if k != "null"), "null")
    properties = schema.get("properties")
    if kind == "object" or isinstance(properties, dict):
        fields = properties if isinstance(properties, dict) else {}
        required = schema.get("required")
        wanted = set(required) if isinstance(required, list) else set()
        ordered = sorted(fields, key=lambda name: name not in wanted)
        built = {
            name: _example(fields[name], documents, document, depth + 1, budget)
            for name in ordered
        }
        return {name: built[name] for name in fields}
    if kind == "array":
        item = _example(schema.get("items"), documents, document, depth + 1, budget)
        return [] if item is None else [item]
    return _PLACEHOLDERS.get(str(kind))
