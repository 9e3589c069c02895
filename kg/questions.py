"""The library of named questions: SPARQL files with a header that documents them.

A question file `kg/queries/<name>.rq` starts with comment lines:

    # title: Companies pursuing each chemistry route
    # description: One sentence on what it answers.
    # param route: a chemistry concept, e.g. chem:sulfide (default: every route)

Parameters are SPARQL variables bound at run time (never pasted into the query text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KGError

QUESTIONS_DIR = Path(__file__).parent / "queries"
_HEADER = re.compile(r"^#\s*(title|description):\s*(.+)$")
_PARAM = re.compile(r"^#\s*param\s+(\w+):\s*(.+?)(?:\s*\(default:\s*(.+)\))?\s*$")


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    default: str | None = None


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str


def parse_question(path: Path) -> Question:
    fields: dict[str, str] = {}
    parameters = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if match := _PARAM.match(line):
            name, description, default = match.groups()
            parameters.append(Parameter(name, description, default))
        elif match := _HEADER.match(line):
            fields[match.group(1)] = match.group(2).strip()
    if "title" not in fields:
        raise KGError(f"{path}: a question needs a '# title:' header")
    return Question(
        path.stem,
        fields["title"],
        fields.get("description", ""),
        tuple(parameters),
        path.read_text(encoding="utf-8"),
    )


def load_questions(folder: Path = QUESTIONS_DIR) -> dict[str, Question]:
    return {q.name: q for q in (parse_question(p) for p in sorted(folder.glob("*.rq")))}


def get_question(name: str, folder: Path = QUESTIONS_DIR) -> Question:
    questions = load_questions(folder)
    if name not in questions:
        raise KGError(f"unknown question {name!r}; known: {', '.join(questions)}")
    return questions[name]
