"""Build stage: $ref resolution, cycles, collision-free names, operation naming."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pydantic
import pytest

from generator.config import ClientConfig, OperationName
from generator.ir import ObjectType, Ref
from generator.ir_builder import build
from generator.load import load
from tests.conftest import SPECS
from tests.pipeline.helpers import generate_package


def _api(spec: Path, **config: object):
    base = ClientConfig.default(spec, spec.parent / "out", "demo")
    warnings = []
    api = build(load(spec), replace(base, **config), warnings.append)
    return api, warnings


# The start of a small inline spec; `paths` and `components` follow.
HEADER = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"


def _only_operation(api):
    [(_, operation)] = list(api.operations())
    return operation


def _definitions(api):
    return {d.name: d for module in api.modules for d in module.definitions}


def test_refs_resolve_to_named_models():
    api, _ = _api(SPECS / "moonshot.yaml")
    definitions = _definitions(api)
    batch = definitions["BatchObject"]
    assert isinstance(batch, ObjectType)
    fields = {f.name: f for f in batch.fields}
    assert fields["request_counts"].type == Ref("BatchRequestCounts")
    assert fields["request_counts"].required
    assert not fields["output_file_id"].required
    operations = {".".join((*path, op.name)): op for path, op in api.operations()}
    cancel = operations["batches.cancel"]
    assert cancel.response.type == Ref("BatchObject")
    assert {e.status: e.type for e in cancel.errors} == {
        s: Ref("ErrorResponse") for s in ("400", "401", "404", "500")
    }


def test_rest_names_and_tag_resources():
    api, _ = _api(SPECS / "moonshot.yaml")
    names = {
        (".".join(path), op.name): (op.method, op.path) for path, op in api.operations()
    }
    assert names[("batches", "create")] == ("post", "/v1/batches")
    assert names[("batches", "list")] == ("get", "/v1/batches")
    assert names[("batches", "retrieve")] == ("get", "/v1/batches/{batch_id}")
    assert names[("batches", "cancel")] == ("post", "/v1/batches/{batch_id}/cancel")
    assert names[("files", "content")] == ("get", "/v1/files/{file_id}/content")
    assert names[("files", "delete")] == ("delete", "/v1/files/{file_id}")
    # No REST shape: the summary names it, the resource's own words left out.
    assert names[("billing", "check_balance")] == ("get", "/v1/users/me/balance")


def test_config_overrides_and_path_prefix():
    override = {
        "POST /v1/chat/completions": OperationName(("chat", "completions"), "create")
    }
    api, _ = _api(SPECS / "moonshot.yaml", operations=override)
    chat = next(r for r in api.resources if r.attribute == "chat")
    assert [c.attribute for c in chat.children] == ["completions"]
    assert [op.name for op in chat.children[0].operations] == ["create"]
    mka1, _ = _api(SPECS / "mka1.yaml", path_prefix="/api/v1/llm")
    assert sorted(".".join((*p, op.name)) for p, op in mka1.operations()) == [
        "batches.cancel", "batches.create", "batches.list", "batches.retrieve",
        "files.content", "files.create", "files.delete", "files.list", "files.retrieve",
    ]  # fmt: skip


def test_header_on_every_operation_becomes_a_client_option():
    api, _ = _api(SPECS / "mka1.yaml")
    assert [(p.name, p.wire_name) for p in api.client_headers] == [
        ("on_behalf_of", "X-On-Behalf-Of")
    ]


def test_name_collisions_get_words_not_numbers(write_spec):
    spec = write_spec(
        """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths: {}
        components:
          schemas:
            Pet: {type: object, properties: {tag: {type: object, properties: {a: {type: string}}}}}
            pet: {type: object, properties: {b: {type: string}}}
            PetTag: {type: object, properties: {c: {type: string}}}
            APIError: {type: object, properties: {d: {type: string}}}
        """
    )
    api, _ = _api(spec)
    names = sorted(_definitions(api))
    assert names == ["APIErrorModel", "Pet", "PetModel", "PetTag", "PetTagModel"]
    assert not any(ch.isdigit() for name in names for ch in name)


CYCLES = """
openapi: 3.1.0
info: {title: T, version: "1"}
paths:
  /nodes/{node_id}:
    get:
      parameters: [{name: node_id, in: path, required: true, schema: {type: string}}]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Node'}}}}
components:
  schemas:
    Node:
      type: object
      properties:
        name: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        owner: {$ref: '#/components/schemas/Person'}
    Person:
      type: object
      properties:
        nodes: {type: array, items: {$ref: '#/components/schemas/Node'}}
