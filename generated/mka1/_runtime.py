"""Request building, auth, retries, timeouts and response decoding for the MKA1 client."""

from __future__ import annotations

import asyncio
import email.utils
import functools
import json
import logging
import os
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import IO, Any, Literal, Self, TypeAlias
from urllib.parse import quote

import httpx
import pydantic

from ._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    SDKError,
    status_error_class,
)

__all__ = [
    "NOT_GIVEN",
    "AsyncAPIClient",
    "BaseModel",
    "FileInput",
    "NotGiven",
    "SyncAPIClient",
    "Timeout",
]

log = logging.getLogger("mka1")

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
USER_AGENT = "mka1-python/0.1.0"


class NotGiven:
    """An argument the caller left out: it is not sent at all, unlike None, which is sent as null."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()

Timeout: TypeAlias = float | httpx.Timeout | None
FileContent: TypeAlias = bytes | IO[bytes] | os.PathLike[str] | str
FileInput: TypeAlias = (
    FileContent | tuple[str, FileContent] | tuple[str, FileContent, str]
)
"""A file to upload: a path, bytes or a binary file object, optionally as (filename, content[, content type])."""


class BaseModel(pydantic.BaseModel):
    """Base of every model: fields the spec does not know are kept, not dropped."""

    model_config = pydantic.ConfigDict(
        extra="allow", populate_by_name=True, protected_namespaces=()
    )


@functools.cache
def _adapter(response_type: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(response_type)


def _jsonable(value: Any) -> Any:
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {
            key: _jsonable(item)
            for key, item in value.items()
            if not isinstance(item, NotGiven)
        }
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _given(values: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        key: value
        for key, value in (values or {}).items()
        if not isinstance(value, NotGiven)
    }


def _text_value(value: Any) -> str:
    """How a query, header or form value is written: JSON spelling for booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pydantic.BaseModel):
        return json.dumps(_jsonable(value))
    return str(value)


def _query_items(
    query: Mapping[str, Any],
) -> list[tuple[str, str | int | float | bool | None]]:
    items: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in query.items():
        if value is None:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            items.append((key, _text_value(item)))
    return items


