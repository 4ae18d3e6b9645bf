"""Prism mock servers for the contract tests: one per spec, started once per session.

Prism (`@stainless-api/prism-cli`, pinned in package.json / package-lock.json and
installed by `make test` with `npm ci`) serves a spec on 127.0.0.1, validates every
request against it and answers with the spec's examples, or with random data under
`Prefer: dynamic=true`.

What Prism 5.16.1 does (read from its CLI help and its source in
node_modules/@stainless-api):
- A request that breaks the spec never gets a mock: Prism answers with the operation's
  error response (400/401/422, or a problem+json it makes up) and lists every violation
  in the `sl-violations` response header, a JSON array of {location, severity, code,
  message} whose location starts with "request". This happens with or without
  `--errors`.
- `--errors` also validates Prism's OWN answer against the spec: an example or a random
  body that breaks the response schema becomes a 500 problem+json ("Your
  request/response is not valid and the --errors flag is set"), with violations located
  at "response". So with `--errors` a body that reaches the client is known to match the
  spec.
- `--port 0` lets the OS pick a free port, and Prism prints the real one in "Prism is
  listening on http://127.0.0.1:PORT": no port is guessed, nothing races.

SiliconFlow publishes `example: null` on fields typed string/integer (specs/README.md,
SiliconFlow quirk 12: "the runtime must tolerate null here"). Under `--errors` Prism
refuses to serve those examples at all, so the static (example) tests of SiliconFlow run
against a second SiliconFlow server without `--errors`; there the tests check the
`sl-violations` header themselves and expect exactly the documented null fields (see
test_prism_siliconflow).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from prism_harness import UPLOAD_CONTENT
from prism_server import SERVERS, PrismServer, check_installed, start


@pytest.fixture(scope="session")
def prism_servers(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, PrismServer]]:
    """Start every Prism server at once (they boot in parallel); stop all at the end.

    The per-spec fixtures below wait for the one they need.
    """
    check_installed()
    log_dir = tmp_path_factory.mktemp("prism")
    servers: dict[str, PrismServer] = {}
    try:
        for name in SERVERS:
            servers[name] = start(name, log_dir)
        yield servers
    finally:
        for server in servers.values():
            server.stop()


def _ready(servers: dict[str, PrismServer], name: str) -> PrismServer:
    server = servers[name]
    server.wait_until_ready()
    return server


@pytest.fixture(scope="session")
def moonshot_prism(prism_servers: dict[str, PrismServer]) -> PrismServer:
    """`prism mock specs/moonshot.yaml --errors`."""
    return _ready(prism_servers, "moonshot")


@pytest.fixture(scope="session")
def siliconflow_prism(prism_servers: dict[str, PrismServer]) -> PrismServer:
    """`prism mock specs/siliconflow.yaml --errors`."""
    return _ready(prism_servers, "siliconflow")


@pytest.fixture(scope="session")
def siliconflow_examples_prism(prism_servers: dict[str, PrismServer]) -> PrismServer:
    """`prism mock specs/siliconflow.yaml`, no --errors: it serves the null examples."""
    return _ready(prism_servers, "siliconflow_examples")


@pytest.fixture(scope="session")
def mka1_prism(prism_servers: dict[str, PrismServer]) -> PrismServer:
    """`prism mock specs/mka1.yaml --errors`."""
    return _ready(prism_servers, "mka1")


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    """Every operation test runs with the sync and with the async client."""
    return str(request.param)


@pytest.fixture
def upload_file(tmp_path: Path) -> Path:
    """A real JSONL batch input file on disk, for the multipart uploads."""
    path = tmp_path / "requests.jsonl"
    path.write_bytes(UPLOAD_CONTENT)
    return path
