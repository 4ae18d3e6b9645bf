"""The rules openapi-spec-validator checks, walked on our own data.

The library walks the document through jsonschema-path, which resolves every step again
(0.6 CPU s on OpenAI's spec) after 0.25 s of imports. The same rules walked on the loaded
dicts, with the document, meta-schema and default checks compiled once in jsonschema-rs
(installed with sdkforge), cost a fraction, and each finding is located where the fault is.
jsonschema-rs words the findings where its semantics are the library's (the document, the
meta-schemas, 3.1 defaults); the library, imported only then, judges and words a default
of an OpenAPI 3.0 schema jsonschema-rs finds wrong (3.0 is draft 4 plus `nullable`), and a
schema of a dialect only the library knows.

Rules, as openapi-spec-validator 0.9 has them: the document against the OpenAPI schema of
its version; duplicate tag names; for every path item, its parameters (schema, duplicate
name and place) and each operation (unique operationId, responses' media type schemas;
that path parameters are both declared and in the template is validate.py's own check,
which also says what is generated); `components/schemas`. Each schema is
checked against its dialect's meta-schema once, then walked (allOf, anyOf, oneOf, not,
items, properties): required names an allOf never defines, and defaults that are not
values of their schema.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema_rs

from .diagnostics import InputError, join_pointer
from .load import Document, DocumentSet
from .openapi import HTTP_METHODS

Finding = tuple[str, str]
"""A finding: (JSON pointer in the root document, message)."""

_UNRESOLVED = object()
"""What a `$ref` that leads nowhere or back to itself resolves to: nothing to check here
(the builder reports it, located)."""

_SCHEMA_VERSIONS = {"3.1": "3.1", "3.0": "3.0", "2.": "2.0"}


def _package_dir(package: str) -> Path:
    """Where an installed package's files are, without importing it (its import is what
    the walk saves)."""
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations is not None
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def _document_validator(version: str) -> Any:
    """jsonschema-rs validator of openapi-spec-validator's schema of OpenAPI `version`."""
    path = _package_dir("openapi_spec_validator") / "resources" / "schemas"
    schema = json.loads((path / f"v{version}" / "schema.json").read_text("utf-8"))
    return jsonschema_rs.validator_for(schema)


@cache
def _dialects() -> dict[str, Any]:
    """The OpenAPI schema dialects and vocabularies openapi-schema-validator ships, by id."""
    found = {}
    for path in sorted(
        (_package_dir("openapi_schema_validator") / "schemas").rglob("*")
    ):
        if path.is_file():
            contents = json.loads(path.read_text("utf-8"))
            found[contents["$id"]] = contents
    return found


def _oas31_base_dialect() -> str:
    """The dialect of a 3.1 schema that names none: the dialect file of OAS 3.1."""
    return next(
        uri
        for uri in _dialects()
        if uri.startswith("https://spec.openapis.org/oas/3.1/dialect/")
    )


@cache
def _meta_validator(dialect: str | None) -> Any:
    """jsonschema-rs validator of the meta-schema of `dialect` (None: OpenAPI 3.0's, the
    draft 4 meta-schema the library uses, stricter than jsonschema-rs's own copy), or None
    for a dialect only the library knows."""
    if dialect is None:
        path = _package_dir("jsonschema_specifications") / "schemas" / "draft4"
        meta = json.loads((path / "metaschema.json").read_text("utf-8"))
        return jsonschema_rs.validator_for(meta, validate_formats=True)
    dialects = _dialects()
    if dialect not in dialects:
        return None
    return jsonschema_rs.validator_for(
        dialects[dialect],
        registry=jsonschema_rs.Registry(list(dialects.items())),
        validate_formats=True,
    )


def _version(data: Any) -> str | None:
    text = str(data.get("openapi", data.get("swagger", "")))
    return next(
        (
            schema
            for prefix, schema in _SCHEMA_VERSIONS.items()
            if text.startswith(prefix)
        ),
        None,
    )


