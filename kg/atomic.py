"""Write files so that a reader sees the old version or the new one, never half of either.

Each file is written to a temporary file in its own folder, flushed to disk, then renamed over
the target (rename is atomic within a file system). A group of files is renamed only after
every one of them was written, so a failure part-way leaves all the old files in place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    write_all_atomic({path: data})


def write_all_atomic(files: dict[Path, bytes | str]) -> None:
    """Write every file, or none of them."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = data.encode("utf-8") if isinstance(data, str) else data
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((Path(tmp), path))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
