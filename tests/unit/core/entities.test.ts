import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../../../src/core/entities';
import { fold, tokenize } from '../../../src/core/normalize';
import type { Entity } from '../../../src/facts/schema';

const entities: Entity[] = [
  { id: 'lukashenko', kind: 'person', name: 'Alexander Lukashenko', aliases: ['Lukashenko', 'Lukashenka', 'Łukašenka', 'Лукашенко', 'Лукашэнка', 'Aliaksandr Lukashenka'], adjectives: [], topic: true },
  { id: 'lithuania', kind: 'country', name: 'Lithuania', aliases: ['Lietuva', 'Литва'], adjectives: ['Lithuanian'], topic: false },
  { id: 'belarus', kind: 'country', name: 'Belarus', aliases: ['Беларусь', 'Białoruś'], adjectives: ['Belarusian'], topic: true },
  { id: 'icc', kind: 'court', name: 'International Criminal Court', aliases: ['ICC'], adjectives: [], topic: true },
  { id: 'icc-otp', kind: 'organisation', name: 'Office of the Prosecutor', aliases: [], adjectives: [], topic: true },
];
const index = buildEntityIndex(entities);
const found = (s: string) => index.find(tokenize(fold(s))).map((m) => m.entity);

describe('entity index', () => {
  it.each([
    ["Lukashenko's government", ['lukashenko']],
    ['LUKASHENKA', ['lukashenko']],
    ['Łukašenka', ['lukashenko']],
    ['Лукашенко и Лукашэнка', ['lukashenko', 'lukashenko']],
    ["Lithuania's referral", ['lithuania']],
    ['Lithuanian officials', ['lithuania']],
    ['Belarusians abroad', ['belarus']],
    ['Беларуси', ['belarus']],
    ['the ICC', ['icc']],
    ['the Office of the Prosecutor of the International Criminal Court', ['icc-otp', 'icc']],
    ['Aliaksandr Lukashenka', ['lukashenko']],
  ])('%s', (text, ids) => expect(found(text)).toEqual(ids));

  it('does not match names inside other words', () => {
    expect(found('The iccup and the Lithium mine')).toEqual([]);
  });
});
