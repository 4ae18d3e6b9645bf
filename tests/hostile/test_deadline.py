"""A server that trickles: each byte arrives before the read timeout, the whole never does.

httpx's timeouts bound each socket operation, so a server sending one header line every
0.2 s holds a client with `timeout=1` for as long as it likes. Each attempt of a generated
client ends when its longest timeout has passed since it started (connect, headers and a
parsed body), sync and async; a stream or a download the caller reads is not cut short.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator

import moonshot
import pytest

from tests.hostile.test_hostile_servers import BATCH as BATCH_OBJECT

BATCH = json.dumps(BATCH_OBJECT).encode()
TRICKLE = 0.2  # seconds between two pieces: well inside the read timeout
PIECES = 15  # 3 s in all: well past the 1 s deadline


def headers_trickled(connection: socket.socket) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    for index in range(PIECES):
        time.sleep(TRICKLE)
        connection.sendall(f"X-Slow-{index}: 1\r\n".encode())
    connection.sendall(b"Content-Type: application/json\r\n")
    connection.sendall(f"Content-Length: {len(BATCH)}\r\n\r\n".encode() + BATCH)


def body_trickled(connection: socket.socket) -> None:
    body = BATCH.ljust(PIECES * 8)
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    )
    for start in range(0, len(body), 8):
        time.sleep(TRICKLE)
        connection.sendall(body[start : start + 8])


@pytest.fixture
def server() -> Iterator[Callable[[Callable[[socket.socket], None]], str]]:
    """A one-connection-at-a-time HTTP server on 127.0.0.1 that answers with `reply`."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def start(reply: Callable[[socket.socket], None]) -> str:
        def serve() -> None:
            while not stop.is_set():
                try:
                    connection, _ = listener.accept()
                except TimeoutError:
                    continue
                with connection:
                    connection.recv(65536)
                    try:
                        reply(connection)
                    except OSError:  # the client gave up: what this test wants
                        pass

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        threads.append(thread)
        return f"http://127.0.0.1:{listener.getsockname()[1]}"

    yield start
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    listener.close()


def sync_client(base_url: str) -> moonshot.Moonshot:
    return moonshot.Moonshot(api_key="k", base_url=base_url, timeout=1.0, max_retries=0)


@pytest.mark.parametrize("reply", [headers_trickled, body_trickled])
def test_a_trickling_server_does_not_outlast_the_timeout(server, reply):
    client = sync_client(server(reply))
    started = time.monotonic()
    with pytest.raises(moonshot.APITimeoutError):
        client.batches.retrieve("batch_1")
    # The server would take PIECES * TRICKLE = 3 s; the deadline is 1 s from the start.
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("reply", [headers_trickled, body_trickled])
def test_the_async_client_keeps_the_same_deadline(server, reply):
    async def call() -> None:
        async with moonshot.AsyncMoonshot(
            api_key="k", base_url=server(reply), timeout=1.0, max_retries=0
        ) as client:
            await client.batches.retrieve("batch_1")

    started = time.monotonic()
    with pytest.raises(moonshot.APITimeoutError):
        asyncio.run(call())
    assert time.monotonic() - started < 2.5


def test_a_download_the_caller_waits_for_is_not_cut(server):
    """A download reads its body outside the deadline: each piece is in time."""
    content = sync_client(server(body_trickled)).files.content("file_1")
    assert content.startswith(BATCH)


def test_each_retry_has_a_deadline_of_its_own(server):
    client = moonshot.Moonshot(
        api_key="k", base_url=server(headers_trickled), timeout=0.5, max_retries=1
    )
    client.sleep = lambda seconds: None
    started = time.monotonic()
    with pytest.raises(moonshot.APITimeoutError):
        client.batches.retrieve("batch_1")
    assert 1.0 <= time.monotonic() - started < 3