"""


def test_self_and_mutual_recursion_import_and_validate(write_spec, tmp_path: Path):
    spec = write_spec(CYCLES)
    result, package = generate_package(spec, tmp_path / "out", "cycles_demo")
    modules = [
        path
        for path in result.files
        if path.startswith("models/") and path != "models/__init__.py"
    ]
    assert modules == [
        "models/node.py"
    ]  # Node and Person import each other: one module
    node = package.Node.model_validate(
        {"name": "a", "children": [{"name": "b"}], "owner": {"nodes": [{"name": "c"}]}}
    )
    assert node.children[0].name == "b"
    assert isinstance(node.owner.nodes[0], package.Node)


def test_inline_schemas_are_named_from_their_path(write_spec):
    spec = write_spec(
        """
        openapi: 3.1.0
        info: {title: T, version: "1"}
        paths:
          /batches:
            post:
              tags: [Batches]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        metadata: {type: object, properties: {owner: {type: string}}}
              responses: {"200": {description: ok}}
        """
    )
    api, _ = _api(spec)
    assert "BatchCreateParamsMetadata" in _definitions(api)


@pytest.mark.parametrize("keyword", ["class", "from", "import"])
def test_python_keywords_are_escaped_and_wire_names_kept(
    write_spec, tmp_path: Path, keyword: str
):
    spec = write_spec(
        f"""
        openapi: 3.1.0
        info: {{title: T, version: "1"}}
        paths: {{}}
        components:
          schemas:
            Thing: {{type: object, properties: {{{keyword}: {{type: string}}, createdAt: {{type: integer}}}}}}
        """
    )
    _, package = generate_package(spec, tmp_path / "out", f"kw_{keyword}")
    thing = package.Thing.model_validate({keyword: "x", "createdAt": 3})
    assert getattr(thing, keyword + "_") == "x"
    assert thing.created_at == 3
    assert thing.model_dump(by_alias=True) == {keyword: "x", "createdAt": 3}


NULLABLE_REFS = """
openapi: 3.0.3
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Owner:
      type: object
      nullable: true
      properties: {name: {type: string}}
    Label: {type: string, enum: [a, b]}
    Thing:
      type: object
      required: [owner, label, direct]
      properties:
        owner:
          allOf: [{$ref: '#/components/schemas/Label'}, {nullable: true}]
        label:
          description: the label, if any
          allOf: [{$ref: '#/components/schemas/Label'}, {nullable: true, description: x}]
        direct: {$ref: '#/components/schemas/Owner'}
        merged:
          allOf:
            - {$ref: '#/components/schemas/Owner'}
            - {type: object, properties: {extra: {type: integer}}}
