"""Every Moonshot client operation against `prism mock specs/moonshot.yaml`.

13 operations; chat.completions.create once per request schema of its oneOf (the spec's
discriminator maps each model id to one schema). Sync and async, static examples and
seeded dynamic data (see prism_harness).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from moonshot.models import (
    BalanceResponse,
    BatchListResponse,
    BatchObject,
    ChatCompletionResponse,
    ChatRequestBaseResponseFormat,
    ChatRequestBaseResponseFormatJsonSchema,
    ChatRequestBaseToolChoiceFunction,
    ChatRequestBaseToolChoiceFunctionFunction,
    EstimateTokenResponse,
    FileDeleteResponse,
    FileListResponse,
    FileObject,
    KimiK3ChatRequest,
    KimiK3DynamicToolMessage,
    KimiK25ChatRequest,
    KimiK25ChatRequestThinking,
    KimiK26ChatRequest,
    KimiK26ChatRequestThinking,
    KimiK27CodeChatRequest,
    KimiK27CodeChatRequestThinking,
    Message,
    MessageContentArrayItemImageUrl,
    MessageContentArrayItemImageUrlImageUrlObject,
    MessageContentArrayItemText,
    ModelListResponse,
    ModelListResponseDataItem,
    MoonshotV1ChatRequest,
    ToolDefinition,
    ToolDefinitionFunction,
)
from prism_harness import (
    FLAVOURS,
    Flavour,
    Op,
    client_operations,
    exercise,
    table_operations,
)
from prism_server import PrismServer

from tests.support import PROVIDERS

PROVIDER = PROVIDERS["moonshot"]
FILE_ID = "file-cvq4nsvrl1lp08sbo3ng"
BATCH_ID = "batch_d0p5ahfi4rljhivgdp1g"

WEATHER_TOOL = ToolDefinition(
    type="function",
    function=ToolDefinitionFunction(
        name="get_weather",
        description="Current weather of a city",
        parameters={
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    ),
)
SYSTEM = Message(role="system", content="You are Kimi.")
USER = Message(role="user", content="What is the weather in Beijing?")

CHAT_BODIES = {
    "kimi-k3": KimiK3ChatRequest(
        model="kimi-k3",
        messages=[KimiK3DynamicToolMessage(role="system", tools=[WEATHER_TOOL]), USER],
        reasoning_effort="high",
        max_completion_tokens=1024,
    ),
    "kimi-k2.7-code": KimiK27CodeChatRequest(
        model="kimi-k2.7-code",
        messages=[SYSTEM, USER],
        thinking=KimiK27CodeChatRequestThinking(type="enabled", keep="all"),
        tools=[WEATHER_TOOL],
        tool_choice=ChatRequestBaseToolChoiceFunction(
            type="function",
            function=ChatRequestBaseToolChoiceFunctionFunction(name="get_weather"),
        ),
        prompt_cache_key="session-42",
    ),
    "kimi-k2.6": KimiK26ChatRequest(
        model="kimi-k2.6",
        messages=[
            Message(
                role="user",
                content=[
                    MessageContentArrayItemText(type="text", text="Describe it."),
                    MessageContentArrayItemImageUrl(
                        type="image_url",
                        image_url=MessageContentArrayItemImageUrlImageUrlObject(
                            url="https://example.com/cat.png"
                        ),
                    ),
                ],
            )
        ],
        thinking=KimiK26ChatRequestThinking(type="disabled"),
        response_format=ChatRequestBaseResponseFormat(
            type="json_schema",
            json_schema=ChatRequestBaseResponseFormatJsonSchema(
                name="description",
                schema={"type": "object", "properties": {"text": {"type": "string"}}},
            ),
        ),
    ),
    "kimi-k2.5": KimiK25ChatRequest(
        model="kimi-k2.5",
        messages=[SYSTEM, USER],
        thinking=KimiK25ChatRequestThinking(type="enabled"),
        stop=["\n\n"],
        max_completion_tokens=256,
        safety_identifier="user-hash-1",
    ),
    "moonshot-v1-8k": MoonshotV1ChatRequest(
        model="moonshot-v1-8k",
        messages=[
            SYSTEM,
            USER,
            Message(role="assistant", content="In Beijing it is", partial=True),
        ],
        temperature=0.3,
        top_p=0.9,
        n=1,
        presence_penalty=0.5,
        frequency_penalty=0.5,
        stop="\n",
    ),
}


def _chat(model: str) -> Op:
    body = CHAT_BODIES[model]
    return Op(
        "chat.completions.create",
        lambda c, _: c.chat.completions.create(**body.to_dict()),
        ChatCompletionResponse,
        variant=model,
    )


OPERATIONS = [
    Op(
        "models.list",
        lambda c, _: c.models.list(),
        ModelListResponse,
        items=ModelListResponseDataItem,
    ),
    Op(
        "billing.check_balance", lambda c, _: c.billing.check_balance(), BalanceResponse
    ),
    Op("files.list", lambda c, _: c.files.list(), FileListResponse, items=FileObject),
    Op(
        "files.create",
        lambda c, path: c.files.create(file=path, purpose="batch"),
        FileObject,
        upload=True,
    ),
    Op("files.retrieve", lambda c, _: c.files.retrieve(FILE_ID), FileObject),
    Op("files.delete", lambda c, _: c.files.delete(FILE_ID), FileDeleteResponse),
    Op("files.content", lambda c, _: c.files.content(FILE_ID), bytes),
    *(_chat(model) for model in CHAT_BODIES),
    Op(
        "utilities.estimate_token_count",
        lambda c, _: c.utilities.estimate_token_count(
            model="moonshot-v1-32k", messages=[SYSTEM, USER]
        ),
        EstimateTokenResponse,
    ),
    Op(
        "batches.create",
        lambda c, _: c.batches.create(
            input_file_id=FILE_ID,
            endpoint="/v1/chat/completions",
            completion_window="24h",
            metadata={"project": "nightly-eval"},
        ),
        BatchObject,
    ),
    Op(
        "batches.list",
        lambda c, _: c.batches.list(limit=2, after=BATCH_ID),
        BatchListResponse,
        items=BatchObject,
    ),
    Op("batches.retrieve", lambda c, _: c.batches.retrieve(BATCH_ID), BatchObject),
    Op("batches.cancel", lambda c, _: c.batches.cancel(BATCH_ID), BatchObject),
]


def test_the_table_covers_every_operation() -> None:
    assert table_operations(OPERATIONS) == client_operations(PROVIDER)
    assert len(client_operations(PROVIDER)) == 13


@pytest.mark.parametrize("flavour", FLAVOURS, ids=str)
@pytest.mark.parametrize("op", OPERATIONS, ids=str)
async def test_operation(
    op: Op,
    flavour: Flavour,
    mode: str,
    moonshot_prism: PrismServer,
    upload_file: Path,
) -> None:
    await exercise(PROVIDER, op, mode, flavour, moonshot_prism.base_url, upload_file)
