"""OpenAPI Overlay 1.0 documents applied to a loaded spec: what a client's configuration
corrects in a provider's document (`overlays = [...]`) while `specs/` stays a faithful copy.

Each action's `target` is a JSONPath of the subset overlays use in practice: `$`, then
`.name`, `['name']`, `[n]`, `.*` and `[*]`. `update` merges into each node it selects
(objects key by key, recursively; an array gets the items appended; any other value is
replaced), `remove: true` deletes each. An action that selects nothing is an error naming
the overlay's file, line and pointer: the spec it corrected has changed.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .diagnostics import FatalError
from .load import Document, parse_file

_STEP = re.compile(
    r"""\.(?P<name>[A-Za-z_$][\w$-]*)|\.(?P<star>\*)|\[(?P<all>\*)\]"""
    r"""|\[(?P<index>\d+)\]|\[(?P<quote>['"])(?P<key>(?:(?!(?P=quote)).)*)(?P=quote)\]"""
)

# A step of a path: a key, an index, or every child.
Step = str | int | None


def parse_path(target: str) -> list[Step] | None:
    """The steps of a JSONPath of the supported subset; None for any other text."""
    if not target.startswith("$"):
        return None
    steps: list[Step] = []
    position = 1
    while position < len(target):
        match = _STEP.match(target, position)
        if match is None:
            return None
        if match["name"] is not None:
            steps.append(match["name"])
        elif match["key"] is not None:
            steps.append(match["key"])
        elif match["index"] is not None:
            steps.append(int(match["index"]))
        else:
            steps.append(None)
        position = match.end()
    return steps


def select(data: Any, steps: list[Step]) -> Iterator[tuple[Any, str | int]]:
    """(parent, key) of every node `steps` reach; the root itself is never selected."""
    nodes: list[tuple[Any, str | int | None]] = [(None, None)]
    values = [data]
    for step in steps:
        next_nodes: list[tuple[Any, str | int | None]] = []
        next_values = []
        for value in values:
            if isinstance(value, dict):
                keys = list(value) if step is None else [step] if step in value else []
            elif isinstance(value, list):
                indexes = range(len(value))
                keys = (
                    list(indexes)
                    if step is None
                    else [step]
                    if isinstance(step, int) and step < len(value)
                    else []
                )
            else:
                keys = []
            for key in keys:
                next_nodes.append((value, key))
                next_values.append(value[key])
        nodes, values = next_nodes, next_values
    for parent, key in nodes:
        if key is not None:
            yield parent, key


def apply_overlays(
    root: Document, overlays: tuple[Path, ...], names: list[str]
) -> None:
    """Apply each overlay, in order, to `root.data` (named in errors as `names` says)."""
    for path, name in zip(overlays, names, strict=True):
        overlay = parse_file(path, name)
        data = overlay.data
        if not isinstance(data, dict) or not str(data.get("overlay", "")).startswith(
            "1."
        ):
            raise FatalError(
                overlay.location("/overlay"),
                "not an OpenAPI Overlay 1.x document (no 'overlay: 1.0.0')",
            )
        actions = data.get("actions")
        if not isinstance(actions, list):
            raise FatalError(overlay.location("/actions"), "'actions' must be a list")
        for index, action in enumerate(actions):
            _apply(root.data, action, overlay, f"/actions/{index}")


def _apply(spec: Any, action: Any, overlay: Document, pointer: str) -> None:
    target = action.get("target") if isinstance(action, dict) else None
    steps = parse_path(target) if isinstance(target, str) else None
    if steps is None:
        raise FatalError(
            overlay.location(f"{pointer}/target"),
            f"target {target!r} is not a JSONPath sdkforge reads ($, .name, ['name'],"
            " [n], .*, [*])",
        )
    selected = list(select(spec, steps))
    if not selected:
        raise FatalError(
            overlay.location(f"{pointer}/target"),
            f"target {target} selects nothing in the spec (has the spec changed?)",
        )
    if action.get("remove") is True:
        # From the last: removing an array item shifts the ones after it.
        for parent, key in reversed(selected):
            del parent[key]
        return
    if "update" not in action:
        raise FatalError(
            overlay.location(pointer), "an action needs 'update' or 'remove: true'"
        )
    for parent, key in selected:
        parent[key] = _merged(parent[key], action["update"])


def _merged(current: Any, update: Any) -> Any:
    if isinstance(current, dict) and isinstance(update, dict):
        merged = dict(current)
        for key, value in update.items():
            merged[key] = (
                _merged(current[key], value) if key in current else copy.deepcopy(value)
            )
        return merged
    if isinstance(current, list):
        return [*current, *(update if isinstance(update, list) else [update])]
    return copy.deepcopy(update)
