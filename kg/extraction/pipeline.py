"""Run the extraction stages on one article and return plain data.

    raw text --normalise--> clean text with offsets --sentences--> sentences with locators
    per sentence: entities (+ discovered candidates, descriptions, anaphors)
                  -> relations, quantities, milestones
    -> claims in the claims-file form (data/README.md), and candidate entities

An `Extractor` is built once from a project's lexicon and reused for every article (it holds
the compiled matcher). `extract` is a pure function of the article and the lexicon: the same
input always gives the same claims in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kg.extraction import claim_form, discovery, implied, quantities, references, relations
from kg.extraction import milestones as milestones_stage
from kg.extraction.entities import EntityMatcher, Mention
from kg.extraction.lexicon import EntityInfo, Lexicon, name_key, slug
from kg.extraction.normalise import detect_format, normalise
from kg.extraction.sentences import ArticleSentence, article_sentences

MIN_FACT_CONFIDENCE = 0.0  # every fact is proposed; review filters by confidence


@dataclass(frozen=True)
class ExtractedSentence:
    """The facts one sentence states, in the claims-file form, with the sentence's locator."""

    index: int
    start: int
    end: int
    sha256: str
    claims: tuple[dict[str, Any], ...]


@dataclass
class CandidateEntity:
    """An entity the registry does not know yet, proposed for review."""

    id: str
    name: str
    types: tuple[str, ...]
    aliases: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    confidence: float = 0.5
    sentences: list[int] = field(default_factory=list)


@dataclass
class ArticleExtraction:
    sentences: list[ExtractedSentence]
    candidates: list[CandidateEntity]
    entities: set[str]  # every entity recognised in the article (for entity recall)

    @property
    def claim_count(self) -> int:
        return sum(len(s.claims) for s in self.sentences)


