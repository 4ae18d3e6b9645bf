"""[tool.sdkforge]: clients, their options and operation overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import OperationName, load_project
from generator.diagnostics import FatalError


def _project(tmp_path: Path, table: str):
    (tmp_path / "pyproject.toml").write_text("[tool.sdkforge]\n" + table)
    return load_project(tmp_path / "pyproject.toml")


def test_client_options_and_overrides(tmp_path: Path):
    project = _project(
        tmp_path,
        '[tool.sdkforge.clients.acme]\nspec = "specs/acme.yaml"\npath_prefix = "/api/v1/"\n'
        '[tool.sdkforge.clients.acme.operations]\n"post /chat/completions" = "chat.completions.create"\n',
    )
    [client] = project.clients
    assert (client.package, client.class_name, client.env_prefix) == (
        "acme",
        "Acme",
        "ACME",
    )
    assert client.output == tmp_path / "generated" / "acme"
    assert client.path_prefix == "/api/v1"
    assert client.operations == {
        "POST /chat/completions": OperationName(("chat", "completions"), "create")
    }


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[tool.sdkforge.clients.acme]\nspec = "a.yaml"\nclas_name = "X"\n',
            r"unknown key\(s\) clas_name",
        ),
        ("[tool.sdkforge.clients.acme]\nclass_name = 'X'\n", "has no 'spec'"),
        (
            '[tool.sdkforge.clients.acme]\nspec = "a.yaml"\n[tool.sdkforge.clients.acme.operations]\n"GET x" = "y"\n',
            "want",
        ),
    ],
)
def test_configuration_mistakes_are_fatal(tmp_path: Path, table: str, message: str):
    with pytest.raises(FatalError, match=message):
        _project(tmp_path, table)
