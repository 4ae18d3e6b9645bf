"""`client.chat`: POST /v1/chat/completions."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal, cast, overload

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._streaming import AsyncStream, Stream
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import (
    ChatCompletionChunk,
    ChatCompletionResponse,
    ErrorResponse,
    KimiK3ChatRequest,
    KimiK25ChatRequest,
    KimiK26ChatRequest,
    KimiK27CodeChatRequest,
    MoonshotV1ChatRequest,
)

__all__ = ["AsyncChat", "AsyncChatCompletions", "Chat", "ChatCompletions"]


class Chat:
    """Groups chat operations."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client
        self.completions = ChatCompletions(client)

    @cached_property
    def with_raw_response(self) -> ChatWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return ChatWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ChatWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return ChatWithStreamingResponse(self)


class AsyncChat:
    """Groups chat operations."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.completions = AsyncChatCompletions(client)

    @cached_property
    def with_raw_response(self) -> AsyncChatWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncChatWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncChatWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncChatWithStreamingResponse(self)


class ChatWithRawResponse:
    def __init__(self, resource: Chat) -> None:
        self.completions = ChatCompletionsWithRawResponse(resource.completions)


class AsyncChatWithRawResponse:
    def __init__(self, resource: AsyncChat) -> None:
        self.completions = AsyncChatCompletionsWithRawResponse(resource.completions)


class ChatWithStreamingResponse:
    def __init__(self, resource: Chat) -> None:
        self.completions = ChatCompletionsWithStreamingResponse(resource.completions)


class AsyncChatWithStreamingResponse:
    def __init__(self, resource: AsyncChat) -> None:
        self.completions = AsyncChatCompletionsWithStreamingResponse(
            resource.completions
        )


class ChatCompletions:
    """Operations on completions: create."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> ChatCompletionsWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return ChatCompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> ChatCompletionsWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return ChatCompletionsWithStreamingResponse(self)

    @overload
    def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: Literal[False] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse: ...

    @overload
    def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Stream[ChatCompletionChunk]: ...

    @overload
    def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse | Stream[ChatCompletionChunk]: ...

    def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse | Stream[ChatCompletionChunk]:
        """Create Chat Completion

        Creates a completion for the chat message. Supports standard chat, Partial Mode, and Tool Use (Function Calling).
        """
        return cast(
            ChatCompletionResponse | Stream[ChatCompletionChunk],
            self._client.request(
                "post",
                "/v1/chat/completions",
                json_body=body,
                response_type=ChatCompletionResponse,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                stream=stream,
                stream_type=ChatCompletionChunk,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncChatCompletions:
    """Operations on completions: create."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncChatCompletionsWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncChatCompletionsWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncChatCompletionsWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncChatCompletionsWithStreamingResponse(self)

    @overload
    async def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: Literal[False] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse: ...

    @overload
    async def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[ChatCompletionChunk]: ...

    @overload
    async def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse | AsyncStream[ChatCompletionChunk]: ...

    async def create(
        self,
        *,
        body: (
            KimiK3ChatRequest
            | KimiK27CodeChatRequest
            | KimiK26ChatRequest
            | KimiK25ChatRequest
            | MoonshotV1ChatRequest
        ),
        stream: bool | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse | AsyncStream[ChatCompletionChunk]:
        """Create Chat Completion

        Creates a completion for the chat message. Supports standard chat, Partial Mode, and Tool Use (Function Calling).
        """
        return cast(
            ChatCompletionResponse | AsyncStream[ChatCompletionChunk],
            await self._client.request(
                "post",
                "/v1/chat/completions",
                json_body=body,
                response_type=ChatCompletionResponse,
                error_types={
                    "400": ErrorResponse,
                    "401": ErrorResponse,
                    "500": ErrorResponse,
                },
                stream=stream,
                stream_type=ChatCompletionChunk,
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class ChatCompletionsWithRawResponse:
    def __init__(self, resource: ChatCompletions) -> None:
        self.create = to_raw_response_wrapper(resource.create)


class AsyncChatCompletionsWithRawResponse:
    def __init__(self, resource: AsyncChatCompletions) -> None:
        self.create = async_to_raw_response_wrapper(resource.create)


class ChatCompletionsWithStreamingResponse:
    def __init__(self, resource: ChatCompletions) -> None:
        self.create = to_streamed_response_wrapper(resource.create)


class AsyncChatCompletionsWithStreamingResponse:
    def __init__(self, resource: AsyncChatCompletions) -> None:
        self.create = async_to_streamed_response_wrapper(resource.create)
