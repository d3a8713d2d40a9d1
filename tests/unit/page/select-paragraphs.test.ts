import { describe, expect, it } from 'vitest';
import { createTopicGate } from '../../../src/core/topic-gate';
import { createParagraphScanner } from '../../../src/page/select-paragraphs';

const gate = createTopicGate(['belarus', 'lukashenk', 'international criminal court', 'icc']);
const scan = (text: string, options = {}) => {
  const scanner = createParagraphScanner(text, gate, options);
  while (!scanner.step(() => true));
  return scanner;
};

describe('createParagraphScanner', () => {
  it('sends on-topic paragraphs whole, trimmed, with offsets into the text', () => {
    const text = '  Belarus held an election. He won.  \n\nUnited won 3-1.\n\nThe ICC acted.';
    const { paragraphs } = scan(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['Belarus held an election. He won.', 'The ICC acted.']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('skips labels shorter than a claim', () => {
    expect(scan('Belarus\n\nICC news\n\nOn Belarus, more.').paragraphs.map((p) => p.text)).toEqual(['On Belarus, more.']);
  });

  it('cuts a wall of text at sentence ends and sends only the pieces on the topic', () => {
    const filler = 'The harvest was good this year in the north. '.repeat(400);
    const claim = 'Lukashenko won a sixth term in January 2025. ';
    const text = filler + claim + filler;
    const { paragraphs } = scan(text, { pieceLength: 2048 });
    expect(paragraphs.length).toBeGreaterThanOrEqual(1);
    expect(paragraphs.length).toBeLessThanOrEqual(2);
    for (const p of paragraphs) {
      expect(p.text.length).toBeLessThanOrEqual(2048);
      expect(text.slice(p.start, p.end)).toBe(p.text);
      // Cut at sentence ends: every piece starts a sentence and ends one.
      expect(p.text).toMatch(/^The |^Lukashenko /);
      expect(p.text).toMatch(/\.$/);
    }
    expect(paragraphs.some((p) => p.text.includes(claim.trim()))).toBe(true);
  });

  it('stops at the character cap and says so', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Belarus fact number ${i} stands here.`).join('\n\n');
    const scanner = scan(text, { maxChars: 300 });
    expect(scanner.truncated).toBe(true);
    expect(scanner.paragraphs.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(300);
    expect(scanner.paragraphs.length).toBeGreaterThan(0);
  });

  it('yields between paragraphs and ends where one pass ends', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Belarus fact number ${i} stands here.`).join('\n\n');
    const scanner = createParagraphScanner(text, gate);
    let steps = 0;
    while (!scanner.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(scanner.paragraphs).toEqual(scan(text).paragraphs);
    expect(scanner.paragraphs).toHaveLength(30);
  });
});
