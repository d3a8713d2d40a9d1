/** A cheap test of whether a text is about Belarus or the ICC at all. */
export interface TopicGate {
  /** True when the text names at least one gate term. */
  test(text: string): boolean;
}

export function createTopicGate(terms: string[]): TopicGate {
  const escaped = terms.map((t) => t.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = escaped.length ? new RegExp(escaped.join('|'), 'i') : null;
  return { test: (text) => (re ? re.test(text) : false) };
}
