/**
 * Ordinals, durations, negation and clauses: the smaller details a sentence fixes. All run on
 * folded text and report offsets into the sentence.
 */
import { parseNumberWords } from './numbers';

export interface OrdinalMention {
  value: number;
  raw: string;
  /** The word after the ordinal ("term"), which says what is counted. */
  noun: string;
  start: number;
  end: number;
}

export interface DurationMention {
  value: number;
  unit: 'day' | 'week' | 'month' | 'year';
  hedge: 'exact' | 'about' | 'more-than' | 'less-than' | 'nearly';
  raw: string;
  start: number;
  end: number;
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12,
};

const MAY_HAVE_ORDINAL = /first|second|third|th\b|fifth|eighth|ninth|twelfth|\d(?:st|nd|rd)\b/;

export function extractOrdinals(text: string): OrdinalMention[] {
  if (!MAY_HAVE_ORDINAL.test(text)) return [];
  const out: OrdinalMention[] = [];
  const re = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(\d{1,2})(?:st|nd|rd|th))(?:[\s-]+(?:consecutive|straight|successive|presidential|new|full))*[\s-]+([a-z]+)/g;
  for (const m of text.matchAll(re)) {
    const value = m[2] ? Number(m[2]) : ORDINAL_WORDS[m[1]!];
    if (!value) continue;
    out.push({ value, raw: m[0], noun: m[3]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const UNIT_OF: Record<string, DurationMention['unit']> = { day: 'day', week: 'week', month: 'month', year: 'year', decade: 'year', century: 'year' };
const UNIT_FACTOR: Record<string, number> = { decade: 10, century: 100 };

const MAY_HAVE_DURATION = /day|week|month|year|decade|centur/;

const DURATION_NUMBER = '(\\d+(?:\\.\\d+)?|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a|an|half a)';
/** Built once (matchAll copies it per call). */
const DURATION = new RegExp(`(?:(more than|over|at least|nearly|almost|about|around|some|fewer than|less than|under|close to)\\s+)?\\b${DURATION_NUMBER}[\\s-]+(day|week|month|year|decade|century)s?(?:[\\s-]+(?:long|old))?\\b`, 'g');

export function extractDurations(text: string): DurationMention[] {
  if (!MAY_HAVE_DURATION.test(text)) return [];
  const out: DurationMention[] = [];
  for (const m of text.matchAll(DURATION)) {
    const rawNum = m[2]!;
    let value = /^\d/.test(rawNum) ? Number(rawNum) : rawNum === 'half a' ? 0.5 : rawNum === 'a' || rawNum === 'an' ? 1 : parseNumberWords(rawNum);
    if (value === undefined) continue;
    const unitWord = m[3]!;
    value *= UNIT_FACTOR[unitWord] ?? 1;
    const h = m[1];
    const hedge: DurationMention['hedge'] = !h ? 'exact' : /more|over|least/.test(h) ? 'more-than' : /nearly|almost|close/.test(h) ? 'nearly' : /fewer|less|under/.test(h) ? 'less-than' : 'about';
    out.push({ value, unit: UNIT_OF[unitWord]!, hedge, raw: m[0], start: m.index, end: m.index + m[0].length });
  }
  // "three decades", "two decades": the plural form with a number word is caught above;
  // "quarter of a century" is rare enough to leave.
  return out;
}

/** Where the sentence denies something, as character offsets of the cue. */
export function findNegations(text: string): { start: number; end: number; raw: string }[] {
  const out: { start: number; end: number; raw: string }[] = [];
  const re = /\b(?:not|never|no longer|neither|non|cannot|none|refused to|refuses to|declined to|declines to|failed to|fails to|has yet to|have yet to)\b|n't\b|\bno\s+(?=[a-z])(?!doubt|one\b)/g;
  for (const m of text.matchAll(re)) {
    // "neither A nor B" is one denial, not two; "nor" alone is never counted for that reason.
    // "not only ... but also" affirms.
    if (/^not\s+only/.test(text.slice(m.index, m.index + 12))) continue;
    // "not just about X — it is about Y": a contrast, not a denial of the claim.
    if (/^not\s+just/.test(text.slice(m.index, m.index + 12))) continue;
    // "It was Lithuania, not Poland, that referred": the denial is of the rival, not the claim.
    if (/,\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && /^not\s+[^,;]{1,40},/.test(text.slice(m.index, m.index + 48))) continue;
    if (/\brather than\s*$/.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    out.push({ start: m.index, end: m.index + m[0].length, raw: m[0] });
  }
  return out;
}

/** ", a member state." closes a sentence as a description; ", the ICC received it." does not. */
function closingAppositive(piece: string): boolean {
  const words = piece.replace(/[.!?"')\]]+\s*$/, '').trim().split(/\s+/);
  return words.length <= 4 && !words.some((w) => /ed$|^(?:is|was|are|were|has|have|had|said|says|will|would|can|could|did|does)$/.test(w));
}

export interface Clause {
  start: number;
  end: number;
  /** Relative clauses and parentheticals are asides: details in them belong to another claim. */
  aside: boolean;
  /** An aside that only names or describes ("Karim Khan, the ICC's prosecutor, ..."). */
  appositive?: boolean;
}

const ASIDE_OPENER = /^\s*(?:which|who|whose|whom|where|while|whereas|although|though|but|when)\b/;

/**
 * Splits a sentence into clauses at commas, semicolons, dashes and brackets. A segment opened by
 * "which", "who", "while"... is an aside; the segments around it form the main clause. Returns
 * ranges; an aside's range is its own, and main-clause pieces are separate ranges with aside false.
 */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  const re = /[,;:()\u2014]|\s-\s/g;
  let last = 0;
  let inBracket = false;
  const push = (start: number, end: number, aside: boolean) => {
    if (end > start) clauses.push({ start, end, aside });
  };
  for (const m of text.matchAll(re)) {
    const piece = text.slice(last, m.index);
    const bracketed = inBracket;
    if (m[0] === '(') inBracket = true;
    if (m[0] === ')') inBracket = false;
    push(last, m.index, bracketed || ASIDE_OPENER.test(piece));
    last = m.index + m[0].length;
  }
  push(last, text.length, inBracket || ASIDE_OPENER.test(text.slice(last)));
  // An appositive between commas describes the name before it: "Lithuania, an ICC member
  // state, brought the case". It is an aside like a "which" clause.
  for (let i = 1; i < clauses.length; i++) {
    const c = clauses[i]!;
    const last = i === clauses.length - 1;
    // Between two commas, or closing the sentence (", a member state.").
    const closed = last ? closingAppositive(text.slice(c.start, c.end)) : text[c.end] === ',';
    if (!c.aside && /^\s*(?:a|an|the|its|his|her|their)\s/.test(text.slice(c.start, c.end)) && text[c.start - 1] === ',' && closed) {
      c.aside = true;
      c.appositive = true;
    }
  }
  return clauses;
}
