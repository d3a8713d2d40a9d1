import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../src/core/segment';

const texts = (s: string) => segmentSentences(s).map((x) => x.text);

describe('segmentSentences', () => {
  it('does not split after abbreviations and initials', () => {
    expect(texts('Lithuania referred the case on Sept. 30. Mr. Khan confirmed it. The U.S. said nothing.')).toEqual([
      'Lithuania referred the case on Sept. 30.',
      'Mr. Khan confirmed it.',
      'The U.S. said nothing.',
    ]);
    expect(texts('Aliaksandr G. Lukashenka won. Then came protests.')).toEqual(['Aliaksandr G. Lukashenka won.', 'Then came protests.']);
  });

  it('ends headlines and list items at line breaks', () => {
    expect(texts('Lithuania refers Belarus to the ICC\n\nThe referral came on Monday.\n- Poland\n- Latvia')).toEqual([
      'Lithuania refers Belarus to the ICC',
      'The referral came on Monday.',
      '- Poland',
      '- Latvia',
    ]);
  });

  it('joins hard-wrapped prose', () => {
    expect(texts('Lithuania referred the situation in\nBelarus to the court, and the\nprosecutor agreed.')).toEqual([
      'Lithuania referred the situation in\nBelarus to the court, and the\nprosecutor agreed.',
    ]);
  });

  it('gives offsets into the original text', () => {
    const text = '  First one.   Second one? \n\n Third';
    for (const s of segmentSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(texts(text)).toEqual(['First one.', 'Second one?', 'Third']);
  });

  it('handles text without spaces and huge inputs in bounded time', () => {
    const big = 'x'.repeat(1_000_000);
    const t0 = performance.now();
    const spans = segmentSentences(big);
    expect(spans.reduce((n, s) => n + s.text.length, 0)).toBe(big.length);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
