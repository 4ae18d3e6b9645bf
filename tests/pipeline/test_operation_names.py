"""Names a person would write: one test per naming rule, on the shapes real specs have."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.config import ClientConfig, OperationName
from generator.ir_builder import build
from generator.ir_builder.operation_names import (
    alternative_names,
    item_collections,
    operation_name,
)
from generator.load import load

CONFIG = ClientConfig.default(Path("spec.yaml"), Path("out/acme"), "acme")


def named(
    method: str,
    path: str,
    operation: dict[str, Any] | None = None,
    *,
    lists: bool = False,
    config: ClientConfig = CONFIG,
) -> str:
    name = operation_name(config, method, path, operation or {}, lists, True)
    return ".".join((*name.resource, name.method))


@pytest.mark.parametrize(
    ("method", "path", "lists", "expected"),
    [
        ("get", "/v1/batches", True, "batches.list"),
        ("post", "/v1/batches", False, "batches.create"),
        ("get", "/v1/batches/{batch_id}", False, "batches.retrieve"),
        ("post", "/v1/batches/{batch_id}", False, "batches.update"),
        ("patch", "/v1/batches/{batch_id}", False, "batches.update"),
        ("delete", "/v1/batches/{batch_id}", False, "batches.delete"),
        # A plural collection lists even when its page is not a bare array.
        ("get", "/v1/judges", False, "judges.list"),
        # A singular is one thing.
        ("get", "/v1/organization/usage", False, "organization.usage.retrieve"),
        # A dated version segment is a version too.
        ("get", "/2010-04-01/Accounts/{Sid}", False, "accounts.retrieve"),
        # So is a format suffix.
        (
            "post",
            "/2010-04-01/Accounts/{Sid}/Calls.json",
            False,
            "accounts.calls.create",
        ),
        (
            "get",
            "/2010-04-01/Accounts/{A}/Calls/{Sid}.json",
            False,
            "accounts.calls.retrieve",
        ),
    ],
)
def test_rest_verbs_from_the_shape_of_the_path(method, path, lists, expected):
    assert named(method, path, lists=lists) == expected


def test_nested_resources_follow_the_path():
    assert named("get", "/threads/{thread_id}/messages") == "threads.messages.list"
    assert named("post", "/threads/{thread_id}/messages") == "threads.messages.create"
    message = "/threads/{thread_id}/messages/{message_id}"
    assert named("get", message) == "threads.messages.retrieve"
    assert named("get", "/fine_tuning/jobs", lists=True) == "fine_tuning.jobs.list"


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("post", "/v1/batches/{batch_id}/cancel", "batches.cancel"),
        ("get", "/v1/files/{file_id}/content", "files.content"),
        ("post", "/v1/messages/count_tokens", "messages.count_tokens"),
        ("get", "/user/login", "user.login"),
        ("post", "/user/createWithArray", "user.create_with_array"),
        ("get", "/pet/findByStatus", "pet.find_by_status"),
    ],
)
def test_actions_are_methods_of_their_resource(method, path, expected):
    assert named(method, path) == expected


def test_an_operation_ids_own_verb_names_a_post():
    """FastAPI-style ids echo the path, the method and the version: what is left is the
    verb (`agents_api_v1_conversations_start` is `start`); a CRUD synonym is not one."""
    start = {"operationId": "agents_api_v1_conversations_start"}
    assert named("post", "/v1/conversations", start) == "conversations.start"
    append = {"operationId": "agents_api_v1_conversations_append"}
    item = "/v1/conversations/{conversation_id}"
    assert named("post", item, append) == "conversations.append"
    assert named("post", "/v1/files", {"operationId": "uploadFile"}) == "files.create"
    # Only a POST: a GET, a PUT and a DELETE mean what their method says.
    assert named("get", item, {"operationId": "conversations_start"}).endswith(
        ".retrieve"
    )


def test_a_path_with_a_query_or_fragment_is_a_variant_of_the_operation():
    assert named("post", "/v1/messages?beta=true") == "beta.messages.create"
    assert named("get", "/v1/files/{file_id}?beta=true") == "beta.files.retrieve"
    stream = "/v1/conversations/{conversation_id}/restart#stream"
    assert named("post", stream) == "conversations.restart_stream"


def test_commercial_generators_naming_hints_are_read():
    speakeasy = {
        "x-speakeasy-group": "fineTuning.jobs",
        "x-speakeasy-name-override": "list",
    }
    assert named("get", "/v1/fine_tuning/jobs", speakeasy) == "fine_tuning.jobs.list"
    fern = {"x-fern-sdk-group-name": ["datasets"], "x-fern-sdk-method-name": "get"}
    assert named("get", "/v1/datasets/{id}", fern) == "datasets.get"
    # A group alone: the path's own resource goes into the method, as Fern's SDKs have it.
    group = {"x-fern-sdk-group-name": "finetuning"}
    models = "/v1/finetuning/finetuned-models"
    assert named("get", models, group) == "finetuning.list_finetuned_models"
    assert (
        named("get", models + "/{id}", group) == "finetuning.retrieve_finetuned_model"
    )


def test_tags_group_where_the_path_does_not():
    """A dotted tag adds its namespace; a tag naming none of the path's segments is a
    group of its own, the method from the summary or operationId."""
    dotted = {"tags": ["beta.conversations"]}
    assert named("get", "/v1/conversations", dotted) == "beta.conversations.list"
    billing = {"tags": ["Billing"], "summary": "Check Balance"}
    assert named("get", "/v1/users/me/balance", billing) == "billing.check_balance"
    tuning = {"tags": ["Fine-tuning"], "summary": "Get a fine-tune job"}
    assert named("get", "/fine-tunes/{id}", tuning) == "fine_tuning.retrieve"


def test_a_path_through_a_collections_items_names_it_better_than_a_tag():
    """OpenAI tags `/threads/...` `Assistants`: the path, a collection the spec has items
    of, names the resource; a path outside such a nest still goes by its tag."""
    collections = item_collections(
        ["/v1/threads", "/v1/threads/{thread_id}", "/v1/users/me/balance"], "/v1"
    )
    assert collections == {"threads"}
    assistants = {"tags": ["Assistants"], "operationId": "createThread"}

    def in_spec(method: str, path: str, operation: dict[str, Any]) -> str:
        name = operation_name(CONFIG, method, path, operation, False, True, collections)
        return ".".join((*name.resource, name.method))

    assert in_spec("post", "/v1/threads", assistants) == "threads.create"
    runs = "/v1/threads/{thread_id}/runs/{run_id}"
    assert in_spec("get", runs, assistants) == "threads.runs.retrieve"
    billing = {"tags": ["Billing"], "summary": "Check Balance"}
    assert in_spec("get", "/v1/users/me/balance", billing) == "billing.check_balance"
    # Without the collection's items in the spec, the tag groups.
    assert named("post", "/v1/threads", {"tags": ["Assistants"]}) == (
        "assistants.create"
    )


def test_an_operation_id_that_only_repeats_the_path_leaves_the_tag_out():
    """Mistral tags `/v1/chat/moderations` `classifiers`, with the FastAPI id
    `chat_moderations_v1_chat_moderations_post`: the path and the method say it all."""
    fastapi = {
        "tags": ["classifiers"],
        "operationId": "chat_moderations_v1_chat_moderations_post",
    }
    assert named("post", "/v1/chat/moderations", fastapi) == "chat.moderations.create"
    crud = {"tags": ["oAuth"], "operationId": "create-auth-keys-code"}
    assert named("post", "/auth/keys/code", crud) == "auth.keys.code.create"
    # `and` says something the path does not: the tag still groups.
    run = {"tags": ["Assistants"], "operationId": "createThreadAndRun"}
    assert named("post", "/threads/runs", run) == "assistants.create_thread_run"


def test_an_operation_marked_beta_goes_under_beta():
    assert named("get", "/v1/threads", {"x-beta": True}) == "beta.threads.list"
    meta = {"x-oaiMeta": {"name": "List runs", "beta": True}}
    assert named("get", "/threads/{id}/runs", meta) == "beta.threads.runs.list"
    assert named("get", "/threads/{id}/runs", {"x-oaiMeta": {}}) == "threads.runs.list"
    # `?beta=true` already says so: one `beta`, not two.
    assert named("post", "/v1/messages?beta=true", {"x-beta": True}) == (
        "beta.messages.create"
    )


def test_overrides_win():
    config = ClientConfig.default(Path("spec.yaml"), Path("out/acme"), "acme")
    override = OperationName(("jobs",), "fetch")
    config.operations["GET /v1/fine_tuning/jobs"] = override
    assert named("get", "/v1/fine_tuning/jobs", config=config) == "jobs.fetch"


def test_a_taken_name_gives_way_to_the_operation_ids_own_words():
    operation = {"operationId": "updatePetWithForm"}
    names = list(alternative_names("update", "post", "/pet/{petId}", operation))
    assert names[:3] == ["update", "update_with_form", "create_update"]
    assert len(set(names)) == len(names)


def test_a_fallback_name_is_still_a_python_identifier():
    """Kubernetes' `replaceStorageV1StorageClass` left `class`: a keyword."""
    names = list(
        alternative_names("retrieve", "get", "/a/{b}", {"operationId": "getClass"})
    )
    assert "class_" in names and "class" not in names
    assert all(name.isidentifier() for name in names)


