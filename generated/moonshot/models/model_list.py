"""Models of the model_list family."""

from __future__ import annotations

from typing import List

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "ModelListResponseDataItem",
    "ModelListResponse",
]


class ModelListResponseDataItem(BaseModel):
    """ModelListResponseDataItem"""

    id_: str | None = Field(default=None, alias="id")
    """Model ID"""

    object_: str | None = Field(default=None, alias="object")

    created: int | None = None
    """Creation timestamp"""

    owned_by: str | None = None

    context_length: int | None = None
    """Maximum context length (tokens)"""

    supports_image_in: bool | None = None
    """Whether the model supports image input"""

    supports_video_in: bool | None = None
    """Whether the model supports video input"""

    supports_reasoning: bool | None = None
    """Whether the model supports deep thinking"""


class ModelListResponse(BaseModel):
    """ModelListResponse"""

    object_: str | None = Field(default=None, alias="object")

    data: List[ModelListResponseDataItem] | None = None
