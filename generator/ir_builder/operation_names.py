"""Where each operation lives on the client: `client.<resource>...<method>`.

In order: the `[tool.sdkforge]` override; the spec's naming hints for the commercial
generators (Speakeasy's `x-speakeasy-group` and `x-speakeasy-name-override`, Fern's
`x-fern-sdk-group-name` and `x-fern-sdk-method-name`); else the path, as a person would
read it. Each static segment is a resource, nested as in the path
(`/threads/{id}/messages` is `client.threads.messages`; version segments and the client's
`path_prefix` left out), and the method is the REST verb of the path's shape: `list` or
`retrieve` for a GET on a collection, `create` for a POST on it, `retrieve`, `update`,
`delete` on an item, and the segment's own name for an action (`/{id}/cancel`, or a
verb-led segment such as `/messages/count_tokens`). A POST whose cleaned operationId is one
verb of its own (`start`, `append`) takes it. An operationId is cleaned of the words that
echo its path, its HTTP method, version segments and framework words (`api`, `routes`).
A path written with a query or fragment to define a second operation on it (`?beta=true`,
`#stream`) puts the operation under that namespace (`client.beta...`) or suffix (`_stream`),
and an operation a vendor extension marks beta (`x-beta: true`, `x-oaiMeta: {beta: true}`)
goes under `client.beta`, as the official LLM SDKs have it.

A tag that names none of the path's segments groups its operations instead of the path
(`Billing` for `/users/me/balance`), unless the path nests in a collection the spec has
items of (`/threads`, `/threads/{thread_id}/runs`), or the operationId only repeats the path:
the path then names the resource better than the tag.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import ClientConfig, OperationName
from ..naming import identifier, plural, singular, snake, words

# `v1`, `v2.1`, `v1beta2`, and a dated version (Twilio's `/2010-04-01/Accounts`).
_VERSION = re.compile(
    r"^(?:v\d+(?:[._]\d+)*(?:beta|alpha)?\d*|\d{4}-\d{2}-\d{2})$", re.IGNORECASE
)

# A response format written into the path (Twilio's `/Calls/{Sid}.json`) names nothing.
_FORMAT_SUFFIX = re.compile(r"\.(?:json|xml|yaml|csv|txt|html)$", re.IGNORECASE)

_COLLECTION_VERBS = {
    "post": "create",
    "put": "update",
    "patch": "update",
    "delete": "delete",
}
_ITEM_VERBS = {
    "get": "retrieve",
    "put": "update",
    "patch": "update",
    "post": "update",
    "delete": "delete",
}
# Words that say which CRUD verb an operationId means; any other leading verb is its own.
_CRUD_WORDS = {
    **dict.fromkeys(("create", "add", "new", "post", "insert", "upload"), "create"),
    **dict.fromkeys(("get", "read", "fetch", "retrieve", "show", "describe"), "get"),
    **dict.fromkeys(("list", "all", "index", "browse"), "get"),
    **dict.fromkeys(("update", "edit", "modify", "patch", "put", "set"), "update"),
    **dict.fromkeys(("delete", "remove", "destroy", "del"), "delete"),
}
# What an operationId says about how it was made, not what it does.
_FRAMEWORK_WORDS = frozenset(
    {"api", "apis", "route", "routes", "endpoint", "endpoints", "handler", "controller"}
    | {"op", "operation", "v", "id", "by", "http", "request", "rest"}
    | {"get", "post", "put", "patch", "delete", "head", "options"}
)
# Verbs that lead a segment naming an action on its parent (`/messages/count_tokens`,
# `/files/upload`), as opposed to a nested collection (`/chat/completions`).
_ACTION_VERBS = frozenset(
    {
        "count",
        "search",
        "validate",
        "verify",
        "generate",
        "check",
        "compute",
        "estimate",
    }
    | {"export", "import", "upload", "download", "send", "test", "preview", "render"}
    | {"run", "cancel", "start", "stop", "restart", "reset", "refresh", "sync", "query"}
    | {"complete", "tokenize", "detokenize", "classify", "rerank", "batch", "bulk"}
    | {"archive", "unarchive", "publish", "approve", "reject", "retry", "resume"}
    | {"pause", "submit", "execute", "invoke", "evaluate", "score", "transcribe"}
    | {"translate", "moderate", "embed", "compare", "merge", "copy", "move", "clone"}
    | {"append", "share", "unshare", "stream", "judge", "label", "attach", "detach"}
    | {"compact", "summarize", "transfer", "revoke", "rotate", "enable", "disable"}
    | {"find", "lookup", "login", "logout", "register", "authorize", "authenticate"}
    | {"subscribe", "unsubscribe", "confirm", "accept", "decline", "activate", "invite"}
)
_STOP_WORDS = frozenset(
    {"a", "an", "the", "of", "for", "to", "your", "my", "all", "and"}
)


def operation_name(
    config: ClientConfig,
    method: str,
    path: str,
    operation: dict[str, Any],
    lists: bool,
    unique_operation_id: bool,
    collections: frozenset[str] = frozenset(),
) -> OperationName:
    """`collections`: the first path segments the spec has items of (`item_collections`)."""
    override = config.operations.get(f"{method.upper()} {path}")
    if override:
        return override
    if not unique_operation_id:  # a shared operationId names nothing
        operation = {k: v for k, v in operation.items() if k != "operationId"}
    path, namespace, suffix = _variant(path)
    segments = _segments(path, config.path_prefix)
    hinted_group, hinted_method = _hints(operation)
    if not hinted_group and "beta" not in namespace and _marked_beta(operation):
        namespace = ["beta", *namespace]
    group = _tag_group(operation)
    statics = [snake(text) for text, is_parameter in segments if not is_parameter]
    if (
        hinted_group
        or not group
        or _tag_matches(group[-1], statics)
        or _nests_in_collection(segments, collections)
        or _says_only_the_path(operation, statics, group)
    ):
        resources, shape, action = _shape(segments)
        if hinted_group:
            # The group stands for the path's resources; the last of them, when the
            # group does not name it, goes into the method (`list_finetuned_models`).
            own = resources[-1] if resources else ""
            resources = hinted_group
            if (
                not hinted_method
                and own
                and _echoes([own]).isdisjoint(_echoes(hinted_group[-1:]))
            ):
                hinted_method = _method(
                    method, shape, action, operation, [own], lists
                ) + (
                    ""
                    if shape == "action"
                    else "_" + (singular(own) if shape == "item" else own)
                )
        elif not resources:
            resources = group or ["default"]
        elif group and singular(group[-1]) == singular(resources[0]):
            resources = [*group[:-1], *resources]
        name = hinted_method or _method(
            method, shape, action, operation, [*namespace, *resources], lists
        )
    else:
        # A tag that names none of the path's segments is a grouping of its own
        # (`Billing` for `/users/me/balance`): the operation is named within it.
        resources = group
        name = hinted_method or _grouped_method(
            method, segments, operation, group, lists
        )
    resources = [*namespace, *resources]
    if suffix:
        name = f"{name}_{suffix}"
    chain = tuple(identifier(snake(part) or "default") for part in resources)
    return OperationName(chain, _method_identifier(name))


def item_collections(paths: Iterable[str], prefix: str) -> frozenset[str]:
    """The first static segments that some path follows with a parameter (`threads` for
    `/threads/{thread_id}`): collections whose items the spec addresses."""
    found = set()
    for path in paths:
        segments = _segments(_variant(path)[0], prefix)
        if len(segments) > 1 and not segments[0][1] and segments[1][1]:
            found.add(snake(segments[0][0]))
    return frozenset(found)


def _nests_in_collection(
    segments: list[tuple[str, bool]], collections: frozenset[str]
) -> bool:
    """Whether the path is such a collection, or goes through one of its items."""
    return (
        bool(segments)
        and not segments[0][1]
        and snake(segments[0][0]) in collections
        and (len(segments) == 1 or segments[1][1])
    )


def _says_only_the_path(
    operation: dict[str, Any], statics: list[str], group: list[str]
) -> bool:
    """Whether the words that would name the method within a tag's group only repeat the
    path and a CRUD verb (`chat_moderations_v1_chat_moderations_post` for
    `/v1/chat/moderations`): the path and the HTTP method then say it as well
    (`chat.moderations.create`)."""
    operation_id = operation.get("operationId")
    if not isinstance(operation_id, str):
        return False
    # Stop words count here: `createThreadAndRun` says more than `/threads/runs`.
    group_words = _echoes(group)
    said = {
        word
        for word in words(operation_id)
        if word not in group_words
        and word not in _FRAMEWORK_WORDS
        and not _VERSION.match(word)
        and not word.isdigit()
    }
    return bool(said) and said <= _echoes(statics) | _CRUD_WORDS.keys()


def _marked_beta(operation: dict[str, Any]) -> bool:
    """Whether a vendor extension marks the operation beta: `x-beta: true`, or an
    extension object holding `beta: true` (OpenAI's `x-oaiMeta`)."""
    for key, value in operation.items():
        if not key.startswith("x-"):
            continue
        if value is True and key.lower().endswith("beta"):
            return True
        if isinstance(value, dict) and value.get("beta") is True:
            return True
    return False


def _method_identifier(name: str) -> str:
    """Methods may shadow builtins (`list`, `format`); keywords are escaped, and a name
    from an operationId such as `4oD_Browse` gets a word in front of its digit."""
    if name[:1].isdigit():
        name = "op_" + name
    return name + "_" if keyword.iskeyword(name) else name


def _tag_matches(tag: str, statics: list[str]) -> bool:
    """Whether a tag names a run of the path's segments (`Deployments Storage` names
    `/deployments/storage`), plurals aside."""
    return any(
        singular(tag) == singular("_".join(statics[start:end]))
        for start in range(len(statics))
        for end in range(start + 1, len(statics) + 1)
    )


def _grouped_method(
    method: str,
    segments: list[tuple[str, bool]],
    operation: dict[str, Any],
    group: list[str],
    lists: bool,
) -> str:
    """The method of an operation in a tag's group: the REST verb where the path is a bare
    collection or item, else the operationId's or summary's own words."""
    # The tag stands for the first segment (`Fine-tuning` for `/fine-tunes`): what
    # follows it may still have a conventional shape.
    rest = segments[1:] if segments and not segments[0][1] else segments
    shape = tuple(is_parameter for _, is_parameter in rest)
    if shape in ((), (True,)):
        return _method(
            method, "item" if shape else "collection", "", operation, group, lists
        )
    if shape == (True, False):
        return snake(rest[-1][0])
    echoes = _echoes(group)
    for source in (operation.get("operationId"), operation.get("summary")):
        if isinstance(source, str) and 0 < len(source.split()) <= 5:
            kept = _meaningful(words(source), echoes)
            if kept:
                return "_".join(kept[:4])
    statics = [text for text, is_parameter in segments if not is_parameter]
    verb = _COLLECTION_VERBS.get(method, "retrieve")
    return f"{verb}_{snake(statics[-1])}" if statics else verb


def _echoes(resources: list[str]) -> set[str]:
    return {
        form
        for part in resources
        for word in words(part)
        for form in (word, singular(word), plural(singular(word)))
    }


def _variant(path: str) -> tuple[str, list[str], str]:
    """The path without the `?query` or `#fragment` a spec adds to define a second
    operation on it (OpenAPI has no such paths), the namespace that query names
    (`?beta=true`: `beta`), and the suffix that fragment names (`#stream`: `stream`)."""
    path, _, fragment = path.partition("#")
    path, _, query = path.partition("?")
    namespace = [
        key
        for key, _, value in (pair.partition("=") for pair in query.split("&") if pair)
        if value.lower() in ("", "true", "1") and snake(key)
    ]
    return path, namespace, snake(fragment) if fragment else ""


def _segments(path: str, prefix: str) -> list[tuple[str, bool]]:
    """(text, is_parameter) for each path segment after the prefix, versions dropped."""
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) :]
    result = []
    for raw in path.split("/"):
        segment = _FORMAT_SUFFIX.sub("", raw)
        if not segment or _VERSION.match(segment):
            continue
        is_parameter = segment.startswith("{") and segment.endswith("}")
        if is_parameter or snake(segment) != "value":  # a segment of only punctuation
            result.append((segment, is_parameter))
    return result


