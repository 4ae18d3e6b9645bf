"""Each package's api.md lists every operation the client has, by its call path, with the
request it sends and the type it returns."""

from __future__ import annotations

import re

import pytest

from generator.config import load_project
from generator.ir_builder import build
from generator.load import load
from tests.conftest import GENERATED, ROOT

CLIENTS = load_project(ROOT / "pyproject.toml").clients


@pytest.mark.parametrize("config", CLIENTS, ids=[c.package for c in CLIENTS])
def test_api_md_lists_every_operation(config):
    api = build(load(config.spec, config.spec.name, ROOT), config, lambda _: None)
    reference = (GENERATED / config.package / "api.md").read_text()
    rows = re.findall(
        r"^\| `client\.([\w.]+)\((.*?)\)` \| `(\w+) (\S+)` \|", reference, re.MULTILINE
    )
    listed = {(call, method, path) for call, _, method, path in rows}
    expected = {
        (".".join((*resource, op.name)), op.method.upper(), op.path)
        for resource, op in api.operations()
    }
    assert listed == expected
    for link in re.findall(r"\]\((models/\w+\.py)\)", reference):
        assert (GENERATED / config.package / link).is_file(), link
