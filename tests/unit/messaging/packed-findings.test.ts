import { describe, expect, it } from 'vitest';
import { packFindings, unpackFindings } from '../../../src/messaging/packed-findings';
import { discrepancy } from '../page/finding-fixture';

describe('packed findings', () => {
  const findings = [
    discrepancy('Poland referred Lukashenko to the ICC.', 0),
    discrepancy('Lithuania referred the situation.', 50, { verdict: 'agree', details: [] }),
    discrepancy('Poland referred Lukashenko to the ICC.', 100),
  ];
  /** The page's text, which the findings' offsets name. */
  const text = `${'Poland referred Lukashenko to the ICC.'.padEnd(50)}${'Lithuania referred the situation.'.padEnd(50)}Poland referred Lukashenko to the ICC.`;
  const sentenceOf = (start: number, end: number) => (end <= text.length ? text.slice(start, end) : undefined);

  it('sends each fact, source, explanation and detail list once, no sentence, and gives the same findings back', () => {
    const packed = packFindings(findings);
    expect(Object.keys(packed.facts)).toEqual(['lithuania-referred-belarus-to-icc']);
    expect(Object.keys(packed.sources)).toEqual(['ap-2024-09-30', 'babel-2026-03-12']);
    expect(packed.findings[0]!.fact).toBe('lithuania-referred-belarus-to-icc');
    expect(packed.texts).toHaveLength(1);
    expect(packed.detailLists).toHaveLength(2);
    expect(packed.findings.map((f) => f.details)).toEqual([0, 1, 0]);
    expect(JSON.stringify(packed)).not.toContain('Poland referred');
    // Smaller on the wire than the findings with their copies.
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(findings).length * 0.6);
    const back = unpackFindings(structuredClone(packed), sentenceOf)!;
    expect(back).toEqual(findings);
    expect(back[0]!.fact).toBe(back[1]!.fact);
  });

  it('drops a finding whose offsets name no text the page has, or whose tables are missing', () => {
    const packed = structuredClone(packFindings(findings));
    packed.findings[0]!.end = 10_000;
    packed.findings[1]!.explanation = 7;
    packed.findings[2]!.details = -1;
    expect(unpackFindings(packed, sentenceOf)).toEqual([]);
    expect(unpackFindings({ ...packFindings(findings), texts: undefined }, sentenceOf)).toBeNull();
  });

  it('drops findings that name a fact or source the reply lacks, and refuses a malformed reply', () => {
    const packed = packFindings(findings);
    packed.findings[1]!.sources = ['nowhere'];
    packed.findings[0]!.fact = '__proto__';
    expect(unpackFindings(packed, sentenceOf)).toEqual([findings[2]]);
    expect(unpackFindings(null, sentenceOf)).toBeNull();
    expect(unpackFindings({ findings: [] }, sentenceOf)).toBeNull();
    expect(unpackFindings({ findings: 'x', facts: {}, sources: {}, texts: [], detailLists: [] }, sentenceOf)).toBeNull();
  });
});