def _shape(segments: list[tuple[str, bool]]) -> tuple[list[str], str, str]:
    """The resources the path names, whether it ends on a `collection`, an `item` or an
    `action`, and the action's name."""
    statics = [snake(text) for text, is_parameter in segments if not is_parameter]
    if not segments:
        return [], "collection", ""
    last, last_is_parameter = segments[-1]
    if last_is_parameter:
        return statics, "item", ""
    after_parameter = len(segments) > 1 and segments[-2][1]
    segment_words = words(last) or [""]
    # `/{id}/cancel`, `/{id}/content` are actions on the item, and so is a verb-led
    # segment (`/user/login`, `/user/createWithArray`); `/{id}/messages`, a plural, is
    # a collection of its own (`client.threads.messages`).
    verb_led = segment_words[0] in _ACTION_VERBS or (
        segment_words[0] in _CRUD_WORDS and len(segment_words) > 1
    )
    if len(statics) > 1 and (
        verb_led or (after_parameter and not _is_plural(snake(last)))
    ):
        return statics[:-1], "action", snake(last)
    return statics, "collection", ""


def _method(
    method: str,
    shape: str,
    action: str,
    operation: dict[str, Any],
    resources: list[str],
    lists: bool,
) -> str:
    if shape == "action":
        return action
    verbs = _ITEM_VERBS if shape == "item" else _COLLECTION_VERBS
    conventional = (
        ("list" if lists or _is_plural(resources[-1]) else "retrieve")
        if method == "get" and shape == "collection"
        else verbs.get(method)
    )
    own = _own_verb(operation, resources)
    if method == "post" and own:
        return own
    return conventional or own or method


