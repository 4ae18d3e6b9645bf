"""One contract for names: what the templates and the runtime bind is reserved, read from
them, and a spec whose names collide with any of it still gives a working client."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from ruff import find_ruff_bin

from generator import bindings
from generator.runtime import runtime_dir
from tests.conftest import ROOT
from tests.pipeline.helpers import generate_package

COLLISIONS = ROOT / "tests" / "fixtures" / "names" / "collisions.yaml"


@pytest.fixture(scope="module")
def collisions(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("names")
    _, package = generate_package(COLLISIONS, out, "collisions")
    return out, package


def client(package, reply):
    return package.Collisions(
        api_key="k",
        http_client=httpx.Client(transport=httpx.MockTransport(reply)),
    )


def test_tags_named_like_client_attributes_keep_the_client_working(collisions):
    _, package = collisions
    sent: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "x", "model_dump": "v"})

    sdk = client(package, reply)
    assert isinstance(sdk.base_url, httpx.URL) and sdk.api_key == "k"
    assert sdk.base_url_.retrieve().id == "x"
    assert sdk.close_.create().model_dump_ == "v"
    assert sdk.api_key_.retrieve() is not None
    sdk.with_options_.list()  # `options`: a plural, a collection
    assert [r.url.path for r in sent] == [
        "/base_url",
        "/close",
        "/api_key",
        "/with_options",
    ]
    assert sent[0].headers["authorization"] == "Bearer k"
    sdk.close()  # still the client's own method
    assert callable(sdk.with_options) and sdk.with_options(api_key="j").api_key == "j"


def test_a_tag_named_self_gets_a_class_that_does_not_hide_typing_self(collisions):
    _, package = collisions
    sdk = client(package, lambda r: httpx.Response(200, json={"name": "me"}))
    assert type(sdk.self).__name__ == "SelfResource"
    assert sdk.self.retrieve().name == "me"


def test_schemas_named_like_runtime_names_are_renamed(collisions):
    _, package = collisions
    assert package.SyncAPIClientModel.model_validate({"id": "1"}).id == "1"
    assert package.SelfModel(name="n").name == "n"
    assert package.TypeAliasTypeModel is not None


@pytest.mark.parametrize(
    "wire",
    [
        "model_dump",
        "model_validate",
        "model_copy",
        "model_construct",
        "model_json_schema",
        "model_post_init",
        "model_fields_set",
        "model_computed_fields",
        "schema_json",
        "parse_obj",
        "parse_raw",
        "from_orm",
    ],
)
def test_properties_named_like_pydantic_members_are_escaped(collisions, wire: str):
    _, package = collisions
    model = package.Pydantic.model_validate({wire: "v"})
    assert getattr(model, wire + "_") == "v"
    assert model.model_dump(by_alias=True, exclude_unset=True) == {wire: "v"}
    assert package.Pydantic(**{wire + "_": "w"}).model_dump(by_alias=True)[wire] == "w"


def test_operations_and_arguments_named_like_members_and_imports(collisions):
    _, package = collisions
    sent: list[httpx.Request] = []

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    sdk = client(package, reply)
    sdk.jobs.with_raw_response_("c", timeout_query=3)
    assert sdk.jobs.with_raw_response is not None  # the resource's own member
    assert (
        sent[0].url.path == "/jobs/c/with_raw_response"
        and sent[0].url.params["Timeout"] == "3"
    )


def test_the_collision_client_passes_ruff_and_mypy_strict(collisions):
    out, _ = collisions
    for command in (
        [find_ruff_bin(), "check", "--quiet", "collisions"],
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "collisions"],
    ):
        result = subprocess.run(
            command, check=False, cwd=out, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_no_generated_name_shadows_a_binding_of_its_module(collisions):
    """Every module of the collision client: each module-level name bound once, each class
    member defined once, no resource attribute of the client hiding a base-class member."""
    out, package = collisions
    for path in sorted((out / "collisions").rglob("*.py")):
        tree = ast.parse(path.read_text())
        bound: list[str] = []
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                bound += [a.asname or a.name.split(".")[0] for a in node.names]
            elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
                bound.append(node.name)
                if isinstance(node, ast.ClassDef):
                    members = [
                        m.name
                        for m in node.body
                        if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                        and not m.decorator_list
                    ] + [
                        m.name
                        for m in node.body
                        if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                        and any(
                            isinstance(d, ast.Name) and d.id != "overload"
                            for d in m.decorator_list
                        )
                    ]
                    assert len(members) == len(set(members)), (path, node.name)
        bound = [n for n in bound if n != "annotations"]
        assert len(bound) == len(set(bound)), (path, sorted(bound))
    base = package._base_client.SyncAPIClient
    own = set(vars(package.Collisions)) - {"__init__", "__doc__", "__module__"}
    assert not own & set(dir(base)), own & set(dir(base))


def test_reserved_sets_are_read_from_the_templates(tmp_path: Path, monkeypatch):
    (tmp_path / "package" / "resources").mkdir(parents=True)
    (tmp_path / "package" / "x.py.jinja").write_text(
        "from typing import Any, cast as _cast\nimport os.path\n"
        "from .{{ module }} import Hidden\nfrom .._y import (\n    One,\n    Two,\n)\n"
        "    def with_things(self):\n    def {{ op.name }}(\n"
    )
    monkeypatch.setattr(bindings, "templates_dir", lambda: tmp_path)
    assert bindings.template_imports("x.py.jinja") == {
        "Any",
        "_cast",
        "os",
        "One",
        "Two",
    }
    assert bindings.template_methods("x.py.jinja") == {"with_things"}


def test_runtime_exports_are_the_runtime_modules_all():
    exports = bindings.runtime_exports()
    assert exports["NotGiven"] == "._types" and exports["SDKError"] == "._errors"
    for name, module in exports.items():
        source = (runtime_dir() / f"{module[1:]}.py").read_text()
        assert f'"{name}"' in source


def test_field_names_reserve_pydantic_read_from_pydantic():
    import pydantic

    public = {n for n in dir(pydantic.BaseModel) if not n.startswith("_")}
    assert public <= bindings.reserved().field
    assert json.dumps(sorted(public))  # pydantic's namespace is not empty
    assert "model_dump" in public
