"""`client.chat`: POST /v1/chat/completions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from .._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    NotGiven,
    SyncAPIClient,
    Timeout,
)
from ..models import (
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


class AsyncChat:
    """Groups chat operations."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
        self.completions = AsyncChatCompletions(client)


class ChatCompletions:
    """Operations on completions: create."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse:
        """Create Chat Completion

        Creates a completion for the chat message. Supports standard chat, Partial Mode, and Tool Use (Function Calling).
        """
        return cast(
            ChatCompletionResponse,
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
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ChatCompletionResponse:
        """Create Chat Completion

        Creates a completion for the chat message. Supports standard chat, Partial Mode, and Tool Use (Function Calling).
        """
        return cast(
            ChatCompletionResponse,
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
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
