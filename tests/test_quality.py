"""Every generated package passes ruff check, ruff format, black and mypy --strict."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import GENERATED
from tests.gates import gate_commands

PACKAGES = ("mka1", "moonshot", "siliconflow")
CHECKS = gate_commands(*PACKAGES)


@pytest.mark.parametrize("name", list(CHECKS))
def test_generated_code_passes(name: str):
    result = subprocess.run(
        CHECKS[name], cwd=GENERATED, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
