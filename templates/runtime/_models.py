"""The models' base class and response decoding: strict when asked, lenient otherwise."""

from __future__ import annotations

import functools
import json
import types
import typing
from typing import Any, Union

import httpx
import pydantic

from ._errors import APIResponseValidationError, MissingFieldError
from ._types import as_list, as_mapping

__all__: list[str] = []


class BaseModel(pydantic.BaseModel):
    """Base of every model: fields the spec does not know are kept, not dropped.

    A model's validator is built when it is first used, not when its module is imported:
    importing the models a resource names stays cheap (`defer_build`).
    """

    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True
    )

    _request_id: str | None = pydantic.PrivateAttr(default=None)
    """The id the API gave the request that returned this model (its request-id header),
    to quote when asking its support; None for a model built here."""

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data, keyed by the API's names, with only the fields it
        was given (what the server sent, for a parsed response)."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return self.model_dump_json(by_alias=True, exclude_unset=True, indent=indent)

    if not typing.TYPE_CHECKING:  # type checkers keep flagging unknown attributes

        def __getattr__(self, name: str) -> Any:
            # Reached only when the instance lacks `name`: a declared field the server
            # left out is named in the error, not a bare AttributeError.
            if name in type(self).model_fields:
                raise MissingFieldError(type(self).__name__, name)
            return super().__getattr__(name)


def tagged_by(tag_property: str, models: dict[str, str]) -> pydantic.Discriminator:
    """A union decoded by its tag: `models` maps each tag value to its member's name."""

    def member(value: Any) -> str | None:
        mapping = as_mapping(value)
        if mapping is not None:
            return models.get(str(mapping.get(tag_property)))
        return type(value).__name__

    return pydantic.Discriminator(member)


@functools.cache
def adapter(target: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(target)


def decode_json(response: httpx.Response, target: Any, *, strict: bool) -> Any:
    """Bytes to `target` in one call; a body that breaks the schema is kept as received.

    The fast path validates the raw bytes. Only when that fails, and strict validation
    was not asked for, is the JSON parsed and built leniently: every value that fits its
    declared type is typed, every other one is kept as the server sent it.
    """
    try:
        return adapter(target).validate_json(response.content)
    except pydantic.ValidationError as exc:
        try:
            data = json.loads(response.content)
        except ValueError:
            raise APIResponseValidationError(
                response, response.text, f"Response body is not valid JSON: {exc}"
            ) from exc
        if strict:
            raise APIResponseValidationError(
                response, data, f"Response does not match the spec: {exc}"
            ) from exc
        return construct(target, data)


def decode_enveloped(
    response: httpx.Response, target: Any, field: str, *, strict: bool
) -> Any:
    """`target` from the `field` of the provider's envelope (`{"code", "data", ...}`);
    an envelope that holds nothing is an error that quotes it."""
    try:
        data = json.loads(response.content)
    except ValueError as exc:
        raise APIResponseValidationError(
            response, response.text, f"Response body is not valid JSON: {exc}"
        ) from exc
    envelope = as_mapping(data)
    held = envelope.get(field) if envelope is not None else None
    if held is None:
        raise APIResponseValidationError(
            response, data, f"The response holds no {field!r}: {response.text[:200]}"
        )
    try:
        return adapter(target).validate_python(held)
    except pydantic.ValidationError as exc:
        if strict:
            raise APIResponseValidationError(
                response, data, f"Response does not match the spec: {exc}"
            ) from exc
        return construct(target, held)


def construct(target: Any, value: Any) -> Any:
    """`value` as `target` where it fits, as received where it does not."""
    try:
        return adapter(target).validate_python(value)
    except pydantic.ValidationError:
        pass
    origin = typing.get_origin(target)
    arguments = typing.get_args(target)
    mapping = as_mapping(value)
    items = as_list(value, tuples=False)  # a tuple is no JSON array
    if isinstance(target, type) and issubclass(target, pydantic.BaseModel):
        return _construct_model(target, dict(mapping)) if mapping is not None else value
    if origin is list and items is not None:
        item: Any = arguments[0] if arguments else Any
        elements: list[Any] = [construct(item, element) for element in items]
        return elements
    if origin is dict and mapping is not None:
        item = arguments[1] if len(arguments) == 2 else Any
        entries: dict[str, Any] = {
            key: construct(item, element) for key, element in mapping.items()
        }
        return entries
    if origin in (Union, types.UnionType):
        # An object as the first model member, else map; an array as the first list.
        models: list[Any] = [
            m
            for m in arguments
            if isinstance(m, type) and issubclass(m, pydantic.BaseModel)
        ]
        maps: list[Any] = [m for m in arguments if typing.get_origin(m) is dict]
        lists: list[Any] = [m for m in arguments if typing.get_origin(m) is list]
        shaped = models + maps if mapping is not None else lists
        if shaped and (mapping is not None or items is not None):
            return construct(shaped[0], value)
    return value


def _construct_model(model: type[pydantic.BaseModel], data: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    known: set[str] = set()
    for name, field in model.model_fields.items():
        key = field.alias or name
        known.add(key)
        if key in data:
            values[name] = construct(field.annotation, data[key])
    extra = {key: value for key, value in data.items() if key not in known}
    return model.model_construct(_fields_set=set(values), **values, **extra)
