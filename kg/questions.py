"""The library of named questions: SPARQL files with a header that documents them.

A question file `kg/queries/<name>.rq` starts with comment lines:

    # title: Companies pursuing each chemistry route
    # description: One sentence on what it answers.
    # param route (chemistry): a chemistry concept, e.g. sulfide or chem:sulfide
    # param year (integer): a start year (default: 2027)
    # example: route=sulfide

A parameter is a SPARQL variable that the query projects; it is bound at run time as an RDF
term (never pasted into the query text). Without a value, and without a default, it is left
unbound: the question then answers for every value. The type in brackets says how a value
is read (see PARAMETER_TYPES); `example` lines give values that show the question at work (the
endpoint's page and the tests use them).

A column made by `GROUP_CONCAT(...; separator="...")` is a list, and SPARQL gives its parts in no
defined order: the on-disk store, an in-memory one and another triplestore each list them as
they happen to read them. `run_question` sorts them, so that a question gives the same answer
wherever it runs (the query it sends joins the parts by a control character, so that a part
holding the separator, such as "Co., Ltd.", stays whole).

A question that lists the corpus (every article, every company ranked) answers a page at a time:
its header says what a page counts, and kg/pages.py how a page is cut.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.engine import blank_comments
from kg.errors import KGError, quoted, shortened
from kg.namespaces import CHEM, ID, PREFIXES, SOURCE, SSB
from kg.pages import EVERY_ROW, MOST, Page, Paging, check_page_mark, cut_page, one_page, parse_paging

if TYPE_CHECKING:
    from kg.engine import Answer, Backend

QUESTIONS_DIR = Path(__file__).parent / "queries"
RESOLVE_QUERY = QUESTIONS_DIR / "internal" / "resolve.rq"
NODE_QUERY = QUESTIONS_DIR / "internal" / "node.rq"
NAME_QUERY = QUESTIONS_DIR / "internal" / "name.rq"
_HEADER = re.compile(r"^#\s*(title|description):\s*(.+)$")
_EXAMPLE = re.compile(r"^#\s*example:\s*(.+)$")
_PARAM = re.compile(r"^#\s*param\s+(\w+)(?:\s*\((\w+)\))?:\s*(.+?)(?:\s*\(default:\s*(.+)\))?\s*$")
# GROUP_CONCAT(<expression>; separator="<text>") AS ?<column>, the expression with one level of brackets
_LIST = re.compile(
    r"GROUP_CONCAT\s*\((?:[^;()]|\([^()]*\))*;\s*separator\s*=\s*\"([^\"]*)\"\s*\)\s*AS\s*\?(\w+)", re.I
)
_SEPARATOR = re.compile(r'separator\s*=\s*"[^"]*"', re.I)
_PART = "\x1f"  # the unit separator: a list's parts are joined by it while the query runs

# type -> the namespace a bare name is looked up in (None: the value is read as it is written)
PARAMETER_TYPES: dict[str, str | None] = {
    "entity": str(ID),  # a company, product, line, vehicle, policy, place or person: toyota, "GAC Group"
    "chemistry": str(CHEM),  # a chemistry concept: sulfide, "LLZO"
    "term": str(SSB._NS),  # an ontology term: Operational, MassProduction, DrivingRange
    "source": str(SOURCE),  # an article: 003
    "node": str(ID),  # an entity or, where no entity has the name, a chemistry concept: toyota, sulfide
    "integer": None,
    "decimal": None,
    "text": None,
    "iri": None,  # a prefixed name or <IRI>, numbers and plain text as written (the default)
}


# lookup(text, namespace or namespaces): the nodes a parameter's text names (see resolve_lookup)
Lookup = Callable[[str, str | tuple[str, ...]], list[Any]]


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    default: str | None = None
    type: str = "iri"


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str
    examples: tuple[dict[str, str], ...] = ()
    paging: Paging | None = None

    @functools.cached_property
    def lists(self) -> dict[str, str]:
        """The columns that are GROUP_CONCAT lists, each with its separator."""
        code = blank_comments(self.sparql)
        return {column: separator for separator, column in _LIST.findall(code)}

    @functools.cached_property
    def sparql_with_parts(self) -> str:
        """The query as `run_question` sends it: each list's parts joined by _PART. Parts are
        joined by a character no name or figure holds, so that they can be split again exactly
        ("Co., Ltd." is one part), sorted, and joined by the question's own separator."""
        return _LIST.sub(lambda m: _SEPARATOR.sub(f'separator="{_PART}"', m.group(0), count=1), self.sparql)


