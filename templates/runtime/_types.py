"""Types shared by the clients, the resources and the models."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeAlias, cast

import httpx

__all__ = ["NOT_GIVEN", "NotGiven"]


class NotGiven:
    """An argument the caller left out: it is not sent at all, unlike None, which is sent as null."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout: TypeAlias = float | httpx.Timeout | None


def as_mapping(value: object) -> Mapping[str, object] | None:
    """`value` as a JSON object when it is a mapping: what type checkers cannot infer
    from an `isinstance` on data parsed from JSON."""
    return cast("Mapping[str, object]", value) if isinstance(value, Mapping) else None


def as_list(value: object, *, tuples: bool = True) -> list[object] | None:
    """`value` as a JSON array (a list, or a tuple unless `tuples` is false), else None."""
    if isinstance(value, list) or (tuples and isinstance(value, tuple)):
        return list(cast("list[object] | tuple[object, ...]", value))
    return None
