"""The sources manifest (data/sources.yaml) as `kg ingest` edits it: as text, so that its comments
and the curated entries stay exactly as written. New entries are appended, each after a blank
line; a changed article gets its new SHA-256 in place.
"""

from __future__ import annotations

import re
from typing import Any

from kg.errors import DataError
from kg.extraction.articles import ArticleFile
from kg.yamlio import NOT_IN_DATA

TITLE_WORDS = 9  # the copy rule: no run of ten words shared with an article


def short_title(title: str) -> str:
    """A headline cut to its first TITLE_WORDS words: a headline is the article's own text, and
    the repository keeps citations, never a run of ten of the article's words."""
    words = str(title).split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def manifest_entry(source_id: str, article: ArticleFile) -> str:
    """The entry of a newly registered article, after a blank line: its citation as far as the
    file gives it, and a note of what it lacks."""
    import yaml

    from kg.sources import is_citation_url

    entry: dict[str, Any] = {"id": source_id, "file": article.name, "sha256": article.sha256}
    for key in ("title", "publisher", "author", "date", "url"):
        if article.citation.get(key):
            entry[key] = article.citation[key]
            if isinstance(entry[key], str):
                # why: a control character (an ESC in a headline) would be written as an escape,
                # which every later read of the manifest refuses (kg/yamlio.py)
                entry[key] = " ".join(NOT_IN_DATA.sub(" ", entry[key]).split())
    if "title" in entry:
        entry["title"] = short_title(entry["title"])
    if not is_citation_url(entry.get("url")):  # "www.x.com/a" or "/a" from og:url: the manifest refuses it
        entry.pop("url", None)
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
    """The manifest's text with the entry of `source_id` holding the new SHA-256.

    The hash may be quoted (YAML quotes one made only of digits, and a curator may quote any);
    the new one is written in the same quotes, and quoted where YAML would read it as a number.
    An entry this cannot find is an error: a hash left as it was would make the next ingest see
    the article as changed again.
    """
    pattern = re.compile(
        rf"(- id: ['\"]?{re.escape(source_id)}['\"]?\n(?:[ ]{{2}}.*\n)*?[ ]{{2}}sha256: )"
        r"(['\"]?)[0-9A-Fa-f]{64}\2(?=[ ]*(?:#.*)?$)",
        re.M,
    )

    def new_hash(match: re.Match[str]) -> str:
        # a hash of digits only must be quoted, or YAML reads it as a number
        quote = match.group(2) or ("'" if sha256.isdigit() else "")
        return match.group(1) + quote + sha256 + quote

    changed, found = pattern.subn(new_hash, text, count=1)
    if not found:
        raise DataError(
            f"cannot write the new SHA-256 of {source_id!r} into data/sources.yaml: its entry is not "
            f"in the layout kg ingest reads ('- id: {source_id}' with '  sha256: <64 hex digits>' below); "
            "write the hash there by hand, or in that layout, and ingest again"
        )
    return changed
