"""The named questions as plain data: what `kg query --list` prints and `GET /questions` serves.

A notebook, a dashboard or a script finds each question there with its parameters (name, type,
what it takes, its default), its examples and how it pages, without parsing `.rq` files:

    kg query --list --format json
    curl http://127.0.0.1:7878/questions

Both give the same entries, sorted by name; the endpoint's also say where to ask each question.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

from kg.questions import Question, load_questions

LIST_FORMATS = ("table", "json")  # the forms of the list; the other --format values are the answers'


def question_entry(question: Question) -> dict[str, Any]:
    """One question as JSON-ready data."""
    paging = question.paging
    return {
        "name": question.name,
        "title": question.title,
        "description": question.description,
        "parameters": [
            {"name": p.name, "type": p.type, "description": p.description, "default": p.default}
            for p in question.parameters
        ],
        "examples": [dict(example) for example in question.examples],
        "page": None if paging is None else {"size": paging.size, "unit": paging.unit},
    }


def catalogue(base_path: str | None = None) -> list[dict[str, Any]]:
    """Every named question's entry, by name. With `base_path` (the endpoint's "/questions"),
    each entry also has its `url` and, for each example, a runnable `example_urls` in JSON."""
    entries = []
    for name, question in sorted(load_questions().items()):
        entry = question_entry(question)
        if base_path is not None:
            url = f"{base_path}/{urllib.parse.quote(name)}"
            entry["url"] = url
            entry["example_urls"] = [
                f"{url}?{urllib.parse.urlencode({**example, 'format': 'json'})}"
                for example in question.examples
            ]
        entries.append(entry)
    return entries


def catalogue_json(base_path: str | None = None) -> str:
    """The catalogue as indented JSON, one byte-identical text for the same questions."""
    return json.dumps(catalogue(base_path), indent=2, ensure_ascii=False) + "\n"


def catalogue_lines() -> list[str]:
    """The catalogue for the terminal: a line per question, with how to call it."""
    lines = []
    for name, question in sorted(load_questions().items()):
        args = [f"[-p {p.name}=...]" for p in question.parameters]
        if (paging := question.paging) is not None:
            args.append(f"[--limit N|all] [--offset N] ({paging.size} {paging.unit} a page)")
        lines.append(f"{name:28} {question.title} {' '.join(args)}".rstrip())
    return lines
