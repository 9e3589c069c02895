"""Run SPARQL on the built graph with pyoxigraph, binding parameters as RDF terms.

An answer is a `Table` (SELECT), a `Triples` (CONSTRUCT, DESCRIBE) or a bool (ASK). The
`LocalGraph` backend runs queries in this process; `kg.remote.RemoteEndpoint` runs the same
queries on a SPARQL server and gives the same kinds of answer.
"""

from __future__ import annotations

import functools
import re
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kg.errors import KGError, QueryError, ServiceRefused, TooManyResults, invalid_turtle, quoted, shortened
from kg.namespaces import PREFIXES, sparql_prefixes
from kg.query_text import (
    check_depth,
    check_is_query,
    check_size,
    one_line,
    openings,
    syntax_error,
    uses_service,
)

# Bytes of stack for the thread a query runs on. pyoxigraph's parser and evaluator recurse once
# per level of a query, on the stack of the thread that runs them: the 8 MB of a main thread
# overflow at some 3,000 brackets or a chain of 10,000 `||`, which kills the process without a
# word. 512 MB take the 50,000 brackets and the 500,000 characters kg.query_text lets through
# (measured: 100,000 `{` need about 1 GB, 50,000 less than 256 MB; a path of 600,000 steps
# overflowed 512 MB, one of 400,000 had not after 120 s). It is address space: a page is taken
# when touched.
QUERY_STACK = 512 * 1024 * 1024
# A query no longer than this runs on its caller's thread: too short to overflow 8 MB (a path of
# 5,000 steps or 1,000 brackets does not), and a named question answered on another thread took
# 0.3 to 2.5 ms more on the on-disk store, a thread kept for the next query or not (starting one
# costs 0.2 ms).
SMALL_LENGTH = 10_000
SMALL_OPENINGS = 1_000
_STACK_SIZE = threading.Lock()  # threading.stack_size is one setting for the whole process

_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([^\s/][^\s]*)$")


@dataclass(frozen=True)
class Table:
    """A SELECT result: column names and rows of terms (None where unbound).

    `next_offset`: where the next page starts, when the table is one page of a listing question
    with more to come (kg.questions.run_question).
    """

    columns: list[str]
    rows: list[list[Any]]
    next_offset: int | None = None


@dataclass(frozen=True)
class Triples:
    """A CONSTRUCT or DESCRIBE result: pyoxigraph triples, sorted."""

    triples: list[Any]


Answer = Table | Triples | bool


class Backend(Protocol):
    """Something that answers SPARQL with bound parameters: a local store or a remote endpoint."""

    def run(self, sparql: str, bindings: dict[str, Any] | None = None) -> Answer: ...


