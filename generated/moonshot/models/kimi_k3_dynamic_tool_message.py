"""Models of the kimi_k3_dynamic_tool_message family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .tool_definition import ToolDefinition

__all__ = ["KimiK3DynamicToolMessage"]


class KimiK3DynamicToolMessage(BaseModel):
    """A Kimi K3 dynamic tool loading message. This message must use the system role, declares tools available to subsequent conversation turns from its position, and does not include a content field."""

    role: Literal["system"] | str
    """The role of a dynamic tool loading message. Always system."""

    tools: list[ToolDefinition]
    """Tools available for the model to call from this message onward"""
