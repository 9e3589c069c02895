"""`kg eval`: how well extraction reproduces the curated claims of the project's articles.

Every article of the manifest that has curated claims and is in the corpus is extracted with
the project's registry (nothing is written), and its extracted facts are compared with its
curated facts, article by article (facts.py says when two facts are the same). Reported:
precision, recall and F1 per relation type and for figures and milestones; the same for
relations at sentence level (the fact and its sentence); entity recall (of the entities the
curated claims name, how many the extractor recognised in that article); and the misses and
false positives themselves. Facts that name a candidate the extractor discovered cannot be in the
curated claims, which name registry entities only: they are counted apart, not scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataError
from kg.extraction.facts import fact_key, fact_text, fact_type
from kg.project import Project


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Evaluation:
    articles: list[str]
    per_type: dict[str, Score]
    relations: Score
    relations_by_sentence: Score
    quantities: Score
    milestones: Score
    entities_found: int
    entities_total: int
    misses: list[tuple[str, str]] = field(default_factory=list)  # (source, fact)
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    missed_entities: list[tuple[str, str]] = field(default_factory=list)
    about_candidates: int = 0  # extracted facts naming a new candidate: not scored

    @property
    def entity_recall(self) -> float:
        return self.entities_found / self.entities_total if self.entities_total else 0.0


def evaluate(project: Project, corpus: Path, min_confidence: float = 0.0) -> Evaluation:
    """Extract the curated articles found in `corpus` and compare with their curated claims."""
    from kg.claims import load_claims, parse_claims_document
    from kg.extraction.lexicon import build_lexicon
    from kg.extraction.pipeline import Extractor
    from kg.registry import load_registry
    from kg.sources import load_sources, read_article

    sources = load_sources(project.sources_file)
    curated = [c for c in load_claims(project.claims_dir) if c.method == "Curated"]
    by_source: dict[str, list] = {}
    for claim in curated:
        by_source.setdefault(claim.locator.source, []).append(claim)
    chosen = sorted(s for s in by_source if s in sources and (corpus / sources[s].file).is_file())
    if not chosen:
        raise DataError(f"no article with curated claims is in {corpus}")
    extractor = Extractor(build_lexicon(load_registry(project.entities_file), project.ontology))
    result = Evaluation(chosen, {}, Score(), Score(), Score(), Score(), 0, 0)
    for source_id in chosen:
        source = sources[source_id]
        extraction = extractor.extract(read_article(corpus, source), source.file, source.date)
        document = {
            "source": source_id,
            "method": "Extracted",
            "sentences": [
                {
                    "sentence": s.index,
                    "span": [s.start, s.end],
                    "sha256": s.sha256,
                    "claims": [c for c in s.claims if c.get("confidence", 1) >= min_confidence],
                }
                for s in extraction.sentences
            ],
        }
        extracted = parse_claims_document(document, source_id)
        # facts about new candidates cannot be in the curated claims (they name registry ids only)
        new_names = {c.id for c in extraction.candidates}
        about_new = [c for c in extracted if _entities_of(c) & new_names]
        result.about_candidates += len(about_new)
        extracted = [c for c in extracted if c not in about_new]
        _compare(result, source_id, by_source[source_id], extracted)
        named = {x for c in by_source[source_id] for x in _entities_of(c)}
        seen = extraction.entities | {x for c in extracted for x in _entities_of(c)}
        result.entities_total += len(named)
        result.entities_found += len(named & seen)
        result.missed_entities += [(source_id, e) for e in sorted(named - seen)]
    return result


def _compare(result: Evaluation, source_id: str, curated: list, extracted: list) -> None:
    gold = {fact_key(c.fact): c.fact for c in curated}
    found = {fact_key(c.fact): c.fact for c in extracted}
    # in a stable order, so that the misses and false positives print the same way every run
    for key in sorted(gold.keys() | found.keys(), key=lambda k: fact_text(gold.get(k) or found[k])):
        fact = gold.get(key) or found[key]
        kind = fact_type(fact)
        score = result.per_type.setdefault(kind, Score())
        if key in gold and key in found:
            score.tp += 1
        elif key in gold:
            score.fn += 1
            result.misses.append((source_id, fact_text(fact)))
        else:
            score.fp += 1
            result.false_positives.append((source_id, fact_text(fact)))
        bucket = (
            result.quantities
            if kind == "hasQuantity"
            else result.milestones
            if kind == "hasMilestone"
            else result.relations
        )
        bucket.add(Score(int(key in gold and key in found), int(key not in gold), int(key not in found)))
    gold_s = {
        (c.locator.sentence, fact_key(c.fact))
        for c in curated
        if fact_type(c.fact) not in ("hasQuantity", "hasMilestone")
    }
    found_s = {
        (c.locator.sentence, fact_key(c.fact))
        for c in extracted
        if fact_type(c.fact) not in ("hasQuantity", "hasMilestone")
    }
    result.relations_by_sentence.add(
        Score(len(gold_s & found_s), len(found_s - gold_s), len(gold_s - found_s))
    )


def _entities_of(claim) -> set[str]:
    fact = claim.fact
    ids = {fact.subject}
    if hasattr(fact, "object"):
        ids.add(fact.object)
    if getattr(fact, "concerns", None):
        ids.add(fact.concerns)
    return ids
