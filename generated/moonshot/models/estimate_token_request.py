"""Models of the estimate_token_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .message import Message

__all__ = ["EstimateTokenRequest"]


class EstimateTokenRequest(BaseModel):
    model: (
        Literal[
            "kimi-k3",
            "kimi-k2.7-code",
            "kimi-k2.7-code-highspeed",
            "kimi-k2.6",
            "kimi-k2.5",
            "moonshot-v1-8k",
            "moonshot-v1-32k",
            "moonshot-v1-128k",
            "moonshot-v1-auto",
            "moonshot-v1-8k-vision-preview",
            "moonshot-v1-32k-vision-preview",
            "moonshot-v1-128k-vision-preview",
        ]
        | str
    )
    """Model ID"""

    messages: list[Message]
    """A list of messages in the conversation so far. Each element has the format {"role": "user", "content": "Hello"}. role supports system, user, assistant, or tool. content must not be empty"""