def rule_findings(documents: DocumentSet) -> Iterator[Finding]:
    """Every finding of the rules above, in the library's order."""
    data = documents.root.data
    version = _version(data)
    if version is None:
        return
    # An operation that is a `$ref` (a layout some large specs use) is read as what it
    # points to; the OpenAPI schema, which has no such field, is not asked about it.
    referenced = _referenced_operations(data)
    for error in _document_validator(version).iter_errors(data):
        pointer = join_pointer("", *error.instance_path)
        if not any(pointer.startswith(at) for at in referenced):
            yield pointer, error.message
    yield from _Walk(documents, version).root()


def _referenced_operations(data: dict[str, Any]) -> tuple[str, ...]:
    paths = data.get("paths")
    return tuple(
        join_pointer("/paths", path, method)
        for path, item in (paths.items() if isinstance(paths, dict) else ())
        if isinstance(item, dict)
        for method, operation in item.items()
        if method in HTTP_METHODS
        and isinstance(operation, dict)
        and "$ref" in operation
    )


class _Walk:
    def __init__(self, documents: DocumentSet, version: str) -> None:
        self.documents = documents
        self.root_document = documents.root
        self.is_31 = version == "3.1"
        dialect = documents.root.data.get("jsonSchemaDialect")
        self.default_dialect = (
            dialect
            if isinstance(dialect, str)
            else _oas31_base_dialect()
            if self.is_31
            else None
        )
        self.meta_checked: set[int] = set()
        self.visited: set[int] = set()
        self.operation_ids: set[Any] = set()
        self._defaults: Any = None
        self._library_registry: Any = None

    # --- the document's parts ---------------------------------------------------------

    def root(self) -> Iterator[Finding]:
        data = self.root_document.data
        tags = data.get("tags")
        if isinstance(tags, list):
            seen: set[Any] = set()
            for index, tag in enumerate(tags):
                name = tag.get("name") if isinstance(tag, dict) else None
                if isinstance(name, str) and name in seen:
                    yield (
                        join_pointer("/tags", index, "name"),
                        f"Duplicate tag name '{name}'",
                    )
                seen.add(name)
        paths = self._resolved(data.get("paths"), self.root_document, "/paths")
        if isinstance(paths[0], dict):
            for url, item in paths[0].items():
                yield from self._path_item(
                    str(url), item, paths[1], join_pointer(paths[2], url)
                )
        components = self._resolved(
            data.get("components"), self.root_document, "/components"
        )
        if isinstance(components[0], dict):
            schemas = self._resolved(
                components[0].get("schemas"),
                components[1],
                join_pointer(components[2], "schemas"),
            )
            if isinstance(schemas[0], dict):
                for name, schema in schemas[0].items():
                    yield from self._schema(
                        schema, schemas[1], join_pointer(schemas[2], name)
                    )

    def _path_item(
        self, url: str, item: Any, document: Document, pointer: str
    ) -> Iterator[Finding]:
        item, document, pointer = self._resolved(item, document, pointer)
        if not isinstance(item, dict):
            return
        if "parameters" in item:
            yield from self._parameters(
                *self._resolved(
                    item["parameters"], document, join_pointer(pointer, "parameters")
                )
            )
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield from self._operation(
                    url,
                    method,
                    operation,
                    document,
                    join_pointer(pointer, method),
                )

    def _parameters(
        self, parameters: Any, document: Document, pointer: str
    ) -> Iterator[Finding]:
        seen: set[tuple[Any, Any]] = set()
        for index, parameter in enumerate(
            parameters if isinstance(parameters, list) else ()
        ):
            parameter, where, at = self._resolved(
                parameter, document, join_pointer(pointer, index)
            )
            if not isinstance(parameter, dict):
                continue
            if "schema" in parameter:
                yield from self._schema(
                    parameter["schema"], where, join_pointer(at, "schema")
                )
            key = (parameter.get("name"), parameter.get("in"))
            if all(isinstance(part, str) for part in key):
                if key in seen:
                    yield (
                        self._here(where, at, pointer),
                        f"Duplicate parameter '{key[0]}'",
                    )
                seen.add(key)

    def _operation(
        self,
        url: str,
        method: str,
        operation: Any,
        document: Document,
        pointer: str,
    ) -> Iterator[Finding]:
        operation, document, pointer = self._resolved(operation, document, pointer)
        if not isinstance(operation, dict):
            return
        operation_id = operation.get("operationId")
        if operation_id is not None and _hashable(operation_id):
            if operation_id in self.operation_ids:
                yield (
                    self._here(document, join_pointer(pointer, "operationId"), pointer),
                    f"Operation ID '{operation_id}' for '{method}' in '{url}' is not unique",
                )
            self.operation_ids.add(operation_id)
        responses = self._resolved(
            operation.get("responses"), document, join_pointer(pointer, "responses")
        )
        if isinstance(responses[0], dict):
            for code, response in responses[0].items():
                yield from self._response(
                    response, responses[1], join_pointer(responses[2], code)
                )
        if "parameters" in operation:
            yield from self._parameters(
                *self._resolved(
                    operation["parameters"],
                    document,
                    join_pointer(pointer, "parameters"),
                )
            )

    def _response(
        self, response: Any, document: Document, pointer: str
    ) -> Iterator[Finding]:
        response, document, pointer = self._resolved(response, document, pointer)
        content = self._resolved(
            response.get("content") if isinstance(response, dict) else None,
            document,
            join_pointer(pointer, "content"),
        )
        if not isinstance(content[0], dict):
            return
        for media_type_name, media_type in content[0].items():
            media_type, where, at = self._resolved(
                media_type, content[1], join_pointer(content[2], media_type_name)
            )
            if isinstance(media_type, dict) and "schema" in media_type:
                yield from self._schema(
                    media_type["schema"], where, join_pointer(at, "schema")
                )

    # --- schemas ----------------------------------------------------------------------

    def _schema(
        self,
        schema: Any,
        document: Document,
        pointer: str,
        require_properties: bool = True,
        meta_checked: bool = False,
        site: str | None = None,
    ) -> Iterator[Finding]:
        site = pointer if site is None else site
        schema, document, pointer = self._resolved(schema, document, pointer)
        here = self._here(document, pointer, site)
        if schema is _UNRESOLVED:
            return
        if not isinstance(schema, (dict, bool)):
            yield here, f"{schema!r} is not of type 'object', 'boolean'"
            return
        if not meta_checked and id(schema) not in self.meta_checked:
            self.meta_checked.add(id(schema))
            errors = self._meta_errors(schema, here)
            if errors:
                yield from errors
                return
        if id(schema) in self.visited or not isinstance(schema, dict):
            return
        self.visited.add(id(schema))

        def nested(child: Any, child_pointer: str) -> Iterator[Finding]:
            yield from self._schema(
                child,
                document,
                child_pointer,
                require_properties=False,
                meta_checked=True,
                site=None if document is self.root_document else site,
            )

        for keyword in ("allOf", "anyOf", "oneOf"):
            for index, inner in enumerate(_list(schema.get(keyword))):
                yield from nested(inner, join_pointer(pointer, keyword, index))
        for keyword in ("not", "items"):
            if keyword in schema:
                yield from nested(schema[keyword], join_pointer(pointer, keyword))
        properties = self._resolved(
            schema.get("properties"), document, join_pointer(pointer, "properties")
        )[0]
        for name, child in properties.items() if isinstance(properties, dict) else ():
            yield from nested(child, join_pointer(pointer, "properties", name))

        required = schema.get("required")
        if require_properties and "allOf" in schema and isinstance(required, list):
            defined = set(properties) if isinstance(properties, dict) else set()
            for inner in _list(schema["allOf"]):
                defined |= self._properties(inner, document, set())
            undefined = sorted(
                {name for name in required if isinstance(name, str)} - defined
            )
            if undefined:
                yield here, f"Required list has not defined properties: {undefined}"
        if "default" in schema:
            default = schema["default"]
            if default is not None or schema.get("nullable") is not True:
                yield from self._default_errors(
                    schema, document, pointer, default, here
                )

    def _properties(self, schema: Any, document: Document, seen: set[int]) -> set[str]:
        """Every property name `schema` defines, through allOf, anyOf, oneOf, items, not."""
        schema, document, _ = self._resolved(schema, document, "")
        if not isinstance(schema, dict) or id(schema) in seen:
            return set()
        seen.add(id(schema))
        properties = self._resolved(schema.get("properties"), document, "")[0]
        names = (
            {str(name) for name in properties}
            if isinstance(properties, dict)
            else set()
        )
        children = [
            *(
                inner
                for keyword in ("allOf", "anyOf", "oneOf")
                for inner in _list(schema.get(keyword))
            ),
            *(schema[keyword] for keyword in ("items", "not") if keyword in schema),
        ]
        for child in children:
            names |= self._properties(child, document, seen)
        return names

    def _meta_errors(self, schema: Any, here: str) -> list[Finding]:
        """Where `schema` breaks its dialect's meta-schema, in jsonschema-rs's words."""
        dialect = self.default_dialect
        if self.is_31 and isinstance(schema, dict) and "$schema" in schema:
            dialect = schema["$schema"]
            if not isinstance(dialect, str):
                return [(here, f"Unknown JSON Schema dialect: {dialect!r}")]
        meta = _meta_validator(dialect)
        if meta is None:
            return _library_meta_errors(schema, str(dialect), here)
        return [
            (join_pointer(here, *error.instance_path), error.message)
            for error in meta.iter_errors(schema)
        ]

    def _default_errors(
        self,
        schema: dict[str, Any],
        document: Document,
        pointer: str,
        default: Any,
        here: str,
    ) -> Iterator[Finding]:
        """Where `default` is not a value of `schema`: in jsonschema-rs's words for 3.1,
        whose schemas are JSON Schema 2020-12; OpenAPI 3.0's are not quite draft 4
        (`nullable`), so there jsonschema-rs only says which defaults the library checks."""
        where = join_pointer(here, "default")
        integer_format = schema.get("format")
        if integer_format in _INTEGER_BITS and not _fits(default, integer_format):
            yield where, f'default value: {default} is not a "{integer_format}"'
            return
        fast = self._default_validator(document, pointer)
        if fast is not None and self.is_31:
            for error in fast.iter_errors(default):
                at = join_pointer(where, *error.instance_path)
                yield at, f"default value: {error.message}"
            return
        if fast is not None and fast.is_valid(default):
            return
        if self._library_registry is None:
            self._library_registry = _library_registry(self.documents, self.is_31)
        resolver = self._library_registry.resolver(base_uri=self._uri(document))
        for message in _library_default_errors(schema, default, self.is_31, resolver):
            yield where, f"default value: {message}"

    def _default_validator(self, document: Document, pointer: str) -> Any:
        """jsonschema-rs validator of the schema at `pointer`, its `$ref`s resolved
        through every loaded document; None where jsonschema-rs cannot build one."""
        draft = jsonschema_rs.Draft202012 if self.is_31 else jsonschema_rs.Draft4
        try:
            if self._defaults is None:
                self._defaults = jsonschema_rs.Registry(
                    [
                        (self._uri(each), each.data)
                        for each in self.documents.documents.values()
                    ],
                    draft=draft,
                )
            ref = f"{self._uri(document)}#{quote(pointer, safe='/~')}"
            validator = (
                jsonschema_rs.Draft202012Validator
                if self.is_31
                else jsonschema_rs.Draft4Validator
            )
            return validator(
                {"$ref": ref},
                registry=self._defaults,
                validate_formats=True,
                formats=_formats(self.is_31),
            )
        except (
            jsonschema_rs.ValidationError,
            jsonschema_rs.ReferencingError,
            ValueError,
        ):
            return None

    # --- helpers ----------------------------------------------------------------------

    def _resolved(
        self, value: Any, document: Document, pointer: str
    ) -> tuple[Any, Document, str]:
        """`value` with its `$ref` chain followed, or _UNRESOLVED."""
        try:
            return self.documents.follow(value, document, pointer)
        except (InputError, KeyError, ValueError, OSError, TypeError, IndexError):
            return _UNRESOLVED, document, pointer

    def _here(self, document: Document, pointer: str, site: str) -> str:
        """A place in the root document: `pointer` there, else where the walk left it."""
        return pointer if document is self.root_document else site

    @staticmethod
    def _uri(document: Document) -> str:
        return document.path.resolve().as_uri()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _hashable(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool))


