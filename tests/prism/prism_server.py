"""Start and stop `prism mock` processes (used by conftest.py)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
PRISM = ROOT / "node_modules" / ".bin" / "prism"
PRISM_PACKAGE = ROOT / "node_modules" / "@stainless-api" / "prism-cli"
PRISM_VERSION = "5.16.1"
LISTENING = re.compile(r"Prism is listening on (http://127\.0\.0\.1:\d+)")
START_TIMEOUT = 90.0  # seconds; a cold start takes ~2.5 s of CPU per server
STOP_TIMEOUT = 10.0

# name -> (spec file, extra CLI flags). Every server gets `--errors` except the one that
# serves SiliconFlow's examples as published (see the module docstring).
SERVERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "moonshot": ("moonshot.yaml", ("--errors",)),
    "siliconflow": ("siliconflow.yaml", ("--errors",)),
    "siliconflow_examples": ("siliconflow.yaml", ()),
    "mka1": ("mka1.yaml", ("--errors",)),
}


@dataclass
class PrismServer:
    """One running `prism mock` process."""

    name: str
    spec: Path
    command: list[str]
    log_path: Path
    process: subprocess.Popen[bytes]
    log_file: IO[bytes]
    base_url: str = ""
    errors_flag: bool = True
    _ready: bool = field(default=False, repr=False)

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def wait_until_ready(self) -> None:
        """Block until Prism printed its address and answers HTTP on it."""
        if self._ready:
            return
        deadline = time.monotonic() + START_TIMEOUT
        while not self.base_url:
            match = LISTENING.search(
                self.log_path.read_text(encoding="utf-8", errors="replace")
            )
            if match:
                self.base_url = match.group(1)
                break
            if self.process.poll() is not None:
                pytest.fail(
                    f"Prism for {self.spec.name} exited with {self.process.returncode} "
                    f"before listening.\n$ {' '.join(self.command)}\n{self.log_tail()}"
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Prism for {self.spec.name} did not listen within "
                    f"{START_TIMEOUT:.0f} s.\n{self.log_tail()}"
                )
            time.sleep(0.05)
        # Any HTTP answer will do: an unknown path gets Prism's own 404 problem+json.
        response = httpx.get(f"{self.base_url}/__sdkforge_ready__", timeout=10.0)
        assert response.status_code == 404, (response.status_code, response.text)
        self._ready = True

    def stop(self) -> None:
        """Terminate Prism's process group (it and any child), then reap it."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=STOP_TIMEOUT)
        self.log_file.close()


def check_installed() -> None:
    """Fail (not skip) when Prism is missing or is not the version the lock pins."""
    if not PRISM.exists():
        pytest.fail(
            f"{PRISM.relative_to(ROOT)} is missing: install Prism from the lock file "
            "with `make test` (or `npm ci` in the repository root)."
        )
    manifest = PRISM_PACKAGE / "package.json"
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if version != PRISM_VERSION:
        pytest.fail(
            f"node_modules has Prism {version}, package-lock.json pins "
            f"{PRISM_VERSION}: run `npm ci`."
        )


def start(name: str, log_dir: Path) -> PrismServer:
    spec_name, flags = SERVERS[name]
    spec = SPECS / spec_name
    command = [
        str(PRISM),
        "mock",
        str(spec),
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        *flags,
    ]
    log_path = log_dir / f"prism-{name}.log"
    log_file = log_path.open("wb")
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # own process group: stop() ends it and its children
    )
    return PrismServer(
        name=name,
        spec=spec,
        command=command,
        log_path=log_path,
        process=process,
        log_file=log_file,
        errors_flag="--errors" in flags,
    )
