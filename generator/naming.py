"""Python names from spec names: readable, escaped, collision-free without numbers."""

from __future__ import annotations

import builtins
import keyword
import re

from .bindings import reserved

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")


# Comparison suffixes of filter parameters (`StartTime<`, `price>=`): words, so that
# `StartTime`, `StartTime<` and `StartTime>` get three names.
_OPERATORS = (
    ("<=", " lte "),
    (">=", " gte "),
    ("!=", " ne "),
    ("<", " lt "),
    (">", " gt "),
)


def words(text: str) -> list[str]:
    for operator, word in _OPERATORS:
        text = text.replace(operator, word)
    # GitHub's reactions `+1` and `-1`: `plus_1` and `minus_1`, not `field_1` twice.
    text = re.sub(r"^\+(?=\d)", "plus ", re.sub(r"^-(?=\d)", "minus ", text))
    return [w.lower() for w in _WORD.findall(text)]


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = [
    "_",
    "_",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]


def _spelled(number: str) -> list[str] | None:
    """A number of one to three digits as words (`4` -> four, `21` -> twenty one, `120`
    -> one hundred twenty); a longer one (a year) is not spelled."""
    if len(number) == 1:
        return [_ONES[int(number)]]
    if number[0] == "0" or len(number) > 3:
        return None
    if len(number) == 3:
        rest = number[1:].lstrip("0")
        return [
            _ONES[int(number[0])],
            "hundred",
            *((_spelled(rest) or []) if rest else []),
        ]
    tens, ones = int(number[0]), int(number[1])
    if tens == 1:
        return [_TEENS[ones]]
    return [_TENS[tens]] + ([_ONES[ones]] if ones else [])


def _leading_words(text: str) -> list[str]:
    """`words(text)`, a leading number of up to three digits spelled (`4od` -> four od,
    `1-click` -> one click), as a person would name it: an identifier cannot start with
    a digit, and one starting with `_` is private to type checkers."""
    found = words(text)
    if found and found[0][:1].isdigit():
        digits = re.match(r"\d+", found[0])
        assert digits is not None
        spelled = _spelled(digits.group())
        if spelled is not None:
            rest = found[0][digits.end() :]
            found = [*spelled, *([rest] if rest else []), *found[1:]]
    return found


def snake(text: str) -> str:
    name = "_".join(_leading_words(text)) or "value"
    return "_" + name if name[0].isdigit() else name


def pascal(text: str) -> str:
    name = "".join(w[:1].upper() + w[1:] for w in _leading_words(text)) or "Model"
    if name[0].isdigit():
        return "_" + name
    return name + "_" if keyword.iskeyword(name) else name


def identifier(name: str) -> str:
    """A keyword or builtin gets a trailing underscore: `from` -> `from_`, `type` -> `type_`."""
    if (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or hasattr(builtins, name)
    ):
        return name + "_"
    return name


MAX_MODULE_NAME = 100
"""Longest module name: file systems take 255 bytes a name, and a suffix may be added."""


def module_name(text: str) -> str:
    """A module file name: snake case, a keyword (`import`) escaped, at most
    MAX_MODULE_NAME characters (cut after a whole word where there is one)."""
    name = shortened(snake(text))
    return (
        name + "_" if keyword.iskeyword(name) or keyword.issoftkeyword(name) else name
    )


def shortened(name: str) -> str:
    """`name` cut to MAX_MODULE_NAME characters, after a whole word where there is one."""
    if len(name) <= MAX_MODULE_NAME:
        return name
    cut = name[:MAX_MODULE_NAME]
    return cut.rsplit("_", 1)[0] if "_" in cut.strip("_") else cut


def field_name(wire_name: str) -> str:
    """Model fields may shadow builtins (`id`, `object`), but not keywords or model attributes;
    pydantic keeps names with a leading underscore private, so `1st` becomes `field_1st`."""
    name = snake(wire_name)
    if name.startswith("_"):
        name = "field" + name
    return (
        name + "_"
        if keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in reserved().field
        else name
    )


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


class NameRegistry:
    """Hands out unique names; a taken name gets a descriptive suffix, never a bare number."""

    _SUFFIXES = ("Model", "Schema", "Type", "Object")

    def __init__(self, reserved: set[str] | None = None) -> None:
        self._taken: set[str] = set(reserved or ())

    def claim(self, wanted: str) -> str:
        candidates = [wanted] + [wanted + suffix for suffix in self._SUFFIXES]
        for candidate in candidates:
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate
        # Every descriptive variant is taken: only then count.
        count = 2
        while f"{wanted}{count}" in self._taken:
            count += 1
        self._taken.add(f"{wanted}{count}")
        return f"{wanted}{count}"
