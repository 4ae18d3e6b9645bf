"""Models of the chat_completion_response family."""

from __future__ import annotations

from typing import List, Literal

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "ChatCompletionResponseChoicesItemMessageToolCallsItemFunction",
    "ChatCompletionResponseChoicesItemMessageToolCallsItem",
    "ChatCompletionResponseChoicesItemMessage",
    "ChatCompletionResponseChoicesItem",
    "ChatCompletionResponseUsage",
    "ChatCompletionResponse",
]


class ChatCompletionResponseChoicesItemMessageToolCallsItemFunction(BaseModel):
    """ChatCompletionResponseChoicesItemMessageToolCallsItemFunction"""

    name: str | None = None

    arguments: str | None = None
    """JSON string of function arguments"""


class ChatCompletionResponseChoicesItemMessageToolCallsItem(BaseModel):
    """ChatCompletionResponseChoicesItemMessageToolCallsItem"""

    id_: str | None = Field(default=None, alias="id")

    type_: Literal["function"] | str | None = Field(default=None, alias="type")

    function: ChatCompletionResponseChoicesItemMessageToolCallsItemFunction | None = (
        None
    )


class ChatCompletionResponseChoicesItemMessage(BaseModel):
    """ChatCompletionResponseChoicesItemMessage"""

    role: Literal["assistant"] | str | None = None

    content: str | None = None
    """The assistant's message content"""

    tool_calls: List[ChatCompletionResponseChoicesItemMessageToolCallsItem] | None = (
        None
    )
    """Tool calls made by the model"""

    reasoning_content: str | None = None
    """Reasoning process (returned only when thinking mode is enabled)"""


class ChatCompletionResponseChoicesItem(BaseModel):
    """ChatCompletionResponseChoicesItem"""

    index: int | None = None

    message: ChatCompletionResponseChoicesItemMessage | None = None

    finish_reason: Literal["stop", "length", "tool_calls"] | str | None = None


class ChatCompletionResponseUsage(BaseModel):
    """ChatCompletionResponseUsage"""

    prompt_tokens: int | None = None
    """Number of tokens in the prompt"""

    completion_tokens: int | None = None
    """Number of tokens in the completion"""

    total_tokens: int | None = None
    """Total number of tokens used"""

    cached_tokens: int | None = None
    """Number of tokens served from cache"""


class ChatCompletionResponse(BaseModel):
    """ChatCompletionResponse"""

    id_: str | None = Field(default=None, alias="id")
    """Unique identifier for the completion"""

    object_: str | None = Field(default=None, alias="object")
    """Object type"""

    created: int | None = None
    """Unix timestamp of when the completion was created"""

    model: str | None = None
    """Model used for the completion"""

    choices: List[ChatCompletionResponseChoicesItem] | None = None
    """List of completion choices"""

    usage: ChatCompletionResponseUsage | None = None
