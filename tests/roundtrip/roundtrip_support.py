"""The round-trip test's machinery: generated clients, the property, JSON equality.

Everything here may run in a worker process: `generate_client` generates and writes one
client and tells which model each component became; `check_cases` imports that client and
runs the property on a batch of component schemas, returning one outcome per schema.
"""

from __future__ import annotations

import datetime
import importlib
import json
import math
import re
import sys
import traceback
import typing
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pydantic
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, Unsatisfiable
from hypothesis_jsonschema import _canonicalise, _from_schema, from_schema
from hypothesis_jsonschema._canonicalise import HypothesisRefResolutionError

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
"""The shared spec corpus, beside the repository."""


@dataclass(frozen=True)
class Case:
    """One component schema of one spec, and its JSON Schema (None when excluded)."""

    spec: str
    component: str
    schema: dict[str, Any] | None
    excluded: str | None = None
    recursive: bool = False

    @property
    def id(self) -> str:
        return f"{self.spec}::{self.component}"


Outcome = tuple[str, str]
"""("passed" | "failed" | "excluded", message)."""


# -- generated clients ---------------------------------------------------------------------


def generate_client(spec: Path, out_root: Path, package: str) -> dict[str, str]:
    """Generate `package` from `spec` into `out_root`; component name -> model name.

    The names are the generator's own: the run's schema builder is asked for the name it
    gave each component (`BatchObject`, or `MessageParam` for `message_param`, or a
    suffixed name where another model took the first choice).
    """
    import generator.ir_builder as build_stage
    from generator.config import ClientConfig
    from generator.diagnostics import join_pointer
    from generator.load import Target
    from generator.pipeline import generate
    from generator.write import write_package

    builders: list[Any] = []

    class RecordingBuilder(build_stage.SchemaBuilder):  # type: ignore[misc, name-defined]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            builders.append(self)

    original = build_stage.SchemaBuilder
    build_stage.SchemaBuilder = RecordingBuilder
    try:
        config = ClientConfig.default(spec, out_root / package, package)
        result = generate(config, spec.name)
    finally:
        build_stage.SchemaBuilder = original
    write_package(config.output, result.files)
    builder = builders[0]
    root = builder.documents.root
    return {
        name: builder.named_ref(
            Target(root, join_pointer("/components/schemas", name))
        ).name
        for name in root.data["components"]["schemas"]
    }


# -- the property --------------------------------------------------------------------------

_UNBOUNDED_JSON = "JSON_STRATEGY"
_SCHEMA_STRATEGY = "__from_schema"


def speed_up_hypothesis_jsonschema() -> None:
    """Three patches of hypothesis-jsonschema 0.23.1 (pinned) that change speed, not validity.

    Its object strategy rebuilds the strategy of a property's schema (resolve, canonicalise,
    merge) at every draw: building once per schema and process makes the test about five
    times faster. And a value with no schema (an unknown key's value) comes from a recursive
    strategy of up to 100 leaves that costs more than the rest of an instance: a value of
    one level (a scalar, or a short list or object of scalars) is as valid and much cheaper.
    Last, it checks every schema it makes a validator for against the newest metaschema
    (draft 2020-12, slow to check against) before falling back to draft 7: the schemas
    here are draft 7 by construction, so draft 7 it is.
    """
    build = getattr(_from_schema, _SCHEMA_STRATEGY)
    if getattr(build, "cached", False):
        return
    assert hasattr(_from_schema, _UNBOUNDED_JSON), "hypothesis-jsonschema changed"
    built: dict[tuple[str, object, object], st.SearchStrategy[Any]] = {}

    def cached(schema: Any, *, alphabet: Any, custom_formats: Any) -> Any:
        key = (
            json.dumps(schema, sort_keys=True),
            (alphabet.allow_x00, alphabet.codec),
            id(custom_formats) if custom_formats else None,
        )
        if key not in built:
            built[key] = build(schema, alphabet=alphabet, custom_formats=custom_formats)
        return built[key]

    cached.cached = True  # type: ignore[attr-defined]
    assert hasattr(_canonicalise, "_get_validator_class"), (
        "hypothesis-jsonschema changed"
    )
    _canonicalise._get_validator_class = lambda schema: jsonschema.Draft7Validator
    setattr(_from_schema, _SCHEMA_STRATEGY, cached)
    scalar = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False).map(lambda x: x or 0.0)
        | st.text()
    )
    setattr(
        _from_schema,
        _UNBOUNDED_JSON,
        scalar
        | st.lists(scalar, max_size=3)
        | st.dictionaries(st.text(), scalar, max_size=3),
    )


def check_cases(
    out_root: Path,
    package: str,
    models: dict[str, str],
    cases: list[Case],
    examples: int,
) -> dict[str, Outcome]:
    """Import the generated `package` and run the property on each case."""
    speed_up_hypothesis_jsonschema()
    if str(out_root) not in sys.path:
        sys.path.insert(0, str(out_root))
    module = importlib.import_module(package)
    return {case.id: _check_case(module, models, case, examples) for case in cases}


