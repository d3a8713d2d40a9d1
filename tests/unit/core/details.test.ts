import { describe, expect, it } from 'vitest';
import { extractDurations, extractOrdinals, findNegations, splitClauses } from '../../../src/core/details';
import { fold } from '../../../src/core/normalize';

describe('extractOrdinals', () => {
  it.each([
    ['a sixth term in office', 6, 'term'],
    ['his 7th term', 7, 'term'],
    ['seeks a seventh consecutive term', 7, 'term'],
    ['the fifth presidential term', 5, 'term'],
  ])('%s', (text, value, noun) => expect(extractOrdinals(fold(text))[0]).toMatchObject({ value, noun }));
});

describe('extractDurations', () => {
  it.each([
    ['his three-decade rule', 30, 'year', 'exact'],
    ['his 30 year rule', 30, 'year', 'exact'],
    ['a 30-year rule', 30, 'year', 'exact'],
    ['for more than four years', 4, 'year', 'more-than'],
    ['three decades in power', 30, 'year', 'exact'],
    ['two-decade rule', 20, 'year', 'exact'],
    ['for over a year', 1, 'year', 'more-than'],
  ])('%s', (text, value, unit, hedge) => expect(extractDurations(fold(text))[0]).toMatchObject({ value, unit, hedge }));
});

describe('findNegations', () => {
  it.each([
    ['Belarus is not a State Party', 1],
    ["Belarus isn't a member", 1],
    ['Belarus has never joined the court', 1],
    ['Belarus is a non-member state', 1],
    ['Belarus is a State Party', 0],
    ['This is not only about Belarus but about justice', 0],
    ['Notably, the court acted', 0],
  ])('%s → %i', (text, n) => expect(findNegations(fold(text))).toHaveLength(n));
});

describe('splitClauses', () => {
  it('marks relative clauses as asides and keeps the main clause around them', () => {
    const text = 'Lithuania, which referred Belarus to the ICC, hosted a conference in October 2025';
    const clauses = splitClauses(text).map((c) => ({ text: text.slice(c.start, c.end).trim(), aside: c.aside }));
    expect(clauses).toEqual([
      { text: 'Lithuania', aside: false },
      { text: 'which referred Belarus to the ICC', aside: true },
      { text: 'hosted a conference in October 2025', aside: false },
    ]);
  });
  it('treats a parenthesis as an aside', () => {
    const text = 'The court (based in The Hague) opened a case';
    expect(splitClauses(text).filter((c) => c.aside).map((c) => text.slice(c.start, c.end))).toEqual(['based in The Hague']);
  });
});

describe('appositives', () => {
  const asides = (text: string) => splitClauses(text).filter((c) => c.appositive).map((c) => text.slice(c.start, c.end).trim());
  it('marks a description between commas', () => expect(asides('Karim Khan, the ICC prosecutor, confirmed it')).toEqual(['the ICC prosecutor']));
  it('marks a short closing description', () => expect(asides('The case rests on Lithuania, a member state.')).toEqual(['a member state.']));
  it('does not take a closing main clause for one', () => expect(asides('On 30 September 2024, the ICC received it.')).toEqual([]));
});
