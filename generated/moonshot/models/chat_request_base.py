"""Models of the chat_request_base family."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .._models import BaseModel
from .message import Message
from .tool_definition import ToolDefinition

__all__ = [
    "ChatRequestBase",
    "ChatRequestBasePrediction",
    "ChatRequestBaseResponseFormat",
    "ChatRequestBaseResponseFormatJsonSchema",
    "ChatRequestBaseStreamOptions",
    "ChatRequestBaseToolChoiceFunction",
    "ChatRequestBaseToolChoiceFunctionFunction",
]


class ChatRequestBasePrediction(BaseModel):
    """Configuration for a Predicted Output, which can greatly improve response times when large parts of the model response are known ahead of time (for example, regenerating a file with only minor changes)."""

    type: Literal["content"] | str | None = None
    """The type of the predicted content. Currently only content is supported."""

    content: str | list[dict[str, Any]] | None = None
    """The static predicted output content that should be matched when generating the model response, such as the content of a text file being regenerated. Accepts a string or an array of content parts (text parts only)."""


class ChatRequestBaseResponseFormatJsonSchema(BaseModel):
    """Used when type is json_schema. Defines the JSON Schema that the output should conform to."""

    name: str
    """Schema name for identification"""

    strict: bool | None = True
    """Whether to strictly constrain output according to the schema. Defaults to true. When true, the schema must conform to the MFJS specification; non-conforming schemas will return errors or warnings. When false, only guarantees the output is a valid JSON object without enforcing internal structure."""

    schema_: dict[str, Any] = Field(alias="schema")
    """The JSON Schema object defining the structure the output should conform to. Must conform to MFJS (Moonshot Flavored JSON Schema) specification. You can use the walle CLI tool to validate: go install github.com/moonshotai/walle/cmd/walle@latest && walle -schema 'your_schema' -level strict"""


class ChatRequestBaseResponseFormat(BaseModel):
    """Controls the model output format. Default is {"type": "text"} for plain text output. Set to {"type": "json_object"} to enable JSON mode, ensuring output is a valid JSON object (you must guide the model to output JSON in the prompt). Set to {"type": "json_schema"} to enable Structured Output, constraining output to match a specified JSON Schema (recommended, requires the json_schema field). If you encounter schema validation issues, please submit feedback at walle GitHub Issues (https://github.com/MoonshotAI/walle/issues)."""

    type: Literal["text", "json_object", "json_schema"] | str | None = None
    """Output format type. text: default, plain text output; json_object: ensures output is a valid JSON object; json_schema: constrains output to match a specified JSON Schema (recommended, requires the json_schema field)"""

    json_schema: ChatRequestBaseResponseFormatJsonSchema | None = None
    """Used when type is json_schema. Defines the JSON Schema that the output should conform to."""


class ChatRequestBaseStreamOptions(BaseModel):
    """Options for streaming responses"""

    include_usage: bool | None = False
    """If set, an additional chunk will be streamed before the data: [DONE] message. The usage field on this chunk shows the token usage statistics for the entire request, and the choices field will always be an empty array. All other chunks will also include a usage field, but with a null value. NOTE: If the stream is interrupted, you may not receive the final usage chunk which contains the total token usage for the request"""


class ChatRequestBaseToolChoiceFunctionFunction(BaseModel):
    name: str
    """The name of the function to call"""


class ChatRequestBaseToolChoiceFunction(BaseModel):
    """Force a specific tool call"""

    type: Literal["function"] | str

    function: ChatRequestBaseToolChoiceFunctionFunction


class ChatRequestBase(BaseModel):
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
