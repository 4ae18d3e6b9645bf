"""Models of the message family."""

from __future__ import annotations

from typing import List, Literal

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "MessageContentArrayItemText",
    "MessageContentArrayItemImageUrlImageUrlObject",
    "MessageContentArrayItemImageUrl",
    "MessageContentArrayItemVideoUrlVideoUrlObject",
    "MessageContentArrayItemVideoUrl",
    "Message",
]


class MessageContentArrayItemText(BaseModel):
    """text"""

    type_: Literal["text"] | str = Field(alias="type")

    text: str


class MessageContentArrayItemImageUrlImageUrlObject(BaseModel):
    """MessageContentArrayItemImageUrlImageUrlObject"""

    url: str


class MessageContentArrayItemImageUrl(BaseModel):
    """image_url"""

    type_: Literal["image_url"] | str = Field(alias="type")

    image_url: MessageContentArrayItemImageUrlImageUrlObject | str


class MessageContentArrayItemVideoUrlVideoUrlObject(BaseModel):
    """MessageContentArrayItemVideoUrlVideoUrlObject"""

    url: str


class MessageContentArrayItemVideoUrl(BaseModel):
    """video_url"""

    type_: Literal["video_url"] | str = Field(alias="type")

    video_url: MessageContentArrayItemVideoUrlVideoUrlObject | str


class Message(BaseModel):
    """Message"""

    role: Literal["system", "user", "assistant", "tool"] | str
    """The role of the message sender. Supports system, user, assistant, tool."""

    content: (
        str
        | List[
            MessageContentArrayItemText
            | MessageContentArrayItemImageUrl
            | MessageContentArrayItemVideoUrl
        ]
    )
    """The content of the message. Can be a plain text string, or an array of objects with text/image_url/video_url types (for multimodal input)"""

    name: str | None = None
    """Optional name for the message sender"""

    partial: bool | None = None
    """Enable Partial Mode by setting this to true in the last assistant message"""
