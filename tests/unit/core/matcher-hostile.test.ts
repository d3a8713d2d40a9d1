import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMatcher } from '../../../src/core/matcher';
import { loadBundledPack } from '../../eval/eval-lib';

const pack = loadBundledPack();
const matcher = createMatcher(pack);

describe('hostile input', () => {
  it.each([
    ['empty text', ''],
    ['only spaces', ' \n\t '.repeat(1000)],
    ['text without spaces', 'Lukashenko'.repeat(100_000)],
    ['a 1 MB sentence', `Lithuania referred Belarus to the ICC ${'and more words '.repeat(70_000)}.`],
    ['control characters and lone surrogates', '\u0000\u0001\ud800Belarus\udfff\u202e ICC \uffff'],
    ['many short sentences', 'Belarus. ICC. '.repeat(50_000)],
  ])('%s: no crash, bounded time, offsets within the text', (_name, text) => {
    const t0 = performance.now();
    const findings = matcher.checkText(text);
    expect(performance.now() - t0).toBeLessThan(20_000);
    for (const f of findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.start, f.end)).toBe(f.sentence);
    }
  });
});

describe('properties of the core', () => {
  const sentenceish = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .array(fc.constantFrom('Lithuania', 'Belarus', 'ICC', 'referred', 'not', 'on', '30 September 2024', 'about', '300,000', 'fled', 'Łukašenka', 'sixth', 'term', ',', '.', '?', '\n', ' ', 'which', 'is', 'a', 'State Party'), { maxLength: 30 })
      .map((w) => w.join(' ')),
  );

  it('never throws and keeps offsets inside the text', () => {
    fc.assert(
      fc.property(fc.array(sentenceish, { maxLength: 6 }), (parts) => {
        const text = parts.join(' ');
        for (const f of matcher.checkText(text)) {
          if (f.start < 0 || f.end > text.length || f.start >= f.end) return false;
          if (text.slice(f.start, f.end) !== f.sentence) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives the same findings', () => {
    fc.assert(
      fc.property(sentenceish, (text) => {
        expect(createMatcher(pack).checkText(text)).toEqual(matcher.checkText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same verdicts whatever the letter case or diacritics', () => {
    const base = fc
      .array(fc.constantFrom('Lithuania', 'referred', 'Belarus', 'Lukashenko', 'to the ICC', 'on 30 September 2024', 'in October 2024', 'Poland', 'is not a State Party', 'a sixth term', 'a fifth term', 'about 300,000', 'people fled'), { minLength: 2, maxLength: 8 })
      .map((w) => `${w.join(' ')}.`);
    const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
    fc.assert(
      fc.property(base, fc.boolean(), (text, upper) => {
        const variant = upper ? text.toUpperCase() : text.toLowerCase();
        const verdicts = (t: string) => matcher.checkText(t).map((f) => [f.verdict, f.facts[0]]);
        expect(verdicts(variant)).toEqual(verdicts(text));
        expect(verdicts(strip(text.replace(/Lukashenko/g, 'Łukašenka')))).toEqual(verdicts(strip(text.replace(/Lukashenko/g, 'Lukasenka'))));
      }),
      { numRuns: 200 },
    );
  });
});
