import { describe, expect, it } from 'vitest';
import { extractFigures, hedgeRange } from '../../../src/core/numbers';
import { fold } from '../../../src/core/normalize';

const figures = (s: string) => extractFigures(fold(s)).map((f) => ({ kind: f.kind, value: f.value, hedge: f.hedge }));

describe('extractFigures', () => {
  it.each([
    ['about 300,000 Belarusians fled', { kind: 'count', value: 300000, hedge: 'about' }],
    ['more than 65,000 people arrested', { kind: 'count', value: 65000, hedge: 'more-than' }],
    ['over 65 000 detained', { kind: 'count', value: 65000, hedge: 'more-than' }],
    ['some 300 thousand people', { kind: 'count', value: 300000, hedge: 'about' }],
    ['nearly 87% of the vote', { kind: 'percent', value: 87, hedge: 'nearly' }],
    ['86.82 percent of ballots', { kind: 'percent', value: 86.82, hedge: 'exact' }],
    ['almost 87 per cent', { kind: 'percent', value: 87, hedge: 'nearly' }],
    ['tens of thousands were arrested', { kind: 'count', value: 10000, hedge: 'order' }],
    ['hundreds of thousands of people', { kind: 'count', value: 100000, hedge: 'order' }],
    ['thousands tortured', { kind: 'count', value: 1000, hedge: 'order' }],
    ['three judges', { kind: 'count', value: 3, hedge: 'exact' }],
    ['around 20 people', { kind: 'count', value: 20, hedge: 'about' }],
    ['nine hundred thousand people', { kind: 'count', value: 900000, hedge: 'exact' }],
    ['1.2 million viewers', { kind: 'count', value: 1200000, hedge: 'exact' }],
    ['a $1 billion deficit', { kind: 'money', value: 1e9, hedge: 'exact' }],
    ['fewer than 10,000 people', { kind: 'count', value: 10000, hedge: 'less-than' }],
  ])('%s', (text, expected) => {
    expect(figures(text)).toContainEqual(expected);
  });

  it.each([
    ['one in 30 citizens', 1, 30],
    ['1 in 30 Belarusians', 1, 30],
    ['one out of every thirty people', 1, 30],
    ['every 13th Belarusian', 1, 13],
  ])('ratio %s', (text, num, den) => {
    const r = extractFigures(fold(text)).find((f) => f.kind === 'ratio');
    expect(r).toMatchObject({ numerator: num, denominator: den });
  });

  it.each([
    ['in 2020 protests erupted'],
    ['on 30 September 2024'],
    ['his sixth term'],
    ['the 7th term'],
    ['a 30-year rule'],
    ['three decades'],
  ])('no count in %s', (text) => {
    expect(extractFigures(fold(text)).filter((f) => f.kind === 'count')).toEqual([]);
  });

  it('does not read the article "a" or "one" alone as a count', () => {
    expect(figures('one of the leaders met a judge')).toEqual([]);
  });
});

describe('hedgeRange', () => {
  it('reads about as ±20%', () => expect(hedgeRange(300000, 'about')).toEqual([240000, 360000]));
  it('reads an order of magnitude as one decade', () => expect(hedgeRange(100000, 'order')).toEqual([100000, 999999]));
  it('hedges percentages in points', () => expect(hedgeRange(87, 'nearly', true)).toEqual([84, 87]));
  it('treats a round figure as rounded to its last significant digit, by at most 5%', () => {
    expect(hedgeRange(65000, 'exact')).toEqual([64500, 65500]);
    expect(hedgeRange(300000, 'exact')).toEqual([285000, 315000]);
    expect(hedgeRange(3, 'exact')[1]).toBeLessThan(4);
  });
});
