/**
 * A cheap test of whether a text is about Belarus or the ICC at all, so that an unrelated page
 * costs one scan. Terms match at word starts ("belarus" finds "Belarusian"); short ones
 * (≤ 4 letters, "icc") only as whole words.
 *
 * The text is lower-cased once and searched with one alternation that must follow a non-letter;
 * short terms' ends are checked per hit. A case-insensitive pattern with a look-behind gives the
 * same answers but costs several times more on a 2 MB page.
 */
export interface TopicGate {
  /** True when the text names at least one gate term. */
  test(text: string): boolean;
  /**
   * In text already lower-cased, the first term starting at or after `from` that `test` would
   * count there (word boundaries judged in the whole of `lower`), or null. Lets a caller scan a
   * page's text once instead of once per paragraph.
   */
  find(lower: string, from: number): { at: number; length: number } | null;
}

import { fold } from './normalize';

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SHORT = 4;

/**
 * Drops terms that a kept term already finds: one that starts with it ("belarusian" after
 * "belarus"), or holds it at a word start ("alexander lukashenko" after "lukashenko").
 */
export function minimalTerms(terms: string[]): string[] {
  const sorted = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter(Boolean))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept: string[] = [];
  // Kept terms that can cover others (longer than SHORT), by their first SHORT + 1 letters: a
  // term is covered when one of them starts at one of its word starts. One lookup per word start
  // replaces comparing every pair (736 terms: 4.5–7.8 ms → 0.5–1 ms in Node).
  const covering = new Map<string, string[]>();
  const covered = (t: string) => {
    for (let at = 0; at + SHORT < t.length; at++) {
      if (at > 0 && WORD_CHAR.test(t[at - 1]!)) continue;
      const list = covering.get(t.slice(at, at + SHORT + 1));
      if (list?.some((k) => t.startsWith(k, at))) return true;
    }
    return false;
  };
  for (const t of sorted) {
    if (covered(t)) continue;
    kept.push(t);
    if (t.length > SHORT) {
      const head = t.slice(0, SHORT + 1);
      const list = covering.get(head);
      if (list) list.push(t);
      else covering.set(head, [t]);
    }
  }
  return kept.sort();
}

/**
 * The gate's terms for a set of entities: every spelling of the topic entities, as written and
 * folded, so a page's raw text can be tested without folding it first.
 */
export function gateTermsFor(entities: readonly { topic?: boolean; name: string; aliases: string[]; adjectives: string[] }[]): string[] {
  const terms: string[] = [];
  for (const e of entities) {
    if (!e.topic) continue;
    for (const name of [e.name, ...e.aliases, ...e.adjectives]) {
      if (name.length < 3) continue;
      terms.push(name.toLowerCase(), fold(name));
    }
  }
  return minimalTerms(terms);
}

/**
 * Letters and digits the pattern's boundary class may exclude, as a class body: ASCII, the Latin,
 * Greek and Cyrillic blocks the pack's languages write in. Each is a letter or digit (a unit test
 * checks every code point), so the class `[^…]` holds every character that is not one, and more:
 * a character it lets through as a boundary (a CJK letter, a combining mark) is judged again by
 * `find` with the exact \p{L}\p{N} test. Only the hits pay for exactness.
 */
export const GATE_LETTERS = 'a-zA-Z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u0373\\u0386\\u0388-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u03f5\\u03f7-\\u0481\\u048a-\\u052f';

/**
 * The gate's one pattern over lower-cased text (group 1 is the term). Longest first, so a hit is
 * the longest term at its place. Each term must follow the text's start or a character that is
 * not a letter or digit: the engine then tries the alternatives only after spaces and
 * punctuation, not at every letter (about a third less time on a 2 MB page, measured in Node 20).
 * The end of a short term, and the exact start, are checked per hit by `find`.
 *
 * Not a unicode (`u`) pattern: on a text with any character beyond Latin-1 (a curly quote, a
 * dash: most news pages) V8 runs a `u` pattern 7–8 times slower than on plain ASCII (2 MB:
 * 43–45 ms against 5.6 ms in Node 20), and this one at the same speed on both (6.4 ms). The terms
 * hold no character beyond the Basic Multilingual Plane, so code units and code points agree on
 * them. Exported for the benchmark's floor, which tests this very pattern once, and for the
 * background, which sends its source to pages (see `createTopicGate`'s `source`).
 */
export function gatePattern(kept: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^${GATE_LETTERS}])(${[...kept].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'g');
}

/**
 * The gate for any list of terms, reduced first (`minimalTerms`). Terms already minimal, with
 * their pattern's source, make one through `createTopicGateFrom`.
 */
export function createTopicGate(terms: string[]): TopicGate {
  const kept = minimalTerms(terms);
  return kept.length ? gateFromPattern(gatePattern(kept), kept) : { test: () => false, find: () => null };
}

/**
 * The gate for `source`, `gatePattern(terms).source` made by the background, and its minimal
 * `terms`: a page neither reduces, escapes nor sorts them (2–3.5 ms of a cold page in the
 * bench's profiles), and its bundle carries none of that code. A source that does not compile,
 * or no terms, gives a gate that passes nothing: silence.
 */
export function createTopicGateFrom(source: string, terms: readonly string[]): TopicGate {
  const pattern = compiled(source);
  const kept = terms.filter((t) => typeof t === 'string' && t.length > 0);
  return pattern && kept.length ? gateFromPattern(pattern, kept) : { test: () => false, find: () => null };
}

function gateFromPattern(pattern: RegExp, kept: readonly string[]): TopicGate {
  const short = new Set(kept.filter((t) => t.length <= SHORT));
  function find(lower: string, from: number): { at: number; length: number } | null {
    // One character back, so the pattern can take the character before a term at `from`.
    pattern.lastIndex = Math.max(0, from - 1);
    for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
      const term = m[1]!;
      const at = m.index + m[0].length - term.length;
      const before = lower[at - 1];
      const after = lower[at + term.length];
      const startsWord = before === undefined || !WORD_CHAR.test(before);
      const endsWord = after === undefined || !WORD_CHAR.test(after);
      if (at >= from && startsWord && (!short.has(term) || endsWord)) return { at, length: term.length };
      pattern.lastIndex = at + 1;
    }
    return null;
  }
  return { test: (text) => find(text.toLowerCase(), 0) !== null, find };
}

function compiled(source: string | undefined): RegExp | null {
  if (typeof source !== 'string' || !source) return null;
  try {
    return new RegExp(source, 'g');
  } catch {
    return null;
  }
}
