"""Sentence locators: find them for curators, and check them against the articles.

Curators write the sentence index of each fact; `fill_locators` adds the span and SHA-256 so
the fact can be traced without the sentence being stored. `verify_locators` re-reads the
corpus and reports every locator whose span or hash no longer matches.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.claims import Claim
from kg.errors import DataError
from kg.sentences import Sentence, split_sentences
from kg.sources import Source, read_article


def article_sentences(corpus: Path, source: Source) -> tuple[str, list[Sentence]]:
    text = read_article(corpus, source)
    return text, split_sentences(text)


def verify_locators(claims: list[Claim], sources: dict[str, Source], corpus: Path) -> list[str]:
    """Problems found, one line each; an empty list means every locator resolves."""
    problems: list[str] = []
    cache: dict[str, tuple[str, list[Sentence]]] = {}
    for claim in claims:
        loc = claim.locator
        source = sources.get(loc.source)
        if source is None:
            problems.append(f"{loc.origin}: unknown source {loc.source!r}")
            continue
        if loc.source not in cache:
            try:
                cache[loc.source] = article_sentences(corpus, source)
            except DataError as exc:
                cache[loc.source] = ("", [])
                problems.append(str(exc))
        text, sentences = cache[loc.source]
        if not text:
            continue
        if not 0 <= loc.sentence < len(sentences):
            problems.append(
                f"{loc.origin}: sentence {loc.sentence} does not exist (article has {len(sentences)})"
            )
            continue
        expected = sentences[loc.sentence]
        if (expected.start, expected.end) != (loc.start, loc.end):
            problems.append(
                f"{loc.origin}: span {loc.start}..{loc.end} but sentence {loc.sentence} "
                f"is at {expected.start}..{expected.end}"
            )
        elif expected.sha256(text) != loc.sha256:
            problems.append(f"{loc.origin}: sentence {loc.sentence} hash does not match")
    return sorted(set(problems))


def fill_locators(paths: list[Path], sources: dict[str, Source], corpus: Path) -> dict[Path, int]:
    """Set span and sha256 of every sentence entry in claims files from its index.

    Returns how many entries changed in each file. The files are rewritten in canonical form, all
    of them or none: one that fails (a sentence that does not exist) leaves every file as it was.
    """
    from kg.atomic import write_all_atomic
    from kg.claims_file import dump_claims_document

    documents, changed = {}, {}
    for path in paths:
        documents[path], changed[path] = _located(path, sources, corpus)
    write_all_atomic({path: dump_claims_document(document) for path, document in documents.items()})
    return changed


def _located(path: Path, sources: dict[str, Source], corpus: Path) -> tuple[dict[str, Any], int]:
    from kg.yamlio import read_yaml

    document = read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("sentences") or [], list):
        raise DataError(f"{path}: not a claims file (a mapping with source and a list of sentences)")
    source = sources.get(str(document.get("source")))
    if source is None:
        raise DataError(f"{path}: unknown source {document.get('source')!r}")
    text, sentences = article_sentences(corpus, source)
    changed = 0
    for entry in document.get("sentences") or []:
        index = entry.get("sentence") if isinstance(entry, dict) else None
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(sentences):
            raise DataError(f"{path}: sentence {index!r} does not exist (article has {len(sentences)})")
        sentence = sentences[index]
        located = {"span": [sentence.start, sentence.end], "sha256": sentence.sha256(text)}
        if any(entry.get(k) != v for k, v in located.items()):
            entry.update(located)
            changed += 1
    return document, changed
