"""Types shared by the clients, the resources and the models."""

from __future__ import annotations

from typing import Literal, TypeAlias

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
