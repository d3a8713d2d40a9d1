/**
 * Dates in a sentence with the precision the text gives: "30 September 2024" is a day,
 * "in October 2024" a month, "in 2023" a year, "Sept. 30" a day without a year. Relative dates
 * ("last September", "on Monday") are resolved only against a known text date.
 */

export type Precision = 'year' | 'month' | 'day';

export interface DateMention {
  year?: number;
  month?: number;
  day?: number;
  precision: Precision;
  /** As written, from folded text. */
  raw: string;
  start: number;
  end: number;
  /** Resolved from a relative expression against the text's date. */
  relative?: boolean;
  /** 0 (Sunday) to 6, for "on Friday" when the text's date is unknown. */
  weekday?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

interface Pattern {
  re: RegExp;
  build(m: RegExpMatchArray): Omit<DateMention, 'raw' | 'start' | 'end'> | null;
}

const month = (s: string) => MONTHS[s.replace('.', '')];
const validDay = (d: number) => d >= 1 && d <= 31;

const PATTERNS: Pattern[] = [
  // 2024-09-30
  { re: /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g, build: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]!, precision: 'day' }) },
  // 30.09.2024, 30/09/2024 (day first: the European form these sources use)
  { re: /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/g, build: (m) => (+m[2]! <= 12 && validDay(+m[1]!) ? { year: +m[3]!, month: +m[2]!, day: +m[1]!, precision: 'day' } : null) },
  // 30 September 2024 / 30 Sept. 2024 / 30th of September, 2024
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'g'), build: (m) => (validDay(+m[1]!) ? { year: +m[3]!, month: month(m[2]!), day: +m[1]!, precision: 'day' } : null) },
  // September 30, 2024 / Sept. 30 2024
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g'), build: (m) => (validDay(+m[2]!) ? { year: +m[3]!, month: month(m[1]!), day: +m[2]!, precision: 'day' } : null) },
  // September 30 / Sept. 30 (no year)
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:%|percent|people|thousand|million))`, 'g'), build: (m) => (validDay(+m[2]!) ? { month: month(m[1]!), day: +m[2]!, precision: 'day' } : null) },
  // 30 September (no year)
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])`, 'g'), build: (m) => (validDay(+m[1]!) ? { month: month(m[2]!), day: +m[1]!, precision: 'day' } : null) },
  // September 2024 / Sept. 2024 / September of 2024
  { re: new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?${YEAR}\\b`, 'g'), build: (m) => ({ year: +m[2]!, month: month(m[1]!), precision: 'month' }) },
  // 2020-2021 / 2020–21 ranges: the first year stands for the start.
  { re: /\b((?:19|20)\d{2})\s*-\s*((?:19|20)?\d{2})\b/g, build: (m) => ({ year: +m[1]!, precision: 'year' }) },
  // A bare year, not a count ("2,020 people" never reaches here: digits with separators are figures).
  { re: /(?<![\d,.$€£])\b((?:19|20)\d{2})\b(?![,.]?\d|\s*(?:%|percent|people|persons|belarusians|citizens|protesters|prisoners|victims))/g, build: (m) => ({ year: +m[1]!, precision: 'year' }) },
];

/**
 * Every date in `text` (folded). `textDate` (ISO) resolves "last September", "this year",
 * "on Monday"; without it those are left out, since guessing a year makes wrong marks.
 */
const MAY_HAVE_DATE = /\d|day\b|\b(?:last|this|next)\s/;

export function extractDates(text: string, textDate?: string): DateMention[] {
  if (!MAY_HAVE_DATE.test(text)) return [];
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // "may" is also a verb: only a day or year next to it makes it a month.
      const built = p.build(m);
      if (!built || (built.month === undefined && built.precision !== 'year')) continue;
      if (/\bmay\b/.test(m[0]) && built.precision === 'month' && !/may,?\s+(?:of\s+)?(?:19|20)\d{2}/.test(m[0])) continue;
      found.push({ ...built, raw: m[0], start, end });
      taken.push([start, end]);
    }
  }
  if (textDate) found.push(...relativeDates(text, textDate, taken));
  else {
    // Without a text date "on Friday" still fixes a weekday, which a dated fact can be checked by.
    for (const m of text.matchAll(/\b(?:on|last|this|next)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g)) {
      if (taken.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
      found.push({ precision: 'day', weekday: WEEKDAYS.indexOf(m[1]!), raw: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Built once (matchAll copies it per call). */
const RELATIVE = new RegExp(`\\b(last|this|next)\\s+(year|${MONTH})`, 'g');

function relativeDates(text: string, textDate: string, taken: [number, number][]): DateMention[] {
  const [y, mo, d] = textDate.split('-').map(Number) as [number, number | undefined, number | undefined];
  const out: DateMention[] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  for (const m of text.matchAll(RELATIVE)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    const which = m[1]!;
    if (m[2] === 'year') {
      out.push({ year: y + (which === 'last' ? -1 : which === 'next' ? 1 : 0), precision: 'year', raw: m[0], start: m.index, end: m.index + m[0].length, relative: true });
    } else if (mo) {
      const target = month(m[2]!)!;
      let year = y;
      if (which === 'last' && target >= mo) year -= 1;
      if (which === 'next' && target <= mo) year += 1;
      out.push({ year, month: target, precision: 'month', raw: m[0], start: m.index, end: m.index + m[0].length, relative: true });
    }
  }
  if (mo && d) {
    for (const m of text.matchAll(/\b(?:on|last|next|this)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/g)) {
      if (!free(m.index, m.index + m[0].length)) continue;
      // News "on Monday" is the most recent such day; "will gather on Tuesday", "plans to ... on
      // Tuesday" and "next Tuesday" look ahead to the next one.
      const base = new Date(Date.UTC(y, mo - 1, d));
      const target = WEEKDAYS.indexOf(m[1]!);
      const ahead = /^next/.test(m[0]) || /\b(?:will|would|shall|plans?|planned|intends?|to|is due|are due|set to)\b[^.;]{0,60}$/.test(text.slice(Math.max(0, m.index - 70), m.index));
      const diff = ahead ? -(((target - base.getUTCDay() + 7) % 7) || 7) : (base.getUTCDay() - target + 7) % 7;
      const day = new Date(base.getTime() - diff * 86_400_000);
      out.push({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), precision: 'day', raw: m[0], start: m.index, end: m.index + m[0].length, relative: true });
    }
  }
  return out;
}

/** Parses an ISO date of any precision. */
export function parseIsoDate(iso: string): { year: number; month?: number; day?: number; precision: Precision } {
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, month: m, day: d, precision: d ? 'day' : m ? 'month' : 'year' };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "30 September 2024", "September 2024", "2024". */
export function formatDate(d: { year?: number; month?: number; day?: number }): string {
  const parts: string[] = [];
  if (d.day) parts.push(String(d.day));
  if (d.month) parts.push(MONTH_NAMES[d.month - 1]!);
  if (d.year) parts.push(String(d.year));
  return parts.join(' ');
}

/** Two dates agree when every part both give is equal. */
export function datesCompatible(page: { year?: number; month?: number; day?: number; weekday?: number }, fact: { year?: number; month?: number; day?: number }): boolean {
  if (page.weekday !== undefined) {
    if (fact.year === undefined || fact.month === undefined || fact.day === undefined) return true;
    return new Date(Date.UTC(fact.year, fact.month - 1, fact.day)).getUTCDay() === page.weekday;
  }
  if (page.year !== undefined && fact.year !== undefined && page.year !== fact.year) return false;
  if (page.month !== undefined && fact.month !== undefined && page.month !== fact.month) return false;
  if (page.day !== undefined && fact.day !== undefined && page.day !== fact.day) return false;
  return true;
}

/** Compares as ordered tuples; a missing part counts as its earliest value. */
export function dateKey(d: { year?: number; month?: number; day?: number; weekday?: number }): number {
  return (d.year ?? 0) * 10_000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}
