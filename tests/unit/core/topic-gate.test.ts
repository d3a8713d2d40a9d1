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
  ])('%s → %s', (text, expected) => expect(gate.test(text)).toBe(expected));

  it('keeps only terms that no shorter kept term already finds', () => {
    expect(minimalTerms(['belarus', 'belarusian', 'alexander lukashenko', 'lukashenko', 'icc', 'icc prosecutor'])).toEqual(['belarus', 'icc', 'icc prosecutor', 'lukashenko']);
  });

  it('is answered the same way twice (no regex state leaks between calls)', () => {
    expect(gate.test('Belarus')).toBe(true);
    expect(gate.test('Belarus')).toBe(true);
    expect(gate.test('nothing here')).toBe(false);
  });
});
