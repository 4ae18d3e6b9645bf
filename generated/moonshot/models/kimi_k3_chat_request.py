"""Models of the kimi_k3_chat_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .chat_request_common import (
    ChatRequestCommonPrediction,
    ChatRequestCommonResponseFormat,
    ChatRequestCommonStreamOptions,
    ChatRequestCommonToolChoiceFunction,
)
from .kimi_k3_message import KimiK3Message
from .tool_definition import ToolDefinition

__all__ = ["KimiK3ChatRequest"]


class KimiK3ChatRequest(BaseModel):
    """kimi-k3"""

    logprobs: bool | None = False
    """Whether to return log probabilities of the output tokens. If true, the log probability of each output token is returned in the logprobs field of the response message."""

    top_logprobs: int | None = None
    """An integer between 0 and 20 specifying the number of most likely tokens to return at each token position, each with an associated log probability. logprobs must be set to true when this parameter is used."""

    prediction: ChatRequestCommonPrediction | None = None
    """Configuration for a Predicted Output, which can greatly improve response times when large parts of the model response are known ahead of time (for example, regenerating a file with only minor changes)."""

    max_tokens: int | None = None
    """Deprecated, please refer to max_completion_tokens"""

    max_completion_tokens: int | None = None
    """The maximum number of tokens to generate for the chat completion. The default varies by model: for Kimi K3 it defaults to 131072 and can be set up to 1048576. If the result reaches the maximum number of tokens without ending, the finish reason will be "length"; otherwise, it will be "stop". This refers to the length of tokens you expect us to return, not the total length of input plus output. If input plus max_completion_tokens exceeds the model context window, the API returns invalid_request_error."""

    response_format: ChatRequestCommonResponseFormat | None = None
    """Controls the model output format. Default is {"type": "text"} for plain text output. Set to {"type": "json_object"} to enable JSON mode, ensuring output is a valid JSON object (you must guide the model to output JSON in the prompt). Set to {"type": "json_schema"} to enable Structured Output, constraining output to match a specified JSON Schema (recommended, requires the json_schema field). If you encounter schema validation issues, please submit feedback at walle GitHub Issues (https://github.com/MoonshotAI/walle/issues)."""

    stop: str | list[str] | None = None
    """Stop words, which will halt the output when a full match is found. The matched words themselves will not be output. A maximum of 5 strings is allowed, and each string must not exceed 32 bytes"""

    stream: bool | None = False
    """Whether to return the response in a streaming fashion. Default is false."""

    stream_options: ChatRequestCommonStreamOptions | None = None
    """Options for streaming responses"""

    tools: list[ToolDefinition] | None = None
    """A list of tools the model may call"""

    prompt_cache_key: str | None = None
    """Used to cache responses for similar requests to optimize cache hit rates. For Coding Agents, this is typically a session id or task id representing a single session; if the session is exited and later resumed, this value should remain the same. For Kimi Code Plan, this field is required to improve cache hit rates. For other agents involving multi-turn conversations, it is also recommended to implement this field"""

    safety_identifier: str | None = None
    """A stable identifier used to help detect users of your application that may be violating usage policies. The ID should be a string that uniquely identifies each user. It is recommended to hash the username or email address to avoid sending any identifying information"""

    tool_choice: (
        Literal["auto", "none", "required"]
        | str
        | ChatRequestCommonToolChoiceFunction
        | None
    ) = None
    """Controls whether the model calls tools. `auto` (default): the model decides whether to call tools; `none`: no tool calls; `required`: force a tool call; or pass an object specifying a particular function to force that tool call."""

    model: Literal["kimi-k3"] | str
    """Model ID"""

    messages: list[KimiK3Message]
    """A list of Kimi K3 conversation messages. In addition to standard messages, you can insert a {"role": "system", "tools": [...]} message at any conversation position to dynamically load tools. A dynamic tool message omits content and only affects subsequent conversation turns."""

    reasoning_effort: Literal["low", "high", "max"] | str | None = "max"
    """Kimi K3 always enables thinking with Preserved Thinking. Reasoning effort supports low, high, and max, with max as the default."""
