/**
 * The matching engine: sentences in, findings out. Pure and deterministic.
 *
 * For each sentence: find entities and frame words; retrieve the facts whose frame words or
 * entities occur (an inverted index, so the cost per sentence does not grow with the pack);
 * keep the facts whose whole frame holds; compare details; decide. Silence is the default: a
 * sentence gets a mark only when a frame holds, and "differs" only when a detail conflicts.
 */
import type { Entity, Fact, FactPack, Source } from '../facts/schema';
import { compareFact, type FactComparison, type SentenceDetails } from './compare';
import { extractDates, parseIsoDate } from './dates';
import { extractDurations, extractOrdinals, findNegations, splitClauses, type Clause } from './details';
import { buildEntityIndex, type EntityIndex, type EntityMention } from './entities';
import { explain } from './explain';
import { buildVocabulary, compileFrame, matchFrame, type CompiledFrame, type Vocabulary } from './frames';
import { fold, tokenize, type Token } from './normalize';
import { extractFigures } from './numbers';
import { segmentSentences } from './segment';
import type { FactRef, Finding, SentenceSpan, SourceRef, Verdict } from './types';

export interface CheckOptions {
  /** ISO date of the text (article date), so that relative dates and as-of rules can apply. */
  textDate?: string;
}

export interface Matcher {
  readonly packVersion: string;
  /** Checks a whole text: segments it and returns findings with offsets into `text`. */
  checkText(text: string, options?: CheckOptions): Finding[];
  /** Checks given sentences; offsets are returned as given. */
  checkSentences(sentences: SentenceSpan[], options?: CheckOptions): Finding[];
  /** Terms for the topic gate: every entity spelling. */
  gateTerms(): string[];
}

/** A sentence longer than this is not prose a reader checks; its head is checked, no more. */
export const MAX_SENTENCE_LENGTH = 2_000;

interface IndexedFact {
  fact: Fact;
  frame: CompiledFrame;
  /** Which extractors its details need: most facts need one or none, and most sentences are spared the rest. */
  needs: Set<'figure' | 'date' | 'ordinal' | 'duration'>;
}

function needsOf(fact: Fact): IndexedFact['needs'] {
  const needs: IndexedFact['needs'] = new Set();
  for (const d of fact.details) {
    if (d.kind === 'number' || d.kind === 'percent' || d.kind === 'ratio') needs.add('figure');
    // A running total is judged against the sentence's dates (a later count is no conflict).
    if (d.kind === 'date' || (d.kind === 'number' && d.cumulative)) needs.add('date');
    if (d.kind === 'ordinal') needs.add('ordinal');
    if (d.kind === 'duration') needs.add('duration');
  }
  return needs;
}

