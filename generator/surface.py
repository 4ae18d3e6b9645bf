"""The API surface a generated package offers its users, as data: what `sdkforge diff` and
the change report compare, and what the manifest keeps so that the next run can say what
changed without the old spec.

It is the level users program against, not the spec's JSON: each operation by its call
path (`batches.create`), its keyword arguments, what it returns and its error statuses;
each model by its class name, its fields, and whether requests, responses or both use it
(what decides whether a change breaks callers); each enum's values and whether it is open
(`Literal[...] | str`, accepting values it does not know).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .ir import (
    AliasType,
    AnyType,
    Api,
    EnumType,
    FileType,
    ListType,
    LiteralType,
    MapType,
    ModelArgument,
    Nullable,
    ObjectType,
    Operation,
    Primitive,
    Ref,
    SequenceArgument,
    TypeExpr,
    UnionType,
    enum_values,
)

Surface = dict[str, Any]
"""`{"operations": {call: ...}, "models": {name: ...}}`, JSON-ready, keys sorted."""


def surface(api: Api) -> Surface:
    definitions = {d.name: d for module in api.modules for d in module.definitions}
    operations = {}
    requests: set[str] = set()
    responses: set[str] = set()
    for resource, operation in api.operations():
        call = ".".join((*resource, operation.name))
        operations[call] = _operation(operation)
        requests.update(_request_types(operation))
        responses.update(_response_types(operation))
    request_models = _closure(requests, definitions)
    response_models = _closure(responses, definitions)
    models = {}
    for name, definition in sorted(definitions.items()):
        uses = [
            use
            for use, models_used in (
                ("request", request_models),
                ("response", response_models),
            )
            if name in models_used
        ]
        if isinstance(definition, ObjectType):
            entry: dict[str, Any] = {
                "fields": {
                    field.wire_name: _slot(field.type, field.required, field.default)
                    for field in definition.fields
                }
            }
        else:
            entry = _slot(definition.target, True, None)
        models[name] = {**entry, "uses": uses}
    return {"operations": dict(sorted(operations.items())), "models": models}


def _operation(operation: Operation) -> dict[str, Any]:
    arguments = {
        parameter.name: {
            **_slot(parameter.type, parameter.required, None),
            "in": parameter.location,
        }
        for parameter in operation.parameters
    }
    body = operation.body
    if body is not None and body.fields is not None:
        for field in body.fields:
            slot = _slot(field.type, field.required, field.default)
            arguments[field.name] = {**slot, "in": "body"}
    elif body is not None:
        slot = _slot(body.type or AnyType(), body.required, None)
        arguments["body"] = {**slot, "in": "body"}
    response = operation.response
    returns = (
        type_shape(response.type)
        if response.kind == "json" and response.type is not None
        else response.kind
    )
    return {
        "request": f"{operation.method.upper()} {operation.path}",
        "arguments": dict(sorted(arguments.items())),
        "returns": returns,
        "errors": sorted(error.status for error in operation.errors),
        "deprecated": operation.deprecated,
    }


def _slot(type_: TypeExpr, required: bool, default: object) -> dict[str, Any]:
    """A field's or argument's type, enum values apart (so that a new value is not a new
    type), and whether a caller may leave it out / a response may hold None."""
    nullable = isinstance(type_, Nullable)
    values, is_open = enum_values(type_)
    slot: dict[str, Any] = {
        "type": type_shape(type_.inner if isinstance(type_, Nullable) else type_),
        "optional": not required or nullable,
    }
    if values:
        slot["values"] = values
        slot["open"] = is_open
    if default is not None:
        slot["default"] = default
    return slot


def type_shape(type_: TypeExpr) -> str:
    """A type as a Python annotation, with every enum's values left out."""
    if isinstance(type_, Primitive):
        return type_.name
    if isinstance(type_, AnyType):
        return "Any"
    if isinstance(type_, FileType):
        return "file"
    if isinstance(type_, Ref):
        return type_.name
    # The model, or a mapping of it: still the model.
    if isinstance(type_, ModelArgument):
        return type_.model.name
    if isinstance(type_, SequenceArgument):
        return f"list[{type_shape(type_.item)}]"
    if isinstance(type_, LiteralType):
        return "Literal"
    if isinstance(type_, EnumType):
        return f"Literal | {type_.fallback.name}"
    if isinstance(type_, ListType):
        return f"list[{type_shape(type_.item)}]"
    if isinstance(type_, MapType):
        return f"dict[str, {type_shape(type_.value)}]"
    if isinstance(type_, UnionType):
        return " | ".join(dict.fromkeys(type_shape(v) for v in type_.variants))
    if isinstance(type_, Nullable):
        return f"{type_shape(type_.inner)} | None"
    raise TypeError(f"no shape for {type_!r}")  # a new TypeExpr: a bug here


def _request_types(operation: Operation) -> Iterator[str]:
    for parameter in operation.parameters:
        yield from parameter.type.model_names()
    body = operation.body
    if body is not None:
        for field in body.fields or ():
            yield from field.type.model_names()
        if body.type is not None:
            yield from body.type.model_names()


def _response_types(operation: Operation) -> Iterator[str]:
    if operation.response.type is not None:
        yield from operation.response.type.model_names()
    for error in operation.errors:
        if error.type is not None:
            yield from error.type.model_names()
    if operation.stream_event is not None:
        yield from operation.stream_event.model_names()


def _closure(
    names: Iterable[str], definitions: dict[str, ObjectType | AliasType]
) -> set[str]:
    """The models `names` are, and every model they refer to, however deep."""
    found: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in found or name not in definitions:
            continue
        found.add(name)
        pending.extend(definitions[name].model_names())
    return found
