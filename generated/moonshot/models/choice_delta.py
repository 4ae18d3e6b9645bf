"""Models of the choice_delta family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = [
    "ChoiceDelta",
    "ChoiceDeltaDelta",
    "ChoiceDeltaDeltaToolCallsItem",
    "ChoiceDeltaDeltaToolCallsItemFunction",
    "ChoiceDeltaUsage",
]


class ChoiceDeltaDeltaToolCallsItemFunction(BaseModel):
    name: str | None = None

    arguments: str | None = None
    """JSON string of function arguments"""


class ChoiceDeltaDeltaToolCallsItem(BaseModel):
    id: str | None = None

    type: Literal["function"] | str | None = None

    function: ChoiceDeltaDeltaToolCallsItemFunction | None = None


class ChoiceDeltaDelta(BaseModel):
    """Incremental content object"""

    role: str | None = None
    """Message role (only present in the first chunk)"""

    content: str | None = None
    """Message content fragment"""

    tool_calls: list[ChoiceDeltaDeltaToolCallsItem] | None = None
    """Tool calls initiated by the model"""


class ChoiceDeltaUsage(BaseModel):
    """Token usage statistics (optional)"""

    prompt_tokens: int | None = None
    """Number of tokens in the prompt"""

    completion_tokens: int | None = None
    """Number of tokens in the completion"""

    total_tokens: int | None = None
    """Total number of tokens used"""


class ChoiceDelta(BaseModel):
    index: int | None = None
    """Choice index"""

    delta: ChoiceDeltaDelta | None = None
    """Incremental content object"""

    finish_reason: Literal["stop", "length", "tool_calls"] | str | None = None
    """Stop reason, only present in the final chunk"""

    usage: ChoiceDeltaUsage | None = None
    """Token usage statistics (optional)"""