def _file_tuple(
    name: str, value: Any
) -> tuple[str, tuple[str | None, bytes, str | None]]:
    """Read an upload once, so a retried request sends the same bytes."""
    filename: str | None = None
    content_type: str | None = None
    if isinstance(value, tuple):
        filename, content_type = value[0], value[2] if len(value) > 2 else None
        value = value[1]
    if isinstance(value, (str, os.PathLike)):
        path = Path(value)
        return name, (filename or path.name, path.read_bytes(), content_type)
    if isinstance(value, bytes):
        return name, (filename or name, value, content_type)
    data = value.read()
    default_name = Path(str(getattr(value, "name", name))).name
    return name, (filename or default_name, data, content_type)


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked us to wait, from `retry-after-ms` or `Retry-After`."""
    if response is None:
        return None
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds:
        try:
            return float(milliseconds) / 1000
        except ValueError:
            pass
    header = response.headers.get("retry-after")
    if not header:
        return None
    try:
        return float(header)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(header) if header else None
        return parsed.timestamp() - time.time() if parsed else None


def _should_retry(response: httpx.Response) -> bool:
    override: str | None = response.headers.get("x-should-retry")
    if override in ("true", "false"):
        return override == "true"
    return response.status_code in (408, 409, 429) or response.status_code >= 500


class _BaseClient:
    """What sync and async clients share: everything but sending and sleeping."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        api_key: str | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        self.base_url = httpx.URL(str(base_url).rstrip("/") + "/")
        self.api_key = api_key
        self.timeout = timeout
        self.max_retries = max_retries
        self._default_headers = dict(default_headers or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}

    def _auth_query(self) -> dict[str, str]:
        return {}

    def _build_request(
        self,
        method: str,
        path: str,
        *,
        path_params: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        headers: Mapping[str, Any] | None,
        cookies: Mapping[str, Any] | None,
        accept: str,
        json_body: Any,
        form: Mapping[str, Any] | None,
        files: Mapping[str, Any] | None,
        content: Any,
        content_type: str | None,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, object] | None,
        extra_body: Mapping[str, object] | None,
        timeout: Timeout | NotGiven,
    ) -> httpx.Request:
        url_path = path.format(
            **{
                k: quote(_text_value(v), safe="")
                for k, v in (path_params or {}).items()
            }
        )
        all_headers = {
            "Accept": accept,
            "User-Agent": USER_AGENT,
            **self._auth_headers(),
            **self._default_headers,
            **{k: _text_value(v) for k, v in _given(headers).items() if v is not None},
            **(extra_headers or {}),
        }
        cookie = "; ".join(
            f"{k}={_text_value(v)}" for k, v in _given(cookies).items() if v is not None
        )
        if cookie:
            all_headers["Cookie"] = cookie
        params: list[tuple[str, str | int | float | bool | None]] = _query_items(
            {**self._auth_query(), **_given(query), **(extra_query or {})}
        )
        kwargs: dict[str, Any] = {}
        if json_body is not None or (
            extra_body and form is None and files is None and content is None
        ):
            payload = _jsonable(json_body) if json_body is not None else {}
            kwargs["json"] = (
                {**payload, **_jsonable(extra_body or {})}
                if isinstance(payload, dict)
                else payload
            )
        elif form is not None or files is not None:
            fields = {**_given(form), **(extra_body or {})}
            kwargs["data"] = {
                k: (
                    [_text_value(i) for i in v]
                    if isinstance(v, list)
                    else _text_value(v)
                )
                for k, v in fields.items()
                if v is not None
            }
            uploads = [
                _file_tuple(name, item)
                for name, value in _given(files).items()
                for item in (value if isinstance(value, list) else [value])
            ]
            if uploads:
                kwargs["files"] = uploads
        elif not isinstance(content, NotGiven) and content is not None:
            kwargs["content"] = (
                content.encode() if isinstance(content, str) else content
            )
            if content_type:
                all_headers["Content-Type"] = content_type
        request_timeout = self.timeout if isinstance(timeout, NotGiven) else timeout
        return httpx.Request(
            method.upper(),
            self.base_url.join(url_path.lstrip("/")),
            params=params,
            headers=all_headers,
            extensions={"timeout": httpx.Timeout(request_timeout).as_dict()},
            **kwargs,
        )

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Wait before retry number `attempt` (1-based): the server's ask, else backoff with jitter."""
        asked = _retry_after(response)
        if asked is not None and 0 <= asked <= MAX_RETRY_AFTER:
            return asked
        delay = min(INITIAL_RETRY_DELAY * 2.0 ** (attempt - 1), MAX_RETRY_DELAY)
        return delay * (1 - 0.25 * random.random())

    def _decode(self, response: httpx.Response, response_type: Any) -> Any:
        if response_type is None:
            return None
        if response_type is bytes:
            return response.content
        try:
            return _adapter(response_type).validate_json(response.content)
        except pydantic.ValidationError as exc:
            raise APIResponseValidationError(
                response, response.text, f"Response does not match the spec: {exc}"
            ) from exc

    def _status_error(
        self, response: httpx.Response, error_types: Mapping[str, Any]
    ) -> APIStatusError:
        status = str(response.status_code)
        error_type = (
            error_types.get(status)
            or error_types.get(status[0] + "XX")
            or error_types.get("default")
        )
        body: Any = response.text
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        else:
            body = data
            if error_type is not None:
                try:
                    body = _adapter(error_type).validate_python(data)
                except pydantic.ValidationError:
                    body = data
        message = _error_message(data if data is not None else response.text)
        text = f"Error code: {response.status_code}" + (
            f" - {message}" if message else ""
        )
        return status_error_class(response.status_code)(
            text, response=response, body=body
        )

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s %s (attempt %d)", request.method, request.url, attempt)


def _error_message(data: Any) -> str:
    """The human part of an error body: `error.message`, `message`, or the body itself."""
    if isinstance(data, str):
        return data.strip()[:500]
    if isinstance(data, Mapping):
        error = data.get("error")
        if isinstance(error, Mapping) and isinstance(error.get("message"), str):
            return str(error["message"])
        for key in ("message", "error", "detail"):
            if isinstance(data.get(key), str):
                return str(data[key])
    return ""


