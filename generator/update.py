"""`sdkforge update`: fetch a client's spec from the `url` in its configuration into
`specs/`. The new document replaces the old one only once it has been read whole and loads
as a spec; the caller then regenerates, which prints what changed."""

from __future__ import annotations

import os
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from .config import ClientConfig
from .diagnostics import FatalError
from .load import MAX_DOCUMENT_BYTES, load

TIMEOUT_SECONDS = 60


def fetch_spec(config: ClientConfig) -> bool:
    """Write the document at `config.url` over `config.spec`; whether it changed."""
    where = config.config_location("url")
    url = config.url or ""
    if not url.startswith(("https://", "http://")):
        raise FatalError(where, f"url {url!r}: only http and https are fetched")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_DOCUMENT_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise FatalError(where, f"could not fetch {url}: {error}") from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise FatalError(where, f"{url} is larger than {MAX_DOCUMENT_BYTES:,} bytes")
    spec = config.spec
    if spec.is_file() and spec.read_bytes() == data:
        return False
    spec.parent.mkdir(parents=True, exist_ok=True)
    # Beside the spec, with its suffix, so that it reads as the spec will ($refs included).
    handle, name = tempfile.mkstemp(
        dir=spec.parent, prefix=".update-", suffix=spec.suffix
    )
    staged = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        load(staged, url, config.ref_root)
        os.replace(staged, spec)
    finally:
        staged.unlink(missing_ok=True)
    return True
