import { describe, expect, it } from 'vitest';
import { packFindings, unpackFindings } from '../../../src/messaging/packed-findings';
import { discrepancy } from '../page/finding-fixture';

describe('packed findings', () => {
  const findings = [
    discrepancy('Poland referred Lukashenko to the ICC.', 0),
    discrepancy('Lithuania referred the situation.', 50, { verdict: 'agree', details: [] }),
  ];

  it('sends each fact and source once and gives the same findings back', () => {
    const packed = packFindings(findings);
    expect(Object.keys(packed.facts)).toEqual(['lithuania-referred-belarus-to-icc']);
    expect(Object.keys(packed.sources)).toEqual(['ap-2024-09-30', 'babel-2026-03-12']);
    expect(packed.findings[0]!.fact).toBe('lithuania-referred-belarus-to-icc');
    // Smaller on the wire than the findings with their copies.
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(findings).length);
    const back = unpackFindings(structuredClone(packed))!;
    expect(back).toEqual(findings);
    expect(back[0]!.fact).toBe(back[1]!.fact);
  });

  it('drops findings that name a fact or source the reply lacks, and refuses a malformed reply', () => {
    const packed = packFindings(findings);
    packed.findings[1]!.sources = ['nowhere'];
    packed.findings[0]!.fact = '__proto__';
    expect(unpackFindings(packed)).toEqual([]);
    expect(unpackFindings(null)).toBeNull();
    expect(unpackFindings({ findings: [] })).toBeNull();
    expect(unpackFindings({ findings: 'x', facts: {}, sources: {} })).toBeNull();
  });
});
