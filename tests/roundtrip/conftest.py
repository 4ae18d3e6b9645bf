"""Runs the round-trip property on two cores, and sums up what it covered."""

from __future__ import annotations

import gc
import multiprocessing
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.naming import snake

if TYPE_CHECKING:
    from roundtrip_support import Case, Outcome

# roundtrip_support is imported where it is used, not at conftest import: Hypothesis warns
# about plugins that load its Unicode tables at start-up, as hypothesis-jsonschema does.

WORKERS = 2
"""The machine's cores."""
BATCH = 1000
"""Schemas per check task: every spec of the sample in one, so that one worker builds the
strategies a spec's schemas share once; the specs are many enough to share out evenly."""


@pytest.fixture(scope="module")
def round_trip_results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Outcome]:
    """Case id -> outcome, for every selected case of the test module.

    Each spec's client is generated once into a temporary folder (biggest spec first);
    as soon as it is written, its schemas are checked, while the other worker goes on
    generating. A spec the generator fails on fails each of its tests.
    """
    cases = [
        item.callspec.params["case"]
        for item in request.session.items
        if item.module is request.module and hasattr(item, "callspec")
    ]
    todo: dict[str, list[Case]] = {}
    for case in cases:
        if case.excluded is None:
            todo.setdefault(case.spec, []).append(case)
    out_root = tmp_path_factory.mktemp("roundtrip_clients")
    examples: int = request.module.EXAMPLES
    # The workers are forked: the specs and schemas loaded here are theirs to read, and
    # frozen, their garbage collector does not walk (and copy) them again and again.
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=WORKERS, mp_context=context) as pool:
            return _run(pool, todo, out_root, examples)
    finally:
        gc.unfreeze()


def _run(
    pool: ProcessPoolExecutor,
    todo: dict[str, list[Case]],
    out_root: Path,
    examples: int,
) -> dict[str, Outcome]:
    from roundtrip_support import CORPUS, check_cases, generate_client

    results: dict[str, Outcome] = {}
    pending: dict[Future[Any], str | None] = {}
    for spec in sorted(todo, key=lambda s: -(CORPUS / s).stat().st_size):
        package = "roundtrip_" + snake(spec)
        job = pool.submit(generate_client, CORPUS / spec, out_root, package)
        pending[job] = spec
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for job in done:
            spec = pending.pop(job)
            if spec is None:  # a batch of checks
                results.update(job.result())
                continue
            try:
                models = job.result()
            except Exception as exc:  # noqa: BLE001 (any generator failure)
                for case in todo[spec]:
                    results[case.id] = (
                        "failed",
                        f"{spec}: the generator failed: {type(exc).__name__}: {exc}",
                    )
                continue
            package = "roundtrip_" + snake(spec)
            for start in range(0, len(todo[spec]), BATCH):
                batch = todo[spec][start : start + BATCH]
                check = pool.submit(
                    check_cases, out_root, package, models, batch, examples
                )
                pending[check] = None
    return results


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """How many schemas were tested, passed, failed; how many excluded, and why."""
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    specs: set[str] = set()
    for outcome in ("passed", "failed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            if "::test_round_trip[" not in nodeid:
                continue
            counts[outcome] += 1
            specs.add(nodeid.split("[", 1)[1].split("::", 1)[0])
            if outcome == "skipped":
                longrepr = report.longrepr
                reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
                # "excluded <spec>::<component>: <reason>"
                reasons[reason.split(": ", 2)[-1]] += 1
    if not counts:
        return
    tested = counts["passed"] + counts["failed"]
    terminalreporter.write_sep("-", "round trip")
    terminalreporter.write_line(
        f"{tested} component schemas of {len(specs)} specs tested: "
        f"{counts['passed']} passed, {counts['failed']} failed; "
        f"{counts['skipped']} excluded:"
    )
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"  {count:4d} {reason}")
    if reasons:
        terminalreporter.write_line("  (each one is listed with -rs)")
