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
