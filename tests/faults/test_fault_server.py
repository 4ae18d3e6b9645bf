"""The fault server and the leak check themselves, seen from plain httpx: each fault is
the one it claims to be, and a connection left open does fail the check."""

from __future__ import annotations

import socket

import httpx
import pytest
from fault_harness import (
    RETRIEVE,
    VALID_BATCH,
    MakeClient,
    assert_no_connection_left_open,
)
from fault_server import (
    FaultServer,
    close_without_response,
    reply_json,
    reset_mid_body,
    stall,
    truncated,
)

from tests.support import PROVIDERS


def test_records_requests_and_answers_in_script_order(server: FaultServer) -> None:
    server.script(reply_json(201, {"n": 1}), reply_json(202, {"n": 2}))
    with httpx.Client(base_url=server.url) as client:
        first = client.post("/a?x=1", json={"k": "v"}, headers={"X-Test": "yes"})
        second = client.get("/b")
        third = client.get("/c")

    assert [first.status_code, second.status_code] == [201, 202]
    assert first.json() == {"n": 1}
    assert third.status_code == 418, "requests beyond the script get a 418"
    assert third.headers["x-should-retry"] == "false"
    recorded = server.requests
    assert [(r.method, r.target) for r in recorded] == [
        ("POST", "/a?x=1"),
        ("GET", "/b"),
        ("GET", "/c"),
    ]
    assert recorded[0].path == "/a"
    assert recorded[0].headers["x-test"] == "yes"
    assert recorded[0].body == b'{"k":"v"}'
    assert server.accepted_connections == 1, "keep-alive: one connection for all"
    assert server.wait_for(lambda: server.open_connections == 0)


@pytest.mark.parametrize(
    ("action", "error"),
    [
        (reset_mid_body(), httpx.ReadError),
        (truncated(200, '{"id": "ba', content_length=400), httpx.RemoteProtocolError),
        (close_without_response(), httpx.RemoteProtocolError),
    ],
    ids=["reset-mid-body", "short-body", "closed-without-response"],
)
def test_each_fault_is_a_transport_error(
    server: FaultServer, action: object, error: type[Exception]
) -> None:
    server.script(action)  # type: ignore[arg-type]
    with httpx.Client(base_url=server.url) as client, pytest.raises(error):
        client.get("/fault")
    assert server.wait_for(lambda: server.open_connections == 0)


def test_truncated_with_matching_length_is_a_complete_response(
    server: FaultServer,
) -> None:
    server.script(truncated(200, '{"id": "ba'))
    with httpx.Client(base_url=server.url) as client:
        response = client.get("/broken-json")
    assert response.content == b'{"id": "ba'


def test_stall_outlasts_the_timeout_and_ends_when_the_client_leaves(
    server: FaultServer,
) -> None:
    server.script(stall(seconds=30))
    with (
        httpx.Client(base_url=server.url, timeout=0.1) as client,
        pytest.raises(httpx.ReadTimeout),
    ):
        client.get("/slow")
    assert server.wait_for(lambda: server.open_connections == 0, timeout=1.0)


async def test_leak_check_fails_on_a_response_left_open(
    server: FaultServer, make_client: MakeClient
) -> None:
    provider = PROVIDERS["moonshot"]
    server.script(reply_json(200, VALID_BATCH), reply_json(200, VALID_BATCH))
    client = make_client(provider, "sync")
    await client.call(RETRIEVE)
    http_client = client.client._http_client
    leaked = http_client.send(
        http_client.build_request("GET", server.url + "/x"), stream=True
    )

    with pytest.raises(AssertionError, match="in use"):
        await assert_no_connection_left_open(client, server)
    leaked.close()


async def test_leak_check_fails_on_a_connection_outside_the_pool(
    server: FaultServer, make_client: MakeClient
) -> None:
    provider = PROVIDERS["mka1"]
    server.script(reply_json(200, VALID_BATCH))
    client = make_client(provider, "async")
    await client.call(RETRIEVE)
    stray = socket.create_connection(("127.0.0.1", server.port))
    try:
        assert server.wait_for(lambda: server.accepted_connections == 2)
        with pytest.raises(AssertionError, match="abandoned"):
            await assert_no_connection_left_open(client, server, settle=0.2)
    finally:
        stray.close()
