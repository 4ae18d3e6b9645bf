"""Models of the model_list family."""

from __future__ import annotations

from .._models import BaseModel

__all__ = ["ModelListResponse", "ModelListResponseDataItem"]


class ModelListResponseDataItem(BaseModel):
    id: str | None = None
    """Model ID"""

    object: str | None = None

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
    object: str | None = None

    data: list[ModelListResponseDataItem] | None = None
