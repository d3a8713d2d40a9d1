/**
 * Stored rows that no longer make a matcher (damaged outside SourceLight, same version and
 * count, so seeding sees nothing wrong) are repaired from the bundled pack instead of failing
 * every check; an imported pack that still fails is left out. Found by
 * tests/e2e/reliability/database.test.ts in the real browser.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPackStore, type PackStore } from '../../src/background/pack-store';
import { BUNDLED, openDatabase } from '../../src/db/database';
import { loadBundledPack } from '../eval/eval-lib';

const pack = loadBundledPack();
const SENTENCE = 'Lukashenko won a fifth term in 2020.';

let store: PackStore;
let n = 0;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  store = createPackStore(pack, openDatabase(`repair-${++n}`));
  await store.ready();
});
afterEach(async () => {
  vi.restoreAllMocks();
  store.db.close();
  await Dexie.delete(store.db.name);
});

describe('a matcher over damaged rows', () => {
  it('re-seeds the bundled pack when its rows are junk, and checks as before', async () => {
    const keys = await store.db.facts.toCollection().primaryKeys();
    await store.db.facts.bulkPut(keys.map((id) => ({ id, packName: BUNDLED, enabled: true, claim: 7, frame: 'junk' }) as never));
    const matcher = await store.matcher();
    expect(matcher.checkText(SENTENCE).map((f) => f.verdict)).toEqual(['discrepancy']);
    expect(await store.db.facts.count()).toBe(pack.facts.length);
    expect((await store.db.facts.get(pack.facts[0]!.id))?.claim).toBe(pack.facts[0]!.claim);
  });

  it('leaves out an imported pack whose rows are junk, and checks with the bundled facts', async () => {
    await store.db.packs.put({ name: 'newsroom', version: '1.0.0', importedAt: '2024-01-01T00:00:00Z', facts: 1, enabled: true });
    await store.db.facts.put({ id: 'newsroom-1', packName: 'newsroom', enabled: true, frame: 42 } as never);
    const matcher = await store.matcher();
    expect(matcher.checkText(SENTENCE).map((f) => f.verdict)).toEqual(['discrepancy']);
  });
});