def open_graph(turtle: Path) -> Any:
    """An in-memory pyoxigraph store holding the exported graph."""
    import pyoxigraph as ox

    if not turtle.is_file():
        raise KGError(f"no built graph at {turtle}; run `kg build` first")
    store = ox.Store()
    try:
        with turtle.open("rb") as handle:
            store.bulk_load(handle, format=ox.RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise invalid_turtle(turtle, exc) from None
    return store


class LocalGraph:
    """Queries on a pyoxigraph store in this process."""

    def __init__(self, store: Any, max_rows: int | None = None, allow_service: bool = True) -> None:
        self.store = store
        self.max_rows = max_rows
        self.allow_service = allow_service  # False: a SERVICE clause is refused (ServiceRefused)

    @classmethod
    def from_file(cls, turtle: Path, max_rows: int | None = None, allow_service: bool = True) -> LocalGraph:
        return cls(open_graph(turtle), max_rows, allow_service)

    def run(self, sparql: str, bindings: dict[str, Any] | None = None) -> Answer:
        return run(self.store, sparql, bindings, self.max_rows, self.allow_service)


def to_term(value: str) -> Any:
    """A parameter value as an RDF term: prefixed name or <IRI> -> IRI, integer -> xsd:integer."""
    import pyoxigraph as ox

    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        if value.startswith("<"):  # a slip, not a text that happens to start with "<"
            raise ValueError("it has no closing '>'")
        if value.startswith(("http://", "https://")):
            return ox.NamedNode(value)
        match = _PREFIXED.match(value)
        if match and match.group(1) in PREFIXES:
            return ox.NamedNode(str(PREFIXES[match.group(1)]) + match.group(2))
    except ValueError as error:  # pyoxigraph's IRI parser: the reason is in its message
        raise KGError(f"{quoted(value)} is not a valid IRI ({shortened(str(error))})") from None
    if re.fullmatch(r"-?\d+", value):
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def as_terms(bindings: dict[str, Any]) -> dict[str, Any]:
    """Bindings with each string value read as an RDF term (`to_term`); terms are kept."""
    return {k: to_term(v) if isinstance(v, str) else v for k, v in bindings.items()}


def values_block(terms: dict[str, Any]) -> str:
    """`VALUES (?a ?b) { (<x> "y") }` binding each name to its term, in the dict's order ("" when
    empty). Each term is written by pyoxigraph in N-Triples syntax (IRIs in <>, literals quoted and
    escaped), so no value can end its term and change the query around it."""
    if not terms:
        return ""
    names = " ".join(f"?{k}" for k in terms)
    return f"VALUES ({names}) {{ ({' '.join(str(v) for v in terms.values())}) }}"


def blank_comments(sparql: str, keep: re.Pattern[str] | None = None) -> str:
    """The query with its comments as spaces, so that offsets into it hold for the query too.

    A comment starts with `#` at a line's start or after a space; one inside an IRI such as
    `<...ontology#Company>` does not. A comment that `keep` matches stays as it is.
    """

    def blank(match: re.Match[str]) -> str:
        if keep is not None and keep.match(match.group(0)):
            return match.group(0)
        return " " * len(match.group(0))

    return re.sub(r"(?m)(?:^|(?<=\s))#[^\n]*", blank, sparql)


def run(
    store: Any,
    sparql: str,
    bindings: dict[str, Any] | None = None,
    max_rows: int | None = None,
    allow_service: bool = True,
) -> Answer:
    """Run any query; `bindings` maps variable names to terms (or to strings, read by `to_term`).
    `allow_service=False` refuses a federated query (kg serve: no caller may make it fetch URLs).
    A large query (past SMALL_LENGTH or SMALL_OPENINGS) is checked and run on a thread of
    QUERY_STACK bytes of stack; a small one on the caller's."""
    check_size(sparql)  # first: the other checks read the whole text
    if len(sparql) <= SMALL_LENGTH and openings(sparql) <= SMALL_OPENINGS:
        return _run(store, sparql, bindings, max_rows, allow_service)
    return on_query_stack(lambda: _run(store, sparql, bindings, max_rows, allow_service))


def on_query_stack(work: Callable[[], Any]) -> Any:
    """`work()` run on a new thread of QUERY_STACK bytes of stack: its result, or its exception."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["answer"] = work()
        except BaseException as exc:  # noqa: BLE001 - raised again on the caller's thread
            outcome["error"] = exc

    with _STACK_SIZE:
        before = threading.stack_size(QUERY_STACK)
        try:
            # a daemon: a query still running must not keep a stopped `kg query` from exiting
            thread = threading.Thread(target=target, name="kg-sparql", daemon=True)
            thread.start()
        finally:
            threading.stack_size(before)
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["answer"]


def _run(
    store: Any, sparql: str, bindings: dict[str, Any] | None, max_rows: int | None, allow_service: bool
) -> Answer:
    import pyoxigraph as ox

    check_is_query(sparql)
    check_depth(sparql)  # before any parse: a query nested too deep crashes the parser
    if not allow_service and uses_service(sparql):
        raise ServiceRefused(
            "SERVICE is refused: this endpoint answers from its own graph and fetches nothing"
        )
    terms = as_terms(bindings or {})
    sparql, _ = leading_values(sparql, terms)
    # Every parameter is also substituted, the leading VALUES block notwithstanding: pyoxigraph
    # runs an OPTIONAL over several patterns as a hash join, its inner part evaluated once for
    # the whole graph, and a substituted parameter is the only binding that reaches inside it.
    substitutions = {ox.Variable(k): v for k, v in terms.items()}
    try:
        result = store.query(sparql, substitutions=substitutions, prefixes=sparql_prefixes())
    except SyntaxError as exc:
        raise syntax_error(exc) from None
    except (RuntimeError, OSError, ValueError) as exc:
        # pyoxigraph binds only variables the SELECT clause projects
        if "projection" in str(exc):
            raise QueryError(f"a bound parameter must appear in the SELECT clause: {exc}") from None
        raise QueryError(f"the query failed: {shortened(one_line(str(exc)), 300)}") from None
    try:
        return _read(result, max_rows)
    except BaseException as exc:
        # why: pyoxigraph's results may only be dropped on the thread that made them (kg query
        # waits on another, kg.asking), and an exception keeps its frames' variables alive
        del result
        traceback.clear_frames(exc.__traceback__)
        if isinstance(exc, (RuntimeError, OSError, ValueError)):  # e.g. a SERVICE that cannot be reached
            raise QueryError(f"the query failed: {shortened(one_line(str(exc)), 300)}") from None
        raise


def _read(result: Any, max_rows: int | None) -> Answer:
    """The answer that pyoxigraph's lazy `result` holds, read in full."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        # why: a solution iterates its values in the order of the columns, and unpacking it is
        # about 2 us a value cheaper than looking each up by name (1M triples: production-lines
        # reads 564 rows of 11 columns)
        rows = [list(solution) for solution in _capped(result, max_rows, "row")]
        return Table(columns, rows)
    return Triples(sorted(_capped(result, max_rows, "triple"), key=str))


def leading_values(sparql: str, terms: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Join bound parameters in as a VALUES block at the start of the outer WHERE clause.

    pyoxigraph plans a query before it applies `substitutions`, so a bound parameter does not
    steer the plan: `fact-sources` with subject, predicate and object bound still walked every
    claim (2.5 s at a million triples, 30 ms with the values first). A one-row VALUES block first
    in the pattern is what its planner starts from. The block holds RDF terms written by
    pyoxigraph (an IRI or a literal cannot break out of its term), as the VALUES clause sent to a
    remote endpoint does (kg/remote.py); joining it first or last gives the same answer, and
    tests/test_engines_agree.py checks every question against rdflib with them pre-bound. A
    variable the query assigns itself (`BIND(... AS ?x)`, `(... AS ?x)`) cannot be bound before
    that, so it stays a substitution only; so does everything when the query has no WHERE
    clause. Returns the query and the bindings the block does not hold.
    """
    if not terms:  # an ad hoc query: nothing to join, and nothing to keep in the cache below
        return sparql, terms
    where, assigned = _where_and_assigned(sparql)
    joined = {k: v for k, v in terms.items() if k not in assigned}
    if where is None or not joined:
        return sparql, terms
    rest = {k: v for k, v in terms.items() if k not in joined}
    return sparql[:where] + " " + values_block(joined) + sparql[where:], rest


@functools.lru_cache(maxsize=256)
def _where_and_assigned(sparql: str) -> tuple[int | None, frozenset[str]]:
    """Where the outer WHERE clause's pattern starts, and the variables the query assigns itself.

    Cached: a named question's text is read once per process, and scanning it took 0.1 ms, a
    tenth of what its answer takes on a million triples.
    """
    code = blank_comments(sparql)
    where = re.search(r"\bWHERE\s*\{", code, re.I)
    assigned = frozenset(re.findall(r"\bAS\s+\?(\w+)", code, re.I))
    return (where.end() if where else None), assigned


def _capped(results: Any, max_rows: int | None, unit: str) -> list[Any]:
    """All results, or TooManyResults as soon as there are more than max_rows."""
    taken = []
    for item in results:
        taken.append(item)
        if max_rows is not None and len(taken) > max_rows:
            raise TooManyResults(
                f"the answer has more than {max_rows} {unit}s, the cap here; narrow the query or add a LIMIT"
            )
    return taken


def select(store: Any, sparql: str, bindings: dict[str, Any] | None = None) -> Table:
    answer = run(store, sparql, bindings)
    if not isinstance(answer, Table):
        raise QueryError("only SELECT queries can be shown as a table")
    return answer


def term_text(term: Any) -> str:
    """A term as a reader wants to see it: prefixed IRI, or the literal's value."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            ns = str(namespace)
            if term.value.startswith(ns) and prefix not in ("rdf", "xsd"):
                return f"{prefix}:{term.value[len(ns) :]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value