def parse_question(path: Path) -> Question:
    return _parsed(path, path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1024)
def _parsed(path: Path, text: str) -> Question:
    """The question in `text`, read from `path`. Cached on the text, so that an edited file is read
    again: `kg serve` looks its question up for every request, and parsing the library took 3.7 ms
    where reading it takes 0.8."""
    fields: dict[str, str] = {}
    parameters = []
    examples = []
    paging = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line_paging := parse_paging(line, path):
            paging = line_paging
        elif match := _PARAM.match(line):
            name, kind, description, default = match.groups()
            kind = kind or "iri"
            if kind not in PARAMETER_TYPES:
                raise KGError(f"{path}: parameter {name} has unknown type {kind!r}")
            parameters.append(Parameter(name, description, default, kind))
        elif match := _EXAMPLE.match(line):
            examples.append(dict(_split_assignment(a) for a in match.group(1).split()))
        elif match := _HEADER.match(line):
            fields[match.group(1)] = match.group(2).strip()
    if "title" not in fields:
        raise KGError(f"{path}: a question needs a '# title:' header")
    check_page_mark(text, paging, path, tuple(p.name for p in parameters))
    return Question(
        path.stem,
        fields["title"],
        fields.get("description", ""),
        tuple(parameters),
        text,
        tuple(examples),
        paging,
    )


def load_questions(folder: Path = QUESTIONS_DIR) -> dict[str, Question]:
    """The questions of `folder`, by name."""
    return {q.name: q for q in (parse_question(p) for p in sorted(folder.glob("*.rq")))}


def get_question(name: str, folder: Path = QUESTIONS_DIR) -> Question:
    questions = load_questions(folder)
    if name not in questions:
        raise KGError(f"unknown question {quoted(name)}; known: {', '.join(questions)}")
    return questions[name]


def page_for(question: Question, limit: int | str | None = None, offset: int = 0) -> Page | None:
    """The page of `question` a caller asks for: `limit` rows of its units ("all": every one; None:
    its own page size) from `offset`; None for a question that answers in full."""
    if question.paging is None:
        if limit is not None or offset:
            paged = ", ".join(q.name for q in load_questions().values() if q.paging)
            raise KGError(
                f"{question.name} answers in full; a limit and an offset page the listings: {paged}"
            )
        return None
    if isinstance(limit, str) and limit.lower() == "all":
        return Page(None, offset)
    if isinstance(limit, str) or (limit is not None and not 1 <= limit <= MOST):
        shown = quoted(limit) if isinstance(limit, str) else shortened(str(limit))
        raise KGError(f"a page's limit is a whole number from 1 to {MOST:,}, or all; not {shown}")
    if not 0 <= offset <= MOST:
        raise KGError(f"a page's offset is a whole number from 0 to {MOST:,}; not {shortened(str(offset))}")
    return Page(limit or question.paging.size, offset)


def run_question(
    backend: Backend, question: Question, bindings: dict[str, Any], page: Page | None = None
) -> Answer:
    """The question's answer from `backend`, the parts of each list column in sorted order.

    A listing question answers `page` (default: its first page); the table's `next_offset` then
    says where the next page starts, or is None on the last one.
    """
    from kg.engine import Table

    paging = question.paging
    page = _resolved_page(question, page)
    answer = backend.run(question_query(question, bindings, page), bindings)
    if not isinstance(answer, Table):
        return answer
    lists = question.lists
    at = {answer.columns.index(c): separator for c, separator in lists.items() if c in answer.columns}
    rows = [
        [_sorted_list(v, at[i]) if i in at and v is not None else v for i, v in enumerate(row)]
        for row in answer.rows
    ]
    if paging is None or page.limit is None:
        return Table(answer.columns, rows)
    return one_page(Table(answer.columns, rows), paging.key, page)


