"""Validate stage: openapi-spec-validator plus our own checks, as located warnings.

Real specs are often invalid in ways that do not stop generation (a duplicated operationId,
a bad `default`); each finding names file, line and JSON pointer, and generation goes on.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

import yaml

from .diagnostics import Diagnostic, InputError, Location, join_pointer
from .load import DATA_KEYS, YAML_LOADER, DocumentSet
from .openapi import HTTP_METHODS, discriminator_ref
from .spec_validator import Finding, rule_findings

MAX_VALIDATOR_FINDINGS = 50

# Text the OpenAPI and JSON Schema meta-schemas only require to be a string.
_PROSE = frozenset({"description", "summary", "title"})


def validate(
    documents: DocumentSet, findings: Sequence[Finding] | None = None
) -> list[Diagnostic]:
    """Every finding, located; `findings` are the library's when already known (the
    cache: `findings_key` says when they still hold)."""
    root = documents.root
    if findings is None:
        findings = spec_findings(documents)
    return [
        *(
            repair
            for document in documents.documents.values()
            for repair in document.repairs
        ),
        *(Diagnostic(root.location(pointer), message) for pointer, message in findings),
        *_path_parameters(documents),
        *_document_checks(documents),
        *_flow_indentation(documents),
    ]


def findings_key(documents: DocumentSet) -> str:
    """What the library's findings depend on: the documents with their prose blanked (its
    text is only required to be a string), example and default data left as they are. A
    spec whose descriptions alone changed keeps its findings and is not validated again."""

    def without_prose(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: ""
                if key in _PROSE and isinstance(child, str)
                else child
                if key in DATA_KEYS
                else without_prose(child)
                for key, child in value.items()
            }
        if isinstance(value, list):
            return [without_prose(child) for child in value]
        return value

    hasher = hashlib.sha256()
    for path, document in sorted(documents.documents.items()):
        hasher.update(str(path).encode())
        hasher.update(
            json.dumps(without_prose(document.data), ensure_ascii=False).encode()
        )
    return hasher.hexdigest()


def reusable(findings: Sequence[Finding]) -> bool:
    """Findings whose message could quote prose (a schema printed whole) are not reused."""
    return not any(f"'{key}'" in message for _, message in findings for key in _PROSE)


def spec_findings(documents: DocumentSet) -> list[Finding]:
    found: list[Finding] = []
    try:
        for finding in rule_findings(documents):
            if len(found) == MAX_VALIDATOR_FINDINGS:
                found.append(("", "more spec validator findings not shown"))
                break
            found.append(finding)
    except (KeyboardInterrupt, SystemExit):
        raise
    # A validator crash on odd input must not stop us; jsonschema-rs panics with a
    # BaseException (pyo3's PanicException) when recursion runs out inside it.
    except BaseException as exc:  # noqa: BLE001
        found.append(("", f"spec validator stopped: {type(exc).__name__}: {exc}"))
    return found


def _path_parameters(documents: DocumentSet) -> Iterator[Diagnostic]:
    """Every `{name}` in a path template is declared as a path parameter, and only those."""
    root = documents.root
    for path, path_item in (root.data.get("paths") or {}).items():
        if not isinstance(path_item, dict):
            continue
        in_template = set(re.findall(r"{([^}]+)}", path))
        shared = _declared(documents, path_item.get("parameters"))
        for method in HTTP_METHODS:
            try:
                operation = documents.follow(
                    path_item.get(method), root, join_pointer("/paths", path, method)
                )[0]
            except (InputError, KeyError, ValueError):
                continue  # the builder says where the $ref leads nowhere
            if not isinstance(operation, dict):
                continue
            declared = shared | _declared(documents, operation.get("parameters"))
            messages = [
                *(
                    f"path parameter {{{name}}} is not declared; generated as a required string"
                    for name in sorted(in_template - declared)
                ),
                *(
                    f"path parameter {name!r} does not appear in the path template"
                    for name in sorted(declared - in_template)
                ),
            ]
            if messages:  # locating costs more than checking: only for a finding
                where = root.location(join_pointer("/paths", path, method))
                yield from (Diagnostic(where, message) for message in messages)


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


# What openapi-spec-validator lets through: formats it does not check, rules outside the
# JSON schema, and text that tries to break out of a comment or string of generated code.
_URL_FORBIDDEN = re.compile(r'[\s<>"\\^`|]|%(?![0-9A-Fa-f]{2})')
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PATH_FORBIDDEN = re.compile(r'[\s<>"\\^`|;]')
# `*/` and `=end` only where they open the text: there they close a comment of the
# code a naive generator emits; inside a text (`users/*/operations`) they are harmless.
_INJECTION = re.compile(r"<script|\A\s*\*/|\A=end|\beval\(")
_LINK_FIELDS = frozenset(
    {
        "operationRef",
        "operationId",
        "parameters",
        "requestBody",
        "description",
        "server",
    }
)
_TEXT_FIELDS = frozenset({"title", "summary", "description"})
_LINK_OBJECT = re.compile(r"^/components/links/[^/]+$|/responses/[^/]+/links/[^/]+$")


def _document_checks(documents: DocumentSet) -> Iterator[Diagnostic]:
    root = documents.root
    version = str(root.data.get("openapi", ""))
    for pointer, node in _walk(root.data):
        tokens = pointer.split("/")
        parent = tokens[-2] if len(tokens) > 1 else ""
        for field, message in _node_findings(
            node, tokens[-1], parent, pointer, version
        ):
            where = pointer if field is None else join_pointer(pointer, field)
            yield Diagnostic(root.location(where), message)
        if tokens[-1] == "discriminator" and isinstance(node.get("mapping"), dict):
            yield from _dangling_mappings(documents, node["mapping"], pointer)


def _dangling_mappings(
    documents: DocumentSet, mapping: dict[str, Any], pointer: str
) -> Iterator[Diagnostic]:
    """Discriminator mapping values that name no schema (a `$ref`, or a bare name)."""
    for tag, target in mapping.items():
        if not isinstance(target, str):
            continue
        try:
            documents.resolve(discriminator_ref(target), documents.root)
        except (KeyError, ValueError, OSError):
            where = documents.root.location(join_pointer(pointer, "mapping", tag))
            yield Diagnostic(
                where,
                f"discriminator mapping {tag!r} names no schema ({target!r}); ignored",
            )


def _walk(value: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, mapping) of every mapping outside vendor extensions and example data."""
    if isinstance(value, dict):
        yield pointer, value
        for key, child in value.items():
            if (
                isinstance(child, (dict, list))
                and not str(key).startswith("x-")
                and key not in DATA_KEYS
            ):
                yield from _walk(child, join_pointer(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            if isinstance(child, (dict, list)):
                yield from _walk(child, join_pointer(pointer, index))


def _node_findings(
    node: dict[str, Any], key: str, parent: str, pointer: str, version: str
) -> Iterator[tuple[str | None, str]]:
    """(the member at fault, or None for the whole node; message) of one mapping."""
    in_schema = "/properties/" in pointer or "/schemas/" in pointer
    for field in ("url", "termsOfService"):
        value = node.get(field)
        if isinstance(value, str) and _URL_FORBIDDEN.search(value) and not in_schema:
            yield field, f"{field} {value[:60]!r} is not a URL"
    email = node.get("email")
    if key == "contact" and isinstance(email, str) and not _EMAIL.fullmatch(email):
        yield "email", f"email {email[:60]!r} is not an email address"
    enum = node.get("enum")
    if (
        parent == "variables"
        and version >= "3.1"
        and isinstance(enum, list)
        and node.get("default") not in enum
    ):
        message = f"server variable default {node.get('default')!r} is not in its enum"
        yield ("default" if "default" in node else None), message
    is_media_type = parent == "content"
    is_parameter = "in" in node and "name" in node
    if (is_media_type or is_parameter or parent == "headers") and (
        "example" in node and "examples" in node
    ):
        yield "examples", "`example` and `examples` are mutually exclusive"
    if _LINK_OBJECT.search(pointer) and "$ref" not in node:
        for unknown in sorted(
            k for k in node if k not in _LINK_FIELDS and not k.startswith("x-")
        ):
            yield unknown, f"link object has no field {unknown!r}"
    if key == "paths":
        for path in node:
            if _PATH_FORBIDDEN.search(str(path)):
                message = (
                    f"path {str(path)[:60]!r} has characters a URL path cannot hold"
                )
                yield str(path), message
    if not in_schema:
        for field in _TEXT_FIELDS:
            text = node.get(field)
            if isinstance(text, str) and (found := _INJECTION.search(text)):
                message = (
                    f"{field} holds code-like text {found.group(0)!r}; it reaches the "
                    "generated code only as an escaped literal"
                )
                yield field, message


_BLOCK_SCALAR = re.compile(r"(?:^|[ \t:-])[|>][-+0-9]*[ \t]*(?:#.*)?$")
_FLOW_OPEN = re.compile(r"[{\[][ \t]*$")


def _opens_a_flow_line(text: str) -> bool:
    """Whether a line ends inside an open `{` or `[`, outside block scalars (`|`, `>`):
    the only text the YAML events below need reading for. A spec's code samples, in block
    scalars, end lines with `{` all the time."""
    scalar_indent: int | None = None
    for line in text.splitlines():
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if scalar_indent is not None:
            if not content or indent > scalar_indent:
                continue
            scalar_indent = None
        if _BLOCK_SCALAR.search(line):
            scalar_indent = indent
        elif _FLOW_OPEN.search(line):
            return True
    return False


def _flow_indentation(documents: DocumentSet) -> Iterator[Diagnostic]:
    """YAML flow collections (`{...}`) whose lines fall left of their block: YAML 1.2 forbids
    it, PyYAML reads it anyway, so other tools may not read the document as we do."""
    root = documents.root
    if root.is_json or not _opens_a_flow_line(root.text):
        return
    block_columns: list[int] = []
    flow_depth = 0
    flow_line = 0
    try:
        for event in yaml.parse(root.text, Loader=YAML_LOADER):
            mark = event.start_mark
            if mark is None:
                continue
            is_start = isinstance(
                event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)
            )
            is_end = isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
            if (
                flow_depth
                and mark.line > flow_line
                and block_columns
                and mark.column < block_columns[-1]
            ):
                line = mark.line + 1
                yield Diagnostic(
                    Location(root.name, root.pointer_at(line), line),
                    f"YAML flow collection continues at column {mark.column + 1}, "
                    f"left of its block (column {block_columns[-1] + 1})",
                )
                return
            if is_start and getattr(event, "flow_style", False):
                flow_depth += 1
                flow_line = flow_line if flow_depth > 1 else mark.line
            elif is_start:
                block_columns.append(mark.column)
            elif is_end and flow_depth:
                flow_depth -= 1
            elif is_end and block_columns:
                block_columns.pop()
    except yaml.YAMLError:
        return
