"""The sources manifest (data/sources.yaml) as `kg ingest` edits it: as text, so that its comments
and the curated entries stay exactly as written. New entries are appended, each after a blank
line; a changed article gets its new SHA-256 in place.
"""

from __future__ import annotations

import re
from typing import Any

from kg.extraction.articles import ArticleFile


def manifest_entry(source_id: str, article: ArticleFile) -> str:
    """The entry of a newly registered article, after a blank line: its citation as far as the
    file gives it, and a note of what it lacks."""
    import yaml

    entry: dict[str, Any] = {"id": source_id, "file": article.name, "sha256": article.sha256}
    for key in ("title", "publisher", "author", "date", "url"):
        if article.citation.get(key):
            entry[key] = article.citation[key]
    missing = [k for k in ("title", "publisher", "date") if k not in entry]
    if "date" not in entry:  # the shapes want a date, or a note saying why there is none
        entry["date_note"] = "kg ingest found no date in the file."
    note = "Registered by kg ingest from what the file says about itself"
    entry["note"] = note + (f"; no {', '.join(missing)} found." if missing else ".")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "\n" + yaml.dump([entry], Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)


def has_entries(text: str) -> bool:
    """Whether the manifest's text holds an entry (an empty one is `[]` and comments)."""
    return "- id:" in text


def replace_sha(text: str, source_id: str, sha256: str) -> str:
    """The manifest's text with the entry of `source_id` holding the new SHA-256."""
    pattern = re.compile(
        rf"(- id: ['\"]?{re.escape(source_id)}['\"]?\n(?:[ ]{{2}}.*\n)*?[ ]{{2}}sha256: )([0-9a-f]{{64}})"
    )
    return pattern.sub(lambda m: m.group(1) + sha256, text, count=1)
