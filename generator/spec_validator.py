"""openapi-spec-validator, set up to be as fast as it allows.

Its own Rust backend (jsonschema-rs, installed with sdkforge) validates the document; the
meta-schema check of each schema, for which the library builds a Python validator per
schema (80% of validating OpenAI's spec), is compiled once in jsonschema-rs; the schemas it
has visited are looked up in a set. The findings and their messages stay the library's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import jsonschema_rs
from jsonschema.exceptions import (  # type: ignore[import-untyped]
    SchemaError,
    ValidationError,
)
from openapi_schema_validator import OAS30Validator
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SCHEMAS
from openapi_spec_validator import (
    OpenAPIV2SpecValidator,
    OpenAPIV30SpecValidator,
    OpenAPIV31SpecValidator,
)
from openapi_spec_validator.validation.keywords import (
    OpenAPIV30SchemaValidator,
    OpenAPIV31SchemaValidator,
)


@cache
def _compiled_dialect(dialect: str) -> Any:
    """A jsonschema-rs validator of the OpenAPI dialect `dialect`'s meta-schema, or None."""
    resources = [
        (uri, OPENAPI_SCHEMAS.contents(uri))
        for uri in OPENAPI_SCHEMAS
        if uri.startswith("https://spec.openapis.org/")
    ]
    if dialect not in dict(resources):
        return None
    return jsonschema_rs.validator_for(
        OPENAPI_SCHEMAS.contents(dialect),
        registry=jsonschema_rs.Registry(resources),
        validate_formats=True,
    )


class _IdList(list[int]):
    """The library records the ids of the schemas it has visited in lists, then asks `in`
    of them at every schema: quadratic on big specs. The same list, with a set's `in`."""

    def __init__(self) -> None:
        super().__init__()
        self._ids: set[int] = set()

    def append(self, item: int) -> None:
        super().append(item)
        self._ids.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._ids


@cache
def _compiled(meta_schema_id: str) -> Any:
    """A jsonschema-rs validator of a meta-schema the library knows, or None."""
    if meta_schema_id == OAS30Validator.META_SCHEMA.get("id"):
        return jsonschema_rs.validator_for(
            OAS30Validator.META_SCHEMA, validate_formats=True
        )
    return _compiled_dialect(meta_schema_id)


class _FastSchemaChecks:
    """openapi-spec-validator's schema checks, with the meta-schema check of each schema
    compiled once in jsonschema-rs: the library builds a Python validator per schema, which
    was 80% of validating OpenAI's spec. A schema the fast check rejects goes through the
    library's own check, so the finding and its message are the library's, located at the
    schema's place in the document rather than at the schema's root."""

    visited_schema_ids: list[int] | None
    meta_checked_schema_ids: list[int] | None

    def __init__(self, registry: Any) -> None:
        super().__init__(registry)  # type: ignore[call-arg]
        self.visited_schema_ids = _IdList()
        self.meta_checked_schema_ids = _IdList()

    def _meta_schema_id(self, schema: Any, schema_value: Any) -> str:
        raise NotImplementedError

    def _get_schema_checker(
        self, schema: Any, schema_value: Any
    ) -> Callable[[Any], None]:
        library_check: Callable[[Any], None] = super()._get_schema_checker(  # type: ignore[misc]
            schema, schema_value
        )
        fast = _compiled(self._meta_schema_id(schema, schema_value))
        if fast is None:
            return library_check

        def check(value: Any) -> None:
            if fast.is_valid(value):
                return
            try:
                library_check(value)
            except (SchemaError, ValidationError) as error:
                # The library reports where in the schema; the document pointer is wanted.
                error.path.extendleft(reversed(schema.parts))
                raise

        return check


class _SchemaValidator30(_FastSchemaChecks, OpenAPIV30SchemaValidator):
    def _meta_schema_id(self, schema: Any, schema_value: Any) -> str:
        return str(OAS30Validator.META_SCHEMA.get("id"))


class _SchemaValidator31(_FastSchemaChecks, OpenAPIV31SchemaValidator):
    def _meta_schema_id(self, schema: Any, schema_value: Any) -> str:
        return str(self._get_schema_dialect_id(schema, schema_value))


class _SpecValidator31(OpenAPIV31SpecValidator):
    keyword_validators = {  # noqa: RUF012 - the library's own attribute, a dict there
        **OpenAPIV31SpecValidator.keyword_validators,
        "schema": _SchemaValidator31,
    }


class _SpecValidator30(OpenAPIV30SpecValidator):
    keyword_validators = {  # noqa: RUF012 - the library's own attribute, a dict there
        **OpenAPIV30SpecValidator.keyword_validators,
        "schema": _SchemaValidator30,
    }


class _SpecValidator20(OpenAPIV2SpecValidator):
    keyword_validators = {  # noqa: RUF012 - the library's own attribute, a dict there
        **OpenAPIV2SpecValidator.keyword_validators,
        "schema": _SchemaValidator30,
    }


def validator_class(spec: dict[str, Any]) -> type | None:
    version = str(spec.get("openapi", spec.get("swagger", "")))
    if version.startswith("3.1"):
        return _SpecValidator31
    if version.startswith("3.0"):
        return _SpecValidator30
    if version.startswith("2."):
        return _SpecValidator20
    return None
