"""What makes one user's code run on several providers' clients, each a generic mechanism
set in the configuration or read from the spec: model names by config, a response
envelope unwrapped, a one-value argument defaulted, every list iterated the same way."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from generator.config import Envelope, load_project
from generator.diagnostics import Diagnostic, FatalError
from generator.ir_builder import build
from generator.load import load

from .helpers import generate_package

SPEC = """\
openapi: 3.0.3
info: {title: Wrapped, version: "1"}
servers: [{url: "https://api.example.test"}]
paths:
  /files:
    get:
      parameters:
        - {name: purpose, in: query, required: true, schema: {type: string, enum: [batch]}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/FileListEnvelope"}
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties: {name: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/UploadEnvelope"}
  /batches:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Status"}
components:
  schemas:
    UploadEnvelope:
      type: object
      properties:
        code: {type: integer}
        message: {type: string}
        data: {$ref: "#/components/schemas/File"}
    FileListEnvelope:
      type: object
      properties:
        code: {type: integer}
        data:
          type: object
          properties:
            data: {type: array, items: {$ref: "#/components/schemas/File"}}
    File:
      type: object
      required: [id]
      properties: {id: {type: string}}
    Status:
      description: "Has data, and a field no envelope has: not an envelope."
      type: object
      properties:
        data: {type: string}
        uptime: {type: integer}
"""


def _client_config(tmp_path: Path, table: str) -> Path:
    (tmp_path / "spec.yaml").write_text(SPEC)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sdkforge.clients.wrapped]\nspec = "spec.yaml"\n' + table
    )
    return tmp_path / "pyproject.toml"


def _transport(replies: dict[tuple[str, str], object], seen: list[httpx.Request]):
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=replies[(request.method, request.url.path)])

    return httpx.MockTransport(handle)


def test_models_are_named_by_the_configuration(tmp_path: Path):
    pyproject = _client_config(
        tmp_path,
        '[tool.sdkforge.clients.wrapped.models]\nFile = "FileObject"\nGone = "Nothing"\n',
    )
    [config] = load_project(pyproject).clients
    assert config.models == {"File": "FileObject", "Gone": "Nothing"}
    warnings: list[Diagnostic] = []
    api = build(load(config.spec, "spec.yaml", tmp_path), config, warnings.append)
    names = set(api.model_modules())
    assert "FileObject" in names and "File" not in names
    [warning] = warnings
    assert warning.location.pointer == "/tool/sdkforge/clients/wrapped/models/Gone"
    assert warning.location.line == 5
    assert "the spec has no schema 'Gone'" in warning.message


@pytest.mark.parametrize("taken", ["Status", "Wrapped", "BaseModel"])
def test_a_model_name_already_taken_is_an_error(tmp_path: Path, taken: str):
    pyproject = _client_config(
        tmp_path, f'[tool.sdkforge.clients.wrapped.models]\nFile = "{taken}"\n'
    )
    [config] = load_project(pyproject).clients
    documents = load(config.spec, "spec.yaml", tmp_path)
    if taken == "Status":
        # Another schema's own name: both cannot have it; the renamed one wins and
        # the other is told apart, never numbered.
        api = build(documents, config, lambda _: None)
        names = set(api.model_modules())
        assert {"Status", "StatusModel"} <= names
        return
    with pytest.raises(FatalError, match=f"the name '{taken}' is taken") as raised:
        build(documents, config, lambda _: None)
    assert raised.value.location.pointer.endswith("/models/File")


@pytest.mark.parametrize(
    "table",
    [
        'envelope = "data"\n',
        "envelope = { data = 1 }\n",
        'envelope = { data = "data", wraps = [] }\n',
        'models = { File = "file object" }\n',
    ],
)
def test_envelope_and_models_mistakes_are_fatal(tmp_path: Path, table: str):
    pyproject = _client_config(tmp_path, table)
    with pytest.raises(FatalError, match="wants"):
        load_project(pyproject)


def test_an_envelope_is_unwrapped_where_a_response_is_one(tmp_path: Path):
    pyproject = _client_config(
        tmp_path, 'envelope = { data = "data", around = ["code", "message"] }\n'
    )
    [config] = load_project(pyproject).clients
    assert config.envelope == Envelope("data", ("code", "message"))
    _, package = generate_package(
        tmp_path / "spec.yaml",
        tmp_path / "out",
        "wrapped_pkg",
        envelope=config.envelope,
        class_name="Wrapped",
    )
    file = {"id": "file-1", "bytes": 3}
    replies: dict[tuple[str, str], object] = {
        ("POST", "/files"): {"code": 0, "message": "ok", "data": file},
        ("GET", "/files"): {"code": 0, "data": {"data": [file, {"id": "file-2"}]}},
        ("GET", "/batches"): {"data": "up", "uptime": 7},
    }
    seen: list[httpx.Request] = []
    client = package.Wrapped(
        api_key="k", http_client=httpx.Client(transport=_transport(replies, seen))
    )

    uploaded = client.files.create(name="a.jsonl")
    assert type(uploaded).__name__ == "File" and uploaded.id == "file-1"
    assert uploaded.to_dict() == file
    # A list in an envelope is still a list: iterated, one page.
    assert [f.id for f in client.files.list()] == ["file-1", "file-2"]
    # purpose can only be "batch": it is sent without being given.
    assert seen[-1].url.params["purpose"] == "batch"
    # A model with a field no envelope has is returned whole.
    status = client.batches.list()
    assert (status.data, status.uptime) == ("up", 7)

    replies[("POST", "/files")] = {"code": 20012, "message": "no such model"}
    with pytest.raises(package.APIResponseValidationError, match="no such model"):
        client.files.create(name="a.jsonl")
    client.close()


def test_without_an_envelope_nothing_is_unwrapped(tmp_path: Path):
    _, package = generate_package(
        tmp_path / _spec(tmp_path), tmp_path / "out", "plain", class_name="Wrapped"
    )
    body = {"code": 0, "message": "ok", "data": {"id": "file-1"}}
    seen: list[httpx.Request] = []
    client = package.Wrapped(
        api_key="k",
        http_client=httpx.Client(
            transport=_transport({("POST", "/files"): body}, seen)
        ),
    )
    wrapped = client.files.create(name="a.jsonl")
    assert json.loads(wrapped.to_json()) == body
    client.close()


def _spec(tmp_path: Path) -> str:
    (tmp_path / "spec.yaml").write_text(SPEC)
    return "spec.yaml"


UNION_BODY_SPEC = """\
openapi: 3.1.0
info: {title: Chat, version: "1"}
servers: [{url: "https://api.example.test"}]
paths:
  /chat:
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              oneOf:
                - {$ref: "#/components/schemas/SmallRequest"}
                - {$ref: "#/components/schemas/LargeRequest"}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: string}}}
