"""The Prism tests can fail: Prism rejects requests that break a spec, and the harness
reports Prism's own message; dynamic data does carry extra fields, and they are kept.

Each row sends one invalid request through `exercise()` (the same path as every
operation test) and expects it to fail with the client's typed error and Prism's
violation text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from mka1.models import FileDeleteResponse as MKA1Deletion
from moonshot.models import FileListResponse as MoonshotFileList
from moonshot.models import FileObject as MoonshotFile
from prism_harness import STATIC, Flavour, Op, exercise
from prism_server import PrismServer

from tests.support import PROVIDERS


@dataclass(frozen=True)
class Rejection:
    provider: str
    op: Op
    error: str
    """The client's exception class."""
    violation: str
    """Prism's message in the sl-violations header."""
    api_key: str | None = None
    """Overrides the provider's test key ("" sends no Authorization header)."""

    def __str__(self) -> str:
        return f"{self.provider}-{self.op}"


REJECTIONS = [
    Rejection(
        "moonshot",
        Op(
            "batches.create",
            lambda c, _: c.batches.create(
                input_file_id="file-1",
                endpoint="/v1/embeddings",
                completion_window="24h",
            ),
            object,
            variant="endpoint-not-in-enum",
        ),
        "BadRequestError",
        "[Error] request.body.endpoint: Request body property endpoint must be equal "
        "to one of the allowed values: /v1/chat/completions",
    ),
    Rejection(
        "moonshot",
        Op("models.list", lambda c, _: c.models.list(), object, variant="no-api-key"),
        "AuthenticationError",
        "[Error] request: Invalid security scheme used",
        api_key="",
    ),
    Rejection(
        "siliconflow",
        Op(
            "files.list",
            lambda c, _: c.files.list(purpose="fine-tune"),
            object,
            variant="purpose-not-batch",
        ),
        "BadRequestError",
        "[Error] request.query.purpose: Request query parameter purpose must be equal "
        "to one of the allowed values: batch",
    ),
    Rejection(
        "siliconflow",
        Op(
            "batches.list",
            lambda c, _: c.batches.list(limit=0),
            object,
            variant="limit-0",
        ),
        "BadRequestError",
        "[Error] request.query.limit: Request query parameter limit must be >= 1",
    ),
    Rejection(
        "mka1",
        Op(
            "batches.create",
            lambda c, _: c.batches.create(
                input_file_id="file-1",
                endpoint="/v1/chat/completions",
                completion_window="48h",
            ),
            object,
            variant="window-not-24h",
        ),
        # 4XX without a schema: Prism picks 422 and sends no body.
        "UnprocessableEntityError",
        "[Error] request.body.completion_window: Request body property "
        "completion_window must be equal to constant",
    ),
    Rejection(
        "mka1",
        Op(
            "files.create",
            lambda c, path: c.files.create(file=path, purpose="chat"),
            object,
            variant="purpose-not-in-enum",
        ),
        "UnprocessableEntityError",
        "[Error] request.body.purpose: Request body property purpose must be equal to "
        "one of the allowed values: assistants, batch, fine-tune, vision, user_data, "
        "evals",
    ),
]


@pytest.fixture
def servers(
    moonshot_prism: PrismServer, siliconflow_prism: PrismServer, mka1_prism: PrismServer
) -> dict[str, PrismServer]:
    return {
        "moonshot": moonshot_prism,
        "siliconflow": siliconflow_prism,
        "mka1": mka1_prism,
    }


@pytest.mark.parametrize("row", REJECTIONS, ids=str)
async def test_an_invalid_request_fails_with_prisms_message(
    row: Rejection, mode: str, servers: dict[str, PrismServer], upload_file: Path
) -> None:
    provider = PROVIDERS[row.provider]
    if row.api_key is not None:
        provider = replace(provider, test_key=row.api_key)
    with pytest.raises(pytest.fail.Exception) as failure:
        await exercise(
            provider, row.op, mode, STATIC, servers[row.provider].base_url, upload_file
        )
    message = str(failure.value)
    assert f"raised {row.error}:" in message
    assert row.violation in message


# SiliconFlow's seeded answers put their extra fields on the file envelope, which its
# methods unwrap (tests/clients/test_siliconflow_client.py::test_unknown_fields_are_kept
# covers what the unwrapped file keeps).
EXTRAS_OPS = {
    "moonshot": Op(
        "files.list", lambda c, _: c.files.list(), MoonshotFileList, items=MoonshotFile
    ),
    "mka1": Op("files.delete", lambda c, _: c.files.delete("file-1"), MKA1Deletion),
}
EXTRA_SEEDS = 20


@pytest.mark.parametrize("provider_name", sorted(EXTRAS_OPS))
async def test_dynamic_answers_carry_extra_fields_that_the_models_keep(
    provider_name: str, servers: dict[str, PrismServer], upload_file: Path
) -> None:
    """json-schema-faker adds properties the spec does not declare (fillProperties):
    within a few seeds one shows up, and the parsed model keeps it in model_extra."""
    op = EXTRAS_OPS[provider_name]
    declared = {f.alias or name for name, f in op.returns.model_fields.items()}
    for seed in range(EXTRA_SEEDS):
        flavour = Flavour(f"extras-{seed}", f"dynamic=true, seed=extras-{seed}", True)
        outcome = await exercise(
            PROVIDERS[provider_name],
            op,
            "sync",
            flavour,
            servers[provider_name].base_url,
            upload_file,
        )
        body = outcome.exchanges.items[0].json()
        if op.envelope is not None:
            body = body[op.envelope]
        undeclared = {k: v for k, v in body.items() if k not in declared}
        # A list returns a page; its body is the response model.
        model = outcome.result.body if op.items is not None else outcome.result
        assert model.model_extra == undeclared
        if undeclared:
            return
    pytest.fail(f"no seeded {provider_name} answer had an undeclared field")
