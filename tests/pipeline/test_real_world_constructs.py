"""Constructs of real public specs that failed or came out hollow, each in a small spec."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from generator.config import ClientConfig
from generator.ir import RetryPolicy
from generator.ir_builder import build
from generator.load import load
from tests.gates import failed_gates
from tests.pipeline.test_cli import run

FIXTURES = Path(__file__).parents[1] / "fixtures"

TYPO = """
openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - {name: limit, in: querry, schema: {type: integer}}
        - {name: after, in: query, schema: {type: string}}
      responses:
        "200": {description: ok}
"""


def test_a_parameter_in_an_unknown_place_is_named_where_it_is(tmp_path: Path):
    (tmp_path / "spec.yaml").write_text(TYPO)
    result = run("generate", "spec.yaml", "--output", "out/items", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "warning: spec.yaml:9: /paths/~1items/get/parameters/0/in: parameter 'limit' is "
        "in 'querry', not one of path, query, header, cookie: left out"
    ) in result.stderr
    resource = (tmp_path / "out" / "items" / "resources" / "items.py").read_text()
    assert "after:" in resource and "limit" not in resource

    strict = run(
        "generate", "spec.yaml", "--output", "out/strict", "--strict", cwd=tmp_path
    )
    assert strict.returncode == 2
    assert "parameter 'limit' is in 'querry'" in strict.stderr
    assert not (tmp_path / "out" / "strict").exists()


def test_warnings_are_printed_in_file_and_line_order(tmp_path: Path):
    """The validator's findings come first and the builder's after; a reader wants the
    spec's order (here the builder's line 9 before the validator's line 15)."""
    duplicate = TYPO + (
        "  /other:\n"
        "    get:\n"
        "      operationId: listItems\n"
        "      responses:\n"
        '        "200": {description: ok}\n'
    )
    (tmp_path / "spec.yaml").write_text(duplicate)
    result = run("generate", "spec.yaml", "--output", "out/items", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [
        int(line.split(":")[2])
        for line in result.stderr.splitlines()
        if line.startswith("warning: spec.yaml:")
    ]
    assert "is not unique" in result.stderr and "'querry'" in result.stderr
    assert len(lines) >= 3 and lines == sorted(lines)


def test_operations_that_are_refs_to_other_files_are_generated_whole(tmp_path: Path):
    """`get: {$ref: resources/pets/list.yml}` (and inside a `$ref`ed path item): the
    operation's parameters, responses and models come from the file it points to, and
    its own relative `$ref`s are read from there. They were empty shells (`-> None`)."""
    spec = Path(__file__).parents[1] / "fixtures" / "operation_refs" / "openapi.yaml"
    result = run("generate", str(spec), "--output", "out/pets", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr
    package = tmp_path / "out" / "pets"
    resource = (package / "resources" / "pets.py").read_text()
    assert "limit: int | NotGiven = NOT_GIVEN" in resource
    assert ") -> builtins.list[Pet]:" in resource
    assert ") -> Pet:" in resource
    assert "id: str" in (package / "models" / "pet.py").read_text()
    manifest = (package / ".sdkforge.json").read_text()
    assert '"name": "pets.list"' in manifest and '"name": "pets.retrieve"' in manifest


def _separate_files(project: Path) -> Path:
    """The OAI petstore-separate layout: `spec/openapi.yaml` and `common/Error.yaml`."""
    (project / "spec").mkdir(parents=True)
    (project / "common").mkdir()
    (project / "common" / "Error.yaml").write_text(
        "type: object\nrequired: [code]\nproperties:\n  code: {type: integer}\n"
    )
    spec = project / "spec" / "openapi.yaml"
    spec.write_text(
        """
openapi: 3.0.3
info: {title: T, version: "1"}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200": {description: ok}
        default:
          description: error
          content:
            application/json:
              schema: {$ref: "../common/Error.yaml"}
"""
    )
    return spec


def test_refs_may_reach_anywhere_inside_the_project(tmp_path: Path):
    project = tmp_path / "project"
    spec = _separate_files(project)
    alone = run("generate", str(spec), "--output", "out/pets", cwd=tmp_path)
    assert alone.returncode == 2
    assert "points outside" in alone.stderr and "--ref-root" in alone.stderr

    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    inside = run("generate", "spec/openapi.yaml", "--output", "out/pets", cwd=project)
    assert inside.returncode == 0, inside.stderr
    assert "code: int" in (project / "out" / "pets" / "models" / "error.py").read_text()


def test_ref_root_widens_the_boundary_and_nothing_beyond_it_is_read(tmp_path: Path):
    project = tmp_path / "project"
    spec = _separate_files(project)
    widened = run(
        "generate", str(spec), "--output", "out/pets", "--ref-root", str(project),
        cwd=tmp_path,
    )  # fmt: skip
    assert widened.returncode == 0, widened.stderr

    (tmp_path / "secret.yaml").write_text("type: string\n")
    text = spec.read_text().replace("../common/Error.yaml", "../../secret.yaml")
    spec.write_text(text)
    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    beyond = run("validate", str(spec), cwd=tmp_path)
    assert beyond.returncode == 2
    assert f"points outside {project.resolve()}" in beyond.stderr


def test_a_swagger2_ref_into_another_operations_response_follows_it(tmp_path: Path):
    """`#/paths/~1word~1%7Bid%7D/get/responses/200/schema/...`: the 2.0 -> 3.0 conversion
    moves the schema under the response's media type, and the `$ref` with it."""
    spec = Path(__file__).parents[1] / "fixtures" / "swagger2_ref_into_paths.yaml"
    result = run("generate", str(spec), "--output", "out/words", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    resource = (tmp_path / "out" / "words" / "resources" / "word.py").read_text()
    assert ") -> WordRetrieveResponseMeaning:" in resource


KEY_TWICE = """
openapi: 3.0.3
info: {title: T, version: "1"}
security: [{key: []}]
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
  parameters:
    Key: {name: x-api-key, in: header, required: true, schema: {type: string}}
paths:
  /pets/{id}:
    delete:
      operationId: deletePet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {$ref: '#/components/parameters/Key'}
        - {name: api_key, in: header, schema: {type: string}}
      responses:
        "204": {description: gone}
"""


def test_the_auth_header_declared_as_a_parameter_is_the_clients_alone(tmp_path: Path):
    """The API key scheme's header, declared again as a (required) header parameter:
    the client sends it, so no method asks for it a second time."""
    (tmp_path / "spec.yaml").write_text(KEY_TWICE)
    result = run("generate", "spec.yaml", "--output", "out/petstore", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    resource = (tmp_path / "out" / "petstore" / "resources" / "pets.py").read_text()
    assert "x-api-key" not in resource.lower()
    # Another header that merely shares the client's argument name stays.
    assert '"api_key": api_key,' in resource


def test_an_undeclared_path_parameter_is_one_warning_at_its_operation(tmp_path: Path):
    """It was two: ours, located, and the spec validator's at `:1: /`."""
    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.0.3\n"
        'info: {title: T, version: "1"}\n'
        "paths:\n"
        "  /items/{item_id}:\n"
        "    get:\n"
        '      responses: {"200": {description: ok}}\n'
    )
    result = run("generate", "spec.yaml", "--output", "out/items", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = (
        "warning: spec.yaml:5: /paths/~1items~1{item_id}/get: path parameter "
        "{item_id} is not declared; generated as a required string"
    )
    assert result.stderr.splitlines() == [expected]


def test_operations_the_spec_leaves_incomplete_say_so_in_the_manifest(tmp_path: Path):
    """Counted apart from whole ones: the manifest names what each one lacks."""
    (tmp_path / "spec.yaml").write_text(TYPO.replace("/items:", "/items/{shelf}:"))
    result = run("generate", "spec.yaml", "--output", "out/items", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "out" / "items" / ".sdkforge.json").read_text()
    [operation] = json.loads(manifest)["operations"]
    assert operation["incomplete"] == [
        "parameter 'limit' left out: in 'querry'",
        "path parameter {shelf} not declared: a string",
    ]


def test_a_number_enum_is_a_float_and_a_mixed_one_keeps_its_literals(tmp_path: Path):
    """A float is no `Literal` member type checkers accept; `[0.5, 1.0]` was typed
    `str | float | bool` (Together's temperature presets)."""
    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.1.0\n"
        'info: {title: T, version: "1"}\n'
        "paths: {}\n"
        "components:\n"
        "  schemas:\n"
        "    Sampling:\n"
        "      type: object\n"
        "      properties:\n"
        "        temperature: {type: number, enum: [0.5, 1.0, 1.5]}\n"
        '        mixed: {enum: [1, "a", 2.5, true]}\n'
    )
    result = run("generate", "spec.yaml", "--output", "out/acme", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    model = (tmp_path / "out" / "acme" / "models" / "sampling.py").read_text()
    assert "temperature: float | None = None" in model
    assert 'mixed: Literal[1, "a"] | str | float | bool | None = None' in model


def test_defaults_unions_and_recursion_real_specs_get_wrong_pass_every_gate(
    tmp_path: Path,
):
    """Together's `rank: {type: integer, default: "8"}` (converted, as the text is exactly
    a number), a default that is no value of its type (left out), `Literal | str | str`
    (merged), a `oneOf` that refers to itself (a lazy alias): warned where it is, and the
    package passes ruff, ruff format, black and mypy --strict."""
    spec = FIXTURES / "types_real_specs_get_wrong.yaml"
    result = run("generate", str(spec), "--output", str(tmp_path / "b2"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    at = f"{spec}:"
    assert (
        f"{at}22: /components/schemas/Config/properties/rank/default: default '8'"
        in (result.stderr)
    )
    assert "default 'abc' is not a value of the field's type; left out" in result.stderr
    config = (tmp_path / "b2" / "models" / "config.py").read_text()
    assert "rank: int | None = 8\n" in config
    assert "alpha: float | None = 0.5\n" in config
    assert "flag: bool | None = True\n" in config
    assert "bad: int | None = None\n" in config
    assert 'mode: Literal["fast", "slow"] | str | None = None\n' in config
    node = (tmp_path / "b2" / "models" / "node.py").read_text()
    assert 'Node = TypeAliasType("Node", "str | list[Node]")' in node
    assert failed_gates(tmp_path, "b2") == {}


RETRIES = """
openapi: 3.1.0
info: {title: T, version: "1"}
x-speakeasy-retries:
  strategy: backoff
  backoff: {initialInterval: 500, maxInterval: 5000, maxElapsedTime: 15000, exponent: 1.5}
  statusCodes: ['429', 5XX]
  retryConnectionErrors: false
paths: {}
"""


def test_a_published_retry_policy_is_read_and_the_configuration_wins(tmp_path: Path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(RETRIES)
    config = ClientConfig.default(spec, tmp_path / "out", "out")
    policy = build(load(spec, "spec.yaml", tmp_path), config, lambda _: None).retry
    assert policy == RetryPolicy(("429", "5XX"), False, (0.5, 5.0, 1.5), 15.0, ())
    configured = replace(config, retries={"never": ("quota_exceeded",), "budget": 60.0})
    policy = build(load(spec, "spec.yaml", tmp_path), configured, lambda _: None).retry
    assert (policy.statuses, policy.budget, policy.never) == (
        ("429", "5XX"),
        60.0,
        ("quota_exceeded",),
    )
    spec.write_text(RETRIES.replace("exponent: 1.5", "exponent: fast"))
    warnings: list[object] = []
    policy = build(load(spec, "spec.yaml", tmp_path), config, warnings.append).retry
    assert policy == RetryPolicy()
    assert [str(w) for w in warnings] == [
        (
            "spec.yaml:4: /x-speakeasy-retries: not a retry policy sdkforge can read"
            " (statusCodes, backoff {initialInterval, maxInterval, exponent, maxElapsedTime}"
            " in milliseconds, retryConnectionErrors): the default one is used"
        )
    ]
