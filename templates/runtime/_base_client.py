"""The base clients: request building, auth, retries, timeouts, logging and polling."""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import os
import random
import re
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Self, TypeVar, cast

import httpx
import pydantic

from ._constants import (
    AUTH_KIND,
    AUTH_NAME,
    BASE_PATH,
    ENV_PREFIX,
    NEVER_RETRY,
    PACKAGE,
    REQUEST_ID_HEADERS,
    RETRY_BACKOFF,
    RETRY_BUDGET,
    RETRY_CONNECTION_ERRORS,
    RETRY_STATUSES,
    USER_AGENT,
)
from ._encoding import (
    DEFAULT_STYLES,
    given,
    jsonable,
    path_segment,
    query_items,
    simple_value,
    text_value,
)
from ._errors import (
    APIStatusError,
    ResponseTooLargeError,
    SDKError,
    WaitTimeoutError,
    connection_error,
    status_error_class,
)
from ._files import FileInput, file_tuple
from ._models import BaseModel, adapter, decode_enveloped, decode_json
from ._pagination import AsyncPage, AsyncPaginator, Pagination, SyncPage
from ._response import (
    APIResponse,
    AsyncStreamedAPIResponse,
    StreamedAPIResponse,
    response_mode,
)
from ._streaming import AsyncStream, Stream
from ._transport import (
    DeadlineTransport,
    async_attempt_deadline,
    attempt_deadline,
    attempt_end,
)
from ._types import NOT_GIVEN, NotGiven, Timeout, as_list, as_mapping

__all__: list[str] = []

log = logging.getLogger(PACKAGE)

DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_SIZE = 100 * 1024 * 1024
"""The largest body a client reads into memory to parse (downloads and streams: no limit)."""
MAX_RETRY_AFTER = 60.0
# Never written to the log: credentials in headers and in the query.
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "api-key", "x-api-key", "cookie"}
    | ({AUTH_NAME.lower()} if AUTH_KIND == "header" else set())
)
_SECRET_QUERY = frozenset({AUTH_NAME} if AUTH_KIND == "query" else ())

T = TypeVar("T")


@dataclass(frozen=True)
class RequestArgs:
    """Everything one operation call asks for; a page re-sends it with a new cursor."""

    method: str
    path: str
    response_type: Any
    error_types: Mapping[str, Any]
    path_params: Mapping[str, Any] = field(default_factory=dict[str, Any])
    query: Mapping[str, Any] = field(default_factory=dict[str, Any])
    headers: Mapping[str, Any] = field(default_factory=dict[str, Any])
    cookies: Mapping[str, Any] = field(default_factory=dict[str, Any])
    styles: Mapping[str, tuple[str, bool]] = field(
        default_factory=dict[str, tuple[str, bool]]
    )
    """Wire name -> (style, explode) of the parameters not sent their location's default way."""
    accept: str = "application/json"
    envelope: str | None = None
    """The body's field that holds the result, when the provider wraps it."""
    json_body: Any = None
    form: Mapping[str, Any] | None = None
    files: Mapping[str, Any] | None = None
    content: Any = None
    content_type: str | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, object] | None = None
    extra_body: Mapping[str, object] | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    max_retries: int | NotGiven = NOT_GIVEN
    pagination: Pagination | None = None
    stream: bool | NotGiven = NOT_GIVEN
    """The body's `stream` flag; True asks for server-sent events of `stream_type`."""
    stream_type: Any = None

    @property
    def streams_events(self) -> bool:
        return self.stream_type is not None and self.stream is True

    def after(self, cursor_param: str, cursor: str) -> RequestArgs:
        return replace(self, query={**self.query, cursor_param: cursor})

    def cursor(self, pagination: Pagination) -> str | None:
        """The cursor this request sent, if any."""
        if pagination.cursor_param is None:
            return None
        sent = self.query.get(pagination.cursor_param)
        return None if sent is None or isinstance(sent, NotGiven) else str(sent)


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
    header: str | None = response.headers.get("retry-after")
    if not header:
        return None
    try:
        return float(header)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            return None
        return parsed.timestamp() - time.time()


