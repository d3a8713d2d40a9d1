/**
 * Guards the evaluation against regressions, a little below the targets that `npm run eval`
 * measures (discrepancy precision ≥ 0.95, recall ≥ 0.90; agree precision ≥ 0.95, recall ≥ 0.85).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, loadBundledPack, loadCases } from '../../eval/eval-lib';

const cases = loadCases();
const scores = evaluate(loadBundledPack(), cases);

describe('labelled evaluation', () => {
  it('has at least 200 labelled sentences of every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const label of ['agree', 'discrepancy', 'related', 'none'] as const) expect(scores.byLabel[label]).toBeGreaterThanOrEqual(20);
  });
  it('finds discrepancies precisely', () => expect(scores.precision.discrepancy).toBeGreaterThanOrEqual(0.93));
  it('finds most discrepancies', () => expect(scores.recall.discrepancy).toBeGreaterThanOrEqual(0.87));
  it('marks agreement precisely', () => expect(scores.precision.agree).toBeGreaterThanOrEqual(0.93));
  it('finds most agreements', () => expect(scores.recall.agree).toBeGreaterThanOrEqual(0.82));
  it('never marks off-topic sentences', () => expect(scores.offTopicMarks).toBe(0));
  it('finds no discrepancy in the source documents themselves', () => expect(scores.sourceDiscrepancies).toEqual([]));
});
