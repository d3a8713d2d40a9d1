/**
 * Figures in a sentence, with their hedges, as ranges. Runs on folded text (see normalize.ts),
 * so offsets are the page's own.
 */
import type { Hedge } from '../facts/schema';

export type FigureKind = 'count' | 'percent' | 'ratio' | 'money';

export interface Figure {
  kind: FigureKind;
  /** The figure as written ("about 300,000"), from the folded text. */
  raw: string;
  value: number;
  hedge: Hedge;
  /** For ratios, "one in 30": numerator and denominator; `value` is their quotient. */
  numerator?: number;
  denominator?: number;
  /** Character offsets in the sentence, end exclusive. */
  start: number;
  end: number;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, m: 1e6, mln: 1e6, bn: 1e9, k: 1e3 };

// Longest words first, so "sixty" is never read as "six" followed by "ty".
const NUMBER_WORD = '(?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|seventy|twenty|thirty|eleven|twelve|ninety|eighty|forty|fifty|sixty|three|seven|eight|zero|four|five|nine|one|two|six|ten)(?![a-z])';
const WORD_NUMBER = `(?:(?:a|one)\\s+(?:hundred|thousand|million|billion)(?![a-z]))|${NUMBER_WORD}(?:[- ]${NUMBER_WORD})?(?: hundred)?(?:(?: and)? ${NUMBER_WORD}(?:[- ]${NUMBER_WORD})?)?(?: (?:thousand|million|billion))?`;
const DIGITS = '\\d{1,3}(?:[, ]\\d{3})+(?:\\.\\d+)?|\\d+(?:[.,]\\d+)?';

const HEDGE_WORDS: [RegExp, Hedge][] = [
  [/(?:more than|over|upwards of|at least|in excess of|above|no fewer than|no less than|exceeding|surpassing|some\s+more than)\s+$/, 'more-than'],
  [/(?:fewer than|less than|under|up to|at most|no more than|below)\s+$/, 'less-than'],
  [/(?:nearly|almost|close to|just under|approaching|short of)\s+$/, 'nearly'],
  [/(?:about|around|approximately|roughly|some|an estimated|estimated|circa|about some|an approximate|c\.|~)\s*$/, 'about'],
];

/** Order-of-magnitude phrases: "tens of thousands", "hundreds of thousands", "thousands". */
const ORDERS: [RegExp, number][] = [
  [/\b(?:a few|several|a couple of)\s+dozen\b/g, 12],
  [/\b(?:a few|several|a couple of|some)\s+hundred\b(?!\s+(?:thousand|million))/g, 1e2],
  [/\b(?:a few|several|a couple of|some)\s+thousand\b/g, 1e3],
  [/\b(?:a few|several|a couple of|some)\s+million\b/g, 1e6],
  [/\bhundreds of thousands\b/g, 1e5],
  [/\btens of thousands\b/g, 1e4],
  [/\bhundreds of millions\b/g, 1e8],
  [/\btens of millions\b/g, 1e7],
  [/\b(?<!of )millions\b/g, 1e6],
  [/\b(?<!of )thousands\b/g, 1e3],
  [/\b(?<!of )hundreds\b(?! of)/g, 1e2],
  [/\bdozens\b(?! of (?:thousands|millions))/g, 12],
];

export function parseDigits(s: string): number {
  const t = s.trim();
  // "300,000" / "300 000" group thousands; "86.82" and "1,5" (European) are decimals.
  if (/^\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/.test(t)) return Number(t.replace(/[, ]/g, ''));
  if (/^\d+,\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  return Number(t.replace(/,/g, ''));
}

export function parseNumberWords(s: string): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === 'and' || !w) continue;
    if (w in UNITS) {
      current += UNITS[w]!;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

function hedgeBefore(text: string, start: number): { hedge: Hedge; start: number } {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [re, hedge] of HEDGE_WORDS) {
    const m = re.exec(before);
    if (m) return { hedge, start: start - (before.length - m.index) };
  }
  return { hedge: 'exact', start };
}

