"""The SiliconFlow and AsyncSiliconFlow clients."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property as _cached_property
from typing import TYPE_CHECKING, Self

import httpx

from ._base_client import (
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
    missing_api_key,
)
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.batches import AsyncBatches, Batches
    from .resources.files import AsyncFiles, Files

__all__ = ["AsyncSiliconFlow", "SiliconFlow"]


class SiliconFlow(SyncAPIClient):
    """Client for the SiliconFlow API (version 1.0.0).

    The SiliconFlow REST API
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        strict_response_validation: bool = False,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        """Create a client; arguments left out come from the environment or the spec.

        Args:
          api_key: defaults to the SILICONFLOW_API_KEY environment variable.
          base_url: defaults to SILICONFLOW_BASE_URL, then https://api.siliconflow.cn/v1.
          timeout: seconds, or an httpx.Timeout; per call with timeout=.
          max_retries: retries of connection errors, 408, 409, 429 and 5xx; per call with max_retries=.
          default_headers: sent with every request.
          http_client: your own httpx client; it is then yours to close.
          max_response_size: bytes of a body read to parse it (None: no limit; downloads
            and event streams have none).
        """
        if api_key is None:
            api_key = os.environ.get("SILICONFLOW_API_KEY")
        if api_key is None:
            raise missing_api_key("SILICONFLOW_API_KEY")
        headers = dict(default_headers or {})
        super().__init__(
            base_url=base_url
            or os.environ.get("SILICONFLOW_BASE_URL")
            or "https://api.siliconflow.cn/v1",
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=headers,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            max_response_size=max_response_size,
        )

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        strict_response_validation: bool | None = None,
        max_response_size: int | None | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some options changed, sharing its connection pool."""
        headers = {**self._default_headers, **(default_headers or {})}
        client = type(self)(
            api_key=api_key or self.api_key,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            default_headers=headers,
            http_client=self._http_client,
            strict_response_validation=(
                self.strict_response_validation
                if strict_response_validation is None
                else strict_response_validation
            ),
            max_response_size=(
                self.max_response_size
                if isinstance(max_response_size, NotGiven)
                else max_response_size
            ),
        )
        client.sleep = self.sleep
        return client

    @_cached_property
    def files(self) -> Files:
        from .resources.files import Files

        return Files(self)

    @_cached_property
    def batches(self) -> Batches:
        from .resources.batches import Batches

        return Batches(self)


class AsyncSiliconFlow(AsyncAPIClient):
    """Client for the SiliconFlow API (version 1.0.0).

    The SiliconFlow REST API
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        strict_response_validation: bool = False,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        """Create a client; arguments left out come from the environment or the spec.

        Args:
          api_key: defaults to the SILICONFLOW_API_KEY environment variable.
          base_url: defaults to SILICONFLOW_BASE_URL, then https://api.siliconflow.cn/v1.
          timeout: seconds, or an httpx.Timeout; per call with timeout=.
          max_retries: retries of connection errors, 408, 409, 429 and 5xx; per call with max_retries=.
          default_headers: sent with every request.
          http_client: your own httpx client; it is then yours to close.
          max_response_size: bytes of a body read to parse it (None: no limit; downloads
            and event streams have none).
        """
        if api_key is None:
            api_key = os.environ.get("SILICONFLOW_API_KEY")
        if api_key is None:
            raise missing_api_key("SILICONFLOW_API_KEY")
        headers = dict(default_headers or {})
        super().__init__(
            base_url=base_url
            or os.environ.get("SILICONFLOW_BASE_URL")
            or "https://api.siliconflow.cn/v1",
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=headers,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            max_response_size=max_response_size,
        )

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        strict_response_validation: bool | None = None,
        max_response_size: int | None | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of this client with some options changed, sharing its connection pool."""
        headers = {**self._default_headers, **(default_headers or {})}
        client = type(self)(
            api_key=api_key or self.api_key,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=(
                self.max_retries if isinstance(max_retries, NotGiven) else max_retries
            ),
            default_headers=headers,
            http_client=self._http_client,
            strict_response_validation=(
                self.strict_response_validation
                if strict_response_validation is None
                else strict_response_validation
            ),
            max_response_size=(
                self.max_response_size
                if isinstance(max_response_size, NotGiven)
                else max_response_size
            ),
        )
        client.sleep = self.sleep
        return client

    @_cached_property
    def files(self) -> AsyncFiles:
        from .resources.files import AsyncFiles

        return AsyncFiles(self)

    @_cached_property
    def batches(self) -> AsyncBatches:
        from .resources.batches import AsyncBatches

        return AsyncBatches(self)
