"""The write stage: a new package appears whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.write import write_package

FILES = {"__init__.py": "", "models/a.py": "A = 1\n", "models/deep/b.py": "B = 2\n"}


def test_a_new_package_is_written_whole_with_the_usual_mode(tmp_path: Path):
    output = tmp_path / "out" / "pkg"
    assert write_package(output, FILES) == sorted(FILES)
    assert {p: (output / p).read_text() for p in FILES} == FILES
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(output.stat().st_mode) == 0o777 & ~umask
    assert [p.name for p in output.parent.iterdir()] == ["pkg"]


def test_a_failed_new_package_leaves_nothing(tmp_path: Path):
    output = tmp_path / "pkg"
    broken = {**FILES, "models/z.py": None}
    with pytest.raises(TypeError):
        write_package(output, broken)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_an_existing_package_is_updated_file_by_file(tmp_path: Path):
    output = tmp_path / "pkg"
    write_package(output, FILES)
    (output / "mine.txt").write_text("kept")
    changed = write_package(output, {**FILES, "models/a.py": "A = 3\n"})
    assert changed == ["models/a.py"]
    assert (output / "mine.txt").read_text() == "kept"