/** True where digits are part of a date or a year, which dates.ts owns. */
function looksLikeYear(value: number, raw: string, after: string): boolean {
  return /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100 && !/^\s*(?:people|persons|belarusians|citizens|protesters|prisoners|victims|arrests|residents)/.test(after);
}

/**
 * Every figure in `text` (folded). Years, dates and ordinals are not figures; a number glued to
 * a unit of time ("30 years") is a duration and is left to durations.
 */
/** Anything that can start a figure; most sentences have none, and skip every pattern below. */
const MAY_HAVE_FIGURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|third|quarter|every)/;

// Built once: every sentence with a figure passes here. matchAll copies a global pattern, so
// sharing one is safe.
const RATIO = new RegExp(`\\b(${DIGITS}|${WORD_NUMBER})\\s+(?:[a-z]+\\s+)?(?:in|out of)\\s+(?:every\\s+)?(${DIGITS}|${WORD_NUMBER})\\b(?!\\s*(?:%|percent))`, 'g');
const FIGURE = new RegExp(`([$€£]\\s?)?\\b(${DIGITS}|${WORD_NUMBER})(?:\\s*(million|billion|thousand|mln|bn|m|k)\\b)?(\\s*(?:%|percent\\b|per cent\\b|percentage points?\\b))?`, 'g');
const ORDINAL_DEN: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twentieth: 20, thirtieth: 30 };

export function extractFigures(text: string): Figure[] {
  if (!MAY_HAVE_FIGURE.test(text)) return [];
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const add = (f: Figure) => {
    if (overlaps(f.start, f.end)) return;
    figures.push(f);
    taken.push([f.start, f.end]);
  };

  // Ratios first: "one in 30", "1 in 30", "one out of every 30", "one in every thirty", "every 13th".
  for (const m of text.matchAll(RATIO)) {
    const num = toNumber(m[1]!);
    const den = toNumber(m[2]!);
    if (num === undefined || den === undefined || den === 0 || num >= den) continue;
    // "3 people in 2020" is a count and a year, not a ratio.
    if (den >= 1900 && den <= 2100 && !/every/.test(m[0])) continue;
    const h = hedgeBefore(text, m.index);
    add({ kind: 'ratio', raw: text.slice(h.start, m.index + m[0].length), value: num / den, numerator: num, denominator: den, hedge: h.hedge, start: h.start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/\bevery\s+(\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|thirtieth)\b/g)) {
    const den = ORDINAL_DEN[m[1]!] ?? parseInt(m[1]!, 10);
    if (!den) continue;
    const h = hedgeBefore(text, m.index);
    add({ kind: 'ratio', raw: m[0], value: 1 / den, numerator: 1, denominator: den, hedge: h.hedge, start: h.start, end: m.index + m[0].length });
  }

  // Fractions of a whole, read as percentages: "just over half of the ballots".
  for (const m of text.matchAll(/\b(?:(just over|more than|over|nearly|almost|about|around|less than|under)\s+)?(half|a third|two thirds|two-thirds|a quarter|three quarters)\s+of\b/g)) {
    const value = { half: 50, 'a third': 33.3, 'two thirds': 66.7, 'two-thirds': 66.7, 'a quarter': 25, 'three quarters': 75 }[m[2]!] ?? 50;
    const h = m[1] ?? '';
    const hedge: Hedge = /over|more/.test(h) ? 'more-than' : /nearly|almost/.test(h) ? 'nearly' : /less|under/.test(h) ? 'less-than' : h ? 'about' : 'about';
    add({ kind: 'percent', raw: m[0], value, hedge, start: m.index, end: m.index + m[0].length });
  }

  // Order-of-magnitude phrases.
  for (const [re, magnitude] of ORDERS) {
    for (const m of text.matchAll(re)) {
      add({ kind: 'count', raw: m[0], value: magnitude, hedge: 'order', start: m.index, end: m.index + m[0].length });
    }
  }

  // Digits and number words, with scale words, percent signs and currency.
  for (const m of text.matchAll(FIGURE)) {
    const [whole, currency, numeral, scale, pct] = m;
    const numStart = m.index + (currency?.length ?? 0);
    let value = toNumber(numeral!);
    if (value === undefined) continue;
    // A lone "a"/"one" is an article far more often than a count.
    if (/^(?:a|an|one)$/.test(numeral!) && !scale) continue;
    if (/^(?:a|one)\s/.test(numeral!)) value = toNumber(numeral!.replace(/^a\s/, 'one ')) ?? value;
    if (scale) value *= SCALES[scale] ?? 1;
    const end = m.index + whole.length;
    const after = text.slice(end, end + 24);
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!scale && !pct && looksLikeYear(value, numeral!, after)) continue;
    // Ordinal suffixes and dates are other extractors' business.
    if (/^(?:st|nd|rd|th)\b/.test(after)) continue;
    if (!pct && /^\s*(?:-\s*)?(?:year|decade|month|week|day)s?\b/.test(after)) continue;
    if (/^[./]\d/.test(after) || /\d[./]$/.test(before)) continue;
    if (!pct && !currency && /^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.test(after)) continue;
    if (!pct && !currency && /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$/.test(before)) continue;
    const h = hedgeBefore(text, m.index);
    const kind: FigureKind = pct ? 'percent' : currency || /^\s*(?:dollars|euros|usd|eur|rubles|roubles)\b/.test(after) ? 'money' : 'count';
    add({ kind, raw: text.slice(h.start, end).trim(), value, hedge: h.hedge, start: h.start, end });
  }
  return figures.sort((a, b) => a.start - b.start);
}