export function createMatcher(pack: Pick<FactPack, 'version' | 'facts' | 'entities' | 'sources'>): Matcher {
  const entities = buildEntityIndex(pack.entities);
  const entityById = new Map<string, Entity>(pack.entities.map((e) => [e.id, e]));
  const sources = new Map<string, Source>(pack.sources.map((s) => [s.id, s]));
  const facts: IndexedFact[] = pack.facts.map((fact) => ({ fact, frame: compileFrame(fact), needs: needsOf(fact) }));
  const byKey = new Map<string, IndexedFact[]>();
  const index = (key: string, f: IndexedFact) => {
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  };
  // Each fact is indexed under one group that every match must contain: the most selective one,
  // the group whose keys the fewest facts share ("Latvia" among a thousand referral facts,
  // "refer" among facts about Belarus). A sentence then retrieves few candidates however large
  // the pack grows.
  const keyUse = new Map<string, number>();
  for (const f of facts) for (const group of f.frame.groupKeys) for (const key of group) keyUse.set(key, (keyUse.get(key) ?? 0) + 1);
  const cost = (group: string[]) => group.reduce((n, key) => n + (keyUse.get(key) ?? 0), 0);
  for (const f of facts) {
    const [best] = [...f.frame.groupKeys].filter((g) => g.length).sort((a, b) => cost(a) - cost(b));
    for (const key of best ?? []) index(key, f);
  }
  const vocabulary: Vocabulary = buildVocabulary(facts.flatMap((f) => f.frame.stems));
  const nameOf = (id: string) => (id === 'outlet' ? "the outlet's own reporting" : entities.nameOf(id));

  function checkSentence(span: SentenceSpan, textYear: number | undefined, textDate: string | undefined): Finding | null {
    const sentence = span.text.length > MAX_SENTENCE_LENGTH ? span.text.slice(0, MAX_SENTENCE_LENGTH) : span.text;
    const folded = fold(sentence);
    const tokens = tokenize(folded);
    if (!tokens.length) return null;
    const mentions = entities.find(tokens);
    const stemHits = vocabulary.hits(tokens);
    if (!mentions.length && !stemHits.size) return null;

    const entityTokens = new Map<string, number[]>();
    for (const m of mentions) {
      const list = entityTokens.get(m.entity);
      if (list) list.push(m.first);
      else entityTokens.set(m.entity, [m.first]);
    }
    const candidates = new Set<IndexedFact>();
    for (const id of entityTokens.keys()) for (const f of byKey.get(`@${id}`) ?? []) candidates.add(f);
    for (const s of stemHits.keys()) for (const f of byKey.get(s) ?? []) candidates.add(f);

    const matched: { f: IndexedFact; keywordTokens: number[]; allKeywords: number[] }[] = [];
    for (const f of candidates) {
      const m = matchFrame(f.frame, tokens, stemHits, entityTokens);
      if (m) matched.push({ f, keywordTokens: m.predicateTokens, allKeywords: m.keywordTokens });
    }
    if (!matched.length) return null;

    // A question or a conditional asks rather than claims: at most related.
    const asks = /\?\s*["'”)]*\s*$/.test(sentence) || /^\s*(?:if|whether|could|should|would|did|does|is|are|was|were|has|have)\b/.test(folded);

    const clauses = splitClauses(folded);
    const needs = new Set<string>();
    for (const { f } of matched) for (const n of f.needs) needs.add(n);
    const figures = needs.has('figure') ? extractFigures(folded) : [];
    const dates = needs.has('date') ? extractDates(folded, textDate) : [];
    const ordinals = needs.has('ordinal') ? extractOrdinals(folded) : [];
    const durations = needs.has('duration') ? extractDurations(folded) : [];
    const negations = findNegations(folded);
    const allEntities = new Set(entityTokens.keys());
    const sentenceYear = Math.max(textYear ?? 0, ...dates.map((d) => d.year ?? 0)) || undefined;

    const results: { fact: Fact; comparison: FactComparison; verdict: Verdict }[] = [];
    for (const { f, keywordTokens, allKeywords } of matched) {
      const scope = claimScope(f.frame, clauses, keywordTokens.map((i) => tokens[i]!), tokens, mentions, stemHits);
      if (!scope) continue;
      // Most claims are the whole sentence: nothing to filter then.
      const whole = scope.length === 1 && scope[0]!.start <= 0 && scope[0]!.end >= folded.length;
      const inScope = (x: { start: number; end: number }) => whole || scope.some((c) => x.start >= c.start && x.start < c.end);
      const within = <T extends { start: number; end: number }>(list: T[]): T[] => (whole ? list : list.filter(inScope));
      const details: SentenceDetails = {
        figures: within(figures),
        dates: within(dates),
        ordinals: within(ordinals),
        durations: within(durations),
        scopedEntities: within(mentions),
        allEntities,
        negated: negations.filter((n) => inScope(n) && governsClaim(n, allKeywords.map((i) => tokens[i]!), folded, tokens)).length % 2 === 1,
        sentence,
        folded,
        keywordStarts: keywordTokens.map((i) => tokens[i]!.start),
        textYear: sentenceYear,
      };
      const comparison = compareFact(f.fact, details, { nameOf, kindOf: entities.kindOf, related: entities.related, countryOf: entities.countryOf });
      results.push({ fact: f.fact, comparison, verdict: decide(f.fact, comparison, asks) });
    }

    overrideByCompatibleSiblings(results);
    return toFinding(span, results);
  }

  function decide(fact: Fact, c: FactComparison, asks: boolean): Verdict {
    if (asks) return 'related';
    if (c.conflicts.length === 1) return 'discrepancy';
    if (c.conflicts.length > 1) {
      // Two details off, one of them a date: most likely another event (another election,
      // another referral), not this claim told wrongly. Silence beats a wrong mark.
      if (c.conflicts.some((x) => x.kind === 'date')) return 'related';
      return 'discrepancy';
    }
    const comparable = fact.details.length > 0;
    if (c.supported > 0 || !comparable) return 'agree';
    return 'related';
  }

  function toFinding(span: SentenceSpan, results: { fact: Fact; comparison: FactComparison; verdict: Verdict }[]): Finding | null {
    const rank: Record<Verdict, number> = { discrepancy: 0, agree: 1, related: 2 };
    results.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.comparison.supported - a.comparison.supported || a.fact.id.localeCompare(b.fact.id));
    const best = results[0];
    if (!best) return null;
    const verdict = best.verdict;
    const sameVerdict = results.filter((r) => r.verdict === verdict);
    const sourceIds = new Set<string>();
    for (const r of sameVerdict) {
      sourceIds.add(r.fact.quote.source);
      for (const c of r.fact.corroborations) sourceIds.add(c.source);
    }
    const details = verdict === 'related' ? [] : best.comparison.details.filter((x) => x.kind !== 'polarity' || !x.compatible);
    if (verdict === 'discrepancy') {
      // "Poland referred Lukashenko to the ICC in October 2024" is wrong twice, against two
      // facts: the reader is told both.
      const seen = new Set(details.map((d) => `${d.kind}|${d.page}|${d.source}`));
      for (const r of sameVerdict.slice(1)) {
        for (const c of r.comparison.conflicts) {
          const key = `${c.kind}|${c.page}|${c.source}`;
          if (!seen.has(key)) {
            seen.add(key);
            details.push(c);
          }
        }
      }
    }
    const fact = factRef(best.fact);
    return {
      sentence: span.text,
      start: span.start,
      end: span.end,
      verdict,
      facts: results.map((r) => r.fact.id),
      sources: [...sourceIds].flatMap((id) => {
        const s = sources.get(id);
        return s ? [sourceRef(s)] : [];
      }),
      details,
      explanation: explain(verdict, best.fact, details, fact.assertedBy, sources.get(best.fact.quote.source)),
      fact,
    };
  }

  function factRef(f: Fact): FactRef {
    return {
      id: f.id,
      claim: f.claim,
      quote: f.quote.text,
      assertedBy: f.assertedBy === 'outlet' ? (sources.get(f.quote.source)?.publisher ?? 'the outlet') : (entityById.get(f.assertedBy)?.name ?? f.assertedBy),
      asOf: f.asOf,
      caveats: f.caveats,
      sourceId: f.quote.source,
    };
  }

  function sourceRef(s: Source): SourceRef {
    return { id: s.id, title: s.title, publisher: s.publisher, date: s.published, url: s.url, urlIsArticle: s.urlIsArticle };
  }

  function run(spans: SentenceSpan[], options: CheckOptions = {}): Finding[] {
    const textYear = options.textDate ? parseIsoDate(options.textDate).year : undefined;
    const out: Finding[] = [];
    for (const span of spans) {
      const f = checkSentence(span, textYear, options.textDate);
      if (f) out.push(f);
    }
    return out;
  }

  return {
    packVersion: pack.version,
    checkText: (text, options) => run(segmentSentences(text), options),
    checkSentences: run,
    gateTerms: () => entities.gateTerms(),
  };
}

