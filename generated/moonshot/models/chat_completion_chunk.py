"""Models of the chat_completion_chunk family."""

from __future__ import annotations

from .._models import BaseModel
from .choice_delta import ChoiceDelta

__all__ = ["ChatCompletionChunk", "ChatCompletionChunkUsage"]


class ChatCompletionChunkUsage(BaseModel):
    """Token usage statistics. Object in the final chunk with usage, null in ordinary chunks"""

    prompt_tokens: int | None = None
    """Number of tokens in the prompt"""

    completion_tokens: int | None = None
    """Number of tokens in the completion"""

    total_tokens: int | None = None
    """Total number of tokens used"""

    cached_tokens: int | None = None
    """Number of tokens served from cache"""


class ChatCompletionChunk(BaseModel):
    id: str | None = None
    """Unique identifier for the completion"""

    object: str | None = None
    """Object type"""

    created: int | None = None
    """Unix timestamp of when the completion was created"""

    model: str | None = None
    """Model used for the completion"""

    choices: list[ChoiceDelta] | None = None
    """List of completion choices"""

    usage: ChatCompletionChunkUsage | None = None
    """Token usage statistics. Object in the final chunk with usage, null in ordinary chunks"""