class Extractor:
    """The stages, ready to run on any number of articles."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.matcher = EntityMatcher(lexicon)
        self.descriptions = references.descriptions(lexicon, self.matcher)
        self.owned: dict[str, dict[str, str]] = {}  # organisation -> head noun -> its product
        for d in self.descriptions:
            if d.category == "product" and len(d.owners) == 1:
                self.owned.setdefault(next(iter(d.owners)), {}).setdefault(d.head, d.entity)
        names: dict[str, list[str]] = {}
        for name in lexicon.names:
            names.setdefault(name.entity, []).append(name.text)
        self.makers = relations.vehicle_makers(lexicon.entities, names)
        self.governments = implied.governments(lexicon.entities, names)
        self.known_keys = {name_key(n.text): n.entity for n in lexicon.names}

    def extract(self, raw: str, file_name: str = "", article_date: date | None = None) -> ArticleExtraction:
        normalised = normalise(raw, detect_format(file_name, raw))
        sentences = article_sentences(raw, normalised)
        return _Article(self, sentences, article_date).run()


class _Article:
    """The state of one article's extraction: mentions, candidates, the discourse so far."""

    def __init__(self, extractor: Extractor, sentences: list[ArticleSentence], article_date: date | None):
        self.x = extractor
        self.sentences = sentences
        self.date = article_date
        self.entities: dict[str, EntityInfo] = dict(extractor.lexicon.entities)
        self.candidates: dict[str, CandidateEntity] = {}
        self.recent: dict[str, list[str]] = {}
        self.seen: set[str] = set()
        self.types: dict[str, tuple[str, ...]] | None = None  # entity -> classes, for anaphors
        self.makers: dict[str, str] = dict(extractor.makers)  # vehicle -> maker, candidates' included

    def run(self) -> ArticleExtraction:
        mentions = [self.x.matcher.find(s.text) for s in self.sentences]
        self._discover(mentions)
        if self.candidates:
            mentions = self._with_candidates(mentions)
            if self._discover_vehicles(mentions):  # "Tamsin Rove": a model of a carmaker found just now
                mentions = self._with_candidates([self.x.matcher.find(s.text) for s in self.sentences])
        owners_in_article: dict[str, int] = {}
        for found_here in mentions:
            for m in found_here:
                if m.category == "org":
                    owners_in_article[m.entity] = owners_in_article.get(m.entity, 0) + 1
        out = []
        for sentence, found in zip(self.sentences, mentions, strict=True):
            claims = self._sentence(sentence, found, owners_in_article)
            if claims:
                out.append(
                    ExtractedSentence(
                        sentence.index, sentence.start, sentence.end, sentence.sha256, tuple(claims)
                    )
                )
        self._refine_roles(out)
        return ArticleExtraction(out, sorted(self.candidates.values(), key=lambda c: c.id), self.seen)

    def _refine_roles(self, sentences: list[ExtractedSentence]) -> None:
        """A candidate that supplies or makes a material is a material supplier, whatever its name says."""
        makes = {}
        for s in sentences:
            for c in s.claims:
                if c.get("p") in ("supplies", "produces") and self.entities.get(c["o"]) is not None:
                    makes.setdefault(c["s"], set()).add(c["o"])
        operators = {c["s"]: c["o"] for s in sentences for c in s.claims if c.get("p") == "operates"}
        for record in self.candidates.values():
            made = makes.get(record.id, set()) | makes.get(operators.get(record.id, ""), set())
            material = any(
                self.entities[m].chem_group in ("material", "electrolyte") for m in made if m in self.entities
            )
            if (
                material
                and "MaterialSupplier" not in record.types
                and set(record.types) & {"Company", "BatteryMaker"}
            ):
                record.types = tuple(sorted({*record.types, "MaterialSupplier"} - {"Company"}))

    # --- candidates

    def _discover(self, mentions: list[list[Mention]]) -> None:
        for sentence, found in zip(self.sentences, mentions, strict=True):
            for candidate in discovery.discover(sentence.text, found, self.entities):
                self._propose(candidate, sentence.index)
        # a one-word candidate that starts a longer one is the same organisation ("Tamsin", "Tamsin Motor")
        for key, single in list(self.candidates.items()):
            if " " in single.name or "Vehicle" in single.types:
                continue
            longer = [
                c
                for c in self.candidates.values()
                if c is not single and c.name.split()[0] == single.name and "Vehicle" not in c.types
            ]
            if len(longer) == 1:
                longer[0].aliases.append(single.name)
                longer[0].cues.extend(single.cues)
                longer[0].sentences.extend(single.sentences)
                del self.candidates[key]

    def _discover_vehicles(self, mentions: list[list[Mention]]) -> bool:
        found = False
        for sentence, here in zip(self.sentences, mentions, strict=True):
            makers = [
                m for m in here if m.origin == "candidate" and "Automaker" in self.entities[m.entity].types
            ]
            if not makers:
                continue
            for candidate in discovery.discover(sentence.text, here, self.entities):
                if "Vehicle" in candidate.types and self._propose(candidate, sentence.index):
                    found = True
        return found

    def _propose(self, candidate: discovery.Candidate, sentence: int) -> CandidateEntity | None:
        key = candidate.key
        if not key or key in self.x.known_keys:
            return None
        record = self.candidates.get(key)
        if record is None:
            identifier = slug(discovery.strip_legal_suffix(candidate.name))
            while identifier in self.entities:
                identifier += "-new"
            record = CandidateEntity(
                identifier, candidate.name, candidate.types, confidence=candidate.confidence
            )
            self.candidates[key] = record
            self.entities[identifier] = EntityInfo(
                identifier, candidate.name, candidate.types, _category(candidate.types), pending=True
            )
        elif record.types == ("Company",) and candidate.types != ("Company",):
            record.types = candidate.types
            self.entities[record.id] = EntityInfo(
                record.id, record.name, candidate.types, _category(candidate.types), pending=True
            )
        for alias in candidate.aliases:
            if alias != record.name and alias not in record.aliases:
                record.aliases.append(alias)
        if candidate.cue not in record.cues:
            record.cues.append(candidate.cue)
        record.confidence = min(
            0.95, max(record.confidence, candidate.confidence) + 0.05 * (len(record.cues) - 1)
        )
        if sentence not in record.sentences:
            record.sentences.append(sentence)
        if candidate.owner and "Vehicle" in record.types:
            self.makers[record.id] = candidate.owner  # "Tamsin Rove" is made by Tamsin
        return record

    def _with_candidates(self, mentions: list[list[Mention]]) -> list[list[Mention]]:
        local = Lexicon(entities=self.entities)
        for record in self.candidates.values():
            for text in [record.name, *record.aliases]:
                local.add_name(text, record.id, "candidate")
            short = discovery.strip_legal_suffix(record.name)
            if short != record.name:
                local.add_name(short, record.id, "candidate")
            first = short.split()[0]
            if " " in short and _distinctive(first) and name_key(first) not in self.x.known_keys:
                local.add_name(first, record.id, "candidate")  # "Korvath" for "Korvath Motor"
        matcher = EntityMatcher(local)
        return [
            references.merge_mentions(found, matcher.find(s.text))
            for s, found in zip(self.sentences, mentions, strict=True)
        ]

    # --- one sentence

    def _sentence(
        self, sentence: ArticleSentence, mentions: list[Mention], owners_in_article: dict[str, int]
    ) -> list[dict]:
        text = sentence.text
        owners_here = {m.entity for m in mentions if m.category == "org"}
        possessor = references.sentence_subject(text, mentions) or self._salient()
        if references.POSSESSIVE.search(text) and possessor:
            owners_here.add(
                possessor
            )  # "its new sulfide cell": the subject's, or the article's main player's
        described = references.describe(text, mentions, self.x.descriptions, owners_here, owners_in_article)
        facts: list[dict] = []
        facts += implied.described_facts(described, mentions)
        facts += implied.chemistry_in_names(self.x.matcher, text, mentions)
        in_names, named = implied.organisations_in_names(self.x.matcher, text, mentions)
        facts += in_names
        self.seen |= named
        mentions = references.merge_mentions(mentions, described)
        if self.types is None or len(self.types) != len(self.entities):
            self.types = {e: i.types for e, i in self.entities.items()}
        mentions = references.merge_mentions(
            mentions, references.anaphors(text, mentions, self.recent, self.types, self.x.owned)
        )
        mentions = self._facilities(sentence, mentions, facts)
        self.seen.update(m.entity for m in mentions if m.origin != "anaphor" and "+" not in m.entity)
        subject = references.sentence_subject(text, mentions)
        context = {"subject": subject or self._salient()}
        found = relations.find_relations(text, mentions, self.entities, context)
        found += relations.structural_relations(text, mentions, self.entities, self.makers)
        found += implied.implied_relations(found, self.entities, self.makers, self.x.governments)
        facts += [claim_form.relation_claim(r) for r in found]
        for q in quantities.find_quantities(text, mentions, self.entities, subject):
            facts.append(claim_form.quantity_claim(q))
        makers = {**self.makers, **{r.object: r.subject for r in found if r.predicate == "manufactures"}}
        for ms in milestones_stage.find_milestones(text, mentions, self.entities, self.date, subject, makers):
            facts.append(claim_form.milestone_claim(ms))
        self._remember(mentions, found, subject)
        return claim_form.unique(facts)

    def _facilities(
        self, sentence: ArticleSentence, mentions: list[Mention], facts: list[dict]
    ) -> list[Mention]:
        """Plants and lines named only by their place become candidates, with operator and place."""
        if any(m.category == "line" for m in mentions):
            return mentions
        owner = references.sentence_subject(sentence.text, mentions) or self._salient()
        if owner is None or self.entities.get(owner) is None or self.entities[owner].category != "org":
            return mentions
        for candidate in discovery.facilities(sentence.text, mentions, self.entities):
            owner_name = self.entities[owner].name
            candidate.name = f"{discovery.strip_legal_suffix(owner_name)} {candidate.name}"
            record = self._propose(candidate, sentence.index)
            if record is None:
                continue
            facts.append(
                {
                    "s": owner,
                    "p": "operates",
                    "o": record.id,
                    "modality": "Implied",
                    "confidence": 0.6,
                    "rule": "facility-of-subject",
                }
            )
            facts.append(
                {
                    "s": record.id,
                    "p": "locatedIn",
                    "o": candidate.place,
                    "confidence": 0.7,
                    "rule": "facility-place",
                }
            )
            mention = Mention(candidate.start, candidate.end, record.id, "line", "candidate")
            mentions = references.merge_mentions(
                [m for m in mentions if m.category != "place"], [mention]
            ) + [
                m for m in mentions if m.category == "place" and not (mention.start <= m.start < mention.end)
            ]
            mentions.sort(key=lambda m: m.start)
        return mentions

    def _salient(self) -> str | None:
        """The organisation the article has named most so far (the latest of equals)."""
        orgs = self.recent.get("org", [])
        if not orgs:
            return None
        counts: dict[str, int] = {}
        for org in orgs:
            counts[org] = counts.get(org, 0) + 1
        return max(reversed(orgs), key=lambda o: counts[o])

    def _remember(
        self, mentions: list[Mention], found: list[relations.FoundRelation], subject: str | None
    ) -> None:
        for m in mentions:
            for entity in m.entity.split("+"):
                category = self.entities.get(entity).category if entity in self.entities else None
                if category in ("org", "line", "vehicle", "product"):
                    self.recent.setdefault(category, []).append(entity)
        topic = subject or next(
            (m.entity for m in mentions if m.category in ("line", "product") and "+" not in m.entity), None
        )
        if topic:
            self.recent.setdefault("subject", []).append(topic)
        for r in found:
            self.recent.setdefault(f"{r.predicate}.s", []).append(r.subject)
            self.recent.setdefault(f"{r.predicate}.o", []).append(r.object)


def _distinctive(word: str) -> bool:
    """Can a company's first word stand for it later in the article ("Korvath" for "Korvath Motor")?"""
    return len(word) >= 4 and word[0].isupper() and word.isalpha() and word not in discovery.NOT_NAMES


def _category(types: tuple[str, ...]) -> str:
    from kg.extraction.lexicon import category_of

    return category_of(types)
