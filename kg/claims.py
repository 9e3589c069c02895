"""Claims: the facts the graph is built from, each tied to the sentence that states it.

A claims file (`data/claims/<source>.yaml`) lists, per sentence of one article, the facts
that sentence states. Three kinds of fact exist:

    relation   {s: saic-motor, p: coDevelopsWith, o: qingtao-energy}
    quantity   {s: ganfeng-4gwh-line, quantity: ProductionCapacity, value: 4, unit: GWh}
    milestone  {s: gac-group, milestone: MassProduction, from: 2027, to: 2030, status: Planned}

A milestone may be undated: an article with no dateline can report a line in trial production
without saying since when, and the fact still belongs in the graph.

Every fact may also carry `modality` (Explicit, the default, or Implied), `by` (the person or
organisation the article attributes the statement to), `note` (a few words of our own, never
the article's) and, for extracted facts, `confidence` and `rule`.

The sentence locator (index, character span, SHA-256 of the sentence) identifies the sentence
without storing it. `fill_locators` computes span and hash from the index.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import DataError

COMPARATORS = ("=", ">", ">=", "<", "<=", "~")
STATUSES = ("Announced", "Planned", "UnderConstruction", "TrialProduction", "Operational", "Achieved")
MODALITIES = ("Explicit", "Implied")
METHODS = ("Curated", "Extracted")
_COMMON_KEYS = {"modality", "by", "note", "confidence", "rule"}
_RELATION_KEYS = {"s", "p", "o"} | _COMMON_KEYS
_QUANTITY_KEYS = {"s", "quantity", "value", "min", "max", "comparator", "unit", "year"} | _COMMON_KEYS
_MILESTONE_KEYS = {"s", "milestone", "year", "from", "to", "date", "status", "about"} | _COMMON_KEYS


@dataclass(frozen=True)
class Locator:
    """Where a fact is stated: article, sentence index, span [start, end), sentence hash."""

    source: str
    sentence: int
    start: int
    end: int
    sha256: str
    origin: str = field(default="", compare=False)  # "file: sentence N", for reports


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class Measurement:
    """A figure about a subject: a value, or a range, with a unit and a comparator."""

    subject: str
    kind: str
    unit: str
    value: Decimal | None = None
    lower: Decimal | None = None
    upper: Decimal | None = None
    comparator: str = "="
    year: int | None = None


@dataclass(frozen=True)
class MilestoneFact:
    """A dated step (vehicle tests, mass production...) of a subject, with its status."""

    subject: str
    kind: str
    status: str
    start_year: int | None = None
    end_year: int | None = None
    on_date: date | None = None
    concerns: str | None = None


Fact = Relation | Measurement | MilestoneFact


@dataclass(frozen=True)
class Claim:
    """One fact, as stated by one sentence of one article."""

    id: str
    fact: Fact
    locator: Locator
    method: str = "Curated"
    modality: str = "Explicit"
    attributed_to: str | None = None
    note: str | None = None
    confidence: Decimal | None = None
    rule: str | None = None
    origin: str = field(default="", compare=False)  # "file: sentence N, claim K", for errors


def claim_id(locator: Locator, fact: Fact) -> str:
    """A stable id: article, sentence, and a short digest of the fact itself."""
    digest = hashlib.sha256(repr(fact).encode("utf-8")).hexdigest()[:8]
    return f"{locator.source}-s{locator.sentence:03d}-{digest}"


def load_claims(folder: Path) -> list[Claim]:
    """All claims of all `*.yaml` files in `folder`, sorted by id."""
    claims: list[Claim] = []
    for path in sorted(folder.glob("*.yaml")):
        claims.extend(load_claims_file(path))
    seen: dict[str, Claim] = {}
    for claim in claims:
        if claim.id in seen:
            raise DataError(f"{claim.origin}: the same fact is listed twice for this sentence")
        seen[claim.id] = claim
    return sorted(claims, key=lambda c: c.id)


def load_claims_file(path: Path) -> list[Claim]:
    from kg.yamlio import read_yaml

    return parse_claims_document(read_yaml(path), str(path))


def parse_claims_document(document: Any, where_file: str) -> list[Claim]:
    """The claims of a claims document (the parsed YAML of a claims file)."""
    path = where_file
    if not isinstance(document, dict) or "source" not in document:
        raise DataError(f"{path}: expected a mapping with 'source' and 'sentences'")
    source = str(document["source"])
    method = document.get("method", "Curated")
    _check_choice(method, METHODS, f"{path}: method")
    claims = []
    entries = document.get("sentences") or []
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise DataError(f"{path}: sentences is a list of entries (sentence, span, sha256, claims)")
    for entry in entries:
        where = f"{path}: sentence {entry.get('sentence', '?')}"
        locator = _locator(source, entry, where)
        if not isinstance(entry.get("claims") or [], list):
            raise DataError(f"{where}: claims is a list")
        for k, raw in enumerate(entry.get("claims") or [], start=1):
            claims.append(_claim(raw, locator, method, f"{where}, claim {k}"))
    return claims


def _locator(source: str, entry: dict[str, Any], where: str) -> Locator:
    if isinstance(entry.get("sentence"), (bool, float)):  # int() read 2.5 as 2 and true as 1
        raise DataError(f"{where}: a sentence is a whole number, not {entry['sentence']!r}")
    try:
        index = int(entry["sentence"])
        start, end = (int(x) for x in entry["span"])
        digest = str(entry["sha256"])
    except (KeyError, TypeError, ValueError):
        raise DataError(f"{where}: needs sentence, span [start, end] and sha256 (run `kg locate`)") from None
    if not 0 <= start < end:
        raise DataError(f"{where}: span {start}..{end} is empty or negative")
    return Locator(source, index, start, end, digest, origin=where)


def _claim(raw: Any, locator: Locator, method: str, where: str) -> Claim:
    if not isinstance(raw, dict) or "s" not in raw:
        raise DataError(f"{where}: a claim is a mapping with at least 's'")
    if "p" in raw:
        fact: Fact = _relation(raw, where)
    elif "quantity" in raw:
        fact = _measurement(raw, where)
    elif "milestone" in raw:
        fact = _milestone(raw, where)
    else:
        raise DataError(f"{where}: a claim needs 'p' (relation), 'quantity' or 'milestone'")
    modality = raw.get("modality", "Explicit")
    _check_choice(modality, MODALITIES, f"{where}: modality")
    confidence = _decimal(raw["confidence"], f"{where}: confidence") if "confidence" in raw else None
    return Claim(
        id=claim_id(locator, fact),
        fact=fact,
        locator=locator,
        method=method,
        modality=modality,
        attributed_to=raw.get("by"),
        note=raw.get("note"),
        confidence=confidence,
        rule=raw.get("rule"),
        origin=where,
    )


def _relation(raw: dict[str, Any], where: str) -> Relation:
    _check_keys(raw, _RELATION_KEYS, where)
    if "o" not in raw:
        raise DataError(f"{where}: a relation needs 'o'")
    return Relation(str(raw["s"]), str(raw["p"]), str(raw["o"]))


def _measurement(raw: dict[str, Any], where: str) -> Measurement:
    _check_keys(raw, _QUANTITY_KEYS, where)
    if "unit" not in raw:
        raise DataError(f"{where}: a quantity needs 'unit'")
    value = _decimal(raw["value"], f"{where}: value") if "value" in raw else None
    lower = _decimal(raw["min"], f"{where}: min") if "min" in raw else None
    upper = _decimal(raw["max"], f"{where}: max") if "max" in raw else None
    if value is None and lower is None and upper is None:
        raise DataError(f"{where}: a quantity needs 'value', or 'min' and/or 'max'")
    if value is not None and (lower is not None or upper is not None):
        raise DataError(f"{where}: give either 'value' or a 'min'/'max' range, not both")
    if lower is not None and upper is not None and lower > upper:
        raise DataError(f"{where}: min {lower} is greater than max {upper}")
    comparator = str(raw.get("comparator", "="))
    _check_choice(comparator, COMPARATORS, f"{where}: comparator")
    return Measurement(
        subject=str(raw["s"]),
        kind=str(raw["quantity"]),
        unit=str(raw["unit"]),
        value=value,
        lower=lower,
        upper=upper,
        comparator=comparator,
        year=_year(raw.get("year"), where),
    )


def _milestone(raw: dict[str, Any], where: str) -> MilestoneFact:
    _check_keys(raw, _MILESTONE_KEYS, where)
    status = str(raw.get("status", ""))
    _check_choice(status, STATUSES, f"{where}: status")
    on_date = raw.get("date")
    if on_date is not None and not isinstance(on_date, date):
        raise DataError(f"{where}: date must be YYYY-MM-DD")
    if "year" in raw:
        start = end = _year(raw["year"], where)
    else:
        start, end = _year(raw.get("from"), where), _year(raw.get("to"), where)
    if on_date is not None:
        start = end = on_date.year
    if start is not None and end is not None and start > end:
        raise DataError(f"{where}: from {start} is after to {end}")
    return MilestoneFact(
        subject=str(raw["s"]),
        kind=str(raw["milestone"]),
        status=status,
        start_year=start,
        end_year=end,
        on_date=on_date,
        concerns=raw.get("about"),
    )


def _check_keys(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = set(raw) - allowed
    if unknown:
        raise DataError(f"{where}: unknown key(s) {sorted(unknown)}")


def _check_choice(value: Any, choices: tuple[str, ...], where: str) -> None:
    if value not in choices:
        raise DataError(f"{where}: {value!r} is not one of {', '.join(choices)}")


def _decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool):
        raise DataError(f"{where}: {value!r} is not a number")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise DataError(f"{where}: {value!r} is not a number") from None


def _year(value: Any, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise DataError(f"{where}: {value!r} is not a year")
    return value