def question_query(question: Question, bindings: dict[str, Any], page: Page | None = None) -> str:
    """The SPARQL that `run_question` sends for `page` (default: the first), `bindings` apart."""
    page = _resolved_page(question, page)
    sparql = question.sparql_with_parts if question.lists else question.sparql
    if question.paging is None:
        return sparql
    return cut_page(sparql, bindings, page)


def _resolved_page(question: Question, page: Page | None) -> Page:
    """`page`, or by default the question's first page (every row for one that answers in full)."""
    if question.paging is None:
        if page is not None and page != EVERY_ROW:
            raise KGError(
                f"{question.name} answers in full; only a listing question takes a limit or an offset"
            )
        return EVERY_ROW
    return page or Page(question.paging.size)


def _sorted_list(literal: Any, separator: str) -> Any:
    import pyoxigraph as ox

    parts = sorted(literal.value.split(_PART), key=lambda part: (part.casefold(), part))
    text = separator.join(parts)
    if literal.language:
        return ox.Literal(text, language=literal.language)
    return ox.Literal(text, datatype=literal.datatype)


def given_parameters(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Parameter values as a caller gave them (`-p key=value`, `?key=value`), spaces trimmed.

    An empty value leaves its parameter unset, as an empty field of a form does; a parameter
    given twice is refused rather than one of its values silently dropped (a question takes
    one value of each).
    """
    given: dict[str, str] = {}
    for key, value in pairs:
        key, value = key.strip(), value.strip()
        if not value:
            continue
        if key in given and given[key] != value:
            raise KGError(
                f"parameter {shortened(key)} is given twice ({quoted(given[key])} and {quoted(value)}); "
                "it takes one value"
            )
        given[key] = value
    return given


def bind_parameters(
    question: Question, given: dict[str, str], lookup: Lookup | None = None
) -> dict[str, Any]:
    """The question's parameters as RDF terms: given values, else defaults; unknown names refused.

    `lookup(text, namespace)` finds the nodes of a namespace whose IRI ends in `text` or whose
    name or alias is `text` (see `resolve_lookup`); without it, a bare name is taken as a local id.
    """
    known = {p.name: p for p in question.parameters}
    unknown = sorted(set(given) - set(known))
    if unknown:
        takes = ", ".join(f"{p.name} ({p.type})" for p in question.parameters) or "none"
        names = ", ".join(map(shortened, unknown))
        raise KGError(f"unknown parameter(s) {names} for {question.name}; it takes: {takes}")
    bound = {}
    for name, parameter in known.items():
        value = given.get(name, parameter.default)
        if value is not None:
            bound[name] = parse_value(parameter, value, lookup)
    return bound


def parse_value(parameter: Parameter, value: str, lookup: Lookup | None) -> Any:
    import pyoxigraph as ox

    from kg.engine import to_term

    xsd = "http://www.w3.org/2001/XMLSchema#"
    if parameter.type in ("integer", "decimal"):
        pattern = r"-?\d+" if parameter.type == "integer" else r"-?\d+(\.\d+)?"
        if not re.fullmatch(pattern, value.strip()):
            raise KGError(f"parameter {parameter.name} takes an {parameter.type}, not {quoted(value)}")
        return ox.Literal(value.strip(), datatype=ox.NamedNode(xsd + parameter.type))
    if parameter.type == "text":
        return ox.Literal(value)
    namespace = PARAMETER_TYPES[parameter.type]
    if namespace is None or value.startswith(("<", "http://", "https://")) or _is_prefixed(value):
        term = to_term(value)
        local = term.value[len(namespace) :] if namespace and term.value.startswith(namespace) else None
        # an id of the parameter's own kind that names nothing would answer with no rows, silently
        if local and lookup is not None and not lookup(local, namespace):
            raise KGError(f"parameter {parameter.name}: nothing in the graph is called {quoted(value)}")
        return term
    if lookup is None:
        return ox.NamedNode(namespace + value)
    # a subject may be an entity or a chemistry, and a name both share is ambiguous
    found = lookup(value, (namespace, str(CHEM)) if parameter.type == "node" else namespace)
    if len(found) == 1:
        return found[0]
    if not found:
        raise KGError(f"parameter {parameter.name}: nothing in the graph is called {quoted(value)}")
    names = ", ".join(sorted(_short(n.value) for n in found))
    raise KGError(f"parameter {parameter.name}: {quoted(value)} is ambiguous: {names}")


def resolve_lookup(backend: Any) -> Lookup:
    """A `lookup` that asks `backend` (local or remote) for nodes by local id, name or alias."""
    import pyoxigraph as ox

    from kg.engine import Table

    sparql = RESOLVE_QUERY.read_text(encoding="utf-8")
    by_iri = NODE_QUERY.read_text(encoding="utf-8")
    by_name = NAME_QUERY.read_text(encoding="utf-8")

    def known_node(iri: str) -> Any:
        found = backend.run(by_iri, {"node": ox.NamedNode(iri)})
        return found.rows[0][0] if isinstance(found, Table) and found.rows else None

    def lookup(text: str, namespace: str | tuple[str, ...]) -> list[Any]:
        # A local id first, then a name exactly as written: index lookups, where the search that
        # ignores case reads every label (0.7 s of a cold `kg query` at a million triples). An
        # exact id wins over a name, and an exact name over one that differs in case only (not over
        # a local id that does: that is as likely meant). Several namespaces (a subject may be an
        # entity or a chemistry) are searched together, level by level, and that search once.
        spaces = (namespace,) if isinstance(namespace, str) else namespace
        safe = [ns for ns in spaces if _iri_safe(text, ns)]
        ids = {node for ns in safe if (node := known_node(ns + text)) is not None}
        if ids:
            return sorted(ids, key=str)
        named = backend.run(by_name, {"plain": ox.Literal(text), "english": ox.Literal(text, language="en")})
        assert isinstance(named, Table)
        exact = {row[0] for row in named.rows if any(_in_namespace(row[0].value, ns) for ns in spaces)}
        if exact:
            # "Toyota" may name one node exactly and be, in lower case as ids are, another's id
            lower = text.lower()
            if lower != text:
                exact |= {node for ns in safe if (node := known_node(ns + lower)) is not None}
            return sorted(exact, key=str)
        bindings = {"text": ox.Literal(text.lower())}
        if len(spaces) == 1:
            bindings["namespace"] = ox.Literal(spaces[0])
        answer = backend.run(sparql, bindings)
        assert isinstance(answer, Table)
        rows = [row for row in answer.rows if row[2].value in spaces]
        exact = sorted({row[0] for row in rows if row[0].value in {ns + text for ns in spaces}}, key=str)
        return exact or sorted({row[0] for row in rows}, key=str)

    return lookup


def _in_namespace(iri: str, namespace: str) -> bool:
    """Whether `iri` is a term of `namespace` itself, not of one nested in it (as resolve.rq has it)."""
    rest = iri[len(namespace) :]
    return iri.startswith(namespace) and "/" not in rest and "#" not in rest


def _iri_safe(text: str, namespace: str) -> bool:
    """Whether `text` can be a local id in `namespace` (a name such as "GAC Group" cannot: it is
    searched by name)."""
    if not text or "/" in text or "#" in text:  # a local id is the IRI's last segment
        return False
    import pyoxigraph as ox

    try:  # what an IRI may not hold (spaces, "<", "100%", "[1]", control characters): pyoxigraph knows
        ox.NamedNode(namespace + text)
    except ValueError:
        return False
    return True


def _is_prefixed(value: str) -> bool:
    prefix, sep, _ = value.partition(":")
    return bool(sep) and prefix in PREFIXES


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)) :]}"
    return iri


def _split_assignment(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise KGError(f"parameter {quoted(text)} is not KEY=VALUE")
    return key.strip(), value.strip()