/**
 * The clauses in which the claim is made, or null when the frame holds in none of them. The
 * main clause (every piece that is not an aside) when the claim's predicate stands there;
 * otherwise each aside holding the predicate, with the name just before it ("Belarus, which is
 * not a State Party": the aside speaks of Belarus). The whole frame must hold inside the chosen
 * clauses: in "Lithuania requested ... Belarus, which is not a State Party", "State Party"
 * speaks of Belarus, not of Lithuania. Appositives ("Karim Khan, the ICC's prosecutor,") help
 * the frame hold, though their details are not compared.
 */
function claimScope(
  frame: CompiledFrame,
  clauses: Clause[],
  predicate: Token[],
  tokens: Token[],
  mentions: EntityMention[],
  stemHits: Map<string, number[]>,
): { start: number; end: number }[] | null {
  const holds = (c: Clause) => predicate.some((t) => t.start >= c.start && t.start < c.end);
  const main = clauses.filter((c) => !c.aside);
  const options: { start: number; end: number }[][] = [];
  if (!predicate.length || main.some(holds)) options.push(main);
  for (const aside of clauses.filter((c) => c.aside && holds(c))) {
    const antecedent = [...mentions].reverse().find((m) => m.end <= aside.start);
    options.push(antecedent ? [aside, { start: antecedent.start, end: antecedent.end }] : [aside]);
  }
  const appositives = clauses.filter((c) => c.appositive);
  const whole = clauses.length === 1 && !clauses[0]!.aside;
  for (const scope of options) {
    if (whole) return scope;
    const frameScope = scope === main ? [...scope, ...appositives] : scope;
    const within = (x: { start: number }) => frameScope.some((c) => x.start >= c.start && x.start < c.end);
    const scopedHits = new Map<string, number[]>();
    for (const [stem, at] of stemHits) {
      const kept = at.filter((i) => within(tokens[i]!));
      if (kept.length) scopedHits.set(stem, kept);
    }
    const scopedEntities = new Map<string, number[]>();
    for (const m of mentions) if (within(m)) scopedEntities.set(m.entity, [...(scopedEntities.get(m.entity) ?? []), m.first]);
    if (matchFrame(frame, tokens, scopedHits, scopedEntities)) return scope;
  }
  return null;
}

