"""`client.models`: GET /v1/models."""

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
from ..models import ErrorResponse, ModelListResponse

__all__ = ["AsyncModels", "Models"]


class Models:
    """Operations on models: list."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ModelListResponse:
        """List Models

        List all currently available models.
        """
        return cast(
            ModelListResponse,
            self._client.request(
                "get",
                "/v1/models",
                response_type=ModelListResponse,
                error_types={
                    "401": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )


class AsyncModels:
    """Operations on models: list."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> ModelListResponse:
        """List Models

        List all currently available models.
        """
        return cast(
            ModelListResponse,
            await self._client.request(
                "get",
                "/v1/models",
                response_type=ModelListResponse,
                error_types={
                    "401": ErrorResponse,
                },
                extra_headers=extra_headers,
                extra_query=extra_query,
                extra_body=extra_body,
                timeout=timeout,
                max_retries=max_retries,
            ),
        )