def _check_case(
    module: Any, models: dict[str, str], case: Case, examples: int
) -> Outcome:
    assert case.schema is not None
    where = f"{case.spec} #/components/schemas/{case.component}"
    name = models.get(case.component)
    model = getattr(module, name, None) if name else None
    if model is None:
        return "failed", f"{where}: became {name!r}, which the package does not export"
    target: Any = model
    if (
        isinstance(model, type)
        and issubclass(model, pydantic.BaseModel)
        and jsonschema.Draft7Validator(case.schema).is_valid(None)
    ):
        # A nullable object schema: the class itself cannot be None, a reference to it
        # (`field: Model | None`) can, and that is what is tested.
        target = typing.Optional[model]  # noqa: UP045 (a runtime union of a variable)
    try:
        adapter = pydantic.TypeAdapter(target)
    except Exception as exc:  # noqa: BLE001 (a model pydantic cannot build is a failure)
        return (
            "failed",
            f"{where}: no TypeAdapter for {name}: {type(exc).__name__}: {exc}",
        )

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=False,
        suppress_health_check=list(HealthCheck),
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
    )
    @given(from_schema(case.schema))
    def round_trip(instance: Any) -> None:
        check_round_trip(adapter, where, instance)

    try:
        round_trip()
    except (Unsatisfiable, HypothesisRefResolutionError, InvalidArgument) as exc:
        first_line = str(exc).split("\n", 1)[0][:160]
        return "excluded", (
            f"hypothesis-jsonschema cannot generate an instance ({type(exc).__name__}: "
            f"{first_line})"
        )
    except BaseExceptionGroup as group:
        return "failed", "\n\n".join(_message(e) for e in group.exceptions)
    except Exception as exc:  # noqa: BLE001 (whatever the model raises is a failure)
        where_raised = traceback.extract_tb(exc.__traceback__)[-1]
        if "hypothesis_jsonschema" in where_raised.filename:
            return "excluded", (
                f"hypothesis-jsonschema fails on the schema ({type(exc).__name__} at "
                f"{Path(where_raised.filename).name}:{where_raised.lineno})"
            )
        return "failed", _message(exc)
    return "passed", ""


def _message(exc: BaseException) -> str:
    if isinstance(exc, AssertionError) and str(exc):
        return str(exc)
    where_raised = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__}: {exc} (at {where_raised.filename}:{where_raised.lineno})"


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def check_round_trip(
    adapter: pydantic.TypeAdapter[Any], where: str, instance: Any
) -> None:
    """The property: `instance` parses, and dumps back to an equal JSON value, silently.

    It parses from JSON text, as the clients decode a response body (`decode_json`):
    in that mode `"2000-01-01"` in a `datetime | date` union stays a date.
    """
    try:
        parsed = adapter.validate_json(json.dumps(instance))
    except pydantic.ValidationError as exc:
        raise AssertionError(
            f"{where}: a valid instance does not parse\n"
            f"instance: {_dump(instance)}\n{exc}"
        ) from None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dumped = adapter.dump_python(
            parsed, mode="json", by_alias=True, exclude_unset=True
        )
    difference = json_difference(instance, dumped)
    assert difference is None, (
        f"{where}: does not round-trip: {difference}\n"
        f"instance: {_dump(instance)}\ndumped:   {_dump(dumped)}"
    )
    assert not caught, (
        f"{where}: dumping warns\ninstance: {_dump(instance)}\n"
        + "\n".join(str(w.message) for w in caught)
    )


# -- JSON equality -------------------------------------------------------------------------


def _instant(text: str) -> tuple[datetime.datetime, datetime.timedelta | None] | None:
    """An RFC 3339 date-time as (instant, offset), or None when `text` is not one."""
    if not re.fullmatch(
        r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", text
    ):
        return None
    try:
        moment = datetime.datetime.fromisoformat(text.upper())
    except ValueError:
        return None
    return moment, moment.utcoffset()


def json_difference(expected: Any, actual: Any, path: str = "$") -> str | None:
    """Where `actual` differs from `expected` as JSON values, or None when equal.

    JSON has no int/float distinction (`1` and `1.0` are one number) and a date-time may be
    written in several equivalent ways (`+00:00` or `Z`, trailing zeros in the fraction):
    those compare equal. A bool is never a number, and key order does not matter.
    """
    if isinstance(expected, bool) or isinstance(actual, bool):
        if type(expected) is type(actual) and expected == actual:
            return None
        return f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        if expected == actual or (
            math.isfinite(float(actual)) and float(expected) == float(actual)
        ):
            return None
        return f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, str) and isinstance(actual, str):
        if expected == actual:
            return None
        moments = _instant(expected), _instant(actual)
        if moments[0] is not None and moments[0] == moments[1]:
            return None
        return f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                return f"{path}: key {key!r} lost"
        for key in actual:
            if key not in expected:
                return f"{path}: key {key!r} added with value {actual[key]!r}"
        for key, value in expected.items():
            found = json_difference(value, actual[key], f"{path}[{key!r}]")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{path}: expected {len(expected)} items, got {len(actual)}"
        for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
            found = json_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    if expected is None and actual is None:
        return None
    return f"{path}: expected {expected!r}, got {actual!r}"
