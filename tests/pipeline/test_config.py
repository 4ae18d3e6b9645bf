"""[tool.sdkforge]: clients, their options and operation overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import OperationName, load_project
from generator.diagnostics import FatalError
from generator.ir_builder import build
from generator.load import load


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


def test_the_providers_own_request_id_header_is_read_first(tmp_path: Path):
    (tmp_path / "spec.yaml").write_text(
        'openapi: 3.1.0\ninfo: {title: T, version: "1"}\npaths: {}\n'
    )
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sdkforge.clients.acme]\n"
        'spec = "spec.yaml"\n'
        'request_id_header = "X-Acme-Request"\n'
        'base_path = "v1/"\n'
    )
    [config] = load_project(tmp_path / "pyproject.toml").clients
    assert (config.request_id_header, config.base_path) == ("x-acme-request", "/v1")
    api = build(load(config.spec, "spec.yaml", tmp_path), config, lambda _: None)
    assert api.request_id_headers == ("x-acme-request", "x-request-id", "request-id")
    assert api.base_path == "/v1"