def _environment_log_level() -> None:
    if os.environ.get("MKA1_LOG", "").lower() in ("debug", "info") and not log.handlers:
        logging.basicConfig()
        log.setLevel(
            logging.DEBUG if os.environ["MKA1_LOG"].lower() == "debug" else logging.INFO
        )


class SyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        api_key: str | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        http_client: httpx.Client | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        _environment_log_level()
        self._owns_http_client = http_client is None
        self._http_client = http_client or httpx.Client()
        self._sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        """Close the connection pool, unless the caller passed their own `http_client`."""
        if self._owns_http_client:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        response_type: Any,
        error_types: Mapping[str, Any],
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        accept: str = "application/json",
        json_body: Any = None,
        form: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        content: Any = None,
        content_type: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        request = self._build_request(
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            cookies=cookies,
            accept=accept,
            json_body=json_body,
            form=form,
            files=files,
            content=content,
            content_type=content_type,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        if method.lower() != "get" and "Idempotency-Key" not in request.headers:
            # One key for every attempt: a server that honours it runs the request once.
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        attempt = 0
        while True:
            attempt += 1
            self._log_request(request, attempt)
            try:
                response = self._http_client.send(request)
                response.read()
            except httpx.TimeoutException as exc:
                if attempt <= retries:
                    self._sleep(self._retry_delay(attempt, None))
                    continue
                raise APITimeoutError(request) from exc
            except httpx.TransportError as exc:
                if attempt <= retries:
                    self._sleep(self._retry_delay(attempt, None))
                    continue
                raise APIConnectionError(request) from exc
            if response.is_success:
                return self._decode(response, response_type)
            if attempt <= retries and _should_retry(response):
                response.close()
                self._sleep(self._retry_delay(attempt, response))
                continue
            raise self._status_error(response, error_types)


class AsyncAPIClient(_BaseClient):
    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        api_key: str | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        _environment_log_level()
        self._owns_http_client = http_client is None
        self._http_client = http_client or httpx.AsyncClient()
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep

    async def close(self) -> None:
        """Close the connection pool, unless the caller passed their own `http_client`."""
        if self._owns_http_client:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def request(
        self,
        method: str,
        path: str,
        *,
        response_type: Any,
        error_types: Mapping[str, Any],
        path_params: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        cookies: Mapping[str, Any] | None = None,
        accept: str = "application/json",
        json_body: Any = None,
        form: Mapping[str, Any] | None = None,
        files: Mapping[str, Any] | None = None,
        content: Any = None,
        content_type: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, object] | None = None,
        extra_body: Mapping[str, object] | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        request = self._build_request(
            method,
            path,
            path_params=path_params,
            query=query,
            headers=headers,
            cookies=cookies,
            accept=accept,
            json_body=json_body,
            form=form,
            files=files,
            content=content,
            content_type=content_type,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
            timeout=timeout,
        )
        if method.lower() != "get" and "Idempotency-Key" not in request.headers:
            # One key for every attempt: a server that honours it runs the request once.
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        attempt = 0
        while True:
            attempt += 1
            self._log_request(request, attempt)
            try:
                response = await self._http_client.send(request)
                await response.aread()
            except httpx.TimeoutException as exc:
                if attempt <= retries:
                    await self._sleep(self._retry_delay(attempt, None))
                    continue
                raise APITimeoutError(request) from exc
            except httpx.TransportError as exc:
                if attempt <= retries:
                    await self._sleep(self._retry_delay(attempt, None))
                    continue
                raise APIConnectionError(request) from exc
            if response.is_success:
                return self._decode(response, response_type)
            if attempt <= retries and _should_retry(response):
                await response.aclose()
                await self._sleep(self._retry_delay(attempt, response))
                continue
            raise self._status_error(response, error_types)


def missing_api_key(env_var: str) -> SDKError:
    return SDKError(
        f"No API key: pass api_key=... to the client or set the {env_var} environment variable."
    )
