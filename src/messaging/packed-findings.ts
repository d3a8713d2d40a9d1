/**
 * Findings as they cross from the background to a page: each fact and source once per reply,
 * findings naming them by id. On a long on-topic page most findings cite the same few facts,
 * and sending each one's copy (1.7 kB a finding, 2 MB for the bench's 0.5 MB page) cost both
 * sides the time to clone it.
 */
import type { FactRef, Finding, SourceRef } from '../core/types';

export interface PackedFinding extends Omit<Finding, 'fact' | 'sources'> {
  /** The best fact's id, a key of `facts`. */
  fact: string;
  /** Source ids, keys of `sources`. */
  sources: string[];
}

export interface PackedFindings {
  findings: PackedFinding[];
  facts: Record<string, FactRef>;
  sources: Record<string, SourceRef>;
}

export function packFindings(findings: readonly Finding[]): PackedFindings {
  const facts: Record<string, FactRef> = {};
  const sources: Record<string, SourceRef> = {};
  const packed = findings.map(({ fact, sources: refs, ...rest }) => {
    facts[fact.id] ??= fact;
    for (const s of refs) sources[s.id] ??= s;
    return { ...rest, fact: fact.id, sources: refs.map((s) => s.id) };
  });
  return { findings: packed, facts, sources };
}

/**
 * The findings again, sharing one object per fact and source. A finding naming a fact or source
 * the reply does not hold is dropped: a mark without its source is worse than none.
 */
export function unpackFindings(reply: unknown): Finding[] | null {
  if (!reply || typeof reply !== 'object') return null;
  const { findings, facts, sources } = reply as Partial<PackedFindings>;
  if (!Array.isArray(findings) || !facts || typeof facts !== 'object' || !sources || typeof sources !== 'object') return null;
  const own = (table: object, key: unknown) => typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key);
  const out: Finding[] = [];
  for (const f of findings as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    const p = f as PackedFinding;
    if (!own(facts, p.fact) || !Array.isArray(p.sources) || !p.sources.every((id) => own(sources, id))) continue;
    out.push({ ...p, fact: facts[p.fact]!, sources: p.sources.map((id) => sources[id]!) });
  }
  return out;
}
