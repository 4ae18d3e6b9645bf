"""Spec text never becomes code: paths, names, enums and docs are escaped."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import httpx
import pytest

from generator.render import docstring_body
from tests.pipeline.helpers import generate_package

PAYLOAD = 'x"""; __import__("pathlib").Path("PWNED").touch(); """\\\n\'"'


def test_hostile_strings_stay_strings(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = '/items/{id}/"); __import__("pathlib").Path("PWNED").touch(); ("'
    spec = {
        "openapi": "3.0.3",
        "info": {"title": PAYLOAD, "version": "1", "description": PAYLOAD},
        "paths": {
            path: {
                "get": {
                    "summary": PAYLOAD,
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": PAYLOAD,
                            "in": "query",
                            "description": PAYLOAD,
                            "schema": {"type": "string"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Thing"}
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "description": PAYLOAD,
                    "properties": {
                        PAYLOAD: {
                            "type": "string",
                            "description": PAYLOAD,
                            "enum": [PAYLOAD, "plain"],
                        },
                    },
                }
            }
        },
    }
    spec_path = tmp_path / "hostile.json"
    spec_path.write_text(json.dumps(spec))
    _, package = generate_package(spec_path, tmp_path / "out", "hostile_demo")
    assert not (tmp_path / "PWNED").exists()
    seen: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={PAYLOAD: PAYLOAD})

    client = package.HostileDemo(
        base_url="https://api.example.test",
        http_client=httpx.Client(transport=httpx.MockTransport(reply)),
    )
    manifest = json.loads(
        (tmp_path / "out" / "hostile_demo" / ".sdkforge.json").read_text()
    )
    [operation] = manifest["operations"]
    assert operation["path"] == path
    resource, method = operation["name"].split(".")
    call = getattr(getattr(client, resource), method)
    keyword = next(name for name in call.__code__.co_varnames if name.startswith("x_"))
    thing = call("42", **{keyword: "q"})
    assert not (tmp_path / "PWNED").exists()
    assert seen[0].url.params[PAYLOAD] == "q"
    assert seen[0].url.raw_path.startswith(b"/items/42/")
    assert thing.model_dump(by_alias=True) == {PAYLOAD: PAYLOAD}


@pytest.mark.parametrize(
    "text",
    [
        'Has both \\ backslash and """quotes"""',
        'ends with a quote"',
        'ends with an escaped quote \\"',
        "ends with a backslash \\",
        'two lines\nthe second ends "quoted"',
    ],
)
def test_docstrings_keep_any_text_intact(text: str):
    source = f'def f():\n    """{docstring_body(text, 4)}"""\n'
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    # A final quote may be kept apart from the closing quotes by a space (generator/layout.py).
    assert ast.get_docstring(function).removesuffix(" ") == text.strip()
