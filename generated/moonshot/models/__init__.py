"""Every model of the Moonshot AI API, importable from one place."""

from .balance_response import BalanceResponse, BalanceResponseData
from .batch_create_request import BatchCreateRequest
from .batch_list_response import BatchListResponse
from .batch_object import BatchObject
from .batch_request_counts import BatchRequestCounts
from .chat_completion_chunk import ChatCompletionChunk, ChatCompletionChunkUsage
from .chat_completion_response import (
    ChatCompletionResponse,
    ChatCompletionResponseChoicesItem,
    ChatCompletionResponseChoicesItemMessage,
    ChatCompletionResponseChoicesItemMessageToolCallsItem,
    ChatCompletionResponseChoicesItemMessageToolCallsItemFunction,
    ChatCompletionResponseUsage,
)
from .chat_request_base import (
    ChatRequestBase,
    ChatRequestBasePrediction,
    ChatRequestBaseResponseFormat,
    ChatRequestBaseResponseFormatJsonSchema,
    ChatRequestBaseStreamOptions,
    ChatRequestBaseToolChoiceFunction,
    ChatRequestBaseToolChoiceFunctionFunction,
)
from .chat_request_common import (
    ChatRequestCommon,
    ChatRequestCommonPrediction,
    ChatRequestCommonResponseFormat,
    ChatRequestCommonResponseFormatJsonSchema,
    ChatRequestCommonStreamOptions,
    ChatRequestCommonToolChoiceFunction,
    ChatRequestCommonToolChoiceFunctionFunction,
)
from .choice_delta import (
    ChoiceDelta,
    ChoiceDeltaDelta,
    ChoiceDeltaDeltaToolCallsItem,
    ChoiceDeltaDeltaToolCallsItemFunction,
    ChoiceDeltaUsage,
)
from .error_response import ErrorResponse, ErrorResponseError
from .estimate_token_request import EstimateTokenRequest
from .estimate_token_response import EstimateTokenResponse, EstimateTokenResponseData
from .file_delete_response import FileDeleteResponse
from .file_list_response import FileListResponse
from .file_object import FileObject
from .kimi_k3_chat_request import KimiK3ChatRequest
from .kimi_k3_dynamic_tool_message import KimiK3DynamicToolMessage
from .kimi_k3_message import KimiK3Message
from .kimi_k25_chat_request import KimiK25ChatRequest, KimiK25ChatRequestThinking
from .kimi_k26_chat_request import KimiK26ChatRequest, KimiK26ChatRequestThinking
from .kimi_k27_code_chat_request import (
    KimiK27CodeChatRequest,
    KimiK27CodeChatRequestThinking,
)
from .message import (
    Message,
    MessageContentArrayItemImageUrl,
    MessageContentArrayItemImageUrlImageUrlObject,
    MessageContentArrayItemText,
    MessageContentArrayItemVideoUrl,
    MessageContentArrayItemVideoUrlVideoUrlObject,
)
from .model_list import ModelListResponse, ModelListResponseDataItem
from .moonshot_v1_chat_request import MoonshotV1ChatRequest
from .tool_definition import ToolDefinition, ToolDefinitionFunction

__all__ = [
    "BalanceResponse",
    "BalanceResponseData",
    "BatchCreateRequest",
    "BatchListResponse",
    "BatchObject",
    "BatchRequestCounts",
    "ChatCompletionChunk",
    "ChatCompletionChunkUsage",
    "ChatCompletionResponse",
    "ChatCompletionResponseChoicesItem",
    "ChatCompletionResponseChoicesItemMessage",
    "ChatCompletionResponseChoicesItemMessageToolCallsItem",
    "ChatCompletionResponseChoicesItemMessageToolCallsItemFunction",
    "ChatCompletionResponseUsage",
    "ChatRequestBase",
    "ChatRequestBasePrediction",
    "ChatRequestBaseResponseFormat",
    "ChatRequestBaseResponseFormatJsonSchema",
    "ChatRequestBaseStreamOptions",
    "ChatRequestBaseToolChoiceFunction",
    "ChatRequestBaseToolChoiceFunctionFunction",
    "ChatRequestCommon",
    "ChatRequestCommonPrediction",
    "ChatRequestCommonResponseFormat",
    "ChatRequestCommonResponseFormatJsonSchema",
    "ChatRequestCommonStreamOptions",
    "ChatRequestCommonToolChoiceFunction",
    "ChatRequestCommonToolChoiceFunctionFunction",
    "ChoiceDelta",
    "ChoiceDeltaDelta",
    "ChoiceDeltaDeltaToolCallsItem",
    "ChoiceDeltaDeltaToolCallsItemFunction",
    "ChoiceDeltaUsage",
    "ErrorResponse",
    "ErrorResponseError",
    "EstimateTokenRequest",
    "EstimateTokenResponse",
    "EstimateTokenResponseData",
    "FileDeleteResponse",
    "FileListResponse",
    "FileObject",
    "KimiK3ChatRequest",
    "KimiK3DynamicToolMessage",
    "KimiK3Message",
    "KimiK25ChatRequest",
    "KimiK25ChatRequestThinking",
    "KimiK26ChatRequest",
    "KimiK26ChatRequestThinking",
    "KimiK27CodeChatRequest",
    "KimiK27CodeChatRequestThinking",
    "Message",
    "MessageContentArrayItemImageUrl",
    "MessageContentArrayItemImageUrlImageUrlObject",
    "MessageContentArrayItemText",
    "MessageContentArrayItemVideoUrl",
    "MessageContentArrayItemVideoUrlVideoUrlObject",
    "ModelListResponse",
    "ModelListResponseDataItem",
    "MoonshotV1ChatRequest",
    "ToolDefinition",
    "ToolDefinitionFunction",
]
