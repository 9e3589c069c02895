"""The extraction's files: pending claims are written in the canonical claims-file form."""

from datetime import date

import pytest

from kg.claims_file import dump_claims_document
from kg.extraction.store import dump_claims, registry_line

from .extraction_helpers import NEWSROOM, extractor


def test_the_fast_writer_gives_the_canonical_text_on_real_extractions():
    for path in sorted((NEWSROOM / "corpus").iterdir()):
        result = extractor().extract(path.read_text(), path.name)
        sentences = [
            {"sentence": s.index, "span": [s.start, s.end], "sha256": s.sha256, "claims": list(s.claims)}
            for s in result.sentences
        ]
        document = {"source": path.stem, "method": "Extracted", "sentences": sentences}
        assert dump_claims(path.stem, sentences) == dump_claims_document(document)


@pytest.mark.parametrize(
    "claim",
    [
        {"s": "a", "p": "partnersWith", "o": "b", "note": "quotes ' and \" and: colons, commas {braces}"},
        {"s": "a", "quantity": "TestTemperature", "value": -20, "unit": "°C", "comparator": "<="},
        {"s": "a", "milestone": "Founding", "date": date(2020, 7, 30), "status": "Achieved"},
        {
            "s": "007",
            "quantity": "CellCapacity",
            "value": 0.5,
            "unit": "Ah",
            "confidence": 0.65,
            "rule": "x-y",
        },
    ],
)
def test_awkward_values_are_quoted_as_pyyaml_would(claim):
    sentences = [{"sentence": 3, "span": [10, 20], "sha256": "ab" * 32, "claims": [claim]}]
    assert dump_claims("001", sentences) == dump_claims_document(
        {"source": "001", "method": "Extracted", "sentences": sentences}
    )
    assert dump_claims("001", []) == dump_claims_document(
        {"source": "001", "method": "Extracted", "sentences": []}
    )


def test_an_accepted_candidate_is_one_registry_line():
    line = registry_line(
        {
            "id": "aurelion-lithium",
            "name": "Aurelion Lithium Co., Ltd.",
            "types": ["MiningCompany", "MaterialSupplier"],
            "aliases": ["Aurelion"],
        }
    )
    assert line == (
        '- {id: aurelion-lithium, name: "Aurelion Lithium Co., Ltd.", '
        "types: [MiningCompany, MaterialSupplier], "
        'aliases: ["Aurelion"]}\n'
    )