def _is_plural(resource: str) -> bool:
    """A collection's name (`judges`), not a singleton's (`balance`, `settings`)."""
    last = (words(resource) or [""])[-1]
    return last != singular(last) and last not in _PLURAL_SINGLETONS


_PLURAL_SINGLETONS = frozenset(
    {"settings", "stats", "statistics", "metrics", "details", "status", "news"}
)


def _own_verb(operation: dict[str, Any], resources: list[str]) -> str | None:
    """The operationId's last action verb (`start`, `append`) that is not a CRUD
    synonym, once the words that echo the path, the method or a version are left out."""
    operation_id = operation.get("operationId")
    if not isinstance(operation_id, str):
        return None
    echoes = _echoes(resources)
    kept = _meaningful(words(operation_id), echoes)
    verbs = [w for w in kept if w in _ACTION_VERBS and w not in _CRUD_WORDS]
    return verbs[-1] if verbs else None


def _meaningful(found: list[str], echoes: set[str]) -> list[str]:
    """The words of an operationId or summary that say something the path does not,
    each once."""
    return list(
        dict.fromkeys(
            word
            for word in found
            if word not in echoes
            and word not in _FRAMEWORK_WORDS
            and word not in _STOP_WORDS
            and not _VERSION.match(word)
            and not word.isdigit()
        )
    )


