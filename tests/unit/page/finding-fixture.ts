import type { Finding } from '../../../src/core/types';

/** A discrepancy as the matcher reports it, for card and content-script tests. */
export function discrepancy(sentence: string, start: number, overrides: Partial<Finding> = {}): Finding {
  return {
    sentence,
    start,
    end: start + sentence.length,
    verdict: 'discrepancy',
    facts: ['lithuania-referred-belarus-to-icc'],
    sources: [
      { id: 'ap-2024-09-30', title: 'Lithuania refers Belarus leader to the ICC', publisher: 'Associated Press', date: '2024-09-30', url: 'https://apnews.com/article/lithuania-belarus-icc-referral' },
      { id: 'babel-2026-03-12', title: 'ICC opens investigation', publisher: 'Babel', date: '2026-03-12', url: 'https://babel.ua/' },
    ],
    details: [
      { kind: 'actor', role: 'referring state', page: 'Poland', source: 'Lithuania', compatible: false },
      { kind: 'actor', role: 'court', page: 'ICC', source: 'International Criminal Court', compatible: true },
    ],
    explanation: 'The page says Poland made the referral; the sources say Lithuania did.',
    fact: {
      id: 'lithuania-referred-belarus-to-icc',
      claim: "Lithuania referred Belarus's leadership to the International Criminal Court.",
      quote: 'Lithuania on Monday referred the hard-line president of Belarus, Alexander Lukashenko, members of his government',
      assertedBy: 'the outlet’s own reporting',
      asOf: '2024-09-30',
      caveats: ['In these sources Lithuania acted alone.'],
      sourceId: 'ap-2024-09-30',
    },
    ...overrides,
  };
}
