"""What makes this package's runtime its own; sdkforge writes the values of each package."""

from __future__ import annotations

from typing import Literal

PACKAGE = "sdkforge_client"
"""The package's import name, which also names its logger."""
USER_AGENT = "sdkforge_client-python/0.1.0"
ENV_PREFIX = "SDKFORGE_CLIENT"
"""`{ENV_PREFIX}_API_KEY`, `{ENV_PREFIX}_BASE_URL` and `{ENV_PREFIX}_LOG` configure it."""
AUTH_KIND: Literal["bearer", "basic", "header", "query"] | None = "bearer"
"""How the API key is sent: an `Authorization` header (bearer or basic), a named header
or a query parameter, or not at all."""
AUTH_NAME = "Authorization"
"""The header or query parameter that carries the API key."""
RETRY_STATUSES: tuple[str, ...] = ()
"""The statuses retried (`"429"`, or a range such as `"5XX"`), from the spec's
`x-speakeasy-retries` or the configuration; empty: 408, 409, 429 and every 5xx."""
RETRY_CONNECTION_ERRORS = True
"""Whether a request that never got a response is tried again."""
RETRY_BACKOFF: tuple[float, float, float] = (0.5, 8.0, 2.0)
"""Seconds before the first retry, the longest wait, and the factor from one to the next."""
RETRY_BUDGET: float | None = None
"""Seconds of waiting between attempts past which no retry starts; None: no limit but
`max_retries`."""
NEVER_RETRY: tuple[str, ...] = ()
"""Error codes (`error.code`, `error.type` or `code` in the body) never retried, whatever
the status: a quota to top up is not an overload to wait out."""
BASE_PATH = ""
"""The part of every operation's path that the provider's documentation puts in its base
URL (`/v1` for `https://api.moonshot.ai/v1`): a base URL ending in it has it taken off,
so that the documented URL and the bare host both reach `/v1/...`, never `/v1/v1/...`."""
REQUEST_ID_HEADERS: tuple[str, ...] = ("x-request-id", "request-id")
"""The response headers that carry the id the API gave a request, first found wins."""
BATCH_MAX_LINES: int | None = None
"""Request lines a batch input file may hold, if the provider says."""
BATCH_MAX_BYTES: int | None = None
"""Bytes a batch input file may hold, if the provider says."""
BATCH_ONE_MODEL = False
"""Whether every line of a batch input file must ask for the same model."""
