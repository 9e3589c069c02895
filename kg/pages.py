"""Pages of a listing question: what its header says a page is, and how its query is cut.

A question that lists the corpus (every article, every company ranked) answers a page at a time,
as a search engine or `gh issue list` does: on a million triples the whole listing of 5,000
companies takes a quarter of a second and fills no screen, where a page of 50 takes 40 ms. Its header says
what a page counts and which variable names one of them, and a `# (page)` comment marks the
sub-select that picks them, at the end of its ORDER BY line:

    # page: 50 articles (?article)
    ...
      {
        SELECT ?article WHERE { ?article a ssb:Article }
        ORDER BY ?article # (page)
      }

`cut_page` writes `LIMIT` and `OFFSET` there; the rest of the query then reads the columns of
those 50 articles only. It also joins the bound parameters in, as a VALUES block inside the
sub-select's WHERE clause, so that the page is cut from what the parameters select (the 50 first
companies of Germany, not the German ones among the 50 first). The numbers are integers the
caller checked and the values RDF terms written by pyoxigraph, never a user's text: SPARQL can
bind neither a LIMIT nor a variable inside a sub-select from outside. Without a limit
(`EVERY_ROW`, `--limit all`) the query answers the whole listing.

The cut counts the sub-select's rows and a page counts keys, so a listing question keeps two
promises: its sub-select gives one row per key (one name, one country: the SHACL shapes allow no
more), and the rest of the query drops no key it picked (what a key may lack is OPTIONAL).
tests/test_pages.py reads every listing page by page and compares the pages with the whole
listing, which a page that breaks either promise would not match. It asks for one
key more than the page holds; whether that key comes back says whether there is a next page.
Every parameter of the question appears in the sub-select, so the page is cut from what the
parameters select.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.engine import Table, as_terms, blank_comments, values_block
from kg.errors import KGError, shortened

_PAGE = re.compile(r"^#\s*page:\s*(\d+)\s+(.+?)\s*\(\?(\w+)\)\s*$")
_MARK = re.compile(r"#\s*\(page\)")
# the end of the page's sub-select: its WHERE clause's closing brace (and GROUP BY), its ORDER BY, the mark
_CUT = re.compile(r"\}(\s*(?:GROUP\s+BY\b[^\n#{}]*\s*)?ORDER\s+BY\b[^\n#]*)#\s*\(page\)", re.I)
_DIGITS = re.compile(r"[0-9]+")  # not \d, nor int(): "٣", "²" and "1_0" are no page numbers
MOST = 10**9  # a page's largest limit or offset (a larger number is a typing slip, not a listing)
_MOST_DIGITS = 100  # past this, a number is not read at all (int() refuses over 4,300 digits)


def page_number(text: str) -> int | None:
    """A page's limit or offset as written, in ASCII digits (spaces around them aside); None
    for any other text. The CLI and the endpoint read them alike.

    A number of more than a hundred digits (leading zeros aside) is refused here, with a KGError:
    it is past MOST, and reading it would cost time or fail (int() reads at most 4,300 digits).
    """
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    significant = text.lstrip("0") or "0"
    if len(significant) > _MOST_DIGITS:
        raise KGError(f"{shortened(text)} is past the largest page number, {MOST:,}")
    return int(significant)


@dataclass(frozen=True)
class Paging:
    """How a listing question is cut into pages: `size` of its `unit` (such as "articles") a page,
    each one a value of the variable `key`."""

    size: int
    unit: str
    key: str


@dataclass(frozen=True)
class Page:
    """The part of a listing asked for: `limit` of the question's units from `offset` (None: all)."""

    limit: int | None
    offset: int = 0


EVERY_ROW = Page(None)


def parse_paging(line: str, path: Path) -> Paging | None:
    """A `# page: 50 articles (?article)` header line as a Paging (None for another line)."""
    match = _PAGE.match(line)
    if not match:
        return None
    size, unit, key = match.groups()
    if int(size) < 1:
        raise KGError(f"{path}: a page holds at least one {unit}")
    return Paging(int(size), unit, key)


