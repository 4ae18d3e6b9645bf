"""Models of the chat_completion_response family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = [
    "ChatCompletionResponse",
    "ChatCompletionResponseChoicesItem",
    "ChatCompletionResponseChoicesItemMessage",
    "ChatCompletionResponseChoicesItemMessageToolCallsItem",
    "ChatCompletionResponseChoicesItemMessageToolCallsItemFunction",
    "ChatCompletionResponseUsage",
]


class ChatCompletionResponseChoicesItemMessageToolCallsItemFunction(BaseModel):
    name: str | None = None

    arguments: str | None = None
    """JSON string of function arguments"""


class ChatCompletionResponseChoicesItemMessageToolCallsItem(BaseModel):
    id: str | None = None

    type: Literal["function"] | str | None = None

    function: ChatCompletionResponseChoicesItemMessageToolCallsItemFunction | None = (
        None
    )


class ChatCompletionResponseChoicesItemMessage(BaseModel):
    role: Literal["assistant"] | str | None = None

    content: str | None = None
    """The assistant's message content"""

    tool_calls: list[ChatCompletionResponseChoicesItemMessageToolCallsItem] | None = (
        None
    )
    """Tool calls made by the model"""

    reasoning_content: str | None = None
    """Reasoning process (returned only when thinking mode is enabled)"""


class ChatCompletionResponseChoicesItem(BaseModel):
    index: int | None = None

    message: ChatCompletionResponseChoicesItemMessage | None = None

    finish_reason: Literal["stop", "length", "tool_calls"] | str | None = None


class ChatCompletionResponseUsage(BaseModel):
    prompt_tokens: int | None = None
    """Number of tokens in the prompt"""

    completion_tokens: int | None = None
    """Number of tokens in the completion"""

    total_tokens: int | None = None
    """Total number of tokens used"""

    cached_tokens: int | None = None
    """Number of tokens served from cache"""


class ChatCompletionResponse(BaseModel):
    id: str | None = None
    """Unique identifier for the completion"""

    object: str | None = None
    """Object type"""

    created: int | None = None
    """Unix timestamp of when the completion was created"""

    model: str | None = None
    """Model used for the completion"""

    choices: list[ChatCompletionResponseChoicesItem] | None = None
    """List of completion choices"""

    usage: ChatCompletionResponseUsage | None = None
