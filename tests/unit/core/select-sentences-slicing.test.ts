/**
 * A long paragraph (a wall of text, a text/plain page) is read in pieces, one per step, so the
 * candidate scan stays time-sliced however the page is built; and reading it in pieces chooses
 * exactly the sentences that reading it whole does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../src/core/segment';
import { createTopicGate } from '../../../src/core/topic-gate';
import type { SentenceSpan } from '../../../src/core/types';
import GATE_TERMS from '../../../src/generated/gate-terms.json';
import { createCandidateScanner, selectCandidates, type TopicTest } from '../../../src/core/select-sentences';

const gate = createTopicGate([...GATE_TERMS]);

/** The scan as it was before long paragraphs were read in pieces: one segmentation of the whole. */
function wholeParagraphs(text: string, topic: TopicTest, longParagraph: number, maxLength = 2000, minLength = 12): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (let at = 0; at < text.length; ) {
    const cut = text.indexOf('\n\n', at);
    const end = cut < 0 ? text.length : cut;
    const paragraph = text.slice(at, end);
    if (topic.test(paragraph)) {
      const spans = segmentSentences(paragraph);
      const on = paragraph.length > longParagraph ? spans.map((s) => topic.test(s.text)) : null;
      spans.forEach((s, i) => {
        if (on && !(on[i] || on[i - 1] || on[i + 1])) return;
        const size = s.end - s.start;
        if (size >= minLength && size <= maxLength) out.push({ text: s.text, start: s.start + at, end: s.end + at });
      });
    }
    at = end + 2;
  }
  return out;
}

const SENTENCES = [
  'The council met on Tuesday to discuss the budget.',
  'Lukashenko won a fifth term in 2020.',
  'Mr. Smith said the roads were fine.',
  'On Sept. 30 the referral reached the ICC in The Hague.',
  'It rained.',
  'Nothing else happened in the harbour that week, residents said',
  'Belarus is a State Party to the Rome Statute.',
  'Prices rose by 3.5 per cent in the U.S. and fell in Europe.',
  '“We will go on,” she said.',
  'and the line went on in lower case',
];

const wall = fc.array(fc.tuple(fc.integer({ min: 0, max: SENTENCES.length - 1 }), fc.constantFrom(' ', ' ', ' ', '\n', '  ', '\n\n')), { minLength: 1, maxLength: 400 }).map((parts) =>
  parts.map(([i, sep]) => SENTENCES[i] + sep).join(''),
);

describe('long paragraphs in pieces', () => {
  it('choose the same sentences as reading each paragraph whole', () => {
    fc.assert(
      fc.property(wall, fc.integer({ min: 512, max: 3000 }), (text, pieceLength) => {
        const longParagraph = 400;
        const expected = wholeParagraphs(text, gate, longParagraph);
        expect(selectCandidates(text, gate, segmentSentences, { longParagraph, pieceLength })).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('read a 2 MB wall of text without blank lines in many short steps', () => {
    const line = (i: number) => (i % 40 === 7 ? 'Lukashenko won a fifth term in 2020. ' : `The council met on day ${i} to discuss the budget and the roads.\n`);
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 2_000_000; i++) {
      parts.push(line(i));
      size += parts[parts.length - 1]!.length;
    }
    const text = parts.join('');
    const scanner = createCandidateScanner(text, gate, segmentSentences);
    let steps = 0;
    // A shouldYield that always says "yield": each step then does the least it can.
    while (!scanner.step(() => true)) steps++;
    // 2 MB in pieces of 16 K: over a hundred steps, none segmenting more than one piece.
    expect(steps).toBeGreaterThan(100);
    expect(scanner.sentences.length).toBeGreaterThan(0);
    expect(scanner.sentences.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
    expect(scanner.sentences).toEqual(wholeParagraphs(text, gate, 3000));
  });

  it('skip a long paragraph that never names the topic after one cheap pass', () => {
    const text = 'The council met on Tuesday to discuss the budget. '.repeat(20_000);
    let segmented = 0;
    const counting = (t: string) => {
      segmented += t.length;
      return segmentSentences(t);
    };
    expect(selectCandidates(text, gate, counting)).toEqual([]);
    expect(segmented).toBe(0);
  });

  it('survive a sentence longer than a piece', () => {
    const endless = `Belarus ${'and more words '.repeat(3000)}ends here.`;
    const text = `Belarus is a State Party to the Rome Statute. ${endless} Lukashenko won a fifth term in 2020. ${'Filler text here. '.repeat(400)}`;
    const spans = selectCandidates(text, gate, segmentSentences, { pieceLength: 4096 });
    expect(spans.map((s) => s.text)).toContain('Lukashenko won a fifth term in 2020.');
    expect(spans.map((s) => s.text)).toContain('Belarus is a State Party to the Rome Statute.');
    expect(spans.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
  });
});
