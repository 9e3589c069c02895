"""What a query's text must pass before pyoxigraph runs it, and its syntax errors made readable.

A query, not an update; no larger and no deeper than its parser survives (an overflow of the
parser's stack kills the process without a word, so it is refused before); and no SERVICE clause
where fetching URLs is refused (`kg serve`). Each check reads the text only: none runs the query.
"""

from __future__ import annotations

import re

from kg.errors import QueryError, UpdateRefused
from kg.namespaces import PREFIXES, sparql_prefixes

_SYNTAX = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
# Bounds no text passes, whatever the depth scan below makes of it: with no more openings than
# this, no query nests deeper, and kg.engine.QUERY_STACK holds that many levels. The length
# bounds a flat chain (`a || b || ...`, `{} UNION {} ...`), which the parser also recurses on.
MAX_OPENINGS = 50_000  # `{`, `(`, `[` and `!` in the whole text, strings and IRIs too
# characters: a path of 600,000 steps (`a/a/...`) overflowed the 512 MB, one of 400,000 had not
# after 120 s of parsing (pyoxigraph parses a long path slowly: 500 steps take 12 s);
# a VALUES block of 5,000 of the graph's IRIs is about 250,000
MAX_LENGTH = 500_000
# The first keyword of a SPARQL Update request, after its prologue (BASE / PREFIX) and comments.
_UPDATE = re.compile(
    r"^(?:\s|#[^\n]*\n|(?:BASE\s*<[^>]*>)|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>))*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


# What may hold a bracket that is not one: a string (long or short, either quote), an IRI, a comment.
_NOT_CODE = re.compile(  # a string left open runs to its end (or the line's): one pass, never a rescan
    r'"""(?:[^"\\]|\\[\s\S]?|"(?!""))*+(?:"""|\Z)|\'\'\'(?:[^\'\\]|\\[\s\S]?|\'(?!\'\'))*+(?:\'\'\'|\Z)'
    r'|"(?:[^"\\\n]|\\.)*+"?|\'(?:[^\'\\\n]|\\.)*+\'?|<[^<>"{}|^`\\\s]*+>|#[^\n]*'
)
# the parser recurses on each bracket and on each prefix operator (`!!x`, `- -1`, `^^p`)
_NESTING = re.compile(r"[{(\[\])}]|[!+\-^]+")
MAX_DEPTH = 200  # brackets in brackets; a real query nests a dozen, and 3,000 crash pyoxigraph's parser


def check_is_query(sparql: str) -> None:
    """Refuse a SPARQL Update with a clear message (the graph is only ever read here)."""
    match = _UPDATE.match(sparql)
    if match:
        raise UpdateRefused(
            f"this is a SPARQL Update ({match.group(1).upper()}); the graph is read-only here: "
            "change data/ and run `kg build` instead"
        )


def check_size(sparql: str) -> None:
    """Refuse a text longer than MAX_LENGTH or with more than MAX_OPENINGS brackets and `!`."""
    if len(sparql) > MAX_LENGTH:
        raise QueryError(f"the query has {len(sparql):,} characters; at most {MAX_LENGTH:,} are taken")
    if (found := openings(sparql)) > MAX_OPENINGS:
        raise QueryError(f"the query holds {found:,} brackets and `!`; at most {MAX_OPENINGS:,} are taken")


def openings(sparql: str) -> int:
    """The `{`, `(`, `[` and `!` of the whole text: no query nests deeper than this."""
    return sum(sparql.count(mark) for mark in "{([!")


def check_depth(sparql: str) -> None:
    """Refuse a query nested deeper than MAX_DEPTH brackets (`{`, `(`, `[`) or prefix operators
    (`!!!x`), strings, IRIs and comments apart: pyoxigraph's parser recurses once per level, and
    some 3,000 brackets or 50,000 `!` overflow its stack, which kills the process with no
    message. It takes some 40 µs for a named question, and one pass for any text."""
    code = _NOT_CODE.sub("", sparql)
    depth = deepest = 0
    for found in _NESTING.finditer(code):
        mark = found.group()
        if mark in "{([":
            depth += 1
        elif mark in "})]":
            depth -= 1
        deepest = max(deepest, depth + (len(mark) if mark[0] in "!+-^" else 0))
    if deepest > MAX_DEPTH:
        raise QueryError(
            f"the query nests {deepest} levels deep (brackets, and prefix operators such as !); "
            f"at most {MAX_DEPTH} are taken"
        )


def uses_service(sparql: str) -> bool:
    """Whether the query has a SERVICE clause (a federated query, which fetches another URL).

    Asked of pyoxigraph's parser, never by running the query itself: pyoxigraph starts to
    evaluate a query as it parses it (an ASK at once), and a SERVICE clause fetches its URL then.
    Two copies are parsed instead, on an empty store, and neither can fetch anything: one with
    every "service" spelt "servicx", and one with `SERVICE [SILENT]` spelt `GRAPH`, the clause of
    the same grammar that names a graph of the store. The keyword is there when the first copy
    is no query and the second is one. Variables, prefixes, names, strings and IRIs so renamed
    stay what they were. When neither parses, the text is no query even without the keyword:
    its syntax error (from the first copy, whose columns are the text's) is raised. The caller
    checks the depth first (`check_depth`).
    """
    if not re.search("service", sparql, re.I):
        return False
    refused = _parses(re.sub("service", "servicx", sparql, flags=re.I))
    if refused is None:
        return False
    as_graph = re.sub(r"service(?:(?:\s|#[^\n]*)+silent\b)?", "graph", sparql, flags=re.I)
    if _parses(as_graph) is None:
        return True
    raise syntax_error(refused)


def _parses(sparql: str) -> SyntaxError | None:
    """None if `sparql` is a query, else pyoxigraph's syntax error. Run on an empty store: only a
    query with no SERVICE clause may come here."""
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql, prefixes=sparql_prefixes())
    except SyntaxError as exc:
        return exc
    except Exception:  # noqa: BLE001 - it parsed, and failed on the empty store: a query
        return None
    return None


def syntax_error(exc: Exception) -> QueryError:
    """pyoxigraph's 'error at 3:7: expected ...' as a message naming line and column."""
    text = one_line(str(exc))
    match = _SYNTAX.match(text)
    if not match:
        return QueryError(f"SPARQL syntax error: {text}")
    line, column, reason = match.groups()
    if "Prefix not found" in reason:
        known = ", ".join(f"{p}:" for p in PREFIXES)
        reason = f"an unknown prefix (declare it with PREFIX, or use one of {known})"
    else:  # the parser's character classes (['0' ..= '9' | ...]) say nothing a reader can use
        cleaned = re.sub(r",?\s*\[(?:'[^']*'|[^\]'])*\]", "", reason).strip(" ,")
        reason = "unexpected text" if re.fullmatch(r"(expected( one of)?)?", cleaned) else cleaned
    return QueryError(f"SPARQL syntax error at line {line}, column {column}: {reason}")


def one_line(text: str) -> str:
    """An engine's message on one line: its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())
