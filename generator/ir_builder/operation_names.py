"""Where each operation lives on the client: `client.<resource>.<method>`.

Config overrides win. Otherwise the resource comes from the first tag, spelled as the path
segment it names (tag `Batch` on `/v1/batches` gives `batches`), or from the first path
segment; the method from REST conventions on the rest of the path (POST on the collection
is `create`, GET on an item `retrieve`, POST on `{id}/cancel` `cancel`), and from the
operationId or summary only where the path alone says nothing.
"""

from __future__ import annotations

import keyword
import re
from typing import Any

from ..config import ClientConfig, OperationName
from ..naming import identifier, plural, singular, snake, words

_VERSION = re.compile(r"^v\d+(?:[._]\d+)*(?:beta|alpha)?\d*$", re.IGNORECASE)


def _segments(path: str, prefix: str) -> list[tuple[str, bool]]:
    """(text, is_parameter) for each path segment after the prefix, versions dropped."""
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) :]
    result = []
    for segment in path.split("/"):
        if not segment or _VERSION.match(segment):
            continue
        result.append((segment, segment.startswith("{") and segment.endswith("}")))
    return result


def _matches(segment: str, resource: str) -> bool:
    return singular(snake(segment)) == singular(resource)


def _rest_method(method: str, rest: list[tuple[str, bool]], lists: bool) -> str | None:
    """The conventional name, or None when the remaining path has no conventional shape."""
    shape = tuple(is_param for _, is_param in rest)
    if shape == ():
        return {
            "get": "list" if lists else "retrieve",
            "post": "create",
            "put": "update",
            "patch": "update",
            "delete": "delete",
        }.get(method)
    if shape == (True,):
        return {
            "get": "retrieve",
            "put": "update",
            "patch": "update",
            "post": "update",
            "delete": "delete",
        }.get(method)
    if shape == (True, False):
        return snake(rest[1][0])
    return None


def _descriptive_method(
    operation: dict[str, Any],
    resource: str,
    method: str,
    rest: list[tuple[str, bool]],
    lists: bool,
) -> str:
    """A name from the operationId or the summary, the resource's own words left out."""
    resource_words = {resource, singular(resource), plural(singular(resource))}
    for source in (operation.get("operationId"), operation.get("summary")):
        if isinstance(source, str) and 0 < len(source.split()) <= 5:
            kept = [w for w in words(source) if w not in resource_words]
            if kept:
                return "_".join(kept)
    verb = _rest_method(method, [], lists) or method
    statics = [text for text, is_param in rest if not is_param]
    return f"{verb}_{snake(statics[-1])}" if statics else verb


def operation_name(
    config: ClientConfig,
    method: str,
    path: str,
    operation: dict[str, Any],
    lists: bool,
    unique_operation_id: bool,
) -> OperationName:
    override = config.operations.get(f"{method.upper()} {path}")
    if override:
        return override
    segments = _segments(path, config.path_prefix)
    tags = operation.get("tags")
    tag = (
        snake(tags[0])
        if isinstance(tags, list) and tags and isinstance(tags[0], str)
        else None
    )
    statics = [
        (index, text) for index, (text, is_param) in enumerate(segments) if not is_param
    ]
    resource, rest = tag, segments
    for index, text in statics:
        if tag is None or _matches(text, tag):
            resource, rest = snake(text), segments[index + 1 :]
            break
    resource = identifier(resource or "default")
    name = _rest_method(method, rest, lists)
    if name is None:
        candidate = dict(operation)
        if not unique_operation_id:
            candidate.pop("operationId", None)
        name = _descriptive_method(candidate, resource, method, rest, lists)
    # Methods may shadow builtins (`list`, `format`); keywords are escaped, and a
    # name from an operationId such as `4oD_Browse` gets a word in front of its digit.
    if name[:1].isdigit():
        name = "op_" + name
    return OperationName((resource,), name + "_" if keyword.iskeyword(name) else name)
