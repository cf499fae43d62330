"""Replacing an export directory so that a kill at any moment leaves a complete export.

The new export is written into a hidden sibling (``.NAME.partial-PID``), flushed to disk, then
swapped with the old one in one ``renameat2(RENAME_EXCHANGE)`` call (Linux). Where that call
is missing, two renames: old away to ``.NAME.old-PID``, new in; a kill between them leaves the
old export complete under ``.NAME.old-PID``, and the next export puts it back before it starts.
Leftovers of killed exports are removed by the next export (only those whose process is gone).
An ``-o`` that is a symlink to an earlier export stays a symlink: the export it points to is
replaced (``real_output``).
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
from pathlib import Path

from newscrawl.export.options import OptionError

MANIFEST = "manifest.json"
#: What ``manifest.json`` says in ``generator``: a directory with it can be replaced.
GENERATOR = "newscrawl scrapy export"
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<kind>partial|old)-(?P<pid>\d+)$")
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


#: Files an export writes besides those its manifest lists.
EXPORT_EXTRAS = frozenset({MANIFEST, "README.md", "report.html"})


def real_output(output: Path) -> Path:
    """Where ``-o`` really is: the target of a symlink (which stays a symlink), else itself."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output


def _is_our_export(output: Path) -> bool:
    """Our manifest, and nothing in the directory but what it lists (at the sizes it says),
    the dataset card and the report: a user's folder that merely holds a copied
    ``manifest.json`` is not an export."""
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("generator") != GENERATOR:
            return False
        listed = {entry["path"]: entry["bytes"] for entry in manifest["files"]}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return False
    for directory, folders, names in os.walk(output):
        for name in names:
            relative = (Path(directory) / name).relative_to(output).as_posix()
            if relative in EXPORT_EXTRAS:
                continue
            if listed.pop(relative, None) != (Path(directory) / name).stat().st_size:
                return False
        if any((Path(directory) / folder).is_symlink() for folder in folders):
            return False
    return not listed


def check_replaceable(output: Path) -> None:
    """Refuse to replace anything but an earlier export or an empty directory (``-o ~`` must
    never swap a home directory away)."""
    output = real_output(output)
    if not output.exists():
        return
    if not output.is_dir():
        raise OptionError(f"-o {output} is a file, not a directory")
    if not any(output.iterdir()):
        return
    if not _is_our_export(output):
        raise OptionError(f"-o {output} exists and is not a newscrawl export (no manifest.json of ours listing "
                          "exactly its files): choose a new directory, or remove it first")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(output: Path) -> None:
    """Undo what killed exports left: restore an export moved away mid-swap, drop partial ones."""
    output = real_output(output)
    for leftover in sorted(output.parent.glob(f".{output.name}.*-*")):
        match = _LEFTOVER.match(leftover.name)
        if not match or match["name"] != output.name or _alive(int(match["pid"])):
            continue
        if match["kind"] == "old" and not output.exists():
            os.rename(leftover, output)
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def staging_dir(output: Path) -> Path:
    """A fresh hidden sibling of ``output`` (same file system, so renames are atomic)."""
    output = real_output(output)
    staging = output.parent / f".{output.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def sync_tree(root: Path) -> None:
    """Flush every file and directory of ``root`` to disk, so a power cut after the swap does
    not leave an export of empty files under the final name."""
    for directory, _, names in os.walk(root):
        for name in [*names, "."]:
            descriptor = os.open(Path(directory) / name, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if done != 0:
        errno = ctypes.get_errno()
        if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: file system or kernel cannot
            return False
        raise OSError(errno, os.strerror(errno), str(second))
    return True


def swap_in(staging: Path, output: Path) -> None:
    """Put the complete export in ``staging`` under ``output``; the previous one is deleted."""
    output = real_output(output)
    sync_tree(staging)
    if not output.exists():
        os.rename(staging, output)
    elif _exchange(staging, output):
        shutil.rmtree(staging)  # it now holds the previous export
    else:
        old = output.parent / f".{output.name}.old-{os.getpid()}"
        os.rename(output, old)
        os.rename(staging, output)
        shutil.rmtree(old)
    descriptor = os.open(output.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
