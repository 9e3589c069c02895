"""Write files so that a reader sees the old version or the new one, never half of either.

Each file is written to a temporary file in its own folder, flushed to disk, then renamed over
the target (rename is atomic within a file system). A group of files is renamed only after
every one of them was written, so a failure part-way leaves all the old files in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kg.errors import KGError


def write_atomic(path: Path, data: bytes | str) -> None:
    write_all_atomic({path: data})


def write_all_atomic(files: dict[Path, bytes | str]) -> None:
    """Write every file, or none of them."""
    files = {_target(path): data for path, data in files.items()}  # all checked before any write
    staged: list[tuple[Path, Path]] = []
    # one file is synced on its own; a group (an ingest writes one file per article) is flushed
    # to disk by a single sync before any rename, which is much faster than one fsync per file
    each = len(files) == 1
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = data.encode("utf-8") if isinstance(data, str) else data
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                if each:
                    os.fsync(handle.fileno())
            # mkstemp makes the file private (0600); a written export is an ordinary file
            os.chmod(tmp, _ordinary_mode())
            staged.append((Path(tmp), path))
        if not each:
            os.sync()
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def _target(path: Path) -> Path:
    """The file to replace for `path`: a symbolic link's target (the link stays a link), and never
    a device, a FIFO or a folder, which a rename would replace (`-o /dev/null` made it a file)."""
    real = Path(os.path.realpath(path))
    if path.is_symlink() and not real.exists():
        raise KGError(f"{path} is a symbolic link to nothing (or a loop of them): give a file name")
    if real.exists() and not real.is_file():
        raise KGError(f"{path} is not a regular file (a device, a FIFO or a folder): give a file name")
    return real


def _ordinary_mode() -> int:
    """The mode `open()` would give a new file: 0666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