"""


def test_allof_with_a_nullable_part_is_the_part_or_none(write_spec, tmp_path: Path):
    spec = write_spec(NULLABLE_REFS)
    api, _ = _api(spec)
    thing = _definitions(api)["Thing"]
    assert isinstance(thing, ObjectType)
    types = {f.wire_name: f.type.annotation() for f in thing.fields}
    assert types["owner"] == "Label | None"
    assert types["label"] == "Label | None"
    # A $ref to a nullable model component carries the None the class cannot.
    assert types["direct"] == "Owner | None"
    assert types["merged"] == "ThingMerged"

    _, package = generate_package(spec, tmp_path / "out", "nullable_refs")
    parsed = package.Thing.model_validate_json(
        '{"owner": null, "label": "a", "direct": null, "merged": {"name": "n", "extra": 1}}'
    )
    assert parsed.owner is None and parsed.direct is None
    assert parsed.merged.extra == 1


def test_colliding_operation_names_fall_back_to_path_words(write_spec):
    paths = [
        "/{realm}/clients/{id}/scope",
        "/{realm}/groups/{id}/scope",
        "/{realm}/users/{id}/scope",
        "/{realm}/{id}/scope",
        "/{realm}/{id}",
    ]
    spec = write_spec(
        HEADER
        + "paths:\n"
        + "".join(
            f"  {path}:\n    get:\n      tags: [Scope]\n      operationId: listScope\n"
            "      responses: {'204': {description: none}}\n"
            for path in paths
        )
    )
    api, warnings = _api(spec)
    assert not api.skipped and not warnings
    names = [(*resource, op.name) for resource, op in api.operations()]
    assert len(set(names)) == len(names) == len(paths)
    assert not any(ch.isdigit() for name in names for ch in name[-1])


def test_filter_operator_parameters_get_distinct_names(write_spec, tmp_path: Path):
    wire_names = ["StartTime", "StartTime<", "StartTime>", "start_time", "Start-Time"]
    parameters = ", ".join(
        f"{{name: '{name}', in: query, schema: {{type: string}}}}"
        for name in wire_names
    )
    spec = write_spec(
        HEADER + "paths:\n"
        "  /calls:\n    get:\n      operationId: listCalls\n"
        f"      parameters: [{parameters}]\n"
        "      responses: {'204': {description: none}}\n"
    )
    api, _ = _api(spec)
    operation = _only_operation(api)
    names = {p.wire_name: p.name for p in operation.parameters}
    assert names["StartTime<"] == "start_time_lt"
    assert names["StartTime>"] == "start_time_gt"
    assert len(set(names.values())) == len(wire_names)
    _, package = generate_package(spec, tmp_path / "out", "filters_demo")
    assert package.FiltersDemo is not None


def test_multi_paragraph_argument_descriptions_stay_under_their_argument(write_spec):
    spec = write_spec(
        HEADER + "paths:\n"
        "  /calls:\n    get:\n      operationId: listCalls\n"
        "      parameters:\n"
        "        - name: limit\n          in: query\n          schema: {type: integer}\n"
        '          description: "How many.\\n\\nAt most 100."\n'
        "      responses: {'204': {description: none}}\n"
    )
    api, _ = _api(spec)
    operation = _only_operation(api)
    assert operation.docstring.endswith(
        "Args:\n  limit: How many.\n    \n    At most 100."
    )


def test_body_fields_named_like_runtime_arguments_are_renamed(
    write_spec, tmp_path: Path
):
    spec = write_spec(
        HEADER + "paths:\n"
        "  /jobs:\n    post:\n      operationId: createJob\n"
        "      requestBody:\n        content:\n          application/json:\n"
        "            schema:\n              type: object\n              properties:\n"
        "                maxRetries: {type: integer}\n                timeout: {type: integer}\n"
        "                cast: {type: string}\n"
        "      responses: {'204': {description: none}}\n"
    )
    api, _ = _api(spec)
    operation = _only_operation(api)
    assert operation.body is not None and operation.body.fields is not None
    names = {f.wire_name: f.name for f in operation.body.fields}
    assert names == {
        "maxRetries": "max_retries_body",
        "timeout": "timeout_body",
        "cast": "cast_body",
    }
    _, package = generate_package(spec, tmp_path / "out", "reserved_demo")
    assert package.ReservedDemo is not None


def test_reaction_counts_get_readable_field_names(write_spec, tmp_path: Path):
    spec = write_spec(
        HEADER + "paths: {}\ncomponents:\n"
        "  schemas:\n    Reactions:\n      type: object\n"
        "      properties: {'+1': {type: integer}, '-1': {type: integer}}\n"
    )
    _, package = generate_package(spec, tmp_path / "out", "reactions_demo")
    reactions = package.Reactions.model_validate({"+1": 3, "-1": 1})
    assert (reactions.plus_1, reactions.minus_1) == (3, 1)
    assert reactions.model_dump(by_alias=True) == {"+1": 3, "-1": 1}


def test_refs_that_only_lead_back_are_any_with_a_warning(write_spec, tmp_path: Path):
    spec = write_spec(
        HEADER + "paths: {}\ncomponents:\n"
        "  schemas:\n    A: {$ref: '#/components/schemas/B'}\n"
        "    B: {$ref: '#/components/schemas/A'}\n"
        "    Holder: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}\n"
    )
    _, warnings = _api(spec)
    assert [w.location.pointer for w in warnings] == [
        "/components/schemas/A",
        "/components/schemas/B",
    ]
    _, package = generate_package(spec, tmp_path / "out", "cycle_alias_demo")
    assert package.Holder.model_validate({"a": [1, "x"]}).a == [1, "x"]


DISCRIMINATED = """
openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    Cat:
      type: object
      required: [petType]
      properties: {petType: {type: string}, name: {type: string}}
    Dog:
      type: object
      required: [petType]
      properties: {petType: {type: string}, name: {type: string}}
    Bird:
      type: object
      required: [kind]
      properties: {kind: {type: string, enum: [bird]}, name: {type: string}}
    Parrot:
      type: object
      required: [kind]
      properties: {kind: {type: string, const: parrot}, name: {type: string}}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}, {$ref: '#/components/schemas/Dog'}]
      discriminator:
        propertyName: petType
        mapping: {cat: '#/components/schemas/Cat', dog: Dog, puppy: Dog}
    Flyer:
      oneOf: [{$ref: '#/components/schemas/Bird'}, {$ref: '#/components/schemas/Parrot'}]
      discriminator: {propertyName: kind}
    Owner:
      type: object
      properties:
        pet: {$ref: '#/components/schemas/Pet'}
        flyer: {$ref: '#/components/schemas/Flyer'}
        cats: {type: array, items: {$ref: '#/components/schemas/Pet'}}
"""


def test_discriminated_unions_decode_by_their_tag(write_spec, tmp_path: Path):
    spec = write_spec(DISCRIMINATED)
    _, package = generate_package(spec, tmp_path / "out", "tagged_demo")
    # Cat and Dog have the same shape: only the tag can tell them apart.
    owner = package.Owner.model_validate(
        {
            "pet": {"petType": "puppy", "name": "Rex"},
            "flyer": {"kind": "parrot", "name": "Polly"},
            "cats": [{"petType": "cat"}, {"petType": "dog"}],
        }
    )
    assert type(owner.pet) is package.Dog
    assert type(owner.flyer) is package.Parrot
    assert [type(p) for p in owner.cats] == [package.Cat, package.Dog]
    assert owner.model_dump(by_alias=True, exclude_unset=True)["pet"] == {
        "petType": "puppy",
        "name": "Rex",
    }
    with pytest.raises(pydantic.ValidationError):
        package.Owner.model_validate({"pet": {"petType": "hamster"}})
