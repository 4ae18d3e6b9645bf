"""Facts about generated Python source that the IR settles before rendering: which names an
expression uses, and the order ruff's isort (I001) and `__all__` sort (RUF022) give names.

Model modules are the bulk of a big client (1,427 of OpenAI's 1,476 files); emitting their
imports exact and sorted spares them ruff's import fixes, the costliest part of formatting.
The tests and the corpus run check the result against ruff itself.
"""

from __future__ import annotations

import json
import re


class Natural(str):
    """A text in ruff's natural order (the `natord` crate's, Martin Pool's `strnatcmp`):
    digit runs compare as numbers, longest first, unless either begins with `0`; then
    digit by digit, as a fraction would (`0070072` before `75`)."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        return _natural_compare(self, str(other)) < 0

    def __gt__(self, other: object) -> bool:
        return _natural_compare(self, str(other)) > 0

    def __le__(self, other: object) -> bool:
        return _natural_compare(self, str(other)) <= 0

    def __ge__(self, other: object) -> bool:
        return _natural_compare(self, str(other)) >= 0


def _natural_compare(left: str, right: str) -> int:
    i = j = 0
    while i < len(left) and j < len(right):
        a, b = left[i], right[j]
        if a.isdigit() and b.isdigit():
            i_end, j_end = _digits_end(left, i), _digits_end(right, j)
            ours, theirs = left[i:i_end], right[j:j_end]
            if a == "0" or b == "0":
                order = (ours > theirs) - (ours < theirs)  # digit by digit
            else:
                order = (len(ours) > len(theirs)) - (len(ours) < len(theirs)) or (
                    (ours > theirs) - (ours < theirs)
                )
            if order:
                return order
            i, j = i_end, j_end
        elif a != b:
            return -1 if a < b else 1
        else:
            i, j = i + 1, j + 1
    return (len(left) - i > 0) - (len(right) - j > 0)


def _digits_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end


def _is_constant(name: str) -> bool:
    # ruff counts a name's length in UTF-8 bytes: a one-letter `Ω` is a constant to it.
    return len(name.encode()) > 1 and name.upper() == name and name.lower() != name


def member_key(name: str) -> tuple[object, ...]:
    """isort's `order-by-type` within `from x import ...`: CONSTANTS, Classes, variables."""
    kind = 0 if _is_constant(name) else 1 if name[:1].isupper() else 2
    return (kind, Natural(name.lower()), Natural(name))


def module_key(name: str) -> tuple[object, ...]:
    return (Natural(name.lower()), Natural(name))


def export_key(name: str) -> tuple[object, ...]:
    """RUF022's isort-style `__all__` order: SCREAMING_CASE, CamelCase, then the rest."""
    kind = 0 if _is_constant(name) else 1 if name[:1].isupper() else 2
    return (kind, Natural(name))


def names_used(expression: str) -> set[str]:
    """The names an expression reads: identifiers outside string literals that do not
    follow a dot (`datetime.date` reads `datetime`) nor precede `=` (a keyword argument)."""
    names: set[str] = set()
    quote = ""
    escaped = False
    start = -1
    for index, character in enumerate(expression + " "):
        if quote:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == quote:
                quote = ""
            continue
        if character.isalnum() or character == "_":
            if start < 0:
                start = index
            continue
        if start >= 0:
            word = expression[start:index]
            before = start - 1
            while before >= 0 and expression[before] == " ":
                before -= 1
            after = index
            while after < len(expression) and expression[after] == " ":
                after += 1
            attribute = before >= 0 and expression[before] == "."
            keyword = expression[after : after + 1] == "=" and (
                expression[after + 1 : after + 2] != "="
            )
            if not word[0].isdigit() and not attribute and not keyword:
                names.add(word)
            start = -1
        if character in "\"'":
            quote = character
    return names


# Characters Python source must not hold raw (NUL), or that linters reject raw (other
# controls, DEL, the zero-width space): written as escapes wherever spec text is emitted.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b]")


def escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def python_string(text: str) -> str:
    """A Python string literal of any text: spec strings never reach code unescaped."""
    return UNPRINTABLE.sub(escaped, json.dumps(str(text), ensure_ascii=False))
