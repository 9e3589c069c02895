"""Reading and writing the YAML data files, with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import DataError, not_utf8_text, shortened


def read_yaml(path: Path) -> Any:
    import yaml

    # libyaml's loader, where PyYAML has it, reads the claims files several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{path}: {not_utf8_text(exc)}") from None
    except ValueError as exc:  # a value YAML reads but Python cannot hold: 2025-02-30, 5,000 digits
        raise DataError(
            f"{path}: a value that cannot be read: {shortened(str(exc).splitlines()[0], 120)}"
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataError(f"{path}{where}: invalid YAML: {problem}") from None
