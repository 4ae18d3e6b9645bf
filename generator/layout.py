"""Where Black and ruff format would lay out the same code differently, emit what both keep.

The format stage runs ruff format only (Black is a verifier in the tests and the corpus run,
and an opt-in `--black` pass): so the templates must not produce the constructs on which
the two disagree. Measured on the OpenAI, GitHub, Stripe and Kubernetes clients, there are
two, and both are settled by explicit parentheses, which ruff keeps and Black writes itself:

- a conditional expression split over lines (templates parenthesize it by hand);
- a parameter whose annotation is a union too long for its line: Black wraps the whole
  annotation in parentheses, ruff splits it at the `|`s. `parameter` below parenthesizes
  exactly those, since Black removes the parentheses of an annotation that fits.

Three more were found by `black --check` on the corpus, where no parentheses help (ruff
removes them again): a model field `name: LongName = Field(alias=...)` and an alias
`LongName: TypeAlias = ...` whose text up to the value does not fit on a line (Black
parenthesizes the annotation, ruff splits the value), and a docstring ending in a quote
(Black puts a space before the closing quotes, ruff does not). Such fields carry their alias
in `Annotated[...]`, such aliases are `TypeAliasType(...)`, and a final quote is followed by
a space that both keep.
"""

from __future__ import annotations

import unicodedata

LINE_LENGTH = 88
"""Black's and ruff's default, which the generated code keeps."""


def width(text: str) -> int:
    """Columns a line takes, as both formatters count them (East Asian wide characters: 2)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def is_top_level_union(annotation: str) -> bool:
    """Whether `annotation` has a `|` outside brackets and string literals."""
    depth = 0
    quote = ""
    escaped = False
    for character in annotation:
        if quote:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == quote:
                quote = ""
        elif character in "\"'":
            quote = character
        elif character in "([{":
            depth += 1
        elif character in ")]}":
            depth -= 1
        elif character == "|" and depth == 0:
            return True
    return False


def parameter(name: str, annotation: str, indent: int, default: str = "") -> str:
    """`name: annotation = default` for a line of its own in a split signature, without
    the indentation or the trailing comma."""
    tail = f" = {default}" if default else ""
    line = f"{name}: {annotation}{tail}"
    if width(" " * indent + line + ",") > LINE_LENGTH and is_top_level_union(
        annotation
    ):
        return f"{name}: ({annotation}){tail}"
    return line


def alias_in_annotation(name: str, annotation: str) -> bool:
    """Whether a model field with an alias is written `name: Annotated[type, Field(alias=...)]`
    rather than `name: type = Field(alias=...)` (at the class body's indentation)."""
    return width(f"    {name}: {annotation} = (") > LINE_LENGTH


def alias_too_long(name: str) -> bool:
    """Whether `name: TypeAlias = ...` is written `name = TypeAliasType(...)` instead."""
    return width(f"{name}: TypeAlias = (") > LINE_LENGTH
