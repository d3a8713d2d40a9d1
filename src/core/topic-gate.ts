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
  const covers = (k: string, t: string) => {
    if (k.length <= SHORT) return false;
    for (let at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + 1)) {
      if (at === 0 || !WORD_CHAR.test(t[at - 1]!)) return true;
    }
    return false;
  };
  for (const t of sorted) if (!kept.some((k) => covers(k, t))) kept.push(t);
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

export function createTopicGate(terms: string[]): TopicGate {
  const kept = minimalTerms(terms);
  if (!kept.length) return { test: () => false };
  const short = new Set(kept.filter((t) => t.length <= SHORT));
  // Longest first, so a hit is the longest term at its place. Each term must follow the text's
  // start or a character that is not a letter or digit: the engine then tries the alternatives
  // only after spaces and punctuation, not at every letter (about a third less time on a 2 MB
  // page, measured in Node 20). The end of a short term is still checked per hit.
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${[...kept].sort((a, b) => b.length - a.length).map(escape).join('|')})`, 'gu');
  return {
    test(text) {
      const lower = text.toLowerCase();
      pattern.lastIndex = 0;
      for (let m = pattern.exec(lower); m; m = pattern.exec(lower)) {
        const term = m[1]!;
        const at = m.index + m[0].length - term.length;
        const before = lower[at - 1];
        const after = lower[at + term.length];
        const startsWord = before === undefined || !WORD_CHAR.test(before);
        const endsWord = after === undefined || !WORD_CHAR.test(after);
        if (startsWord && (!short.has(term) || endsWord)) return true;
        pattern.lastIndex = at + 1;
      }
      return false;
    },
  };
}
