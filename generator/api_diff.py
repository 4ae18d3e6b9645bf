"""What changed between two API surfaces (`surface.py`), each change classified breaking or
not, as oasdiff's rules classify the same change in the spec (its check ids in RULES).

A change breaks callers when code that type-checked and ran against the old client may fail
against the new one: an operation, argument, model or field gone; an argument callers must
now pass; a type changed; a value a request could send now refused (an enum value removed
from what requests use); a response that may now hold what callers did not handle (a field
that may be missing or None, a new value of a closed enum). Additions callers may ignore,
values a request may now send, and what a response no longer sends are not breaking.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from .surface import Surface

# Each rule: whether it breaks callers, and oasdiff's check for the same change in the spec
# ("" where oasdiff has none: a model class is the SDK's, not the wire's). Where oasdiff
# says ERR we say breaking, where it says INFO we do not; its WARN ("potential") is decided
# by what the generated client does: a keyword argument or field that is gone fails type
# checking (breaking); a new value of an open enum (`Literal[...] | str`) is accepted.
# Keyword arguments are request parameters (`argument-*`) or, flattened, request body
# properties (`request-field-*`).
RULES: dict[str, tuple[bool, str]] = {
    "operation-added": (False, "endpoint-added"),
    "operation-removed": (True, "api-path-removed-without-deprecation"),
    "operation-deprecated": (False, "endpoint-deprecated"),
    "argument-added-required": (True, "new-required-request-parameter"),
    "argument-added-optional": (False, "new-optional-request-parameter"),
    "argument-removed": (True, "request-parameter-removed"),
    "argument-became-required": (True, "request-parameter-became-required"),
    "argument-became-optional": (False, "request-parameter-became-optional"),
    "argument-type-changed": (True, "request-parameter-type-changed"),
    "argument-enum-value-added": (False, "request-parameter-enum-value-added"),
    "argument-enum-value-removed": (True, "request-parameter-enum-value-removed"),
    "return-type-changed": (True, "response-body-type-changed"),
    "error-added": (False, "response-non-success-status-added"),
    "error-removed": (False, "response-non-success-status-removed"),
    "model-added": (False, ""),
    "model-removed": (True, ""),
    "request-field-added-required": (True, "new-required-request-property"),
    "request-field-added-optional": (False, "new-optional-request-property"),
    "response-field-added": (False, "response-optional-property-added"),
    "response-required-field-added": (False, "response-required-property-added"),
    "request-field-removed": (True, "request-property-removed"),
    "response-field-removed": (True, "response-optional-property-removed"),
    "response-required-field-removed": (True, "response-required-property-removed"),
    "request-field-became-required": (True, "request-property-became-required"),
    "request-field-became-optional": (False, "request-property-became-optional"),
    "response-field-became-optional": (True, "response-property-became-optional"),
    "response-field-became-required": (False, "response-property-became-required"),
    "request-field-type-changed": (True, "request-property-type-changed"),
    "response-field-type-changed": (True, "response-property-type-changed"),
    "request-enum-value-added": (False, "request-property-enum-value-added"),
    "request-enum-value-removed": (True, "request-property-enum-value-removed"),
    "response-enum-value-added-open": (False, "response-property-enum-value-added"),
    "response-enum-value-added-closed": (True, "response-property-enum-value-added"),
    "response-enum-value-removed": (False, "response-property-enum-value-removed"),
    "request-field-default-changed": (False, "request-property-default-value-changed"),
    "response-field-default-changed": (False, ""),
}


@dataclass(frozen=True)
class Change:
    rule: str
    where: str
    """`client.batches.create(endpoint=...)`, `BatchObject.status`, `BatchStatus`."""
    detail: str

    @property
    def breaking(self) -> bool:
        return RULES[self.rule][0]


def diff(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    changes += _operations(old.get("operations", {}), new.get("operations", {}))
    changes += _models(old.get("models", {}), new.get("models", {}))
    return sorted(changes, key=lambda c: (not c.breaking, c.where, c.rule, c.detail))


def _operations(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    for call in sorted(old.keys() | new.keys()):
        where = f"client.{call}()"
        if call not in new:
            changes.append(Change("operation-removed", where, old[call]["request"]))
            continue
        if call not in old:
            changes.append(Change("operation-added", where, new[call]["request"]))
            continue
        before, after = old[call], new[call]
        if after["deprecated"] and not before["deprecated"]:
            changes.append(Change("operation-deprecated", where, after["request"]))
        if before["returns"] != after["returns"]:
            detail = f"{before['returns']} -> {after['returns']}"
            changes.append(Change("return-type-changed", where, detail))
        for status in sorted(set(after["errors"]) - set(before["errors"])):
            changes.append(Change("error-added", where, status))
        for status in sorted(set(before["errors"]) - set(after["errors"])):
            changes.append(Change("error-removed", where, status))
        for in_body in (False, True):
            changes += _slots(
                _arguments(before, in_body),
                _arguments(after, in_body),
                (f"client.{call}(", "=...)"),
                ("request",) if in_body else (),
            )
    return changes


def _arguments(operation: dict[str, Any], in_body: bool) -> dict[str, Any]:
    """The keyword arguments that are body properties, or the ones that are not."""
    return {
        name: slot
        for name, slot in operation["arguments"].items()
        if (slot.get("in") == "body") == in_body
    }


def _models(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            changes.append(Change("model-removed", name, ""))
            continue
        if name not in old:
            changes.append(Change("model-added", name, ""))
            continue
        before, after = old[name], new[name]
        uses = tuple(sorted(set(before["uses"]) | set(after["uses"])))
        if not uses:
            # No operation takes or returns it (a body flattened into keyword arguments,
            # whose changes are the arguments'): nothing a caller does changes.
            continue
        if "fields" in before and "fields" in after:
            changes += _slots(
                before["fields"],
                after["fields"],
                (f"{name}.", ""),
                uses,
            )
        elif "fields" in before or "fields" in after:
            changes += _worst([f"{use}-field-type-changed" for use in uses], name, "")
        else:
            changes += _slot(before, after, name, uses)
    return changes


def _slots(
    old: dict[str, Any],
    new: dict[str, Any],
    around: tuple[str, str],
    uses: tuple[str, ...],
) -> list[Change]:
    """Changes to keyword arguments (`uses` empty: request parameters) or to fields of a
    model that `uses` (request, response) use."""
    changes = []
    for name in sorted(old.keys() | new.keys()):
        where = f"{around[0]}{name}{around[1]}"
        if name not in new:
            required = "" if old[name]["optional"] else "required-"
            rules = [
                f"response-{required}field-removed"
                if use == "response"
                else "request-field-removed"
                for use in uses
            ] or ["argument-removed"]
            changes += _worst(rules, where, "")
        elif name not in old:
            changes += _added(new[name], where, uses)
        else:
            changes += _slot(old[name], new[name], where, uses)
    return changes


def _added(slot: dict[str, Any], where: str, uses: tuple[str, ...]) -> list[Change]:
    required = "optional" if slot["optional"] else "required"
    rules = [
        f"request-field-added-{required}"
        if use == "request"
        else "response-field-added"
        if slot["optional"]
        else "response-required-field-added"
        for use in uses
    ] or [f"argument-added-{required}"]
    return _worst(rules, where, slot["type"])


def _slot(
    before: dict[str, Any], after: dict[str, Any], where: str, uses: tuple[str, ...]
) -> list[Change]:
    def rules(change: str) -> list[str]:
        return [f"{use}-{change}" for use in uses] or [f"argument-{change}"]

    changes = []
    if before["type"] != after["type"]:
        detail = f"{before['type']} -> {after['type']}"
        changes += _worst(
            rules("field-type-changed") if uses else ["argument-type-changed"],
            where,
            detail,
        )
    if before["optional"] != after["optional"]:
        became = "optional" if after["optional"] else "required"
        changes += _worst(
            rules(f"field-became-{became}") if uses else [f"argument-became-{became}"],
            where,
            "",
        )
    if before["type"] != after["type"]:
        return changes  # its values and default changed with it
    old_values, new_values = before.get("values", []), after.get("values", [])
    openness = "open" if after.get("open", False) else "closed"
    for value in new_values:
        if value not in old_values:
            added = [
                f"response-enum-value-added-{openness}"
                if rule.startswith("response")
                else rule
                for rule in rules("enum-value-added")
            ]
            changes += _worst(added, where, json.dumps(value))
    for value in old_values:
        if value not in new_values:
            changes += _worst(rules("enum-value-removed"), where, json.dumps(value))
    # Only fields have defaults in the IR: a parameter's never gets here.
    if before.get("default") != after.get("default"):
        detail = (
            f"{json.dumps(before.get('default'))} -> {json.dumps(after.get('default'))}"
        )
        changes += _worst(
            rules("field-default-changed"),
            where,
            detail,
        )
    return changes


def _worst(rules: list[str], where: str, detail: str) -> list[Change]:
    """One change, read as the worst of its rules: a model both requests and responses
    use breaks callers if either reading does."""
    ordered = sorted(rules, key=lambda rule: not RULES[rule][0])
    return [Change(ordered[0], where, detail)]


def suggested_bump(changes: list[Change]) -> str:
    """Semantic versioning of the client: `major` for a breaking change, `minor` for an
    addition, `patch` otherwise (none when nothing changed)."""
    if any(change.breaking for change in changes):
        return "major"
    if any(
        change.rule.endswith("added") or "added-" in change.rule for change in changes
    ):
        return "minor"
    return "patch" if changes else "none"


def report_text(changes: list[Change], markdown: bool = False) -> str:
    """The report: breaking changes first, each with the rule that classified it."""
    breaking = [c for c in changes if c.breaking]
    others = [c for c in changes if not c.breaking]
    bump = suggested_bump(changes)
    if markdown:
        lines = [
            (
                f"{len(breaking)} breaking, {len(others)} non-breaking change(s);"
                f" suggested version bump: {bump}."
            ),
        ]
        for title, group in (("Breaking", breaking), ("Non-breaking", others)):
            if group:
                lines += ["", f"### {title}", ""]
                lines += [
                    f"- `{c.where}`: {c.rule.replace('-', ' ')}"
                    + (f" ({c.detail})" if c.detail else "")
                    for c in group
                ]
        return "\n".join(lines) + "\n"
    lines = [
        (
            f"{len(breaking)} breaking, {len(others)} non-breaking change(s);"
            f" suggested version bump: {bump}"
        )
    ]
    lines += [
        f"  {'BREAKING' if c.breaking else 'ok      '} {c.where}: {c.rule}"
        + (f" ({c.detail})" if c.detail else "")
        for c in changes
    ]
    return "\n".join(lines) + "\n"


def report_json(changes: list[Change]) -> str:
    return (
        json.dumps(
            {
                "breaking": sum(c.breaking for c in changes),
                "non_breaking": sum(not c.breaking for c in changes),
                "suggested_bump": suggested_bump(changes),
                "changes": [
                    {**asdict(c), "breaking": c.breaking, "oasdiff": RULES[c.rule][1]}
                    for c in changes
                ],
            },
            indent=2,
        )
        + "\n"
    )
