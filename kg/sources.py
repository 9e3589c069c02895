"""The articles the graph is built from: the sources manifest and the corpus on disk.

The manifest (`data/sources.yaml`) holds citations and the SHA-256 of each article's text,
never the text. The corpus is a folder of the article files; it is found through an argument
or the SSB_KG_CORPUS setting, and is optional for a build.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import DataError, quoted

CORPUS_SETTING = "SSB_KG_CORPUS"
MAX_ARTICLE_BYTES = 5_000_000


@dataclass(frozen=True)
class Source:
    """One article: its id, file name, citation and the SHA-256 of its bytes."""

    id: str
    file: str
    sha256: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    date: date | None = None
    date_note: str | None = None
    url: str | None = None
    note: str | None = None


def load_sources(path: Path) -> dict[str, Source]:
    """Read the sources manifest; ids must be unique."""
    from kg.yamlio import read_yaml

    records = read_yaml(path)
    if not isinstance(records, list):
        raise DataError(f"{path}: expected a list of sources")
    sources: dict[str, Source] = {}
    known = set(Source.__dataclass_fields__)
    for n, record in enumerate(records):
        if not isinstance(record, dict) or not {"id", "file", "sha256"} <= record.keys():
            raise DataError(f"{path}: source #{n} needs id, file and sha256")
        unknown = set(record) - known
        if unknown:
            raise DataError(f"{path}: source {record['id']}: unknown field(s) {sorted(unknown)}")
        source = Source(**_typed(record, path))
        if source.id in sources:
            raise DataError(f"{path}: source id {source.id} appears twice")
        sources[source.id] = source
    return sources


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")  # it names the article's IRI (source:003)
_URL = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def is_citation_url(url: object) -> bool:
    """Whether `url` can stand as an article's address in the manifest (http or https, whole)."""
    return isinstance(url, str) and _URL.fullmatch(url) is not None


def _typed(record: dict, path: Path) -> dict:
    """The record's fields, each of the type a citation needs, or a DataError naming the field."""
    fields = {
        k: (str(v) if k in ("id", "sha256") and isinstance(v, (str, int)) else v) for k, v in record.items()
    }
    name = f"{path}: source {quoted(str(fields['id']))}"
    if not isinstance(fields["id"], str) or not _ID.fullmatch(fields["id"]):
        raise DataError(
            f"{path}: a source id is letters, digits, '.', '_' or '-', not {quoted(str(record['id']))}"
        )
    for field, value in fields.items():
        if field == "date":
            if value is not None and not isinstance(value, date):
                raise DataError(f"{name}: date is a day as YYYY-MM-DD (or null), not {quoted(str(value))}")
        elif value is not None and not isinstance(value, str):
            raise DataError(f"{name}: {field} is text, not {quoted(str(value))}")
    if fields.get("url") is not None and not is_citation_url(fields["url"]):
        raise DataError(f"{name}: url is an http:// or https:// address, not {quoted(fields['url'])}")
    return fields


def resolve_corpus(corpus: str | Path | None) -> Path | None:
    """The corpus folder from the argument, else the SSB_KG_CORPUS setting, else None."""
    chosen = corpus or os.environ.get(CORPUS_SETTING)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.is_dir():
        raise DataError(f"corpus folder not found: {path}")
    return path


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_article(corpus: Path, source: Source) -> str:
    """The text of one article; its bytes must still hash to the manifest's SHA-256."""
    path = corpus / source.file
    if not path.is_file():
        raise DataError(f"source {source.id}: {source.file} is not in {corpus}")
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != source.sha256:
        raise DataError(
            f"source {source.id}: {source.file} has changed (sha256 {digest[:12]}…, "
            f"manifest says {source.sha256[:12]}…)"
        )
    return data.decode("utf-8")
