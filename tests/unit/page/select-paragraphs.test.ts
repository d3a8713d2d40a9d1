import fc from 'fast-check';
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

describe('one scan of the whole text', () => {
  it('chooses exactly the paragraphs that testing each one alone chooses', () => {
    const terms = ['belarus', 'icc', 'icc prosecutor', 'lukashenko', 'лукашенко', 'łukašenka'];
    const gate = createTopicGate(terms);
    // The same gate without `find`: every paragraph tested on its own, the reference.
    const alone = { test: (t: string) => gate.test(t) };
    const part = fc.constantFrom('Belarus', 'ICC', 'icc', ' prosecutor', 'Lukashenko', 'Лукашенко', 'Łukašenka', 'x', 'я', 'é', '1', ' ', '-', '«', '\n', '\n\n', '. ', 'İ', '中', 'said', 'the court ruled today', 'x'.repeat(100), 'Belarus'.repeat(20), 'icc'.repeat(45));
    fc.assert(
      // Runs without spaces longer than half a piece make cuts inside words, where the edges matter.
      fc.property(fc.array(part, { maxLength: 40 }), fc.integer({ min: 256, max: 300 }), (parts, pieceLength) => {
        const text = parts.join('');
        const options = { minLength: 3, pieceLength };
        const once = createParagraphScanner(text, gate, options);
        const each = createParagraphScanner(text, alone, options);
        once.step();
        each.step();
        expect(once.paragraphs).toEqual(each.paragraphs);
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts pieces of a long paragraph the same way either way, across word edges', () => {
    const gate = createTopicGate(['belarus', 'icc']);
    const text = `${'wordy'.repeat(60)}Belarus ${'ab'.repeat(200)}icc ${'x '.repeat(300)}Belarus`;
    const once = createParagraphScanner(text, gate, { minLength: 3, pieceLength: 256 });
    const each = createParagraphScanner(text, { test: (t) => gate.test(t) }, { minLength: 3, pieceLength: 256 });
    once.step();
    each.step();
    expect(once.paragraphs.length).toBeGreaterThan(0);
    expect(once.paragraphs).toEqual(each.paragraphs);
  });
});
