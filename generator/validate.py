"""Validate stage: openapi-spec-validator plus our own checks, as located warnings.

Real specs are often invalid in ways that do not stop generation (a duplicated operationId,
a bad `default`); each finding names file, line and JSON pointer, and generation goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import (
    OpenAPIV2SpecValidator,
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
)

from .diagnostics import Diagnostic, join_pointer
from .load import DocumentSet
from .openapi import HTTP_METHODS

MAX_VALIDATOR_FINDINGS = 50

_DUPLICATE_ID = re.compile(
    r"Operation ID '(?P<id>.*)' for '(?P<method>\w+)' in '(?P<path>.*)' is not unique"
)


def validate(documents: DocumentSet) -> list[Diagnostic]:
    return [*_spec_validator(documents), *_path_parameters(documents)]


def _validator_class(spec: dict[str, Any]) -> type | None:
    version = str(spec.get("openapi", spec.get("swagger", "")))
    if version.startswith("3.1"):
        return OpenAPIV31SpecValidator
    if version.startswith("3.0"):
        return OpenAPIV30SpecValidator
    if version.startswith("2."):
        return OpenAPIV2SpecValidator
    return None


def _node_pointers(value: Any, pointer: str = "") -> Iterator[tuple[int, str]]:
    """(id, pointer) of every mapping, to locate findings that carry only the schema object."""
    if isinstance(value, dict):
        yield id(value), pointer
        for key, child in value.items():
            yield from _node_pointers(child, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _node_pointers(child, join_pointer(pointer, index))


def _spec_validator(documents: DocumentSet) -> list[Diagnostic]:
    root = documents.root
    validator_class = _validator_class(root.data)
    if validator_class is None:
        return []
    findings: list[Diagnostic] = []
    pointers: dict[int, str] | None = None
    try:
        errors = validator_class(
            root.data, base_uri=root.path.resolve().as_uri()
        ).iter_errors()
        for error in errors:
            if len(findings) == MAX_VALIDATOR_FINDINGS:
                findings.append(
                    Diagnostic(
                        root.location(""), "more spec validator findings not shown"
                    )
                )
                break
            message = getattr(error, "message", str(error))
            duplicate = _DUPLICATE_ID.match(message)
            path = list(getattr(error, "path", None) or [])
            if duplicate:
                pointer = join_pointer(
                    "/paths", duplicate["path"], duplicate["method"], "operationId"
                )
            elif path:
                pointer = join_pointer("", *path)
            else:
                # Findings about `default` values carry the schema, not its place.
                if pointers is None:
                    pointers = dict(_node_pointers(root.data))
                schema = getattr(error, "schema", None)
                pointer = pointers.get(id(schema), "")
                if pointer and isinstance(schema, dict) and "default" in schema:
                    pointer, message = (
                        join_pointer(pointer, "default"),
                        f"default value: {message}",
                    )
            findings.append(Diagnostic(root.location(pointer), message))
    except Exception as exc:  # noqa: BLE001 - a validator crash on odd input must not stop us
        findings.append(
            Diagnostic(
                root.location(""),
                f"spec validator stopped: {type(exc).__name__}: {exc}",
            )
        )
    return findings


def _path_parameters(documents: DocumentSet) -> Iterator[Diagnostic]:
    """Every `{name}` in a path template is declared as a path parameter, and only those."""
    root = documents.root
    for path, path_item in (root.data.get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        in_template = set(re.findall(r"{([^}]+)}", path))
        shared = _declared(documents, path_item.get("parameters"))
        for method in HTTP_METHODS:
            operation = path_item.get(method)
            if not isinstance(operation, dict):
                continue
            declared = shared | _declared(documents, operation.get("parameters"))
            where = root.location(join_pointer("/paths", path, method))
            for name in sorted(in_template - declared):
                yield Diagnostic(
                    where,
                    f"path parameter {{{name}}} is not declared; generated as a required string",
                )
            for name in sorted(declared - in_template):
                yield Diagnostic(
                    where,
                    f"path parameter {name!r} does not appear in the path template",
                )


def _declared(documents: DocumentSet, parameters: Any) -> set[str]:
    names: set[str] = set()
    for parameter in parameters or []:
        if isinstance(parameter, dict) and "$ref" in parameter:
            try:
                parameter = documents.resolve(parameter["$ref"], documents.root).value
            except (KeyError, ValueError):
                continue
        if (
            isinstance(parameter, dict)
            and parameter.get("in") == "path"
            and isinstance(parameter.get("name"), str)
        ):
            names.add(parameter["name"])
    return names
