"""`client.billing`: GET /v1/users/me/balance."""

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
from ..models import BalanceResponse, ErrorResponse

__all__ = ["AsyncBilling", "Billing"]


class Billing:
    """Operations on billing: check_balance."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