def check_page_mark(text: str, paging: Paging | None, path: Path, parameters: tuple[str, ...] = ()) -> None:
    """That a paged question marks one sub-select to cut, holding every parameter, whose key is a
    column of the answer; and that no other question has a mark."""
    marks = len(_MARK.findall(text))
    if paging is None:
        if marks:
            raise KGError(f"{path}: '# (page)' marks a cut, but there is no '# page:' header")
        return
    cut = _CUT.search(blank_comments(text, keep=_MARK))
    if marks != 1 or cut is None:
        raise KGError(
            f"{path}: a '# page:' question marks one sub-select's ORDER BY line with '# (page)', "
            "right after the closing brace of its WHERE clause (and its GROUP BY)"
        )
    code = blank_comments(text)
    outer = re.search(r"\bSELECT\b(.*?)\bWHERE\b", code, re.I | re.S)
    if outer is None or not re.search(rf"\?{paging.key}\b", outer.group(1)):
        raise KGError(f"{path}: the page's key ?{paging.key} is not a column of the answer")
    inside = code[_opening_brace(code, cut.start()) : cut.start()]
    missing = [name for name in parameters if not re.search(rf"\?{name}\b", inside)]
    if missing:
        raise KGError(f"{path}: the page's sub-select does not use parameter(s) {', '.join(missing)}")


def cut_page(sparql: str, bindings: dict[str, Any], page: Page) -> str:
    """The query with the page's sub-select restricted to the bound values and cut to `page`.

    A value is joined first in the sub-select's pattern, where its planner starts from it (as
    kg.engine.leading_values does for the whole query), unless the sub-select assigns that
    variable itself (`BIND(... AS ?country)`): a BIND may not rebind it, so that value is joined
    last.
    """
    terms = as_terms(dict(sorted(bindings.items())))
    cut = _CUT.search(blank_comments(sparql, keep=_MARK))
    assert cut is not None  # check_page_mark checked it
    code = blank_comments(sparql)
    opening = _opening_brace(code, cut.start())
    assigned = set(re.findall(r"\bAS\s+\?(\w+)", code[opening : cut.start()], re.I))
    first = _values({k: v for k, v in terms.items() if k not in assigned})
    last = _values({k: v for k, v in terms.items() if k in assigned})
    # one more than asked: whether it comes back says whether there is a next page
    limit = "" if page.limit is None else f"LIMIT {int(page.limit) + 1} "
    limit += f"OFFSET {int(page.offset)} " if page.offset else ""
    return (
        sparql[: opening + 1]
        + first
        + sparql[opening + 1 : cut.start()]
        + last
        + sparql[cut.start() : cut.end(1)]
        + limit
        + sparql[cut.end(1) :]
    )


def _opening_brace(code: str, closing: int) -> int:
    """Where the `{` that the `}` at `closing` closes is."""
    depth = 0
    for at in range(closing, -1, -1):
        if code[at] == "}":
            depth += 1
        elif code[at] == "{":
            depth -= 1
            if depth == 0:
                return at
    raise KGError("a '# (page)' sub-select's braces do not match")


def _values(terms: dict[str, Any]) -> str:
    block = values_block(terms)
    return f" {block} " if block else ""


def one_page(table: Table, key: str, page: Page) -> Table:
    """The rows of the first `page.limit` units of `table` (which holds at most one more)."""
    assert page.limit is not None
    at = table.columns.index(key)
    units = list(dict.fromkeys(row[at] for row in table.rows))  # in the answer's order
    if len(units) <= page.limit:
        return Table(table.columns, table.rows)
    extra = units[page.limit]
    rows = [row for row in table.rows if row[at] != extra]
    return Table(table.columns, rows, next_offset=page.offset + page.limit)
