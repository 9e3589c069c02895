"""Stage 1: normalise an article's text, keeping a map back to the original offsets.

Input is the raw text of a plain-text, HTML or Markdown article; output is clean prose in which
every character knows the offset of the raw character it came from. Sentence locators are spans
of the raw text (see kg/sentences.py), so later stages read the clean text of a sentence and
never lose where it sits in the file.

What is removed: HTML tags, scripts, styles and page furniture (navigation, headers and
footers, share and newsletter boxes, cookie banners...), Markdown syntax (heading and list
markers, emphasis, link targets, code blocks, front matter). What is repaired: HTML entities
are decoded, typographic quotes, dashes and odd spaces become plain ones, zero-width characters
and soft hyphens are dropped, runs of white space become one space, and a missing space after
punctuation ("line,marking", "materials.This") is put back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

FORMATS = ("text", "html", "markdown")

# one-for-one replacements: typographic characters to the plain ones the rules are written for
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u2014": " ",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\r": " ",
        "\u3000": " ",
    }
)
_DROPPED = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x01]")  # \x01: Markdown syntax removed
_SPACES = re.compile(r"[ \n]{2,}|\n")
# a comma, semicolon or colon glued to the next word ("line,marking"); not in 1,000 or 7:48
_GLUED_COMMA = re.compile(r"(?<=[A-Za-z\)\]\"][,;:])(?=[A-Za-z])")
# a full stop glued to the next sentence ("materials.This"); not in U.S. or e.g.
_GLUED_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
# page furniture: elements never holding the article's prose
# fmt: off
_FURNITURE_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
    "iframe", "select", "head", "menu", "figure", "canvas", "video", "audio",
})
# fmt: on
_FURNITURE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|newsletter|subscribe|cookie|"
    r"consent|banner|promo|advert|ads?|sponsor(?:ed)?|related|recommended|comments?|footer|header|"
    r"sidebar|widget|popup|modal|signup|paywall|byline-share|tags)(?:$|[-_\s])",
    re.I,
)
# fmt: off
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr",
})
# fmt: on
# fmt: off
_BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "td", "th", "section", "article",
    "blockquote", "figcaption", "pre", "dd", "dt", "table", "ul", "ol", "main", "hr",
})
# fmt: on


@dataclass(frozen=True)
class Normalised:
    """Clean text, and for each of its characters the offset of the raw character it stands for."""

    text: str
    offsets: tuple[int, ...]

    def span_of(self, raw_start: int, raw_end: int) -> tuple[int, int]:
        """The clean [start, end) that covers the raw span [raw_start, raw_end)."""
        return bisect_left(self.offsets, raw_start), bisect_left(self.offsets, raw_end)

    def slice(self, raw_start: int, raw_end: int) -> str:
        """The clean text of a raw span (for instance a sentence), trimmed."""
        start, end = self.span_of(raw_start, raw_end)
        return self.text[start:end].strip()

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span a clean [start, end) came from."""
        if start >= end:
            return (self.offsets[start], self.offsets[start]) if start < len(self.offsets) else (0, 0)
        return self.offsets[start], self.offsets[end - 1] + 1


