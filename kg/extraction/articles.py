"""Reading the files `kg ingest` is given: which are articles, their text, their citation.

A path may be a file or a folder (searched recursively for .txt, .md and .html files; hidden
files skipped). A file that cannot be an article is turned down with a one-line reason: empty,
binary, not UTF-8, larger than the size limit, or without any text. The citation (title,
publisher, author, date, URL) is read from what the file itself says: HTML <title> and meta
tags, Markdown front matter or first heading and byline, or a plain text's first line and a
dateline near the top. Nothing is guessed beyond that.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kg.extraction.normalise import detect_format
from kg.sources import MAX_ARTICLE_BYTES

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class ArticleFile:
    """An article to ingest: where it is, its name relative to its corpus folder, its text."""

    path: Path
    name: str
    raw: str
    sha256: str
    format: str
    citation: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Refused:
    """A path that was not ingested, and why (one line)."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def collect(paths: list[Path]) -> tuple[list[ArticleFile], list[Refused]]:
    """The articles among `paths`, and what was turned down."""
    articles: list[ArticleFile] = []
    refused: list[Refused] = []
    for path in paths:
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                refused.append(
                    Refused(path, "no articles in this folder (looked for .txt, .md and .html files)")
                )
            for file in files:
                _add(read_article_file(file, file.relative_to(path).as_posix()), articles, refused)
        elif path.is_file():
            _add(read_article_file(path, path.name), articles, refused)
        else:
            refused.append(Refused(path, "no such file or folder"))
    return articles, refused


def _add(result: ArticleFile | Refused, articles: list[ArticleFile], refused: list[Refused]) -> None:
    (articles if isinstance(result, ArticleFile) else refused).append(result)


def read_article_file(path: Path, name: str) -> ArticleFile | Refused:
    """The article in `path`, or the reason it is not one."""
    try:
        size = path.stat().st_size
        if size == 0:
            return Refused(path, "empty file")
        if size > MAX_ARTICLE_BYTES:
            return Refused(
                path,
                f"larger than the {MAX_ARTICLE_BYTES // 1_000_000} MB limit for an article ({size:,} bytes)",
            )
        data = path.read_bytes()
    except OSError as exc:
        return Refused(path, f"cannot be read ({exc.strerror or exc})")
    if b"\x00" in data[:8192]:
        return Refused(path, "binary file, not an article")
    try:
        raw = data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError as exc:
        return Refused(
            path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        )
    if not any(c.isalpha() for c in raw):
        return Refused(path, "no text in the file")
    fmt = detect_format(path.name, raw)
    return ArticleFile(path, name, raw, hashlib.sha256(data).hexdigest(), fmt, citation(raw, fmt))


# --- citations

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATES = [
    re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>\d{{1,2}}) ?, ?(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH}),? (?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>\d\d)-(?P<dd>\d\d)\b"),
]
_META = re.compile(
    r"<meta\s+[^>]*?(?:name|property)=[\"'](?P<key>[\w:.-]+)[\"'][^>]*?content=[\"'](?P<value>[^\"']*)[\"']",
    re.I,
)
_HTML_TITLE = re.compile(r"<title[^>]*>(?P<title>.*?)</title>", re.I | re.S)
_FRONT = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.S)


def citation(raw: str, fmt: str) -> dict:
    """What the article says about itself: title, publisher, author, date, url (any may be absent)."""
    from html import unescape

    found: dict = {}
    head = raw[:4000]
    if fmt == "html":
        meta = {m.group("key").lower(): unescape(m.group("value")).strip() for m in _META.finditer(head)}
        title = meta.get("og:title") or (
            unescape(_HTML_TITLE.search(head).group("title")).strip() if _HTML_TITLE.search(head) else None
        )
        if title and " | " in title and "og:title" not in meta:
            title, _, site = title.rpartition(" | ")
            found.setdefault("publisher", site.strip())
        found.update(title=title, url=meta.get("og:url"), author=meta.get("author"))
        if meta.get("og:site_name"):
            found["publisher"] = meta["og:site_name"]
        when = meta.get("article:published_time") or meta.get("date")
        if when:
            found["date"] = _date_of(when)
    elif fmt == "markdown":
        front = _FRONT.match(raw)
        if front:
            import yaml

            try:
                data = yaml.safe_load(front.group("body")) or {}
            except yaml.YAMLError:
                data = {}
            if isinstance(data, dict):
                for key in ("title", "author", "publisher", "url"):
                    if data.get(key):
                        found[key] = str(data[key])
                if data.get("date"):
                    found["date"] = (
                        data["date"] if isinstance(data["date"], date) else _date_of(str(data["date"]))
                    )
        heading = re.search(r"^#\s+(?P<title>.+)$", raw, re.M)
        if heading and "title" not in found:
            found["title"] = heading.group("title").strip()
    else:
        first = next((line.strip() for line in raw.splitlines() if line.strip()), "")
        if 0 < len(first) <= 160 and not first.endswith((".", ":")):
            found["title"] = first
    if fmt == "html" and not found.get("date"):  # a byline in the page's body
        from kg.extraction.normalise import normalise

        found["date"] = _date_of(normalise(raw[:20000], "html").text[:800])
    if "date" not in found or found["date"] is None:
        for line in [line for line in head.splitlines() if line.strip()][:6]:
            when = _date_of(line)
            if when:
                found["date"] = when
                byline = re.split(r"\s[|,]\s|\s[-–]\s", re.sub(r"[*_]", "", line).strip())[0].strip()
                if (
                    byline
                    and not _date_of(byline)
                    and len(byline) <= 60
                    and not byline.lower().startswith("by ")
                ):
                    found.setdefault("publisher", byline)
                break
    return {k: v for k, v in found.items() if v}


def _date_of(text: str) -> date | None:
    from kg.extraction.dates import _month

    for pattern in _DATES:
        m = pattern.search(text)
        if m:
            try:
                if "mm" in m.groupdict() and m.group("mm"):
                    return date(int(m.group("year")), int(m.group("mm")), int(m.group("dd")))
                return date(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
            except (TypeError, ValueError):
                continue
    return None
