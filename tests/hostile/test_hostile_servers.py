"""Hostile callers and servers against a generated client: path values that would change
the route, header injection, bodies and events too large to hold, and an API key that
must never show."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator

import httpx
import moonshot
import pytest
from moonshot.models import KimiK26ChatRequest, Message

KEY = "sk-secret-0123456789"
BATCH = {
    "id": "batch_1",
    "object": "batch",
    "endpoint": "/v1/chat/completions",
    "input_file_id": "file_1",
    "completion_window": "24h",
    "status": "completed",
    "created_at": 1,
}


def client(
    handler: Callable[[httpx.Request], httpx.Response], **options: object
) -> moonshot.Moonshot:
    sdk = moonshot.Moonshot(
        api_key=options.pop("api_key", KEY),  # type: ignore[arg-type]
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        **options,  # type: ignore[arg-type]
    )
    sdk.sleep = lambda seconds: None
    return sdk


def recording(
    reply: httpx.Response,
) -> tuple[list[httpx.Request], Callable[..., httpx.Response]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return reply

    return sent, handler


@pytest.mark.parametrize("value", ["..", ".", ""])
def test_path_values_that_change_the_route_are_refused(value: str):
    sent, handler = recording(httpx.Response(200, json=BATCH))
    with pytest.raises(ValueError, match="would change the request's path"):
        client(handler).batches.retrieve(value)
    assert sent == []
    assert client(handler).batches.retrieve("a/../b").id == "batch_1"  # escaped: fine
    assert sent[0].url.raw_path == b"/v1/batches/a%2F..%2Fb"


@pytest.mark.parametrize("value", ["x\r\nX-Injected: 1", "x\ny", "x\x00"])
def test_header_values_with_line_breaks_are_refused(value: str):
    sent, handler = recording(httpx.Response(200, json=BATCH))
    with pytest.raises(ValueError, match="holds a control character"):
        client(handler).batches.retrieve("b", extra_headers={"X-Trace": value})
    assert sent == []


class Endless(httpx.SyncByteStream):
    """A body that never ends: a client that reads it whole never returns."""

    def __init__(self) -> None:
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        while True:
            self.sent += 65536
            yield b" " * 65536


def test_a_body_larger_than_the_limit_stops_with_our_error():
    body = Endless()
    sdk = client(
        lambda r: httpx.Response(200, stream=body), max_response_size=1_000_000
    )
    with pytest.raises(moonshot.ResponseTooLargeError) as caught:
        sdk.batches.retrieve("b")
    assert caught.value.limit == 1_000_000
    assert body.sent < 2_000_000  # stopped early, not buffered


def test_the_default_limit_and_no_limit_for_downloads():
    assert moonshot.Moonshot(api_key=KEY).max_response_size == 100 * 1024 * 1024
    data = b"x" * 3000
    sdk = client(lambda r: httpx.Response(200, content=data), max_response_size=1000)
    assert sdk.files.content("file_1") == data  # a download is the caller's to bound
    assert sdk.with_options(max_response_size=None).max_response_size is None


def chat() -> KimiK26ChatRequest:
    return KimiK26ChatRequest(
        model="kimi-k2.6", messages=[Message(role="user", content="Hi")]
    )


def test_an_event_larger_than_the_limit_stops_the_stream(
    monkeypatch: pytest.MonkeyPatch,
):
    streaming = __import__("moonshot._streaming", fromlist=["MAX_EVENT_SIZE"])
    monkeypatch.setattr(streaming, "MAX_EVENT_SIZE", 10_000)
    body = b"data: " + b"x" * 50_000 + b"\n\n"
    sdk = client(
        lambda r: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=body
        )
    )
    with pytest.raises(moonshot.ResponseTooLargeError):
        list(sdk.chat.completions.create(**chat().to_dict(), stream=True))


def test_an_event_that_does_not_match_its_schema_is_our_error():
    body = b'data: {"id": 1, "choices": "not a list"}\n\n'
    sdk = client(
        lambda r: httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=body
        )
    )
    with pytest.raises(moonshot.APIResponseValidationError):
        list(sdk.chat.completions.create(**chat().to_dict(), stream=True))


def test_a_key_read_with_a_newline_is_stripped():
    sent, handler = recording(httpx.Response(200, json=BATCH))
    client(handler, api_key=KEY + "\n").batches.retrieve("b")
    assert sent[0].headers["authorization"] == f"Bearer {KEY}"


def test_a_key_with_a_control_character_is_refused_without_showing_it():
    with pytest.raises(moonshot.SDKError) as caught:
        moonshot.Moonshot(api_key="sk-abc\x00def")
    assert "sk-abc" not in str(caught.value)


def test_a_key_the_server_echoes_is_not_in_the_error_nor_the_log(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("MOONSHOT_LOG", "debug")
    echo = {
        "error": {
            "message": f"invalid key {KEY}",
            "type": "invalid_authentication_error",
        }
    }
    sent, handler = recording(httpx.Response(401, json=echo))
    with (
        caplog.at_level(logging.DEBUG, logger="moonshot"),
        pytest.raises(moonshot.AuthenticationError) as caught,
    ):
        client(handler, max_retries=0).batches.retrieve("b")
    error = caught.value
    shown = [str(error), repr(error), json.dumps(error.body.model_dump()), caplog.text]
    assert all(KEY not in text for text in shown), shown
    assert "<redacted>" in str(error)
    assert sent[0].headers["authorization"] == f"Bearer {KEY}"  # still sent, of course
