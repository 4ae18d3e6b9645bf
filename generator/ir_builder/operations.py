"""Path items to IR operations: parameters, request body, success and error responses."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from http import HTTPStatus
from typing import Any, NamedTuple, get_args

from ..bindings import reserved, runtime_constant
from ..config import Envelope
from ..diagnostics import Diagnostic, InputError, join_pointer
from ..examples import media_example
from ..ir import (
    AliasType,
    AnyType,
    Auth,
    Body,
    BodyEncoding,
    Definition,
    ErrorResponse,
    Field,
    ListType,
    ModelArgument,
    Nullable,
    ObjectType,
    Operation,
    Pagination,
    Parameter,
    ParameterLocation,
    ParameterStyle,
    Primitive,
    Ref,
    Response,
    SequenceArgument,
    TypeExpr,
    UnionType,
)
from ..load import Document
from ..naming import identifier, module_name, pascal, snake
from .schemas import SchemaBuilder, Site, is_object_schema

_CURSOR_PARAMETERS = ("after", "starting_after")
_ITEM_FIELDS = ("data", "items", "results")

_ERROR_STATUS = re.compile(r"^[45](?:\d\d|XX)$|^default$", re.IGNORECASE)


def is_json(content_type: str) -> bool:
    media = content_type.split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json") or media == "*/*"


class PathItem(NamedTuple):
    """A path item where it is defined: its `$ref`s are relative to its document."""

    value: dict[str, Any]
    document: Document
    pointer: str


class OperationBuilder:
    def __init__(
        self,
        schemas: SchemaBuilder,
        auth: Auth | None,
        envelope: Envelope | None = None,
    ) -> None:
        self.schemas = schemas
        self.documents = schemas.documents
        self.auth = auth
        self.envelope = envelope
        self._incomplete: list[str] = []
        """What the operation being built lacks in the spec (`Operation.incomplete`)."""

    def _sent_by_the_client(self, location: str, name: str) -> bool:
        """A parameter that is the API key the client sends itself (specs often declare
        both): one argument of the client, not also one of every method."""
        auth = self.auth
        if auth is None:
            return False
        if location == "header" and auth.kind in ("header", "bearer", "basic"):
            return name.lower() == auth.name.lower()
        return location == "query" == auth.kind and name == auth.name

    def deref(
        self, value: Any, document: Document, pointer: str
    ) -> tuple[Any, Document, str]:
        """Follow `$ref`s of parameter, body and response objects to their definition."""
        return self.documents.follow(value, document, pointer)

    def returns_list(
        self, operation: dict[str, Any], document: Document, pointer: str
    ) -> bool:
        """Whether the success response is a collection: an array, or an object with a `data` array."""
        _code, raw = self.success_response(operation, document, pointer)
        value, value_document, value_pointer = self.deref(raw, document, pointer)
        for content_type, media in ((value or {}).get("content") or {}).items():
            if is_json(content_type) and isinstance(media, dict):
                schema = self._schema(
                    media.get("schema"), value_document, value_pointer
                )
                if not isinstance(schema, dict):
                    return False
                if schema.get("type") == "array":
                    return True
                properties = schema.get("properties") or {}
                return any(
                    isinstance(
                        item := self._schema(
                            properties[key], value_document, value_pointer
                        ),
                        dict,
                    )
                    and item.get("type") == "array"
                    for key in ("data", "items", "results")
                    if key in properties
                )
        return False

    def _schema(self, value: Any, document: Document, pointer: str) -> Any:
        """The schema a `$ref` chain ends at; None for one that leads back to itself (the
        schema builder types it Any, with a warning)."""
        try:
            return self.deref(value, document, pointer)[0]
        except InputError:
            return None

    def success_response(
        self, operation: dict[str, Any], document: Document, pointer: str
    ) -> tuple[str | None, Any]:
        responses = operation.get("responses") or {}
        codes = sorted(code for code in responses if str(code).startswith("2"))
        code = codes[0] if codes else ("default" if "default" in responses else None)
        return code, responses.get(code) if code else None

    def build(
        self,
        name: str,
        base: str,
        method: str,
        path: str,
        path_item: PathItem,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
    ) -> Operation:
        """The operation of `path_item` at `pointer` of `document` (which differ from the
        path item's when the operation is a `$ref` to another file)."""
        self._incomplete = []
        parameters = self._parameters(
            path, path_item, operation, document, pointer, base
        )
        taken = {p.name for p in parameters}
        body = self._body(operation, document, pointer, base, taken)
        success_code, _ = self.success_response(operation, document, pointer)
        response = self._response(operation, document, pointer, base, success_code)
        errors = self._errors(operation, document, pointer, base, success_code)
        stream_event = None
        if response.kind == "json" and _body_has_stream_flag(body, parameters):
            # JSON or events, chosen by the body's `stream` flag: the method's own
            # `stream` argument sets the flag and picks the return type.
            stream_event = self._stream_event(
                operation, document, pointer, base, success_code
            )
        if stream_event is not None and body is not None and body.fields is not None:
            body = replace(
                body, fields=tuple(f for f in body.fields if f.wire_name != "stream")
            )
        return Operation(
            name=name,
            method=method,
            path=path,
            summary=stripped_text(operation.get("summary")),
            description=stripped_text(operation.get("description")),
            deprecated=operation.get("deprecated") is True,
            parameters=parameters,
            body=body,
            response=response,
            errors=errors,
            pagination=self._pagination(method, parameters, response),
            stream_event=stream_event,
            incomplete=tuple(self._incomplete),
        )

    def _stream_event(
        self,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
        base: str,
        code: str | None,
    ) -> TypeExpr | None:
        if code is None:
            return None
        raw = operation["responses"][code]
        value, response_document, response_pointer = self.deref(
            raw, document, join_pointer(pointer, "responses", code)
        )
        media = ((value or {}).get("content") or {}).get("text/event-stream")
        if not isinstance(media, dict):
            return None
        schema_pointer = join_pointer(
            response_pointer, "content", "text/event-stream", "schema"
        )
        return self.schemas.type_of(
            media.get("schema"),
            Site(response_document, schema_pointer, base + "Event", module_name(base)),
        )

    def _pagination(
        self, method: str, parameters: tuple[Parameter, ...], response: Response
    ) -> Pagination | None:
        """A GET with an `after` cursor whose response holds `data` and `has_more` or
        `last_id`; or, without a cursor, a GET whose response holds its items in `data`
        (one page, so that every list of the client is iterated the same way)."""
        cursors = [
            p.wire_name
            for p in parameters
            if p.location == "query" and p.wire_name in _CURSOR_PARAMETERS
        ]
        model = (
            self.schemas.definitions.get(response.type.name)
            if isinstance(response.type, Ref)
            else None
        )
        if method != "get" or not isinstance(model, ObjectType):
            return None
        fields = {f.wire_name: f for f in model.fields}
        if not cursors:
            whole = fields.get("data")
            if whole is None or not isinstance(whole.type, ListType):
                return None
            return Pagination(whole.name, None, None, None, whole.type.item)
        items = next(
            (
                fields[k]
                for k in _ITEM_FIELDS
                if k in fields and isinstance(fields[k].type, ListType)
            ),
            None,
        )
        has_more, last_id = fields.get("has_more"), fields.get("last_id")
        if items is None or not (has_more or last_id):
            return None
        assert isinstance(items.type, ListType)
        return Pagination(
            items=items.name,
            cursor_param=cursors[0],
            has_more=has_more.name if has_more else None,
            last_id=last_id.name if last_id else None,
            item=items.type.item,
        )

    # -- parameters ----------------------------------------------------------------

    def _parameters(
        self,
        path: str,
        path_item: PathItem,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
        base: str,
    ) -> tuple[Parameter, ...]:
        merged: dict[tuple[ParameterLocation, str], tuple[Any, Document, str]] = {}
        sources = (
            (path_item.value, path_item.document, path_item.pointer),
            (operation, document, pointer),
        )
        for source, source_document, source_pointer in sources:
            for index, raw in enumerate(source.get("parameters") or []):
                value, value_document, value_pointer = self.deref(
                    raw,
                    source_document,
                    join_pointer(source_pointer, "parameters", index),
                )
                if not isinstance(value, dict) or not isinstance(
                    value.get("name"), str
                ):
                    continue
                if value.get("in") not in get_args(ParameterLocation):
                    self._incomplete.append(
                        f"parameter {value['name']!r} left out: in {value.get('in')!r}"
                    )
                    places = ", ".join(get_args(ParameterLocation))
                    self.schemas.warn(
                        Diagnostic(
                            value_document.location(join_pointer(value_pointer, "in")),
                            f"parameter {value['name']!r} is in {value.get('in')!r}, "
                            f"not one of {places}: left out",
                        )
                    )
                elif not self._sent_by_the_client(value["in"], value["name"]):
                    merged[(value["in"], value["name"])] = (
                        value,
                        value_document,
                        value_pointer,
                    )
        parameters = []
        taken = set(reserved().argument)
        for (location, wire_name), (
            value,
            value_document,
            value_pointer,
        ) in merged.items():
            python_name = _parameter_name(wire_name, location)
            if python_name in taken:
                python_name = f"{python_name}_{location}"
            while python_name in taken:
                python_name += "_"
            taken.add(python_name)
            schema, schema_pointer = (
                value.get("schema"),
                join_pointer(value_pointer, "schema"),
            )
            style = _style(value, location)
            if (
                schema is None
                and isinstance(value.get("content"), dict)
                and value["content"]
            ):
                style = ("content", False)
                media = next(iter(value["content"]))
                schema = value["content"][media].get("schema")
                schema_pointer = join_pointer(value_pointer, "content", media, "schema")
            param_type = self.schemas.type_of(
                schema,
                Site(
                    value_document,
                    schema_pointer,
                    base + pascal(wire_name),
                    module_name(base),
                ),
            )
            parameters.append(
                Parameter(
                    name=python_name,
                    wire_name=wire_name,
                    location=location,
                    type=param_type,
                    required=location == "path" or value.get("required") is True,
                    description=stripped_text(value.get("description")),
                    style=style,
                )
            )
        # Path parameters first, in the order the URL template names them; an undeclared
        # one (validate reports it) is still a required string, or the URL cannot be built.
        template_names = re.findall(r"{([^}]+)}", path)
        for wire_name in template_names:
            if ("path", wire_name) not in merged:
                self._incomplete.append(
                    f"path parameter {{{wire_name}}} not declared: a string"
                )
                parameters.append(
                    Parameter(
                        _parameter_name(wire_name, "path"),
                        wire_name,
                        "path",
                        Primitive("str"),
                        True,
                    )
                )
        order = {name: index for index, name in enumerate(template_names)}
        return tuple(
            sorted(
                parameters,
                key=lambda p: (p.location != "path", order.get(p.wire_name, 0)),
            )
        )

    # -- request body --------------------------------------------------------------

    def _body(
        self,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
        base: str,
        taken: set[str],
    ) -> Body | None:
        raw = operation.get("requestBody")
        if raw is None:
            return None
        value, body_document, body_pointer = self.deref(
            raw, document, join_pointer(pointer, "requestBody")
        )
        content = value.get("content") if isinstance(value, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        content_type = _pick_content_type(content)
        encoding = _encoding(content_type)
        media = content[content_type] if isinstance(content[content_type], dict) else {}
        schema_pointer = join_pointer(body_pointer, "content", content_type, "schema")
        schema = media.get("schema")
        required = value.get("required") is True
        hint = base + "Params"
        if encoding in ("json", "multipart", "form"):
            resolved, schema_document, resolved_pointer = self.deref(
                schema, body_document, schema_pointer
            )
            if is_object_schema(resolved):
                fields = self.schemas.object_fields(
                    resolved,
                    Site(
                        schema_document,
                        resolved_pointer,
                        _params_hint(schema, hint),
                        module_name(base),
                        files=encoding == "multipart",
                    ),
                )
                renamed = tuple(_keyword_field(f, taken) for f in fields)
                return Body(content_type, encoding, required, renamed, None)
            body_type = self.schemas.type_of(
                schema,
                Site(
                    body_document,
                    schema_pointer,
                    hint,
                    module_name(base),
                    files=encoding == "multipart",
                ),
            )
            if isinstance(body_type, UnionType):
                # What the caller sends needs no decoding by tag: keep the signature plain.
                body_type = replace(body_type, tag_property=None, tags=())
                merged = self._merged_fields(body_type) if encoding == "json" else None
                if merged is not None:
                    renamed = tuple(_keyword_field(f, taken) for f in merged)
                    return Body(content_type, encoding, required, renamed, None)
        elif encoding == "text":
            body_type = Primitive("str")
        else:
            body_type = Primitive("bytes | BinaryIO")
        return Body(content_type, encoding, required, None, body_type)

    def _merged_fields(self, body_type: UnionType) -> tuple[Field, ...] | None:
        """A body that is one of several models (Moonshot's chat request, one per model
        family) as keyword arguments: every field of any of them, typed by what any
        takes, required when all require it. None unless every member is a model."""
        models = [
            self.schemas.definitions.get(v.name) if isinstance(v, Ref) else None
            for v in body_type.variants
        ]
        if not all(isinstance(model, ObjectType) for model in models):
            return None
        by_name: dict[str, list[Field]] = {}
        for model in models:
            assert isinstance(model, ObjectType)
            for field in model.fields:
                by_name.setdefault(field.wire_name, []).append(field)
        merged = []
        for group in by_name.values():
            types = tuple(dict.fromkeys(field.type for field in group))
            defaults = {field.default for field in group}
            merged.append(
                replace(
                    group[0],
                    type=_either(types),
                    required=len(group) == len(models)
                    and all(field.required for field in group),
                    default=group[0].default if len(defaults) == 1 else None,
                )
            )
        # What every request must say (`model`, `messages`) first, as in each model.
        return tuple(sorted(merged, key=lambda field: not field.required))

    # -- responses -----------------------------------------------------------------

    def _response(
        self,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
        base: str,
        code: str | None,
    ) -> Response:
        if code is None:
            return Response("empty", None)
        status = int(code) if str(code).isdigit() else 200
        raw = operation["responses"][code]
        value, response_document, response_pointer = self.deref(
            raw, document, join_pointer(pointer, "responses", code)
        )
        content = value.get("content") if isinstance(value, dict) else None
        if not isinstance(content, dict) or not content:
            return Response("empty", None, status=status)
        json_types = [c for c in content if is_json(c)]
        if json_types:
            media = content[json_types[0]] or {}
            schema_pointer = join_pointer(
                response_pointer, "content", json_types[0], "schema"
            )
            response_type = self.schemas.type_of(
                media.get("schema"),
                Site(
                    response_document,
                    schema_pointer,
                    base + "Response",
                    module_name(base),
                ),
            )
            example = media_example(media, self.documents, response_document)
            held = self._enveloped(response_type)
            decoded = held.type if held is not None else response_type
            return Response(
                "json",
                decoded,
                tuple(json_types),
                held.wire_name if held is not None else None,
                status,
                self._is_any(decoded),
                example,
            )
        return Response("bytes", None, tuple(content), status=status)

    def _is_any(self, type_: TypeExpr) -> bool:
        """Whether `type_` is Any, itself or through aliases of it."""
        seen: set[str] = set()
        while isinstance(type_, Ref) and type_.name not in seen:
            seen.add(type_.name)
            definition = self.schemas.definitions.get(type_.name)
            if not isinstance(definition, AliasType):
                return False
            type_ = definition.target
        return isinstance(type_, AnyType)

    def _enveloped(self, response_type: TypeExpr) -> Field | None:
        """The field holding the result when the response is the provider's envelope: a
        model with the envelope's data field and none but its other fields."""
        envelope = self.envelope
        model = (
            self.schemas.definitions.get(response_type.name)
            if isinstance(response_type, Ref)
            else None
        )
        if envelope is None or not isinstance(model, ObjectType):
            return None
        fields = {f.wire_name: f for f in model.fields}
        if envelope.data not in fields or set(fields) - {
            envelope.data,
            *envelope.around,
        }:
            return None
        return fields[envelope.data]

    def _errors(
        self,
        operation: dict[str, Any],
        document: Document,
        pointer: str,
        base: str,
        success: str | None,
    ) -> tuple[ErrorResponse, ...]:
        errors = []
        for code, raw in (operation.get("responses") or {}).items():
            code = str(code)
            if code == success or not _ERROR_STATUS.match(code):
                continue
            value, response_document, response_pointer = self.deref(
                raw, document, join_pointer(pointer, "responses", code)
            )
            content = value.get("content") if isinstance(value, dict) else None
            error_type: TypeExpr | None = None
            if isinstance(content, dict):
                for content_type, media in content.items():
                    if (
                        is_json(content_type)
                        and isinstance(media, dict)
                        and media.get("schema") is not None
                    ):
                        schema_pointer = join_pointer(
                            response_pointer, "content", content_type, "schema"
                        )
                        error_type = self.schemas.type_of(
                            media["schema"],
                            Site(
                                response_document,
                                schema_pointer,
                                base + _status_name(code),
                                module_name(base),
                            ),
                        )
                        break
            errors.append(
                ErrorResponse(code.upper() if code != "default" else code, error_type)
            )
        return tuple(errors)


def _status_name(code: str) -> str:
    """`NotFoundError` for 404, `ClientError` for 4XX: inline error models of one
    operation named apart by their status."""
    try:
        phrase = pascal(HTTPStatus(int(code)).phrase)
    except ValueError:
        phrase = {"4": "Client", "5": "Server"}.get(code[:1], "Default")
    return phrase if phrase.endswith("Error") else phrase + "Error"


def _body_has_stream_flag(body: Body | None, parameters: tuple[Parameter, ...]) -> bool:
    """A JSON body that can carry `stream` (a flattened field, or a whole-body model),
    and no parameter already called `stream`."""
    if (
        body is None
        or body.encoding != "json"
        or any(p.name == "stream" for p in parameters)
    ):
        return False
    return body.fields is None or any(f.wire_name == "stream" for f in body.fields)


def _either(types: tuple[TypeExpr, ...]) -> TypeExpr:
    """One type for a value that may be any of `types`: arrays as one array of either
    item (`list[A] | list[B]` makes type checkers refuse a list mixing both)."""
    if len(types) == 1:
        return types[0]
    if all(isinstance(t, ListType) for t in types):
        items = tuple(dict.fromkeys(t.item for t in types if isinstance(t, ListType)))
        return ListType(_either(items))
    return UnionType(types)


def taking_mappings(
    operation: Operation, definitions: Mapping[str, Definition]
) -> Operation:
    """The operation with a request body whose model arguments also take mappings
    (`metadata={"team": "search"}`), so that a dict literal type-checks."""
    body = operation.body
    if body is None or body.encoding not in ("json", "multipart", "form"):
        return operation
    if body.fields is not None:
        fields = tuple(
            replace(f, type=_taking_mappings(f.type, definitions)) for f in body.fields
        )
        return replace(operation, body=replace(body, fields=fields))
    if body.type is None:
        return operation
    return replace(
        operation, body=replace(body, type=_taking_mappings(body.type, definitions))
    )


def _taking_mappings(
    type_: TypeExpr, definitions: Mapping[str, Definition]
) -> TypeExpr:
    if isinstance(type_, Ref):
        if isinstance(definitions.get(type_.name), ObjectType):
            return ModelArgument(type_)
        return type_
    if isinstance(type_, ListType):
        item = _taking_mappings(type_.item, definitions)
        return type_ if item == type_.item else SequenceArgument(item)
    if isinstance(type_, Nullable):
        return Nullable(_taking_mappings(type_.inner, definitions))
    if isinstance(type_, UnionType) and type_.tag_property is None:
        variants = tuple(_taking_mappings(v, definitions) for v in type_.variants)
        return replace(type_, variants=variants)
    return type_


def stripped_text(value: Any) -> str | None:
    """A spec's text without its outer blanks; None where there is no text."""
    return value.strip() if isinstance(value, str) and value.strip() else None


# The styles OpenAPI allows in each location; the first is the location's default.
_STYLES: dict[str, tuple[ParameterStyle, ...]] = {
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "path": ("simple", "label", "matrix"),
    "header": ("simple",),
    "cookie": ("form",),
}


def _style(
    parameter: dict[str, Any], location: str
) -> tuple[ParameterStyle, bool] | None:
    """(style, explode) when the parameter asks for other than what the runtime sends by
    default (its `DEFAULT_STYLES`, OpenAPI's defaults)."""
    allowed = _STYLES[location]
    asked = parameter.get("style")
    style = next((s for s in allowed if s == asked), allowed[0])
    explode = parameter.get("explode")
    if not isinstance(explode, bool):
        explode = style == "form"
    default = tuple(runtime_constant("_encoding.py", "DEFAULT_STYLES")[location])
    return None if (style, explode) == default else (style, explode)


def _parameter_name(wire_name: str, location: str) -> str:
    # `X-On-Behalf-Of` reads as `on_behalf_of`; the `X-` prefix is a header convention.
    if location == "header" and wire_name.lower().startswith("x-"):
        wire_name = wire_name[2:]
    return identifier(snake(wire_name))


def _keyword_field(field: Field, taken: set[str]) -> Field:
    """Body fields become keyword arguments next to parameters: keep names distinct."""
    name = field.name
    if name in taken or name in reserved().argument:
        name = f"{name}_body"
    while name in taken:
        name += "_"
    taken.add(name)
    return Field(
        name,
        field.wire_name,
        field.type,
        field.required,
        field.description,
        field.default,
    )


def _params_hint(schema: Any, default: str) -> str:
    """Inline parts of a named body schema are named after that schema."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return pascal(schema["$ref"].rsplit("/", 1)[-1])
    return default


def _pick_content_type(content: dict[str, Any]) -> str:
    for wanted in ("json", "multipart", "form", "binary", "text"):
        for content_type in content:
            if _encoding(content_type) == wanted:
                return content_type
    return next(iter(content))


def _encoding(content_type: str) -> BodyEncoding:
    media = content_type.split(";")[0].strip().lower()
    if is_json(media):
        return "json"
    if media == "multipart/form-data" or media.startswith("multipart/"):
        return "multipart"
    if media == "application/x-www-form-urlencoded":
        return "form"
    if media.startswith("text/"):
        return "text"
    return "binary"
