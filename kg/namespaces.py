"""Every IRI the project mints or reuses, in one place.

The ssb-kg terms are a closed namespace: using a term that is not declared here is an
AttributeError, and `tests/test_ontology.py` checks that the ontology defines exactly these
terms. Instance IRIs are built by the `*_iri` helpers so that they are stable and never
hand-typed.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, VANN, VOID, XSD, DefinedNamespace

BASE = "https://w3id.org/ssb-kg/"

SCHEMA = Namespace("https://schema.org/")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
CUR = Namespace("http://qudt.org/vocab/currency/")
SSBUNIT = Namespace(BASE + "unit/")  # units QUDT lacks, e.g. yuan per watt-hour
CHEM = Namespace(BASE + "chemistry/")  # the chemistry concept scheme
ID = Namespace(BASE + "id/")  # entities of the registry
CLAIM = Namespace(BASE + "claim/")
SOURCE = Namespace(BASE + "source/")
PUBLISHER = Namespace(BASE + "publisher/")
MILESTONE = Namespace(BASE + "milestone/")
QUANTITY = Namespace(BASE + "quantity/")
GRAPH = Namespace(BASE + "graph/")  # named graphs in TriG exports
SHAPE = Namespace(BASE + "shapes#")  # SHACL shapes
ONTOLOGY = URIRef(BASE + "ontology")  # the ontology itself: its version, licence, title


class SSB(DefinedNamespace):
    """The ssb-kg ontology: https://w3id.org/ssb-kg/ontology#"""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # --- classes: organisations and their roles
    Company: URIRef
    Automaker: URIRef
    BatteryMaker: URIRef
    MaterialSupplier: URIRef
    EquipmentMaker: URIRef
    MiningCompany: URIRef
    ResearchInstitute: URIRef
    GovernmentBody: URIRef
    Consortium: URIRef
    Person: URIRef
    Publisher: URIRef
    # --- classes: things of the industry
    Chemistry: URIRef
    BatteryProduct: URIRef
    ProcessTechnology: URIRef
    ProductionLine: URIRef
    Vehicle: URIRef
    Policy: URIRef
    Place: URIRef
    # --- classes: dated and measured statements
    Milestone: URIRef
    MilestoneKind: URIRef
    Status: URIRef
    Quantity: URIRef
    QuantityKind: URIRef
    # --- classes: provenance
    Article: URIRef
    Claim: URIRef
    Method: URIRef
    Modality: URIRef

    # --- relations: partnership
    partnersWith: URIRef
    coDevelopsWith: URIRef
    jointVentureOf: URIRef
    hasJointVenture: URIRef
    investsIn: URIRef
    licensesTo: URIRef
    subsidiaryOf: URIRef
    hasSubsidiary: URIRef
    memberOf: URIRef
    hasMember: URIRef
    participatesIn: URIRef
    affiliatedWith: URIRef
    # --- relations: supply
    suppliesTo: URIRef
    suppliedBy: URIRef
    supplies: URIRef
    # --- relations: chemistry and technology
    pursuesRoute: URIRef
    usesChemistry: URIRef
    usesProcess: URIRef
    develops: URIRef
    developedBy: URIRef
    requiresMaterial: URIRef
    complements: URIRef
    # --- relations: production
    operates: URIRef
    operatedBy: URIRef
    produces: URIRef
    producedBy: URIRef
    locatedIn: URIRef
    country: URIRef
    partOf: URIRef
    # --- relations: vehicles
    manufactures: URIRef
    manufacturedBy: URIRef
    poweredBy: URIRef
    powers: URIRef
    # --- relations: policy
    issuedBy: URIRef
    issues: URIRef
    appliesIn: URIRef
    supports: URIRef
    # --- milestones
    hasMilestone: URIRef
    milestoneOf: URIRef
    milestoneKind: URIRef
    concerns: URIRef
    status: URIRef
    startYear: URIRef
    endYear: URIRef
    onDate: URIRef
    # --- quantities
    hasQuantity: URIRef
    quantityOf: URIRef
    quantityKind: URIRef
    lowerValue: URIRef
    upperValue: URIRef
    comparator: URIRef
    referenceYear: URIRef
    # --- sources and claims
    sha256: URIRef
    fileName: URIRef
    dateNote: URIRef
    method: URIRef
    modality: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    sentenceSha256: URIRef
    confidence: URIRef
    extractionRule: URIRef
    # --- the graph's description of itself (VoID)
    claimCount: URIRef
    connectionCount: URIRef
    connectionClaimCount: URIRef
    connectionRank: URIRef

    # --- individuals: milestone kinds
    ResearchStart: URIRef
    PrototypeVehicle: URIRef
    VehicleTest: URIRef
    PilotProduction: URIRef
    LineCompletion: URIRef
    ProductionStart: URIRef
    MassProduction: URIRef
    ProductLaunch: URIRef
    VehicleLaunch: URIRef
    DemonstrationProject: URIRef
    Commercialisation: URIRef
    Founding: URIRef
    PolicyLaunch: URIRef
    # --- individuals: statuses
    Announced: URIRef
    Planned: URIRef
    UnderConstruction: URIRef
    TrialProduction: URIRef
    Operational: URIRef
    Achieved: URIRef
    # --- individuals: quantity kinds
    GravimetricEnergyDensity: URIRef
    VolumetricEnergyDensity: URIRef
    RelativeEnergyDensity: URIRef
    DrivingRange: URIRef
    RoadTestDistance: URIRef
    CellCapacity: URIRef
    ProductionCapacity: URIRef
    ChargeTime: URIRef
    IonicConductivity: URIRef
    InterfaceResistance: URIRef
    TestTemperature: URIRef
    CapacityRetention: URIRef
    RangeLoss: URIRef
    ProductionCost: URIRef
    CostRatio: URIRef
    MaterialCost: URIRef
    VehiclePrice: URIRef
    FundingAmount: URIRef
    InvestmentVolume: URIRef
    InvestmentShare: URIRef
    MarketShare: URIRef
    SalesVolume: URIRef
    SalesChange: URIRef
    EnergySaving: URIRef
    RiskReduction: URIRef
    DevelopmentTime: URIRef
    SystemVoltage: URIRef
    PackEnergy: URIRef
    ConsumerShare: URIRef
    # --- individuals: how a claim was obtained and how strongly it is stated
    Curated: URIRef
    Extracted: URIRef
    Explicit: URIRef
    Implied: URIRef


