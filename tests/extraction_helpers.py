"""Shared helpers for the extraction tests: a lexicon over the newsroom registry, fact sets."""

from __future__ import annotations

from functools import cache

from kg.extraction.entities import EntityMatcher
from kg.extraction.lexicon import Lexicon, build_lexicon
from kg.extraction.pipeline import ArticleExtraction, Extractor
from kg.registry import load_registry

from .conftest import FIXTURES, REPO

NEWSROOM = FIXTURES / "newsroom"


@cache
def lexicon() -> Lexicon:
    """The newsroom registry (invented and real players, places) and the real chemistry scheme."""
    return build_lexicon(load_registry(NEWSROOM / "data" / "entities.yaml"), REPO / "ontology")


@cache
def matcher() -> EntityMatcher:
    return EntityMatcher(lexicon())


@cache
def extractor() -> Extractor:
    return Extractor(lexicon())


def relations_of(extraction: ArticleExtraction) -> set[tuple[str, str, str]]:
    return {(c["s"], c["p"], c["o"]) for s in extraction.sentences for c in s.claims if "p" in c}


def claims_of(extraction: ArticleExtraction, key: str) -> list[dict]:
    return [c for s in extraction.sentences for c in s.claims if key in c]
