"""generated/ is exactly what the generator produces from specs/, byte for byte."""

from __future__ import annotations

import pytest

from generator.changes import finish
from generator.config import load_project
from generator.pipeline import generate
from generator.write import compare
from tests.conftest import ROOT

CLIENTS = load_project(ROOT / "pyproject.toml").clients


@pytest.mark.parametrize("config", CLIENTS, ids=[c.package for c in CLIENTS])
def test_generated_matches_specs(config):
    result = generate(config, f"specs/{config.spec.name}")
    # As `sdkforge generate` writes it: the changelog and the merge base recorded.
    differences = compare(config.output, finish(config.output, result.files).files)
    report = "\n".join(f"{d.kind}: {d.path}\n{d.diff}" for d in differences)
    assert not differences, (
        f"generated/{config.package} is stale; refresh with `make generate`:\n{report}"
    )


def test_all_three_providers_are_configured():
    assert sorted(c.package for c in CLIENTS) == ["mka1", "moonshot", "siliconflow"]
    assert {c.package: c.class_name for c in CLIENTS} == {
        "mka1": "MKA1",
        "moonshot": "Moonshot",
        "siliconflow": "SiliconFlow",
    }
