"""How values go on the wire: JSON bodies, and path, query, header, cookie and form values
in their OpenAPI styles."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

import pydantic

from ._types import NotGiven, as_list, as_mapping

__all__: list[str] = []

DEFAULT_STYLES: dict[str, tuple[str, bool]] = {
    "path": ("simple", False),
    "query": ("form", True),
    "header": ("simple", False),
    "cookie": ("form", True),
}
"""(style, explode) of a parameter by where it goes, as OpenAPI defines them; the generator
reads this table and passes a parameter's style only where it differs. A `form` cookie is
written as a `simple` value is."""


def jsonable(value: Any) -> Any:
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    mapping = as_mapping(value)
    if mapping is not None:
        return {
            key: jsonable(item)
            for key, item in mapping.items()
            if not isinstance(item, NotGiven)
        }
    items = as_list(value)
    if items is not None:
        return [jsonable(item) for item in items]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def given(values: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        key: value
        for key, value in (values or {}).items()
        if not isinstance(value, NotGiven)
    }


def text_value(value: Any) -> str:
    """How a query, header or form value is written: JSON spelling for booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pydantic.BaseModel):
        return json.dumps(jsonable(value))
    return str(value)


def path_segment(text: str) -> str:
    return quote(text, safe="")


def _pairs(value: Any) -> list[tuple[str, str]]:
    """An object parameter (a dict or a model) as key and text pairs, unset keys left out."""
    data = jsonable(value) if isinstance(value, pydantic.BaseModel) else value
    return [
        (str(key), text_value(item)) for key, item in data.items() if item is not None
    ]


def _members(value: Any, explode: bool, encode: Callable[[str], str]) -> list[str]:
    """An array's items, or an object's `key=value` (exploded) or `key`, `value` entries."""
    if isinstance(value, (Mapping, pydantic.BaseModel)):
        pairs = [(encode(k), encode(v)) for k, v in _pairs(value)]
        return (
            [f"{k}={v}" for k, v in pairs]
            if explode
            else [part for pair in pairs for part in pair]
        )
    items = as_list(value)
    if items is not None:
        return [encode(text_value(item)) for item in items]
    return [encode(text_value(value))]


def simple_value(
    name: str, value: Any, style: tuple[str, bool], encode: Callable[[str], str]
) -> str:
    """A path, header or cookie value in its OpenAPI style: simple, label or matrix."""
    kind, explode = style
    if kind == "content":
        return encode(json.dumps(jsonable(value)))
    members = _members(value, explode, encode)
    if kind == "label":
        return "." + ("." if explode else ",").join(members)
    if kind == "matrix":
        if explode and isinstance(value, (list, tuple)):
            return "".join(f";{name}={member}" for member in members)
        if explode and isinstance(value, (Mapping, pydantic.BaseModel)):
            return "".join(f";{member}" for member in members)
        return f";{name}=" + ",".join(members)
    return ",".join(members)


_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def query_items(
    query: Mapping[str, Any], styles: Mapping[str, tuple[str, bool]]
) -> list[tuple[str, str | int | float | bool | None]]:
    """Query parameters in their OpenAPI style; by default form and exploded."""
    items: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in query.items():
        if value is None:
            continue
        kind, explode = styles.get(key, DEFAULT_STYLES["query"])
        if kind == "content":
            items.append((key, json.dumps(jsonable(value))))
        elif isinstance(value, (Mapping, pydantic.BaseModel)):
            if kind == "deepObject":
                items += [(f"{key}[{k}]", v) for k, v in _pairs(value)]
            elif explode:
                items += _pairs(value)
            else:
                items.append((key, ",".join(_members(value, False, str))))
        elif isinstance(value, (list, tuple)) and not explode:
            items.append(
                (key, _DELIMITERS.get(kind, ",").join(_members(value, False, str)))
            )
        else:
            items += [(key, member) for member in _members(value, explode, str)]
    return items