def entity_iri(entity_id: str) -> URIRef:
    """IRI of a registry entity (company, person, product, line, vehicle, policy, place)."""
    return ID[entity_id]


def chemistry_iri(concept_id: str) -> URIRef:
    return CHEM[concept_id]


def source_iri(source_id: str) -> URIRef:
    return SOURCE[source_id]


def claim_iri(claim_id: str) -> URIRef:
    return CLAIM[claim_id]


def property_partition_iri(predicate: str) -> URIRef:
    """IRI of the VoID property partition of the data graph for one predicate (kg/description.py).

    Named after the predicate's prefixed name, "ssb:partnersWith" -> .../graph/data-property-ssb-partnersWith.
    """
    for prefix, namespace in PREFIXES.items():
        if predicate.startswith(str(namespace)):
            return GRAPH[f"data-property-{prefix}-{predicate[len(str(namespace)) :]}"]
    raise ValueError(f"{predicate} is in none of the project's namespaces")


PREFIXES: dict[str, Namespace | str] = {
    "ssb": SSB._NS,
    "chem": CHEM,
    "id": ID,
    "claim": CLAIM,
    "source": SOURCE,
    "publisher": PUBLISHER,
    "milestone": MILESTONE,
    "quantity": QUANTITY,
    "ssbunit": SSBUNIT,
    "graph": GRAPH,
    "shape": SHAPE,
    "schema": SCHEMA,
    "qudt": QUDT,
    "unit": UNIT,
    "cur": CUR,
    "prov": PROV,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
    "vann": VANN,
    "void": VOID,
}


def sparql_prefixes() -> dict[str, str]:
    """The project's prefixes as pyoxigraph's parser takes them: a query needs no PREFIX lines."""
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
