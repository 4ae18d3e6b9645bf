"""`client.batches`: 4 operations."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Literal, cast

from .._runtime import (
    NOT_GIVEN,
    AsyncAPIClient,
    NotGiven,
    SyncAPIClient,
    Timeout,
)
from ..models import (
    BatchEndpoint,
    BatchObject,
    GatewayRateLimitError,
    ListBatchesResponse,
)

__all__ = ["AsyncBatches", "Batches"]


class Batches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ListBatchesResponse:
        """List batches

        Returns a paginated list of batches owned by the authenticated user.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            ListBatchesResponse,
            self._client.request(
                "get",
                "/api/v1/llm/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=ListBatchesResponse,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def create(
        self,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: builtins.dict[str, str] | None | NotGiven = NOT_GIVEN,
        max_concurrency: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create a batch

        Creates and executes a batch from an uploaded JSONL file of requests. Each line must have custom_id, method, url, and body fields. Text batches also require write:responses.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          max_concurrency: How many lines may be in flight at once, up to the gateway's ceiling (BATCH_MAX_LINE_CONCURRENCY). Defaults to the gateway's BATCH_DEFAULT_LINE_CONCURRENCY. A model's rate limits are respected before this: a line waits for its model's window rather than exceeding it.
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/api/v1/llm/batches",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "max_concurrency": max_concurrency,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def retrieve(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Get a batch

        Retrieves a batch by its ID.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            self._client.request(
                "get",
                "/api/v1/llm/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    def cancel(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel a batch

        Cancels an in-progress batch. The batch status changes to cancelling, and remaining requests will not be processed.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            self._client.request(
                "post",
                "/api/v1/llm/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncBatches:
    """Operations on batches: list, create, retrieve, cancel."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ListBatchesResponse:
        """List batches

        Returns a paginated list of batches owned by the authenticated user.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            ListBatchesResponse,
            await self._client.request(
                "get",
                "/api/v1/llm/batches",
                query={
                    "after": after,
                    "limit": limit,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=ListBatchesResponse,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def create(
        self,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: builtins.dict[str, str] | None | NotGiven = NOT_GIVEN,
        max_concurrency: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Create a batch

        Creates and executes a batch from an uploaded JSONL file of requests. Each line must have custom_id, method, url, and body fields. Text batches also require write:responses.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
          max_concurrency: How many lines may be in flight at once, up to the gateway's ceiling (BATCH_MAX_LINE_CONCURRENCY). Defaults to the gateway's BATCH_DEFAULT_LINE_CONCURRENCY. A model's rate limits are respected before this: a line waits for its model's window rather than exceeding it.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/api/v1/llm/batches",
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                json_body={
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "max_concurrency": max_concurrency,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def retrieve(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Get a batch

        Retrieves a batch by its ID.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "get",
                "/api/v1/llm/batches/{batch_id}",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )

    async def cancel(
        self,
        batch_id: str,
        *,
        on_behalf_of: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BatchObject:
        """Cancel a batch

        Cancels an in-progress batch. The batch status changes to cancelling, and remaining requests will not be processed.

        Args:
          on_behalf_of: Optional external end-user identifier forwarded by the API gateway.
        """
        return cast(
            BatchObject,
            await self._client.request(
                "post",
                "/api/v1/llm/batches/{batch_id}/cancel",
                path_params={
                    "batch_id": batch_id,
                },
                headers={
                    "X-On-Behalf-Of": on_behalf_of,
                },
                response_type=BatchObject,
                error_types={
                    "429": GatewayRateLimitError,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
