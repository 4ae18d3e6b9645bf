"""Models of the message family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel

__all__ = [
    "Message",
    "MessageContentArrayItemImageUrl",
    "MessageContentArrayItemImageUrlImageUrlObject",
    "MessageContentArrayItemText",
    "MessageContentArrayItemVideoUrl",
    "MessageContentArrayItemVideoUrlVideoUrlObject",
]


class MessageContentArrayItemText(BaseModel):
    """text"""

    type: Literal["text"] | str

    text: str


class MessageContentArrayItemImageUrlImageUrlObject(BaseModel):
    url: str


class MessageContentArrayItemImageUrl(BaseModel):
    """image_url"""

    type: Literal["image_url"] | str

    image_url: MessageContentArrayItemImageUrlImageUrlObject | str


class MessageContentArrayItemVideoUrlVideoUrlObject(BaseModel):
    url: str


class MessageContentArrayItemVideoUrl(BaseModel):
    """video_url"""

    type: Literal["video_url"] | str

    video_url: MessageContentArrayItemVideoUrlVideoUrlObject | str


class Message(BaseModel):
    role: Literal["system", "user", "assistant", "tool"] | str
    """The role of the message sender. Supports system, user, assistant, tool."""

    content: (
        str
        | list[
            MessageContentArrayItemText
            | MessageContentArrayItemImageUrl
            | MessageContentArrayItemVideoUrl
        ]
    )
    """The content of the message. Can be a plain text string, or an array of objects with text/image_url/video_url types (for multimodal input)"""

    name: str | None = None
    """Optional name for the message sender"""

    partial: bool | None = False
    """Enable Partial Mode by setting this to true in the last assistant message"""