/** Words a denial may stand before the claim's own words: "has not yet formally joined". */
const NEGATION_REACH = 5;

/**
 * Whether a denial bears on the claim: it stands shortly before one of the claim's keywords,
 * with no clause break and no other verb between ("Belarus is not a State Party", "refused to
 * investigate"; but not "had not responded to a request").
 */
function governsClaim(neg: { start: number; end: number; raw: string }, keywords: Token[], folded: string, tokens: Token[]): boolean {
  if (!keywords.length) return true;
  // "Neither Lithuania nor Poland has opened ...": the pair denies the whole clause.
  if (neg.raw === 'neither' && /^neither\b[^,;.]{1,80}\bnor\b/.test(folded.slice(neg.start))) return true;
  return keywords.some((k) => {
    if (k.start < neg.start) return false;
    const between = folded.slice(neg.end, k.start);
    if (/[,;:()]/.test(between)) return false;
    const words = tokens.filter((t) => t.start >= neg.end && t.end <= k.start);
    if (words.length > NEGATION_REACH) return false;
    return !words.some((t) => /(?:ed|ing)$/.test(t.word) && t.word.length > 4);
  });
}

/**
 * Two facts about the same thing can both match: "tens of thousands arrested" (2021) and "more
 * than 65,000 arrested" (2024). A page figure that fits one of them is not wrong because it
 * misses the other: a conflict is dropped when a sibling fact is compatible on the same detail.
 */
function overrideByCompatibleSiblings(results: { fact: Fact; comparison: FactComparison; verdict: Verdict }[]): void {
  const compatible = new Set<string>();
  for (const r of results) for (const d of r.comparison.details) if (d.compatible && d.kind !== 'polarity') compatible.add(`${d.kind}|${d.role}`);
  for (const r of results) {
    if (r.verdict !== 'discrepancy') continue;
    if (r.comparison.conflicts.every((c) => compatible.has(`${c.kind}|${c.role}`))) r.verdict = 'related';
  }
}

export type { EntityIndex, EntityMention };
