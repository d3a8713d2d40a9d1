import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../src/core/segment';
import { createTopicGate } from '../../../src/core/topic-gate';
import { createCandidateScanner, selectCandidates } from '../../../src/core/select-sentences';

const gate = createTopicGate(['belarus', 'lukashenk', 'international criminal court', 'icc']);

describe('selectCandidates', () => {
  it('takes every sentence of a paragraph that names the topic, with offsets into the whole text', () => {
    const text = 'Weather is fine today, they say.\n\nLukashenko won a sixth term in 2020. He has ruled since 1994 without a break.\n\nUnited won 3-1 on Saturday.';
    const spans = selectCandidates(text, gate, segmentSentences);
    expect(spans.map((s) => s.text)).toEqual(['Lukashenko won a sixth term in 2020.', 'He has ruled since 1994 without a break.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('sends nothing from an off-topic text', () => {
    expect(selectCandidates('About 300,000 homes lost power.\n\nUnited won 3-1.', gate, segmentSentences)).toEqual([]);
  });

  it('drops fragments too short to be claims', () => {
    expect(selectCandidates('Belarus\n\nOn Belarus.', gate, segmentSentences)).toEqual([]);
  });

  it('in a wall of text takes only topic sentences and their neighbours', () => {
    const filler = 'This sentence is about nothing in particular at all. '.repeat(80);
    const text = `${filler}Before the claim comes this one. Belarus is not a State Party. After the claim comes that one. ${filler}`;
    const spans = selectCandidates(text, gate, segmentSentences, { longParagraph: 1000 });
    expect(spans.map((s) => s.text)).toEqual(['Before the claim comes this one.', 'Belarus is not a State Party.', 'After the claim comes that one.']);
  });

  it('stops at the sentence cap', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Belarus sentence number ${i}.`).join('\n\n');
    const scanner = createCandidateScanner(text, gate, segmentSentences, { maxSentences: 10 });
    scanner.step();
    expect(scanner.sentences).toHaveLength(10);
    expect(scanner.truncated).toBe(true);
  });

  it('resumes across slices with the same result', () => {
    const text = Array.from({ length: 30 }, (_, i) => (i % 3 ? `Filler ${i} here.` : `Belarus paragraph ${i} here.`)).join('\n\n');
    const scanner = createCandidateScanner(text, gate, segmentSentences);
    let steps = 0;
    while (!scanner.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(scanner.sentences).toEqual(selectCandidates(text, gate, segmentSentences));
  });
});
