"""What makes a generated call path read unlike one a person would write: the words of an
HTTP method, a version segment, two path segments in a row (`api_v1_namespaces`, as an
operationId or a fallback name copies them), more than four words in the method. Shared by
NAMES.md (`make corpus`) and tests/pipeline/test_llm_names.py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from generator.naming import snake

HTTP_WORDS = frozenset({"get", "post", "put", "patch", "head", "options"})
VERSION = re.compile(r"v\d+")
MAX_WORDS = 4


def _path_tokens(path: str) -> list[str]:
    """Each segment as a method name would spell it: `{name}` as `by_name`."""
    path = path.partition("#")[0].partition("?")[0]
    return [
        f"by_{snake(segment[1:-1])}" if segment.startswith("{") else snake(segment)
        for segment in path.split("/")
        if snake(segment)
    ]


def name_flags(path: str, resource: Sequence[str], method: str) -> list[str]:
    """Why `client.<resource>.<method>` for `path` does not read as a person's name: none
    when it does."""
    method_words = method.split("_")
    resource_words = [word for part in resource for word in part.split("_")]
    flags = [f"echoes {word}" for word in sorted(HTTP_WORDS & set(method_words))]
    flags += [
        f"echoes {word}"
        for word in dict.fromkeys(method_words + resource_words)
        if VERSION.fullmatch(word)
    ]
    tokens = _path_tokens(path)
    padded = f"_{method}_"
    flags += [
        f"echoes the path ({first}/{second})"
        for first, second in pairwise(tokens)
        if f"_{first}_{second}_" in padded
    ][:1]
    if len(method_words) > MAX_WORDS:
        flags.append(f"more than {MAX_WORDS} words")
    return flags