def test_a_method_never_takes_the_name_of_a_nested_resource(write_spec, tmp_path):
    """`POST /executions/{id}/terminate` and `POST /executions/terminate/batch`: the
    first cannot be `executions.terminate`, an attribute the second's resource needs."""
    spec = write_spec(
        """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /executions/{id}/terminate:
            post: {responses: {"204": {description: ok}}}
          /executions/terminate/batch:
            post: {responses: {"204": {description: ok}}}
        """
    )
    config = ClientConfig.default(spec, tmp_path / "acme", "acme")
    api = build(load(spec), config, lambda _: None)
    names = {".".join((*path, op.name)) for path, op in api.operations()}
    assert "executions.terminate.batch" in names
    assert "executions.terminate" not in names


def test_resources_whose_names_join_alike_get_classes_of_their_own(
    write_spec, tmp_path
):
    """`devices.switch.ports` and `devices.switch_ports` both joined to
    `DevicesSwitchPorts`: one module defined the class twice (Meraki's spec)."""
    spec = write_spec(
        """
        openapi: 3.0.3
        info: {title: T, version: "1"}
        paths:
          /devices/{serial}/switch/ports/cycle:
            post: {responses: {"204": {description: ok}}}
          /devices/{serial}/switchPorts:
            get: {responses: {"204": {description: ok}}}
        """
    )
    config = ClientConfig.default(spec, tmp_path / "acme", "acme")
    api = build(load(spec), config, lambda _: None)
    classes = [node.class_name for top in api.resources for node in top.nodes()]
    assert len(classes) == len(set(classes))
    assert {"DevicesSwitchPorts", "DevicesSwitchPortsResource"} <= set(classes)


@pytest.mark.parametrize(
    ("text", "snake_name", "pascal_name"),
    [
        ("4od_atom", "four_od_atom", "FourOdAtom"),  # channel4's 4oD
        ("1-click", "one_click", "OneClick"),  # DigitalOcean's 1-Click apps
        ("2fa", "two_fa", "TwoFa"),
        ("10", "ten", "Ten"),
        ("120_hour", "one_hundred_twenty_hour", "OneHundredTwentyHour"),  # weatherbit
        ("2024", "_2024", "_2024"),  # a year stays a number (a class gets "Model")
    ],
)
def test_a_name_starting_with_a_small_number_spells_it(
    text: str, snake_name: str, pascal_name: str
) -> None:
    """An identifier cannot start with a digit, and one starting with `_` is private to
    pyright --strict: a number of up to three digits is spelled, as a person would."""
    from generator.naming import pascal, snake

    assert (snake(text), pascal(text)) == (snake_name, pascal_name)
