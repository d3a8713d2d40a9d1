/**
 * Findings arranged the way the draft reads: one entry per sentence, in text order, each with
 * its findings (what differs first). A sentence can match several facts.
 */
import type { Finding } from '../core/types';
import { VERDICT_ORDER } from '../ui/verdict';

export interface SentenceGroup {
  start: number;
  end: number;
  sentence: string;
  findings: Finding[];
}

export function groupBySentence(findings: readonly Finding[]): SentenceGroup[] {
  const byKey = new Map<string, SentenceGroup>();
  for (const f of findings) {
    const key = `${f.start}:${f.end}`;
    let g = byKey.get(key);
    if (!g) {
      g = { start: f.start, end: f.end, sentence: f.sentence, findings: [] };
      byKey.set(key, g);
    }
    g.findings.push(f);
  }
  const rank = (f: Finding) => {
    const i = VERDICT_ORDER.indexOf(f.verdict);
    return i < 0 ? VERDICT_ORDER.length : i;
  };
  const groups = [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const g of groups) g.findings.sort((a, b) => rank(a) - rank(b));
  return groups;
}
