/**
 * Sentence segmentation with offsets into the original text. Intl.Segmenter does the work; two
 * fixes make it fit news text: it splits after abbreviations ("Sept. 30", "Mr. Khan", "U.S.",
 * initials), so such breaks are joined again; and a line break without final punctuation (a
 * headline, a list item) ends a sentence.
 */
import type { SentenceSpan } from './types';

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'pres', 'hon', 'rev',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'art', 'para', 'p', 'pp', 'fig', 'approx', 'est', 'ca', 'cf', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp',
  'z', 'b', 'u.s', 'u.k', 'u.n', 'e.u',
]);

/** Longest sentence the segmenter is given at once; longer runs are cut at spaces. */
const CHUNK = 100_000;
/**
 * Intl.Segmenter's cost per character grows with the length of the string it is given (measured
 * in Node 20 on the bench's news page: about 50 ns a character up to 4,000 characters, 220 at
 * 64,000, 4,200 at 200,000), so text reaches it in windows of this many UTF-16 units.
 */
const WINDOW = 4096;
/**
 * Whether a sentence ends can depend on the characters after it ("U.S. army" goes on), so only
 * sentences ending this far before a window's end are taken from it; the next window starts
 * where the last one taken ends.
 */
const LOOKAHEAD = 256;

let segmenter: Intl.Segmenter | undefined;

/** Intl.Segmenter's sentences of `text`, found window by window; same answers, linear cost. */
function* windowedSegments(text: string, size: number): Generator<{ index: number; segment: string }> {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  let pos = 0;
  while (pos < text.length) {
    const stop = Math.min(text.length, pos + size);
    const window = text.slice(pos, stop);
    if (stop === text.length) {
      for (const s of segmenter.segment(window)) yield { index: pos + s.index, segment: s.segment };
      return;
    }
    let next = pos;
    for (const s of segmenter.segment(window)) {
      const end = s.index + s.segment.length;
      if (end > window.length - LOOKAHEAD) break;
      yield { index: pos + s.index, segment: s.segment };
      next = pos + end;
    }
    if (next === pos) {
      // One run longer than a window: cut it at a space (or hard) and go on.
      const sp = text.lastIndexOf(' ', stop - LOOKAHEAD);
      next = sp > pos ? sp + 1 : stop - LOOKAHEAD;
      yield { index: pos, segment: text.slice(pos, next) };
    }
    pos = next;
  }
}

function segmentChunk(text: string, base: number, out: SentenceSpan[], window: number): void {
  let pending: { start: number; end: number } | null = null;
  /** The pending sentence ended on a wrapped line and must go on. */
  let wrapped = false;
  const flush = () => {
    if (pending) pushTrimmed(text, pending.start, pending.end, base, out);
    pending = null;
  };
  for (const s of windowedSegments(text, window)) {
    const start = s.index;
    const end = s.index + s.segment.length;
    // Hard breaks: a blank line, or a single line break, always end a sentence.
    const pieces = splitLines(text, start, end);
    for (const [a, b, endsLine] of pieces) {
      if (pending && !wrapped && !joinsPrevious(text, pending.end, a)) flush();
      pending = pending ? { start: pending.start, end: b } : { start: a, end: b };
      wrapped = endsLine && wrappedLine(text, b);
      if (endsLine && !wrapped) flush();
    }
  }
  flush();
}

function splitLines(text: string, start: number, end: number): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  let a = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      out.push([a, i + 1, true]);
      a = i + 1;
    }
  }
  if (a < end) out.push([a, end, false]);
  return out;
}

/**
 * A single line break inside running prose (a hard-wrapped draft) is not a sentence end: the
 * line goes on in lower case after a word or a comma. A blank line always ends a sentence.
 */
function wrappedLine(text: string, afterBreak: number): boolean {
  const prev = text.slice(Math.max(0, afterBreak - 24), afterBreak - 1).trimEnd();
  const next = text.slice(afterBreak, afterBreak + 2);
  if (/^\s*\n/.test(next) || !next.trim()) return false;
  if (/[,;]$/.test(prev)) return true;
  // A line that stops on a function word cannot be a headline: the sentence goes on.
  if (/(?:^|\s)(?:in|of|the|a|an|and|or|to|for|by|with|on|at|from|that|which|who|as|its|his|her|their)$/.test(prev)) return true;
  return /\p{Ll}$/u.test(prev) && /^[ \t]*[\p{Ll}\d]/u.test(next);
}

/** Whether the break before `next` was only an abbreviation or an initial. */
function joinsPrevious(text: string, prevEnd: number, next: number): boolean {
  const before = text.slice(Math.max(0, prevEnd - 12), prevEnd).trimEnd();
  if (!before.endsWith('.')) return false;
  if (text.slice(prevEnd, next).includes('\n')) return false;
  const word = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  const following = text.slice(next).trimStart();
  if (ABBREVIATIONS.has(word)) {
    // "Sept. 30" and "Mr. Khan" continue; "...in Washington, U.S. The next day" does not, but
    // a capitalised word after a country abbreviation is rare enough in these texts.
    return true;
  }
  // A single capital initial: "Aliaksandr G. Lukashenka".
  if (/^\p{Lu}$/u.test(word) || /(?:^|\s)\p{Lu}\.$/u.test(before)) return /^\p{Lu}/u.test(following);
  return false;
}

function pushTrimmed(text: string, start: number, end: number, base: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ text: text.slice(start, end), start: base + start, end: base + end });
}

/** Splits text into sentences with UTF-16 offsets (end exclusive), trimmed of surrounding space. */
export function segmentSentences(text: string): SentenceSpan[] {
  return segmentInWindows(text, WINDOW);
}

/** `segmentSentences` with the segmenter's window given (tests compare it with one window per chunk). */
export function segmentInWindows(text: string, window: number): SentenceSpan[] {
  if (!(window > LOOKAHEAD)) throw new RangeError(`window must be over ${LOOKAHEAD}`);
  const out: SentenceSpan[] = [];
  let base = 0;
  while (base < text.length) {
    let cut = Math.min(text.length, base + CHUNK);
    if (cut < text.length) {
      // Cut at a line break or a space so no word is split; a text without either is cut hard.
      const nl = text.lastIndexOf('\n', cut);
      const sp = text.lastIndexOf(' ', cut);
      const at = nl > base + CHUNK / 2 ? nl + 1 : sp > base + CHUNK / 2 ? sp + 1 : cut;
      cut = at;
    }
    segmentChunk(text.slice(base, cut), base, out, window);
    base = cut;
  }
  return out;
}
