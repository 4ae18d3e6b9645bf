"""The write stage: a package appears whole or not at all, with ordinary permissions, and
nothing outside the output folder, nor any file sdkforge did not write, is touched."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from generator import write
from generator.diagnostics import FatalError
from generator.write import MANIFEST, write_package

FILES = {"__init__.py": "", "models/a.py": "A = 1\n", "models/deep/b.py": "B = 2\n"}


def package(files: dict[str, str]) -> dict[str, str]:
    """`files` with the manifest the pipeline writes beside them."""
    manifest = {"files": {path: write.sha256(text) for path, text in files.items()}}
    return {**files, MANIFEST: json.dumps(manifest)}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file()
    }


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


def test_an_existing_package_changes_only_what_changed(tmp_path: Path):
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    (output / "mine.txt").write_text("kept")
    (output / "notes").mkdir()
    user_inode = (output / "mine.txt").stat().st_ino
    changed = write_package(output, package({**FILES, "models/a.py": "A = 3\n"}))
    assert changed == [MANIFEST, "models/a.py"]
    assert (output / "mine.txt").read_text() == "kept"
    assert (output / "mine.txt").stat().st_ino == user_inode  # the same file, untouched
    assert (output / "notes").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]  # nothing left beside it
    assert write_package(output, package({**FILES, "models/a.py": "A = 3\n"})) == []


def test_stale_files_go_and_so_do_folders_they_alone_filled(tmp_path: Path):
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    smaller = package({"__init__.py": ""})
    assert write_package(output, smaller) == sorted(
        [MANIFEST, "models/a.py", "models/deep/b.py"]
    )
    assert snapshot(output).keys() == {"__init__.py", MANIFEST}
    assert not (output / "models").exists()


def test_a_crafted_manifest_cannot_delete_outside(tmp_path: Path):
    victim, absolute = tmp_path / "victim", tmp_path / "abs-victim"
    victim.write_text("mine")
    absolute.write_text("mine too")
    output = tmp_path / "work" / "pkg"
    output.mkdir(parents=True)
    (output / MANIFEST).write_text(
        json.dumps({"files": {"../../victim": "x", str(absolute): "y", "..": "z"}})
    )
    write_package(output, package(FILES))
    assert victim.read_text() == "mine" and absolute.read_text() == "mine too"
    assert snapshot(output).keys() == {*FILES, MANIFEST}


def test_a_symlink_leading_outside_is_refused(tmp_path: Path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    before = snapshot(output)
    (output / "models" / "deep" / "b.py").unlink()
    (output / "models" / "deep").rmdir()
    (output / "models" / "deep").symlink_to(elsewhere)
    with pytest.raises(
        FatalError, match="symbolic link to .*outside the output folder"
    ):
        write_package(output, package({**FILES, "models/deep/b.py": "B = 3\n"}))
    assert list(elsewhere.iterdir()) == []
    assert snapshot(output).keys() == before.keys() - {"models/deep/b.py"}


def test_a_symlink_inside_the_folder_is_kept(tmp_path: Path):
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    (output / "shortcut").symlink_to("models")
    write_package(output, package({**FILES, "models/a.py": "A = 4\n"}))
    assert os.readlink(output / "shortcut") == "models"
    assert (output / "shortcut" / "a.py").read_text() == "A = 4\n"


def test_a_file_sdkforge_did_not_write_is_not_overwritten(tmp_path: Path):
    output = tmp_path / "pkg"
    output.mkdir()
    (output / "__init__.py").write_text("# the user's own\n")
    with pytest.raises(FatalError, match=r"__init__\.py: exists and sdkforge did not"):
        write_package(output, package(FILES))
    assert snapshot(output) == {"__init__.py": b"# the user's own\n"}
    write_package(output, package(FILES), force=True)
    assert (output / "__init__.py").read_text() == ""


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_the_swap_works_with_and_without_an_atomic_exchange(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
):
    if not exchange:
        monkeypatch.setattr(write, "_exchange", lambda first, second: False)
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    write_package(output, package({**FILES, "models/a.py": "A = 5\n"}))
    assert (output / "models" / "a.py").read_text() == "A = 5\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]


def test_what_a_killed_run_left_is_cleared_or_put_back(tmp_path: Path):
    output = tmp_path / "pkg"
    write_package(output, package(FILES))
    half_built = tmp_path / ".pkg.sdkforge-new-abc"
    (half_built / "models").mkdir(parents=True)
    write_package(output, package(FILES))
    assert not half_built.exists()
    # Killed between the two renames of the fallback: the package is missing.
    os.rename(output, tmp_path / ".pkg.sdkforge-old-xyz")
    write_package(output, package({**FILES, "models/a.py": "A = 6\n"}))
    assert (output / "models" / "a.py").read_text() == "A = 6\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]


def test_a_leftover_name_that_is_not_our_folder_is_not_touched(tmp_path: Path):
    output = tmp_path / "pkg"
    decoy_target = tmp_path / "precious"
    decoy_target.mkdir()
    (decoy_target / "data").write_text("keep")
    (tmp_path / ".pkg.sdkforge-new-evil").symlink_to(decoy_target)
    write_package(output, package(FILES))
    assert (decoy_target / "data").read_text() == "keep"
