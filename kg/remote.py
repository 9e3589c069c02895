"""Beyond one machine: load the graph into a triplestore, and ask it the same questions there.

`push` sends the exported Turtle with the SPARQL 1.1 Graph Store HTTP Protocol (an HTTP PUT,
which replaces the graph, so pushing twice leaves one copy). `RemoteEndpoint` runs queries with
the SPARQL 1.1 Protocol and reads the answers back into the same `Table`/`Triples`/bool that a
local query gives, so named questions, `--with-sources` and every output format work alike.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from kg.engine import Answer, values_block
from kg.errors import KGError, QueryError, quoted, shortened
from kg.namespaces import sparql_prefixes
from kg.query_text import check_is_query
from kg.results import parse_results

ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/turtle;q=0.8"


class RemoteEndpoint:
    """A SPARQL 1.1 Protocol query endpoint, e.g. http://localhost:7878/query (Oxigraph)."""

    def __init__(self, url: str, graph: str | None = None, timeout: float = 120.0) -> None:
        self.url = endpoint_url(url)
        self.graph = graph
        self.timeout = timeout

    def run(self, sparql: str, bindings: dict[str, Any] | None = None) -> Answer:
        check_is_query(sparql)
        fields = [("query", with_prefixes(sparql) + values_clause(bindings or {}))]
        if self.graph:
            fields.append(("default-graph-uri", self.graph))
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(fields).encode("utf-8"),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT},
            method="POST",
        )
        body, media_type = _send(request, self.timeout, f"query {shown(self.url)}")
        return parse_results(body, media_type)


def with_prefixes(sparql: str) -> str:
    """The project's prefixes declared ahead of the query (the local engine supplies them itself)."""
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sparql_prefixes().items())
    return declared + sparql


def values_clause(bindings: dict[str, Any]) -> str:
    """Parameters as the query's trailing VALUES clause.

    Why text and not a protocol field: the SPARQL 1.1 Protocol has no way to pass bindings
    (only `query`, `default-graph-uri` and `named-graph-uri`), and a remote server cannot
    receive pyoxigraph's `substitutions`. The query language's own way to hand a query values
    from outside is the VALUES clause that may end any query (SPARQL 1.1 section 10.2.2; the
    federated query spec ships bindings to remote services the same way). Each value is an RDF
    term written by pyoxigraph in N-Triples syntax (IRIs in <>, literals quoted and escaped,
    with datatype or language), so no value can end the term and change the query around it.
    The clause joins the answer with the given values, which equals pyoxigraph's substitution
    when each parameter is bound by the query's pattern (a triple pattern or a BIND): every
    named question is written that way, and tests/test_questions.py checks that both ways give
    the same answers for every question's examples.
    """
    if not bindings:
        return ""
    return "\n" + values_block({name: bindings[name] for name in sorted(bindings)}) + "\n"


def endpoint_url(url: str) -> str:
    """`url` if it can name an endpoint (http or https, with a host); else a one-line error."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        web = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        usable = web and (parts.port is None or parts.port > 0)  # .port reads the port, or raises
    except ValueError:  # "Invalid IPv6 URL", a port that is no number
        usable = False
    if not usable:
        raise KGError(
            "an endpoint is an http:// or https:// URL, e.g. http://localhost:7878/query; "
            f"not {quoted(shown(url))}"
        )
    return url.strip()


def push(turtle: Path, endpoint: str, graph: str | None = None, timeout: float = 600.0) -> int:
    """PUT the exported graph to a Graph Store Protocol endpoint; returns the bytes sent."""
    endpoint = endpoint_url(endpoint)
    if not turtle.is_file():
        raise KGError(f"no built graph at {turtle}; run `kg build` first")
    data = turtle.read_bytes()
    target = endpoint + ("&" if "?" in endpoint else "?")
    target += urllib.parse.urlencode({"graph": graph}) if graph else "default"
    request = urllib.request.Request(
        target, data=data, headers={"Content-Type": "text/turtle; charset=utf-8"}, method="PUT"
    )
    _send(request, timeout, f"push to {shown(endpoint)}")
    return len(data)


def _send(request: urllib.request.Request, timeout: float, what: str) -> tuple[bytes, str]:
    """The answer to `request`. A user name and password in its URL (http://user:pass@host/...)
    are sent as HTTP Basic authentication, as curl does, since urllib would read them as a port."""
    parts = urllib.parse.urlsplit(request.full_url)
    if parts.username is not None:
        import base64

        secret = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
        request.full_url = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
        request.add_header(
            "Authorization", "Basic " + base64.b64encode(secret.encode("utf-8")).decode("ascii")
        )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        reason = detail[0][:300] if detail else exc.reason
        error = QueryError if exc.code == 400 else KGError
        raise error(f"{what} failed: HTTP {exc.code}: {reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:  # ValueError: a host not in ASCII, a bad port
        reason = getattr(exc, "reason", exc)
        raise KGError(f"{what} failed: cannot reach the server: {shortened(str(reason), 200)}") from None


def shown(url: str) -> str:
    """`url` as a message may print it: without the user name and password it may hold. Cut at
    the last "@" of the raw text, not of the parsed host: a password with an unencoded "/"
    ends the parsed host before it (and an "@" in the query string hides a little more)."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    return f"{scheme}://…@{rest.rsplit('@', 1)[1]}"


class _SameOriginCredentials(urllib.request.HTTPRedirectHandler):
    """Redirects as urllib follows them, less the Authorization header where the redirect leads
    to another host or port (urllib copies every header; curl drops credentials there too)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        following = super().redirect_request(req, fp, code, msg, headers, newurl)
        if following is not None and _origin(following.full_url) != _origin(req.full_url):
            following.remove_header("Authorization")
        return following


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


_OPENER = urllib.request.build_opener(_SameOriginCredentials)
