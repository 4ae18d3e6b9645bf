"""A short round of the fuzz run (`make fuzz` runs thousands of documents)."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.fuzz import fuzz

DOCUMENTS = 40


def test_random_documents_generate_clean_packages_or_located_errors(tmp_path: Path):
    outcomes, failures = fuzz(range(DOCUMENTS), tmp_path)
    problems = [o for o in outcomes if o.kind not in ("generated", "located error")]
    assert problems == [], problems
    assert failures == [], "\n".join(failures)
    # The round exercised generation, not only the error path.
    assert sum(o.kind == "generated" for o in outcomes) >= DOCUMENTS // 2


def test_a_validator_panic_is_a_warning_not_a_crash(tmp_path: Path):
    """Seed 3347 once made openapi-spec-validator's Rust parts panic (a BaseException)
    when recursion ran out inside them; the run must end with a package, the panic only
    a validator warning."""
    outcomes, failures = fuzz(range(3347, 3348), tmp_path)
    assert [o.kind for o in outcomes] in (["generated"], ["located error"]), outcomes
    assert failures == []


# Seeds the long run (`make fuzz`) once failed on: identifiers not in NFKC form (`Ĳ`),
# aliases among their own alternatives through other aliases, `__all__` order of
# one-letter non-ASCII names.
FOUND = (50, 139, 213, 221, 265, 311, 449, 459, 757, 782, 798, 931, 932, 999)


def test_what_the_long_run_found(tmp_path: Path):
    outcomes, failures = fuzz(FOUND, tmp_path)
    problems = [o for o in outcomes if o.kind not in ("generated", "located error")]
    assert problems == [], problems
    assert failures == [], "\n".join(failures)
