/** Small packs for database tests: the real pack is large and changes; these do not. */
import type { FactPack } from '../../src/facts/schema';
import { packSchema } from '../../src/facts/schema';

export function tinyPack(version: string, factIds: string[] = ['fact-a', 'fact-b'], name = 'sourcelight-core'): FactPack {
  return packSchema.parse({
    format: 1,
    name,
    version,
    sources: [{ id: `${name}-src`, title: 'A source', publisher: 'Pub', published: '2024-09-30', url: 'https://example.org/a', language: 'en', body: 'Lithuania referred Belarus to the ICC on 30 September 2024.' }],
    entities: [{ id: `${name}-lithuania`, kind: 'country', name: 'Lithuania' }],
    facts: factIds.map((id) => ({
      id,
      claim: 'Lithuania referred Belarus to the ICC.',
      quote: { source: `${name}-src`, text: 'Lithuania referred Belarus to the ICC' },
      assertedBy: 'outlet',
      asOf: '2024-09-30',
      frame: [['refer']],
    })),
  });
}