def _should_retry(response: httpx.Response) -> bool:
    """The server's `x-should-retry`, else: not for an error code never retried, else by
    status (the package's RETRY_STATUSES, or 408, 409, 429 and every 5xx)."""
    override: str | None = response.headers.get("x-should-retry")
    if override in ("true", "false"):
        return override == "true"
    if NEVER_RETRY and not _error_codes(response).isdisjoint(NEVER_RETRY):
        return False
    if RETRY_STATUSES:
        status = str(response.status_code)
        return any(
            status == wanted or (wanted.endswith("XX") and status[0] == wanted[0])
            for wanted in RETRY_STATUSES
        )
    return response.status_code in (408, 409, 429) or response.status_code >= 500


def _request_id(response: httpx.Response) -> str | None:
    """The id the API gave the request, to quote when asking its support."""
    return next(
        (
            response.headers[name]
            for name in REQUEST_ID_HEADERS
            if name in response.headers
        ),
        None,
    )


def _error_codes(response: httpx.Response) -> set[str]:
    """The codes an error body names: `code` and `type`, at its top or in its `error`."""
    try:
        body: object = json.loads(response.content)
    except (ValueError, httpx.ResponseNotRead):
        return set()
    top = as_mapping(body)
    holders = [top, as_mapping(top.get("error"))] if top is not None else []
    return {
        value
        for holder in holders
        if holder is not None
        for key in ("code", "type")
        if isinstance(value := holder.get(key), str)
    }


def _error_message(data: Any) -> str:
    """The human part of an error body: `error.message`, `message`, or the body itself."""
    if isinstance(data, str):
        return data.strip()[:500]
    body = as_mapping(data)
    if body is not None:
        error = as_mapping(body.get("error"))
        if error is not None and isinstance(message := error.get("message"), str):
            return message
        for key in ("message", "error", "detail"):
            if isinstance(text := body.get(key), str):
                return text
    return ""


def _redacted_headers(headers: httpx.Headers) -> dict[str, str]:
    return {
        name: "<redacted>" if name.lower() in _SECRET_HEADERS else value
        for name, value in headers.items()
    }


def _redacted_url(url: httpx.URL) -> str:
    if not _SECRET_QUERY:
        return str(url)
    params = [
        (k, "<redacted>" if k in _SECRET_QUERY else v)
        for k, v in url.params.multi_items()
    ]
    return str(url.copy_with(params=params))


def _configure_logging() -> None:
    """`{ENV_PREFIX}_LOG=debug` (or `info`) turns on this package's log."""
    level = os.environ.get(f"{ENV_PREFIX}_LOG", "").lower()
    if level in ("debug", "info") and not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
        )
        log.addHandler(handler)
        log.setLevel(logging.DEBUG if level == "debug" else logging.INFO)


_CONTROL = re.compile("[\x00-\x1f\x7f]")
_DOT_SEGMENTS = ("", ".", "..")


def _checked_key(api_key: str | None) -> str | None:
    """The key without surrounding whitespace (a key read from a file ends in a newline);
    one with a control character inside is refused, without showing it."""
    if api_key is None:
        return None
    key = api_key.strip()
    if _CONTROL.search(key):
        raise SDKError(
            "The API key holds a control character: check where it was read from."
        )
    return key


def _scrubbed(value: Any, secret: str) -> Any:
    """`value` with every occurrence of `secret` in its text replaced: a server that echoes
    the key back does not get it into an error message."""
    if isinstance(value, str):
        return value.replace(secret, "<redacted>")
    mapping = as_mapping(value)
    if mapping is not None:
        return {key: _scrubbed(item, secret) for key, item in mapping.items()}
    items = as_list(value, tuples=False)
    if items is not None:
        return [_scrubbed(item, secret) for item in items]
    return value


