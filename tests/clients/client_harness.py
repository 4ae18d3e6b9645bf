"""Test helpers for the generated clients: a recording MockTransport handler, canned replies,
sync/async call helpers, a multipart parser, the operation-table row type and spec reading."""

from __future__ import annotations

import email.parser
import email.policy
import functools
import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.support import PROVIDERS, SleepRecorder

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"

ENV_VARIABLES = [
    f"{p.env_prefix}_{suffix}"
    for p in PROVIDERS.values()
    for suffix in ("API_KEY", "BASE_URL", "LOG")
]

# --------------------------------------------------------------------------- replies

Reply = Callable[[httpx.Request], httpx.Response]


def json_reply(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Reply:
    """A JSON response; `body` may be any JSON value, including a bare string."""
    content = json.dumps(body).encode()

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status,
            content=content,
            headers={"Content-Type": "application/json", **(headers or {})},
        )

    return reply


def raw_reply(
    content: bytes | str,
    status: int = 200,
    content_type: str = "text/plain; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Reply:
    """A non-JSON response: text, HTML or binary bytes."""
    data = content.encode() if isinstance(content, str) else content

    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            status,
            content=data,
            headers={"Content-Type": content_type, **(headers or {})},
        )

    return reply


def raise_reply(exc_type: type[httpx.TransportError]) -> Reply:
    """The transport fails instead of answering (connection refused, timeout, ...)."""

    def reply(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated transport failure", request=request)

    return reply


class Recorder:
    """httpx.MockTransport handler: records each request, answers with the next reply.

    The last reply is repeated when the client sends more requests than replies were given.
    """

    def __init__(self, replies: list[Reply]) -> None:
        self.replies = replies or [json_reply({})]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        return reply(request)

    @property
    def last(self) -> httpx.Request:
        assert self.requests, "the client sent no request"
        return self.requests[-1]


# --------------------------------------------------------------------------- harness


@dataclass
class Harness:
    """A client on a MockTransport, plus what it sent; `call` runs sync and async alike."""

    client: Any
    recorder: Recorder
    mode: str
    sleeps: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Never sleep in a test: record the delays the retry loop asks for instead.
        SleepRecorder(self.sleeps).install(self.client, self.mode)

    async def call(self, operation: Callable[..., Any], **kwargs: Any) -> Any:
        result = operation(self.client, **kwargs)
        if inspect.isawaitable(result):
            result = await result
        return result

    @property
    def request(self) -> httpx.Request:
        return self.recorder.last


# --------------------------------------------------------------------------- operation tables


@dataclass(frozen=True)
class Op:
    """One row of a provider's operation table.

    call:     lambda client, **kw: client.<resource>.<method>(..., **kw)
    method:   expected HTTP method
    path:     expected path, appended to the provider's base URL
    response: the 200 body (a JSON value, or bytes for a file download)
    model:    expected class of the result (bytes for a download)
    query:    expected query parameters (all values as sent, i.e. strings)
    json:     expected JSON request body (exact), or None when the request has no body
    form:     expected multipart fields other than the file, for uploads
    upload:   expected (filename, bytes) of the multipart `file` part, for uploads;
              filename None: any nonblank name (the client picks it for raw bytes)
    check:    extra assertions on the parsed result; may assert, or return a bool that must be True
    envelope: the field of `response` the result is, for a provider that wraps its results
    """

    id: str
    call: Callable[..., Any]
    method: str
    path: str
    response: Any
    model: type
    query: dict[str, str] = field(default_factory=dict)
    json: Any = None
    form: dict[str, str] | None = None
    upload: tuple[str | None, bytes] | None = None
    check: Callable[[Any], None] | None = None
    envelope: str | None = None

    @property
    def route(self) -> tuple[str, str]:
        return self.method, self.path

    def reply(self) -> Reply:
        if isinstance(self.response, bytes):
            return raw_reply(self.response, content_type="application/octet-stream")
        return json_reply(self.response)


def url_without_query(request: httpx.Request) -> str:
    return str(request.url.copy_with(query=None))


def query_of(request: httpx.Request) -> dict[str, str]:
    items = request.url.params.multi_items()
    assert len({k for k, _ in items}) == len(items), f"repeated query key: {items}"
    return dict(items)


def json_body_of(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)


@dataclass(frozen=True)
class Part:
    name: str
    filename: str | None
    content_type: str | None
    data: bytes


def multipart_of(request: httpx.Request) -> dict[str, Part]:
    """Parse a multipart/form-data request body into {field name: Part}."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary="), content_type
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.content
    )
    assert message.is_multipart()
    parts: dict[str, Part] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        assert isinstance(name, str) and name not in parts, (
            f"bad or repeated part {name!r}"
        )
        parts[name] = Part(
            name=name,
            filename=part.get_filename(),
            content_type=part.get("content-type"),
            data=part.get_payload(decode=True),
        )
    return parts


def dump(model: Any) -> Any:
    """A parsed response as JSON again: equal to the response body when every field was kept."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


def accepts(accept_header: str, media_type: str) -> bool:
    """Whether an Accept header admits `media_type` (exact, type/* or */*, q > 0)."""
    wanted_type, _, wanted_subtype = media_type.partition("/")
    for item in accept_header.split(","):
        range_, *params = [piece.strip() for piece in item.split(";")]
        if any(
            p.replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000") for p in params
        ):
            continue
        type_, _, subtype = range_.partition("/")
        if type_ == "*" or (type_ == wanted_type and subtype in ("*", wanted_subtype)):
            return True
    return False


def check_request(
    harness: Harness,
    op: Op,
    *,
    base_url: str,
    api_key: str,
    on_behalf_of: str | None = None,
) -> None:
    """The one request the operation sent: method, URL, query, auth, body."""
    assert len(harness.recorder.requests) == 1, "expected exactly one request"
    request = harness.request
    assert request.method == op.method
    assert url_without_query(request) == base_url + op.path
    assert query_of(request) == op.query
    assert request.headers.get_list("authorization") == [f"Bearer {api_key}"]
    if on_behalf_of is not None:
        assert request.headers.get_list("x-on-behalf-of") == [on_behalf_of]
    if op.json is not None:
        assert json_body_of(request) == op.json
    elif op.upload is not None:
        parts = multipart_of(request)
        assert set(parts) == {"file", *(op.form or {})}
        filename, data = op.upload
        file_part = parts["file"]
        assert file_part.data == data
        assert file_part.filename and file_part.filename.strip()
        if filename is not None:
            assert file_part.filename == filename
        for name, value in (op.form or {}).items():
            assert parts[name].filename is None
            assert parts[name].data.decode() == value
    else:
        assert request.content == b"", "a request without a documented body sent one"
        assert "content-type" not in request.headers


def check_result(result: Any, op: Op) -> None:
    """The parsed response: the documented class, every field value kept.

    A list returns a page: its `body` is the documented response and its `data` that
    response's items.  A result the provider wraps is what the envelope holds.
    """
    if type(result).__name__ in ("SyncPage", "AsyncPage"):
        assert result.data == list(result.body.data)
        result = result.body
    expected = op.response if op.envelope is None else op.response[op.envelope]
    if op.model is bytes:
        assert type(result) is bytes
        assert result == expected
    else:
        assert type(result) is op.model, f"{type(result)} is not {op.model}"
        assert dump(result) == expected
    if op.check is not None:
        outcome = op.check(result)
        assert outcome is None or outcome is True, f"check failed on {result!r}"


# --------------------------------------------------------------------------- spec


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _spec(provider: str) -> Any:
    return yaml.load((SPECS / f"{provider}.yaml").read_text(), Loader=_Loader)


def spec_responses(provider: str) -> dict[tuple[str, str], list[str]]:
    """{(METHOD, path): [response status keys]} of every operation in specs/<provider>.yaml."""
    document = _spec(provider)
    routes: dict[tuple[str, str], list[str]] = {}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "patch", "head", "options"):
                routes[method.upper(), path] = [str(s) for s in operation["responses"]]
    return routes


def error_statuses(provider: str) -> dict[tuple[str, str], list[str]]:
    """The documented non-2xx responses of every operation ("400", "4XX", ...)."""
    return {
        route: [s for s in statuses if not s.startswith("2")]
        for route, statuses in spec_responses(provider).items()
    }


def status_error_class(package: Any, status: int) -> type:
    """The error class a status must raise, by the contract of every generated package."""
    by_status = {
        400: package.BadRequestError,
        401: package.AuthenticationError,
        403: package.PermissionDeniedError,
        404: package.NotFoundError,
        409: package.ConflictError,
        422: package.UnprocessableEntityError,
        429: package.RateLimitError,
    }
    if status >= 500:
        return package.InternalServerError
    return by_status.get(status, package.APIStatusError)
