/**
 * Findings as they cross from the background to a page, with nothing sent twice: each fact,
 * source, explanation and list of compared details once per reply, findings naming them by id
 * or index; and no sentence, which the page has already (it sent the text; offsets name it).
 * On a long on-topic page most findings cite the same few facts in the same words: sending each
 * one's copies (1.7 kB a finding, 2 MB for the bench's 0.5 MB page) cost both sides the time to
 * clone them, and the page's share of that was its largest single cost in the bench's profile.
 */
import type { DetailComparison, FactRef, Finding, SourceRef } from '../core/types';

export interface PackedFinding extends Omit<Finding, 'fact' | 'sources' | 'sentence' | 'explanation' | 'details'> {
  /** The best fact's id, a key of `facts`. */
  fact: string;
  /** Source ids, keys of `sources`. */
  sources: string[];
  /** Index into `texts`. */
  explanation: number;
  /** Index into `detailLists`. */
  details: number;
}

export interface PackedFindings {
  findings: PackedFinding[];
  facts: Record<string, FactRef>;
  sources: Record<string, SourceRef>;
  texts: string[];
  detailLists: DetailComparison[][];
}

/** A table of distinct values, each given an index the first time it is seen. */
function interner<T>(key: (value: T) => string): { table: T[]; index(value: T): number } {
  const table: T[] = [];
  const seen = new Map<string, number>();
  return {
    table,
    index(value) {
      const k = key(value);
      let i = seen.get(k);
      if (i === undefined) {
        seen.set(k, (i = table.length));
        table.push(value);
      }
      return i;
    },
  };
}

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const facts: Record<string, FactRef> = {};
  const sources: Record<string, SourceRef> = {};
  const texts = interner<string>((s) => s);
  const detailLists = interner<DetailComparison[]>((d) => JSON.stringify(d));
  const packed = findings.map(({ fact, sources: refs, sentence: _s, explanation, details, ...rest }): PackedFinding => {
    facts[fact.id] ??= fact;
    for (const s of refs) sources[s.id] ??= s;
    return { ...rest, fact: fact.id, sources: refs.map((s) => s.id), explanation: texts.index(explanation), details: detailLists.index(details) };
  });
  return { findings: packed, facts, sources, texts: texts.table, detailLists: detailLists.table };
}

/**
 * The findings again, sharing one object per fact, source and detail list; `sentenceOf` gives
 * each its sentence from the text the page sent. A finding naming something the reply does not
 * hold, or offsets outside the text, is dropped: a mark without its source is worse than none.
 */
export function unpackFindings(reply: unknown, sentenceOf: (start: number, end: number) => string | undefined): Finding[] | null {
  if (!reply || typeof reply !== 'object') return null;
  const { findings, facts, sources, texts, detailLists } = reply as Partial<PackedFindings>;
  if (!Array.isArray(findings) || !isTable(facts) || !isTable(sources) || !Array.isArray(texts) || !Array.isArray(detailLists)) return null;
  const own = (table: object, key: unknown) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);
  const at = <T>(list: T[], i: unknown): T | undefined => (Number.isInteger(i) && (i as number) >= 0 && (i as number) < list.length ? list[i as number] : undefined);
  const out: Finding[] = [];
  for (const f of findings as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    const p = f as PackedFinding;
    if (!own(facts, p.fact) || !Array.isArray(p.sources) || !p.sources.every((id) => own(sources, id))) continue;
    const explanation = at(texts, p.explanation);
    const details = at(detailLists, p.details);
    const sentence = sentenceOf(p.start, p.end);
    if (typeof explanation !== 'string' || !Array.isArray(details) || typeof sentence !== 'string' || !sentence) continue;
    out.push({ ...p, sentence, explanation, details, fact: facts[p.fact]!, sources: p.sources.map((id) => sources[id]!) });
  }
  return out;
}

function isTable(x: unknown): x is Record<string, never> {
  return !!x && typeof x === 'object';
}
