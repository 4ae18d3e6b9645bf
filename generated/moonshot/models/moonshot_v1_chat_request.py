"""Models of the moonshot_v1_chat_request family."""

from __future__ import annotations

from typing import Literal

from .._models import BaseModel
from .chat_request_base import (
    ChatRequestBasePrediction,
    ChatRequestBaseResponseFormat,
    ChatRequestBaseStreamOptions,
    ChatRequestBaseToolChoiceFunction,
)
from .message import Message
from .tool_definition import ToolDefinition

__all__ = ["MoonshotV1ChatRequest"]


class MoonshotV1ChatRequest(BaseModel):
    """moonshot-v1"""

    logprobs: bool | None = False
    """Whether to return log probabilities of the output tokens. If true, the log probability of each output token is returned in the logprobs field of the response message."""

    top_logprobs: int | None = None
    """An integer between 0 and 20 specifying the number of most likely tokens to return at each token position, each with an associated log probability. logprobs must be set to true when this parameter is used."""

    prediction: ChatRequestBasePrediction | None = None
    """Configuration for a Predicted Output, which can greatly improve response times when large parts of the model response are known ahead of time (for example, regenerating a file with only minor changes)."""

    messages: list[Message]
    """A list of messages in the conversation so far. Each element has the format {"role": "user", "content": "Hello"}. role supports system, user, assistant, or tool. content must not be empty. The content field can be a string or an array[object] (for multimodal input)."""

    max_tokens: int | None = None
    """Deprecated, please refer to max_completion_tokens"""

    max_completion_tokens: int | None = None
    """The maximum number of tokens to generate for the chat completion. The default varies by model: for Kimi K3 it defaults to 131072 and can be set up to 1048576. If the result reaches the maximum number of tokens without ending, the finish reason will be "length"; otherwise, it will be "stop". This refers to the length of tokens you expect us to return, not the total length of input plus output. If input plus max_completion_tokens exceeds the model context window, the API returns invalid_request_error."""

    response_format: ChatRequestBaseResponseFormat | None = None
    """Controls the model output format. Default is {"type": "text"} for plain text output. Set to {"type": "json_object"} to enable JSON mode, ensuring output is a valid JSON object (you must guide the model to output JSON in the prompt). Set to {"type": "json_schema"} to enable Structured Output, constraining output to match a specified JSON Schema (recommended, requires the json_schema field). If you encounter schema validation issues, please submit feedback at walle GitHub Issues (https://github.com/MoonshotAI/walle/issues)."""

    stop: str | list[str] | None = None
    """Stop words, which will halt the output when a full match is found. The matched words themselves will not be output. A maximum of 5 strings is allowed, and each string must not exceed 32 bytes"""

    stream: bool | None = False
    """Whether to return the response in a streaming fashion. Default is false."""

    stream_options: ChatRequestBaseStreamOptions | None = None
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
        | ChatRequestBaseToolChoiceFunction
        | None
    ) = None
    """Controls whether the model calls tools. `auto` (default): the model decides whether to call tools; `none`: no tool calls; `required`: force a tool call; or pass an object specifying a particular function to force that tool call."""

    model: (
        Literal[
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

    temperature: float | None = 0.0
    """The sampling temperature to use, ranging from 0 to 1. A higher value (e.g., 0.7) will make the output more random, while a lower value (e.g., 0.2) will make it more focused and deterministic. Default is 0.0."""

    top_p: float | None = 1.0
    """Another sampling method, where the model considers the results of tokens with a cumulative probability mass of top_p. Thus, 0.1 means only considering the top 10% of tokens by probability mass. Generally, we suggest changing either this or the temperature, but not both at the same time. Default is 1.0."""

    n: int | None = 1
    """The number of results to generate for each input message. Default is 1, must not exceed 5. When the temperature is very close to 0, only 1 result can be returned."""

    presence_penalty: float | None = 0
    """Presence penalty, a number between -2.0 and 2.0. A positive value will penalize new tokens based on whether they appear in the text, increasing the likelihood of the model discussing new topics"""

    frequency_penalty: float | None = 0
    """Frequency penalty, a number between -2.0 and 2.0. A positive value will penalize new tokens based on their existing frequency in the text, reducing the likelihood of the model repeating the same phrases verbatim"""
