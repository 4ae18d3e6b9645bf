"""What makes this package's runtime its own; sdkforge writes the values of each package."""

from __future__ import annotations

from typing import Literal

PACKAGE = "siliconflow"
"""The package's import name, which also names its logger."""
USER_AGENT = "siliconflow-python/0.1.0"
ENV_PREFIX = "SILICONFLOW"
"""`{ENV_PREFIX}_API_KEY`, `{ENV_PREFIX}_BASE_URL` and `{ENV_PREFIX}_LOG` configure it."""
AUTH_KIND: Literal["bearer", "basic", "header", "query"] | None = "bearer"
"""How the API key is sent: an `Authorization` header (bearer or basic), a named header
or a query parameter, or not at all."""
AUTH_NAME = "Authorization"
"""The header or query parameter that carries the API key."""
