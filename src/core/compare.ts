/**
 * Compares what a sentence fixes with what a fact fixes, detail by detail. A detail the sentence
 * does not give is not compared; a detail it gives in an aside ("Lithuania, which hosts the
 * opposition, ...") belongs to another claim and is not compared either.
 */
import type { Detail, Fact, Hedge } from '../facts/schema';
import { dateKey, datesCompatible, formatDate, parseIsoDate, type DateMention } from './dates';
import { findNegations, type DurationMention, type OrdinalMention } from './details';
import { fold } from './normalize';
import type { EntityMention } from './entities';
import { hedgeRange, type Figure } from './numbers';
import type { DetailComparison } from './types';

/** What the sentence fixes, restricted to the clauses where the fact's claim is made. */
export interface SentenceDetails {
  figures: Figure[];
  dates: DateMention[];
  ordinals: OrdinalMention[];
  durations: DurationMention[];
  /** Entities in the claim's clauses. */
  scopedEntities: EntityMention[];
  /** Every entity id anywhere in the sentence. */
  allEntities: Set<string>;
  negated: boolean;
  /** Raw sentence, to quote the page's own words. */
  sentence: string;
  /** The sentence folded (same offsets). */
  folded: string;
  /** Where the claim's keywords start, as offsets. */
  keywordStarts: number[];
  /** Latest year the sentence or its text is dated to, if known (for as-of rules). */
  textYear?: number;
}

export interface FactComparison {
  details: DetailComparison[];
  conflicts: DetailComparison[];
  /** Compatible details other than polarity. */
  supported: number;
}

const HEDGE_WORDS: Record<Hedge, string> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'less-than': 'fewer than ',
  nearly: 'nearly ',
  order: '',
};
const ORDER_WORDS: Record<number, string> = { 1e2: 'hundreds', 1e3: 'thousands', 1e4: 'tens of thousands', 1e5: 'hundreds of thousands', 1e6: 'millions', 12: 'dozens' };
const ORDINAL_NAMES = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** One formatter for all figures: the same output as `toLocaleString('en-US')`, without building one per call. */
const EN_NUMBER = new Intl.NumberFormat('en-US');

export function describeNumber(value: number, hedge: Hedge): string {
  if (hedge === 'order') return ORDER_WORDS[value] ?? `on the order of ${EN_NUMBER.format(value)}`;
  return `${HEDGE_WORDS[hedge]}${EN_NUMBER.format(value)}`;
}

const claimPolarity = new WeakMap<Fact, boolean>();

/** Whether the fact's claim sentence denies something; `polarity: false` facts always do. */
export function claimNegated(fact: Fact): boolean {
  let negated = claimPolarity.get(fact);
  if (negated === undefined) {
    negated = !fact.polarity || findNegations(fold(fact.claim)).length % 2 === 1;
    claimPolarity.set(fact, negated);
  }
  return negated;
}

const DAYS: Record<'day' | 'week' | 'month' | 'year', number> = { day: 1, week: 7, month: 30.44, year: 365.25 };

