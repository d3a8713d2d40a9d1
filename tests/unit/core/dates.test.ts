import { describe, expect, it } from 'vitest';
import { datesCompatible, extractDates } from '../../../src/core/dates';
import { fold } from '../../../src/core/normalize';

const first = (s: string, textDate?: string) => {
  const d = extractDates(fold(s), textDate)[0];
  return d && { year: d.year, month: d.month, day: d.day, precision: d.precision };
};

describe('extractDates', () => {
  it.each([
    ['On 30 September 2024, Lithuania', { year: 2024, month: 9, day: 30, precision: 'day' }],
    ['On September 30, 2024, Lithuania', { year: 2024, month: 9, day: 30, precision: 'day' }],
    ['filed on Sept. 30', { year: undefined, month: 9, day: 30, precision: 'day' }],
    ['on 30 Sept', { year: undefined, month: 9, day: 30, precision: 'day' }],
    ['in October 2024', { year: 2024, month: 10, day: undefined, precision: 'month' }],
    ['since May 2020', { year: 2020, month: 5, day: undefined, precision: 'month' }],
    ['in 2023', { year: 2023, month: undefined, day: undefined, precision: 'year' }],
    ['the 2020-2021 protests', { year: 2020, month: undefined, day: undefined, precision: 'year' }],
    ['dated 2024-09-30', { year: 2024, month: 9, day: 30, precision: 'day' }],
    ['on 26 January 2025', { year: 2025, month: 1, day: 26, precision: 'day' }],
    ['on the 30th of September, 2024', { year: 2024, month: 9, day: 30, precision: 'day' }],
  ])('%s', (text, expected) => expect(first(text)).toEqual(expected));

  it('does not read the verb "may" as a month', () => {
    expect(extractDates(fold('The court may investigate'))).toEqual([]);
    expect(extractDates(fold('crimes that may have occurred 30 times'))).toEqual([]);
  });

  it('does not read a count as a year', () => {
    expect(extractDates(fold('2,020 people were arrested'))).toEqual([]);
  });

  it('resolves relative dates only with a text date', () => {
    expect(extractDates(fold('Lithuania referred the case last September'))).toEqual([]);
    expect(first('Lithuania referred the case last September', '2025-02-01')).toEqual({ year: 2024, month: 9, day: undefined, precision: 'month' });
    expect(first('Lithuania on Monday referred', '2024-09-30')).toEqual({ year: 2024, month: 9, day: 30, precision: 'day' });
    expect(first('Lithuania on Monday referred', '2024-10-02')).toEqual({ year: 2024, month: 9, day: 30, precision: 'day' });
  });
});

describe('datesCompatible', () => {
  const fact = { year: 2024, month: 9, day: 30 };
  it.each([
    [{ year: 2024 }, true],
    [{ year: 2024, month: 9 }, true],
    [{ month: 9, day: 30 }, true],
    [{ year: 2024, month: 10 }, false],
    [{ year: 2023, month: 9, day: 30 }, false],
    [{ month: 9, day: 29 }, false],
  ])('%o', (page, ok) => expect(datesCompatible(page, fact)).toBe(ok));
});
