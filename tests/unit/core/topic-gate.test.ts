import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTopicGate, createTopicGateFrom, GATE_LETTERS, gatePattern, minimalTerms } from '../../../src/core/topic-gate';

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
    const part = fc.constantFrom('Belarus', 'ICC', 'icc', 'Lukashenko', 'Лукашенко', 'Łukašenka', 'x', 'я', 'é', '1', ' ', '-', '«', '»', '“', '\n', '.', '×', 'ł', 'ß', '中', 'ab', '\u0301', 'α', 'ǅ', '\u0374', '😀', '—', 'ё');
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
    const kept = minimalTerms(terms);
    const given = createTopicGateFrom(gatePattern(kept).source, kept);
    for (const text of ['Belarusian news', 'the ICC prosecutor', 'iccup', 'Alexander Lukashenko', 'Лукашенко', 'nothing', '', 'xbelarus'])
      expect(given.test(text), text).toBe(full.test(text));
  });
});

describe('the gate pattern', () => {
  it('excludes from its boundary class only letters and digits, so every true boundary still passes it', () => {
    const letters = new RegExp(`[${GATE_LETTERS}]`);
    const WORD = /[\p{L}\p{N}]/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (letters.test(c) && !WORD.test(c)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('is not a unicode pattern: V8 runs those 7-8 times slower on any text beyond Latin-1 (most news pages)', () => {
    expect(gatePattern(['belarus']).flags).toBe('g');
    expect(gatePattern(['belarus']).unicode).toBe(false);
  });

  it('finds names after curly quotes and dashes, in Cyrillic, and not inside words', () => {
    const g = createTopicGate(['belarus', 'icc', 'лукашенко', 'łukašenka']);
    expect(g.test('He said \u201cBelarus\u201d twice.')).toBe(true);
    expect(g.test('\u2014ICC\u2014')).toBe(true);
    expect(g.test('Заявил Лукашенко.')).toBe(true);
    expect(g.test('«Łukašenka»')).toBe(true);
    expect(g.test('xbelarus, piccolo, ébelarus, 中belarus, я icc2')).toBe(false);
  });

  it('takes a source made by the background; one that does not compile, or no terms, passes nothing', () => {
    const terms = minimalTerms(['belarus', 'icc', 'm.a.r.a.']);
    const given = createTopicGateFrom(gatePattern(terms).source, terms);
    const own = createTopicGate(terms);
    for (const text of ['Belarus', 'the ICC', 'M.A.R.A. said', 'mxaxrxax', 'nothing']) expect(given.test(text), text).toBe(own.test(text));
    expect(createTopicGateFrom('(', terms).test('Belarus')).toBe(false);
    expect(createTopicGateFrom(gatePattern(terms).source, []).test('Belarus')).toBe(false);
  });
});