function toNumber(s: string): number | undefined {
  if (/^\d/.test(s)) {
    const n = parseDigits(s);
    return Number.isFinite(n) ? n : undefined;
  }
  return parseNumberWords(s);
}

/**
 * The range a hedged figure stands for, as [low, high] inclusive. Percentages hedge in points,
 * not in proportion: "nearly 87%" is 84 to 87, not 78 to 87.
 */
export function hedgeRange(value: number, hedge: Hedge, isPercent = false): [number, number] {
  if (isPercent) {
    switch (hedge) {
      case 'exact':
        return Number.isInteger(value) ? [value - 0.5, value + 0.5] : roundingRange(value);
      case 'about':
        return [value - 2.5, Math.min(100, value + 2.5)];
      case 'more-than':
        return [value, Math.min(100, value + 10)];
      case 'less-than':
        return [Math.max(0, value - 10), value];
      case 'nearly':
        return [value - 3, value];
      case 'order':
        return [value, value];
    }
  }
  switch (hedge) {
    case 'exact':
      return roundingRange(value);
    case 'about':
      return [value * 0.8, value * 1.2];
    // "more than 10,000" excludes 10,000 itself: a page's "fewer than 10,000" must not meet
    // "tens of thousands" at the boundary.
    case 'more-than':
      return [value * 1.001, value * 2];
    case 'less-than':
      return [value * 0.5, value * 0.999];
    case 'nearly':
      return [value * 0.9, value];
    case 'order':
      return [value, value * 10 - 1];
  }
}

/** "65,000" may be a rounded 64,800; "86.82" is precise to the hundredth. */
function roundingRange(value: number): [number, number] {
  if (!Number.isInteger(value)) {
    const decimals = String(value).split('.')[1]?.length ?? 0;
    const half = 0.5 * 10 ** -decimals;
    return [value - half, value + half];
  }
  let unit = 1;
  while (unit < 1e9 && value % (unit * 10) === 0 && value !== 0) unit *= 10;
  // Round figures are read as rounded to their last significant digit, but never beyond 5%.
  const half = Math.min(unit / 2, Math.abs(value) * 0.05);
  return [value - half, value + half];
}
