"""Reading and writing the YAML data files, with errors that name the file and line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kg.errors import DataError, not_utf8_text, shortened


def read_yaml(path: Path) -> Any:
    import yaml

    # libyaml's loader, where PyYAML has it, reads the claims files several times faster
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
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
    # why: YAML refuses a control character written as it is, but not one written as an escape
    # ("Ly\\x01on"), and no name, title or figure holds one: it is a slip, which would make the
    # GraphML, GEXF and XML results unreadable. Only a file with a backslash can hold one.
    if "\\" in text:
        _refuse_control_characters(path, data, [])
    return data


# C0 control characters and DEL, but tab and line ends (a note may hold several lines), and
# U+FFFE and U+FFFF, which XML cannot carry either (DEL it can, but no name holds one)
NOT_IN_DATA = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _refuse_control_characters(path: Path, value: Any, where: list[str]) -> None:
    if isinstance(value, str):
        found = NOT_IN_DATA.search(value)
        if found:
            place = " > ".join(where) or "the document"
            raise DataError(
                f"{path}: {place} holds the control character U+{ord(found.group()):04X}"
                f" ({shortened(repr(value), 60)}); remove it"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_control_characters(path, key, where)
            _refuse_control_characters(path, item, [*where, str(key)])
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            _refuse_control_characters(path, item, [*where, f"item {index}"])
