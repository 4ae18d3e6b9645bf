"""OpenAPI component schemas as self-contained JSON Schema (draft 7) for hypothesis-jsonschema.

`to_json_schema(components, name)` gives the component with every `#/components/schemas/X`
reference pointing into a local `definitions` section, and the same unrolled (every
reference replaced by its target) for hypothesis-jsonschema. OpenAPI's own keywords are
translated (`nullable`, 3.0's boolean `exclusiveMinimum`, 3.1's `prefixItems`) or dropped
(annotations, `discriminator`, formats other than date-time and date). A schema that
reaches a reference cycle is unrolled to a bounded depth with `false` past it: every
instance of the bounded schema is an instance of the original, just not a deep one. What
cannot be translated raises `Unsupported` with the reason the schema is left out.

Where OpenAPI and JSON Schema read a schema differently, OpenAPI's reading wins: a schema
with `properties` and no `type` is an object, one with `items` an array, and `oneOf`
branches that only dropped formats told apart (`binary` or `uri`) are one branch. Arrays
are bounded (MAX_ITEMS, unless more are required) so that large LLM schemas stay fast.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

COMPONENTS = "#/components/schemas/"
DEFINITIONS = "#/definitions/"

# Annotations and OpenAPI-only keywords: they do not constrain an instance.
_DROPPED = frozenset(
    {
        "title",
        "description",
        "default",
        "example",
        "examples",
        "externalDocs",
        "xml",
        "discriminator",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$comment",
        "$schema",
        "$id",
        "$anchor",
        "$dynamicAnchor",
        "contentMediaType",
        "contentEncoding",
        "contentSchema",
        "$defs",
        "definitions",
    }
)
# Formats hypothesis-jsonschema generates and the generator gives a Python type of its own;
# every other format (int64, uuid, uri, binary, ...) is a plain string or number to both.
_KEPT_FORMATS = frozenset({"date-time", "date"})
_TYPES = frozenset(
    {"string", "number", "integer", "boolean", "array", "object", "null"}
)
# Keywords whose value is one schema, a list of schemas, or a map of name -> schema.
_ONE = ("items", "additionalProperties", "additionalItems", "not", "propertyNames")
_ONE += ("contains", "if", "then", "else")
_MANY = ("allOf", "anyOf", "oneOf")
_NAMED = ("properties", "patternProperties")
# 2020-12 keywords draft 7 has no word for: their constraint cannot be kept.
_UNEXPRESSIBLE = ("unevaluatedProperties", "unevaluatedItems", "$dynamicRef")
_UNEXPRESSIBLE += ("$recursiveRef", "minContains", "maxContains")

_NUMBERS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
_OBJECT_KEYWORDS = (
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
)
MAX_ITEMS = 2
"""Longest array drawn (or `minItems`, where that is more)."""
MAX_DEPTH = 2
"""How many times one component may appear on a path of the unrolled recursive schema."""
MAX_SIZE = 400_000
"""Characters of JSON an unrolled schema may take before the depth is lowered."""


class Unsupported(Exception):
    """The component cannot be given to hypothesis-jsonschema; the message is the reason."""


@dataclass(frozen=True)
class Converted:
    schema: dict[str, Any]
    """Self-contained: the component's schema and those it reaches, in `definitions`."""
    unrolled: dict[str, Any]
    """The same with every reference replaced by its target, what hypothesis-jsonschema
    is given: it would resolve them itself, merging the whole `definitions` section into
    the schema at each one. A recursive schema is cut at MAX_DEPTH."""
    recursive: bool
    """The component reaches a reference cycle and was unrolled to a bounded depth."""
    dropped_patterns: tuple[str, ...]
    """`pattern`s that are no Python regular expression (hypothesis-jsonschema cannot use them)."""


