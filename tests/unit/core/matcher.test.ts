import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/matcher';
import { loadBundledPack } from '../../eval/eval-lib';

const matcher = createMatcher(loadBundledPack());
const verdictOf = (text: string, textDate?: string) => matcher.checkText(text, { textDate })[0]?.verdict ?? 'none';
const findingOf = (text: string) => matcher.checkText(text)[0]!;

describe('the verdicts DESIGN.md defines', () => {
  it.each([
    // agree: same claim, compatible details, any spelling
    ['On 30 September 2024, Lithuania referred the situation in Belarus to the International Criminal Court.', 'agree'],
    ['Łukašenka won a sixth term in the disputed 2020 election.', 'agree'],
    ['Some 300,000 Belarusians have fled their country, Pavel Latushko said.', 'agree'],
    ['Hundreds of thousands of people fled Belarus after the 2020 protests.', 'agree'],
    ['Belarus is not a State Party to the Rome Statute.', 'agree'],
    // discrepancy: one detail conflicts
    ['About 900,000 Belarusians have fled the country, Latushka said.', 'discrepancy'],
    ['Lithuania referred Belarus to the ICC in October 2024.', 'discrepancy'],
    ['Lukashenko won a fifth term in the disputed 2020 election.', 'discrepancy'],
    ['Poland referred Lukashenko to the International Criminal Court.', 'discrepancy'],
    ['Belarus is a State Party to the Rome Statute.', 'discrepancy'],
    // silence: off-topic text with the same names and numbers
    ['Lithuania beat Poland 3-1 on 30 September 2024 in Vilnius.', 'none'],
    ["Belarus' trade deficit is nearing $1 billion.", 'none'],
    ['The ICC cricket World Cup final drew 1.2 billion viewers.', 'none'],
  ])('%s → %s', (text, expected) => expect(verdictOf(text)).toBe(expected));

  it('names the detail and both values', () => {
    const f = findingOf('About 900,000 Belarusians have fled the country, Latushka said.');
    expect(f.details).toContainEqual(expect.objectContaining({ kind: 'number', page: 'About 900,000', source: 'about 300,000', compatible: false }));
    expect(f.explanation).toMatch(/900,000.*300,000/);
    expect(f.sources.map((s) => s.id)).toContain('pozirk-2024-12-02');
  });

  it('tells every conflict when a sentence is wrong twice', () => {
    const f = findingOf('Poland referred Lukashenko to the ICC in October 2024.');
    expect(f.details.filter((d) => !d.compatible).map((d) => d.kind).sort()).toEqual(['actor', 'date']);
  });

  it("shows one person's estimate as that person's", () => {
    expect(findingOf('About 300,000 Belarusians have fled, Latushka says.').explanation).toMatch(/according to Pavie/);
  });

  it('does not read a later, higher running total as contradicting an older count', () => {
    expect(verdictOf('Viasna said more than 80,000 people had been arrested since 2020, by its count in 2026.')).not.toBe('discrepancy');
  });

  it('applies a frame\'s exclusions even for words no fact requires', () => {
    // arrested-more-than-65000 excludes "warrant": warrants issued are not people arrested.
    expect(verdictOf('Viasna says more than 65,000 arrest warrants have been issued in Belarus since 2020.')).not.toBe('agree');
    expect(verdictOf('Viasna says more than 65,000 people have been arrested in Belarus since 2020.')).toBe('agree');
  });

  it('never marks a question as agreeing or differing', () => {
    expect(verdictOf('Did Poland refer Lukashenko to the ICC in October 2024?')).not.toMatch(/agree|discrepancy/);
  });

  it('resolves "on Monday" against the text date, and leaves it unresolved without one', () => {
    expect(verdictOf('Lithuania on Monday referred Belarus to the International Criminal Court.', '2024-09-30')).toBe('agree');
    expect(verdictOf('Lithuania on Monday referred Belarus to the International Criminal Court.', '2024-10-09')).toBe('discrepancy');
  });
});
