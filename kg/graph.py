"""Turn sources, the registry and claims into RDF: direct triples beside provenance.

Each fact becomes a direct triple (or a quantity or milestone node linked from its subject),
and each claim of that fact becomes a claim node pointing at the article and sentence it came
from. Nodes are named from their content, so the same input always gives the same IRIs and two
articles stating the same fact share one node while keeping a claim each.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.claims import Claim, Measurement, MilestoneFact, Relation
from kg.errors import DataError
from kg.namespaces import (
    CHEM,
    MILESTONE,
    PUBLISHER,
    QUANTITY,
    QUDT,
    SCHEMA,
    SSB,
    claim_iri,
    entity_iri,
    source_iri,
)
from kg.registry import Entity
from kg.sources import Source

# The relations a claim may state: the forward direction of every pair (inverses are derived).
RELATIONS = frozenset(
    {
        "partnersWith",
        "coDevelopsWith",
        "jointVentureOf",
        "investsIn",
        "licensesTo",
        "subsidiaryOf",
        "memberOf",
        "participatesIn",
        "affiliatedWith",
        "suppliesTo",
        "supplies",
        "pursuesRoute",
        "usesChemistry",
        "usesProcess",
        "develops",
        "operates",
        "produces",
        "locatedIn",
        "manufactures",
        "poweredBy",
        "issuedBy",
        "appliesIn",
        "supports",
        "requiresMaterial",
        "complements",
    }
)


@dataclass(frozen=True)
class Vocabulary:
    """What the data may name: chemistry concepts, quantity and milestone kinds, unit symbols."""

    chemistry: frozenset[str]
    quantity_kinds: frozenset[str]
    milestone_kinds: frozenset[str]
    statuses: frozenset[str]
    units: dict[str, URIRef]

    @classmethod
    def from_graph(cls, graph: Graph) -> Vocabulary:
        def local_names(rdf_class: URIRef, namespace: str) -> frozenset[str]:
            return frozenset(
                str(s)[len(namespace) :]
                for s in graph.subjects(RDF.type, rdf_class)
                if str(s).startswith(namespace)
            )

        ssb = str(SSB._NS)
        units = {str(symbol): URIRef(unit) for unit, symbol in graph.subject_objects(QUDT.symbol)}
        return cls(
            chemistry=local_names(SSB.Chemistry, str(CHEM)),
            quantity_kinds=local_names(SSB.QuantityKind, ssb),
            milestone_kinds=local_names(SSB.MilestoneKind, ssb),
            statuses=local_names(SSB.Status, ssb),
            units=units,
        )


def build_triples(
    sources: dict[str, Source],
    registry: dict[str, Entity],
    claims: Iterable[Claim],
    vocabulary: Vocabulary,
) -> set[str]:
    """The instance graph (without the ontology) for these inputs, as N-Triples lines.

    Plain lines rather than an rdflib Graph: at a million triples an rdflib Graph costs seconds
    and a gigabyte, while lines are cheap to hold, sort and hand to pyoxigraph (every term is
    still made, and so checked, by pyoxigraph).
    """
    builder = _Builder(sources, registry, vocabulary)
    for source in sources.values():
        builder.add_source(source)
    for entity in registry.values():
        builder.add_entity(entity)
    for claim in claims:
        builder.add_claim(claim)
    return builder.lines


@lru_cache(maxsize=200_000)
def _iri(iri: str) -> str:
    """An IRI as an N-Triples term (cached: the same terms come back again and again)."""
    return str(ox.NamedNode(iri))


def _literal(value: object, datatype: str | None = None) -> str:
    if datatype is None:
        return str(ox.Literal(str(value)))
    return str(ox.Literal(str(value), datatype=ox.NamedNode(datatype)))


class _Builder:
    def __init__(self, sources: dict[str, Source], registry: dict[str, Entity], vocabulary: Vocabulary):
        self.sources = sources
        self.registry = registry
        self.vocabulary = vocabulary
        self.lines: set[str] = set()
        clash = set(registry) & vocabulary.chemistry
        if clash:
            raise DataError(f"registry ids also used by chemistry concepts: {sorted(clash)}")

    def add(self, s: str, p: str, o: str | None) -> None:
        """Add a triple of N-Triples terms (see `_iri`, `_literal`); nothing when `o` is None."""
        if o is not None:
            self.lines.add(f"{s} {_iri(p)} {o} .")

    # --- articles and entities

    def add_source(self, source: Source) -> None:
        node = _iri(source_iri(source.id))
        self.add(node, RDF.type, _iri(SSB.Article))
        self.add(node, SSB.fileName, _literal(source.file))
        self.add(node, SSB.sha256, _literal(source.sha256))
        self.add(node, DCTERMS.title, _text(source.title))
        self.add(node, DCTERMS.creator, _text(source.author))
        self.add(node, DCTERMS.date, _literal(source.date, XSD.date) if source.date else None)
        self.add(node, SSB.dateNote, _text(source.date_note))
        self.add(node, SCHEMA.url, _iri(source.url) if source.url else None)
        self.add(node, RDFS.comment, _text(source.note))
        if source.publisher:
            publisher = _iri(PUBLISHER[_slug(source.publisher)])
            self.add(node, DCTERMS.publisher, publisher)
            self.add(publisher, RDF.type, _iri(SSB.Publisher))
            self.add(publisher, RDFS.label, _literal(source.publisher))

    def add_entity(self, entity: Entity) -> None:
        node = _iri(entity_iri(entity.id))
        for rdf_type in entity.types:
            self.add(node, RDF.type, _iri(SSB[rdf_type]))
        self.add(node, RDFS.label, _literal(entity.name))
        for alias in entity.aliases:
            self.add(node, SKOS.altLabel, _literal(alias))
        self.add(node, SSB.country, _iri(entity_iri(entity.country)) if entity.country else None)
        self.add(node, SSB.partOf, _iri(entity_iri(entity.part_of)) if entity.part_of else None)
        self.add(node, SKOS.notation, _text(entity.code))

    # --- claims

    def add_claim(self, claim: Claim) -> None:
        fact = claim.fact
        subject = self.resolve(fact.subject, claim)
        if isinstance(fact, Relation):
            if fact.predicate not in RELATIONS:
                raise DataError(
                    f"{claim.origin}: {fact.predicate!r} is not a relation; "
                    f"use one of {', '.join(sorted(RELATIONS))}"
                )
            predicate, obj = SSB[fact.predicate], self.resolve(fact.object, claim)
        elif isinstance(fact, Measurement):
            predicate, obj = SSB.hasQuantity, self.add_quantity(subject, fact, claim)
            self.add(obj, SSB.quantityOf, subject)
        else:
            predicate, obj = SSB.hasMilestone, self.add_milestone(subject, fact, claim)
            self.add(obj, SSB.milestoneOf, subject)
        self.add(subject, predicate, obj)
        self.add_provenance(claim, subject, predicate, obj)

    def add_provenance(self, claim: Claim, subject: str, predicate: URIRef, obj: str) -> None:
        if claim.locator.source not in self.sources:
            raise DataError(f"{claim.origin}: unknown source {claim.locator.source!r}")
        node, loc = str(ox.NamedNode(claim_iri(claim.id))), claim.locator
        self.add(node, RDF.type, _iri(SSB.Claim))
        self.add(node, RDF.subject, subject)
        self.add(node, RDF.predicate, _iri(predicate))
        self.add(node, RDF.object, obj)
        self.add(node, PROV.wasDerivedFrom, _iri(source_iri(loc.source)))
        self.add(node, SSB.sentenceIndex, _literal(loc.sentence, XSD.integer))
        self.add(node, SSB.charStart, _literal(loc.start, XSD.integer))
        self.add(node, SSB.charEnd, _literal(loc.end, XSD.integer))
        self.add(node, SSB.sentenceSha256, _literal(loc.sha256))
        self.add(node, SSB.method, _iri(SSB[claim.method]))
        self.add(node, SSB.modality, _iri(SSB[claim.modality]))
        if claim.attributed_to:
            self.add(node, PROV.wasAttributedTo, self.resolve(claim.attributed_to, claim))
        self.add(node, RDFS.comment, _text(claim.note))
        if claim.confidence is not None:
            self.add(node, SSB.confidence, _decimal(claim.confidence))
        self.add(node, SSB.extractionRule, _text(claim.rule))

    def add_quantity(self, subject: str, fact: Measurement, claim: Claim) -> str:
        if fact.kind not in self.vocabulary.quantity_kinds:
            raise DataError(f"{claim.origin}: unknown quantity kind {fact.kind!r}")
        unit = self.vocabulary.units.get(fact.unit)
        if unit is None:
            raise DataError(
                f"{claim.origin}: unknown unit {fact.unit!r}; "
                f"known: {' '.join(sorted(self.vocabulary.units))}"
            )
        node = _iri(QUANTITY[f"{fact.subject}-{fact.kind}-{_digest(fact)}"])
        self.add(node, RDF.type, _iri(SSB.Quantity))
        self.add(node, SSB.quantityKind, _iri(SSB[fact.kind]))
        self.add(node, QUDT.unit, _iri(unit))
        self.add(node, QUDT.numericValue, _decimal(fact.value))
        self.add(node, SSB.lowerValue, _decimal(fact.lower))
        self.add(node, SSB.upperValue, _decimal(fact.upper))
        self.add(node, SSB.comparator, _literal(fact.comparator))
        if fact.year is not None:
            self.add(node, SSB.referenceYear, _literal(fact.year, XSD.integer))
        self.add(node, RDFS.label, _literal(quantity_label(fact)))
        return node

    def add_milestone(self, subject: str, fact: MilestoneFact, claim: Claim) -> str:
        if fact.kind not in self.vocabulary.milestone_kinds:
            raise DataError(f"{claim.origin}: unknown milestone kind {fact.kind!r}")
        if fact.status not in self.vocabulary.statuses:
            raise DataError(f"{claim.origin}: unknown status {fact.status!r}")
        years = "-".join(str(y) for y in (fact.start_year, fact.end_year) if y is not None) or "undated"
        node = _iri(MILESTONE[f"{fact.subject}-{fact.kind}-{years}-{_digest(fact)}"])
        self.add(node, RDF.type, _iri(SSB.Milestone))
        self.add(node, SSB.milestoneKind, _iri(SSB[fact.kind]))
        self.add(node, SSB.status, _iri(SSB[fact.status]))
        if fact.start_year is not None:
            self.add(node, SSB.startYear, _literal(fact.start_year, XSD.integer))
        if fact.end_year is not None:
            self.add(node, SSB.endYear, _literal(fact.end_year, XSD.integer))
        self.add(node, SSB.onDate, _literal(fact.on_date, XSD.date) if fact.on_date else None)
        if fact.concerns:
            self.add(node, SSB.concerns, self.resolve(fact.concerns, claim))
        name = self.registry[fact.subject].name if fact.subject in self.registry else fact.subject
        self.add(node, RDFS.label, _literal(milestone_label(name, fact)))
        return node

    def resolve(self, identifier: str, claim: Claim) -> str:
        if identifier in self.registry:
            return _iri(entity_iri(identifier))
        if identifier in self.vocabulary.chemistry:
            return _iri(CHEM[identifier])
        raise DataError(f"{claim.origin}: unknown entity or chemistry {identifier!r}")


def quantity_label(fact: Measurement) -> str:
    """A short human label such as '> 400 Wh/kg' or '330-400 Wh/kg (2024)'."""
    if fact.value is not None:
        prefix = "" if fact.comparator == "=" else f"{fact.comparator} "
        text = f"{prefix}{_plain(fact.value)} {fact.unit}"
    elif fact.lower is not None and fact.upper is not None:
        text = f"{_plain(fact.lower)}-{_plain(fact.upper)} {fact.unit}"
    elif fact.lower is not None:
        text = f">= {_plain(fact.lower)} {fact.unit}"
    else:
        text = f"<= {_plain(fact.upper)} {fact.unit}"
    return f"{text} ({fact.year})" if fact.year else text


def milestone_label(subject_name: str, fact: MilestoneFact) -> str:
    kind = re.sub(r"(?<!^)(?=[A-Z])", " ", fact.kind).lower()
    if fact.on_date:
        when = fact.on_date.isoformat()
    elif fact.start_year is None and fact.end_year is None:
        when = "(date not stated)"
    elif fact.start_year != fact.end_year:
        when = "-".join(str(y) for y in (fact.start_year, fact.end_year) if y is not None)
    else:
        when = str(fact.start_year)
    status = re.sub(r"(?<!^)(?=[A-Z])", " ", fact.status).lower()
    return f"{subject_name}: {kind} {when} ({status})"


def _digest(fact: object) -> str:
    return hashlib.sha256(repr(fact).encode("utf-8")).hexdigest()[:6]


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def _decimal(number: Decimal | None) -> str | None:
    return None if number is None else _literal(_plain(number), XSD.decimal)


def _text(value: str | None) -> str | None:
    return None if value in (None, "") else _literal(value)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