def component_refs(schema: Any) -> Iterator[str]:
    """Names of the components `schema` refers to directly (or its examples seem to)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(COMPONENTS):
            yield _component_of(ref)
        for value in schema.values():
            yield from component_refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from component_refs(item)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _component_of(ref: str) -> str:
    return _unescape(ref[len(COMPONENTS) :].split("/", 1)[0])


def reachable(components: dict[str, Any], name: str) -> list[str]:
    """`name` and every component it reaches, in discovery order."""
    seen = [name]
    index = 0
    while index < len(seen):
        for ref in component_refs(components.get(seen[index])):
            if ref not in seen:
                seen.append(ref)
        index += 1
    return seen


def in_cycle(components: dict[str, Any], names: list[str]) -> bool:
    """Whether the reference graph restricted to `names` has a cycle."""
    edges = {n: set(component_refs(components.get(n))) for n in names}
    state: dict[str, int] = {}
    for start in names:
        if start in state:
            continue
        stack = [(start, iter(edges[start]))]
        state[start] = 1
        while stack:
            node, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    return True
                if child not in state and child in edges:
                    state[child] = 1
                    stack.append((child, iter(edges[child])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return False


class _Converter:
    def __init__(self, components: dict[str, Any]) -> None:
        self.components = components
        self.dropped_patterns: list[str] = []

    def resolve(self, ref: str) -> Any:
        """The node a `#/components/schemas/...` pointer names."""
        node: Any = {"components": {"schemas": self.components}}
        for token in ref[2:].split("/"):
            token = _unescape(token)
            if isinstance(node, list) and token.isdigit():
                node = node[int(token)]
            elif isinstance(node, dict) and token in node:
                node = node[token]
            else:
                raise Unsupported(f"dangling $ref {ref}")
        return node

    def convert(self, schema: Any, inlining: tuple[str, ...] = ()) -> Any:
        if isinstance(schema, bool):
            return schema
        if not isinstance(schema, dict):
            raise Unsupported(f"schema is not an object: {schema!r:.60}")
        for keyword in _UNEXPRESSIBLE:
            if keyword in schema and schema[keyword] not in (True, {}):
                raise Unsupported(f"uses {keyword}, which draft 7 cannot express")
        node: dict[str, Any] = {}
        ref = schema.get("$ref")
        if ref is not None:
            node = self._reference(ref, inlining)
        siblings = self._keywords(schema, inlining)
        if ref is not None and siblings:
            node = {"allOf": [node, siblings]}
        elif ref is None:
            node = siblings
        if schema.get("nullable") is True:
            node = _nullable(node)
        return node

    def _reference(self, ref: Any, inlining: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise Unsupported(f"$ref outside the document: {ref!r}")
        if not ref.startswith(COMPONENTS):
            raise Unsupported(f"$ref outside components/schemas: {ref}")
        token = ref[len(COMPONENTS) :]
        if "/" not in token:
            if _unescape(token) not in self.components:
                raise Unsupported(f"dangling $ref {ref}")
            return {"$ref": DEFINITIONS + token}
        # A pointer into a component (`#/components/schemas/A/properties/b`): inlined.
        if ref in inlining:
            raise Unsupported(f"$ref {ref} points into itself")
        return self.convert(self.resolve(ref), (*inlining, ref))

    def _target(self, node: Any) -> Any:
        """`node`, or the converted component it only refers to."""
        if isinstance(node, dict) and set(node) == {"$ref"}:
            return self.convert(
                self.components[_unescape(node["$ref"][len(DEFINITIONS) :])]
            )
        return node

    def _keywords(
        self, schema: dict[str, Any], inlining: tuple[str, ...]
    ) -> dict[str, Any]:
        node: dict[str, Any] = {}
        for key, value in schema.items():
            if key in _DROPPED or key in _UNEXPRESSIBLE or key.startswith("x-"):
                continue
            if key in ("$ref", "nullable"):
                continue
            if key == "items" and "prefixItems" in schema:
                continue  # the additionalItems of prefixItems, below
            if key in _ONE:
                node[key] = self.convert(value, inlining)
            elif key == "oneOf" and isinstance(value, list):
                # Branches told apart only by what was dropped (`format: binary` or
                # `format: uri`: both strings to JSON) are one branch, not an impossible
                # "exactly one of two equal schemas".
                branches = [self.convert(v, inlining) for v in value]
                node[key] = list(
                    {
                        json.dumps(self._target(b), sort_keys=True): b for b in branches
                    }.values()
                )
            elif key in _MANY and isinstance(value, list):
                node[key] = [self.convert(v, inlining) for v in value]
            elif key in _NAMED and isinstance(value, dict):
                node[key] = {k: self.convert(v, inlining) for k, v in value.items()}
            elif key == "prefixItems" and isinstance(value, list):
                node["items"] = [self.convert(v, inlining) for v in value]
                if "items" in schema:
                    node["additionalItems"] = self.convert(schema["items"], inlining)
            elif key == "dependentRequired" and isinstance(value, dict):
                node.setdefault("dependencies", {}).update(value)
            elif key == "dependentSchemas" and isinstance(value, dict):
                node.setdefault("dependencies", {}).update(
                    {k: self.convert(v, inlining) for k, v in value.items()}
                )
            elif key == "format":
                if value in _KEPT_FORMATS:
                    node[key] = value
            elif key == "pattern":
                try:
                    re.compile(value)
                    node[key] = value
                except (re.error, TypeError):
                    self.dropped_patterns.append(str(value))
            elif key == "required":
                if isinstance(value, list):
                    node[key] = list(
                        dict.fromkeys(v for v in value if isinstance(v, str))
                    )
            elif key == "enum":
                if not isinstance(value, list):
                    raise Unsupported(f"enum is not a list: {value!r:.60}")
                node[key] = _unique(value)
            elif key == "type":
                types = value if isinstance(value, list) else [value]
                if not all(t in _TYPES for t in types):
                    raise Unsupported(f"unknown type {value!r}")
                node[key] = value
            elif key in _NUMBERS and isinstance(value, str):
                # `minimum: 1e-08` is a number to JSON and YAML 1.2, a string to the
                # YAML 1.1 loader: read as the number it is (or dropped if it is none).
                try:
                    node[key] = float(value)
                except ValueError:
                    continue
            elif key in ("exclusiveMinimum", "exclusiveMaximum") and isinstance(
                value, bool
            ):
                bound = "minimum" if key == "exclusiveMinimum" else "maximum"
                if value and bound in schema:
                    node[key] = schema[bound]
            elif (
                key in ("minimum", "maximum")
                and schema.get(
                    "exclusiveMinimum" if key == "minimum" else "exclusiveMaximum"
                )
                is True
            ):
                continue  # became the exclusive bound above
            else:
                node[key] = copy.deepcopy(value)
        if "type" not in node and any(k in node for k in _OBJECT_KEYWORDS):
            # OpenAPI authors leave `type: object` out of schemas with properties (and
            # `type: array` out of schemas with items); to JSON Schema such a schema also
            # accepts every other type, to the generator and to its authors it does not.
            node["type"] = "object"
        elif "type" not in node and "items" in node:
            node["type"] = "array"
        _check_satisfiable(node)
        if (node.get("type") == "array" or "items" in node) and not isinstance(
            node.get("items"), list
        ):
            # Bounded instances: the arrays of arrays of objects in LLM schemas would
            # otherwise average five items a level, for no more coverage.
            node["maxItems"] = min(
                node.get("maxItems", MAX_ITEMS), max(node.get("minItems", 0), MAX_ITEMS)
            )
        return node


def _check_satisfiable(node: dict[str, Any]) -> None:
    """A spec error that leaves a schema without any valid instance, said plainly."""
    if node.get("additionalProperties") is not False or any(
        k in node for k in (*_MANY, "patternProperties")
    ):
        return
    missing = [
        r for r in node.get("required", ()) if r not in node.get("properties", {})
    ]
    if missing:
        raise Unsupported(
            f"no valid instance: required {missing} not among the properties, and "
            "additionalProperties is false"
        )


def _unique(values: list[Any]) -> list[Any]:
    seen: set[str] = set()
    unique = []
    for value in values:
        key = json.dumps(value, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(copy.deepcopy(value))
    return unique


def _nullable(node: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0 `nullable: true` as JSON Schema: null is one more allowed value."""
    declared = node.get("type")
    if isinstance(declared, str) and not any(k in node for k in (*_MANY, "const")):
        node = dict(node, type=[declared, "null"])
        if "enum" in node and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]
        return node
    if isinstance(declared, list) and "null" in declared:
        return node
    return {"anyOf": [{"type": "null"}, node]}


