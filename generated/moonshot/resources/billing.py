"""`client.billing`: GET /v1/users/me/balance."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import cast

from .._base_client import AsyncAPIClient, SyncAPIClient
from .._response import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)
from .._types import NOT_GIVEN, NotGiven, Timeout
from ..models import BalanceResponse, ErrorResponse

__all__ = ["AsyncBilling", "Billing"]


class Billing:
    """Operations on billing: check_balance."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> BillingWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return BillingWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> BillingWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return BillingWithStreamingResponse(self)

    def check_balance(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BalanceResponse:
        """Check Balance

        REST API to check your available, voucher, and cash balances on Kimi OpenPlatform.
        """
        return cast(
            BalanceResponse,
            self._client.request(
                "get",
                "/v1/users/me/balance",
                response_type=BalanceResponse,
                error_types={
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


class AsyncBilling:
    """Operations on billing: check_balance."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncBillingWithRawResponse:
        """The same methods, returning the raw response: status, headers and `.parse()`."""
        return AsyncBillingWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncBillingWithStreamingResponse:
        """The same methods as context managers over the unread response body."""
        return AsyncBillingWithStreamingResponse(self)

    async def check_balance(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> BalanceResponse:
        """Check Balance

        REST API to check your available, voucher, and cash balances on Kimi OpenPlatform.
        """
        return cast(
            BalanceResponse,
            await self._client.request(
                "get",
                "/v1/users/me/balance",
                response_type=BalanceResponse,
                error_types={
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


class BillingWithRawResponse:
    def __init__(self, resource: Billing) -> None:
        self.check_balance = to_raw_response_wrapper(resource.check_balance)


class AsyncBillingWithRawResponse:
    def __init__(self, resource: AsyncBilling) -> None:
        self.check_balance = async_to_raw_response_wrapper(resource.check_balance)


class BillingWithStreamingResponse:
    def __init__(self, resource: Billing) -> None:
        self.check_balance = to_streamed_response_wrapper(resource.check_balance)


class AsyncBillingWithStreamingResponse:
    def __init__(self, resource: AsyncBilling) -> None:
        self.check_balance = async_to_streamed_response_wrapper(resource.check_balance)
