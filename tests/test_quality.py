"""Every generated package passes ruff, ruff format, black and mypy --strict."""

from __future__ import annotations

import subprocess
import sys

import pytest
from ruff import find_ruff_bin

from tests.conftest import GENERATED

CHECKS = {
    "ruff check": [find_ruff_bin(), "check", "."],
    "ruff format": [find_ruff_bin(), "format", "--check", "."],
    "black": [sys.executable, "-m", "black", "--check", "."],
    "mypy --strict": [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "mka1",
        "moonshot",
        "siliconflow",
    ],
}


@pytest.mark.parametrize("name", list(CHECKS))
def test_generated_code_passes(name: str):
    result = subprocess.run(
        CHECKS[name], cwd=GENERATED, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
