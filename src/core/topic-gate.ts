/**
 * A cheap test of whether a text is about Belarus or the ICC at all, so that an unrelated page
 * costs one regular-expression scan. Terms match as word prefixes ("belarus" finds
 * "Belarusian"); short ones (≤ 4 letters, "icc") as whole words.
 */
export interface TopicGate {
  /** True when the text names at least one gate term. */
  test(text: string): boolean;
  readonly pattern: RegExp | null;
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drops terms that a shorter term already finds as a prefix: fewer alternatives, same hits. */
export function minimalTerms(terms: string[]): string[] {
  const sorted = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter(Boolean))].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const t of sorted) {
    if (!kept.some((k) => k.length > 4 && t.startsWith(k))) kept.push(t);
  }
  return kept.sort();
}

export function createTopicGate(terms: string[]): TopicGate {
  const kept = minimalTerms(terms);
  if (!kept.length) return { test: () => false, pattern: null };
  const alternatives = kept.map((t) => (t.length <= 4 ? `${escape(t)}(?![\\p{L}\\p{N}])` : escape(t)));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'iu');
  return { test: (text) => pattern.test(text), pattern };
}
