import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../src/core/segment';
import { DEMO_ARTICLE, DEMO_CLAIMS } from '../../../src/training/demo-article';
import { buildQuiz, scoreQuiz, truthOf } from '../../../src/training/quiz';
import { AGREE_SENTENCE, DIFFER_SENTENCE, DRAFT, agreeFinding, discrepancyFinding, relatedFinding } from '../reports/sample-findings';

describe('truthOf', () => {
  it('is "differs" when any finding differs, "holds" when one agrees, else "can\'t tell"', () => {
    expect(truthOf([agreeFinding(), discrepancyFinding()])).toBe('differs');
    expect(truthOf([relatedFinding(), agreeFinding()])).toBe('holds');
    expect(truthOf([relatedFinding()])).toBe('cant-tell');
    expect(truthOf([])).toBe('cant-tell');
  });
});

describe('buildQuiz', () => {
  it('makes one item per sentence of the text, with the engine’s verdict as truth', () => {
    const items = buildQuiz(DRAFT, [discrepancyFinding(), agreeFinding()]);
    expect(items.map((i) => [i.sentence, i.truth])).toEqual([
      [AGREE_SENTENCE, 'holds'],
      [DIFFER_SENTENCE, 'differs'],
      ['The weather was fine.', 'cant-tell'],
    ]);
    expect(items.map((i) => i.index)).toEqual([0, 1, 2]);
  });

  it('uses the engine’s sentence span when it joins what the segmenter splits', () => {
    const text = 'Mr. Khan confirmed the referral. Another sentence.';
    const f = agreeFinding({ sentence: 'Mr. Khan confirmed the referral.', start: 0, end: 32 });
    const items = buildQuiz(text, [f]);
    expect(items.map((i) => i.sentence)).toEqual(['Mr. Khan confirmed the referral.', 'Another sentence.']);
  });
});

describe('scoreQuiz', () => {
  it('counts right answers overall and per kind of claim; unanswered items are not right', () => {
    const items = buildQuiz(DRAFT, [discrepancyFinding(), agreeFinding()]);
    const s = scoreQuiz(items, { 0: 'holds', 1: 'holds' });
    expect(s).toEqual({
      correct: 1,
      total: 3,
      answered: 2,
      byTruth: { holds: { total: 1, correct: 1 }, differs: { total: 1, correct: 0 }, 'cant-tell': { total: 1, correct: 0 } },
    });
  });
});

describe('the demo article', () => {
  it('has 12 to 18 sentences, each an annotated claim, split exactly as written', () => {
    const sentences = segmentSentences(DEMO_ARTICLE.body).map((s) => s.text);
    expect(sentences.length).toBeGreaterThanOrEqual(12);
    expect(sentences.length).toBeLessThanOrEqual(18);
    expect(sentences).toEqual(DEMO_CLAIMS.map((c) => c.sentence));
  });

  it('mixes right, wrong and uncheckable claims; each wrong one changes one kind of detail', () => {
    const by = (v: string) => DEMO_CLAIMS.filter((c) => c.intended === v);
    expect(by('agree').length).toBeGreaterThanOrEqual(4);
    expect(by('none').length).toBeGreaterThanOrEqual(2);
    expect(new Set(by('discrepancy').map((c) => c.changed))).toEqual(new Set(['date', 'actor', 'number', 'ordinal', 'negation']));
    for (const c of DEMO_CLAIMS) expect(c.why.length).toBeGreaterThan(10);
  });
});
