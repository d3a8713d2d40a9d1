import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTopicGate, minimalTerms } from '../../../src/core/topic-gate';

const gate = createTopicGate(['belarus', 'belarusian', 'icc', 'lukashenko', 'alexander lukashenko', 'лукашенко', 'łukašenka', 'lukasenka']);

describe('topic gate', () => {
  it.each([
    ['The Belarusian opposition met.', true],
    ['BELARUS', true],
    ['Reports from the ICC.', true],
    ['“ICC”', true],
    ['Лукашенко сказал', true],
    ['Aliaksandr Łukašenka', true],
    ['The iccup tournament', false],
    ['Weather in Vilnius today', false],
    ['', false],
    ['antibelarus', false],
    ['xbelarus', false],
    ['1icc', false],
    ['«Belarus»', true],
    ['—Lukashenko', true],
    ['ябеларус', false],
  ])('%s → %s', (text, expected) => expect(gate.test(text)).toBe(expected));

  it('keeps only terms that no shorter kept term already finds', () => {
    expect(minimalTerms(['belarus', 'belarusian', 'alexander lukashenko', 'lukashenko', 'icc', 'icc prosecutor'])).toEqual(['belarus', 'icc', 'icc prosecutor', 'lukashenko']);
  });

  it('drops exactly the terms the pairwise rule drops', () => {
    const WORD = /[\p{L}\p{N}]/u;
    const naive = (terms: string[]) => {
      const sorted = [...new Set(terms.map((t) => t.toLowerCase().trim()).filter(Boolean))].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      const kept: string[] = [];
      const covers = (k: string, t: string) => {
        if (k.length <= 4) return false;
        for (let at = t.indexOf(k); at >= 0; at = t.indexOf(k, at + 1)) if (at === 0 || !WORD.test(t[at - 1]!)) return true;
        return false;
      };
      for (const t of sorted) if (!kept.some((k) => covers(k, t))) kept.push(t);
      return kept.sort();
    };
    const word = fc.constantFrom('belarus', 'bel', 'icc', 'iccs', 'lukashenko', 'luka', 'x', 'лукашенко', 'ab', 'belarusian', 'ccc');
    const term = fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) => fc.constantFrom(' ', '-', '', "'").map((sep) => ws.join(sep)));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 12 }), (terms) => {
        expect(minimalTerms(terms)).toEqual(naive(terms));
      }),
      { numRuns: 2000 },
    );
  });

  it('is answered the same way twice (no regex state leaks between calls)', () => {
    expect(gate.test('Belarus')).toBe(true);
    expect(gate.test('Belarus')).toBe(true);
    expect(gate.test('nothing here')).toBe(false);
  });

  it('answers as the plain rule does: a term at a word start, a short one as a whole word', () => {
    const terms = ['belarus', 'icc', 'lukashenko', 'лукашенко', 'łukašenka'];
    const g = createTopicGate(terms);
    const WORD = /[\p{L}\p{N}]/u;
    const reference = (text: string) => {
      const lower = text.toLowerCase();
      for (const t of terms) {
        for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
          const before = lower[at - 1];
          const after = lower[at + t.length];
          if ((before === undefined || !WORD.test(before)) && (t.length > 4 || after === undefined || !WORD.test(after))) return true;
        }
      }
      return false;
    };
    const part = fc.constantFrom('Belarus', 'ICC', 'icc', 'Lukashenko', 'Лукашенко', 'Łukašenka', 'x', 'я', 'é', '1', ' ', '-', '«', '»', '“', '\n', '.', '×', 'ł', 'ß', '中', 'ab');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(g.test(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('a gate from terms already minimal', () => {
  it('answers as one that reduces them itself', () => {
    const terms = ['belarus', 'belarusian', 'icc', 'icc prosecutor', 'lukashenko', 'alexander lukashenko', 'лукашенко'];
    const full = createTopicGate(terms);
    const given = createTopicGate(minimalTerms(terms), { minimal: true });
    for (const text of ['Belarusian news', 'the ICC prosecutor', 'iccup', 'Alexander Lukashenko', 'Лукашенко', 'nothing', '', 'xbelarus'])
      expect(given.test(text), text).toBe(full.test(text));
  });
});