function intersects(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The sentence as written at [start, end). */
const said = (d: SentenceDetails, start: number, end: number) => d.sentence.slice(start, end).trim();

/** What comparisons need to know about entities. */
export interface EntityFacts {
  nameOf(id: string): string;
  kindOf(id: string): string | undefined;
  related(a: string, b: string): boolean;
  countryOf(id: string): string | undefined;
}

interface FactEntities {
  /** Named in its details or its frame. */
  all: ReadonlySet<string>;
  /** Required by its frame. */
  frame: ReadonlySet<string>;
}

const factEntityCache = new WeakMap<Fact, FactEntities>();

/** The entities a fact names: the same for every sentence, so worked out once per fact. */
function entitiesOfFact(fact: Fact): FactEntities {
  let out = factEntityCache.get(fact);
  if (!out) {
    const frame = new Set(fact.frame.flatMap((g) => g.filter((a) => a.startsWith('@')).map((a) => a.slice(1))));
    const all = new Set<string>(fact.details.flatMap((x) => (x.kind === 'actor' || x.kind === 'place' ? [x.entity] : [])));
    for (const id of frame) all.add(id);
    factEntityCache.set(fact, (out = { all, frame }));
  }
  return out;
}

export function compareFact(fact: Fact, d: SentenceDetails, ents: EntityFacts): FactComparison {
  const { nameOf, kindOf } = ents;
  const details: DetailComparison[] = [];
  const { all: factEntities, frame: frameEntities } = entitiesOfFact(fact);

  for (const detail of fact.details) {
    const c = compareDetail(fact, detail, d, factEntities, ents);
    if (c) details.push(c);
  }

  // A claim can be negative in its own words ("has not been heard from for a year") while the
  // fact is affirmative; what the page must match is the claim's own polarity.
  const factNegative = claimNegated(fact);
  // Polarity is the most dangerous detail: a stray "not" elsewhere in the sentence must not
  // turn a true sentence into a "differs". A denial counts only where it governs the claim's
  // own words (d.negated), and an affirmative page only contradicts a fact vetted as negative.
  const conflict = d.negated ? !factNegative : !fact.polarity;
  if (conflict) {
    details.push({
      kind: 'polarity',
      role: 'whether it is so',
      page: d.negated ? 'it is not so' : 'it is so',
      source: factNegative ? 'it is not so' : 'it is so',
      compatible: false,
    });
  } else {
    details.push({ kind: 'polarity', role: 'whether it is so', page: d.negated ? 'not' : 'yes', source: factNegative ? 'not' : 'yes', compatible: true });
  }

  const attribution = compareAttribution(fact, d, ents);
  if (attribution) details.push(attribution);

  const conflicts = details.filter((x) => !x.compatible);
  // An actor that the frame already requires (the court in "referred ... to the ICC") is no
  // evidence that the rest of the claim holds; it cannot alone make an agreement.
  const supported = details.filter(
    (x) => x.compatible && x.kind !== 'polarity' && x.kind !== 'attribution' && !((x.kind === 'actor' || x.kind === 'place') && x.entityId && frameEntities.has(x.entityId)),
  ).length;
  return { details, conflicts, supported };
}

function compareDetail(fact: Fact, detail: Detail, d: SentenceDetails, factEntities: ReadonlySet<string>, ents: EntityFacts): DetailComparison | null {
  const { nameOf, kindOf } = ents;
  switch (detail.kind) {
    case 'number': {
      const range = hedgeRange(detail.value, detail.hedge);
      const candidates = d.figures.filter((f) => f.kind === 'count');
      if (!candidates.length) return null;
      const source = describeNumber(detail.value, detail.hedge);
      const best = pickFigure(candidates, range, detail.unit, d.sentence);
      if (!best) return null;
      const ok = intersects(hedgeRange(best.value, best.hedge), range);
      const page = said(d, best.start, best.end);
      if (!ok && detail.cumulative && best.value > range[1] && d.textYear !== undefined && d.textYear > parseIsoDate(fact.asOf).year) {
        return { kind: 'number', role: detail.role, page, source, compatible: true, note: `the source's figure is a running total as of ${fact.asOf}; a later, higher count does not contradict it` };
      }
      return { kind: 'number', role: detail.role, page, source, compatible: ok };
    }
    case 'percent': {
      const candidates = d.figures.filter((f) => f.kind === 'percent');
      if (!candidates.length) return null;
      const range = hedgeRange(detail.value, detail.hedge, true);
      const best = candidates.find((f) => intersects(hedgeRange(f.value, f.hedge, true), range)) ?? candidates[0]!;
      return {
        kind: 'percent',
        role: detail.role,
        page: said(d, best.start, best.end),
        source: `${HEDGE_WORDS[detail.hedge]}${detail.value}%`,
        compatible: intersects(hedgeRange(best.value, best.hedge, true), range),
      };
    }
    case 'ratio': {
      const candidates = d.figures.filter((f) => f.kind === 'ratio');
      if (!candidates.length) return null;
      const target = detail.numerator / detail.denominator;
      const tolerance = detail.hedge === 'exact' ? 0.15 : 0.25;
      const fits = (f: Figure) => Math.abs(f.value - target) / target <= tolerance;
      const best = candidates.find(fits) ?? candidates[0]!;
      return {
        kind: 'ratio',
        role: detail.role,
        page: said(d, best.start, best.end),
        source: `${HEDGE_WORDS[detail.hedge]}${detail.numerator} in ${detail.denominator}`,
        compatible: fits(best),
      };
    }
    case 'date': {
      if (!d.dates.length) return null;
      const factDate = parseIsoDate(detail.value);
      const best = d.dates.find((p) => datesCompatible(p, factDate));
      if (best) return { kind: 'date', role: detail.role, page: said(d, best.start, best.end), source: formatDate(factDate), compatible: true };
      // The nearest date is the one the sentence most likely meant for this claim.
      const nearest = [...d.dates].sort((a, b) => Math.abs(dateKey(a) - dateKey(factDate)) - Math.abs(dateKey(b) - dateKey(factDate)))[0]!;
      return { kind: 'date', role: detail.role, page: said(d, nearest.start, nearest.end), source: formatDate(factDate), compatible: false };
    }
    case 'ordinal': {
      // The counted noun ("term") is one of the role's words; failing that, a lone ordinal in
      // the claim's clauses is the one the claim is about.
      const roleWords = detail.role.toLowerCase().split(/\s+/).filter((w) => w.length >= 4);
      const named = d.ordinals.filter((o) => roleWords.some((w) => o.noun.startsWith(w.slice(0, 4))));
      const candidates = named.length ? named : d.ordinals.length === 1 ? d.ordinals : [];
      if (!candidates.length) return null;
      const best = candidates.find((o) => o.value === detail.value) ?? candidates[0]!;
      return { kind: 'ordinal', role: detail.role, page: said(d, best.start, best.end), source: `${ORDINAL_NAMES[detail.value] ?? `${detail.value}th`} ${best.noun}`, compatible: best.value === detail.value };
    }
    case 'duration': {
      // Compared in days, so "a month" is checked against "about a week".
      if (!d.durations.length) return null;
      const range = hedgeRange(detail.value, detail.hedge).map((x) => x * DAYS[detail.unit]) as [number, number];
      const pageRange = (x: DurationMention) => hedgeRange(x.value, x.hedge).map((v) => v * DAYS[x.unit]) as [number, number];
      const fits = (x: DurationMention) => intersects(pageRange(x), range);
      const best = d.durations.find(fits) ?? d.durations.find((x) => x.unit === detail.unit) ?? d.durations[0]!;
      return {
        kind: 'duration',
        role: detail.role,
        page: said(d, best.start, best.end),
        source: `${HEDGE_WORDS[detail.hedge]}${detail.value} ${detail.unit}${detail.value === 1 ? '' : 's'}`,
        compatible: fits(best),
      };
    }
    case 'actor':
    case 'place': {
      const kind = kindOf(detail.entity);
      const sameEntity = (id: string) => ents.related(id, detail.entity);
      // A rival is of the same kind ("Latvia" for "Lithuania"), or, for places, in another
      // country ("Warsaw" for "Lithuania", "Switzerland" for "The Hague"); one the sentence
      // itself sets aside ("Lithuania, not Poland") is no rival.
      const factCountry = ents.countryOf(detail.entity);
      const isRival = (m: EntityMention) => {
        if (factEntities.has(m.entity) || sameEntity(m.entity)) return false;
        if (/\b(?:not|than|unlike|instead of)\s*$/.test(d.folded.slice(Math.max(0, m.start - 12), m.start))) return false;
        if (m.kind === kind) return true;
        if (detail.kind !== 'place' || !factCountry) return false;
        const rivalCountry = ents.countryOf(m.entity);
        return (m.kind === 'place' || m.kind === 'country') && rivalCountry !== undefined && rivalCountry !== factCountry;
      };
      const rivals = d.scopedEntities.filter(isRival);
      const own = [...d.allEntities].filter(sameEntity);
      if (own.length) {
        // "Lithuania claimed ... on the territory of Latvia": the place the claim puts things in
        // is the one nearest its words, when it is introduced by a preposition.
        const ownMentions = d.scopedEntities.filter((m) => sameEntity(m.entity));
        if (detail.kind === 'place' && ownMentions.length) {
          const distance = (m: { start: number }) => Math.min(...d.keywordStarts.map((k) => Math.abs(k - m.start)));
          const nearest = Math.min(...ownMentions.map(distance));
          const closer = rivals.find((r) => distance(r) < nearest && /\b(?:in|at|to|into|from|territory of)\s*$/.test(d.folded.slice(Math.max(0, r.start - 24), r.start)));
          if (closer) return { kind: 'place', role: detail.role, page: said(d, closer.start, closer.end), source: nameOf(detail.entity), compatible: false };
        }
        return { kind: detail.kind, role: detail.role, page: nameOf(own[0]!), source: nameOf(detail.entity), compatible: true, entityId: detail.entity };
      }
      const rival = rivals[0];
      if (!rival) return null;
      return { kind: detail.kind, role: detail.role, page: said(d, rival.start, rival.end), source: nameOf(detail.entity), compatible: false };
    }
  }
}

/**
 * "..., according to Amnesty International" when the source's figure is Viasna's: the page
 * credits someone else. Only for facts asserted by a named party, and only when the page names
 * a party of the same kind in an attribution phrase and never names the fact's own.
 */
function compareAttribution(fact: Fact, d: SentenceDetails, ents: EntityFacts): DetailComparison | null {
  const { nameOf, kindOf } = ents;
  if (fact.assertedBy === 'outlet' || [...d.allEntities].some((e) => ents.related(e, fact.assertedBy))) return null;
  const kind = kindOf(fact.assertedBy);
  if (!kind) return null;
  const comparable = kind === 'person' ? new Set(['person']) : new Set(['organisation', 'group', 'court']);
  for (const m of d.scopedEntities) {
    if (!comparable.has(m.kind) || ents.related(m.entity, fact.assertedBy)) continue;
    const before = d.folded.slice(Math.max(0, m.start - 40), m.start);
    const after = d.folded.slice(m.end, m.end + 24);
    const credited = /\baccording to\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}$/.test(before) || /^\s*(?:said|says|estimated|estimates|reported|reports|found|counted|claimed|claims)\b/.test(after);
    if (credited) {
      return { kind: 'attribution', role: 'who gives this', page: d.sentence.slice(m.start, m.end), source: nameOf(fact.assertedBy), compatible: false };
    }
  }
  return null;
}

/** The figure that best fits the fact: one in range if any, else the one nearest the unit word. */
function pickFigure(figures: Figure[], range: [number, number], unit: string | undefined, sentence: string): Figure | undefined {
  const fitting = figures.find((f) => intersects(hedgeRange(f.value, f.hedge), range));
  if (fitting) return fitting;
  if (!unit) return figures.length === 1 ? figures[0] : undefined;
  const folded = sentence.toLowerCase();
  const at = folded.indexOf(unit.toLowerCase().slice(0, Math.max(4, unit.length - 2)));
  if (at < 0) return figures.length === 1 ? figures[0] : undefined;
  return [...figures].sort((a, b) => Math.abs(a.end - at) - Math.abs(b.end - at))[0];
}
