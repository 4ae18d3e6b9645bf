"""The signature lines `layout.parameter` emits are kept as they are by both ruff format
and Black, whatever their length: Black is the oracle here."""

from __future__ import annotations

import subprocess

import black
import pytest
from ruff import find_ruff_bin

from generator.config import ClientConfig
from generator.layout import LINE_LENGTH, is_top_level_union, parameter
from generator.pipeline import generate

LITERAL = 'Literal["mp3", "opus", "aac", "flac", "wav", "pcm"]'
ANNOTATIONS = [
    "int | None",
    f"{LITERAL} | str | NotGiven",
    f"builtins.list[{LITERAL} | str]",
    f"builtins.list[{LITERAL} | str] | NotGiven",
    'Literal["a|b", "c|d", "e|f", "g|h", "i|j", "k|l", "m|n", "o|p", "q|r", "s|t", "u"]',
    "ÄußerstLangerTypName | 中文类型名称很长很长很长 | NotGiven",
    'Literal["a | quoted bar", "x"] | None',
]


def ruff_format(source: str) -> str:
    return subprocess.run(
        [find_ruff_bin(), "format", "--isolated", "-"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def signature(lines: list[str]) -> str:
    body = "".join(f"    {line},\n" for line in lines)
    return f"def f(\n    self,\n    *,\n{body}) -> None:\n    pass\n"


@pytest.mark.parametrize("annotation", ANNOTATIONS)
@pytest.mark.parametrize("default", ["", "NOT_GIVEN"])
def test_both_formatters_keep_the_line(annotation: str, default: str):
    # Names of every length put the line on each side of the limit.
    lines = [
        parameter("p" * length, annotation, 4, default)
        for length in range(1, LINE_LENGTH - len(annotation) + 8)
    ]
    formatted = ruff_format(signature(lines))
    assert black.format_str(formatted, mode=black.Mode()) == formatted


def test_without_parentheses_black_and_ruff_disagree():
    """What the test above guards against: a long union split by ruff at its `|`s."""
    line = f"response_format: {LITERAL} | str | NotGiven = NOT_GIVEN"
    formatted = ruff_format(signature([line]))
    assert black.format_str(formatted, mode=black.Mode()) != formatted


def test_unions_are_found_outside_brackets_and_strings_only():
    assert is_top_level_union("A | B")
    assert not is_top_level_union("list[A | B]")
    assert not is_top_level_union('Literal["a | b"]')
    assert not is_top_level_union("Literal['it\\'s | x']")


LONG = "IoK8SApiFlowcontrolV1PriorityLevelConfigurationReferenceWithAVeryLongName"
SPEC = f"""
openapi: 3.0.3
info: {{title: Layout, version: "1"}}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: Things
          content:
            application/json:
              schema: {{$ref: "#/components/schemas/{LONG}Holder"}}
components:
  schemas:
    {LONG}Holder:
      type: object
      description: Ends with a "quote"
      required: [priorityLevelConfigurationReference]
      properties:
        priorityLevelConfigurationReference: {{$ref: "#/components/schemas/{LONG}"}}
        optionalPriorityLevelConfigurationRef: {{$ref: "#/components/schemas/{LONG}"}}
        granularity: {{$ref: "#/components/schemas/{LONG}GranularitiesItemName"}}
    {LONG}:
      type: object
      properties:
        name: {{type: string, description: 'say "hi"'}}
        quoted: {{type: string, description: 'Contains \"\"\"triple quotes\"\"\"'}}
    {LONG}GranularitiesItemName:
      type: string
      enum: [minute, hour, day, week, month]
"""


def test_long_names_and_final_quotes_are_laid_out_as_black_and_ruff_agree(write_spec):
    """Fields whose `name: type = (` does not fit, aliases whose `Name: TypeAlias = (`
    does not fit, and docstrings ending in a quote: the corpus's Black disagreements."""
    spec = write_spec(SPEC)
    config = ClientConfig.default(spec, spec.parent / "layout_client", "layout_client")
    files = generate(config, "spec.yaml").files
    models = "".join(text for path, text in files.items() if path.startswith("models/"))
    assert "typing.Annotated[" in models and "TypeAliasType(" in models
    assert '"quote" """' in models and '\\"\\"\\x22"""' in models
    for path, text in files.items():
        if path.endswith(".py"):
            assert black.format_str(text, mode=black.Mode()) == text, path
            assert ruff_format(text) == text, path