def _unroll(
    node: Any, definitions: dict[str, Any], path: tuple[str, ...], depth: int
) -> Any:
    """Every `#/definitions/X` replaced by X itself; past `depth` visits on a path, `false`."""
    if isinstance(node, list):
        return [_unroll(item, definitions, path, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(DEFINITIONS):
        name = ref[len(DEFINITIONS) :]
        if path.count(name) >= depth:
            return False
        return _unroll(definitions[name], definitions, (*path, name), depth)
    out = {}
    for key, value in node.items():
        if key in ("enum", "const"):
            out[key] = value
        elif key in _NAMED or key == "dependencies":
            out[key] = {
                k: _unroll(v, definitions, path, depth) if isinstance(v, dict) else v
                for k, v in value.items()
            }
        else:
            out[key] = _unroll(value, definitions, path, depth)
    return out


def to_json_schema(components: dict[str, Any], name: str) -> Converted:
    """The component `name` of a document's `components/schemas`, self-contained.

    OpenAPI 3.0 and 3.1 are read alike: 3.0's `nullable` and boolean exclusive bounds and
    3.1's type lists, `const` and `prefixItems` do not occur in each other's documents in
    ways that clash.
    """
    converter = _Converter(components)
    names = reachable(components, name)
    definitions = {
        _escape(n): converter.convert(components[n]) for n in names if n in components
    }
    root = {"$ref": DEFINITIONS + _escape(name)}
    recursive = in_cycle(components, names)
    if not recursive:
        unrolled = _unroll(root, definitions, (), 1)  # no cycle: one visit is all
    else:
        for depth in range(MAX_DEPTH, 0, -1):
            unrolled = _unroll(root, definitions, (), depth)
            if len(json.dumps(unrolled)) <= MAX_SIZE:
                break
        else:
            raise Unsupported("recursive schema too large to unroll even once")
        if unrolled is False:
            raise Unsupported("recursive schema with no finite instance")
    return Converted(
        {**root, "definitions": definitions},
        unrolled,
        recursive,
        tuple(converter.dropped_patterns),
    )
