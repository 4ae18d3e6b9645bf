"""The generated API's types reach the caller: pages, raw and streamed responses, SSE."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import GENERATED, ROOT


def test_usage_type_checks_strictly():
    usage = ROOT / "tests" / "typing" / "usage_moonshot.py"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