components:
  schemas:
    Message:
      type: object
      required: [role]
      properties: {role: {type: string}, content: {type: string}}
    Options:
      type: object
      properties: {depth: {type: integer}}
    SmallRequest:
      type: object
      required: [model, messages]
      properties:
        model: {const: small}
        messages: {type: array, items: {$ref: "#/components/schemas/Message"}}
    LargeRequest:
      type: object
      required: [model, messages]
      properties:
        model: {const: large}
        messages: {type: array, items: {$ref: "#/components/schemas/Message"}}
        options: {$ref: "#/components/schemas/Options"}
"""


def test_a_body_of_several_models_is_keyword_arguments_that_take_dicts(
    tmp_path: Path,
):
    """A oneOf of request models: every field of any of them is a keyword (required
    when all require it), and a model argument also takes a dict of its fields."""
    (tmp_path / "spec.yaml").write_text(UNION_BODY_SPEC)
    _, package = generate_package(
        tmp_path / "spec.yaml", tmp_path / "out", "union_body", class_name="Chat"
    )
    source = (tmp_path / "out/union_body/resources/chat.py").read_text()
    assert 'model: Literal["small", "large"],' in source
    assert "messages: Sequence[Message | Mapping[str, object]]," in source
    assert "options: Options | Mapping[str, object] | NotGiven = NOT_GIVEN," in source
    assert "        body:" not in source
    seen: list[httpx.Request] = []
    client = package.Chat(
        api_key="k",
        http_client=httpx.Client(
            transport=_transport({("POST", "/chat"): {"id": "c1"}}, seen)
        ),
    )
    message = package.models.Message(role="system", content="Be brief.")
    client.chat.create(
        model="large",
        messages=[message, {"role": "user", "content": "Hi"}],
        options={"depth": 2},
    )
    assert json.loads(seen[-1].content) == {
        "model": "large",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
        ],
        "options": {"depth": 2},
    }
    client.close()