def _fits(value: Any, integer_format: str) -> bool:
    bits = _INTEGER_BITS[integer_format]
    if isinstance(value, bool) or not isinstance(value, int):
        return True
    return -(1 << bits - 1) <= value < 1 << bits - 1


_INTEGER_BITS = {"int32": 32, "int64": 64}

# Formats JSON Schema defined after draft 4, which jsonschema-rs leaves unchecked in a
# draft 4 schema (OpenAPI 3.0's) but the library checks in a default: checked here as in
# 2020-12, and a default found wrong goes to the library for its verdict and words.
_LATER_FORMATS = (
    *("uuid", "date", "time", "duration", "regex", "idn-hostname", "idn-email"),
    *("iri", "iri-reference", "uri-reference", "uri-template", "json-pointer"),
    "relative-json-pointer",
)


def _later_format(name: str) -> Any:
    check = jsonschema_rs.Draft202012Validator({"format": name}, validate_formats=True)
    return check.is_valid


@cache
def _formats(is_31: bool) -> dict[str, Any]:
    return {} if is_31 else {name: _later_format(name) for name in _LATER_FORMATS}


def _library_meta_errors(schema: Any, dialect: str, here: str) -> list[Finding]:
    """The library's finding for a schema of a dialect jsonschema-rs is not given."""
    from jsonschema.exceptions import SchemaError  # type: ignore[import-untyped]
    from jsonschema.validators import validator_for  # type: ignore[import-untyped]
    from openapi_schema_validator import oas31_format_checker

    validator = validator_for({"$schema": dialect}, default=None)
    if validator is None:
        return [(here, f"Unknown JSON Schema dialect: {dialect!r}")]
    try:
        validator.check_schema(schema, format_checker=oas31_format_checker)
    except SchemaError as error:
        return [(join_pointer(here, *error.path), error.message)]
    return []


def _library_registry(documents: DocumentSet, is_31: bool) -> Any:
    """Every loaded document, for the library's `$ref` resolution."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4, DRAFT202012

    specification = DRAFT202012 if is_31 else DRAFT4
    return Registry().with_resources(
        (
            each.path.resolve().as_uri(),
            Resource.from_contents(each.data, default_specification=specification),
        )
        for each in documents.documents.values()
    )


def _library_default_errors(
    schema: dict[str, Any], default: Any, is_31: bool, resolver: Any
) -> Iterator[str]:
    """The library's messages for a default jsonschema-rs rejects (or could not check)."""
    from openapi_schema_validator import (
        OAS30Validator,
        OAS31Validator,
        oas30_format_checker,
        oas31_format_checker,
    )

    validator = (
        OAS31Validator(schema, _resolver=resolver, format_checker=oas31_format_checker)
        if is_31
        else OAS30Validator(
            schema, _resolver=resolver, format_checker=oas30_format_checker
        )
    )
    for error in validator.iter_errors(default):
        yield error.message
