"""Errors a user can act on. The CLI turns each into a one-line message and a non-zero exit."""


class KGError(Exception):
    """Base of every error ssb-kg reports to its user."""


class DataError(KGError):
    """The data (manifest, registry, claims, corpus) is malformed or inconsistent."""


class ValidationError(KGError):
    """The built graph does not conform to the SHACL shapes."""

    def __init__(self, message: str, report: str = "") -> None:
        super().__init__(message)
        self.report = report


class QueryError(KGError):
    """A query that cannot be run: bad syntax, an update, an unknown parameter ..."""


class UpdateRefused(QueryError):
    """A SPARQL Update sent where only queries are allowed."""


class ServiceRefused(QueryError):
    """A federated query (SERVICE) sent where only the local graph may be read."""


class TooManyResults(QueryError):
    """An answer larger than the cap its caller set."""


def not_utf8_text(exc: UnicodeDecodeError) -> str:
    """What a file that is not UTF-8 is told: the first byte that is not, and where it stands."""
    return f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset {exc.start})"


def invalid_turtle(path: object, exc: SyntaxError) -> KGError:
    """The error of an export that is not valid Turtle (edited or copied in by hand)."""
    reason = shortened(" ".join(str(exc).split()), 120)
    return KGError(f"{path} is not valid Turtle ({reason}): run `kg build`")


def shortened(text: str, limit: int = 60) -> str:
    """`text` with its middle cut past `limit` characters: an error message stays one readable
    line even when what the user typed (or pasted by mistake) does not. The result has at most
    `limit` characters (at least one: the ellipsis)."""
    if len(text) <= limit:
        return text
    head = max(limit - 1, 0) // 2
    tail = max(limit - 1 - head, 0)
    return text[:head] + "…" + (text[-tail:] if tail else "")


def quoted(text: str, limit: int = 60) -> str:
    """`text` shortened and in quotes, for an error message."""
    return repr(shortened(text, limit))
