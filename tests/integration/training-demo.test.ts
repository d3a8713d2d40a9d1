/**
 * The bundled demo article against the real engine and the real data/: every sentence gets the
 * verdict its author intended. The quiz's truth is the engine's verdict, so if the engine or
 * the facts drift, trainees would be marked wrong for a right answer; this test says so first.
 */
import { describe, expect, it } from 'vitest';
import { loadPackFromData } from '../../src/cli/load-pack';
import { createMatcher } from '../../src/core';
import { DEMO_ARTICLE, DEMO_CLAIMS } from '../../src/training/demo-article';
import { buildQuiz } from '../../src/training/quiz';

const EXPECTED = { agree: 'holds', discrepancy: 'differs', none: 'cant-tell' } as const;

describe('the training demo article', () => {
  it('is judged by the engine as its author intended, sentence by sentence', () => {
    const load = loadPackFromData();
    if (!load.ok) throw new Error(load.message);
    const matcher = createMatcher(load.pack);
    const items = buildQuiz(DEMO_ARTICLE.body, matcher.checkText(DEMO_ARTICLE.body, { textDate: DEMO_ARTICLE.date }));
    expect(items.map((i) => i.sentence)).toEqual(DEMO_CLAIMS.map((c) => c.sentence));
    const got = items.map((i) => `${i.truth}: ${i.sentence}`);
    const want = DEMO_CLAIMS.map((c) => `${EXPECTED[c.intended]}: ${c.sentence}`);
    expect(got).toEqual(want);
  });
});