def _keep_body(response: httpx.Response, chunks: list[bytes]) -> None:
    """The body read chunk by chunk (to stop at the size limit), kept where httpx keeps a
    body it read itself, so `.content`, `.text` and `.json()` work as after `read()`."""
    response._content = b"".join(chunks)  # pyright: ignore[reportPrivateUsage]


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
        strict_response_validation: bool,
        max_response_size: int | None,
    ) -> None:
        root = str(base_url).rstrip("/")
        if BASE_PATH and root.endswith(BASE_PATH):
            root = root[: -len(BASE_PATH)]
        self.base_url = httpx.URL(root + "/")
        self.api_key = _checked_key(api_key)
        self.max_response_size = max_response_size
        self.timeout = timeout
        self.max_retries = max_retries
        self.strict_response_validation = strict_response_validation
        self._default_headers = dict(default_headers or {})
        _configure_logging()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"

    def _auth_headers(self) -> dict[str, str]:
        if not self.api_key:
            return {}
        if AUTH_KIND == "bearer":
            return {"Authorization": f"Bearer {self.api_key}"}
        if AUTH_KIND == "basic":
            return {"Authorization": f"Basic {self.api_key}"}
        if AUTH_KIND == "header":
            return {AUTH_NAME: self.api_key}
        return {}

    def _auth_query(self) -> dict[str, str]:
        return (
            {AUTH_NAME: self.api_key} if self.api_key and AUTH_KIND == "query" else {}
        )

    def _build_request(self, args: RequestArgs) -> httpx.Request:
        segments = {
            k: simple_value(
                k, v, args.styles.get(k, DEFAULT_STYLES["path"]), path_segment
            )
            for k, v in args.path_params.items()
        }
        for name, segment in segments.items():
            if segment in _DOT_SEGMENTS:
                raise ValueError(
                    f"path parameter {name!r} is {segment!r}, which would change "
                    "the request's path rather than name a resource"
                )
        url_path = args.path.format(**segments)
        headers = {
            "Accept": "text/event-stream" if args.streams_events else args.accept,
            "User-Agent": USER_AGENT,
            **self._auth_headers(),
            **self._default_headers,
            **{
                k: simple_value(k, v, args.styles.get(k, DEFAULT_STYLES["header"]), str)
                for k, v in given(args.headers).items()
                if v is not None
            },
            **(args.extra_headers or {}),
        }
        cookie = "; ".join(
            f"{k}={simple_value(k, v, args.styles.get(k, DEFAULT_STYLES['cookie']), str)}"
            for k, v in given(args.cookies).items()
            if v is not None
        )
        if cookie:
            headers["Cookie"] = cookie
        for name, value in headers.items():
            if _CONTROL.search(str(value)):
                # A CR or LF would end the header and start another the caller never set.
                raise ValueError(f"header {name!r} holds a control character")
        params = query_items(
            {**self._auth_query(), **given(args.query), **(args.extra_query or {})},
            args.styles,
        )
        kwargs: dict[str, Any] = {}
        if args.form is not None or args.files is not None:
            fields = {**given(args.form), **(args.extra_body or {})}
            kwargs["data"] = {
                k: (
                    [text_value(i) for i in listed]
                    if (listed := as_list(v, tuples=False)) is not None
                    else text_value(v)
                )
                for k, v in fields.items()
                if v is not None
            }
            uploads = [
                file_tuple(name, cast("FileInput", item))
                for name, value in given(args.files).items()
                # A tuple is one file given as (filename, content[, type]).
                for item in (as_list(value, tuples=False) or [value])
            ]
            if uploads:
                kwargs["files"] = uploads
        elif args.content is not None and not isinstance(args.content, NotGiven):
            kwargs["content"] = (
                args.content.encode() if isinstance(args.content, str) else args.content
            )
            if args.content_type:
                headers["Content-Type"] = args.content_type
        elif (
            args.json_body is not None
            or args.extra_body
            or not isinstance(args.stream, NotGiven)
        ):
            payload: object = (
                jsonable(args.json_body) if args.json_body is not None else {}
            )
            body = as_mapping(payload)
            if body is not None:
                merged: dict[str, object] = {
                    **body,
                    **jsonable(args.extra_body or {}),
                }
                if not isinstance(args.stream, NotGiven):
                    merged["stream"] = args.stream
                payload = merged
            kwargs["json"] = payload
        timeout = self.timeout if isinstance(args.timeout, NotGiven) else args.timeout
        request = httpx.Request(
            args.method.upper(),
            self.base_url.join(url_path.lstrip("/")),
            params=params,
            headers=headers,
            extensions={"timeout": httpx.Timeout(timeout).as_dict()},
            **kwargs,
        )
        if request.method != "GET" and "Idempotency-Key" not in request.headers:
            # One key for every attempt: a server that honours it runs the request once.
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        return request

    def _read_limit(self, args: RequestArgs) -> int | None:
        """How much of a body to read: no limit for a download, else max_response_size."""
        return None if args.response_type is bytes else self.max_response_size

    def _retries(self, args: RequestArgs) -> int:
        return (
            self.max_retries
            if isinstance(args.max_retries, NotGiven)
            else args.max_retries
        )

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Wait before retry number `attempt` (1-based): the server's ask, else backoff with jitter."""
        asked = _retry_after(response)
        if asked is not None and 0 <= asked <= MAX_RETRY_AFTER:
            return asked
        first, longest, factor = RETRY_BACKOFF
        delay = min(first * factor ** (attempt - 1), longest)
        return delay * (1 - 0.25 * random.random())

    def _retry_wait(
        self,
        attempt: int,
        retries: int,
        waited: float,
        response: httpx.Response | None,
    ) -> float | None:
        """How long to wait before trying again; None when not to: the retries are spent,
        the failure is not one to retry (`response` None: no response came), or the wait
        would take the waiting past RETRY_BUDGET."""
        if attempt > retries:
            return None
        if not (
            RETRY_CONNECTION_ERRORS if response is None else _should_retry(response)
        ):
            return None
        delay = self._retry_delay(attempt, response)
        if RETRY_BUDGET is not None and waited + delay > RETRY_BUDGET:
            return None
        return delay

    def _error_body(
        self, data: Any, error_types: Mapping[str, Any], status: str | None = None
    ) -> Any:
        """`data` parsed by the error schema documented for `status`; an error event in a
        stream has no status and takes the documented default, else the first schema."""
        if status is None:
            error_type = error_types.get("default") or next(
                iter(error_types.values()), None
            )
        else:
            error_type = (
                error_types.get(status)
                or error_types.get(status[:1] + "XX")
                or error_types.get("default")
            )
        if error_type is None:
            return data
        try:
            return adapter(error_type).validate_python(data)
        except pydantic.ValidationError:
            return data

    def _status_error(
        self, response: httpx.Response, error_types: Mapping[str, Any]
    ) -> APIStatusError:
        try:
            data = json.loads(response.content)
        except ValueError:
            data = None
        text = response.text
        if self.api_key:
            data, text = _scrubbed(data, self.api_key), _scrubbed(text, self.api_key)
        body = (
            text
            if data is None
            else self._error_body(data, error_types, str(response.status_code))
        )
        message = _error_message(data if data is not None else text)
        summary = f"Error code: {response.status_code}" + (
            f" - {message}" if message else ""
        )
        return status_error_class(response.status_code)(
            summary, response=response, body=body
        )

    def _result(
        self,
        response: httpx.Response,
        args: RequestArgs,
        page: Callable[[Any, Pagination], Any],
        stream: Callable[[httpx.Response], Any],
    ) -> Any:
        """The parsed result: a model, bytes, None, a page or an event stream."""
        if args.streams_events and response.headers.get("content-type", "").startswith(
            "text/event-stream"
        ):
            return stream(response)
        if args.response_type is None:
            return None
        if args.response_type is bytes:
            return response.content
        strict = self.strict_response_validation
        body = (
            decode_json(response, args.response_type, strict=strict)
            if args.envelope is None
            else decode_enveloped(
                response, args.response_type, args.envelope, strict=strict
            )
        )
        if isinstance(body, BaseModel):
            request_id = _request_id(response)
            body._request_id = request_id  # pyright: ignore[reportPrivateUsage]
        return page(body, args.pagination) if args.pagination is not None else body

    def _log_request(self, request: httpx.Request, attempt: int) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s attempt %d headers %s",
                request.method,
                _redacted_url(request.url),
                attempt,
                _redacted_headers(request.headers),
            )

    def _log_response(self, response: httpx.Response) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s -> %d",
                response.request.method,
                _redacted_url(response.request.url),
                response.status_code,
            )

    def _poll_deadline_passed(
        self, started: float, slept: float, interval: float, deadline: float | None
    ) -> bool:
        # Slept time counts even when `sleep` is replaced by one that does not really wait.
        if deadline is None:
            return False
        return max(time.monotonic() - started, slept) + interval > deadline


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
        strict_response_validation: bool,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            max_response_size=max_response_size,
        )
        self._owns_http_client = http_client is None
        self._http_client = http_client or httpx.Client(transport=DeadlineTransport())
        self.sleep: Callable[[float], None] = time.sleep
        """How the client waits between retries and polls; tests may record instead."""

    def close(self) -> None:
        """Close the connection pool, unless the caller passed their own `http_client`."""
        if self._owns_http_client:
            self._http_client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def request(self, method: str, path: str, **options: Any) -> Any:
        """Send an operation's request; generated resource methods call this."""
        return self._execute(RequestArgs(method, path, **options))

    @contextlib.contextmanager
    def stream_url(self, url: str) -> Iterator[Iterator[bytes]]:
        """The body of a URL the API handed out (a batch's result file), unread; sent
        without the API key, which is for the API's own host."""
        with self._http_client.stream("GET", url) as response:
            if response.is_error:
                response.read()
                raise self._status_error(response, {})
            yield response.iter_bytes()

    def _execute(self, args: RequestArgs) -> Any:
        mode = response_mode.get()
        response = self._send(
            self._build_request(args),
            args,
            stream=mode == "stream" or args.streams_events,
        )

        def parse(http_response: httpx.Response) -> Any:
            return self._result(
                http_response,
                args,
                lambda body, pagination: SyncPage[Any](
                    body,
                    pagination,
                    lambda p, c: self._execute(args.after(p, c)),
                    args.cursor(pagination),
                ),
                lambda events: Stream[Any](
                    events,
                    args.stream_type,
                    lambda data: self._error_body(data, args.error_types),
                ),
            )

        if mode == "raw":
            return APIResponse[Any](response, parse)
        if mode == "stream":
            return StreamedAPIResponse[Any](response, parse)
        return parse(response)

    def _send(
        self, request: httpx.Request, args: RequestArgs, *, stream: bool
    ) -> httpx.Response:
        """Send with retries; a successful response is returned, unread when `stream`."""
        retries = self._retries(args)
        attempt, waited = 0, 0.0
        while True:
            attempt += 1
            self._log_request(request, attempt)
            response: httpx.Response | None = None
            try:
                with attempt_deadline(attempt_end(request)):
                    response = self._http_client.send(request, stream=True)
                    limit = self._read_limit(args)
                    if not (stream and response.is_success) and limit is not None:
                        chunks: list[bytes] = []
                        size = 0
                        for chunk in response.iter_bytes():
                            chunks.append(chunk)
                            size += len(chunk)
                            if size > limit:
                                response.close()
                                raise ResponseTooLargeError(request, limit)
                        _keep_body(response, chunks)
                if not (stream and response.is_success) and limit is None:
                    response.read()  # a download takes its time
            except httpx.TransportError as exc:
                if response is not None:
                    response.close()
                wait = self._retry_wait(attempt, retries, waited, None)
                if wait is not None:
                    waited += wait
                    self.sleep(wait)
                    continue
                raise connection_error(request, exc) from exc
            self._log_response(response)
            if response.is_success:
                return response
            wait = self._retry_wait(attempt, retries, waited, response)
            if wait is not None:
                waited += wait
                self.sleep(wait)
                continue
            raise self._status_error(response, args.error_types)

    def poll(
        self,
        fetch: Callable[[], T],
        *,
        field: str,
        terminal: tuple[str, ...],
        poll_interval: float,
        max_poll_interval: float,
        deadline: float | None,
        on_poll: Callable[[T], object] | None,
    ) -> T:
        """Call `fetch` until its result's `field` is one of `terminal`, the wait between
        two calls growing from `poll_interval` by half up to `max_poll_interval`."""
        started, slept, interval = time.monotonic(), 0.0, poll_interval
        while True:
            result = fetch()
            if on_poll is not None:
                on_poll(result)
            if getattr(result, field, None) in terminal:
                return result
            if self._poll_deadline_passed(started, slept, interval, deadline):
                raise _wait_timeout(result, field, deadline)
            self.sleep(interval)
            slept += interval
            interval = _next_poll_interval(interval, poll_interval, max_poll_interval)


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
        strict_response_validation: bool,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    ) -> None:
        super().__init__(
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            strict_response_validation=strict_response_validation,
            max_response_size=max_response_size,
        )
        self._owns_http_client = http_client is None
        self._http_client = http_client or httpx.AsyncClient()
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        """How the client waits between retries and polls; tests may record instead."""

    async def close(self) -> None:
        """Close the connection pool, unless the caller passed their own `http_client`."""
        if self._owns_http_client:
            await self._http_client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def request(self, method: str, path: str, **options: Any) -> Any:
        """Send an operation's request; generated resource methods call this."""
        return await self._execute(RequestArgs(method, path, **options))

    @contextlib.asynccontextmanager
    async def stream_url(self, url: str) -> AsyncIterator[AsyncIterator[bytes]]:
        """The body of a URL the API handed out (a batch's result file), unread; sent
        without the API key, which is for the API's own host."""
        async with self._http_client.stream("GET", url) as response:
            if response.is_error:
                await response.aread()
                raise self._status_error(response, {})
            yield response.aiter_bytes()

    def paginate(self, method: str, path: str, **options: Any) -> AsyncPaginator[Any]:
        """A list operation's result: awaitable for the first page, async-iterable for all items."""
        return AsyncPaginator(
            lambda: self._execute(RequestArgs(method, path, **options))
        )

    async def _execute(self, args: RequestArgs) -> Any:
        mode = response_mode.get()
        response = await self._send(
            self._build_request(args),
            args,
            stream=mode == "stream" or args.streams_events,
        )

        def parse(http_response: httpx.Response) -> Any:
            return self._result(
                http_response,
                args,
                lambda body, pagination: AsyncPage[Any](
                    body,
                    pagination,
                    lambda p, c: self._execute(args.after(p, c)),
                    args.cursor(pagination),
                ),
                lambda events: AsyncStream[Any](
                    events,
                    args.stream_type,
                    lambda data: self._error_body(data, args.error_types),
                ),
            )

        if mode == "raw":
            return APIResponse[Any](response, parse)
        if mode == "stream":
            return AsyncStreamedAPIResponse[Any](response, parse)
        return parse(response)

    async def _send(
        self, request: httpx.Request, args: RequestArgs, *, stream: bool
    ) -> httpx.Response:
        """Send with retries; a successful response is returned, unread when `stream`."""
        retries = self._retries(args)
        attempt, waited = 0, 0.0
        while True:
            attempt += 1
            self._log_request(request, attempt)
            response: httpx.Response | None = None
            try:
                async with async_attempt_deadline(attempt_end(request), request):
                    response = await self._http_client.send(request, stream=True)
                    limit = self._read_limit(args)
                    if not (stream and response.is_success) and limit is not None:
                        chunks: list[bytes] = []
                        size = 0
                        async for chunk in response.aiter_bytes():
                            chunks.append(chunk)
                            size += len(chunk)
                            if size > limit:
                                await response.aclose()
                                raise ResponseTooLargeError(request, limit)
                        _keep_body(response, chunks)
                if not (stream and response.is_success) and limit is None:
                    await response.aread()  # a download takes its time
            except httpx.TransportError as exc:
                if response is not None:
                    await response.aclose()
                wait = self._retry_wait(attempt, retries, waited, None)
                if wait is not None:
                    waited += wait
                    await self.sleep(wait)
                    continue
                raise connection_error(request, exc) from exc
            self._log_response(response)
            if response.is_success:
                return response
            wait = self._retry_wait(attempt, retries, waited, response)
            if wait is not None:
                waited += wait
                await self.sleep(wait)
                continue
            raise self._status_error(response, args.error_types)

    async def poll(
        self,
        fetch: Callable[[], Awaitable[T]],
        *,
        field: str,
        terminal: tuple[str, ...],
        poll_interval: float,
        max_poll_interval: float,
        deadline: float | None,
        on_poll: Callable[[T], object] | None,
    ) -> T:
        """Call `fetch` until its result's `field` is one of `terminal`, the wait between
        two calls growing from `poll_interval` by half up to `max_poll_interval`."""
        started, slept, interval = time.monotonic(), 0.0, poll_interval
        while True:
            result = await fetch()
            if on_poll is not None:
                on_poll(result)
            if getattr(result, field, None) in terminal:
                return result
            if self._poll_deadline_passed(started, slept, interval, deadline):
                raise _wait_timeout(result, field, deadline)
            await self.sleep(interval)
            slept += interval
            interval = _next_poll_interval(interval, poll_interval, max_poll_interval)


def _next_poll_interval(current: float, first: float, longest: float) -> float:
    """Polls space out as a batch runs on: half as long again each time, up to `longest`."""
    return min(current * 1.5, max(longest, first))


def _wait_timeout(last: object, field: str, deadline: float | None) -> WaitTimeoutError:
    return WaitTimeoutError(
        f"{field} is still {getattr(last, field, None)!r} after {deadline} s", last
    )


def missing_api_key(env_var: str) -> SDKError:
    return SDKError(
        f"No API key: pass api_key=... to the client or set the {env_var} environment variable."
    )
