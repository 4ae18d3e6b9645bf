"""Models of the tool_definition family."""

from __future__ import annotations

from typing import Any, Literal

from .._models import BaseModel

__all__ = ["ToolDefinition", "ToolDefinitionFunction"]


class ToolDefinitionFunction(BaseModel):
    name: str
    """Function name. Must follow the regex: ^[a-zA-Z_][a-zA-Z0-9-_]{0,255}$"""

    description: str | None = None
    """Description of what the function does"""

    parameters: dict[str, Any]
    """Function parameters as JSON Schema. Must conform to the [MFJS (Moonshot Flavored JSON Schema) specification](https://github.com/MoonshotAI/walle/blob/main/docs/mfjs-spec.md)."""

    strict: bool | None = True
    """Whether to strictly constrain tool call arguments according to the parameters schema. Defaults to true. When false, only guarantees the output is a valid JSON object without enforcing internal structure."""


class ToolDefinition(BaseModel):
    type: Literal["function"] | str

    function: ToolDefinitionFunction
