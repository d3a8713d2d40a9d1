/** Findings as the engine would return them, for report, side panel and quiz tests. */
import type { Finding } from '../../../src/core/types';

const AP = {
  id: 'ap-2024-09-30',
  title: 'Lithuania refers Belarus to the ICC, alleging crimes against humanity over opposition crackdown',
  publisher: 'Associated Press',
  date: '2024-09-30',
  url: 'https://apnews.com',
};

export const AGREE_SENTENCE = 'On 30 September 2024, Lithuania referred Belarus to the International Criminal Court.';
export const DIFFER_SENTENCE = 'Poland referred Lukashenko to the ICC in October 2024.';
export const DRAFT = `${AGREE_SENTENCE} ${DIFFER_SENTENCE} The weather was fine.`;

export function agreeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    sentence: AGREE_SENTENCE,
    start: 0,
    end: AGREE_SENTENCE.length,
    verdict: 'agree',
    facts: ['lithuania-referral'],
    sources: [AP],
    details: [{ kind: 'date', role: 'referral date', page: '30 September 2024', source: '30 September 2024', compatible: true }],
    explanation: 'The text gives the referral date and the referring state as the sources do.',
    fact: {
      id: 'lithuania-referral',
      claim: 'Lithuania referred the situation in Belarus to the ICC on 30 September 2024.',
      quote: 'Lithuania on Monday referred the hard-line president of Belarus',
      assertedBy: 'the outlet’s own reporting',
      asOf: '2024-09-30',
      caveats: ['"On Monday" in the source is 30 September 2024.'],
      sourceId: AP.id,
    },
    ...overrides,
  };
}

export function discrepancyFinding(overrides: Partial<Finding> = {}): Finding {
  const start = AGREE_SENTENCE.length + 1;
  return {
    sentence: DIFFER_SENTENCE,
    start,
    end: start + DIFFER_SENTENCE.length,
    verdict: 'discrepancy',
    facts: ['lithuania-referral'],
    sources: [AP],
    details: [
      { kind: 'actor', role: 'referring state', page: 'Poland', source: 'Lithuania', compatible: false },
      { kind: 'date', role: 'referral date', page: 'October 2024', source: '30 September 2024', compatible: false },
    ],
    explanation: 'The text says Poland referred the case in October 2024; the sources say Lithuania, on 30 September 2024.',
    fact: agreeFinding().fact,
    ...overrides,
  };
}

export function relatedFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    ...agreeFinding(),
    verdict: 'related',
    details: [],
    explanation: 'The sentence is about the referral but states nothing to compare.',
    ...overrides,
  };
}
