import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { segmentInWindows, segmentSentences } from '../../../src/core/segment';

/** Sentence-ish pieces with the marks that make Intl.Segmenter look ahead: abbreviations, quotes, lower-case follow-ons. */
const piece = fc.constantFrom(
  'Lithuania referred the situation in Belarus on Sept. 30.',
  'Mr. Khan confirmed it.',
  'The U.S. army said nothing.',
  '"It is over," she said.',
  'He won (again).',
  'The vote was 80.1 per cent.',
  'Aliaksandr G. Lukashenka won a fifth term',
  'e.g. this one',
  '...',
  'Really?!',
  'x'.repeat(120),
);
const joiner = fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n');

describe('segmentation in windows', () => {
  it('gives the same sentences as one pass over each chunk, for sentences that fit a window', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, joiner), { minLength: 1, maxLength: 160 }), fc.integer({ min: 600, max: 2000 }), (parts, window) => {
        const text = parts.map(([p, j]) => p + j).join('');
        const whole = segmentInWindows(text, 1_000_000);
        // A run longer than a window is cut at a space, as a run longer than a chunk always was.
        fc.pre(whole.every((s) => s.end - s.start < window - 256));
        expect(segmentInWindows(text, window)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('never hands the segmenter a long string, whose cost per character grows with its length', async () => {
    const Real = Intl.Segmenter;
    let longest = 0;
    class Recording extends Real {
      override segment(input: string) {
        longest = Math.max(longest, input.length);
        return super.segment(input);
      }
    }
    const intl = Intl as { Segmenter: typeof Intl.Segmenter };
    intl.Segmenter = Recording as typeof Intl.Segmenter;
    try {
      // A fresh copy of the module, which builds its segmenter (now the recording one) on first use.
      vi.resetModules();
      const { segmentSentences } = await import('../../../src/core/segment');
      const text = 'Lithuania referred the situation in Belarus to the court. '.repeat(4000);
      const spans = segmentSentences(text);
      expect(spans).toHaveLength(4000);
      expect(longest).toBeGreaterThan(0);
      expect(longest).toBeLessThanOrEqual(4096);
    } finally {
      intl.Segmenter = Real;
    }
  });

  it('cuts a run longer than a window without losing text', () => {
    const text = `${'word '.repeat(3000)}End.`;
    const spans = segmentSentences(text);
    expect(spans.map((s) => s.text).join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
  });
});