def detect_format(name: str, raw: str) -> str:
    """The format of an article, from its file name and, failing that, its content."""
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    head = raw[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(p|div|body|article)\b", head):
        return "html"
    # text with a few tags in it ("<b>400Wh/kg</b>", "<h2>...") is read as HTML too
    if (
        len(re.findall(r"</?(?:b|i|em|strong|h[1-6]|p|br|span|a|li|ul|div)\b[^>]{0,200}>", raw[:50000], re.I))
        >= 3
    ):
        return "html"
    return "text"


def normalise(raw: str, fmt: str = "text") -> Normalised:
    """Clean text of an article in `fmt` (text, html or markdown), with its offset map."""
    if fmt == "html":
        pieces = _html_pieces(raw)
    elif fmt == "markdown":
        pieces = _markdown_pieces(raw)
    else:
        pieces = [(0, raw)]
    return _tidy(pieces)


# --- building blocks: a text is a list of (raw offset, piece) where a piece of the same length
# as its raw original maps one-for-one, and a shorter one (a decoded entity) maps to its start


def _tidy(pieces: list[tuple[int, str]]) -> Normalised:
    """Join pieces into clean text: plain characters, single spaces, repaired punctuation."""
    chars: list[str] = []
    offsets: list[int] = []
    for start, piece in pieces:
        piece = piece.translate(_PLAIN)
        chars.append(piece)
        offsets.extend(range(start, start + len(piece)))
    text = "".join(chars)
    text, offsets = _apply(text, offsets, _DROPPED, lambda m: "")
    text, offsets = _apply(text, offsets, _SPACES, lambda m: " ")
    text, offsets = _apply(text, offsets, _GLUED_COMMA, lambda m: " ")
    text, offsets = _apply(text, offsets, _GLUED_STOP, lambda m: " ")
    return Normalised(text, tuple(offsets))


def _apply(text: str, offsets: list[int], pattern: re.Pattern[str], replace) -> tuple[str, list[int]]:
    """Substitute `pattern` in `text`, keeping `offsets` aligned (new characters map to the match)."""
    out: list[str] = []
    out_offsets: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        out.append(text[last:start])
        out_offsets.extend(offsets[last:start])
        new = replace(match)
        anchor = offsets[start] if start < len(offsets) else (offsets[-1] + 1 if offsets else 0)
        out.append(new)
        out_offsets.extend([anchor] * len(new))
        last = end
    if last == 0:
        return text, offsets
    out.append(text[last:])
    out_offsets.extend(offsets[last:])
    return "".join(out), out_offsets


# --- HTML


class _ProseParser(HTMLParser):
    """Collects the text of an HTML page outside page furniture, with raw offsets."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.pieces: list[tuple[int, str]] = []
        self.stack: list[tuple[str, bool]] = []  # open elements and whether each hides its content
        self.hidden = 0

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        at = self._position()
        if tag in _BLOCK_TAGS:
            self.pieces.append((at, "\n"))
        if tag in _VOID_TAGS:
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        hides = tag in _FURNITURE_TAGS or bool(names and _FURNITURE_NAMES.search(names))
        hides = hides or any(k == "hidden" or (k == "aria-hidden" and v == "true") for k, v in attrs)
        self.stack.append((tag, hides))
        self.hidden += hides

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.pieces.append((self._position(), "\n"))
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                for _, hides in self.stack[depth:]:
                    self.hidden -= hides
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if not self.hidden:
            self.pieces.append((self._position(), data))

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, text):
        if not self.hidden:
            self.pieces.append((self._position(), unescape(text)))


def _html_pieces(raw: str) -> list[tuple[int, str]]:
    parser = _ProseParser(raw)
    parser.feed(raw)
    parser.close()
    return parser.pieces


# --- Markdown

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_LINE_MARKER = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)", re.M)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`+)(?=\S)(.+?)(?<=\S)\1")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_INLINE_HTML = re.compile(r"<[^>]{0,200}>")


def _markdown_pieces(raw: str) -> list[tuple[int, str]]:
    """Markdown with its syntax blanked to spaces of the same length (so offsets stay one-for-one)."""
    text = raw
    for pattern in (_FRONT_MATTER, _FENCE, _IMAGE, _RULE, _INLINE_HTML):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    text = _LINE_MARKER.sub(lambda m: " " * len(m.group()), text)
    # inline syntax becomes \x01, which _tidy drops: "[Beta](url)." reads "Beta."
    text = _LINK.sub(lambda m: "\x01" + m.group(1) + "\x01" * (len(m.group()) - len(m.group(1)) - 1), text)
    text = _EMPHASIS.sub(lambda m: "\x01" * len(m.group(1)) + m.group(2) + "\x01" * len(m.group(1)), text)
    return [(0, text)]
