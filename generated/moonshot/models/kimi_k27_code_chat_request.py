"""Models of the kimi_k27_code_chat_request family."""

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

__all__ = ["KimiK27CodeChatRequest", "KimiK27CodeChatRequestThinking"]


class KimiK27CodeChatRequestThinking(BaseModel):
    """Controls thinking for the kimi-k2.7-code model, and whether to fully preserve reasoning_content across multi-turn conversations. Optional parameter. Default value is {"type": "enabled", "keep": "all"}.

    Differences from kimi-k2.6:
    - `type` only accepts `"enabled"`. Unlike kimi-k2.6, `"disabled"` is NOT supported — passing it returns an error. Thinking is always on for this model.
    - `keep` only accepts the valid value `"all"`; omitting it or passing `"all"` is treated as `"all"` on the server, while any other invalid value returns an error. Preserved Thinking is therefore always enabled for this model.
    """

    type: Literal["enabled"] | str
    """Enable thinking capability. For kimi-k2.7-code, only `"enabled"` is accepted; passing `"disabled"` returns an error. This differs from kimi-k2.6, which also supports `"disabled"`."""

    keep: Literal["all"] | str | None = None
    """Controls whether reasoning_content from previous turns is preserved across a multi-turn conversation, i.e. whether to enable Preserved Thinking.

    - For kimi-k2.7-code this parameter only accepts the valid value `"all"`: passing `"all"`, passing `null`, or omitting it all behave identically and are treated as `"all"` on the server — reasoning_content from historical turns is always preserved; passing any other invalid value returns an error. This differs from kimi-k2.6, whose default is `null` (historical thinking NOT preserved unless you explicitly set `"all"`).
    - Because Preserved Thinking is always on, keep the reasoning_content from every historical assistant message in messages as-is.
    - Note: This parameter only affects reasoning_content from historical turns; it does not change whether the model produces/outputs thinking within the current turn (that is controlled by `type`). For best practices, see [Preserved Thinking](/guide/use-thinking-models#preserved-thinking).
    """


class KimiK27CodeChatRequest(BaseModel):
    """kimi-k2.7-code"""

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

    model: Literal["kimi-k2.7-code", "kimi-k2.7-code-highspeed"] | str
    """Model ID. Either `kimi-k2.7-code` or its high-speed variant `kimi-k2.7-code-highspeed`; the two are the same model with identical parameters, while the high-speed variant outputs at approximately 180 Tokens/s (up to 260 Tokens/s in short-context scenarios)."""

    thinking: KimiK27CodeChatRequestThinking | None = None
    """Controls thinking for the kimi-k2.7-code model, and whether to fully preserve reasoning_content across multi-turn conversations. Optional parameter. Default value is {"type": "enabled", "keep": "all"}.

    Differences from kimi-k2.6:
    - `type` only accepts `"enabled"`. Unlike kimi-k2.6, `"disabled"` is NOT supported — passing it returns an error. Thinking is always on for this model.
    - `keep` only accepts the valid value `"all"`; omitting it or passing `"all"` is treated as `"all"` on the server, while any other invalid value returns an error. Preserved Thinking is therefore always enabled for this model.
    """