def _hints(operation: dict[str, Any]) -> tuple[list[str], str]:
    """The group and method names a spec gives Speakeasy or Fern, where it gives them."""
    group: Any = operation.get("x-speakeasy-group") or operation.get(
        "x-fern-sdk-group-name"
    )
    if isinstance(group, str):
        group = group.split(".")
    groups = (
        [snake(part) for part in group if isinstance(part, str) and snake(part)]
        if isinstance(group, list)
        else []
    )
    name = operation.get("x-speakeasy-name-override") or operation.get(
        "x-fern-sdk-method-name"
    )
    return groups, snake(name) if isinstance(name, str) and snake(name) else ""


def _first_tag(operation: dict[str, Any]) -> str | None:
    tags = operation.get("tags")
    if isinstance(tags, list) and tags and isinstance(tags[0], str):
        return tags[0]
    return None


def _tag_group(operation: dict[str, Any]) -> list[str]:
    """The resources a tag names for a path without any (`beta.agents`: beta, agents)."""
    tag = _first_tag(operation)
    return [snake(part) for part in tag.split(".") if snake(part)] if tag else []


def alternative_names(
    name: str, method: str, path: str, operation: dict[str, Any]
) -> Iterator[str]:
    """The planned name, then, while another operation has it, ever more specific ones:
    the operationId's own words (`update_with_form`), the REST verb and the path's
    words, and last every segment (parameters as `by_<name>`), distinct for distinct
    paths."""
    for candidate in _alternatives(name, method, path, operation):
        yield _method_identifier(candidate)


def _alternatives(
    name: str, method: str, path: str, operation: dict[str, Any]
) -> Iterator[str]:
    path = _variant(path)[0]
    segments = [segment for segment in path.strip("/").split("/") if snake(segment)]
    statics = [snake(s) for s in segments if "{" not in s]
    verb = _COLLECTION_VERBS.get(method, "retrieve")
    yield name
    operation_id = operation.get("operationId")
    if isinstance(operation_id, str):
        kept = _meaningful(words(operation_id), _echoes(statics))
        if kept:
            yield "_".join(kept[:4])
    if verb != name:
        yield f"{verb}_{name}"  # `update_share` beside `share`
    if statics:
        yield f"{name}_{statics[-1]}"
        yield f"{verb}_{name}_{statics[-1]}"
        yield "_".join([verb, *statics])
    yield "_".join(
        [verb, *(f"by_{snake(s)}" if "{" in s else snake(s) for s in segments)]
    )
