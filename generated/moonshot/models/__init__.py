"""Every model of the Moonshot AI API, importable from one place."""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    from .estimate_token_response import (
        EstimateTokenResponse,
        EstimateTokenResponseData,
    )
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

# The module that defines each model, imported the first time the model is used (PEP 562).
_MODULES: dict[str, str] = {
    "BalanceResponse": ".balance_response",
    "BalanceResponseData": ".balance_response",
    "BatchCreateRequest": ".batch_create_request",
    "BatchListResponse": ".batch_list_response",
    "BatchObject": ".batch_object",
    "BatchRequestCounts": ".batch_request_counts",
    "ChatCompletionChunk": ".chat_completion_chunk",
    "ChatCompletionChunkUsage": ".chat_completion_chunk",
    "ChatCompletionResponse": ".chat_completion_response",
    "ChatCompletionResponseChoicesItem": ".chat_completion_response",
    "ChatCompletionResponseChoicesItemMessage": ".chat_completion_response",
    "ChatCompletionResponseChoicesItemMessageToolCallsItem": ".chat_completion_response",
    "ChatCompletionResponseChoicesItemMessageToolCallsItemFunction": ".chat_completion_response",
    "ChatCompletionResponseUsage": ".chat_completion_response",
    "ChatRequestBase": ".chat_request_base",
    "ChatRequestBasePrediction": ".chat_request_base",
    "ChatRequestBaseResponseFormat": ".chat_request_base",
    "ChatRequestBaseResponseFormatJsonSchema": ".chat_request_base",
    "ChatRequestBaseStreamOptions": ".chat_request_base",
    "ChatRequestBaseToolChoiceFunction": ".chat_request_base",
    "ChatRequestBaseToolChoiceFunctionFunction": ".chat_request_base",
    "ChatRequestCommon": ".chat_request_common",
    "ChatRequestCommonPrediction": ".chat_request_common",
    "ChatRequestCommonResponseFormat": ".chat_request_common",
    "ChatRequestCommonResponseFormatJsonSchema": ".chat_request_common",
    "ChatRequestCommonStreamOptions": ".chat_request_common",
    "ChatRequestCommonToolChoiceFunction": ".chat_request_common",
    "ChatRequestCommonToolChoiceFunctionFunction": ".chat_request_common",
    "ChoiceDelta": ".choice_delta",
    "ChoiceDeltaDelta": ".choice_delta",
    "ChoiceDeltaDeltaToolCallsItem": ".choice_delta",
    "ChoiceDeltaDeltaToolCallsItemFunction": ".choice_delta",
    "ChoiceDeltaUsage": ".choice_delta",
    "ErrorResponse": ".error_response",
    "ErrorResponseError": ".error_response",
    "EstimateTokenRequest": ".estimate_token_request",
    "EstimateTokenResponse": ".estimate_token_response",
    "EstimateTokenResponseData": ".estimate_token_response",
    "FileDeleteResponse": ".file_delete_response",
    "FileListResponse": ".file_list_response",
    "FileObject": ".file_object",
    "KimiK25ChatRequest": ".kimi_k25_chat_request",
    "KimiK25ChatRequestThinking": ".kimi_k25_chat_request",
    "KimiK26ChatRequest": ".kimi_k26_chat_request",
    "KimiK26ChatRequestThinking": ".kimi_k26_chat_request",
    "KimiK27CodeChatRequest": ".kimi_k27_code_chat_request",
    "KimiK27CodeChatRequestThinking": ".kimi_k27_code_chat_request",
    "KimiK3ChatRequest": ".kimi_k3_chat_request",
    "KimiK3DynamicToolMessage": ".kimi_k3_dynamic_tool_message",
    "KimiK3Message": ".kimi_k3_message",
    "Message": ".message",
    "MessageContentArrayItemImageUrl": ".message",
    "MessageContentArrayItemImageUrlImageUrlObject": ".message",
    "MessageContentArrayItemText": ".message",
    "MessageContentArrayItemVideoUrl": ".message",
    "MessageContentArrayItemVideoUrlVideoUrlObject": ".message",
    "ModelListResponse": ".model_list",
    "ModelListResponseDataItem": ".model_list",
    "MoonshotV1ChatRequest": ".moonshot_v1_chat_request",
    "ToolDefinition": ".tool_definition",
    "ToolDefinitionFunction": ".tool_definition",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _MODULES.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
